from __future__ import annotations

import os
import stat
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from reader.document.model import Document, Lang
from reader.speech import player as player_module
from reader.speech.player import AplayPlayer, SilentSink, detect_player
from reader.speech.sequence import Error, Mode, ReadingSequence, State, StateChanged
from reader.speech.synth import SAMPLE_RATE, Clip, Synthesizer
from reader.speech.voices import Problem, SpeechSettings, SpeechUnavailable
from tests.speech.recorder import Recorder

# A stand-in for aplay: consumes stdin at real-time speed (like a sound card would) and
# records "<bytes taken> <first sample>" in <log dir>/<pid>; "fail" mode prints what aplay prints
# on a machine without a sound card.
FAKE_APLAY = """#!{python}
import os, sys, time
log = {log!r}
if {fail!r}:
    sys.stderr.write("ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\\n"
                     "aplay: main:831: audio open error: No such file or directory\\n")
    sys.exit(1)
rate = int(sys.argv[sys.argv.index("-r") + 1])
total = 0
first = None
start = time.monotonic()
while chunk := sys.stdin.buffer.read(2205 * 2):
    if first is None:
        first = int.from_bytes(chunk[:2], "little", signed=True)
    total += len(chunk)
    target = os.path.join(log, str(os.getpid()))
    with open(target + ".tmp", "w") as f:
        f.write(f"{{total}} {{first}}")
    os.replace(target + ".tmp", target)  # the test may read it at any moment
    delay = start + total / 2 / rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
"""


def _fake_aplay(tmp_path: Path, *, fail: bool = False) -> tuple[Path, Path]:
    log = tmp_path / "log"
    log.mkdir(exist_ok=True)
    bin_dir = tmp_path / ("bin-fail" if fail else "bin")
    bin_dir.mkdir()
    script = bin_dir / "aplay"
    script.write_text(FAKE_APLAY.format(python=sys.executable, log=str(log), fail=fail))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def _logs(log: Path) -> list[Path]:
    return [p for p in log.iterdir() if not p.name.endswith(".tmp")]


def _received(path: Path) -> tuple[int, int]:
    total, first = path.read_text().split()
    return int(total), int(first)


