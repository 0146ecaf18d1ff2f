"""Glossary import and export as CSV, for spreadsheets (Excel, LibreOffice, Numbers).

Export writes UTF-8 with a byte-order mark -- without one Excel reads the file in the
system's ANSI code page and garbles the Korean -- CRLF line ends (Excel's), a header row
naming every field (:data:`COLUMNS`), variants joined with " | " and ``loanword`` as
``true``/``false``. Exporting and importing again gives back every field exactly: commas,
quotes and line breaks inside a field are quoted the CSV way.

Import reads the same, with or without the BOM; a file that is not UTF-8 is read as CP949,
which Excel on a Korean Windows writes when told "CSV" rather than "CSV UTF-8". Only
``en`` and ``ko`` columns are required; the order of columns is free. A row that is
malformed (wrong number of columns, no ``en`` or ``ko``, an unknown category, a bad id or
``loanword``, an id used twice) is reported with its line number and left out; the other
rows are imported. A missing ``id`` is made from the English term, a missing ``category``
is "general", and missing ``source``/``origin`` mean a user entry.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from reader.glossary.model import (
    CATEGORIES,
    USER_SOURCE,
    Entry,
    EntryOrigin,
    GlossaryError,
    make_id,
)
from reader.glossary.store import ENTRY_FIELDS

COLUMNS = (*ENTRY_FIELDS, "source", "origin")
VARIANT_SEPARATOR = " | "
_BOOLEANS = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False}
_BOM = "\ufeff"


class CsvProblem(NamedTuple):
    line: int  # the line the row starts on (1 is the header); 0 for the whole file
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def export_text(entries: Iterable[Entry]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow([_cell(entry, column) for column in COLUMNS])
    return out.getvalue()


def export_bytes(entries: Iterable[Entry]) -> bytes:
    return (_BOM + export_text(entries)).encode("utf-8")


def write_csv(path: Path, entries: Iterable[Entry]) -> None:
    path.write_bytes(export_bytes(entries))


def read_csv(
    path: Path, *, categories: Sequence[str] = CATEGORIES, taken_ids: Iterable[str] = ()
) -> tuple[list[Entry], list[CsvProblem]]:
    """Entries from a CSV file and the problems found; raises OSError if it can't be read."""
    return decode_and_parse(path.read_bytes(), categories=categories, taken_ids=taken_ids)


def decode_and_parse(
    data: bytes, *, categories: Sequence[str] = CATEGORIES, taken_ids: Iterable[str] = ()
) -> tuple[list[Entry], list[CsvProblem]]:
    notes: list[CsvProblem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError:
            return [], [CsvProblem(0, "the file is neither UTF-8 nor CP949 text")]
        notes.append(CsvProblem(0, "the file is not UTF-8; it was read as CP949 (Korean)"))
    entries, problems = parse_csv(text, categories=categories, taken_ids=taken_ids)
    return entries, notes + problems


def parse_csv(
    text: str, *, categories: Sequence[str] = CATEGORIES, taken_ids: Iterable[str] = ()
) -> tuple[list[Entry], list[CsvProblem]]:
    """Entries from CSV text, and the problems found. `taken_ids` are ids a made-up id
    must avoid (those already in the glossary); ids given in the file are kept as they are."""
    reader = csv.reader(io.StringIO(text.removeprefix(_BOM), newline=""))
    problems: list[CsvProblem] = []
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return [], [CsvProblem(1, "the file is empty")]
    except csv.Error as exc:
        return [], [CsvProblem(1, f"not a valid CSV header: {exc}")]
    missing = [name for name in ("en", "ko") if name not in header]
    if missing:
        return [], [CsvProblem(1, f"no {' or '.join(missing)} column in the header")]
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        return [], [CsvProblem(1, f"column(s) named twice: {', '.join(doubled)}")]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        problems.append(
            CsvProblem(1, f"unknown column(s) ignored: {', '.join(map(repr, unknown))}")
        )

    entries: list[Entry] = []
    seen: set[str] = set()  # ids of this file's rows
    used = set(taken_ids)  # and those of the glossary: a made-up id avoids both
    line = reader.line_num + 1
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(CsvProblem(start, f"not valid CSV: {exc}; the rest was not read"))
            break
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) != len(header):
            problems.append(CsvProblem(start, f"expected {len(header)} columns, found {len(row)}"))
            continue
        try:
            entry = _entry(dict(zip(header, row, strict=True)), categories, used)
        except GlossaryError as exc:
            problems.append(CsvProblem(start, str(exc)))
            continue
        if entry.id in seen:
            problems.append(CsvProblem(start, f"the id {entry.id!r} is used by an earlier row"))
            continue
        seen.add(entry.id)
        used.add(entry.id)
        entries.append(entry)
    return entries, problems


def _cell(entry: Entry, column: str) -> str:
    value = getattr(entry, column)
    if isinstance(value, tuple):
        return VARIANT_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _entry(row: dict[str, str], categories: Sequence[str], taken: set[str]) -> Entry:
    en, ko = row["en"].strip(), row["ko"].strip()
    missing = [name for name, value in (("en", en), ("ko", ko)) if not value]
    if missing:
        raise GlossaryError(f"no {' or '.join(missing)} term")
    category = row.get("category", "").strip() or "general"
    if category not in categories:
        raise GlossaryError(f"unknown category {category!r}")
    loanword = _BOOLEANS.get(row.get("loanword", "").strip().lower() or "false")
    if loanword is None:
        raise GlossaryError(f"loanword must be true or false, not {row['loanword']!r}")
    try:
        origin = EntryOrigin(row.get("origin", "").strip() or EntryOrigin.USER)
    except ValueError:
        raise GlossaryError(f"unknown origin {row['origin']!r}") from None
    return Entry(
        id=row.get("id", "").strip() or make_id(en, taken),
        category=category,
        en=en,
        en_variants=tuple(row.get("en_variants", "").split("|")),
        ko=ko,
        ko_variants=tuple(row.get("ko_variants", "").split("|")),
        en_definition=row.get("en_definition", ""),
        ko_definition=row.get("ko_definition", ""),
        nk_usage=row.get("nk_usage", ""),
        note=row.get("note", ""),
        loanword=loanword,
        source=row.get("source", "").strip() or USER_SOURCE,
        origin=origin,
    )
