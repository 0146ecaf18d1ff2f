"""Read the paragraphs of a Word (.docx) document with the standard library alone.

A .docx is a zip of XML parts. The text is in ``word/document.xml``: paragraphs
(``w:p``) of runs whose text is in ``w:t``, with ``w:tab`` and ``w:br`` between. The part
is streamed through expat (``XMLPullParser``) and each paragraph is dropped from memory once
read, so a long document costs little. Expat loads no external DTD or entity and the
part is refused if it declares entities of its own, so nothing is fetched and nothing
expands. Deleted and moved-away revisions and the fallback copy of a text box
(``mc:Fallback``) are skipped, so no text appears twice. Headings and titles (by style)
are paragraphs like any other; the title is the document's ``dc:title`` or its first
paragraph in the Title style. Tables give one paragraph per cell paragraph; footnotes,
comments, headers and footers are not read.

The zip plumbing here serves `epub_text` too: members are read in 1 MB chunks and what
they unpack is counted against ``MAX_UNPACKED_BYTES`` (a zip bomb stops there); a part
read whole may not exceed ``MAX_MEMBER_BYTES``; damage found while unpacking (bad CRC,
truncated data) becomes a ``FormatError``.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from reader.document.formats import (
    MAX_TEXT_BYTES,
    MAX_UNPACKED_BYTES,
    Extracted,
    FormatError,
    Job,
)

__all__ = ["extract_docx", "local_name", "open_member", "open_zip", "parse_xml", "read_member"]

_SKIPPED = frozenset({"del", "moveFrom", "Fallback", "instrText", "delText", "rPrChange"})
_MAIN = "word/document.xml"
MAX_MEMBER_BYTES = 4 * MAX_TEXT_BYTES  # one part read whole: 20 MB of text and its markup
_OFFICE_DOCUMENT = "/officeDocument"


def open_zip(path: Path, job: Job, kind: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise job.damaged(f"it is not a valid {kind} file ({exc})") from exc
    except OSError as exc:
        raise FormatError(f"“{job.name}” cannot be read: {exc.strerror}.") from exc


def read_member(archive: zipfile.ZipFile, member: str, job: Job) -> bytes:
    """A whole member (an XML part, a chapter), of at most ``MAX_MEMBER_BYTES``."""
    chunks: list[bytes] = []
    size = 0
    with open_member(archive, member, job) as stream:
        while chunk := stream.read(1 << 20):
            size += len(chunk)
            if size > MAX_MEMBER_BYTES:
                raise FormatError(
                    f"“{job.name}” holds too much text to open (its part “{member}” unpacks "
                    f"to more than {MAX_MEMBER_BYTES // 1048576} MB)."
                )
            chunks.append(chunk)
    return b"".join(chunks)


def open_member(archive: zipfile.ZipFile, member: str, job: Job) -> _CountingStream:
    """A stream over one zip member that counts what it unpacks."""
    try:
        info = archive.getinfo(member)
    except KeyError as exc:
        raise job.damaged(f"“{member}” is missing") from exc
    if info.flag_bits & 0x1:
        raise FormatError(f"“{job.name}” is encrypted; Dari cannot open it.")
    try:
        return _CountingStream(archive.open(info), job)
    except (zipfile.BadZipFile, NotImplementedError, OSError, zlib.error) as exc:
        raise job.damaged(f"“{member}” cannot be unpacked ({exc})") from exc


class _CountingStream:
    def __init__(self, stream: IO[bytes], job: Job) -> None:
        self._stream = stream
        self._job = job

    def read(self, size: int) -> bytes:
        try:
            data = self._stream.read(size)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
            raise self._job.damaged(f"part of it cannot be unpacked ({exc})") from exc
        self._job.unpacked += len(data)
        if self._job.unpacked > MAX_UNPACKED_BYTES:
            raise self._job.damaged(
                f"it unpacks to more than {MAX_UNPACKED_BYTES // 1048576} MB"
            )
        return data

    def __enter__(self) -> _CountingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _val(element: ElementTree.Element) -> str:
    return next((v for k, v in element.attrib.items() if local_name(k) == "val"), "")


def parse_xml(data: bytes, job: Job, part: str) -> ElementTree.Element:
    """A small XML part, refused if it declares entities (no expansion bombs)."""
    if b"<!ENTITY" in data[:65536]:
        raise job.damaged(f"“{part}” declares XML entities, which Dari does not read")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise job.damaged(f"“{part}” is not valid XML ({exc})") from exc


def extract_docx(path: Path, job: Job) -> Extracted:
    with open_zip(path, job, "Word") as archive:
        names = set(archive.namelist())
        main = _main_part(archive, names, job)
        styles = _style_names(archive, job) if "word/styles.xml" in names else {}
        title = _core_title(archive, job) if "docProps/core.xml" in names else ""
        paragraphs: list[str] = []
        first_title = ""
        for text, style in _paragraphs(archive, main, job):
            name = styles.get(style, style).lower()
            if name == "title" and not first_title:
                first_title = text
            job.add_text(text)
            paragraphs.append(text)
    return Extracted(paragraphs, title or first_title)


def _main_part(archive: zipfile.ZipFile, names: set[str], job: Job) -> str:
    if _MAIN in names:
        return _MAIN
    if "_rels/.rels" in names:  # a generator that named the part otherwise
        for rel in parse_xml(read_member(archive, "_rels/.rels", job), job, "_rels/.rels"):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target in names:
                    return target
    kind = "an EPUB book" if "META-INF/container.xml" in names else "a Word document"
    raise job.damaged(f"it is not {kind} with text (no “{_MAIN}”)")


def _style_names(archive: zipfile.ZipFile, job: Job) -> dict[str, str]:
    root = parse_xml(read_member(archive, "word/styles.xml", job), job, "word/styles.xml")
    names: dict[str, str] = {}
    for style in root:
        if local_name(style.tag) != "style":
            continue
        ident = next((v for k, v in style.attrib.items() if local_name(k) == "styleId"), "")
        for child in style:
            if local_name(child.tag) == "name":
                names[ident] = _val(child)
    return names


def _core_title(archive: zipfile.ZipFile, job: Job) -> str:
    root = parse_xml(read_member(archive, "docProps/core.xml", job), job, "docProps/core.xml")
    for element in root:
        if local_name(element.tag) == "title" and element.text:
            return " ".join(element.text.split())
    return ""


class _Paragraph:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.style = ""


_TEXT_OF = {"tab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}


def _paragraphs(archive: zipfile.ZipFile, part: str, job: Job) -> list[tuple[str, str]]:
    """(text, style id) of each paragraph with text, in reading order."""
    found: list[tuple[str, str]] = []
    stack: list[_Paragraph] = []  # a text box's paragraphs sit inside a paragraph's run
    skipped = 0
    size = max(1, archive.getinfo(part).file_size // 1024)
    parser: ElementTree.XMLPullParser = ElementTree.XMLPullParser(events=("start", "end"))
    with open_member(archive, part, job) as stream:
        chunk, done = stream.read(65536), 0
        if b"<!ENTITY" in chunk:
            raise job.damaged(f"“{part}” declares XML entities, which Dari does not read")
        try:
            while chunk:
                parser.feed(chunk)
                for item in parser.read_events():
                    event, element = item[0], item[-1]
                    if not isinstance(element, ElementTree.Element):
                        continue
                    tag = local_name(element.tag)
                    if tag in _SKIPPED:
                        skipped += 1 if event == "start" else -1
                    elif event == "start":
                        if tag == "p":
                            stack.append(_Paragraph())
                    elif skipped or not stack:
                        continue
                    elif tag == "t":
                        stack[-1].parts.append(element.text or "")
                    elif tag in _TEXT_OF:
                        stack[-1].parts.append(_TEXT_OF[tag])
                    elif tag == "pStyle":
                        stack[-1].style = _val(element)
                    elif tag == "p":
                        paragraph = stack.pop()
                        text = "".join(paragraph.parts).strip()
                        if text:
                            found.append((text, paragraph.style))
                        if not stack:
                            element.clear()  # keep memory flat on long documents
                done += len(chunk)
                job.step(min(done // 1024, size), size)
                chunk = stream.read(1 << 20)
            parser.close()
        except ElementTree.ParseError as exc:
            raise job.damaged(f"“{part}” is not valid XML ({exc})") from exc
    return found
