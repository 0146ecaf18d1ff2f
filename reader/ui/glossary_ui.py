"""The glossary in the window: the Glossary menu, the side panel, marks in the panes, and
every change the user makes, undoable and saved at once.

Start-up is not slowed: the bundled glossaries and the user's file are read, and the
first matcher built, in a background task started just after the window is first shown;
the panes are marked when it is done. Changes (add, edit, delete, restore, import and
export) are in ``glossary_edits``; marking and tooltips in ``glossary_marks``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu
from shiboken6 import Shiboken

from reader import paths
from reader.document.model import Lang
from reader.glossary.model import Entry, EntryOrigin, Glossary
from reader.ui.decorations import Mark
from reader.ui.glossary_edits import GlossaryEditsMixin
from reader.ui.glossary_marks import TermMarker
from reader.ui.glossary_panel import GlossaryPanel
from reader.ui.reading import STYLE_KEYS
from reader.ui.sentence_view import SentenceView
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.glossary.match import Matcher
    from reader.glossary.store import UserGlossaryStore
    from reader.ui.glossary_editor import EntryEditor
    from reader.ui.main_window import MainWindow

AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea,
         "right": Qt.DockWidgetArea.RightDockWidgetArea}  # fmt: skip


class _Loaded(NamedTuple):
    bundled: list[Entry]
    glossary: Glossary
    matcher: Matcher
    problems: list[str]  # the user's file: damaged parts, set aside
    bundled_problems: list[str]


def _load(content_dir: Path, store: UserGlossaryStore) -> _Loaded:
    """Runs on a worker thread: everything start-up needs, nothing Qt. (The glossary
    modules are imported here too, not when the window is built.)"""
    from reader.glossary.match import Matcher
    from reader.glossary.store import load_bundled

    bundled, bundled_problems = load_bundled(content_dir)
    stored = store.load()
    glossary = Glossary(bundled, stored.data)
    return _Loaded(bundled, glossary, Matcher(glossary.entries()), stored.problems,
                   bundled_problems + glossary.problems)


class GlossaryController(GlossaryEditsMixin, QObject):
    loaded = Signal()  # the glossary is loaded and the panes are marked

    def __init__(self, window: MainWindow, store_path: Path | None = None,
                 content_dir: Path | None = None) -> None:
        super().__init__(window)
        self.window, self.settings, self.messages = window, window.settings, window.messages
        self._store_path, self._content_dir = store_path, content_dir
        self.store: UserGlossaryStore | None = None
        self.glossary: Glossary | None = None
        self._bundled: list[Entry] = []
        self._loading: Task | None = None
        self._unsaved = False
        self._awaiting_paint = False
        self.editor: EntryEditor | None = None
        self.undo_stack = QUndoStack(self)
        self.marker = TermMarker(window, self)
        self.marker.marks_changed.connect(self._on_marker_marks_changed)
        self.panel = GlossaryPanel(window)
        area = AREAS.get(self.settings.get("state/glossary_area"), AREAS["right"])
        window.addDockWidget(area, self.panel)
        self.panel.setVisible(bool(self.settings.get("state/glossary_visible")))
        self.panel.dockLocationChanged.connect(self._on_panel_dock_location_changed)
        for signal, slot in (
            (self.panel.entry_selected, self._on_panel_entry_selected),
            (self.panel.next_requested, lambda: self.next_occurrence(+1)),
            (self.panel.add_requested, lambda: self.add_from_selection()),
            (self.panel.edit_requested, lambda: self.edit_entry()),
            (self.panel.delete_requested, lambda: self.delete_entry()),
            (self.panel.undo_requested, self.undo_stack.undo),
            (self.panel.redo_requested, self.undo_stack.redo),
        ):
            signal.connect(slot)
        for view in self.marker.views.values():
            view.term_clicked.connect(self._on_view_term_clicked)
            view.context_menu_about_to_show.connect(self._on_view_context_menu_about_to_show)
            view.set_marks_visible(bool(self.settings.get("pref/glossary_marks")))
        self._build_actions()
        self.settings.changed.connect(self._on_settings_changed)
        window.document_changed.connect(self._on_window_document_changed)
        window.installEventFilter(self)
        if window.isVisible():  # built just after the first frame (the app defers it):
            self._load_after_paint()  # there will be no Show event to wait for
        self._apply_font()

    # -- actions and menu -------------------------------------------------------------
    def _action(self, text: str, slot: Callable[..., Any], shortcut: str = "",
                name: str = "", *, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.toggle_action = self.panel.toggleViewAction()
        self.toggle_action.setText(self.tr("Show &Glossary Panel"))
        self.toggle_action.setObjectName("glossaryPanel")
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.toggle_action.toggled.connect(self._on_toggle_action_toggled)
        self.window.addAction(self.toggle_action)
        self.left_action = self._action(self.tr("Glossary Panel on the &Left"), self.set_area_left,
                                        name="glossaryLeft", checkable=True)
        self.left_action.setChecked(self.settings.get("state/glossary_area") == "left")
        self.marks_action = self._action(self.tr("&Underline Glossary Terms"),
                                         self._on_marks_toggled, name="glossaryMarks",
                                         checkable=True)
        self.marks_action.setChecked(bool(self.settings.get("pref/glossary_marks")))
        self.add_action = self._action(self.tr("&Add Term…"), lambda: self.add_from_selection(),
                                       "Ctrl+Shift+A", "glossaryAddFromSelection")
        self.add_action.setToolTip(self.tr("Add the selected words to the glossary (Ctrl+Shift+A)"))
        self.edit_action = self._action(self.tr("&Edit Term…"), lambda: self.edit_entry(),
                                        name="glossaryEditTerm")
        self.delete_action = self._action(self.tr("&Delete Term"), lambda: self.delete_entry(),
                                          name="glossaryDeleteTerm")
        self.revert_action = self._action(self.tr("&Restore Bundled Version"),
                                          lambda: self.revert_entry(), name="glossaryRevert")
        self.next_action = self._action(self.tr("&Next Occurrence"),
                                        lambda: self.next_occurrence(+1), "F3",
                                        "glossaryNextOccurrence")
        self.previous_action = self._action(self.tr("&Previous Occurrence"),
                                            lambda: self.next_occurrence(-1), "Shift+F3",
                                            "glossaryPreviousOccurrence")
        self.undo_action = self.undo_stack.createUndoAction(self.window, self.tr("&Undo"))
        self.undo_action.setObjectName("glossaryUndo")
        self.redo_action = self.undo_stack.createRedoAction(self.window, self.tr("&Redo"))
        self.redo_action.setObjectName("glossaryRedo")
        # No shortcuts of their own (the window's Ctrl+Z undoes sentence corrections): the
        # panel takes Ctrl+Z and Ctrl+Shift+Z while it has the focus.
        self.undo_action.setToolTip(self.tr("Undo the last glossary change (Ctrl+Z in the panel)"))
        self.redo_action.setToolTip(self.tr("Redo a glossary change (Ctrl+Shift+Z in the panel)"))
        self.import_action = self._action(self.tr("&Import CSV…"), lambda: self.import_csv(),
                                          name="glossaryImport")
        self.export_action = self._action(self.tr("E&xport CSV…"), lambda: self.export_csv(),
                                          name="glossaryExport")
        self._update_actions()

    def populate_menu(self, menu: QMenu) -> None:
        menu.addActions([self.toggle_action, self.left_action, self.marks_action])
        menu.addSeparator()
        menu.addActions([self.next_action, self.previous_action])
        menu.addSeparator()
        menu.addActions([self.add_action, self.edit_action, self.delete_action,
                         self.revert_action])
        menu.addSeparator()
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addActions([self.import_action, self.export_action])

    def _update_actions(self) -> None:
        ready = self.glossary is not None
        entry = self.selected_entry()
        for action in (self.add_action, self.import_action, self.export_action):
            action.setEnabled(ready)
        for action in (self.edit_action, self.delete_action, self.next_action,
                       self.previous_action):
            action.setEnabled(entry is not None)
        self.revert_action.setEnabled(entry is not None and entry.origin is EntryOrigin.OVERRIDE)
        self.panel.add_button.setEnabled(ready)

    # -- loading ------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self.glossary is not None and not self.marker.building

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Paint and self._awaiting_paint:
            # The window has been painted: load now. (Started earlier, the worker would
            # hold the interpreter lock the first paint needs, delaying it by ~70 ms.)
            self._awaiting_paint = False
            for view in self.marker.views.values():
                view.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.load)
        elif watched is self.window and kind == QEvent.Type.Show:
            self._load_after_paint()
        elif watched is self.window and kind == QEvent.Type.Close and self._unsaved:
            self._save()
        return False

    def _load_after_paint(self) -> None:
        """Load once a pane has been painted (or after a second)."""
        if self.glossary is None and self._loading is None and not self._awaiting_paint:
            self._awaiting_paint = True
            for view in self.marker.views.values():
                view.viewport().installEventFilter(self)
            QTimer.singleShot(1000, self.load)  # should no pane be painted

    def load(self) -> None:
        if self.glossary is not None or self._loading is not None:
            return
        from reader.glossary.store import USER_GLOSSARY_NAME, UserGlossaryStore

        path = self._store_path or paths.data_dir() / USER_GLOSSARY_NAME
        self.store = UserGlossaryStore(path)
        task = Task(_load, self._content_dir or paths.content_dir(), self.store)
        task.signals.finished.connect(self._on_load_finished)
        task.signals.failed.connect(self._on_load_failed)
        self._loading = task
        task.start()

    @Slot(object)
    def _on_load_finished(self, result: _Loaded) -> None:
        self._loading = None
        self._bundled, self.glossary = result.bundled, result.glossary
        if result.problems:
            self.messages.warning(
                self.tr("Part of your glossary could not be read and was set aside."),
                "\n".join(result.problems),
            )
        if result.bundled_problems:  # a packaging mistake: say so once, in detail
            self.messages.warning(self.tr("Some bundled glossary entries were left out."),
                                  "\n".join(result.bundled_problems))
        self.marker.set_glossary(result.glossary, result.matcher)
        self.panel.set_glossary(result.glossary, self.marker.present_ids())
        self._update_actions()
        self.loaded.emit()

    @Slot(object)
    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = None
        self.messages.error(self.tr("The glossary could not be loaded."), repr(exc))

    # -- looking terms up -----------------------------------------------------------------
    def show_entry(self, entry_id: str | None) -> None:
        """Show an entry in the panel and light its terms in the current sentences."""
        entry = self.glossary.get(entry_id) if self.glossary and entry_id else None
        self.marker.select(entry.id if entry else None)
        if entry is not None and not self.panel.select(entry.id) and self.panel.search.text():
            self.panel.search.clear()  # it was filtered out: list everything again
            self.panel.select(entry.id)
        self.panel.show_entry(entry)
        if entry is not None and self.window.document is not None:
            counts = [len(self.marker.occurrences(entry.id, lang)) for lang in Lang]
            self.panel.set_occurrence_text(
                self.tr("In {en} English and {ko} Korean sentences.").format(
                    en=counts[0], ko=counts[1]) if any(counts)
                else self.tr("Not in this document."))
        self._update_actions()

    def selected_entry(self) -> Entry | None:
        selected = self.marker.selected_id
        return self.glossary.get(selected) if self.glossary and selected else None

    def next_occurrence(self, step: int = 1) -> None:
        """Make the next (or previous) sentence containing the selected entry current,
        in the pane being read, else in the other one."""
        entry, document, linker = self.selected_entry(), self.window.document, self.window.linker
        if entry is None or document is None:
            return
        lang = self.window.active_language()
        found = self.marker.occurrences(entry.id, lang)
        if not found:
            lang = lang.other
            found = self.marker.occurrences(entry.id, lang)
        if not found:
            self.panel.set_occurrence_text(self.tr("Not in this document."))
            return
        at = -1 if step > 0 else len(document.sentences(lang))
        if linker.current is not None:
            current_lang, index = linker.current
            if current_lang is not lang:
                counterparts = document.counterparts(current_lang, index)
                index = counterparts.start if counterparts else index
            at = index
        later = [i for i in found if (i > at if step > 0 else i < at)]
        target = (later[0] if step > 0 else later[-1]) if later else found[0 if step > 0 else -1]
        linker.set_current(lang, target)
        self.panel.set_occurrence_text(self.tr("Occurrence {n} of {total}").format(
            n=found.index(target) + 1, total=len(found)))

    def set_area_left(self, left: bool) -> None:
        self.window.addDockWidget(AREAS["left" if left else "right"], self.panel)
        self.settings.set("state/glossary_area", "left" if left else "right")

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def _on_panel_entry_selected(self, entry_id: str) -> None:
        if entry_id and entry_id != self.marker.selected_id:
            self.show_entry(entry_id)

    @Slot(object, int, object)
    def _on_view_term_clicked(self, lang: Lang, index: int, mark: Mark) -> None:
        if self.window.linker.current != (lang, index):
            self.window.linker.set_current(lang, index)
        self.show_entry(mark.entry_id)
        entry = self.selected_entry()
        if entry is not None and self.panel.isHidden():
            self.window.statusBar().showMessage(self.tr(
                "{en} — {ko}. Ctrl+Shift+G shows the glossary panel.").format(
                en=entry.en, ko=entry.ko), 6000)

    @Slot(object, object)
    def _on_view_context_menu_about_to_show(self, menu: QMenu, point: Any) -> None:
        view = self.sender()
        if not isinstance(view, SentenceView) or self.glossary is None:
            return
        menu.addSeparator()
        found = view.mark_at(point)
        entry = self.glossary.get(found[1].entry_id) if found else None
        if entry is not None:
            look_up = menu.addAction(self.tr("Look Up “{term}”").format(
                term=entry.headword(view.lang)))
            look_up.setObjectName("glossaryLookUp")
            look_up.triggered.connect(lambda: self._look_up(entry.id))
        menu.addAction(self.add_action)

    def _look_up(self, entry_id: str) -> None:
        self.panel.show()
        self.show_entry(entry_id)

    @Slot()
    def _on_marker_marks_changed(self) -> None:
        self.panel.set_present(self.marker.present_ids())

    @Slot(object)
    def _on_window_document_changed(self, _document: object) -> None:
        self.panel.set_occurrence_text("")

    @Slot(Qt.DockWidgetArea)
    def _on_panel_dock_location_changed(self, area: Qt.DockWidgetArea) -> None:
        if Shiboken.isValid(self.window) and area in AREAS.values():
            left = area == AREAS["left"]
            self.settings.set("state/glossary_area", "left" if left else "right")
            self.left_action.blockSignals(True)
            self.left_action.setChecked(left)
            self.left_action.blockSignals(False)

    @Slot(bool)
    def _on_toggle_action_toggled(self, shown: bool) -> None:
        # not while the window is closed or being torn down (the dock hides as it goes)
        if Shiboken.isValid(self.window) and self.window.isVisible():
            self.settings.set("state/glossary_visible", shown)

    @Slot(bool)
    def _on_marks_toggled(self, on: bool) -> None:
        self.settings.set("pref/glossary_marks", on)

    @Slot(str, object)
    def _on_settings_changed(self, name: str, value: object) -> None:
        if name == "pref/glossary_marks":
            for view in self.marker.views.values():
                view.set_marks_visible(bool(value))
            self.marks_action.setChecked(bool(value))
        elif name in STYLE_KEYS:
            self._apply_font()

    def _apply_font(self) -> None:
        self.panel.set_reading_font(self.window.reading.font_for(Lang.EN))
