"""Text to PCM: one speech thread, one pyttsx3 engine, a request queue and a clip cache.

Qt-free. :class:`Synthesizer` owns a daemon thread ("dari-speech") that creates the pyttsx3
engine on first use and renders each request with ``save_to_file`` into a scratch WAV,
read back with :mod:`wave`. Requests return :class:`concurrent.futures.Future` objects;
their done-callbacks run on the speech thread. A future cancelled before its turn is
skipped, so a reader that jumps elsewhere cancels its prefetch instead of queueing it.

pyttsx3 2.99 + espeak-ng quirks handled here (see docs FIELD-NOTES):

- ``runAndWait`` begins with the driver's ``endLoop``, which, if espeak is still busy
  (its own thread still applying a voice or speed change), calls espeak's ``Cancel`` and
  leaves a "stopping" flag that cancels the *next* utterance. Seen as speed changes lost
  (2 of 5 in a row) and, on a new engine whose driver has just queued its defaults, as an
  empty clip (2 in 300 engine starts under load). So before every ``runAndWait`` (the
  warm-up included) the renderer waits until espeak is idle (``IsPlaying()`` polled every
  millisecond: what ``Synchronize()`` does with 20 ms steps).
- Completion is taken from the ``finished-utterance`` event (completed=True, with a
  timeout), not from ``runAndWait`` returning: its loop also ends whenever the driver's
  ``endLoop`` runs, which the order of queued commands decides. One empty ``runAndWait``
  first puts the driver in its steady state, where commands run at once, in order.
- An unknown voice is not raised by pyttsx3 but reported to its "error" event: it is
  turned into a :class:`SpeechError` here.
- The driver prints "Audio saved to ..." on stdout for every file: that print is
  silenced in the driver module only.
- Volume is applied to the samples (espeak's own volume stays at 1.0): it is exact and
  linear, and a clip cached at one volume serves every other volume.
"""

from __future__ import annotations

import builtins
import contextlib
import queue
import shutil
import tempfile
import threading
import time
import wave
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from reader.speech.voices import (
    SpeechError,
    SpeechUnavailable,
    VoiceInfo,
    list_voices,
    load_engine,
)

__all__ = ["SAMPLE_RATE", "Clip", "Synthesizer"]

SAMPLE_RATE = 22_050  # what espeak-ng produces
_CACHE_SIZE = 64  # clips; a sentence is ~100-300 KB
_SAVED_MESSAGE = "Audio saved to "

Samples = npt.NDArray[np.int16]


@dataclass(frozen=True, eq=False)
class Clip:
    """Mono 16-bit PCM of one utterance, and what it says (for players that speak text)."""

    samples: Samples
    sample_rate: int = SAMPLE_RATE
    text: str = ""
    voice_id: str = ""
    rate_wpm: int = 0
    volume: float = 1.0

    @property
    def frames(self) -> int:
        return len(self.samples)

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate

    def pcm(self, start_frame: int = 0) -> bytes:
        """Little-endian S16 bytes from `start_frame` on."""
        return self.samples[start_frame:].astype("<i2", copy=False).tobytes()

    def with_volume(self, volume: float) -> Clip:
        if volume >= 1.0:
            return replace(self, volume=1.0)
        scaled = np.rint(self.samples.astype(np.float32) * max(volume, 0.0)).astype(np.int16)
        return replace(self, samples=scaled, volume=volume)

    @classmethod
    def silence(cls, seconds: float, sample_rate: int = SAMPLE_RATE) -> Clip:
        return cls(np.zeros(round(seconds * sample_rate), dtype=np.int16), sample_rate)


def read_wav(path: Path) -> tuple[Samples, int]:
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise SpeechError(f"The speech engine wrote an unexpected format ({path.name}).")
            data = wav.readframes(wav.getnframes())
            return np.frombuffer(data, dtype="<i2").astype(np.int16), wav.getframerate()
    except (OSError, EOFError, wave.Error) as error:
        raise SpeechError(f"The speech engine wrote no usable audio ({error}).") from error


