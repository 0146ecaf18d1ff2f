"""Dari's main window: two language panes side by side, linked sentence by sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.document.article import ArticleError, load_article
from reader.document.model import Document, Lang
from reader.settings import Settings
from reader.ui.labels import plain_label
from reader.ui.linker import Linker
from reader.ui.messages import MessageBar, MessageBus
from reader.ui.pane import Pane
from reader.ui.reading import ReadingController
from reader.ui.sentence_editor import SentenceEditor
from reader.ui.translation_controller import TranslationController
from reader.ui.translation_ui import TranslationMixin

if TYPE_CHECKING:  # also event classes: importing one costs ~1 ms of PySide types
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from reader.ui.glossary_ui import GlossaryController
    from reader.ui.handout_ui import HandoutController
    from reader.ui.model_manager import ModelManagerDialog
    from reader.ui.opening import DocumentOpener
    from reader.ui.preferences import PreferencesDialog
    from reader.ui.session_ui import SessionController
    from reader.ui.speech_ui import SpeechController

log = logging.getLogger(__name__)


class _FirstPaint(QObject):
    """Calls `callback` once, soon after `widget` is first painted (or after a second)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


class MainWindow(TranslationMixin, QMainWindow):
    # The documents layer, built by _build_documents_layer (before the first frame in
    # tests, just after it in the app; at once whenever a file is opened).
    opener: DocumentOpener  # Open, Library, recent files, encodings
    sessions: SessionController  # sessions and notes
    handouts: HandoutController  # export and print
    document_changed = Signal(object)  # Document
    load_settled = Signal()  # a load finished, failed or was refused
    extras_ready = Signal()  # speech and glossary are built

    def __init__(
        self,
        settings: Settings,
        messages: MessageBus | None = None,
        translator: TranslationController | None = None,
        *,
        defer_extras: bool = False,
    ) -> None:
        """`defer_extras`: build speech and the glossary just after the first frame is
        painted instead of before it (the app does this; tests build everything at once)."""
        super().__init__()
        self.settings = settings
        self.messages = messages or MessageBus(self)
        self.translator = translator or TranslationController(parent=self)
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.editor: SentenceEditor | None = None
        self.model_manager: ModelManagerDialog | None = None
        self.preferences: PreferencesDialog | None = None
        self.setWindowTitle("Dari · 다리")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1200, 800)

        self.panes = {lang: Pane(lang) for lang in Lang}
        self.splitter = QSplitter()  # side by side; _restore_state may stack it
        self.splitter.setObjectName("paneSplitter")
        self.splitter.setChildrenCollapsible(False)
        for lang in (Lang.EN, Lang.KO):
            self.splitter.addWidget(self.panes[lang])
        self.linker = Linker({lang: pane.view for lang, pane in self.panes.items()}, self)
        for pane in self.panes.values():
            pane.translate_requested.connect(self._on_pane_translate_requested)
            pane.view.sentence_double_clicked.connect(
                lambda index, lang=pane.lang: self.edit_sentence(lang, index)
            )

        self.message_bar = MessageBar()
        self.messages.posted.connect(self.message_bar.show_message)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.reading = ReadingController(self)
        self._build_actions()
        self._layer_built = False  # opener, sessions, handouts: see _build_documents_layer
        self._build_menus()
        self._build_status_bar()
        self._connect_translator()
        self._restore_state()
        self.reading.apply_all(style_sheet=not defer_extras)
        self.speech: SpeechController | None = None
        self.glossary: GlossaryController | None = None
        if defer_extras:
            # Not a pane's viewport: asking PySide for it before the first frame would
            # create the types of every QWidget subclass (~20 ms).
            self._first_paint_watch = _FirstPaint(self, self._build_extras)
        else:
            self._build_extras()
        if settings.recovered_from is not None:
            self.messages.warning(
                self.tr("Your settings file was damaged and has been set aside."),
                self.tr("Dari started with default settings. The old file is at {path}.").format(
                    path=settings.recovered_from
                ),
            )

    # -- actions and menus ----------------------------------------------------
    def _action(
        self, text: str, slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, *,
        checkable: bool = False, name: str = "",
    ) -> QAction:
        action = QAction(self)  # not QAction(text, self): that overload creates QIcon's
        action.setText(text)  # enums (~2.5 ms) before the first frame
        label = plain_label(text)
        action.setIconText(label)
        if shortcut is not None:
            # setShortcuts, not setShortcut: resolving setShortcut's overloads creates the
            # Qt namespace's enums (~15 ms) before the first frame. A standard key gets
            # every binding the platform has for it.
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcuts([QKeySequence(shortcut) if isinstance(shortcut, str)
                                     else shortcut])
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{label} ({keys})")
        else:
            action.setToolTip(label)
        action.setCheckable(checkable)
        action.setObjectName(name)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open…"), self._on_open_triggered, QKeySequence.StandardKey.Open, name="open"
        )
        self.open_bundled_action = self._action(
            self.tr("Open the &Bundled Article"), self.open_bundled_article, "Ctrl+Shift+B",
            name="openBundled",
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, "Ctrl+Q", name="quit"
        )
        self.swap_action = self._action(
            self.tr("&Swap Panes"), self._on_swap_toggled, "Ctrl+Shift+S", checkable=True,
            name="swap",
        )
        self.stacked_action = self._action(
            self.tr("S&tacked Layout"), self._on_stacked_toggled, "Ctrl+Shift+L", checkable=True,
            name="stacked",
        )
        self.show_actions = {
            Lang.EN: self._action(
                self.tr("Show &English Pane"), lambda on: self._set_pane_visible(Lang.EN, on),
                "Ctrl+Shift+E", checkable=True, name="showEnglish",
            ),
            Lang.KO: self._action(
                self.tr("Show &Korean Pane"), lambda on: self._set_pane_visible(Lang.KO, on),
                "Ctrl+Shift+K", checkable=True, name="showKorean",
            ),
        }
        self.sync_action = self._action(
            self.tr("S&ynchronised Scrolling"), self._on_sync_toggled, "Ctrl+Shift+Y",
            checkable=True, name="syncScroll",
        )
        self.next_action = self._action(
            self.tr("&Next Sentence"), lambda: self._step(1), "Alt+Down", name="nextSentence"
        )
        self.previous_action = self._action(
            self.tr("&Previous Sentence"), lambda: self._step(-1), "Alt+Up", name="previousSentence"
        )
        self.about_action = self._action(
            self.tr("&About Dari"), self._on_about_triggered, name="about"
        )
        self.help_action = self._action(
            self.tr("&Keyboard Help"), self.show_help, QKeySequence.StandardKey.HelpContents,
            name="keyboardHelp",
        )
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.show_preferences, QKeySequence.StandardKey.Preferences,
            name="preferences",
        )
        if not self.preferences_action.shortcuts():
            self.preferences_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.translate_action = self._action(
            self.tr("&Translate Document"), self.translate_document, "Ctrl+T", name="translate"
        )
        self.cancel_translation_action = self._action(
            self.tr("&Cancel Translation"), self.translator.cancel, "Ctrl+.",
            name="cancelTranslation",
        )
        self.cancel_translation_action.setEnabled(False)
        self.models_action = self._action(
            self.tr("Translation &Models…"), self.show_model_manager, "Ctrl+Shift+M", name="models"
        )
        self.edit_action = self._action(
            self.tr("&Correct Sentence…"), self._on_edit_triggered, "F2", name="correctSentence"
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("redo")
        self.addActions([self.undo_action, self.redo_action])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_action, self.open_bundled_action])
        self._file_extras_at = file_menu.addSeparator()  # documents layer goes here
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        self._edit_extras_at = edit_menu.addSeparator()
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        self.edit_menu = edit_menu
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.swap_action, self.stacked_action])
        view_menu.addSeparator()
        view_menu.addActions(list(self.show_actions.values()))
        view_menu.addSeparator()
        view_menu.addAction(self.sync_action)
        view_menu.addSeparator()
        self.reading.populate_menu(view_menu)
        self.view_menu = view_menu
        navigate_menu = bar.addMenu(self.tr("&Navigate"))
        navigate_menu.addActions([self.next_action, self.previous_action])
        self.navigate_menu = navigate_menu
        self.speech_menu = bar.addMenu(self.tr("&Speech"))
        self.glossary_menu = bar.addMenu(self.tr("&Glossary"))
        translate_menu = bar.addMenu(self.tr("&Translate"))
        translate_menu.addActions([self.translate_action, self.cancel_translation_action])
        translate_menu.addSeparator()
        translate_menu.addAction(self.models_action)
        self.translate_menu = translate_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.help_action, self.about_action])
        self.help_menu = help_menu

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.open_action])
        toolbar.addSeparator()
        toolbar.addActions([self.swap_action, self.stacked_action, self.sync_action])
        toolbar.addSeparator()
        toolbar.addActions([self.previous_action, self.next_action])
        toolbar.addSeparator()
        toolbar.addActions([self.translate_action])
        toolbar.addSeparator()
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        toggle = toolbar.toggleViewAction()
        toggle.setText(self.tr("Show Tool&bar"))
        self.view_menu.addSeparator()
        self.view_menu.addAction(toggle)

    def _build_documents_layer(self) -> None:
        """Opening any format, the library, sessions and notes, handouts: their actions go
        into the File, Edit and View menus."""
        if self._layer_built:
            return
        self._layer_built = True
        from reader.ui.handout_ui import HandoutController
        from reader.ui.opening import DocumentOpener
        from reader.ui.session_ui import SessionController

        self.opener = DocumentOpener(self)
        self.sessions = SessionController(self)
        self.handouts = HandoutController(self)
        file_menu, at = self.file_menu, self._file_extras_at
        file_menu.insertActions(self.open_bundled_action,
                                [self.opener.clipboard_action, self.opener.library_action])
        file_menu.insertMenu(at, self.opener.encoding_menu)
        file_menu.insertSeparator(at)
        file_menu.insertActions(at, [self.sessions.open_action, self.sessions.save_action])
        file_menu.insertSeparator(at)
        file_menu.insertActions(at, [self.handouts.export_action, self.handouts.print_action])
        self.edit_menu.insertAction(self._edit_extras_at, self.sessions.add_note_action)
        self.view_menu.addAction(self.sessions.toggle_action)

    def _build_extras(self) -> None:
        """Everything not needed for the first frame: the documents layer, speech and the
        glossary (menus, toolbar buttons, panels)."""
        self._build_documents_layer()
        if self.speech is not None:
            return
        for pane in self.panes.values():
            pane.view.finish_setup()
        self.reading.apply_style_sheet()
        from reader.ui.glossary_ui import GlossaryController
        from reader.ui.speech_ui import SpeechController

        self.speech = SpeechController(self)
        self.speech.populate_menu(self.speech_menu)
        self.speech.populate_toolbar(self.toolbar)
        self.glossary = GlossaryController(self)
        self.glossary.populate_menu(self.glossary_menu)
        if self.document is not None:
            self.document_changed.emit(self.document)
        self.extras_ready.emit()

    # -- documents ------------------------------------------------------------
    def open_bundled_article(self) -> None:
        """Open the article shipped with Dari. It is small (about 20 KB of TOML, parsed in
        a few milliseconds), so it is read directly rather than through a worker."""
        path = paths.bundled_article()
        try:
            document = load_article(path)
        except ArticleError as exc:
            self.messages.error(str(exc))
            self.load_settled.emit()
            return
        if self._layer_built:
            self.opener.forget()
        self.set_document(document)
        log.info("Opened “%s” (%d units)", path.name, document.unit_count)
        self.load_settled.emit()

    def open_path(self, path: Path, encoding: str = "") -> None:
        """Load `path` in the background (any format, or a session); the current document
        stays until it succeeds. `encoding` overrides detection for text and HTML."""
        self._build_documents_layer()
        self.opener.open_path(path, encoding)

    def set_document(self, document: Document, *, continuing: bool = False) -> None:
        """Show `document`. `continuing`: it is the whole text of the preview on screen;
        the panes keep what they show (and the current sentence) if it matches."""
        self.translator.cancel()
        self._close_editor()
        self.undo_stack.clear()
        self.document = document
        kept = [pane.set_document(document, continuing=continuing) for pane in self.panes.values()]
        self.linker.set_document(document, keep_current=all(kept))
        # A file's title is at least its name; pasted text has neither.
        title = document.title_in(document.original_language) or self.tr("Untitled text")
        self.setWindowTitle(f"{title} — Dari · 다리")
        self.document_changed.emit(document)

    # -- layout ---------------------------------------------------------------
    def _on_swap_toggled(self, swapped: bool) -> None:
        order = (Lang.KO, Lang.EN) if swapped else (Lang.EN, Lang.KO)
        sizes = self.splitter.sizes()
        for position, lang in enumerate(order):
            self.splitter.insertWidget(position, self.panes[lang])
        self.splitter.setSizes(list(reversed(sizes)) if len(sizes) == 2 else sizes)
        self.settings.set("state/swapped", swapped)

    def _on_stacked_toggled(self, stacked: bool) -> None:
        self.splitter.setOrientation(
            QtCore.Qt.Orientation.Vertical if stacked else QtCore.Qt.Orientation.Horizontal
        )
        self.settings.set("state/orientation", "stacked" if stacked else "side-by-side")

    def _set_pane_visible(self, lang: Lang, visible: bool) -> None:
        other = self.show_actions[lang.other]
        if not visible and not other.isChecked():
            other.setChecked(True)  # never hide both panes
        self.panes[lang].setVisible(visible)
        self.settings.set(f"state/show_{lang.value}", visible)

    def _on_sync_toggled(self, on: bool) -> None:
        self.linker.sync_scroll = on
        self.settings.set("pref/sync_scroll", on)

    def pane_order(self) -> list[Lang]:
        return [
            lang for i in range(self.splitter.count())
            for lang, pane in self.panes.items() if self.splitter.widget(i) is pane
        ]

    def active_language(self) -> Lang:
        """The pane keyboard navigation acts on: the focused one, else the first shown."""
        focus = QApplication.focusWidget()
        for lang, pane in self.panes.items():
            if focus is not None and pane.isAncestorOf(focus) and pane.showing_text:
                return lang
        if self.linker.current is not None:
            return self.linker.current[0]
        for lang in self.pane_order():
            if self.panes[lang].isVisible() and self.panes[lang].showing_text:
                return lang
        return self.document.original_language if self.document else Lang.EN

    def _step(self, delta: int) -> None:
        lang = self.active_language()
        self.linker.step(lang, delta)

    # -- state ----------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        # Read everything first: applying one value writes the settings it touches.
        geometry: QByteArray = s.get("state/geometry")
        sizes = _pane_sizes(s.get("state/pane_sizes"))
        swapped, stacked = s.get("state/swapped"), s.get("state/orientation") == "stacked"
        shown = {lang: s.get(f"state/show_{lang.value}") for lang in Lang}
        sync = s.get("pref/sync_scroll")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.swap_action.setChecked(swapped)
        self.stacked_action.setChecked(stacked)  # toggled: stacks the panes
        if sizes:
            self.splitter.setSizes(sizes)  # for the order and orientation just restored
        for action in self.show_actions.values():
            action.setChecked(True)
        for lang, action in self.show_actions.items():
            action.setChecked(shown[lang])
        self.sync_action.setChecked(sync)
        self.linker.sync_scroll = sync

    def save_state(self) -> None:
        self.settings.set("state/geometry", self.saveGeometry())
        self.settings.set("state/pane_sizes", ",".join(map(str, self.splitter.sizes())))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._layer_built:
            self.opener.forget()
        if self.speech is not None:
            self.speech.shutdown()
        self.translator.cancel()
        self.save_state()
        super().closeEvent(event)

    # -- drag and drop --------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- slots ----------------------------------------------------------------
    @Slot()
    def _on_open_triggered(self) -> None:
        self._build_documents_layer()
        self.opener.show_open_dialog()

    def show_help(self) -> None:
        from reader.ui.help import HelpDialog

        dialog = HelpDialog(self.menuBar(), self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.help_dialog = dialog

    def show_preferences(self) -> None:
        from reader.ui.preferences import PreferencesDialog

        if self.preferences is None:
            self.preferences = PreferencesDialog(
                self.settings, self, voices=self.speech_voices(),
                speech_problem=self.speech_problem(),
            )
        self.preferences.open()

    def speech_voices(self) -> dict[str, list[tuple[str, str]]]:
        return self.speech.voice_choices() if self.speech is not None else {}

    def speech_problem(self) -> str:
        return self.speech.problem_text() if self.speech is not None else ""

    @Slot()
    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # its types and enums: not at start-up

        QMessageBox.about(
            self, self.tr("About Dari"),
            self.tr(
                "<p><b>Dari · 다리</b> — English and Korean side by side.</p>"
                "<p>Dari works entirely on this computer: it makes no network request "
                "unless you ask it to download a translation model.</p>"
            ),
        )


def _pane_sizes(text: str) -> list[int]:
    """Saved pane sizes ("480,720"); none if the text is not two sizes."""
    parts = text.split(",")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        return []
    return [int(part) for part in parts]
