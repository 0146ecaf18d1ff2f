"""The Notes panel: the counsellor's notes on sentences, in document order. Choosing a
note makes its sentence current in both panes; Enter (or Edit…) edits it, Delete removes
it and moves on to the next. The panel only shows and asks: the notes themselves are kept
by the session controller. Its type follows the reading size, up to PANEL_MAX_POINTS, as
the glossary panel's does."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Lang
from reader.session.notes import Note
from reader.ui.fonts import family_for
from reader.ui.pane import language_name

KEY_ROLE = Qt.ItemDataRole.UserRole
EXCERPT_CHARS = 70
PANEL_MAX_POINTS = 20.0


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a sentence, cut at a word, for a list or a dialog."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:") + "…"


class NotesPanel(QDockWidget):
    note_selected = Signal(object, int)  # Lang, sentence index
    edit_requested = Signal(object, int)
    delete_requested = Signal(object, int)
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Notes"), parent)
        self.setObjectName("notesDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget()
        self.list = QListWidget()
        self.list.setObjectName("notesList")
        self.list.setAccessibleName(self.tr("Notes on sentences"))
        self.list.setWordWrap(True)
        # Re-lay the rows out when the panel is resized: wrapped rows keep the height
        # measured at the old width otherwise, and their last lines are cut off.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.empty_label = QLabel(self.tr(
            "No notes yet. Click a sentence and choose Add Note to Sentence (Ctrl+Shift+N)."
        ))
        self.empty_label.setObjectName("notesEmpty")
        self.empty_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("notesAdd")
        self.add_button.setToolTip(self.tr("Add a note to the current sentence (Ctrl+Shift+N)"))
        self.add_button.setAccessibleName(self.tr("Add a note"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("notesEdit")
        self.edit_button.setToolTip(self.tr("Edit the chosen note (Enter)"))
        self.edit_button.setAccessibleName(self.tr("Edit the chosen note"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("notesDelete")
        self.delete_button.setToolTip(self.tr("Delete the chosen note (Delete)"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen note"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button.clicked.connect(self._delete_selected)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.set_notes([])

    def set_notes(self, rows: list[tuple[Note, str]]) -> None:
        """Show `rows` (a note and the text of its sentence), in the order given; the
        note that was selected stays selected if it is still there."""
        selected = self.selected()
        self.list.blockSignals(True)
        self.list.clear()
        for note, sentence in rows:
            where = self.tr("{language} sentence {number}").format(
                language=language_name(note.lang), number=note.sentence_index + 1
            )
            item = QListWidgetItem(f"{note.text}\n— {where}: “{excerpt(sentence)}”")
            item.setData(KEY_ROLE, (note.lang.value, note.sentence_index))
            item.setToolTip(f"{where}\n{sentence}")
            self.list.addItem(item)
            if selected == note.key:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def selected(self) -> tuple[Lang, int] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        lang, index = item.data(KEY_ROLE)
        return Lang(lang), int(index)

    def select(self, lang: Lang, index: int) -> None:
        """Select the note on a sentence, if it has one (without moving the panes)."""
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if tuple(item.data(KEY_ROLE)) == (lang.value, index):
                self.list.setCurrentItem(item)
                break
        else:
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._update_buttons()

    def set_reading_font(self, font: QFont) -> None:
        """The notes in the reading type, up to PANEL_MAX_POINTS (the buttons keep the
        interface's, so that the panel stays narrow in a small window). Every row in the
        Korean family (which carries Latin too), so notes in either language look alike."""
        font = QFont(font)
        if font.pointSizeF() > PANEL_MAX_POINTS:
            font.setPointSizeF(PANEL_MAX_POINTS)
        self.empty_label.setFont(font)
        listed = QFont(font)
        listed.setFamilies([family_for(Lang.KO), *font.families()])
        self.list.setFont(listed)
        self.list.doItemsLayout()  # row heights are measured with the font

    def _delete_selected(self) -> None:
        """Delete the chosen note; the one after it (or before, at the end) is chosen next,
        so Delete can be pressed again."""
        row = self.list.currentRow()
        self._request(self.delete_requested)
        if row >= 0 and self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _request(self, signal: object) -> None:
        key = self.selected()
        if key is not None:
            signal.emit(*key)  # type: ignore[attr-defined]

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._update_buttons()
        key = self.selected()
        if current is not None and key is not None:
            self.note_selected.emit(*key)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self._request(self.edit_requested)
