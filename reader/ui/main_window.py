"""Dari's main window: two language panes side by side, linked sentence by sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.document.article import ArticleError, load_article
from reader.document.model import Document, Lang, Origin, Sentence
from reader.settings import Settings
from reader.ui.linker import Linker
from reader.ui.messages import Level, Message, MessageBar, MessageBus
from reader.ui.pane import Pane, language_name
from reader.ui.sentence_editor import CorrectSentence, SentenceEditor
from reader.ui.tasks import Task
from reader.ui.translation_controller import TranslationController

if TYPE_CHECKING:
    from reader.ui.model_manager import ModelManagerDialog

log = logging.getLogger(__name__)


SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def load_document(path: Path) -> Document:
    """Open any file Dari understands (runs on a worker thread)."""
    if path.suffix.lower() == ".toml":
        return load_article(path)
    from reader.document.textfile import load_text_document  # segmenter, charset detection

    return load_text_document(path)


class MainWindow(QMainWindow):
    document_changed = Signal(object)  # Document
    load_settled = Signal()  # a load finished, failed or was refused

    def __init__(
        self,
        settings: Settings,
        messages: MessageBus | None = None,
        translator: TranslationController | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.messages = messages or MessageBus(self)
        self.translator = translator or TranslationController(parent=self)
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.editor: SentenceEditor | None = None
        self.model_manager: ModelManagerDialog | None = None
        self._loading: Task | None = None
        self.setWindowTitle("Dari · 다리")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.resize(1200, 800)

        self.panes = {lang: Pane(lang) for lang in Lang}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
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

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect_translator()
        self._restore_state()
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
        action = QAction(text, self)
        label = text.replace("&", "")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
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
        tr = self.tr
        self.open_action = self._action(
            tr("&Open…"), self._on_open_triggered, QKeySequence.StandardKey.Open, name="open"
        )
        self.open_bundled_action = self._action(
            tr("Open the &Bundled Article"), self.open_bundled_article, "Ctrl+Shift+B",
            name="openBundled",
        )
        self.quit_action = self._action(
            tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, name="quit"
        )
        self.swap_action = self._action(
            tr("&Swap Panes"), self._on_swap_toggled, "Ctrl+Shift+S", checkable=True, name="swap"
        )
        self.stacked_action = self._action(
            tr("S&tacked Layout"), self._on_stacked_toggled, "Ctrl+Shift+L", checkable=True,
            name="stacked",
        )
        self.show_actions = {
            Lang.EN: self._action(
                tr("Show &English Pane"), lambda on: self._set_pane_visible(Lang.EN, on),
                "Ctrl+Shift+E", checkable=True, name="showEnglish",
            ),
            Lang.KO: self._action(
                tr("Show &Korean Pane"), lambda on: self._set_pane_visible(Lang.KO, on),
                "Ctrl+Shift+K", checkable=True, name="showKorean",
            ),
        }
        self.sync_action = self._action(
            tr("S&ynchronised Scrolling"), self._on_sync_toggled, "Ctrl+Shift+Y",
            checkable=True, name="syncScroll",
        )
        self.next_action = self._action(
            tr("&Next Sentence"), lambda: self._step(1), "Alt+Down", name="nextSentence"
        )
        self.previous_action = self._action(
            tr("&Previous Sentence"), lambda: self._step(-1), "Alt+Up", name="previousSentence"
        )
        self.about_action = self._action(tr("&About Dari"), self._on_about_triggered, name="about")
        self.translate_action = self._action(
            tr("&Translate Document"), self.translate_document, "Ctrl+T", name="translate"
        )
        self.cancel_translation_action = self._action(
            tr("&Cancel Translation"), self.translator.cancel, "Ctrl+.", name="cancelTranslation"
        )
        self.cancel_translation_action.setEnabled(False)
        self.models_action = self._action(
            tr("Translation &Models…"), self.show_model_manager, "Ctrl+Shift+M", name="models"
        )
        self.edit_action = self._action(
            tr("&Correct Sentence…"), self._on_edit_triggered, "F2", name="correctSentence"
        )
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setObjectName("redo")
        self.addActions([self.undo_action, self.redo_action])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_action, self.open_bundled_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        self.edit_menu = edit_menu
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.swap_action, self.stacked_action])
        view_menu.addSeparator()
        view_menu.addActions(list(self.show_actions.values()))
        view_menu.addSeparator()
        view_menu.addAction(self.sync_action)
        self.view_menu = view_menu
        navigate_menu = bar.addMenu(self.tr("&Navigate"))
        navigate_menu.addActions([self.next_action, self.previous_action])
        self.navigate_menu = navigate_menu
        translate_menu = bar.addMenu(self.tr("&Translate"))
        translate_menu.addActions([self.translate_action, self.cancel_translation_action])
        translate_menu.addSeparator()
        translate_menu.addAction(self.models_action)
        self.translate_menu = translate_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
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
        self.addToolBar(toolbar)
        self.toolbar = toolbar

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
        self._loading = None
        self.set_document(document)
        log.info("Opened “%s” (%d units)", path.name, document.unit_count)
        self.load_settled.emit()

    def open_path(self, path: Path) -> None:
        """Load `path` in the background; the current document stays until it succeeds."""
        if self._loading is not None:
            self._loading.cancel()
        task = Task(load_document, path)
        task.signals.finished.connect(lambda doc, t=task: self._on_load_finished(t, doc))
        task.signals.failed.connect(lambda exc, t=task: self._on_load_failed(t, path, exc))
        self._loading = task
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        task.start()

    def _on_load_finished(self, task: Task, document: Document) -> None:
        if task is not self._loading:
            return  # superseded by a later request
        self._loading = None
        self.statusBar().clearMessage()
        self.set_document(document)
        name = document.path.name if document.path else ""
        log.info("Opened “%s” (%d units)", name, document.unit_count)
        if document.path and document.path.suffix.lower() != ".toml":
            self.settings.set("state/last_file", str(document.path))
        self.load_settled.emit()

    def _on_load_failed(self, task: Task, path: Path, exc: BaseException) -> None:
        if task is not self._loading:
            return
        self._loading = None
        self.statusBar().clearMessage()
        from reader.document.textfile import TextFileError

        if isinstance(exc, TextFileError | ArticleError):
            self.messages.error(str(exc))
        else:
            self.messages.error(
                self.tr("“{name}” could not be opened.").format(name=path.name), repr(exc)
            )
        self.load_settled.emit()

    def set_document(self, document: Document) -> None:
        self.translator.cancel()
        self._close_editor()
        self.undo_stack.clear()
        self.document = document
        for pane in self.panes.values():
            pane.set_document(document)
        self.linker.set_document(document)
        title = document.title_in(document.original_language)
        self.setWindowTitle(f"{title} — Dari · 다리" if title else "Dari · 다리")
        self.document_changed.emit(document)

    # -- translation ----------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("translationProgress")
        self.progress.setAccessibleName(self.tr("Translation progress"))
        self.progress.setFormat(self.tr("%v of %m sentences"))
        self.progress.setMaximumWidth(320)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelTranslationButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel translation"))
        self.cancel_button.clicked.connect(self.translator.cancel)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)

    def _connect_translator(self) -> None:
        t = self.translator
        t.job_started.connect(self._on_translator_job_started)
        t.sentences_applied.connect(self._on_translator_sentences_applied)
        t.job_finished.connect(self._on_translator_job_finished)
        t.model_missing.connect(self._on_translator_model_missing)
        t.error.connect(
            lambda text: self.messages.error(self.tr("Translation failed."), text)
        )
        t.notice.connect(self.messages.warning)

    def translate_document(self) -> None:
        """Fill the pane that lacks text: the translation of the original language."""
        if self.document is None:
            return
        target = self.document.original_language.other
        if self.document.is_complete(target):
            self.messages.info(self.tr("This document is already fully translated."))
            return
        self.translator.translate(self.document, target)

    @Slot(object)
    def _on_pane_translate_requested(self, lang: Lang) -> None:
        if self.document is not None and not self.document.is_complete(lang):
            self.translator.translate(self.document, lang)

    def _on_translator_job_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_translation_action.setEnabled(True)
        self.translate_action.setEnabled(False)

    def _on_translator_sentences_applied(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if self.document is None:
            return
        pane = self.panes[self.translator._tgt]
        pane.view.extend(self.document)
        pane.refresh_header(self.document)
        if not pane.showing_text and pane.view.sentence_count:
            pane.stack.setCurrentWidget(pane.view)
            self.linker.set_document(self.document)

    def _on_translator_job_finished(self, completed: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_translation_action.setEnabled(False)
        self.translate_action.setEnabled(True)
        if not completed and self.document is not None:
            pane = self.panes[self.translator._tgt]
            done = pane.view.sentence_count
            if done and not self.document.is_complete(pane.lang):
                self.statusBar().showMessage(
                    self.tr("Translation stopped: {done} sentences kept.").format(done=done), 8000
                )

    def _on_translator_model_missing(self, src: Lang, tgt: Lang) -> None:
        pair = f"{language_name(src)} → {language_name(tgt)}"
        self.messages.post(
            Message(
                Level.WARNING,
                self.tr("No {pair} translation model is installed.").format(pair=pair),
                self.tr(
                    "Dari translates on this computer with Argos Translate models. "
                    "Install one from a .argosmodel file, or download it, in Translation Models."
                ),
                self.tr("Translation Models…"),
                self.show_model_manager,
            )
        )
        self.show_model_manager()

    def show_model_manager(self) -> None:
        """Open the one model manager (kept, so a job still running is still reported)."""
        if self.model_manager is None:
            from reader.ui.model_manager import ModelManagerDialog

            resources = self.translator.resources
            self.model_manager = ModelManagerDialog(resources.store, self.messages, self)
            self.model_manager.packages_changed.connect(resources.forget_engines)
        else:
            self.model_manager.refresh()
        self.model_manager.open()

    # -- corrections ----------------------------------------------------------
    def _on_edit_triggered(self) -> None:
        if self.linker.current is not None:
            lang, index = self.linker.current
            if self.panes[lang].view.sentence(index).provenance.origin is Origin.ORIGINAL:
                counterparts = self.document.counterparts(lang, index) if self.document else []
                if not counterparts:
                    return
                lang, index = lang.other, counterparts[0]
            self.edit_sentence(lang, index)

    def edit_sentence(self, lang: Lang, index: int) -> None:
        """Open the in-place editor on a translated sentence (not on original text)."""
        view = self.panes[lang].view
        if self.document is None or not 0 <= index < view.sentence_count:
            return
        if view.sentence(index).provenance.origin is Origin.ORIGINAL:
            self.statusBar().showMessage(
                self.tr("Original text cannot be edited; correct its translation instead."), 5000
            )
            return
        self._close_editor()
        view.ensure_sentence_visible(index)
        editor = SentenceEditor(view, index)
        editor.saved.connect(lambda i, text, lang=lang: self._on_editor_saved(lang, i, text))
        editor.cancelled.connect(self._close_editor)
        self.editor = editor

    def _close_editor(self) -> None:
        if self.editor is not None:
            view = self.editor.view
            self.editor.deleteLater()
            self.editor = None
            view.setFocus()

    def _on_editor_saved(self, lang: Lang, index: int, text: str) -> None:
        self._close_editor()
        if self.document is None or not text:
            return
        if text == self.document.sentences(lang)[index].text:
            return
        self.undo_stack.push(
            CorrectSentence(self.document, lang, index, text, self._apply_correction)
        )

    def _apply_correction(self, lang: Lang, index: int, old: Sentence, new: Sentence) -> None:
        """Replace `old` by `new` in the document and the pane, and tell the memory."""
        document = self.document
        if document is None:
            return
        document.set_sentence(lang, index, new)
        unit = document.unit_of(lang, index)
        source = " ".join(s.text for s in document.unit(unit).side(lang.other))
        target = " ".join(s.text for s in document.unit(unit).side(lang))
        if new.provenance.origin is Origin.CORRECTED:
            self.translator.remember_correction(lang.other, source, target)
        else:
            previous = old.text if old.provenance.origin is Origin.CORRECTED else None
            self.translator.forget_correction(lang.other, source, previous)
        view = self.panes[lang].view
        scroll = view.verticalScrollBar().value()
        current = view.current
        view.set_document(document)
        view.verticalScrollBar().setValue(scroll)
        view.set_current(current)
        self.panes[lang].refresh_header(document)

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
            Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
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
        splitter: QByteArray = s.get("state/splitter")
        swapped, stacked = s.get("state/swapped"), s.get("state/orientation") == "stacked"
        shown = {lang: s.get(f"state/show_{lang.value}") for lang in Lang}
        sync = s.get("pref/sync_scroll")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.swap_action.setChecked(swapped)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)  # sizes, for the order just restored
        self.stacked_action.setChecked(stacked)
        self._on_stacked_toggled(stacked)
        for action in self.show_actions.values():
            action.setChecked(True)
        for lang, action in self.show_actions.items():
            action.setChecked(shown[lang])
        self.sync_action.setChecked(sync)
        self.linker.sync_scroll = sync

    def save_state(self) -> None:
        self.settings.set("state/geometry", self.saveGeometry())
        self.settings.set("state/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._loading is not None:
            self._loading.cancel()
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
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        filename, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a Text"), str(Path.home()),
            self.tr("Text files ({patterns});;All files (*)").format(patterns=patterns),
        )
        if filename:
            self.open_path(Path(filename))

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self, self.tr("About Dari"),
            self.tr(
                "<p><b>Dari · 다리</b> — English and Korean side by side.</p>"
                "<p>Dari works entirely on this computer: it makes no network request "
                "unless you ask it to download a translation model.</p>"
            ),
        )
