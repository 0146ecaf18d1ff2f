"""Getting speech ready without slowing the window, and saying what is missing when it cannot be.

Nothing of :mod:`reader.speech` is imported until :meth:`SpeechEngine.start`: a worker then
imports it (numpy alone costs ~0.2 s), the one :class:`~reader.speech.synth.Synthesizer` is
made, and its voices are asked for on its own thread; the answer comes back through a queued
signal. The sound device is probed on a worker too (``detect_player`` may take 3 s).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, Signal, Slot

from reader.document.model import Lang
from reader.settings import Settings
from reader.ui.messages import Level, Message
from reader.ui.pane import language_name
from reader.ui.tasks import Task

if TYPE_CHECKING:
    from reader.speech.player import Player
    from reader.speech.synth import Synthesizer
    from reader.speech.voices import SpeechSettings, VoiceInfo


def _import_speech() -> None:
    """Import the speech layer off the GUI thread."""
    import reader.speech.export
    import reader.speech.player
    import reader.speech.sequence  # noqa: F401


def _load_engine() -> Any:
    from reader.speech import voices

    return voices.load_engine()  # looked up when called, so that tests can replace it


def _detect_player() -> Player:
    from reader.speech import player

    return player.detect_player()


class SpeechEngine(QObject):
    """The Synthesizer, its voices and the sound device, each found in the background.

    ``changed`` is emitted whenever one of them becomes known: ``voices`` or ``problem``
    (why there is no engine), ``device`` or ``device_problem``.
    """

    changed = Signal()
    _voices_done = Signal(object)  # the voices() future, emitted on "dari-speech"

    #: A Synthesizer to use instead of making one, left open by close(). pyttsx3 allows one
    #: engine per process: tests that open many windows share one (see tests/ui).
    shared_synthesizer: ClassVar[Synthesizer | None] = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synth: Synthesizer | None = None
        self.voices: list[VoiceInfo] | None = None
        self.problem: BaseException | None = None
        self.device: Player | None = None
        self.device_problem: BaseException | None = None
        self._engine_task: Task | None = None
        self._device_task: Task | None = None
        self._closed = False
        self._owns_synth = True
        self._voices_done.connect(self._on_voices_done)

    @property
    def known(self) -> bool:
        return self.voices is not None or self.problem is not None

    @Slot()
    def start(self) -> None:
        """Start the speech engine and list its voices, once."""
        if self._closed or self.known or self._engine_task is not None or self.synth:
            return
        self._engine_task = task = Task(_import_speech)
        task.signals.finished.connect(self._on_import_finished)
        task.signals.failed.connect(self._on_voices_done)
        task.start()

    @Slot(object)
    def _on_import_finished(self, _result: object) -> None:
        if self._closed:
            return
        from reader.speech.synth import Synthesizer

        self._owns_synth = self.shared_synthesizer is None
        self.synth = self.shared_synthesizer or Synthesizer(engine_loader=_load_engine)
        self.synth.voices().add_done_callback(self._emit_voices_done)

    def _emit_voices_done(self, future: Future[list[VoiceInfo]]) -> None:  # "dari-speech"
        if not self._closed:
            self._voices_done.emit(future)

    @Slot(object)
    def _on_voices_done(self, outcome: Future[list[VoiceInfo]] | BaseException) -> None:
        self._engine_task = None
        if self._closed:
            return
        try:
            if isinstance(outcome, BaseException):
                raise outcome
            self.voices = outcome.result()
        except Exception as error:  # SpeechUnavailable, or the import failed
            self.problem = error
        self.changed.emit()

    def probe_device(self) -> None:
        if self._device_task is None and not self._closed:
            self._device_task = task = Task(_detect_player)
            task.signals.finished.connect(self._on_device_probed)
            task.signals.failed.connect(self._on_device_probed)
            task.start()

    @Slot(object)
    def _on_device_probed(self, outcome: object) -> None:
        self._device_task = None
        if isinstance(outcome, BaseException):
            self.device_problem = outcome
        else:
            self.device = outcome  # type: ignore[assignment]
        if not self._closed:
            self.changed.emit()

    def note_failure(self, error: BaseException) -> None:
        """Reading failed: if for want of a sound device, look for one again next time."""
        from reader.speech.voices import Problem, SpeechUnavailable

        if isinstance(error, SpeechUnavailable) and error.problem in (
                Problem.NO_DEVICE, Problem.NO_PLAYER):
            self.device = None

    def settings_for(self, settings: Settings) -> SpeechSettings:
        """Voices (the chosen one if there is such a voice, else the default), rate, volume."""
        from reader.speech.voices import SpeechSettings, SpeechUnavailable, default_voice

        voices = self.voices or []
        known = {voice.id for voice in voices}
        chosen: dict[Lang, str] = {}
        for lang in Lang:
            wanted = str(settings.get(f"pref/speech_voice_{lang.value}"))
            with contextlib.suppress(SpeechUnavailable):  # said when that language is read
                chosen[lang] = wanted if wanted in known else default_voice(voices, lang).id
        rate, volume = settings.get("pref/speech_rate"), settings.get("pref/speech_volume")
        return SpeechSettings(chosen, int(rate), int(volume) / 100)

    def voice_choices(self) -> dict[str, list[tuple[str, str]]]:
        """Voices by language code for the Preferences dialog (empty until known)."""
        if self.voices is None:
            self.start()
            return {}
        from reader.speech.voices import voices_for

        return {lang.value: [(v.id, v.name) for v in voices_for(self.voices, lang)]
                for lang in Lang}

    def problem_text(self) -> str:
        if self.problem is not None:
            return str(self.problem)
        return self.tr("the speech engine is still starting.") if self.voices is None else ""

    def message_for(self, error: BaseException, export: Callable[[], None]) -> Message:
        """What to tell the user; for a missing piece, what it is and how to get it."""
        from reader.speech.voices import Problem, SpeechUnavailable

        if not isinstance(error, SpeechUnavailable):
            return Message(Level.ERROR, self.tr("Reading aloud failed."), str(error) or repr(error))
        if error.problem in (Problem.NO_DEVICE, Problem.NO_PLAYER):
            silent = self.tr(
                "For the highlighting without sound, choose Silent output in Preferences.")
            return Message(Level.WARNING, self.tr("Dari cannot play sound on this computer."),
                           f"{error} {silent}", self.tr("Export to WAV…"), export)
        if error.problem is Problem.NO_VOICE and error.lang is not None:
            return Message(Level.WARNING, self.tr("Dari cannot read {language} aloud.").format(
                language=language_name(error.lang)), str(error))
        return Message(Level.WARNING, self.tr("Reading aloud needs a speech engine."),
                       f"{error} " + self.tr("Then restart Dari."))

    def close(self) -> None:
        """Let the speech thread go (waits at most a second for a sentence being made)."""
        self._closed = True
        if self.synth is not None and self._owns_synth:
            self.synth.close(timeout=1.0)
        self.synth = None
