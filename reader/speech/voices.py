"""Voices, per-language voice choice, and what to tell the user when speech cannot work.

Qt-free. :func:`load_engine` builds the pyttsx3 engine and must run on the one speech thread
(:class:`reader.speech.synth.Synthesizer` calls it there): pyttsx3's espeak driver installs
one process-wide synthesis callback, so a second engine silently steals the first one's
audio. Everything else here is plain data and runs anywhere.

Every failure the user can fix is a :class:`SpeechUnavailable` whose ``str()`` is a complete
sentence saying what is missing and how to get it, and whose ``problem`` tells the UI which
case it is (to translate it, or to offer "Export to WAV" when only the sound device is
missing).
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.document.model import Lang

__all__ = [
    "DEFAULT_RATE_WPM",
    "Problem",
    "SpeechError",
    "SpeechSettings",
    "SpeechUnavailable",
    "VoiceInfo",
    "default_voice",
    "engine_install_hint",
    "list_voices",
    "load_engine",
    "voices_for",
]

DEFAULT_RATE_WPM = 175  # espeak-ng's own default speed
MIN_RATE_WPM, MAX_RATE_WPM = 80, 450  # espeak-ng's range
_LANGUAGE_NAMES = {Lang.EN: "English", Lang.KO: "Korean"}


class Problem(enum.Enum):
    NO_PYTTSX3 = "no-pyttsx3"  # the Python package is missing
    NO_ENGINE = "no-engine"  # pyttsx3 is there but no speech engine (espeak-ng) loads
    NO_VOICE = "no-voice"  # the engine has no voice for a language
    NO_PLAYER = "no-player"  # no program to play audio with (aplay)
    NO_DEVICE = "no-device"  # the player found no sound device


class SpeechError(Exception):
    """Speech failed for a reason the user cannot fix by installing something."""


class SpeechUnavailable(SpeechError):
    """Something needed for speech is missing. ``str(error)`` is the message for the user."""

    def __init__(self, message: str, problem: Problem, lang: Lang | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem
        self.lang = lang


def engine_install_hint(platform: str = sys.platform) -> str:
    if platform.startswith("linux"):
        return (
            "Install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; "
            "Fedora: sudo dnf install espeak-ng)."
        )
    if platform == "darwin":
        return "Install espeak-ng (brew install espeak-ng) or check the system voices."
    if platform == "win32":
        return "Check that Windows speech (SAPI5) is enabled, or install eSpeak NG."
    return "Install espeak-ng."


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...] = ()

    def language_tags(self) -> list[str]:
        """Normalised tags ("ko", "en-us"); an espeak id ("gmw/en-us") counts as one."""
        tags = [_tag(language) for language in self.languages]
        tags.append(_tag(self.id.rsplit("/", 1)[-1]))
        return tags

    def speaks(self, lang: Lang) -> bool:
        return any(t == lang.value or t.startswith(f"{lang.value}-") for t in self.language_tags())


def _tag(text: str) -> str:
    return text.strip().lower().replace("_", "-")


@dataclass(frozen=True)
class SpeechSettings:
    """A voice id per language, speed in words per minute, volume 0.0-1.0."""

    voices: Mapping[Lang, str] = field(default_factory=dict)
    rate_wpm: int = DEFAULT_RATE_WPM
    volume: float = 1.0

    def voice(self, lang: Lang) -> str:
        try:
            return self.voices[lang]
        except KeyError:
            raise _no_voice(lang) from None

    def clamped(self) -> SpeechSettings:
        return SpeechSettings(
            dict(self.voices),
            min(max(int(self.rate_wpm), MIN_RATE_WPM), MAX_RATE_WPM),
            min(max(float(self.volume), 0.0), 1.0),
        )


def load_engine(driver_name: str | None = None) -> Any:
    """A new pyttsx3 engine. Call it on the speech thread only, once per process."""
    try:
        import pyttsx3
    except ImportError:
        raise SpeechUnavailable(
            "Speech needs the Python package pyttsx3, which is not installed. "
            "Install it with: pip install pyttsx3",
            Problem.NO_PYTTSX3,
        ) from None
    try:
        # pyttsx3.init() keeps only a weak reference: the caller must hold on to this one.
        return pyttsx3.init(driver_name)
    except Exception as error:  # a missing libespeak-ng raises RuntimeError or OSError
        raise SpeechUnavailable(
            f"No speech engine could be started ({error}). {engine_install_hint()}",
            Problem.NO_ENGINE,
        ) from error


def list_voices(engine: Any) -> list[VoiceInfo]:
    """The engine's voices (on the speech thread)."""
    voices = []
    for voice in engine.getProperty("voices") or []:
        languages = tuple(
            lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
            for lang in (voice.languages or [])
        )
        voices.append(VoiceInfo(str(voice.id), str(voice.name or voice.id), languages))
    return voices


def voices_for(voices: Iterable[VoiceInfo], lang: Lang) -> list[VoiceInfo]:
    """The voices that speak `lang`, best first."""
    preferred = {Lang.EN: ("en-us", "en", "en-gb"), Lang.KO: ("ko", "ko-kr")}[lang]

    def rank(voice: VoiceInfo) -> tuple[int, str]:
        tags = voice.language_tags()
        best = min((preferred.index(t) for t in tags if t in preferred), default=len(preferred))
        return best, voice.id

    return sorted((v for v in voices if v.speaks(lang)), key=rank)


def default_voice(voices: Iterable[VoiceInfo], lang: Lang) -> VoiceInfo:
    """The voice to use for `lang` (espeak-ng: ``ko``; ``gmw/en-us``, else ``gmw/en``)."""
    candidates = voices_for(voices, lang)
    if not candidates:
        raise _no_voice(lang)
    return candidates[0]


def _no_voice(lang: Lang) -> SpeechUnavailable:
    name = _LANGUAGE_NAMES[lang]
    return SpeechUnavailable(
        f"There is no {name} voice. espeak-ng includes one: {engine_install_hint()}",
        Problem.NO_VOICE,
        lang,
    )
