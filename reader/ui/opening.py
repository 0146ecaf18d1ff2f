"""Opening documents: File › Open for every format Dari reads (the command line and
dropped files come through the same `open_path`), New from Clipboard, Reopen with
Encoding, the Library and the recent files.

A file is read on a worker thread (``loading``); after a moment the status bar shows its
progress with a Cancel button. The current document stays until the new one is ready, a
failure goes to the message bus and changes nothing. The start of a long text is shown
at once, and the text streams into the panes (``sentence_render``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressBar, QPushButton

from reader import library, paths
from reader.document.article import ArticleError
from reader.document.formats import (
    HTML_SUFFIXES,
    MAX_TEXT_BYTES,
    TEXT_SUFFIXES,
    FormatError,
    LoadCancelled,
)
from reader.document.model import Document, Lang
from reader.document.textfile import TextFileError
from reader.session.session import SessionError, SessionState
from reader.ui.loading import (
    document_from_text,
    load_document,
    load_preview_indexed,
    load_session_indexed,
)
from reader.ui.session_ui import SESSION_SUFFIXES
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.ui.library_dialog import LibraryDialog
    from reader.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# The codecs Reopen with Encoding offers (for load_any); "" detects the encoding.
ENCODINGS = ("", "utf-8", "utf-16-le", "utf-16-be", "cp949", "cp1252", "latin-1")
PROGRESS_DELAY_MS = 300  # a quick load shows no progress bar at all
PREVIEW_HEAD_START_MS = 500  # the start of a long text is laid out before the load starts


class DocumentOpener(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.encoding = ""  # the current document's, as asked for ("" = detected)
        self._loading: Task | None = None
        self._loading_name = ""
        self._preview: Document | None = None  # the start of a long text, while it loads
        self._before_preview: Document | None = None
        self._told_cut_short: set[Lang] = set()  # the panes that said they show only a part
        self._after_preview: Task | None = None  # the load, waiting for the start to show
        self.library: LibraryDialog | None = None
        self.library_action = window._action(
            self.tr("&Library…"), self.show_library, "Ctrl+L", name="library"
        )
        self.clipboard_action = window._action(
            self.tr("New from &Clipboard"), self.new_from_clipboard, "Ctrl+Shift+V",
            name="newFromClipboard",
        )
        self.encoding_menu = QMenu(self.tr("Reopen with &Encoding"), window)
        self.encoding_menu.setObjectName("reopenWithEncoding")
        self.encoding_group = QActionGroup(self)
        self.encoding_actions: dict[str, QAction] = {}
        labels = [self.tr("&Detect Automatically"), "UTF-&8", self.tr("UTF-16 (&little-endian)"),
                  self.tr("UTF-16 (&big-endian)"), self.tr("&Korean (EUC-KR / CP949)"),
                  self.tr("&Western (Windows-1252)"), self.tr("Western (&ISO-8859-1)")]
        for codec, label in zip(ENCODINGS, labels, strict=True):
            action = QAction(label, self.encoding_menu)
            action.setCheckable(True)
            action.setObjectName(f"encoding_{codec or 'auto'}")
            action.triggered.connect(lambda _on=False, codec=codec: self.reopen_with(codec))
            self.encoding_group.addAction(action)
            self.encoding_menu.addAction(action)
            self.encoding_actions[codec] = action
        self.encoding_actions[""].setChecked(True)
        self.encoding_menu.setEnabled(False)

        self.progress = QProgressBar()
        self.progress.setObjectName("openProgress")
        self.progress.setAccessibleName(self.tr("Opening progress"))
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelOpenButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel opening"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            window.statusBar().addPermanentWidget(widget)
        self._show_progress = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._show_progress.timeout.connect(self._on_show_progress_timeout)
        for pane in window.panes.values():
            pane.view.rendering_finished.connect(self._on_view_rendering_finished)
        window.document_changed.connect(self._on_window_document_changed)

    # -- opening ----------------------------------------------------------------------
    def show_open_dialog(self) -> None:
        kinds = [
            (self.tr("Text files"), (".txt", ".text")),
            (self.tr("Markdown"), (".md", ".markdown")),
            (self.tr("Web pages"), HTML_SUFFIXES),
            (self.tr("Word documents"), (".docx",)),
            (self.tr("EPUB books"), (".epub",)),
            (self.tr("PDF documents"), (".pdf",)),
            (self.tr("Dari articles"), (".toml",)),
        ]
        every = " ".join(f"*{s}" for _, suffixes in kinds for s in suffixes)
        filters = [self.tr("All supported files ({patterns})").format(patterns=every)]
        filters += [f"{name} ({' '.join(f'*{s}' for s in suffixes)})" for name, suffixes in kinds]
        filters.append(self.tr("All files (*)"))
        recent = self.recent_files()
        start = str(Path(recent[0]).parent) if recent else str(Path.home())
        filename, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a Text"), start, ";;".join(filters)
        )
        if filename:
            self.open_path(Path(filename))

    def open_path(self, path: Path, encoding: str = "") -> None:
        """Load `path` in the background; the current document stays until it succeeds.
        A session file (.dari) restores its session."""
        if path.suffix.lower() in SESSION_SUFFIXES:
            task = Task(load_session_indexed, path)
            self._start(task, path.name, lambda state: self._on_session_loaded(state, path))
            return
        task = Task.reporting(load_document, path, encoding=encoding or None)
        done = partial(self._on_file_loaded, encoding=encoding)
        if path.suffix.lower() not in TEXT_SUFFIXES:
            self._start(task, path.name, done)
            return
        # A long text shows its start meanwhile: read first (some 30 ms) so as not to
        # compete with the whole load for the interpreter, then the load starts.
        preview = Task(load_preview_indexed, path, encoding or None)
        preview.signals.finished.connect(lambda doc, t=task: self._on_preview_ready(t, doc))
        preview.signals.failed.connect(lambda _exc, t=task: self._on_preview_ready(t, None))
        self._start(task, path.name, done, after=preview)

    def new_from_clipboard(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.window.messages.warning(self.tr("The clipboard holds no text to read."))
            self.window.load_settled.emit()
            return
        if len(text) > MAX_TEXT_BYTES:  # characters: the exact limit is checked in the worker
            self.window.messages.error(self.tr("The clipboard holds too much text to read."))
            self.window.load_settled.emit()
            return
        task = Task.reporting(document_from_text, text)
        self._start(task, self.tr("the clipboard text"), self.window.set_document)

    def reopen_with(self, encoding: str) -> None:
        """Read the current file again, decoded with `encoding` ("" = detected)."""
        document = self.window.document
        if document is None or document.path is None or not self._reopenable(document):
            self._check_encoding(self.encoding)
            return
        self.open_path(document.path, encoding)

    def cancel(self) -> None:
        """The Cancel button: stop the load, and show again what was shown before."""
        if self._loading is not None:
            self.forget(restore=True)
            self.window.statusBar().showMessage(
                self.tr("Stopped opening {name}.").format(name=self._loading_name), 5000
            )
            self.window.load_settled.emit()

    def forget(self, *, restore: bool = False) -> None:
        """A load still running is no longer wanted (another document is being shown, or
        the window closes); `restore` what was shown before the start of a long text."""
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
            self._stop_progress()
        self._end_preview(restore=restore)

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def _start(self, task: Task, name: str, done: Callable[[Any], None], *,
               after: Task | None = None) -> None:
        """Run `task` (or `after` now, which then starts `task`), then `done`."""
        self.forget(restore=True)
        task.signals.finished.connect(lambda result, t=task: self._on_finished(t, result, done))
        task.signals.failed.connect(lambda exc, t=task: self._on_failed(t, name, exc))
        task.signals.progress.connect(lambda d, total, t=task: self._on_progress(t, d, total))
        self._loading, self._loading_name = task, name
        self.window.statusBar().showMessage(self.tr("Opening {name}…").format(name=name))
        self.progress.setRange(0, 0)
        self._show_progress.start()
        (after or task).start()

    def _on_progress(self, task: Task, done: int, total: int) -> None:
        if task is self._loading:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, task: Task, result: Any, done: Callable[[Any], None]) -> None:
        if task is not self._loading:
            return  # superseded or cancelled
        self._loading = None
        self._stop_progress(clear=True)
        done(result)
        self.window.load_settled.emit()

    def _on_file_loaded(self, document: Document, encoding: str) -> None:
        continuing = self._end_preview(restore=False)
        self.window.set_document(document, continuing=continuing)
        name = document.path.name if document.path else ""
        log.info("Opened “%s” (%d units)", name, document.unit_count)
        self.encoding = encoding
        self._check_encoding(encoding)
        if document.path is not None and document.path.suffix.lower() != ".toml":
            self.window.settings.set("state/last_file", str(document.path))
            self.remember(document.path)

    def _on_session_loaded(self, state: SessionState, path: Path) -> None:
        self.window.sessions.restore(state, path)
        self.remember(path)

    def _on_failed(self, task: Task, name: str, exc: BaseException) -> None:
        if task is not self._loading:
            return
        self._loading = None
        self._stop_progress(clear=True)
        self._end_preview(restore=True)
        messages = self.window.messages
        if isinstance(exc, LoadCancelled):
            self.window.statusBar().showMessage(
                self.tr("Stopped opening {name}.").format(name=name), 5000
            )
        elif isinstance(exc, FormatError | TextFileError | ArticleError | SessionError):
            messages.error(str(exc))
        else:
            messages.error(self.tr("“{name}” could not be opened.").format(name=name), repr(exc))
        self._check_encoding(self.encoding)  # a failed reopen leaves the old choice ticked
        self.window.load_settled.emit()

    # -- the preview of a long text ----------------------------------------------------
    def _on_preview_ready(self, task: Task, document: Document | None) -> None:
        """Show the start of a long text while the rest loads (the actions that need the
        whole text wait), and start loading the rest."""
        if task is not self._loading:
            return  # cancelled or superseded before it started
        if document is not None:
            self._before_preview = self.window.document
            self._preview = document
            self.window.set_document(document)
            self._set_whole_text_actions(False)
        # The load competes with the GUI thread for the interpreter, which makes laying
        # out the start slow (most of all Korean, dense with glossary marks): it starts
        # once the start is laid out, or after PREVIEW_HEAD_START_MS at the latest.
        self._after_preview = task
        QTimer.singleShot(PREVIEW_HEAD_START_MS, self._start_after_preview)
        if not any(pane.view.is_rendering for pane in self.window.panes.values()):
            self._start_after_preview()

    def _start_after_preview(self) -> None:
        task, self._after_preview = self._after_preview, None
        if task is not None and task is self._loading:
            task.start()

    def _end_preview(self, *, restore: bool) -> bool:
        """Stop showing a preview; `restore` the document shown before it (the load
        failed or was cancelled). Returns whether the preview was on screen."""
        preview, before = self._preview, self._before_preview
        self._preview = self._before_preview = None
        if preview is None:
            return False
        self._set_whole_text_actions(True)
        shown = self.window.document is preview
        if restore and shown and before is not None:
            self.window.set_document(before)
        return shown

    def _set_whole_text_actions(self, enabled: bool) -> None:
        window = self.window
        for action in (window.translate_action, window.edit_action,
                       window.sessions.save_action, window.sessions.add_note_action,
                       window.handouts.export_action, window.handouts.print_action):
            action.setEnabled(enabled)
        self.encoding_menu.setEnabled(enabled and self._reopenable(window.document))
        for pane in window.panes.values():
            pane.set_translate_enabled(enabled)

    @Slot()
    def _on_show_progress_timeout(self) -> None:
        if self._loading is not None:
            self.progress.show()
            self.cancel_button.show()

    def _stop_progress(self, *, clear: bool = False) -> None:
        self._show_progress.stop()
        self.progress.hide()
        self.cancel_button.hide()
        if clear:
            self.window.statusBar().clearMessage()

    # -- encodings --------------------------------------------------------------------
    @staticmethod
    def _reopenable(document: Document | None) -> bool:
        suffix = document.path.suffix.lower() if document and document.path else ""
        return suffix in (*TEXT_SUFFIXES, *HTML_SUFFIXES)

    def _check_encoding(self, encoding: str) -> None:
        action = self.encoding_actions.get(encoding, self.encoding_actions[""])
        action.setChecked(True)

    @Slot(object)
    def _on_window_document_changed(self, document: Document) -> None:
        self.encoding = ""  # (a reopened file's encoding is set again just after this)
        self._told_cut_short.clear()
        self._check_encoding("")
        previewing = self._preview is not None and self._preview is document
        self.encoding_menu.setEnabled(self._reopenable(document) and not previewing)
        if self._loading is None and any(p.view.is_rendering for p in self.window.panes.values()):
            self.window.statusBar().showMessage(self.tr("Laying out the text…"))

    @Slot()
    def _on_view_rendering_finished(self) -> None:
        panes = self.window.panes.values()
        laying_out = self.window.statusBar().currentMessage() == self.tr("Laying out the text…")
        if not any(pane.view.is_rendering for pane in panes):
            if laying_out:
                self.window.statusBar().clearMessage()
            self._start_after_preview()
        document = self.window.document
        for lang, pane in self.window.panes.items():
            if document is None or not pane.view.cut_short or lang in self._told_cut_short:
                continue
            self._told_cut_short.add(lang)
            shown = pane.view.sentence_count / max(1, document.sentence_count(lang))
            name = document.path.name if document.path else document.title_in(lang)
            self.window.messages.warning(self.tr(
                "“{name}” is too long to show whole at this type size: the pane shows its "
                "first {percent} %. Smaller text (View › Text Size) shows more."
            ).format(name=name, percent=int(100 * shown)))

    # -- the library and recent files -------------------------------------------------
    def show_library(self) -> None:
        if self.library is None:
            from reader.ui.library_dialog import LibraryDialog

            self.library = LibraryDialog(self.window)
            self.library.open_requested.connect(self.open_path)
            self.library.remove_requested.connect(self.forget_recent)
        articles = library.bundled_articles(paths.content_dir())
        self.library.set_reading_font(self.window.reading.font_for(Lang.EN))
        self.library.set_contents(articles, self.recent_files())
        self.library.open()

    def recent_files(self) -> list[str]:
        return list(self.window.settings.get("state/recent_files"))

    def remember(self, path: Path) -> None:
        recent = library.with_recent(self.recent_files(), path)
        self.window.settings.set("state/recent_files", recent)

    @Slot(str)
    def forget_recent(self, path: Path | str) -> None:
        self.window.settings.set("state/recent_files", library.without(self.recent_files(), path))
        if self.library is not None and self.library.isVisible():
            articles = library.bundled_articles(paths.content_dir())
            self.library.set_contents(articles, self.recent_files())

