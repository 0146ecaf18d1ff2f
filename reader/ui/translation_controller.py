"""Filling the empty pane with an offline translation, and remembering corrections.

A translation job runs on a one-thread pool (one engine call at a time), looks every
sentence up in the translation memory first, sends only the misses to the engine and
streams results back in order. The window applies them as they arrive: the target pane
grows sentence by sentence and a progress bar counts them. Starting a new job cancels
the previous one rather than queueing behind it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader import paths
from reader.document.model import Document, Lang, Origin, Provenance, Sentence
from reader.ui.tasks import CancelToken

if TYPE_CHECKING:
    from reader.translation.engine import TranslationEngine
    from reader.translation.memory import TranslationMemory
    from reader.translation.packages import PackageStore

log = logging.getLogger(__name__)

EMIT_INTERVAL_S = 0.03  # batch cache hits so the GUI gets a few signals, not thousands


class SourceItem(NamedTuple):
    unit: int
    text: str


def untranslated(document: Document, src: Lang, tgt: Lang) -> list[SourceItem]:
    """The units that have `src` text but no `tgt` text, in reading order."""
    items = []
    for unit_no, unit in enumerate(document.units()):
        if unit.side(src) and not unit.side(tgt):
            items.append(SourceItem(unit_no, " ".join(s.text for s in unit.side(src))))
    return items


class JobSignals(QObject):
    started = Signal(str)  # model name
    results = Signal(list)  # [(item index, text, Origin)]
    progress = Signal(int, int)  # done, total
    no_model = Signal(object, object)  # src, tgt
    notice = Signal(str)  # something the user should know, not an error
    failed = Signal(object)  # exception
    finished = Signal(bool)  # True when every sentence was translated


class Resources:
    """Engines and the translation memory, shared by jobs and used on the job thread."""

    def __init__(self, packages_dir: Path, memory_path: Path) -> None:
        self.packages_dir = packages_dir
        self.memory_path = memory_path
        self._engines: dict[Path, TranslationEngine] = {}
        self._memory: TranslationMemory | None = None
        self._store: PackageStore | None = None
        self.reported_set_aside = False

    @property
    def store(self) -> PackageStore:
        """One store for the whole app, so installs and removals share its lock."""
        if self._store is None:
            from reader.translation.packages import PackageStore

            self._store = PackageStore(self.packages_dir)
        return self._store

    def forget_engines(self) -> None:
        """Drop loaded models (after a package was removed or replaced)."""
        self._engines = {}

    def memory(self) -> TranslationMemory:
        if self._memory is None:
            from reader.translation.memory import TranslationMemory

            self._memory = TranslationMemory(self.memory_path)
        return self._memory

    def engine_for(self, src: Lang, tgt: Lang) -> TranslationEngine | None:
        from reader.translation.engine import TranslationEngine

        package = self.store.find(src.value, tgt.value)
        if package is None:
            return None
        engine = self._engines.get(package.path)
        if engine is None:
            engine = TranslationEngine(package.path)
            self._engines = {package.path: engine}  # keep one model in memory
        return engine


class TranslationJob(QRunnable):
    def __init__(
        self, resources: Resources, items: list[SourceItem], src: Lang, tgt: Lang
    ) -> None:
        super().__init__()
        self.signals = JobSignals()
        self.token = CancelToken()
        self.resources, self.items, self.src, self.tgt = resources, items, src, tgt

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # noqa: BLE001 - shown through the message bar
            log.exception("translation failed")
            self.signals.failed.emit(exc)

    def _run(self) -> None:
        from reader.translation.service import translate_document_sentences

        engine = self.resources.engine_for(self.src, self.tgt)
        if engine is None:
            self.signals.no_model.emit(self.src, self.tgt)
            return
        self.signals.started.emit(engine.info.name)
        memory = self.resources.memory()
        if memory.set_aside is not None and not self.resources.reported_set_aside:
            self.resources.reported_set_aside = True
            self.signals.notice.emit(
                f"The translation memory was damaged and has been set aside as "
                f"“{memory.set_aside.name}”; Dari started a new one. Corrections saved "
                "before are in the old file."
            )
        total = len(self.items)
        buffer: list[tuple[int, str, Any]] = []
        done = 0
        last_emit = time.monotonic()
        stream = translate_document_sentences(
            engine, memory, [item.text for item in self.items],
            self.src.value, self.tgt.value, cancelled=self.token,
        )
        for index, text, origin in stream:
            buffer.append((index, text, origin))
            done += 1
            now = time.monotonic()
            if now - last_emit >= EMIT_INTERVAL_S or done == total or done == 1:
                self.signals.results.emit(buffer)
                self.signals.progress.emit(done, total)
                buffer, last_emit = [], now
            if self.token():
                break
        if buffer:
            self.signals.results.emit(buffer)
            self.signals.progress.emit(done, total)
        self.signals.finished.emit(done == total and not self.token())


class TranslationController(QObject):
    """Owns translation jobs for the window; the window observes it through signals."""

    job_started = Signal(int)  # total sentences
    sentences_applied = Signal(int, int)  # done, total
    job_finished = Signal(bool)  # completed?
    model_missing = Signal(object, object)  # src, tgt
    notice = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        packages_dir: Path | None = None,
        memory_path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.resources = Resources(
            packages_dir or paths.argos_packages_dir(),
            memory_path or paths.translation_memory_path(),
        )
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.document: Document | None = None
        self.job: TranslationJob | None = None
        self.model_name = ""
        self._items: list[SourceItem] = []
        self._tgt = Lang.KO

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start_housekeeping(self) -> None:
        """Remove what an interrupted model install left behind (once, at start-up, on the
        job thread so that it runs before any translation or install)."""
        self.pool.start(lambda: self.resources.store.cleanup())

    def translate(self, document: Document, tgt: Lang) -> bool:
        """Start filling `tgt` in `document`. Returns False when there is nothing to do."""
        self.cancel()
        src = tgt.other
        items = untranslated(document, src, tgt)
        if not items:
            return False
        self.document, self._items, self._tgt = document, items, tgt
        job = TranslationJob(self.resources, items, src, tgt)
        job.signals.started.connect(self._on_job_started)
        job.signals.results.connect(lambda results, j=job: self._on_job_results(j, results))
        job.signals.progress.connect(
            lambda done, total, j=job: self._on_job_progress(j, done, total)
        )
        job.signals.no_model.connect(lambda s, t, j=job: self._on_job_no_model(j, s, t))
        job.signals.failed.connect(lambda exc, j=job: self._on_job_failed(j, exc))
        job.signals.notice.connect(self.notice)
        job.signals.finished.connect(lambda ok, j=job: self._on_job_finished(j, ok))
        self.job = job
        self.job_started.emit(len(items))
        self.pool.start(job)
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
            self.job_finished.emit(False)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    # -- job signals (GUI thread) ---------------------------------------------
    def _on_job_started(self, model_name: str) -> None:
        self.model_name = model_name

    def _on_job_results(self, job: TranslationJob, results: list[tuple[int, str, Any]]) -> None:
        if job is not self.job or self.document is None:
            return
        for index, text, origin in results:
            if origin == Origin.CORRECTED:
                provenance = Provenance.corrected()
            else:
                provenance = Provenance.machine(self.model_name)
            self.document.set_side(self._items[index].unit, self._tgt, [Sentence(text, provenance)])

    def _on_job_progress(self, job: TranslationJob, done: int, total: int) -> None:
        if job is self.job:
            self.sentences_applied.emit(done, total)

    def _on_job_no_model(self, job: TranslationJob, src: Lang, tgt: Lang) -> None:
        if job is self.job:
            self.job = None
            self.job_finished.emit(False)
            self.model_missing.emit(src, tgt)

    def _on_job_failed(self, job: TranslationJob, exc: BaseException) -> None:
        if job is self.job:
            self.job = None
            self.job_finished.emit(False)
            self.error.emit(str(exc) or exc.__class__.__name__)

    def _on_job_finished(self, job: TranslationJob, completed: bool) -> None:
        if job is self.job:
            self.job = None
            self.job_finished.emit(completed)

    # -- corrections ------------------------------------------------------------
    def remember_correction(self, src: Lang, source: str, target: str) -> None:
        self.pool.start(
            lambda: self.resources.memory().put_correction(
                src.value, src.other.value, source, target
            )
        )

    def forget_correction(self, src: Lang, source: str, previous: str | None) -> None:
        def forget() -> None:
            memory = self.resources.memory()
            memory.remove_correction(src.value, src.other.value, source)
            if previous is not None:
                memory.put_correction(src.value, src.other.value, source, previous)

        self.pool.start(forget)
