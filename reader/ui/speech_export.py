"""Exporting read-aloud audio to a WAV file from the window: which sentences (the text
selected in a pane, else the whole document), where to (a file dialog), and the export
itself on a worker thread with its progress and a Cancel button in the status bar.

The speech layer is imported only when an export starts (see :mod:`reader.ui.speech_ui`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton

from reader.document.model import Document, Lang
from reader.ui.sentence_view import SentenceView
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.speech.export import ExportResult
    from reader.speech.sequence import Mode
    from reader.speech.synth import Synthesizer
    from reader.speech.voices import SpeechSettings
    from reader.ui.main_window import MainWindow

Selection = list[tuple[Lang, int]]


def selected_sentences(view: SentenceView) -> list[int]:
    """The sentences the view's text selection touches (empty without a selection)."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return []
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    hits = (view.sentence_at_position(p) for p in range(start, end))
    first = next((index for index in hits if index >= 0), -1)
    if first < 0:
        return []  # only the title or the gaps between sentences
    hits = (view.sentence_at_position(p) for p in range(end - 1, start - 1, -1))
    last = next(index for index in hits if index >= 0)
    return list(range(first, last + 1))


def sentence_selection(window: MainWindow) -> Selection | None:
    """The sentences selected in the pane being read (else in the other pane), or None."""
    active = window.active_language()
    for lang in (active, active.other):
        pane = window.panes[lang]
        if pane.isVisible() and pane.showing_text:
            indexes = selected_sentences(pane.view)
            if indexes:
                return [(lang, index) for index in indexes]
    return None


def suggested_name(document: Document, mode_value: str, partial: bool) -> str:
    title = document.title_in(document.original_language)
    if not title and document.path is not None:
        title = document.path.stem
    stem = re.sub(r'[\\/:*?"<>|\s]+', " ", title).strip()[:60].strip() or "Dari"
    suffix = {"en": "English", "ko": "Korean"}.get(mode_value, "bilingual")
    return f"{stem} ({suffix}{', selection' if partial else ''}).wav"


class SpeechExporter(QObject):
    """Runs one export at a time; `running_changed` tells the controller to grey its action."""

    running_changed = Signal(bool)

    def __init__(self, window: MainWindow, report: Callable[[BaseException], None]) -> None:
        super().__init__(window)
        self.window = window
        self._report = report
        self._task: Task | None = None
        self._folder = Path.home()
        self._progress: QProgressBar | None = None
        self._cancel: QPushButton | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def ask_path(self, document: Document, mode_value: str, partial: bool) -> Path | None:
        what = self.tr("the selected sentences") if partial else self.tr("the whole document")
        filename, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Speech of {what} to WAV").format(what=what),
            str(self._folder / suggested_name(document, mode_value, partial)),
            self.tr("WAV audio (*.wav)"),
        )
        if not filename:
            return None
        path = Path(filename)
        if path.suffix.lower() != ".wav":
            path = path.with_name(path.name + ".wav")
        self._folder = path.parent
        return path

    def start(
        self, synth: Synthesizer, document: Document,
        selection: Collection[tuple[Lang, int]] | None,
        mode: Mode, settings: SpeechSettings, path: Path,
    ) -> None:
        from reader.speech.export import export_wav

        def run() -> ExportResult:  # on a worker thread
            return export_wav(
                synth, document, selection, mode, settings, path,
                progress=task.signals.progress.emit, cancelled=task.token,
            )

        task = Task(run)
        task.signals.progress.connect(self._on_task_progress)
        task.signals.finished.connect(lambda result, t=task: self._on_task_finished(t, result))
        task.signals.failed.connect(lambda error, t=task: self._on_task_failed(t, error))
        task.signals.cancelled.connect(lambda t=task: self._on_task_failed(t, None))
        self._task = task
        self._show_progress(path)
        self.running_changed.emit(True)
        task.start()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def shutdown(self) -> None:
        """Cancel any export and ignore what its worker still reports."""
        self.cancel()
        self._task = None

    # -- status bar -----------------------------------------------------------------
    def _show_progress(self, path: Path) -> None:
        bar = self.window.statusBar()
        if self._progress is None or self._cancel is None:
            self._progress = QProgressBar()
            self._progress.setObjectName("speechExportProgress")
            self._progress.setAccessibleName(self.tr("Speech export progress"))
            self._progress.setFormat(self.tr("%v of %m sentences"))
            self._progress.setMaximumWidth(260)
            self._cancel = QPushButton(self.tr("Cancel Export"))
            self._cancel.setObjectName("speechExportCancel")
            self._cancel.setAccessibleName(self.tr("Cancel the speech export"))
            self._cancel.clicked.connect(self.cancel)
            bar.addPermanentWidget(self._progress)
            bar.addPermanentWidget(self._cancel)
        self._progress.setRange(0, 0)  # busy until the first sentence is written
        self._progress.show()
        self._cancel.show()
        bar.showMessage(self.tr("Exporting speech to {name}…").format(name=path.name))

    def _finish(self, task: Task) -> bool:
        if task is not self._task:
            return False
        self._task = None
        if self._progress is not None and self._cancel is not None:
            self._progress.hide()
            self._cancel.hide()
        self.window.statusBar().clearMessage()
        self.running_changed.emit(False)
        return True

    @Slot(int, int)
    def _on_task_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setRange(0, total)
            self._progress.setValue(done)

    def _on_task_finished(self, task: Task, result: ExportResult) -> None:
        if self._finish(task):
            self.window.messages.info(
                self.tr("Saved the speech to {path}.").format(path=result.path),
                self.tr("{count} sentences, {seconds:.0f} seconds.").format(
                    count=result.sentences, seconds=result.duration),
            )

    def _on_task_failed(self, task: Task, error: BaseException | None) -> None:
        from reader.speech.export import ExportCancelled

        if not self._finish(task):
            return
        if error is None or isinstance(error, ExportCancelled):
            self.window.statusBar().showMessage(self.tr("Speech export cancelled."), 5000)
        else:
            self._report(error)
