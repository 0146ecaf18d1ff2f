"""Sessions and notes in the window: File › Save Session… and Open Session…, Add Note to
Sentence…, the Notes panel, and the notes' marks in the panes.

A session file (``reader.session``) holds the document in both languages with every
sentence's provenance (so corrections and machine translations come back as they were),
the notes, the sentence at the top of the reading pane with how far it was scrolled, and
the current sentence. Saving reads the document and writes the file on a worker; opening
goes through the window's opener (a worker, progress, Cancel, the recent files), then
`restore` puts everything back. A damaged file is refused with the loader's
message, and the document on screen stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog

from reader.document.model import Document, Lang
from reader.session.notes import Notes
from reader.session.session import (
    CurrentSentence,
    ReadingPosition,
    SessionState,
    save_session,
)
from reader.ui.messages import Level, Message
from reader.ui.notes_panel import NotesPanel
from reader.ui.reading import STYLE_KEYS
from reader.ui.sentence_view import SentenceView
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.note_dialog import NoteDialog

SESSION_SUFFIXES = (".dari", ".dari-session")
NAME_CHARS = 60  # of a document's title, in a suggested file name


def safe_name(text: str) -> str:
    """`text` made fit for a file name on every system: letters (Hangul too), digits,
    spaces, hyphens and underscores, at most NAME_CHARS."""
    kept = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in text)
    return " ".join(kept.split())[:NAME_CHARS].strip()


def documents_folder() -> Path:
    """The user's Documents folder if there is one, else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def _span(view: SentenceView, index: int) -> tuple[int, int]:
    """Where sentence `index` starts (viewport y) and how far it is to the next sentence
    that starts lower down, paragraph gap included. A session's reading position is the
    fraction of that span scrolled past, so a view stopped anywhere (in a gap too) comes
    back to the same place, in a window of the same size and type."""
    top = view.sentence_top(index)
    for later in range(index + 1, view.sentence_count):  # the next to start lower down
        below = view.sentence_top(later)
        if below > top:
            return top, below - top
    return top, max(1, view.sentence_bottom(index) - top)


def _sentence_text(document: Document | None, lang: Lang, index: int) -> str:
    """The text of sentence `index` of `lang`, or "" if there is no such sentence."""
    if document is None or not 0 <= index < document.sentence_count(lang):
        return ""
    unit = document.unit_of(lang, index)
    at = index - document.unit_sentences(unit, lang).start
    return document.unit(unit).side(lang)[at].text


