"""Changing the glossary: add (from a selection), edit, delete, restore, CSV import and
export -- the editing half of :class:`~reader.ui.glossary_ui.GlossaryController`.

Each change is a :class:`GlossaryEdit` on the glossary's own undo stack holding the user's
data before and after (made on a scratch copy), so undo and redo are exact. After each
one the user's file is saved atomically (:class:`~reader.glossary.store.UserGlossaryStore`);
the bundled files are never written -- an edit of a bundled entry is kept as an override.
A save that fails leaves the old file in place and says so through the message bus; the
change stays in the window and is saved with the next one (or when the window closes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.document.model import Lang
from reader.glossary.model import Entry, EntryOrigin, Glossary, UserData
from reader.ui.messages import Level, Message, MessageBus

if TYPE_CHECKING:
    from reader.glossary.store import UserGlossaryStore
    from reader.ui.glossary_editor import EntryEditor
    from reader.ui.glossary_marks import TermMarker
    from reader.ui.glossary_panel import GlossaryPanel
    from reader.ui.main_window import MainWindow
    from reader.ui.sentence_view import SentenceView

    _Base = QObject
else:
    _Base = object


class GlossaryEdit(QUndoCommand):
    """One change to the user's glossary data (the bundled entries never change)."""

    def __init__(self, controller: GlossaryEditsMixin, text: str, before: UserData,
                 after: UserData, entry_id: str) -> None:
        super().__init__(text)
        self.controller, self.before, self.after, self.entry_id = (
            controller, before, after, entry_id)

    def redo(self) -> None:
        self.controller.apply_user_data(self.after, self.entry_id)

    def undo(self) -> None:
        self.controller.apply_user_data(self.before, self.entry_id)