class _Renderer:
    """One pyttsx3 engine used through save_to_file (speech thread only)."""

    def __init__(self, engine: Any, workdir: Path, timeout: float) -> None:
        self._engine = engine  # a strong reference: pyttsx3.init() keeps only a weak one
        self._path = workdir / "utterance.wav"
        self._timeout = timeout
        self._finished = threading.Event()
        self._errors: list[BaseException] = []
        self._tokens = [
            engine.connect("finished-utterance", self._on_finished),
            engine.connect("error", self._on_error),
        ]
        self._is_busy: Callable[[], int] | None = None
        if str(engine) == "espeak":
            from pyttsx3.drivers import _espeak, espeak

            self._is_busy = _espeak.IsPlaying
            setattr(espeak, "print", _quiet_print)  # noqa: B010 - shadows the builtin there
        self._wait_idle()  # the driver has just queued its default voice, speed and volume
        engine.runAndWait()  # warm up: afterwards commands run at once, in order
        engine.setProperty("volume", 1.0)
        self._voice: str | None = None
        self._rate: int | None = None

    def _on_finished(self, name: object = None, completed: bool = True, **_: object) -> None:
        if completed:
            self._finished.set()

    def _on_error(
        self, name: object = None, exception: BaseException | None = None, **_: object
    ) -> None:
        self._errors.append(exception or SpeechError("speech engine error"))

    def voices(self) -> list[VoiceInfo]:
        return list_voices(self._engine)

    def render(self, text: str, voice_id: str, rate_wpm: int) -> tuple[Samples, int]:
        self._errors.clear()
        if voice_id != self._voice:
            self._voice = None
            self._engine.setProperty("voice", voice_id)
            self._check(f"The voice {voice_id!r} cannot be used")
            self._voice = voice_id
        if rate_wpm != self._rate:
            self._engine.setProperty("rate", rate_wpm)
            self._check(f"The speed {rate_wpm} cannot be used")
            self._rate = rate_wpm
        self._path.unlink(missing_ok=True)
        self._finished.clear()
        self._engine.save_to_file(text, str(self._path))
        self._wait_idle()
        self._engine.runAndWait()
        if not self._finished.wait(self._timeout):
            raise SpeechError(f"The speech engine did not finish within {self._timeout:.0f} s.")
        self._check("The speech engine failed")
        return read_wav(self._path)

    def _wait_idle(self) -> None:
        deadline = time.monotonic() + self._timeout
        while self._is_busy is not None and self._is_busy():
            if time.monotonic() > deadline:
                raise SpeechError(f"The speech engine stayed busy for {self._timeout:.0f} s.")
            time.sleep(0.001)

    def _check(self, what: str) -> None:
        if self._errors:
            error = self._errors[0]
            self._errors.clear()
            raise SpeechError(f"{what}: {error}")

    def close(self) -> None:
        """Let go of the engine now (not at some later garbage collection): pyttsx3 clears
        espeak's process-wide callback when its driver dies, which must not happen after
        a later Synthesizer has installed its own."""
        for token in self._tokens:
            with contextlib.suppress(Exception):
                self._engine.disconnect(token)
        self._tokens.clear()
        self._engine = None


def _quiet_print(*args: object, **kwargs: Any) -> None:
    if args and str(args[0]).startswith(_SAVED_MESSAGE):
        return
    builtins.print(*args, **kwargs)


@dataclass
class _Job:
    future: Future[Any]
    work: Callable[[_Renderer], Any]


class Synthesizer:
    """Renders text to :class:`Clip` on its own thread. Thread-safe; one per process.

    ``engine_loader`` (default :func:`load_engine`) runs on the speech thread at the first
    request; if it fails, that request and every later one fail with the same
    :class:`SpeechUnavailable`.
    """

    def __init__(
        self,
        *,
        cache_size: int = _CACHE_SIZE,
        timeout: float = 30.0,
        engine_loader: Callable[[], Any] = load_engine,
    ) -> None:
        self._cache: OrderedDict[tuple[str, str, int], Clip] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._timeout = timeout
        self._engine_loader = engine_loader
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="dari-speech", daemon=True)
        self._thread.start()

    # -- requests (any thread) ----------------------------------------------------------
    def synthesize(
        self, text: str, voice_id: str, rate_wpm: int, volume: float = 1.0
    ) -> Future[Clip]:
        """The clip for `text`; done at once when cached (the cache ignores volume)."""
        key = (text.strip(), voice_id, int(rate_wpm))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
        if cached is not None or not key[0]:
            future: Future[Clip] = Future()
            raw = cached or Clip(np.zeros(0, np.int16), text=text, voice_id=voice_id)
            future.set_result(raw.with_volume(volume))
            return future
        return self._submit(lambda renderer: self._render(renderer, key, volume))

    def voices(self) -> Future[list[VoiceInfo]]:
        """The engine's voices; fails with SpeechUnavailable when there is no engine."""
        return self._submit(lambda renderer: renderer.voices())

    def cached(self, text: str, voice_id: str, rate_wpm: int) -> bool:
        with self._lock:
            return (text.strip(), voice_id, int(rate_wpm)) in self._cache

    def close(self, timeout: float = 5.0) -> None:
        if not self._closed:
            self._closed = True
            self._jobs.put(None)
            self._thread.join(timeout)

    def __enter__(self) -> Synthesizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _submit(self, work: Callable[[_Renderer], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        if self._closed:
            future.set_exception(SpeechError("The speech engine has been shut down."))
        else:
            self._jobs.put(_Job(future, work))
        return future

    # -- the speech thread ----------------------------------------------------------------
    def _render(self, renderer: _Renderer, key: tuple[str, str, int], volume: float) -> Clip:
        with self._lock:
            raw = self._cache.get(key)
        if raw is None:
            text, voice_id, rate = key
            samples, sample_rate = renderer.render(text, voice_id, rate)
            raw = Clip(samples, sample_rate, text, voice_id, rate)
            with self._lock:
                self._cache[key] = raw
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return raw.with_volume(volume)

    def _run(self) -> None:
        workdir = Path(tempfile.mkdtemp(prefix="dari-speech-"))
        renderer: _Renderer | None = None
        failure: SpeechUnavailable | None = None
        try:
            while (job := self._jobs.get()) is not None:
                if not job.future.set_running_or_notify_cancel():
                    continue
                try:
                    if renderer is None:
                        if failure is not None:
                            raise failure
                        try:
                            renderer = _Renderer(self._engine_loader(), workdir, self._timeout)
                        except SpeechUnavailable as error:
                            failure = error
                            raise
                    job.future.set_result(job.work(renderer))
                except Exception as error:
                    job.future.set_exception(error)
        finally:
            if renderer is not None:
                renderer.close()
            shutil.rmtree(workdir, ignore_errors=True)
            while True:  # whatever is left after close()
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job.future.cancel()
