"""The dialog that adds or edits the counsellor's note on one sentence.

It names the sentence and quotes it (wrapped, and selectable to copy a word from it), then
offers the note's text. Ctrl+Enter saves from anywhere in the dialog, Esc cancels, Tab
leaves the text for the buttons (a note needs no tab characters). The sentence and the note
are in the reading type, up to the notes panel's largest size, so the note looks as it will
in the panel. The dialog fits inside the window it belongs to, however small.

The dialog only asks: the session controller opens it (window-modal, without a nested event
loop) and keeps the note when it is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Lang
from reader.ui.fonts import family_for
from reader.ui.notes_panel import PANEL_MAX_POINTS, excerpt
from reader.ui.pane import language_name

MIN_WIDTH = 480  # unless the window itself is narrower
QUOTE_CHARS = 400  # of the sentence: a "sentence" from a badly made PDF can be a page
NOTE_LINES = 4  # the note's field shows at least this many lines


class NoteDialog(QDialog):
    def __init__(
        self,
        lang: Lang,
        index: int,
        sentence: str,
        note: str = "",
        *,
        font: QFont | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`lang`, `index`: the sentence, whose text is `sentence`; `note`: the note it
        has ("" for none); `font`: the reading font of the sentence's language."""
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.editing = bool(note)
        self.setWindowTitle(self.tr("Edit Note") if self.editing else self.tr("Add Note"))
        where = self.tr("{language} sentence {number}").format(
            language=language_name(lang), number=index + 1
        )
        self.sentence_label = QLabel(f"{where}: “{excerpt(sentence, QUOTE_CHARS)}”")
        self.sentence_label.setObjectName("noteSentence")
        self.sentence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)

        self.edit = QPlainTextEdit(note)
        self.edit.setObjectName("noteText")
        self.edit.setAccessibleName(self.tr("Note text"))
        self.edit.setAccessibleDescription(self.sentence_label.text())
        self.edit.setTabChangesFocus(True)
        self.edit.setToolTip(self.tr("Ctrl+Enter saves the note."))
        hint = QLabel(self.tr("Ctrl+Enter saves · Enter starts a new line · Esc cancels"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("noteSave")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("noteCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence_label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        if font is not None:
            self.set_reading_font(font)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)
        self.edit.setFocus()
        if parent is not None:
            self.fit_to(parent.window())

    @property
    def text(self) -> str:
        """The note as typed, without the blank lines and spaces around it."""
        return self.edit.toPlainText().strip()

    def set_reading_font(self, font: QFont) -> None:
        """The sentence and the note in the reading type, up to PANEL_MAX_POINTS (the hint
        and buttons keep the interface's). The note in the Korean family first, as the
        notes panel lists it (it carries Latin too); the sentence with it as a fallback."""
        font = QFont(font)
        if font.pointSizeF() > PANEL_MAX_POINTS:
            font.setPointSizeF(PANEL_MAX_POINTS)
        families = font.families() or [font.family()]
        if family_for(Lang.KO) not in families:
            font.setFamilies([*families, family_for(Lang.KO)])
        self.sentence_label.setFont(font)
        note = QFont(font)
        note.setFamilies([family_for(Lang.KO), *families])
        self.edit.setFont(note)
        lines = self.edit.fontMetrics().lineSpacing() * NOTE_LINES
        self.edit.setMinimumHeight(lines + 2 * self.edit.frameWidth() + 8)

    def fit_to(self, window: QWidget) -> None:
        """Two thirds of `window`'s width (at least MIN_WIDTH, at most all of it), and
        the height the wrapped sentence needs, up to the window's."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        width = min(max(MIN_WIDTH, window.width() * 2 // 3), window.width())
        height = min(max(self.heightForWidth(width), self.minimumSizeHint().height()),
                     window.height())
        self.setMinimumWidth(min(MIN_WIDTH, window.width()))
        self.resize(width, height)
