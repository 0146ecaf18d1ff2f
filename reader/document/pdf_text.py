"""Read the text layer of a PDF with pypdf, rebuilding paragraphs from line positions.

A PDF has no paragraphs, only positioned lines. pypdf extracts each page's text and tells
a visitor where every run of text starts (its text and transformation matrices) and at
what size; from those we rebuild lines, then start a new paragraph where a reader would
see one: a change of font size (a heading), a vertical gap clearly wider than the page's
usual line spacing, an indented first line, or a short line ending a sentence. Words
hyphenated across lines are joined; ligatures (``ﬁ``) are spelled out; page numbers and
running heads and feet (the same line at the top or bottom of most pages) are dropped;
a paragraph left open at the foot of a page goes on at the head of the next.

Refused with a message: an encrypted PDF that needs a password (or AES without the
optional ``cryptography`` package), a damaged file, and a PDF with no text layer at all
(a scan), which Dari cannot read since it does no OCR.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from reader.document.formats import Extracted, FormatError, Job

__all__ = ["extract_pdf"]

log = logging.getLogger(__name__)

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st", "\t": " "})
# pypdf gives a glyph with no Unicode mapping as the control character of its number. In
# practice that glyph is a space (Qt's PDF writer, which makes Dari's handouts, maps none
# for a CJK font's space), so it reads as one.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]")
_ENDS_SENTENCE = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_STARTS_NEW = re.compile(r"[A-Z0-9\"“‘(\[•\u1100-\u11ff\uac00-\ud7a3]")
_LIST_ITEM = re.compile(r"(?:[-•*·▪◦]|\d{1,3}[.)]|[a-z][.)])\s")
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of)\s*\d+)?[-–—\s]*", re.IGNORECASE
)
_FILE_TITLE = re.compile(r"^(?:untitled|microsoft word\b)|\.(?:docx?|pdf|indd|tex|qxd|rtf)$",
                         re.IGNORECASE)


@dataclass
class _Line:
    x: float
    y: float
    size: float
    text: str

    @property
    def width(self) -> float:  # in font-size units: Hangul and CJK are square, Latin ~half
        return (len(self.text) * 0.55 + len(_WIDE.findall(self.text)) * 0.45) * self.size


@dataclass
class _Paragraph:
    text: str
    size: float


def extract_pdf(path: Path, job: Job) -> Extracted:
    from pypdf import PdfReader  # imported on demand: only PDFs need it
    from pypdf.errors import DependencyError

    pypdf_log = logging.getLogger("pypdf")
    if pypdf_log.level == logging.NOTSET:  # unless the app chose: quiet about sloppy PDFs
        pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError(
                f"“{job.name}” is protected by a password; Dari cannot open password-protected "
                "PDFs. Save a copy without a password and open that."
            )
        count = len(reader.pages)
    except DependencyError as exc:
        raise FormatError(
            f"“{job.name}” is encrypted (AES), which Dari can read only with the optional "
            "“cryptography” package installed. Save an unencrypted copy and open that."
        ) from exc
    except FormatError:
        raise
    except Exception as exc:  # pypdf raises many kinds on malformed files
        raise job.damaged(f"it is not a readable PDF ({exc})") from exc
    if not count:
        raise job.damaged("it has no pages")
    pages: list[list[_Line]] = []
    failed = 0
    for number in range(count):
        job.step(number, count)
        try:
            pages.append(_page_lines(reader.pages[number]))
        except Exception as exc:  # one broken page should not lose the rest
            log.warning("%s: page %d unreadable: %s", job.name, number + 1, exc)
            failed += 1
            pages.append([])
    job.step(count, count)
    if failed == count:
        raise job.damaged("none of its pages can be read")
    if not any(pages):
        raise FormatError(
            f"“{job.name}” has no text layer (it may be a scan); "
            "Dari cannot read text from images."
        )
    paragraphs = _assemble(_drop_running_lines(pages))
    for paragraph in paragraphs:
        job.add_text(paragraph.text)
    return Extracted([p.text for p in paragraphs], _title(reader, paragraphs))


def _page_lines(page: Any) -> list[_Line]:
    lines: list[_Line] = []
    parts: list[str] = []
    where: tuple[float, float, float] | None = None

    def flush() -> None:
        nonlocal where
        text = " ".join(_CONTROL.sub(" ", "".join(parts)).translate(_LIGATURES).split())
        if text and where is not None:
            lines.append(_Line(*where, text))
        parts.clear()
        where = None

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        nonlocal where
        for k, piece in enumerate(text.split("\n")):
            if k:
                flush()
            if where is None and piece.strip():
                c = tm[2] * cm[0] + tm[3] * cm[2]
                d = tm[2] * cm[1] + tm[3] * cm[3]
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                where = (x, y, abs(size) * (math.hypot(c, d) or 1.0))
            parts.append(piece)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Without page numbers and the heads and feet repeated on most pages: lines at the top
    or bottom of a page (by position, not by their order in the file) that has others."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    def edges(lines: list[_Line]) -> set[int]:
        if len(lines) < 2:
            return set()
        ys = [line.y for line in lines]
        top, bottom = max(ys), min(ys)
        return {i for i, y in enumerate(ys) if y in (top, bottom)}

    page_edges = [edges(lines) for lines in pages]
    counts = Counter(k for lines, edge in zip(pages, page_edges, strict=True)
                     for k in {key(lines[i]) for i in edge})
    repeated = {k for k, n in counts.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    return [
        [
            line for i, line in enumerate(lines)
            if i not in edge or not (key(line) in repeated or _PAGE_NUMBER.fullmatch(line.text))
        ]
        for lines, edge in zip(pages, page_edges, strict=True)
    ]


def _assemble(pages: list[list[_Line]]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    for lines in pages:
        if not lines:
            continue
        layout = _Layout(lines)
        current = _Paragraph(lines[0].text, lines[0].size)
        last = paragraphs[-1] if paragraphs else None
        if last and not _ENDS_SENTENCE.search(last.text) and _same_size(last.size, current.size):
            current = paragraphs.pop()  # a paragraph running on from the previous page
            current.text = _join(current.text, lines[0].text)
        for a, b in zip(lines, lines[1:], strict=False):
            if layout.breaks(a, b):
                paragraphs.append(current)
                current = _Paragraph(b.text, b.size)
            else:
                current.text = _join(current.text, b.text)
        paragraphs.append(current)
    return paragraphs


class _Layout:
    """What is usual on one page: body size, line spacing, left margin, full line width."""

    def __init__(self, lines: list[_Line]) -> None:
        self.size = _body_size((line.size, line.text) for line in lines)
        body = [line for line in lines if _same_size(line.size, self.size)]
        gaps = [a.y - b.y for a, b in zip(body, body[1:], strict=False)
                if 0 < a.y - b.y < 3 * self.size]
        self.gap = median(gaps) if gaps else 1.2 * self.size
        self.margin = min(line.x for line in body)
        widths = sorted(line.width for line in body)
        self.full = widths[int(len(widths) * 0.9)] if len(widths) >= 3 else 0.0

    def breaks(self, a: _Line, b: _Line) -> bool:
        if not _same_size(a.size, b.size):
            return True  # a heading begins or ends
        gap = a.y - b.y
        if gap > 1.45 * self.gap * (a.size / self.size):
            return True
        if gap < -a.size:  # back up the page: the next column
            return bool(_ENDS_SENTENCE.search(a.text))
        if b.x - self.margin > 0.8 * b.size and a.x - self.margin < 0.3 * a.size:
            return not _LIST_ITEM.match(a.text)  # an indented first line, not a hanging one
        if self.full and a.width < 0.75 * self.full:
            if _ENDS_SENTENCE.search(a.text) or _LIST_ITEM.match(b.text):
                return True
            return a.width < 0.5 * self.full and bool(_STARTS_NEW.match(b.text))
        return False


def _body_size(runs: Iterable[tuple[float, str]]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for size, text in runs:
        sizes[round(size, 1)] += len(text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.15 * max(a, b)


def _join(text: str, line: str) -> str:
    if text.endswith("\u00ad"):
        return text[:-1] + line
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
        return text[:-1] + line  # a word hyphenated at the line's end
    return f"{text} {line}"


def _title(reader: Any, paragraphs: list[_Paragraph]) -> str:
    try:
        title = " ".join(str(reader.metadata.title or "").split()) if reader.metadata else ""
    except Exception:  # a damaged info dictionary is no reason to refuse the text
        title = ""
    if len(title) >= 3 and not _FILE_TITLE.search(title):
        return title
    size = _body_size((p.size, p.text) for p in paragraphs)
    first = paragraphs[0] if paragraphs else None
    return first.text if first and first.size > 1.2 * size and len(first.text) < 200 else ""
