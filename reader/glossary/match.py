"""Finding glossary terms in text, fast enough to re-mark a sentence as it is edited.

A :class:`Matcher` is built once from the glossary's entries (rebuild it when the glossary
changes). For each language it compiles ONE regular expression: all the terms' surface
forms in a character trie, rendered as nested alternations, so ``re`` walks the trie in C
from each position instead of trying a thousand alternatives one by one. At a trie node the
longer continuations are tried before ending there, so among the terms starting at a
position the longest that fits its boundary rule wins; scanning left to right (``finditer``)
then gives non-overlapping matches, leftmost first ("leftmost-longest").

Text is compared folded: NFC-normalised (so decomposed Hangul jamo match precomposed
terms), lowercased, curly apostrophes (‘ ’ ʼ) equal to ', hyphens (‐ ‑) equal to -, and a
space in a term matches any run of whitespace. Spans always refer to the ORIGINAL text: when
NFC changes the text, offsets are mapped back and a span covers whole original characters.

English (case-insensitive, whole words):
    * a term starting with a letter or digit must not follow one ("DMZ" not in "ADMZ"), and a
      term ending in one must not be followed by one ("spy" not in "spyware");
    * after the term may come a regular plural or a possessive: -s, -es, 's / ’s
      ("defectors", "DMZs", "defector’s"); terms ending in consonant + y also match -ies
      ("spies"). A plural possessive ("defectors’") matches as the plural -- the apostrophe
      is left out of the span, since it may as well be a closing quote. The span covers the
      whole inflected word. Irregular forms ("women") must be listed as variants.
Korean (a noun followed by its particles or endings):
    * a term must start a word: it must not follow a word character (a Hangul syllable or
      any letter or digit), so 북한 is not found inside 탈북한 or 남북한 -- a compound is found
      only if the glossary lists it;
    * after the term may come any Hangul: particles and endings (탈북민은, 탈북민들이,
      하나원에서, 비무장지대(DMZ)를); a letter or digit of another script may not. The span
      covers the term only, not the particle.
    * When the glossary has both a term and a longer one starting the same way (통일, 통일부),
      the longer wins (통일부의 → 통일부). With only the shorter one, 통일부의 is marked as 통일 +
      "ending": the matcher cannot tell an ending from the rest of a compound.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from reader.document.model import Document, Lang
from reader.glossary.model import Entry

HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"
_CANON = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_TOKENS = {" ": r"\s+", "'": "['‘’ʼ]", "-": "[-‐‑]"}
_LEFT = r"(?<!\w.)"  # placed after a term's first character: the one before is no word char
_TAIL = {
    Lang.EN: r"(?:['‘’ʼ]s|e?s)?(?!\w)",
    Lang.KO: rf"(?![^\W{HANGUL}])",  # any Hangul may follow; no other letter or digit
}
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_ENDS = ""  # the trie's end-of-term mark (every real key is one character)


class Match(NamedTuple):
    start: int  # offsets in the original text
    end: int
    entry_id: str
    term: str  # the glossary term matched (headword or variant), as written in the entry


def _lower(text: str) -> str:
    """Lowercase without changing the length (a character whose lowercase is longer, as
    'İ', is kept), so that offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def _canon(text: str) -> str:
    return " ".join(text.translate(_CANON).split())


def term_key(term: str) -> str:
    """A term as the matcher compares it: NFC, lowercased, apostrophes and hyphens unified,
    whitespace collapsed. The normalised text of every span equals the key of its term (or,
    in English, of an inflection)."""
    return _canon(_lower(unicodedata.normalize("NFC", term)))


def english_stems(key: str) -> list[str]:
    """The forms of an English term key that may take -s, -es or 's: itself and, for a
    consonant + y ending, the -ies plural."""
    if len(key) > 1 and key[-1] == "y" and key[-2] in _CONSONANTS:
        return [key, key[:-1] + "ies"]
    return [key]


