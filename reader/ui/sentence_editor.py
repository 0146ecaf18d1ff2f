"""Correcting a sentence in place: an editor laid over the sentence in its pane, and the
undoable command that applies a correction to the document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout

from reader.document.model import Document, Lang, Provenance, Sentence
from reader.ui.sentence_view import SentenceView


class SentenceEditor(QFrame):
    """Edits one sentence: Ctrl+Enter (or Enter) saves, Esc cancels."""

    saved = Signal(int, str)  # sentence index, new text
    cancelled = Signal()

    def __init__(self, view: SentenceView, index: int) -> None:
        super().__init__(view.viewport())
        self.view, self.index = view, index
        self.setObjectName("sentenceEditor")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.edit = QPlainTextEdit(view.sentence(index).text)
        self.edit.setFont(view.font())
        self.edit.setAccessibleName(self.tr("Correct this sentence"))
        self.edit.installEventFilter(self)
        hint = QLabel(self.tr("Enter saves your correction · Shift+Enter new line · Esc cancels"))
        hint.setObjectName("editorHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        self._place()

    def _place(self) -> None:
        top = max(0, self.view.sentence_top(self.index) - 6)
        lines = max(2, self.edit.document().lineCount() + 1)
        height = self.edit.fontMetrics().lineSpacing() * (lines + 1) + 40
        width = self.view.viewport().width() - 16
        self.setGeometry(8, top, width, height)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key, mods = event.key(), event.modifiers()
            if key == QtCore.Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
            if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and not (
                mods & QtCore.Qt.KeyboardModifier.ShiftModifier
            ):
                self.saved.emit(self.index, self.edit.toPlainText().strip())
                return True
        return False


class CorrectSentence(QUndoCommand):
    """Replace one translated sentence with the user's correction (undoable)."""

    def __init__(
        self,
        document: Document,
        lang: Lang,
        index: int,
        text: str,
        apply: Callable[[Lang, int, Sentence, Sentence], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("SentenceEditor", "Correct Sentence"))
        self.document, self.lang, self.index = document, lang, index
        self.old = document.sentences(lang)[index]
        self.new = Sentence(text, Provenance.corrected())
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.lang, self.index, self.old, self.new)

    def undo(self) -> None:
        self._apply(self.lang, self.index, self.new, self.old)
