"""Speech fixtures: ONE real Synthesizer (espeak-ng through pyttsx3) for the whole session.

pyttsx3's espeak driver keeps one process-wide synthesis callback, so a second engine
would steal the first one's audio: every test shares this one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.document.model import Lang
from reader.speech.synth import Synthesizer
from reader.speech.voices import SpeechSettings, SpeechUnavailable, VoiceInfo, default_voice


@pytest.fixture(scope="session")
def synth() -> Iterator[Synthesizer]:
    synthesizer = Synthesizer()
    try:
        synthesizer.voices().result(timeout=30)
    except SpeechUnavailable as error:
        synthesizer.close()
        pytest.skip(f"no speech engine: {error}")
    yield synthesizer
    synthesizer.close()


@pytest.fixture(scope="session")
def voices(synth: Synthesizer) -> list[VoiceInfo]:
    return synth.voices().result(timeout=30)


@pytest.fixture(scope="session")
def settings(voices: list[VoiceInfo]) -> SpeechSettings:
    return SpeechSettings(
        {Lang.EN: default_voice(voices, Lang.EN).id, Lang.KO: default_voice(voices, Lang.KO).id}
    )