class GlossaryEditsMixin(_Base):
    # provided by GlossaryController
    window: MainWindow
    messages: MessageBus
    glossary: Glossary | None
    store: UserGlossaryStore | None
    undo_stack: QUndoStack
    marker: TermMarker
    panel: GlossaryPanel
    _bundled: list[Entry]
    _unsaved: bool
    editor: EntryEditor | None

    if TYPE_CHECKING:

        def show_entry(self, entry_id: str | None) -> None: ...

        def selected_entry(self) -> Entry | None: ...

    # -- changes --------------------------------------------------------------------------
    def _change(self, text: str, entry_id: str, change: Callable[[Glossary], object]) -> None:
        """Push an undoable change made by `change` on a scratch copy of the glossary."""
        assert self.glossary is not None
        before = self.glossary.user_data()
        scratch = Glossary(self._bundled, before)
        change(scratch)
        self.undo_stack.push(GlossaryEdit(self, text, before, scratch.user_data(), entry_id))

    def apply_user_data(self, data: UserData, entry_id: str) -> None:
        """Make `data` the user's glossary: save it, re-mark, refresh the panel."""
        revision = self.glossary.revision + 1 if self.glossary is not None else 1
        self.glossary = Glossary(self._bundled, data)
        self.glossary.revision = revision
        self._unsaved = True
        self._save()
        self.marker.set_glossary(self.glossary)
        self.panel.set_glossary(self.glossary)
        target = entry_id or self.marker.selected_id
        self.show_entry(target if target in self.glossary else None)

    def _save(self) -> None:
        if self.store is None or self.glossary is None:
            return
        try:
            self.store.save(self.glossary.user_data())
        except OSError as exc:
            self.messages.error(
                self.tr("Your glossary change could not be saved."),
                self.tr("{path} was left as it was; Dari will try again with your next "
                        "change. ({error})").format(path=self.store.path, error=exc),
            )
        else:
            self._unsaved = False

    def add_from_selection(self, lang: Lang | None = None) -> None:
        """Open the editor with the selected words and the aligned sentence in the other
        language (to be trimmed to the matching words)."""
        if self.glossary is None:
            return
        view = self._selecting_view(lang)
        texts = {Lang.EN: "", Lang.KO: ""}
        hint = ""
        document = self.window.document
        if view is not None:
            cursor = view.textCursor()
            texts[view.lang] = " ".join(cursor.selectedText().replace("\u2029", " ").split())
            index = view.sentence_at_position(cursor.selectionStart())
            if document is not None and index >= 0:
                other = document.sentences(view.lang.other)
                counterparts = document.counterparts(view.lang, index)
                texts[view.lang.other] = " ".join(other[i].text for i in counterparts)
                if texts[view.lang.other]:
                    hint = self.tr("The {language} field holds the whole aligned sentence: "
                                   "trim it to the words that translate your selection.").format(
                        language=self.tr("English") if view.lang is Lang.KO else self.tr("Korean"))
        from reader.ui.glossary_editor import EntryEditor

        editor = EntryEditor(self.window, make_id=self._new_id, en=texts[Lang.EN],
                             ko=texts[Lang.KO], trim_hint=hint,
                             trim=view.lang.other.value if hint and view else "")
        self._open_editor(editor, self.tr("Add “{term}”"))

    def _new_id(self, en: str) -> str:
        return self.glossary.new_id(en) if self.glossary is not None else "entry"

    def _selecting_view(self, lang: Lang | None) -> SentenceView | None:
        views = self.marker.views
        if lang is not None:
            return views[lang] if views[lang].textCursor().hasSelection() else None
        focus = QApplication.focusWidget()
        ordered = sorted(views.values(), key=lambda v: v is not focus)
        return next((v for v in ordered if v.textCursor().hasSelection()), None)

    def edit_entry(self, entry_id: str | None = None) -> None:
        entry = self._entry(entry_id)
        if entry is not None:
            from reader.ui.glossary_editor import EntryEditor

            self._open_editor(EntryEditor(self.window, entry=entry), self.tr("Edit “{term}”"))

    def _open_editor(self, editor: EntryEditor, undo_text: str) -> None:
        if self.editor is not None:
            self.editor.close()
        self.editor = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._on_editor_accepted(editor, undo_text))
        editor.finished.connect(lambda _result: self._on_editor_finished(editor))
        editor.open()

    def _on_editor_accepted(self, editor: EntryEditor, undo_text: str) -> None:
        entry, original = editor.result_entry, editor.original
        if entry is None or self.glossary is None:
            return
        if original is not None and replace(entry, source=original.source,
                                            origin=original.origin) == original:
            return  # nothing changed
        self.save_entry(entry, undo_text.format(term=entry.en))

    def save_entry(self, entry: Entry, undo_text: str = "") -> None:
        """Add or change an entry (a bundled one becomes the user's override), undoably."""
        text = undo_text or self.tr("Change “{term}”").format(term=entry.en)
        self._change(text, entry.id, lambda g: g.put(entry))

    def _on_editor_finished(self, editor: EntryEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def delete_entry(self, entry_id: str | None = None) -> None:
        entry = self._entry(entry_id)
        if entry is None:
            return
        self._change(self.tr("Delete “{term}”").format(term=entry.en), entry.id,
                     lambda g: g.remove(entry.id))
        after = self.undo_stack.index()

        def undo_this_deletion() -> None:  # only while it is still the last change
            if self.undo_stack.index() == after:
                self.undo_stack.undo()

        self.messages.post(Message(
            Level.INFO, self.tr("“{term}” was deleted from the glossary.").format(term=entry.en),
            action_text=self.tr("Undo"), action=undo_this_deletion,
        ))

    def revert_entry(self, entry_id: str | None = None) -> None:
        entry = self._entry(entry_id)
        if entry is not None and entry.origin is EntryOrigin.OVERRIDE:
            self._change(self.tr("Restore “{term}”").format(term=entry.en), entry.id,
                         lambda g: g.revert(entry.id))

    def _entry(self, entry_id: str | None) -> Entry | None:
        if self.glossary is None:
            return None
        return self.glossary.get(entry_id) if entry_id else self.selected_entry()

    # -- CSV ------------------------------------------------------------------------------
    def export_csv(self, path: Path | None = None) -> None:
        if self.glossary is None:
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export the Glossary"), str(Path.home() / "glossary.csv"),
                self.tr("CSV files (*.csv)"))
            if not name:
                return
            path = Path(name)
        try:
            from reader.glossary.csvio import write_csv

            write_csv(path, self.glossary.entries())
        except OSError as exc:
            self.messages.error(self.tr("The glossary could not be exported."), str(exc))
            return
        self.messages.info(self.tr("Terms exported to {name}: {count}.").format(
            count=len(self.glossary), name=path.name))

    def import_csv(self, path: Path | None = None) -> None:
        """Import the good rows; report the others with their line numbers."""
        if self.glossary is None:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import Glossary Terms"), str(Path.home()),
                self.tr("CSV files (*.csv);;All files (*)"))
            if not name:
                return
            path = Path(name)
        try:
            from reader.glossary.csvio import read_csv

            entries, problems = read_csv(path, taken_ids=[e.id for e in self.glossary])
        except OSError as exc:
            self.messages.error(self.tr("{name} could not be read.").format(name=path.name),
                                str(exc))
            return
        if entries:
            def put_all(glossary: Glossary) -> None:
                for entry in entries:
                    glossary.put(entry)

            self._change(self.tr("Import {name}").format(name=path.name), "", put_all)
        text = self.tr("Terms imported from {name}: {count}.").format(
            name=path.name, count=len(entries))
        if problems:
            self.messages.warning(
                text + " " + self.tr("Rows left out: {count}.").format(count=len(problems)),
                "\n".join(str(p) for p in problems))
        else:
            self.messages.info(text)
