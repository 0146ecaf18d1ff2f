"""Split text into paragraphs, and paragraphs into sentences, in English and Korean.

`segment` never loses, adds or reorders a character: ``"".join(segment(t, lang)) == t``.
The whitespace after a sentence stays on that sentence; leading whitespace stays on the
first. A boundary is a run of terminal punctuation (``. ? ! … 。 ！ ？``), then any closing
quotes or brackets, then whitespace, decided by the few words either side of it:

* no whitespace after, no boundary (``2.5``, ``$3.5bn``, ``U.S.-led``), except after a
  full-width ``。！？`` and, in Korean, ``…다.그는`` (a sentence ending glued to the next);
* a lowercase letter next, no boundary (``wait... then``, ``“Why?” he asked``), nor a
  speech verb after ``?``/``!`` in quotes (``“Why?” Kim asked.``);
* titles and ``e.g.``/``i.e.``/``vs.`` never end a sentence; ``No. 5``, ``p. 3``,
  ``Jan. 5`` not before a digit; initials (``J. R. R. Tolkien``), dotted acronyms
  (``U.S.``) and ``etc.``/``a.m.``/``Inc.``/``Jr.`` only before a word that usually starts
  a sentence (``The``, ``He``, ``But``...); ``1.``, ``B.`` or ``iv.`` opening a sentence is
  a list marker;
* Korean: a Hangul syllable before the stop ends a sentence whatever follows, even a
  lowercase word (``샀다. iPhone은``); a closing quote followed by a quotative (``” 하고``,
  ``” 라고``) does not.

Line breaks: a blank line always ends a sentence. A single line break is a soft wrap (hard-
wrapped plain text is common) unless Markdown structure says otherwise: it ends a heading
line (``# ...``) and comes before a heading, bullet (``-``, ``*``, ``•``) or numbered item.
A plain heading line without a marker should be separated by a blank line, which
`split_paragraphs` turns into its own paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.document.model import Lang

__all__ = ["segment", "sentence_spans", "sentences", "split_paragraphs"]

_TERMINALS = ".!?…。！？‼⁇⁈⁉"
_FULL_WIDTH = frozenset("。！？")
_CLOSERS = "\"'”’»›)]}」』】〕〉》"
_OPENERS = frozenset("\"'“‘«‹([{「『【〔〈《")
_NO_SPLIT_BEFORE = frozenset(",;:)]}”’»›」』】〕〉》%")
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_CANDIDATE = re.compile(
    rf"(?P<term>[{re.escape(_TERMINALS)}]+)(?P<close>[{re.escape(_CLOSERS)}]*)(?P<ws>\s*)"
    rf"|(?P<nl>[{_LINE_BREAKS}]\s*)"
)
_LINE_BREAK = re.compile(rf"\r\n|[{_LINE_BREAKS}]")
_NON_SPACE = re.compile(r"\S")
_WORD_CHAR = re.compile(r"[^\W_]")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_STRUCTURAL_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+•·‣◦▪][ \t]|\d{1,3}[.)][ \t]|>)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ENUMERATOR = re.compile(r"\d{1,3}|[A-Za-z]|[ivxIVX]{1,4}")
_ATTRIBUTION = re.compile(
    r"(?:[\w’'-]+[ \t]+){0,3}(?:said|says|asked|asks|added|adds|replied|replies|told|tells"
    r"|wrote|writes|cried|shouted|whispered|explained|recalled|insisted)\b"
)
_QUOTATIVE = re.compile(r"(?:하고|라고|라며|하며|라면서|하면서|라는|이라는|이라고|하는)")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Never end a sentence: titles before a name, and Latin abbreviations.
_NEVER_END = _words(
    "mr mrs ms mx messrs mmes dr prof rev fr st mt gen col capt cmdr lt sgt adm gov sen rep"
    " hon pres supt insp vs v cf viz e.g i.e approx ca"
)
# Do not end a sentence before a digit ("No. 5", "pp. 12", "Jan. 5").
_BEFORE_NUMBER = _words(
    "no nos p pp fig figs vol vols art sec ch para op ed"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
# May end a sentence, but only before a word that usually starts one.
_MAYBE_END = _words(
    "etc a.m p.m inc ltd co corp bros jr sr esq al dept ave blvd rd est"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
_STARTERS = _words(
    "A An The This That These Those There Then Thus Their They Its It He She His Her We Our"
    " You Your I My But And Or So Yet However Meanwhile Moreover Also Still Now Later Today"
    " When While Where What Why How Who Which If Although Though Because Since As After"
    " Before During In On At By For From With Without Some Many Most All Both Each Every"
    " No Not One Is Are Was Were Do Does Did Can Could Will Would Should"
)
# Hangul syllables that end a Korean sentence (…다. …요. …까? …죠. …네. …자.).
_KO_ENDINGS = frozenset("다요까죠네지라자오니군나세")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """The lines of `text`, any line break (CR LF, CR, LF, U+2028; U+2029 and form feed
    end a paragraph), worked through a megabyte at a time: a single `replace` or `split`
    over a 20 MB text holds the interpreter lock for 20–80 ms, and a worker loading a file
    would stall the GUI that long."""
    start = 0
    while True:
        end = text.find("\n", start + chunk)
        piece = text[start:] if end < 0 else text[start:end]
        if end >= 0 and piece.endswith("\r"):
            piece = piece[:-1]  # a CR LF cut after its CR
        if "\r" in piece:
            piece = piece.replace("\r\n", "\n").replace("\r", "\n")
        for char, breaks in (("\u2029", "\n\n"), ("\u2028", "\n"), ("\x0c", "\n\n")):
            if char in piece:
                piece = piece.replace(char, breaks)
        yield from piece.split("\n")
        if end < 0:
            return
        start = end + 1


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, trimmed; a Markdown ``#`` heading is its own."""
    paragraphs: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        paragraph = "\n".join(lines).strip()
        if paragraph:
            paragraphs.append(paragraph)
        lines.clear()

    for line in _lines(text):
        if not line.strip():
            flush()
        elif _HEADING.match(line):
            flush()
            paragraphs.append(line.strip())
        else:
            lines.append(line)
    flush()
    return paragraphs


