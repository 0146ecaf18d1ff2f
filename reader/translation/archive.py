"""Check an Argos Translate package archive (``.argosmodel``) and unpack it safely.

An ``.argosmodel`` file is a zip archive with ONE top-level folder holding ``metadata.json``,
a CTranslate2 model in ``model/`` (``model.bin``, ``config.json``, vocabularies) and
``sentencepiece.model``, optionally with sentence-splitter data (``minisbd/``, ``stanza/``).
Argos itself unpacks it with a plain ``extractall`` into its packages folder: no size limit, no
layout check, and files of another package can be overwritten. Dari refuses anything else.

Limits (each is a keyword argument, so tests can use small ones):

- ``MAX_UNCOMPRESSED`` = 1 GiB in total. translate-en_ko 1.1 is ~120 MB zipped; CTranslate2
  weights barely compress, so unpacked it is of the same order. 1 GiB leaves room for larger
  future models while stopping an archive from filling the disk.
- ``MAX_MEMBERS`` = 1,000 entries. A real package has a few dozen (model, vocabularies,
  tokenizer, optional sentence-splitter data); thousands of tiny files are an attack on the
  file system, not a model.
- ``MAX_RATIO`` = 100:1 for any member over 32 MiB, and members may not overlap. Only model
  weights are that big, and trained weights compress ~1.1:1; deflate reaches ~1000:1 on runs
  of zeros. (Small members may compress more: the tests' hand-made 12 MB model is mostly
  zeros, ~640:1.) The total limit is what protects the disk; this names a bomb as one early.
- Only "stored" and "deflate" members: Python decompresses bzip2 and LZMA members without an
  output bound, so one read of a tiny crafted member could take gigabytes of memory.

Members must be plain files or folders: a Unix mode (high bits of the external attributes)
of a symbolic link, device, pipe or socket is refused. Zip has no hard links; and since
``extract_archive`` creates every file itself (``O_EXCL | O_NOFOLLOW``), no mode or link in
an archive is ever applied. Sizes declared in the zip directory are checked first and then
enforced again while unpacking (``extract_archive``), by counting the bytes actually written.
Messages are complete sentences for the user; they are English because this module has no Qt
to translate them.
"""

from __future__ import annotations

import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
MAX_UNCOMPRESSED = 1 * GIB
MAX_MEMBERS = 1_000
MAX_RATIO = 100
RATIO_MIN_SIZE = 32 * MIB
MAX_METADATA_BYTES = 1 * MIB
_CHUNK = 1 * MIB

MODEL_FILES = ("model/model.bin", "model/config.json")
TOKENIZER_FILE = "sentencepiece.model"
_COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?")
_VERSION = re.compile(r"\d{1,6}(?:\.\d{1,6}){0,3}")
# Names that mean the same on every file system and are never hidden ("." = Dari's own temp).
_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
# Never follow a link or reuse a file that is already there.
_CREATE_NEW = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ArchiveError(Exception):
    """The package cannot be used. ``str(error)`` is a complete sentence for the user."""


class Cancelled(Exception):
    """The user cancelled the operation; everything it created has been removed."""


@dataclass(frozen=True)
class ArchiveInfo:
    from_code: str
    to_code: str
    version: str
    folder: str  # the archive's single top-level folder
    member_count: int
    uncompressed_size: int
    metadata: Mapping[str, Any]

    @property
    def name(self) -> str:
        return package_name(self.from_code, self.to_code, self.version)


def package_name(from_code: str, to_code: str, version: str) -> str:
    """The name Argos's package index uses, with the version: "translate-en_ko 1.1"."""
    return f"translate-{from_code}_{to_code} {version}"


def format_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def version_key(version: str) -> tuple[int, ...]:
    """Orders "1.10" after "1.9"; versions that are not plain numbers sort first."""
    return tuple(int(part) for part in version.split(".")) if _VERSION.fullmatch(version) else ()


