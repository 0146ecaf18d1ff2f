"""Open any document Dari reads: plain text, Markdown, HTML, DOCX, EPUB and PDF.

``load_any`` picks the reader by suffix, but trusts the bytes over the name: a PDF or a
zip (DOCX/EPUB) is recognised by its signature whatever it is called, an ``.html`` with no
markup is read as text, and a ``.txt`` holding HTML stays text (the user asked for text).
Every reader turns its format into a title and a list of paragraph strings (headings are
paragraphs of their own); `build_document` then segments them into sentences. Nothing is
ever fetched from the network: HTML is parsed by our own extractor (``html_text``), XML by
expat, which loads no external DTD or entity, and PDF by pypdf from the file alone.

Limits (see docs/formats.md): text, Markdown and HTML files up to ``MAX_TEXT_BYTES``
(20 MB); DOCX, EPUB and PDF files up to ``MAX_CONTAINER_BYTES`` (200 MB), whose extracted
text is again limited to 20 MB, and whose zip members may unpack to ``MAX_UNPACKED_BYTES``
in all. Every refusal is a ``FormatError`` whose message is meant for the user.

``progress(done, total)`` is called in phases, each counting from 0 to its own total: the
pages, chapters or kilobytes being extracted, then the paragraphs being segmented, which is
always the last phase. ``cancelled()`` is polled as often; when it answers True the load
stops with ``LoadCancelled``.
"""

from __future__ import annotations

import codecs
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.document.language import detect_language
from reader.document.model import Document, Lang, Paragraph, Provenance, Sentence, Unit
from reader.document.segment import sentences, split_paragraphs
from reader.document.textfile import (
    MAX_FILE_BYTES,
    TextFileError,
    check_is_text,
    decode_bytes,
    decode_in_chunks,
)

__all__ = ["MAX_CONTAINER_BYTES", "MAX_TEXT_BYTES", "SUPPORTED_SUFFIXES", "Extracted",
           "FormatError", "Job", "LoadCancelled", "build_document", "decode_text", "load_any",
           "load_preview", "no_cyclic_gc"]

MAX_TEXT_BYTES = MAX_FILE_BYTES  # 20 MiB: a text file, or the text extracted from any file
MAX_CONTAINER_BYTES = 200 * 1024 * 1024  # a DOCX, EPUB or PDF file
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all zip members read for one DOCX or EPUB

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".docx", ".epub", ".pdf")

_MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|p|div|br|h[1-6]|article|section|span"
    rb"|a\s|table|ul|ol|li|script|style)[\s>/]",
    re.IGNORECASE,
)
_MD_LINE = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")  # an image reads as its alt text
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_WRAP = re.compile(r"[ \t]*\n\s*")


class FormatError(TextFileError):
    """A file Dari cannot open; ``str()`` is a message for the user (a ``ValueError``)."""


class LoadCancelled(Exception):
    """The caller's ``cancelled()`` answered True; nothing is wrong with the file."""


@dataclass
class Extracted:
    """What a format reader finds: a title (may be empty) and paragraph strings."""

    paragraphs: list[str]
    title: str = ""
    markdown: bool = False  # strip Markdown's heading, quote and list markers


