"""The one channel for user-visible problems: a bus any code can post to, and the bar
across the top of the window that shows what was posted.

Deep code never opens a QMessageBox; it raises, or posts here, and the window decides
how to show it (qutebrowser's ``message.error``).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import NamedTuple

from PySide6 import QtCore
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

log = logging.getLogger(__name__)


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Message(NamedTuple):  # a NamedTuple: cheaper to create at start-up than a dataclass
    level: Level
    text: str
    detail: str = ""
    action_text: str = ""
    action: Callable[[], None] | None = None


class MessageBus(QObject):
    posted = Signal(object)  # Message

    def post(self, message: Message) -> None:
        level = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING}.get(
            message.level, logging.ERROR
        )
        log.log(level, "%s%s", message.text, f" ({message.detail})" if message.detail else "")
        self.posted.emit(message)

    def error(self, text: str, detail: str = "") -> None:
        self.post(Message(Level.ERROR, text, detail))

    def warning(self, text: str, detail: str = "") -> None:
        self.post(Message(Level.WARNING, text, detail))

    def info(self, text: str, detail: str = "") -> None:
        self.post(Message(Level.INFO, text, detail))


class MessageBar(QFrame):
    """A dismissible bar showing the latest message; info messages fade after a while."""

    INFO_TIMEOUT_MS = 8000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Messages"))
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._action_button = QPushButton()
        self._action_button.hide()
        self._action_button.clicked.connect(self._on_action_button_clicked)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Dismiss message"))
        close.setToolTip(self.tr("Dismiss message (Esc)"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._action_button)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=self.INFO_TIMEOUT_MS)
        self._timer.timeout.connect(self.hide)
        self._message: Message | None = None
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text() if not self.isHidden() else ""

    @property
    def message(self) -> Message | None:
        return self._message

    @Slot(object)
    def show_message(self, message: Message) -> None:
        self._message = message
        # Colours come from the theme's style sheet (reader/ui/themes.py), by level.
        self.setProperty("level", message.level.value)
        self.style().unpolish(self)
        self.style().polish(self)
        text = message.text if not message.detail else f"{message.text}\n{message.detail}"
        self._label.setText(text)
        self._label.setAccessibleName(text)
        # Set here, not at start-up: the Qt namespace's enums take ~15 ms to create.
        self._label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action_button.setVisible(message.action is not None)
        self._action_button.setText(message.action_text)
        self.show()
        if message.level is Level.INFO:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _on_action_button_clicked(self) -> None:
        if self._message and self._message.action:
            self.hide()
            self._message.action()
