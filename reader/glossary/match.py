"""Finding glossary terms in text, fast enough to re-mark a sentence as it is edited.

A :class:`Matcher` is built once from the glossary's entries (rebuild it when the glossary
changes). Per language it compiles ONE regular expression: a character that may come before
a term (a space, punctuation), then every term's surface forms as a character trie rendered
as nested alternations. ``re`` skips in C to the next such character and walks the trie
from there instead of trying a thousand alternatives at each position. The trie holds the
*decomposed* (NFD) forms, so a Korean node branches over at most 19 initial consonants, 21
vowels or 28 finals, not hundreds of syllables. Longer continuations are tried first, so
each word start yields its longest fitting term; where such candidates overlap ("the North"
and "North Korean defector" in "the North Korean defector") the longer wins, the leftmost
of equal length. Matches come back left to right, never overlapping.

Text is compared folded: Unicode-normalised (decomposed Hangul matches precomposed),
lowercased, ‘ ’ ʼ equal to ', ‐ ‑ equal to -, a space in a term matching any run of
whitespace. Spans refer to the ORIGINAL text and cover whole original characters.

Boundaries. A term must start a word: it may not follow a letter of any script ("DMZ" is
not in "ADMZ", 북한 not in 탈북한 or 남북한), nor in English a digit or _; a term starting
with punctuation too ("(DMZ)" is not in "비무장지대(DMZ)"). A term ending in punctuation or
a symbol may be followed by anything ("£" in "£12,260"). Then, per language:

English, whole words: no letter or digit may follow ("spy" not in "spyware"), except a
regular plural or possessive -s, -es, 's, ’s ("defectors", "DMZs", "defector’s"), and -ies
for a consonant + y ("spies"); the span covers the inflected word. A plural possessive
("defectors’") is marked as the plural: the apostrophe may as well close a quote.
Irregular forms ("women") must be listed as variants.

Korean, a noun with its particles: a digit may come before a term (2.5마일, 2,260파운드);
after it any Hangul syllable may follow, particles and endings (탈북민은, 탈북민들이,
하나원에서, 비무장지대(DMZ)를), but no other letter or digit, nor a final consonant that
would change its last syllable (하나 is not in 하난). The span covers the term, not the
particle. A compound is found only if the glossary lists it; with both 통일 and 통일부,
통일부의 is 통일부, but with only 통일 it is marked as 통일 + "ending": the matcher cannot
tell an ending from the rest of a compound.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from reader.document.model import Document, Lang
from reader.glossary.model import Entry

HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"
_CANON = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_TOKENS = {" ": r"\s+", "'": "['‘’ʼ]", "-": "[-‐‑]"}
_MARKS = "\u0300-\u036f"  # combining accents: "cafe" is not in a decomposed "café"
# What must come before a term (consumed by the pattern): English, no letter or digit;
# Korean, no letter -- a digit may, for units and counters (2.5마일, 1만 2,260파운드).
_BEFORE = {Lang.EN: r"[^\w]", Lang.KO: r"[\W\d]"}
# What may follow. A term ending in punctuation or a symbol (£, "(DMZ)") takes anything.
_ENDS_IN_SYMBOL = rf"(?<![\w{_MARKS}])"
_AFTER = {
    Lang.EN: rf"(?:{_ENDS_IN_SYMBOL}|(?:['‘’ʼ]s|e?s)?(?![\w{_MARKS}]))",
    # any Hangul may follow, but not a final consonant (jongseong) of the last syllable
    Lang.KO: rf"(?:{_ENDS_IN_SYMBOL}|(?![^\W{HANGUL}]|[\u11a8-\u11ff\ud7cb-\ud7fb{_MARKS}]))",
}
_MEDIAL_FINAL_JAMO = re.compile("[\u1160-\u11ff\ud7b0-\ud7ff]")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_SEPARATOR = "\x00"  # joins sentences for one scan: not a word character, not whitespace
_MARK = "\x01"  # cuts decomposed text into pieces composed in one go
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


def _continues_cluster(ch: str) -> bool:  # a combining mark, or a medial or final jamo
    return bool(unicodedata.combining(ch) or _MEDIAL_FINAL_JAMO.match(ch))


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
        if len(part) == j - i:  # nothing composed (a final jamo after "£"): one to one
            starts += range(i, j)
            ends += range(i + 1, j + 1)
        else:
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
    alts = [(_TOKENS.get(c) or re.escape(c)) + _render(node[c]) for c in sorted(node) if c]
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
                    stem = unicodedata.normalize("NFD", stem)
                    if not stem or _SEPARATOR in stem:  # it could join two sentences
                        continue
                    if stem not in ranked or rank < ranked[stem][0]:
                        ranked[stem] = (rank, entry.id, term)
        self.lookup = {key: (entry_id, term) for key, (_, entry_id, term) in ranked.items()}
        # _BEFORE finds a word start (the text is scanned with a space in front), and makes
        # re skip everything else in C: a pattern opening with a character class gets a
        # "charset prefix", tested before any matching is attempted. The term is matched in
        # a lookahead, so the scan goes on at the next word start, also inside a match.
        trie = _trie_pattern(ranked)
        self.pattern = re.compile(f"{_BEFORE[lang]}(?=(({trie}){_AFTER[lang]}))") if trie else None


_new = tuple.__new__
_Span = tuple[int, int, str, str]  # a Match before it is one
_NEVER = 1 << 62  # an offset past any text


class Matcher:
    """Finds glossary terms in sentences; see the module docstring for the rules. When two
    entries share a term, a headword beats a variant, then the earlier entry wins."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self._langs = {lang: _LangMatcher(entries, lang) for lang in Lang}

    def find(self, text: str, lang: Lang) -> list[Match]:
        """Non-overlapping matches in `text`, left to right, with offsets into `text`."""
        return self._scan(text, lang, [0])[0]

    def find_in_document(
        self, document: Document, lang: Lang, sentences: Iterable[int] | None = None
    ) -> dict[int, list[Match]]:
        """Matches per sentence index (flat, in `lang`) for the sentences that have any, in
        order. Pass `sentences` (e.g. :func:`paragraph_sentences`) to re-mark only those."""
        texts = document.sentences(lang)
        indexes = range(len(texts)) if sentences is None else sorted(set(sentences))
        return self.find_in_sentences(((i, texts[i].text) for i in indexes), lang)

    def find_in_sentences(
        self, sentences: Iterable[tuple[int, str]], lang: Lang
    ) -> dict[int, list[Match]]:
        """Matches per sentence for (index, text) pairs given in index order, for the
        sentences that have any (what `find_in_document` does with the document's text)."""
        result: dict[int, list[Match]] = {}
        batch: list[tuple[int, str]] = []
        for index, text in sentences:
            if _SEPARATOR in text or not unicodedata.is_normalized("NFC", text):
                result[index] = self.find(text, lang)  # rare: its own offset mapping
            else:
                batch.append((index, text))
        # One scan over the sentences joined by a separator that is neither a word character
        # nor whitespace (so no term spans two sentences), matches dealt out by offset.
        bounds = list(itertools.accumulate((len(t) + 1 for _, t in batch), initial=0))[:-1]
        joined = _SEPARATOR.join(text for _, text in batch)
        for (index, _), found in zip(batch, self._scan(joined, lang, bounds), strict=True):
            result[index] = found
        return {index: result[index] for index in sorted(result) if result[index]}

    def _scan(self, text: str, lang: Lang, bounds: list[int]) -> list[list[Match]]:
        """Matches in `text`, dealt into the segments starting at `bounds` (sorted, the
        first 0), with offsets relative to their segment."""
        matcher = self._langs[lang]
        if matcher.pattern is None or not text:
            return [[] for _ in bounds]
        starts: list[int] | None = None
        ends: list[int] = []
        if not unicodedata.is_normalized("NFC", text):
            text, starts, ends = _nfc_with_offsets(text)
        folded = " " + _lower(text)  # the space: a word start before the first word
        scan = unicodedata.normalize("NFD", folded)
        get = matcher.lookup.get
        shift = 1 if len(scan) == len(folded) else 0  # undo the leading space now or later
        found: list[_Span] = []  # the longest term at each word start, in order
        append = found.append
        for m in matcher.pattern.finditer(scan):
            stem = m.group(2)
            hit = get(stem) or get(_canon(stem))
            if hit is not None:  # group 1: in English with the plural or possessive
                start, end = m.span(1)
                append((start - shift, end - shift, hit[0], hit[1]))
        if not shift:
            found = _recount_composed(scan, found)
        if starts is not None:
            found = [(starts[s], ends[e - 1], i, t) for s, e, i, t in found]
        if any(map(operator.gt, [f[1] for f in found[:-1]], [f[0] for f in found[1:]])):
            found = _longest_wins(found)  # some overlap
        out: list[list[Match]] = [[] for _ in bounds]
        k, base, following = 0, 0, bounds[1] if len(bounds) > 1 else _NEVER
        for start, end, entry_id, term in found:
            if start >= following:  # the next segment, or one further on
                k = bisect.bisect_right(bounds, start) - 1
                base, following = bounds[k], (bounds[k + 1] if k + 1 < len(bounds) else _NEVER)
            out[k].append(_new(Match, (start - base, end - base, entry_id, term)))
        return out