class Job:
    """One load: the file's name for messages, progress, cancellation and the text budget."""

    def __init__(
        self,
        name: str,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.name = name
        self._progress = progress
        self._cancelled = cancelled
        self.text_bytes = 0
        self.unpacked = 0

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise LoadCancelled(self.name)

    def step(self, done: int, total: int) -> None:
        self.check()
        if self._progress is not None:
            self._progress(done, total)

    def add_text(self, text: str) -> None:
        """Count extracted text against ``MAX_TEXT_BYTES``."""
        self.text_bytes += len(text.encode("utf-8", "surrogatepass"))
        if self.text_bytes > MAX_TEXT_BYTES:
            raise FormatError(
                f"“{self.name}” holds too much text to open (more than "
                f"{MAX_TEXT_BYTES // 1048576} MB; the limit keeps Dari responsive)."
            )

    def damaged(self, why: str) -> FormatError:
        return FormatError(f"“{self.name}” is damaged: {why}.")


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Bytes to text: the user's `encoding` if given (bad bytes become U+FFFD), else detected."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as exc:
            raise FormatError(f"“{encoding}” is not an encoding Dari knows.") from exc
        return decode_in_chunks(data, "utf-8-sig" if codec == "utf-8" else codec, "replace")
    try:
        text = decode_bytes(data, name=name).text
        check_is_text(text, name=name)
    except TextFileError as exc:
        raise FormatError(str(exc)) from exc
    return text


def _sniff(head: bytes, suffix: str) -> str:
    """"pdf", "docx", "epub", "html", "text" or "other": what the file really is."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):  # a zip: .odt, .xlsx, .hwpx are zips too
        if b"mimetypeapplication/epub+zip" in head[:100]:
            return "epub"
        if b"word/" in head or suffix in (".docx", ".epub"):
            return "docx" if b"word/" in head else suffix[1:]
        return "other"
    if suffix in (".docx", ".epub", ".pdf"):
        return suffix[1:]  # not what it claims: its reader says it is damaged
    probe = head.replace(b"\x00", b"")  # UTF-16 markup is ASCII between NULs
    if suffix in HTML_SUFFIXES:
        return "html" if _MARKUP.search(probe) else "text"
    if suffix in TEXT_SUFFIXES:
        return "text"  # even if it holds HTML: the user asked for its text
    stripped = probe.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
    return "html" if stripped.startswith((b"<!doctype html", b"<html")) else "text"


def load_any(
    path: Path,
    *,
    encoding: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """Open `path` as a monolingual Document (see the module docstring for the contract)."""
    job = Job(path.name, progress, cancelled)
    try:
        if path.is_dir():
            raise FormatError(f"“{path.name}” is a folder, not a file.")
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError as exc:
        raise FormatError(f"“{path.name}” does not exist.") from exc
    except OSError as exc:
        raise FormatError(f"“{path.name}” cannot be read: {exc.strerror}.") from exc
    suffix = path.suffix.lower()
    kind = _sniff(head, suffix)
    if kind == "other":
        raise _unsupported(path)
    limit = MAX_CONTAINER_BYTES if kind in ("docx", "epub", "pdf") else MAX_TEXT_BYTES
    if size > limit:
        raise FormatError(
            f"“{path.name}” is too large to open ({size / 1048576:.1f} MB; "
            f"the limit for this kind of file is {limit // 1048576} MB)."
        )
    if size == 0:
        raise FormatError(f"“{path.name}” is empty.")
    job.check()
    return build_document(_extract(path, kind, encoding, job), path=path, job=job)


PREVIEW_BYTES = 192 * 1024
_BLANK_LINE = re.compile(rb"\n[ \t\r\f\v]*\n")


def load_preview(path: Path, *, encoding: str | None = None) -> Document | None:
    """The opening paragraphs of a long text or Markdown file, to show while `load_any`
    reads it all: the first ``PREVIEW_BYTES`` or so, cut at the last blank line and read
    by the same rules, in a few tens of milliseconds. It is the start of what `load_any`
    makes unless language or encoding detection decide otherwise on the whole file (the
    caller checks). None when there is no quick preview to make: a file short enough to
    load at once, another format, UTF-16 or UTF-32 (no byte-level blank line), or an error
    (which `load_any` reports)."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        return None
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(PREVIEW_BYTES)
    except OSError:
        return None
    if not 4 * PREVIEW_BYTES < size <= MAX_TEXT_BYTES or b"\x00" in head:
        return None  # short, too long, or UTF-16/32 (or binary)
    if _sniff(head, suffix) != "text" or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    cuts = list(_BLANK_LINE.finditer(head))
    if not cuts:
        return None
    try:
        text = decode_text(head[: cuts[-1].start()], path.name, encoding)
        return build_document(_text_paragraphs(text, path), path=path)
    except FormatError:
        return None


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector while a Document is built (~6 tracked objects a sentence).

    Running, it rescans the growing heap again and again (a 20 MB text takes twice as
    long); merely resumed, its next young-generation pass would scan every object the
    load made, one stall of half a second. So the load's objects, which form no cycles,
    are moved to the oldest generation unscanned (freeze, then unfreeze), and the collector
    resumes if it was running. Reference counting frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def _extract(path: Path, kind: str, encoding: str | None, job: Job) -> Extracted:
    if kind == "pdf":
        from reader.document.pdf_text import extract_pdf  # pypdf is imported only here

        found = extract_pdf(path, job)
    elif kind == "docx":
        from reader.document.docx_text import extract_docx

        found = extract_docx(path, job)
    elif kind == "epub":
        from reader.document.epub_text import extract_epub

        found = extract_epub(path, job)
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FormatError(f"“{path.name}” cannot be read: {exc.strerror}.") from exc
        if kind == "html":
            from reader.document.html_text import decode_html, extract_html

            found = extract_html(decode_html(data, path.name, encoding), job=job)
        else:
            try:
                text = decode_text(data, path.name, encoding)
            except FormatError as exc:
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    raise
                raise _unsupported(path) from exc
            found = _text_paragraphs(text, path)
    return found


def _unsupported(path: Path) -> FormatError:
    return FormatError(
        f"“{path.name}” is not a kind of file Dari opens. Dari opens text (.txt), Markdown "
        "(.md), web pages (.html), Word (.docx), EPUB and PDF files."
    )


def _text_paragraphs(text: str, path: Path) -> Extracted:
    paragraphs = split_paragraphs(text)
    if path.suffix.lower() not in (".md", ".markdown"):
        return Extracted(paragraphs)
    cleaned = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if not _MD_RULE.match(line)]
        if lines and lines[0].lstrip().startswith("```"):
            lines = [line for line in lines if not line.lstrip().startswith("```")]
        text = _MD_STRONG.sub(r"\2", _MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", "\n".join(lines))))
        cleaned.append(text.replace("`", ""))
    title = ""
    if cleaned and re.match(r"#\s", cleaned[0]):
        title = cleaned[0][2:].strip(" #")
    return Extracted(cleaned, title, markdown=True)


def build_document(
    found: Extracted, *, path: Path | None = None, job: Job | None = None
) -> Document:
    """Segment extracted paragraphs into a monolingual Document, reporting progress."""
    job = job or Job(path.name if path else "The text")
    name = job.name
    paragraphs = [p for p in found.paragraphs if p.strip()]
    title = " ".join(found.title.split()) or (path.stem if path else "")
    first = paragraphs[0] if len(paragraphs) > 1 else ""
    if title and " ".join(
            (_MD_LINE.sub("", first) if found.markdown else first).split()) == title:
        paragraphs.pop(0)  # the title heads the page already (untitled: nothing to drop)
    if not paragraphs:
        raise FormatError(f"“{name}” is empty: it has no text to show.")
    lang = detect_language(_sample(paragraphs))
    if lang is None:
        raise FormatError(f"“{name}” has no English or Korean text to show.")
    total = len(paragraphs)
    every = max(1, total // 200)
    original = Provenance.original()  # one shared (frozen) instance: 20 MB make 300k sentences
    built = []
    with no_cyclic_gc():
        for done, paragraph in enumerate(paragraphs):
            if done % every == 0:
                job.step(done, total)
            units = [
                Unit({lang: [Sentence(text, original)]})
                for text in _sentences(paragraph, lang, found.markdown)
            ]
            if units:
                built.append(Paragraph(units))
    job.step(total, total)
    # The same document `Document.monolingual` would build, made here to report progress.
    return Document(
        built, title={lang: title} if title else {}, original_language=lang, path=path
    )


def _sentences(paragraph: str, lang: Lang, markdown: bool) -> list[str]:
    found = sentences(paragraph, lang)
    if markdown:  # headings, quotes and list markers are layout, not text
        found = [_MD_LINE.sub("", s).strip() for s in found]
    # A soft line wrap inside a sentence is a space.
    return [_WRAP.sub(" ", s) if "\n" in s else s for s in found if s]


def _sample(paragraphs: list[str]) -> str:
    """Enough text for `detect_language` without joining a 20 MB document."""
    if len(paragraphs) <= 400:
        return "\n".join(paragraphs)
    return "\n".join(paragraphs[:: len(paragraphs) // 200])