class _Scanner:
    """One left-to-right pass over a text, deciding each candidate boundary once."""

    def __init__(self, text: str, lang: Lang) -> None:
        self.text = text
        self.korean = lang is Lang.KO
        first = _NON_SPACE.search(text)
        self.content = first.start() if first else len(text)  # where this piece's text starts
        self.has_word = False  # the piece so far holds a letter or digit
        self.word_scan = self.content

    def cuts(self) -> list[int]:
        text, n = self.text, len(self.text)
        cuts: list[int] = []
        for m in _CANDIDATE.finditer(text):
            end = m.end()
            if end >= n:
                break
            if not self.has_word:
                if _WORD_CHAR.search(text, self.word_scan, m.start()):
                    self.has_word = True
                else:
                    self.word_scan = end
                    continue
            if m.group("nl") is not None:
                split = self._line_break(m.group("nl"), end)
            else:
                split = self._terminal(m, end)
            if split:
                cuts.append(end)
                self.content = self.word_scan = end
                self.has_word = False
        return cuts

    def _line_break(self, ws: str, end: int) -> bool:
        breaks = _LINE_BREAK.findall(ws)
        if not breaks:
            return False
        return (
            len(breaks) > 1
            or "\u2029" in ws
            or bool(_HEADING.match(self.text, self.content))
            or bool(_STRUCTURAL_LINE.match(self.text, end))
        )

    def _terminal(self, m: re.Match[str], end: int) -> bool:
        text = self.text
        term, close, ws = m.group("term"), m.group("close"), m.group("ws")
        start = m.start()
        prev = text[start - 1] if start > self.content else ""
        nxt = text[end]
        if not ws:
            if term[-1] in _FULL_WIDTH:
                return True
            # Korean typed without a space: "…했다.그는", "…뭐야?그래".
            return (
                self.korean
                and not close
                and _is_hangul(prev)
                and _is_hangul(nxt)
                and (term[-1] in "?!" or (term == "." and prev in _KO_ENDINGS))
            )
        if self._line_break(ws, end):
            return True
        if nxt in _NO_SPLIT_BEFORE:
            return False
        if self.korean and _is_hangul(prev):
            return not (close and _QUOTATIVE.match(text, end))
        if nxt.islower():
            return False
        if close and ("?" in term or "!" in term) and _ATTRIBUTION.match(text, end):
            return False
        if term != "." or close:
            return True
        return self._after_period(start, nxt, end)

    def _after_period(self, start: int, nxt: str, end: int) -> bool:
        """A single period with whitespace and no lowercase letter after it."""
        text = self.text
        lo = max(self.content, start - 32)
        j = start
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in ".-"):
            j -= 1
        token = text[j:start]
        if not token:
            return True
        lower = token.lower()
        if j == self.content and _ENUMERATOR.fullmatch(token):
            return False  # "1. Preheat the oven", "b. Second option"
        if lower in _NEVER_END:
            return False
        if lower in _BEFORE_NUMBER and nxt.isdigit():
            return False
        maybe = (
            lower in _MAYBE_END
            or _DOTTED.fullmatch(token) is not None  # U.S., J.R.R.
            or (len(token) == 1 and token.isupper())  # an initial: J. R. R. Tolkien
        )
        if not maybe:
            return True
        if nxt in _OPENERS:
            return True
        word = _NEXT_WORD.match(text, end)
        return word is not None and word.group() in _STARTERS


def _cuts(text: str, lang: Lang) -> list[int]:
    return _Scanner(text, lang).cuts()


def segment(text: str, lang: Lang) -> list[str]:
    """Sentence pieces whose concatenation is exactly `text` (whitespace kept)."""
    if not text:
        return []
    bounds = [0, *_cuts(text, lang), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def sentence_spans(text: str, lang: Lang) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    bounds = [0, *_cuts(text, lang), len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            spans.append((a + lead, a + lead + len(stripped)))
    return spans


def sentences(text: str, lang: Lang) -> list[str]:
    """The sentences of `text`, stripped, with no empty ones."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]