class SessionController(QObject):
    notes_changed = Signal()
    session_saved = Signal(object)  # Path

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.notes = Notes()
        self.path: Path | None = None  # the session file last opened or saved
        self._saving: Task | None = None
        self.note_dialog: NoteDialog | None = None  # while one is open
        self.save_action = window._action(
            self.tr("&Save Session…"), self.save_session, "Ctrl+S", name="saveSession"
        )
        self.open_action = window._action(
            self.tr("Open Sess&ion…"), self.show_open_dialog, "Ctrl+Shift+O", name="openSession"
        )
        self.add_note_action = window._action(
            self.tr("Add &Note to Sentence…"), self.add_note, "Ctrl+Shift+N", name="addNote"
        )
        self.panel = NotesPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.toggle_action = self.panel.toggleViewAction()
        self.toggle_action.setText(self.tr("Show N&otes Panel"))
        self.toggle_action.setObjectName("notesPanel")
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.toggle_action.setToolTip(self.tr("Show the notes on sentences (Ctrl+Shift+J)"))
        window.addAction(self.toggle_action)  # the shortcut works with the menu bar hidden
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        self.panel.note_selected.connect(self._on_panel_note_selected)
        self.panel.edit_requested.connect(self.edit_note)
        self.panel.delete_requested.connect(self.delete_note)
        self.panel.add_requested.connect(self.add_note)
        window.document_changed.connect(self._on_window_document_changed)
        window.linker.current_changed.connect(self._on_linker_current_changed)
        for lang, pane in window.panes.items():
            pane.view.sentence_replaced.connect(
                lambda index, lang=lang: self._on_view_sentence_replaced(lang, index))
            pane.view.text_rendered.connect(self._on_view_text_rendered)
        window.settings.changed.connect(self._on_settings_changed)
        self._apply_font()

    # -- notes ------------------------------------------------------------------------
    def add_note(self) -> None:
        """Add a note to the current sentence, or edit the one it has."""
        current = self.window.linker.current
        if self.window.document is None or current is None:
            self.window.statusBar().showMessage(
                self.tr("Click a sentence first, then add a note to it."), 5000
            )
            return
        self.edit_note(*current)

    def edit_note(self, lang: Lang, index: int) -> None:
        """Ask for the note on sentence `index` of `lang` (window-modal; the answer comes
        back in `_on_note_dialog_finished`). Saved empty, an existing note is deleted."""
        view = self.window.panes[lang].view
        if not 0 <= index < view.sentence_count:
            return
        if self.note_dialog is not None:  # one at a time: the newest request wins
            self.note_dialog.reject()
        existing = self.notes.for_sentence(lang, index)
        from reader.ui.note_dialog import NoteDialog  # loaded when first used

        dialog = NoteDialog(lang, index, view.sentence(index).text,
                            existing.text if existing else "",
                            font=self.window.reading.font_for(lang), parent=self.window)
        document = self.window.document
        dialog.finished.connect(
            lambda result, d=dialog: self._on_note_dialog_finished(d, result, document, lang,
                                                                   index))
        self.note_dialog = dialog
        dialog.open()

    def _on_note_dialog_finished(self, dialog: NoteDialog, result: int,
                                 document: Document | None, lang: Lang, index: int) -> None:
        dialog.deleteLater()
        if dialog is self.note_dialog:
            self.note_dialog = None
        if result != QDialog.DialogCode.Accepted or self.window.document is not document:
            return  # cancelled, or another document came meanwhile
        existing = self.notes.for_sentence(lang, index)
        text = dialog.text
        if existing and text == existing.text:
            return
        if not text:
            if existing:
                self.delete_note(lang, index)
            return
        if existing:
            self.notes.edit(lang, index, text)
        else:
            self.notes.add(lang, index, text)
        self._notes_changed()
        self.panel.select(lang, index)

    def delete_note(self, lang: Lang, index: int) -> None:
        note = self.notes.for_sentence(lang, index)
        if note is None:
            return
        self.notes.remove(lang, index)
        self._notes_changed()
        notes = self.notes

        def restore() -> None:
            if notes is self.notes and notes.for_sentence(lang, index) is None:
                self.notes = Notes([*notes, note])
                self._notes_changed()

        self.window.messages.post(
            Message(Level.INFO, self.tr("Note deleted."), action_text=self.tr("Undo"),
                    action=restore)
        )

    def _notes_changed(self) -> None:
        document = self.window.document
        notes = self.notes.all(document)
        for lang, pane in self.window.panes.items():
            pane.view.set_notes({n.sentence_index: n.text for n in notes if n.lang is lang})
        self._refresh_panel()
        self.notes_changed.emit()

    def _refresh_panel(self) -> None:
        """The panel's rows, with each sentence's text from the document (a sentence of a
        long text may not be laid out yet)."""
        document = self.window.document
        self.panel.set_notes([(note, _sentence_text(document, note.lang, note.sentence_index))
                              for note in self.notes.all(document)])

    def _on_view_sentence_replaced(self, lang: Lang, index: int) -> None:
        """A corrected or translated sentence with a note: show its new text."""
        if self.notes.for_sentence(lang, index) is not None:
            self._refresh_panel()

    @Slot()
    def _on_view_text_rendered(self) -> None:
        """Re-rendered (a translation arrived, the document changed shape): the noted
        sentences' text may have changed."""
        if self.notes:
            self._refresh_panel()

    @Slot(str, object)
    def _on_settings_changed(self, name: str, _value: object) -> None:
        if name in STYLE_KEYS or name == "pref/session_font_size":
            self._apply_font()

    def _apply_font(self) -> None:
        self.panel.set_reading_font(self.window.reading.font_for(Lang.EN))

    @Slot(bool)
    def _on_toggle_action_triggered(self, shown: bool) -> None:
        """Shown beside the glossary panel, share its place as a tab (both get the full
        height) and come to the front."""
        glossary = self.window.glossary
        other = glossary.panel if glossary is not None else None
        window = self.window
        if shown and other is not None and other.isVisible() and not other.isFloating() and (
                window.dockWidgetArea(other) == window.dockWidgetArea(self.panel)):
            window.tabifyDockWidget(other, self.panel)
            self.panel.show()
            self.panel.raise_()
        if shown:  # from the keyboard, the list is where one wants to be
            self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(object, int)
    def _on_panel_note_selected(self, lang: Lang, index: int) -> None:
        self.window.linker.set_current(lang, index)

    @Slot(object, int)
    def _on_linker_current_changed(self, lang: Lang, index: int) -> None:
        self.panel.select(lang, index)

    @Slot(object)
    def _on_window_document_changed(self, _document: Document) -> None:
        self.notes = Notes()  # a session being restored puts its own back just after
        self.path = None
        self._notes_changed()

    # -- saving -----------------------------------------------------------------------
    def reading_position(self) -> tuple[ReadingPosition, CurrentSentence | None]:
        """Where the reader is: the top of the pane being followed, and the current
        sentence."""
        window = self.window
        current = window.linker.current
        lang = current[0] if current is not None else window.active_language()
        view = window.panes[lang].view
        anchor = view.anchor()
        if anchor is None:
            position = ReadingPosition(lang, 0, 0.0)
        else:
            top, span = _span(view, anchor.index)
            fraction = min(1.0, max(0.0, -top / span))
            position = ReadingPosition(lang, anchor.index, fraction)
        return position, CurrentSentence(*current) if current is not None else None

    def save_session(self) -> None:
        document = self.window.document
        if document is None or self._saving is not None:
            return
        if self.path is not None:
            suggested = self.path
        elif document.path is not None and document.path.suffix.lower() != ".toml":
            suggested = document.path.with_suffix(".dari")
        else:
            name = safe_name(document.title_in(document.original_language)) or self.tr(
                "Session")
            suggested = documents_folder() / f"{name}.dari"
        filename, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Session"), str(suggested), self._filter()
        )
        if not filename:
            return
        path = Path(filename)
        if path.suffix.lower() not in SESSION_SUFFIXES:
            path = path.with_name(path.name + ".dari")
        position, current = self.reading_position()
        # On a worker: for a 20 MB text, building the JSON alone takes 2 s. The GUI thread
        # changes a sentence only whole, so a correction made meanwhile is in or out.
        task = Task(save_session, path, document, Notes(list(self.notes)), position,
                    current=current)
        task.signals.finished.connect(lambda _r, p=path: self._on_saved(p))
        task.signals.failed.connect(lambda exc, p=path: self._on_save_failed(p, exc))
        self._saving = task
        self.save_action.setEnabled(False)
        task.start()

    def _on_saved(self, path: Path) -> None:
        self._saving = None
        self.save_action.setEnabled(True)
        self.path = path
        self.window.opener.remember(path)
        self.window.messages.info(self.tr("Session saved to {path}.").format(path=path))
        self.session_saved.emit(path)

    def _on_save_failed(self, path: Path, exc: BaseException) -> None:
        self._saving = None
        self.save_action.setEnabled(True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.window.messages.error(
            self.tr("The session could not be saved to {path}.").format(path=path), detail
        )

    # -- opening ----------------------------------------------------------------------
    def _filter(self) -> str:
        patterns = " ".join(f"*{s}" for s in SESSION_SUFFIXES)
        return self.tr("Dari sessions ({patterns});;All files (*)").format(patterns=patterns)

    def show_open_dialog(self) -> None:
        start = self.path.parent if self.path else documents_folder()
        filename, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Session"), str(start), self._filter()
        )
        if filename:
            self.window.open_path(Path(filename))

    def restore(self, state: SessionState, path: Path) -> None:
        """Show a session just read: its document, notes, current sentence and place."""
        window = self.window
        window.set_document(state.document)
        self.path = path
        self.notes = state.notes
        self._notes_changed()
        position, current = state.position, state.current
        view = window.panes[position.lang].view

        def scroll() -> None:
            if position.sentence_index == 0 and position.anchor == 0:
                view.verticalScrollBar().setValue(0)
            else:
                top, span = _span(view, position.sentence_index)
                view.scroll_by(round(top + position.anchor * span))

        def then_scroll() -> None:
            view.when_rendered(position.sentence_index, scroll)

        if current is None:
            then_scroll()
            return
        current_view = window.panes[current.lang].view

        def make_current() -> None:
            window.linker.set_current(current.lang, current.sentence_index)
            then_scroll()

        current_view.when_rendered(current.sentence_index, make_current)