def _recount_composed(scan: str, found: list[_Span]) -> list[_Span]:
    """Spans in the decomposed `scan` re-counted in composed (NFC) characters, less the
    leading space. Spans start at distinct boundaries between composed characters, so the
    text is cut at the starts, joined with a marker that stops composition, composed in one
    call and split again: the pieces' lengths give the starts. (Should the marker occur in
    the text, the pieces are composed one by one.)"""
    cuts = [span[0] for span in found]
    pieces = [scan[a:b] for a, b in zip([0, *cuts], cuts, strict=False)]
    parts = unicodedata.normalize("NFC", _MARK.join(pieces)).split(_MARK)
    if len(parts) != len(pieces):
        parts = [unicodedata.normalize("NFC", piece) for piece in pieces]
    offsets = itertools.accumulate(map(len, parts))
    nfc = unicodedata.normalize
    return [
        (at - 1, at - 1 + len(nfc("NFC", scan[s:e])), entry_id, term)
        for at, (s, e, entry_id, term) in zip(offsets, found, strict=True)
    ]


def _longest_wins(found: list[_Span]) -> list[_Span]:
    """Resolve overlaps among spans sorted by start: within each run of overlapping spans
    the longest is kept (the leftmost of equal length), then the next longest that overlaps
    nothing kept, and so on."""
    result: list[_Span] = []
    i, n = 0, len(found)
    while i < n:
        j, reach = i + 1, found[i][1]
        while j < n and found[j][0] < reach:
            reach = max(reach, found[j][1])
            j += 1
        if j == i + 1:
            result.append(found[i])
        else:
            kept: list[_Span] = []
            for span in sorted(found[i:j], key=lambda s: (s[0] - s[1], s[0])):
                if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
                    kept.append(span)
            result += sorted(kept)
        i = j
    return result


def paragraph_sentences(document: Document, paragraph: int, lang: Lang) -> range:
    """The flat indexes, in `lang`, of the sentences of one paragraph."""
    refs = document.refs(lang)
    lo = bisect.bisect_left(refs, paragraph, key=lambda ref: ref.paragraph)
    hi = bisect.bisect_right(refs, paragraph, key=lambda ref: ref.paragraph)
    return range(lo, hi)