def _ramp(seconds: float) -> Clip:
    """Sample i is i // 3: the first sample a process gets tells where it started."""
    return Clip((np.arange(round(seconds * SAMPLE_RATE)) // 3).astype(np.int16))


def _tone(seconds: float) -> Clip:
    t = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return Clip((np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16))


class Ends:
    def __init__(self) -> None:
        self.results: list[Exception | None] = []
        self.event = threading.Event()
        self.at = 0.0

    def __call__(self, error: Exception | None) -> None:
        self.results.append(error)
        self.at = time.monotonic()
        self.event.set()


def test_silent_sink_takes_the_clip_duration_over_speed() -> None:
    sink, ends = SilentSink(speed=10), Ends()
    start = time.monotonic()
    sink.play(_tone(2.0), ends)
    assert ends.event.wait(2)
    assert 0.18 <= ends.at - start < 0.6
    assert ends.results == [None]


def test_silent_sink_pause_holds_the_position_and_resume_finishes_the_rest() -> None:
    sink, ends = SilentSink(speed=10), Ends()
    sink.play(_tone(3.0), ends)  # 0.3 s of wall time
    time.sleep(0.1)
    sink.pause()
    held = sink.position()
    assert 0.7 < held < 2.5  # paused well before the end
    time.sleep(0.4)  # longer than the whole clip
    assert not ends.event.is_set()
    assert sink.position() == held
    resumed = time.monotonic()
    sink.resume()
    assert ends.event.wait(2)
    assert ends.results == [None]
    remaining = (3.0 - held) / 10
    assert remaining - 0.02 < ends.at - resumed < remaining + 0.2


def test_silent_sink_stop_means_no_end_callback() -> None:
    sink, ends = SilentSink(speed=10), Ends()
    sink.play(_tone(1.0), ends)
    sink.stop()
    assert not ends.event.wait(0.3)
    assert sink.position() == 0.0


def test_aplay_player_feeds_the_whole_clip_and_reports_the_end(tmp_path: Path) -> None:
    script, log = _fake_aplay(tmp_path)
    player, ends = AplayPlayer(str(script)), Ends()
    clip = _tone(0.5)
    start = time.monotonic()
    player.play(clip, ends)
    assert ends.event.wait(5)
    assert ends.results == [None]
    assert ends.at - start >= 0.45  # the end is when it has been heard, not when written
    [received] = [_received(p) for p in _logs(log)]
    assert received == (len(clip.pcm()), 0)


def test_aplay_player_stop_silences_at_once_and_pause_resumes_from_the_offset(
    tmp_path: Path,
) -> None:
    script, log = _fake_aplay(tmp_path)
    player, ends = AplayPlayer(str(script)), Ends()
    clip = _ramp(3.0)
    player.play(clip, ends)
    time.sleep(1.0)
    player.pause()
    held = player.position()
    assert 0.6 < held < 1.4
    time.sleep(0.2)
    first = [p for p in _logs(log)]
    assert len(first) == 1
    pid = int(first[0].name)
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(pid, 0)
    player.resume()
    time.sleep(0.5)
    second = [p for p in _logs(log) if p.name != first[0].name]
    assert len(second) == 1
    started = time.monotonic()
    player.stop()
    pid2 = int(second[0].name)
    while time.monotonic() - started < 0.3:
        try:
            os.kill(pid2, 0)
        except ProcessLookupError:
            break
        time.sleep(0.005)
    else:
        pytest.fail("aplay still running 0.3 s after stop()")
    assert not ends.event.wait(0.2)  # stopped: no end callback
    assert _received(first[0])[1] == 0
    # the resumed process was fed from the position held at pause, not from the start
    assert abs(_received(second[0])[1] * 3 - held * SAMPLE_RATE) <= 3


def test_aplay_without_a_sound_card_reports_no_device(tmp_path: Path) -> None:
    script, _ = _fake_aplay(tmp_path, fail=True)
    player, ends = AplayPlayer(str(script)), Ends()
    player.play(_tone(1.0), ends)
    assert ends.event.wait(5)
    [error] = ends.results
    assert isinstance(error, SpeechUnavailable)
    assert error.problem is Problem.NO_DEVICE
    assert str(error).startswith("No sound device")
    assert "audio open error" in str(error)


def test_detect_player_without_aplay_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(player_module.shutil, "which", lambda name: None)
    with pytest.raises(SpeechUnavailable) as caught:
        detect_player()
    assert caught.value.problem is Problem.NO_PLAYER
    if sys.platform.startswith("linux"):
        assert "sudo apt install alsa-utils" in str(caught.value)
    assert "Export to WAV works" in str(caught.value)


def test_detect_player_with_a_failing_device_explains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, _ = _fake_aplay(tmp_path, fail=True)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(SpeechUnavailable) as caught:
        detect_player()
    assert caught.value.problem is Problem.NO_DEVICE
    assert "No sound device" in str(caught.value)


def test_detect_player_with_a_working_device_returns_an_aplay_player(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, log = _fake_aplay(tmp_path)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    assert isinstance(detect_player(), AplayPlayer)
    assert [_received(p) for p in _logs(log)] == [(len(Clip.silence(0.05).pcm()), 0)]


def _no_sound_card() -> bool:
    try:
        return "no soundcards" in Path("/proc/asound/cards").read_text()
    except OSError:
        return not Path("/dev/snd").exists()


@pytest.mark.skipif(not _no_sound_card(), reason="this machine has a sound card")
def test_real_aplay_on_a_machine_without_sound_card() -> None:
    if player_module.shutil.which("aplay") is None:
        pytest.skip("aplay is not installed")
    with pytest.raises(SpeechUnavailable) as caught:
        detect_player()
    assert caught.value.problem is Problem.NO_DEVICE


@pytest.mark.skipif(not _no_sound_card(), reason="this machine has a sound card")
def test_reading_with_real_aplay_and_no_sound_card_stops_with_the_reason(
    synth: Synthesizer, settings: SpeechSettings
) -> None:
    if player_module.shutil.which("aplay") is None:
        pytest.skip("aplay is not installed")
    recorder = Recorder()
    reading = ReadingSequence(synth, AplayPlayer(), recorder)
    try:
        reading.play(Document.monolingual([["Is anybody listening?"]], Lang.EN), Mode.EN, settings)
        recorder.wait_for(lambda e: isinstance(e, StateChanged) and e.state is State.STOPPED)
    finally:
        reading.close()
    [error] = recorder.of(Error)
    assert isinstance(error.exception, SpeechUnavailable)
    assert error.exception.problem is Problem.NO_DEVICE
    assert error.message.startswith("No sound device")
