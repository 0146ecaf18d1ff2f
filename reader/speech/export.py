"""Export read-aloud audio to one WAV file (mono, 16-bit, the engine's 22,050 Hz).

Qt-free and blocking: run :func:`export_wav` in a worker (QRunnable). It needs no sound
device. Sentences are synthesised through the shared :class:`~reader.speech.synth.Synthesizer`
(a couple ahead of the one being written), separated by ``pause`` seconds of silence, and
written to a temporary file beside `path` that replaces `path` only when complete: a
cancelled or failed export leaves no file behind (and an older file at `path` untouched).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import wave
from collections.abc import Callable, Collection
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reader.document.model import Document, Lang
from reader.speech.sequence import ClipSource, Item, Mode, reading_order
from reader.speech.synth import Clip
from reader.speech.voices import SpeechError, SpeechSettings

__all__ = ["ExportCancelled", "ExportResult", "export_wav"]

PAUSE_SECONDS = 0.3
_LOOKAHEAD = 3  # sentences requested ahead of the one being written
_POLL_SECONDS = 0.05  # how often a wait looks at cancelled()


class ExportCancelled(Exception):
    """The export was cancelled; no file was written."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sentences: int
    duration: float  # seconds
    sample_rate: int


def _never() -> bool:
    return False


def export_wav(
    source: ClipSource,
    document: Document,
    selection: Collection[tuple[Lang, int]] | None,
    mode: Mode,
    settings: SpeechSettings,
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = _never,
    pause: float = PAUSE_SECONDS,
) -> ExportResult:
    """Write what `mode` reads (all of `document`, or the `selection` of (lang, index)
    sentences as :func:`reading_order` expands it) to `path`. ``progress(done, total)`` is
    called after each sentence, on the calling thread. Raises ExportCancelled, SpeechError
    (SpeechUnavailable when no engine or voice) or OSError."""
    path = Path(path)
    items = reading_order(document, mode, selection)
    if not items:
        raise SpeechError("There is nothing to export: no sentences to read were selected.")
    settings = settings.clamped()
    for lang in {item.lang for item in items}:
        settings.voice(lang)  # no voice: fail before creating any file
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temp = Path(temp_name)
    pending: dict[int, Future[Clip]] = {}
    try:
        with os.fdopen(fd, "wb") as raw:
            frames, sample_rate = _write(
                raw, items, source, settings, pending, pause, progress, cancelled
            )
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, path)
    except BaseException:
        for future in pending.values():
            future.cancel()
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return ExportResult(path, len(items), frames / sample_rate, sample_rate)


def _write(
    raw: IO[bytes],
    items: list[Item],
    source: ClipSource,
    settings: SpeechSettings,
    pending: dict[int, Future[Clip]],
    pause: float,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool],
) -> tuple[int, int]:
    sample_rate = 0
    frames = 0
    with wave.open(raw, "wb") as wav:
        for position in range(len(items)):
            for ahead in range(position, min(position + _LOOKAHEAD, len(items))):
                if ahead not in pending:
                    text, lang = items[ahead].text, items[ahead].lang
                    pending[ahead] = source.synthesize(
                        text, settings.voice(lang), settings.rate_wpm, settings.volume
                    )
            clip = _wait(pending.pop(position), cancelled)
            if position == 0:
                sample_rate = clip.sample_rate
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(sample_rate)
            elif clip.sample_rate != sample_rate:
                raise SpeechError(
                    f"The voices differ in sample rate ({sample_rate} and {clip.sample_rate} Hz)."
                )
            else:
                gap = Clip.silence(pause, sample_rate)
                wav.writeframes(gap.pcm())
                frames += gap.frames
            wav.writeframes(clip.pcm())
            frames += clip.frames
            if progress is not None:
                progress(position + 1, len(items))
    return frames, sample_rate


def _wait(future: Future[Clip], cancelled: Callable[[], bool]) -> Clip:
    while True:
        if cancelled():
            future.cancel()
            raise ExportCancelled()
        try:
            return future.result(timeout=_POLL_SECONDS)
        except TimeoutError:
            continue