def quote(text: str, limit: int = 60) -> str:
    """Quote a name taken from a file for a message: no control characters, bounded length."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return f"“{clean[:limit]}…”" if len(clean) > limit else f"“{clean}”"


def unusable(name: str, reason: str) -> str:
    return f"{quote(name)} is not a usable translation package: {reason}."


def metadata_fields(metadata: object) -> tuple[str, str, str]:
    """``(from_code, to_code, package_version)`` of sane package metadata, else ValueError.

    A missing "type" counts as "translate", as in Argos (older packages do not have it).
    """
    if not isinstance(metadata, dict):
        raise ValueError("its metadata.json does not describe a package (not a JSON object)")
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise ValueError(f"it is a {quote(str(kind), 30)} package, not a translation package")
    codes = []
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not _LANG_CODE.fullmatch(code):
            raise ValueError(
                f"its metadata.json has no valid “{key}” (a language code such as “en” or “ko”)"
            )
        codes.append(code)
    if codes[0] == codes[1]:
        raise ValueError(f"its metadata.json says it translates from {quote(codes[0])} to itself")
    version = metadata.get("package_version")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise ValueError("its metadata.json has no valid “package_version” (such as “1.1”)")
    return codes[0], codes[1], version


def validate_archive(
    path: Path,
    *,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
    max_ratio: int = MAX_RATIO,
) -> ArchiveInfo:
    """Check *path* without unpacking anything; raise ArchiveError saying what is wrong."""
    with _open(path) as (fp, zf):
        return _inspect(path, fp, zf, max_uncompressed, max_members, max_ratio)[0]


def extract_archive(
    path: Path,
    dest: Path,
    *,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
    max_ratio: int = MAX_RATIO,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ArchiveInfo:
    """Check *path*, then unpack the CONTENTS of its top-level folder into the empty folder
    *dest*, counting the bytes really written against the limits. Progress is in bytes.

    Raises ArchiveError, Cancelled, or OSError for a failure to write (e.g. a full disk).
    The caller owns *dest* and removes it on any exception.
    """
    with _open(path) as (fp, zf):
        info, members = _inspect(path, fp, zf, max_uncompressed, max_members, max_ratio)
        done = 0
        for member, parts in members:
            if cancelled is not None and cancelled():
                raise Cancelled
            target = dest.joinpath(*parts[1:])  # parts[0] is the top-level folder: *dest*
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, _CREATE_NEW, 0o644)
            with os.fdopen(fd, "wb") as out, _member(path, zf, member) as src:
                written = 0
                while chunk := _read(path, member, src):
                    written += len(chunk)
                    done += len(chunk)
                    if written > member.file_size:  # never trust the declared size alone
                        raise ArchiveError(unusable(path.name, _DAMAGED))
                    if done > max_uncompressed:
                        raise ArchiveError(_too_big(path, None, max_uncompressed))
                    if written > RATIO_MIN_SIZE and written > max_ratio * member.compress_size:
                        raise ArchiveError(_bomb(path, member.filename))
                    out.write(chunk)
                    if progress is not None:
                        progress(done, info.uncompressed_size)
                    if cancelled is not None and cancelled():
                        raise Cancelled
            if written != member.file_size:
                raise ArchiveError(unusable(path.name, _DAMAGED))
        return info


def parse_metadata(raw: bytes) -> tuple[str, str, str, dict[str, Any]]:
    """Parse metadata.json: ``(from_code, to_code, version, metadata)``, else ValueError."""
    try:
        metadata = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValueError("its metadata.json is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise ValueError(f"its metadata.json is not valid JSON ({error.msg} at {where})") from None
    from_code, to_code, version = metadata_fields(metadata)
    return from_code, to_code, version, metadata


# -- internals ---------------------------------------------------------------------------------

_DAMAGED = "it is incomplete or damaged"
_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error)


@contextmanager
def _open(path: Path) -> Iterator[tuple[IO[bytes], zipfile.ZipFile]]:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the open()
            raise ArchiveError(unusable(path.name, "it is not a regular file"))
        fp = open(path, "rb")  # noqa: SIM115 - closed by the ``with fp`` below
    except OSError as error:
        raise ArchiveError(f"{quote(path.name)} could not be read: {error.strerror}.") from None
    with fp:
        magic = fp.read(4)
        fp.seek(0)
        try:
            zf = zipfile.ZipFile(fp)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error):
            if not magic:
                reason = "the file is empty"
            elif magic == b"PK\x03\x04":
                reason = f"{_DAMAGED} (was the download interrupted?)"
            else:
                reason = "it is not a zip archive"
            raise ArchiveError(unusable(path.name, reason)) from None
        with zf:
            yield fp, zf


@contextmanager
def _member(path: Path, zf: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[IO[bytes]]:
    try:
        src = zf.open(member)  # also checks the local header's name against the directory's
    except (*_READ_ERRORS, NotImplementedError):
        raise ArchiveError(unusable(path.name, _DAMAGED)) from None
    with src:
        yield src


def _read(path: Path, member: zipfile.ZipInfo, src: IO[bytes], size: int = _CHUNK) -> bytes:
    try:
        return src.read(size)
    except _READ_ERRORS:  # a bad CRC, truncated data, a corrupt deflate stream
        reason = f"it is damaged ({quote(member.filename)} cannot be unpacked)"
        raise ArchiveError(unusable(path.name, reason)) from None


def _inspect(
    path: Path,
    fp: IO[bytes],
    zf: zipfile.ZipFile,
    max_uncompressed: int,
    max_members: int,
    max_ratio: int,
) -> tuple[ArchiveInfo, list[tuple[zipfile.ZipInfo, list[str]]]]:
    def fail(reason: str) -> ArchiveError:
        return ArchiveError(unusable(path.name, reason))

    infos = zf.infolist()
    if not infos:
        raise fail("it is empty")
    if len(infos) > max_members:
        raise fail(f"it has {len(infos):,} entries, more than the limit of {max_members:,}")
    members: list[tuple[zipfile.ZipInfo, list[str]]] = []
    is_folder: dict[str, bool] = {}  # case-folded path -> is a folder
    total = 0
    for info in infos:
        name = info.orig_filename  # before zipfile cuts it at a NUL
        parts = _safe_parts(name)
        if isinstance(parts, str):
            raise fail(f"it contains an unsafe file path {quote(name)}: {parts}")
        kind = stat.S_IFMT(info.external_attr >> 16)  # the Unix mode, 0 if made elsewhere
        if kind == stat.S_IFLNK:
            raise fail(f"it contains a symbolic link {quote(name)}; packages hold only files")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise fail(f"it contains a special file {quote(name)}; packages hold only files")
        if info.flag_bits & 0x1:
            raise fail("it is password-protected")
        if info.compress_type not in _COMPRESSIONS:
            raise fail("it uses a compression method other than “deflate”")
        key = "/".join(parts).casefold()
        if key in is_folder:
            raise fail(f"it contains {quote('/'.join(parts))} more than once")
        is_folder[key] = info.is_dir()
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE and info.file_size > max_ratio * info.compress_size:
            raise ArchiveError(_bomb(path, name))
        members.append((info, parts))
    for key in is_folder:
        steps = key.split("/")
        for depth in range(1, len(steps)):
            if is_folder.get(ancestor := "/".join(steps[:depth])) is False:
                raise fail(f"it contains {quote(ancestor)} both as a file and as a folder")
    if total > max_uncompressed:
        raise ArchiveError(_too_big(path, total, max_uncompressed))

    loose = [info.filename for info, parts in members if len(parts) == 1 and not info.is_dir()]
    if loose:
        raise fail(f"its files must be inside one folder, but {quote(loose[0])} is not")
    tops = sorted({parts[0] for _, parts in members})
    if len(tops) != 1:
        listed = ", ".join(quote(top) for top in tops[:3]) + (", …" if len(tops) > 3 else "")
        raise fail(
            f"it must contain exactly one top-level folder, but it has {len(tops)}: {listed}"
        )
    folder = tops[0]
    if not _FOLDER.fullmatch(folder):
        raise fail(f"its folder name {quote(folder)} is not allowed")
    files = {"/".join(parts[1:]): info for info, parts in members if not info.is_dir()}
    if "metadata.json" not in files:
        raise fail(f"it has no metadata.json in its folder {quote(folder)}")
    for rel in (*MODEL_FILES, TOKENIZER_FILE):
        what = "SentencePiece tokenizer" if rel == TOKENIZER_FILE else "translation model"
        if rel not in files:
            raise fail(f"it has no {what} ({quote(f'{folder}/{rel}')} is missing)")
        if files[rel].file_size == 0:
            raise fail(f"its {what} file {quote(f'{folder}/{rel}')} is empty")
    _check_spans(path, fp, zf, infos)
    if files["metadata.json"].file_size > MAX_METADATA_BYTES:
        raise fail("its metadata.json is too large")
    with _member(path, zf, files["metadata.json"]) as src:
        raw = _read(path, files["metadata.json"], src, MAX_METADATA_BYTES)
    try:
        from_code, to_code, version, metadata = parse_metadata(raw)
    except ValueError as error:
        raise fail(str(error)) from None
    summary = ArchiveInfo(from_code, to_code, version, folder, len(infos), total, metadata)
    return summary, members


def _safe_parts(name: str) -> list[str] | str:
    """The path components of a member name, or why the name is unsafe."""
    if name.startswith(("/", "\\")):
        return "it is an absolute path"
    if re.match(r"[A-Za-z]:", name):
        return "it starts with a drive letter"
    if "\\" in name:
        return "it contains a backslash"
    if any(not ch.isprintable() for ch in name) or ":" in name:
        return "it contains control characters or “:”"
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if ".." in parts:
        return "it leads outside the package folder"
    if any(part in ("", ".") for part in parts):
        return "it contains an empty or “.” component"
    return parts


def _check_spans(
    path: Path, fp: IO[bytes], zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]
) -> None:
    """Every member's data must lie inside the file, before the directory, and not overlap
    another's (overlapping members are how the worst zip bombs are built)."""
    end_of_data = getattr(zf, "start_dir", None) or os.fstat(fp.fileno()).st_size
    spans = []
    for info in infos:
        fp.seek(info.header_offset)
        header = fp.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ArchiveError(unusable(path.name, _DAMAGED))
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        end = info.header_offset + 30 + name_len + extra_len + info.compress_size
        if end > end_of_data:
            raise ArchiveError(unusable(path.name, _DAMAGED))
        spans.append((info.header_offset, end))
    spans.sort()
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if start < end:
            raise ArchiveError(unusable(path.name, "its entries overlap (a “zip bomb”)"))


def _too_big(path: Path, size: int | None, limit: int) -> str:
    if size is None:  # counted while unpacking: the declared sizes were wrong
        return unusable(path.name, f"unpacked it takes more than the limit of {format_size(limit)}")
    reason = f"unpacked it would take {format_size(size)}, more than the limit of "
    return unusable(path.name, reason + format_size(limit))


def _bomb(path: Path, name: str) -> str:
    reason = f"{quote(name)} expands far more than any model does (a “zip bomb”)"
    return unusable(path.name, reason)
