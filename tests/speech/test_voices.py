from __future__ import annotations

import ctypes
import sys

import pytest

from reader.document.model import Lang
from reader.speech.synth import Synthesizer
from reader.speech.voices import (
    Problem,
    SpeechSettings,
    SpeechUnavailable,
    VoiceInfo,
    default_voice,
    load_engine,
    voices_for,
)


def test_espeak_defaults_are_korean_ko_and_american_english(voices: list[VoiceInfo]) -> None:
    assert default_voice(voices, Lang.KO).id == "ko"
    assert default_voice(voices, Lang.EN).id == "gmw/en-us"
    english = [v.id for v in voices_for(voices, Lang.EN)]
    assert english[:2] == ["gmw/en-us", "gmw/en"]
    assert "inc/kok" not in [v.id for v in voices_for(voices, Lang.KO)]  # Konkani


def test_defaults_for_other_drivers_naming_styles() -> None:
    voices = [
        VoiceInfo("HKLM\\Voices\\TTS_MS_EN-GB_HAZEL", "Hazel", ("en_GB",)),
        VoiceInfo("HKLM\\Voices\\TTS_MS_KO-KR_HEAMI", "Heami", ("ko_KR",)),
        VoiceInfo("HKLM\\Voices\\TTS_MS_EN-US_ZIRA", "Zira", ("en_US",)),
        VoiceInfo("com.apple.voice.compact.kok", "Konkani", ("kok",)),
    ]
    assert default_voice(voices, Lang.EN).name == "Zira"
    assert default_voice(voices, Lang.KO).name == "Heami"


def test_no_korean_voice_says_which_and_how_to_get_one() -> None:
    with pytest.raises(SpeechUnavailable) as caught:
        default_voice([VoiceInfo("gmw/en-us", "English (America)", ("en-us",))], Lang.KO)
    assert caught.value.problem is Problem.NO_VOICE
    assert caught.value.lang is Lang.KO
    assert "no Korean voice" in str(caught.value)
    assert "espeak-ng" in str(caught.value)
    with pytest.raises(SpeechUnavailable, match="no English voice"):
        SpeechSettings({Lang.KO: "ko"}).voice(Lang.EN)


def test_missing_pyttsx3_is_reported_with_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # makes `import pyttsx3` fail
    with pytest.raises(SpeechUnavailable) as caught:
        load_engine()
    assert caught.value.problem is Problem.NO_PYTTSX3
    assert "pip install pyttsx3" in str(caught.value)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hint is Linux's")
def test_missing_espeak_library_is_reported_with_the_apt_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pyttsx3's real code path when libespeak-ng cannot be loaded."""
    import pyttsx3.drivers

    def no_library(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    for module in ("espeak", "_espeak"):
        monkeypatch.delitem(sys.modules, f"pyttsx3.drivers.{module}")
        monkeypatch.delattr(pyttsx3.drivers, module)
    monkeypatch.setattr(ctypes.cdll, "LoadLibrary", no_library)
    with pytest.raises(SpeechUnavailable) as caught:
        load_engine("espeak")  # not the session engine's cache key (None)
    assert caught.value.problem is Problem.NO_ENGINE
    assert "Install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng" in str(caught.value)


def test_synthesizer_without_engine_fails_every_request_with_the_hint() -> None:
    calls = []

    def no_engine() -> object:
        calls.append(1)
        return load_engine_failing()

    def load_engine_failing() -> object:
        raise SpeechUnavailable("No speech engine. Install espeak-ng.", Problem.NO_ENGINE)

    with Synthesizer(engine_loader=no_engine) as synthesizer:
        for _ in range(2):
            with pytest.raises(SpeechUnavailable, match="Install espeak-ng"):
                synthesizer.synthesize("Hello.", "gmw/en-us", 175).result(timeout=5)
        with pytest.raises(SpeechUnavailable):
            synthesizer.voices().result(timeout=5)
    assert calls == [1]  # tried once, then the same answer