def _continues_cluster(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or "\u1160" <= ch <= "\u11ff" or (
        "\ud7b0" <= ch <= "\ud7ff"
    )


def _nfc_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """NFC of `text` cluster by cluster (a character with its combining marks, or a
    decomposed Hangul syllable), with each output character's original start and end."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _continues_cluster(text[j]):
            j += 1
        part = unicodedata.normalize("NFC", text[i:j])
        parts.append(part)
        starts += [i] * len(part)
        ends += [j] * len(part)
        i = j
    return "".join(parts), starts, ends


def _trie_pattern(keys: Iterable[str]) -> str:
    root: dict[str, dict] = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[_ENDS] = {}
    return _render(root, top=True)


def _render(node: dict[str, dict], top: bool = False) -> str:
    alts = []
    for ch in sorted(k for k in node if k != _ENDS):
        token = _TOKENS.get(ch) or re.escape(ch)
        if top and (ch.isalnum() or ch == "_"):
            token += _LEFT
        alts.append(token + _render(node[ch]))
    if not alts:
        return ""
    body = "|".join(alts)
    if _ENDS in node:  # a term ends here: try the longer ones first (greedy "?")
        return f"(?:{body})?"
    return body if top or len(alts) == 1 else f"(?:{body})"


class _LangMatcher:
    def __init__(self, entries: Iterable[Entry], lang: Lang) -> None:
        ranked: dict[str, tuple[int, str, str]] = {}  # key -> (rank, entry id, term)
        for entry in entries:
            for k, term in enumerate(entry.terms(lang)):
                key = term_key(term)
                stems = english_stems(key) if lang is Lang.EN else [key]
                for n, stem in enumerate(stems):
                    rank = 2 if n else 1 if k else 0  # headword < variant < generated
                    if stem and (stem not in ranked or rank < ranked[stem][0]):
                        ranked[stem] = (rank, entry.id, term)
        self.lookup = {key: (entry_id, term) for key, (_, entry_id, term) in ranked.items()}
        self.pattern = (
            re.compile(f"({_trie_pattern(ranked)}){_TAIL[lang]}", re.DOTALL) if ranked else None
        )


class Matcher:
    """Finds glossary terms in sentences; see the module docstring for the rules. When two
    entries share a term, a headword beats a variant, then the earlier entry wins."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self._langs = {lang: _LangMatcher(entries, lang) for lang in Lang}

    def find(self, text: str, lang: Lang) -> list[Match]:
        """Non-overlapping matches in `text`, left to right, with offsets into `text`."""
        matcher = self._langs[lang]
        if matcher.pattern is None or not text:
            return []
        starts: list[int] | None = None
        ends: list[int] = []
        if not unicodedata.is_normalized("NFC", text):
            text, starts, ends = _nfc_with_offsets(text)
        lookup = matcher.lookup
        found: list[Match] = []
        for m in matcher.pattern.finditer(_lower(text)):
            stem = m.group(1)
            hit = lookup.get(stem) or lookup.get(_canon(stem))
            if hit is None:
                continue
            start, end = m.span()
            if starts is not None:
                start, end = starts[start], ends[end - 1]
                if found and start < found[-1].end:
                    continue  # both inside one original cluster: keep the first
            found.append(Match(start, end, hit[0], hit[1]))
        return found

    def find_in_document(
        self, document: Document, lang: Lang, sentences: Iterable[int] | None = None
    ) -> dict[int, list[Match]]:
        """Matches per sentence index (flat, in `lang`) for the sentences that have any.
        Pass `sentences` (e.g. :func:`paragraph_sentences`) to re-mark only those."""
        texts = document.sentences(lang)
        indexes = range(len(texts)) if sentences is None else sentences
        result: dict[int, list[Match]] = {}
        for index in indexes:
            found = self.find(texts[index].text, lang)
            if found:
                result[index] = found
        return result


def paragraph_sentences(document: Document, paragraph: int, lang: Lang) -> range:
    """The flat indexes, in `lang`, of the sentences of one paragraph."""
    refs = document.refs(lang)
    lo = bisect.bisect_left(refs, paragraph, key=lambda ref: ref.paragraph)
    hi = bisect.bisect_right(refs, paragraph, key=lambda ref: ref.paragraph)
    return range(lo, hi)
