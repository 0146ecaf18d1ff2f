"""Reading plain-text and Markdown files into documents.

Checks come before any decoding: the file must exist and be readable, be at most
``MAX_FILE_BYTES`` (documented in the README), and look like text (no NUL bytes outside
UTF-16, few control characters). Decoding tries a BOM, then BOM-less UTF-16 (told by the
NUL bytes of its ASCII characters), then strict UTF-8, then charset-normalizer, which
recognises the EUC-KR/CP949 that many Korean files still use. ``reader.document.formats``
builds on these for every other format.
Every refusal is a ``TextFileError`` whose message can be shown to the user as it is.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reader.document.language import detect_language
from reader.document.model import Document, Lang
from reader.document.segment import sentences, split_paragraphs

MAX_FILE_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MD_MARKUP = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")


class TextFileError(ValueError):
    """A file Dari cannot open, with a message meant for the user."""


_CHUNK = 1 << 20


def decode_in_chunks(data: bytes, encoding: str, errors: str = "strict") -> str:
    """``data.decode(encoding, errors)``, a megabyte at a time: one call over 20 MB holds
    the interpreter lock for some 40 ms, and a worker loading a file would stall the GUI
    that long. Raises what ``bytes.decode`` raises."""
    if len(data) <= _CHUNK:
        return data.decode(encoding, errors)
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    parts = [decoder.decode(data[at : at + _CHUNK]) for at in range(0, len(data), _CHUNK)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes, *, name: str = "file") -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(decode_in_chunks(data, encoding), encoding)
            except UnicodeDecodeError as exc:
                raise TextFileError(f"“{name}” claims to be {encoding} but is damaged.") from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return DecodedText(decode_in_chunks(data, utf16), utf16)
        except UnicodeDecodeError:
            pass  # NUL bytes where UTF-16 would have them, but not UTF-16 after all
    if b"\x00" in data[:65536]:
        raise TextFileError(
            f"“{name}” does not look like a text file (it contains binary data). "
            "Dari opens plain text (.txt) and Markdown (.md) files."
        )
    try:
        return DecodedText(decode_in_chunks(data, "utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported on demand: not needed for UTF-8

    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None:
        raise TextFileError(
            f"“{name}” could not be read as text in any known encoding "
            "(tried UTF-8, UTF-16, EUC-KR/CP949 and others)."
        )
    encoding = best.encoding
    if encoding in {"euc_kr", "johab"}:
        encoding = "cp949"  # CP949 is the superset Windows and most Korean files use
    try:
        return DecodedText(decode_in_chunks(data, encoding), encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise TextFileError(f"“{name}” could not be decoded as {encoding}.") from exc


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes fall on one parity only, as the high bytes
    of ASCII spaces, digits and punctuation do (Korean text has them between words)."""
    sample = data[:65536]
    if len(sample) < 16 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    # Hangul code units with a zero low byte (가 U+AC00, ...) put a few NULs on the other side.
    if odd >= half // 10 and even * 8 <= odd:
        return "utf-16-le"
    if even >= half // 10 and odd * 8 <= even:
        return "utf-16-be"
    return None


def check_is_text(text: str, *, name: str = "file") -> None:
    """Refuse decoded text that is mostly control characters (binary data)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 200):
        raise TextFileError(
            f"“{name}” does not look like a text file (it contains control characters)."
        )


def read_text_file(path: Path) -> DecodedText:
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TextFileError(f"“{name}” does not exist.") from exc
    except OSError as exc:
        raise TextFileError(f"“{name}” cannot be read: {exc.strerror}.") from exc
    if path.is_dir():
        raise TextFileError(f"“{name}” is a folder, not a file.")
    if size > MAX_FILE_BYTES:
        raise TextFileError(
            f"“{name}” is too large to open ({size / 1048576:.1f} MB; "
            f"the limit is {MAX_FILE_BYTES // 1048576} MB)."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"“{name}” cannot be read: {exc.strerror}.") from exc
    decoded = decode_bytes(data, name=name)
    check_is_text(decoded.text, name=name)
    return decoded


def document_from_text(
    text: str, *, path: Path | None = None, lang: Lang | None = None
) -> Document:
    paragraphs = split_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n"))
    markdown = path is not None and path.suffix.lower() in {".md", ".markdown"}
    detected = lang or detect_language(text)
    if detected is None:
        raise TextFileError(
            f"“{path.name if path else 'The text'}” has no English or Korean text to show."
        )
    title = path.stem if path else ""

    def split(paragraph: str, lang: Lang) -> list[str]:
        found = sentences(paragraph, lang)
        if markdown:  # headings, quotes and list markers are layout, not text
            found = [s for s in (_MD_MARKUP.sub("", s).strip() for s in found) if s]
        return found

    document = Document.monolingual(
        (split(p, detected) for p in paragraphs), detected, title=title, path=path
    )
    if not document.unit_count:
        raise TextFileError(f"“{path.name if path else 'The text'}” is empty.")
    return document
