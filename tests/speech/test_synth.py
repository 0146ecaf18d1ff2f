from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from reader.document.model import Lang
from reader.speech.synth import SAMPLE_RATE, Clip, Synthesizer
from reader.speech.voices import SpeechError, SpeechSettings

ENGLISH = "The reader shows English and Korean side by side, one sentence at a time."
KOREAN = "이 프로그램은 영어와 한국어를 나란히 보여 주며, 문장을 하나씩 읽어 준다."


def _rms(clip: Clip) -> float:
    return float(np.sqrt(np.mean(clip.samples.astype(np.float64) ** 2)))


@pytest.mark.parametrize(("lang", "text"), [(Lang.EN, ENGLISH), (Lang.KO, KOREAN)])
def test_a_sentence_becomes_audible_pcm_of_plausible_length(
    synth: Synthesizer, settings: SpeechSettings, lang: Lang, text: str
) -> None:
    clip = synth.synthesize(text, settings.voice(lang), 175).result(timeout=30)
    assert clip.sample_rate == SAMPLE_RATE
    assert clip.samples.dtype == np.int16
    assert 1.5 < clip.duration < 10.0
    assert int(np.abs(clip.samples).max()) > 8000
    assert _rms(clip) > 500
    voiced = np.abs(clip.samples) > 1000
    assert voiced.mean() > 0.2  # speech throughout, not a click in silence


def test_faster_rate_gives_a_much_shorter_clip_also_after_voice_changes(
    synth: Synthesizer, settings: SpeechSettings
) -> None:
    # Alternate voices and speeds: espeak-ng loses speed changes unless synchronised.
    durations: dict[tuple[Lang, int], float] = {}
    for lang, rate in [(Lang.EN, 300), (Lang.KO, 120), (Lang.EN, 120), (Lang.KO, 300)]:
        text = f"{ENGLISH if lang is Lang.EN else KOREAN} ({rate})"
        durations[lang, rate] = (
            synth.synthesize(text, settings.voice(lang), rate).result(30).duration
        )
    for lang in Lang:
        assert durations[lang, 300] < 0.6 * durations[lang, 120], durations


def test_volume_scales_the_samples_and_comes_from_the_cache(
    synth: Synthesizer, settings: SpeechSettings
) -> None:
    voice = settings.voice(Lang.EN)
    full = synth.synthesize("Volume check, one two three.", voice, 175).result(timeout=30)
    quiet_future = synth.synthesize("Volume check, one two three.", voice, 175, volume=0.25)
    assert quiet_future.done()  # cached: Previous and replay are instant
    quiet = quiet_future.result()
    assert quiet.frames == full.frames
    peak = int(np.abs(full.samples).max())
    assert abs(int(np.abs(quiet.samples).max()) - peak * 0.25) <= 1
    assert _rms(quiet) == pytest.approx(_rms(full) * 0.25, rel=0.01)
    silent = synth.synthesize("Volume check, one two three.", voice, 175, volume=0.0).result()
    assert not silent.samples.any()


def test_the_engine_prints_nothing_on_stdout(
    synth: Synthesizer, settings: SpeechSettings, capfd: pytest.CaptureFixture[str]
) -> None:
    synth.synthesize("Nothing on standard output.", settings.voice(Lang.EN), 176).result(30)
    out, _ = capfd.readouterr()
    assert "Audio saved" not in out
    assert out == ""


def test_cancelled_requests_are_skipped_and_later_ones_still_answered(
    synth: Synthesizer, settings: SpeechSettings
) -> None:
    voice = settings.voice(Lang.EN)
    futures = [synth.synthesize(f"Request number {n} of five.", voice, 177) for n in range(5)]
    for future in futures[1:4]:
        future.cancel()
    assert futures[0].result(timeout=30).duration > 0.5
    assert futures[4].result(timeout=30).duration > 0.5
    assert not synth.cached("Request number 2 of five.", voice, 177)


def test_blank_text_is_an_empty_clip_and_a_bad_voice_an_error(
    synth: Synthesizer, settings: SpeechSettings
) -> None:
    assert synth.synthesize("   ", settings.voice(Lang.EN), 175).result().frames == 0
    with pytest.raises(SpeechError, match="voice"):
        synth.synthesize("Hello.", "no-such-voice", 175).result(timeout=30)
    # and the engine still works afterwards, with the right voice
    clip = synth.synthesize("Still working.", settings.voice(Lang.EN), 175).result(30)
    assert clip.duration > 0.5


def test_clip_pcm_and_silence() -> None:
    clip = Clip(np.array([1, -2, 300], dtype=np.int16))
    assert clip.pcm() == b"\x01\x00\xfe\xff\x2c\x01"
    assert clip.pcm(2) == b"\x2c\x01"
    assert Clip.silence(0.3).frames == round(0.3 * SAMPLE_RATE)


def test_a_new_synthesizer_works_after_the_last_one_was_closed() -> None:
    """In a child process: pyttsx3's espeak callback is process-wide, and a closed
    Synthesizer must hand it over cleanly (it once kept it until garbage collection)."""
    script = (
        "from reader.speech.synth import Synthesizer\n"
        "for n in range(3):\n"
        "    synthesizer = Synthesizer(timeout=10)\n"
        "    clip = synthesizer.synthesize(f'Engine number {n}.', 'gmw/en-us', 175).result(20)\n"
        "    print('ok' if clip.duration > 0.5 else 'silent')\n"
        "    synthesizer.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.stdout.split(), result.stderr) == (["ok", "ok", "ok"], "")
