"""Tell English from Korean text by its script.

Korean is written in Hangul with its particles and endings glued to every word, even to
English names and acronyms (``NVIDIA에``, ``ChatGPT와``). So the measure is words, not
letters: a word (a run of non-space characters) holding any Hangul counts as Korean, a
word of Latin letters and no Hangul as English. Counting letters would let one long
acronym outweigh several Korean syllables; counting words does not.

A text is Korean when at least a third of its words are Korean: Korean prose is usually
over 80% Korean words even when full of English terms, and an English text quoting a few
Korean words well under 20%. Long texts are judged on a sample of evenly spaced windows
(``SAMPLE_CHARS`` in all), so a 20 MB file costs no more than a short one.
"""

from __future__ import annotations

import re

from reader.document.model import Lang

__all__ = ["KOREAN_SHARE", "SAMPLE_CHARS", "detect_language", "script_counts"]

SAMPLE_CHARS = 20_000
KOREAN_SHARE = 1 / 3
_WINDOWS = 8

# Hangul syllables, Jamo, compatibility Jamo, Jamo extended A and B, half-width Hangul.
_HANGUL = re.compile(
    "[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc]"
)
# Basic Latin letters and the Latin-1, Extended-A and Extended-B letters (not × or ÷).
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_WORD = re.compile(r"\S+")


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    width = SAMPLE_CHARS // _WINDOWS
    step = (len(text) - width) // (_WINDOWS - 1)
    return " ".join(text[i * step : i * step + width] for i in range(_WINDOWS))


def script_counts(text: str) -> tuple[int, int]:
    """(Korean words, English words) in a sample of `text`; see the module docstring."""
    hangul = latin = 0
    for match in _WORD.finditer(_sample(text)):
        word = match.group()
        if _HANGUL.search(word):
            hangul += 1
        elif _LATIN.search(word):
            latin += 1
    return hangul, latin


def detect_language(text: str) -> Lang | None:
    """Lang.KO or Lang.EN by script; None when the text has neither Hangul nor Latin."""
    hangul, latin = script_counts(text)
    if hangul + latin == 0:
        return None
    return Lang.KO if hangul >= KOREAN_SHARE * (hangul + latin) else Lang.EN
