"""Space and Esc for reading aloud without taking them from the widgets that use them.

Play (Space) and Stop (Esc) are window-wide shortcuts, so that they work from the menus'
window and show in the menus and the keyboard help. A window-wide Space would take the key
from buttons, check boxes and combo boxes, and Esc from the sentence editor and any field.
:class:`KeyGate`, installed on the main window, accepts the ShortcutOverride for those keys
on behalf of the focused widget (the override reaches the window after the widget and its
parents have declined it): the shortcut does not fire and the widget gets its key.

- Space reaches Play only from a reading pane (or with no widget focused).
- Esc reaches Stop except from a text entry. Stop is disabled when nothing is being read,
  and a disabled action's shortcut lets the key through.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def is_text_entry(widget: QWidget | None) -> bool:
    return (
        isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit)
        or (isinstance(widget, QTextEdit) and not widget.isReadOnly())
        or (isinstance(widget, QComboBox) and widget.isEditable())
    )


class KeyGate(QObject):
    def __init__(
        self, window: QWidget, reading_widgets: Callable[[], list[QWidget]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.reading_widgets = reading_widgets

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        focus = QApplication.focusWidget()
        if event.key() == Qt.Key.Key_Space:
            reading = focus is None or focus is self.window or any(
                focus is widget for widget in self.reading_widgets())
            keep = not reading
        elif event.key() == Qt.Key.Key_Escape:
            keep = is_text_entry(focus)
        else:
            return False
        if keep:
            event.accept()
        return keep
