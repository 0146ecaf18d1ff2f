"""Players: hand a :class:`Clip` to the sound device (or to nothing) and say when it ends.

Qt-free. A :class:`Player` plays one clip at a time. ``play(clip, on_end)`` returns at once;
``on_end(None)`` is called once the clip has been heard to its end, ``on_end(error)`` if
playback failed. It is called from the player's own thread, and never after ``stop()`` or
``play()`` has returned for a later clip (the callback runs under the player's lock, so it
must be quick: post it somewhere). A stopped or paused clip gets no callback; a resumed one
gets it when it ends.

- :class:`AplayPlayer` pipes raw S16_LE mono PCM into an ``aplay`` process per clip. Stop
  kills the process (silence within a few ms); pause kills it and keeps the offset heard so
  far (measured by the wall clock since the process started); resume starts a new process
  from that offset.
- :class:`SilentSink` plays nothing but takes the clip's duration (divided by ``speed``),
  with the same events: for tests, and for "no sound".

A direct-speaking engine (SAPI5, macOS) fits the same protocol: its clip source returns a
:class:`Clip` carrying text, voice and rate (no samples), and its player speaks
``clip.text`` with them and calls ``on_end`` at the driver's finished-utterance.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Protocol

from reader.speech.synth import Clip
from reader.speech.voices import Problem, SpeechError, SpeechUnavailable

__all__ = ["AplayPlayer", "EndCallback", "Player", "SilentSink", "detect_player"]

EndCallback = Callable[[Exception | None], None]
_CHUNK_BYTES = 4_410  # 0.1 s at 22,050 Hz: how often the feeder looks for a stop
_PROBE_SECONDS = 0.05


class Player(Protocol):
    def play(self, clip: Clip, on_end: EndCallback) -> None: ...
    def stop(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def position(self) -> float:
        """Seconds into the current (or paused) clip."""
        ...


class _Session:
    """One uninterrupted stretch of playback of a clip, from frame `offset`."""

    def __init__(self, clip: Clip, offset: int, speed: float) -> None:
        self.clip = clip
        self.offset = offset
        self.speed = speed
        self.cancelled = threading.Event()
        self.started = time.monotonic()
        self.process: subprocess.Popen[bytes] | None = None

    def frame(self) -> int:
        heard = (time.monotonic() - self.started) * self.clip.sample_rate * self.speed
        return min(self.clip.frames, self.offset + int(heard))

    def cancel(self) -> None:
        self.cancelled.set()
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # the feeder thread reaps it


class _SessionPlayer:
    """Play/stop/pause/resume bookkeeping; subclasses implement :meth:`_render`."""

    speed = 1.0

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._session: _Session | None = None
        self._clip: Clip | None = None
        self._on_end: EndCallback | None = None
        self._paused_frame: int | None = None

    def play(self, clip: Clip, on_end: EndCallback) -> None:
        with self._lock:
            self.stop()
            self._clip, self._on_end = clip, on_end
            self._start(0)

    def stop(self) -> None:
        with self._lock:
            if self._session is not None:
                self._session.cancel()
            self._session = self._clip = self._on_end = self._paused_frame = None

    def pause(self) -> None:
        with self._lock:
            if self._session is not None:
                self._paused_frame = self._session.frame()
                self._session.cancel()
                self._session = None

    def resume(self) -> None:
        with self._lock:
            if self._paused_frame is not None and self._clip is not None:
                frame, self._paused_frame = self._paused_frame, None
                self._start(frame)

    def position(self) -> float:
        with self._lock:
            if self._clip is None:
                return 0.0
            frame = self._session.frame() if self._session else (self._paused_frame or 0)
            return frame / self._clip.sample_rate

    def _start(self, frame: int) -> None:
        assert self._clip is not None
        session = _Session(self._clip, frame, self.speed)
        self._session = session
        threading.Thread(target=self._run, args=(session,), name="dari-player", daemon=True).start()

    def _run(self, session: _Session) -> None:
        try:
            error = self._render(session)
        except Exception as exc:  # a player must always end its clip one way or another
            error = exc
        with self._lock:
            if session is not self._session or session.cancelled.is_set():
                return
            on_end = self._on_end
            self._session = self._clip = self._on_end = None
            if on_end is not None:
                on_end(error)

    def _render(self, session: _Session) -> Exception | None:
        raise NotImplementedError


class SilentSink(_SessionPlayer):
    """Takes each clip's duration / `speed` without making a sound."""

    def __init__(self, speed: float = 1.0) -> None:
        super().__init__()
        self.speed = speed

    def _render(self, session: _Session) -> Exception | None:
        remaining = (session.clip.frames - session.offset) / session.clip.sample_rate
        session.cancelled.wait(max(remaining, 0.0) / self.speed)
        return None


class AplayPlayer(_SessionPlayer):
    """Plays through ALSA's ``aplay``; one process per clip (or per resumed stretch)."""

    def __init__(self, executable: str = "aplay", device: str | None = None) -> None:
        super().__init__()
        self._executable = executable
        self._device = device

    def command(self, sample_rate: int) -> list[str]:
        device = ["-D", self._device] if self._device else []
        return [
            self._executable,
            "-q",
            *device,
            "-t",
            "raw",
            "-f",
            "S16_LE",
            "-r",
            str(sample_rate),
            "-c",
            "1",
            "-",
        ]

    def _render(self, session: _Session) -> Exception | None:
        try:
            process = subprocess.Popen(
                self.command(session.clip.sample_rate),
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            return _no_player(str(error))
        with self._lock:
            session.process = process
            if session.cancelled.is_set():
                process.kill()
        session.started = time.monotonic()
        data = session.clip.pcm(session.offset)
        stdin: IO[bytes] | None = process.stdin
        assert stdin is not None and process.stderr is not None
        try:
            for start in range(0, len(data), _CHUNK_BYTES):
                if session.cancelled.is_set():
                    break
                stdin.write(data[start : start + _CHUNK_BYTES])
            stdin.close()
        except OSError:  # aplay died: no device, or killed by stop()/pause()
            pass
        returncode = process.wait()
        message = process.stderr.read().decode("utf-8", "replace")
        process.stderr.close()
        if session.cancelled.is_set() or returncode == 0:
            return None
        return _playback_problem(message, returncode)


def _no_player(detail: str = "") -> SpeechUnavailable:
    if sys.platform.startswith("linux"):
        how = "Install alsa-utils (Debian/Ubuntu: sudo apt install alsa-utils)."
    else:
        how = "Reading aloud through aplay is only available on Linux."
    suffix = f" ({detail})" if detail else ""
    return SpeechUnavailable(
        f"Reading aloud needs the program aplay, which was not found{suffix}. {how} "
        "Export to WAV works without it.",
        Problem.NO_PLAYER,
    )


def _playback_problem(stderr: str, returncode: int) -> SpeechError:
    lines = [line for line in stderr.splitlines() if line.strip()]
    last = lines[-1].strip() if lines else f"aplay exited with status {returncode}"
    if "audio open error" in stderr or "no soundcards" in stderr.lower():
        return SpeechUnavailable(
            f"No sound device: aplay could not open one ({last}). Connect or enable a sound "
            "device (or start PulseAudio/PipeWire), then try again. Export to WAV works "
            "without one.",
            Problem.NO_DEVICE,
        )
    return SpeechError(f"Playback failed: {last}")


def detect_player(device: str | None = None, timeout: float = 3.0) -> AplayPlayer:
    """An :class:`AplayPlayer` that has just played 50 ms of silence, or SpeechUnavailable
    saying what is missing. Runs aplay once: up to `timeout` seconds, so not on the GUI thread.
    """
    executable = shutil.which("aplay")
    if executable is None:
        raise _no_player()
    player = AplayPlayer(executable, device)
    silence = Clip.silence(_PROBE_SECONDS)
    try:
        result = subprocess.run(
            player.command(silence.sample_rate),
            input=silence.pcm(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SpeechUnavailable(
            f"No sound device: the sound device did not answer within {timeout:.0f} s "
            "(is another program holding it?). Export to WAV works without one.",
            Problem.NO_DEVICE,
        ) from None
    except OSError as error:
        raise _no_player(str(error)) from None
    if result.returncode != 0:
        problem = _playback_problem(result.stderr.decode("utf-8", "replace"), result.returncode)
        if isinstance(problem, SpeechUnavailable):
            raise problem
        raise SpeechUnavailable(
            f"No sound device: {problem}. Export to WAV works without one.", Problem.NO_DEVICE
        )
    return player
