"""Glossary files on disk: the bundled TOML files (read-only) and the user's own file.

Bundled files (format 1) hold one ``[[entry]]`` table per entry with the fields of
:data:`ENTRY_FIELDS`; a bad entry is skipped and reported, never fatal.

The user's file is JSON (the standard library writes it; tomllib only reads)::

    {"format": 1, "entries": [{...}], "overrides": [{...}], "tombstones": ["id", ...]}

It is saved atomically: the text goes to a temporary file in the same directory, which is
flushed and fsync'ed and then renamed over the old file with ``os.replace`` -- a crash at
any point leaves either the old file or the new one, never half of one. A file that is not
valid JSON or not this format is renamed aside to ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` and
reported; a file with some bad entries is copied aside the same way, its good entries are
loaded and the bad ones reported. Either way nothing the user wrote is silently lost.
"""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from reader.atomic import aside_path, write_atomically
from reader.glossary.model import (
    CATEGORIES,
    USER_SOURCE,
    Entry,
    EntryOrigin,
    GlossaryError,
    UserData,
)

FORMAT_VERSION = 1
ENTRY_FIELDS = (
    "id", "category", "en", "en_variants", "ko", "ko_variants",
    "en_definition", "ko_definition", "nk_usage", "note", "loanword",
)  # fmt: skip
_TEXT_FIELDS = ("en_definition", "ko_definition", "nk_usage", "note")
USER_GLOSSARY_NAME = "glossary.json"  # in the user data directory
BUNDLED_GLOSSARIES = ("second-thoughts/glossary.toml", "resettlement-glossary.toml")

# The rename that makes a save visible. Tests replace it to simulate a crash between
# writing the temporary file and renaming it.
_replace: Callable[[str, Path], None] = os.replace


def entry_from_mapping(
    data: Mapping[str, Any], *, source: str = USER_SOURCE, origin: EntryOrigin = EntryOrigin.USER
) -> Entry:
    """An entry from a TOML/JSON table with exactly the fields of the file format."""
    unknown = sorted(set(data) - set(ENTRY_FIELDS))
    if unknown:
        raise GlossaryError(f"unknown field(s): {', '.join(unknown)}")
    missing = [k for k in ("id", "category", "en", "ko") if not data.get(k)]
    if missing:
        raise GlossaryError(f"missing {', '.join(missing)}")
    for key in ("id", "category", "en", "ko", *_TEXT_FIELDS):
        if not isinstance(data.get(key, ""), str):
            raise GlossaryError(f"'{key}' must be a string")
    for key in ("en_variants", "ko_variants"):
        value = data.get(key, [])
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise GlossaryError(f"'{key}' must be a list of strings")
    if not isinstance(data.get("loanword", False), bool):
        raise GlossaryError("'loanword' must be true or false")
    kwargs = {k: data[k] for k in ENTRY_FIELDS if k in data}
    for key in ("en_variants", "ko_variants"):
        kwargs[key] = tuple(data.get(key, ()))
    return Entry(**kwargs, source=source, origin=origin)


def entry_to_mapping(entry: Entry) -> dict[str, Any]:
    """The file-format fields of an entry (not `source` or `origin`), lists for variants."""
    data: dict[str, Any] = {k: getattr(entry, k) for k in ENTRY_FIELDS}
    data["en_variants"] = list(entry.en_variants)
    data["ko_variants"] = list(entry.ko_variants)
    return data


# -- bundled files -----------------------------------------------------------------
@dataclass
class BundledFile:
    name: str  # e.g. "second-thoughts/glossary.toml"; entries' source is "bundled:<name>"
    title: str = ""
    sources: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_bundled_file(path: Path, name: str | None = None) -> BundledFile:
    result = BundledFile(name or path.name)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        result.problems.append(f"{result.name}: cannot read: {exc.strerror}")
        return result
    except tomllib.TOMLDecodeError as exc:
        result.problems.append(f"{result.name}: not valid TOML: {exc}")
        return result
    if data.get("format") != FORMAT_VERSION:
        result.problems.append(f"{result.name}: unsupported format {data.get('format')!r}")
        return result
    result.title = str(data.get("title", ""))
    result.sources = [str(s) for s in data.get("sources", [])]
    raw_entries = data.get("entry", [])
    seen: set[str] = set()
    for n, raw in enumerate(raw_entries if isinstance(raw_entries, list) else [], start=1):
        where = f"{result.name}: entry {n}"
        try:
            entry = entry_from_mapping(
                raw, source=f"bundled:{result.name}", origin=EntryOrigin.BUNDLED
            )
        except (GlossaryError, TypeError) as exc:
            result.problems.append(f"{where}: {exc}")
            continue
        if entry.id in seen:
            result.problems.append(f"{where}: duplicate id {entry.id!r}")
            continue
        if entry.category not in CATEGORIES:
            result.problems.append(f"{where} ({entry.id}): unknown category {entry.category!r}")
        seen.add(entry.id)
        result.entries.append(entry)
    return result


def load_bundled(
    content_dir: Path, names: Iterable[str] = BUNDLED_GLOSSARIES
) -> tuple[list[Entry], list[str]]:
    """All bundled entries, article glossary first (it wins on a shared id), and problems."""
    entries: list[Entry] = []
    problems: list[str] = []
    for name in names:
        loaded = load_bundled_file(content_dir / name, name)
        entries += loaded.entries
        problems += loaded.problems
    return entries, problems


# -- the user's file ---------------------------------------------------------------
class StoreLoad(NamedTuple):
    data: UserData
    problems: list[str]
    set_aside: Path | None  # where the damaged file was moved or copied, to tell the user


class UserStoreError(OSError):
    """The user's glossary cannot be saved (e.g. it could not be read, so saving would
    overwrite what is there)."""


class UserGlossaryStore:
    def __init__(self, path: Path, *, clock: Callable[[], datetime] = datetime.now) -> None:
        self.path = path
        self._clock = clock
        self._unreadable: str | None = None

    def load(self) -> StoreLoad:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return StoreLoad(UserData(), [], None)
        except OSError as exc:
            self._unreadable = f"cannot read {self.path.name}: {exc.strerror}"
            return StoreLoad(UserData(), [self._unreadable], None)
        self._unreadable = None
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT_VERSION:
                raise ValueError("not a Dari glossary file, or a newer format")
            lists = [doc.get(key, []) for key in ("entries", "overrides", "tombstones")]
            if not all(isinstance(value, list) for value in lists):
                raise ValueError("entries, overrides and tombstones must be lists")
        except ValueError as exc:  # includes UnicodeDecodeError and JSONDecodeError
            problem = f"{self.path.name} is damaged ({exc})"
            try:
                moved = self._set_aside(os.replace)
            except OSError as move_exc:
                self._unreadable = f"{problem} and cannot be moved aside: {move_exc.strerror}"
                return StoreLoad(UserData(), [self._unreadable], None)
            return StoreLoad(UserData(), [f"{problem}; it was moved to {moved.name}"], moved)
        data, problems = UserData(), []
        for key, origin in (("entries", EntryOrigin.USER), ("overrides", EntryOrigin.OVERRIDE)):
            target = data.entries if origin is EntryOrigin.USER else data.overrides
            for n, raw in enumerate(doc.get(key, []), start=1):
                try:
                    entry = entry_from_mapping(raw, origin=origin)
                except (GlossaryError, TypeError, AttributeError) as exc:
                    problems.append(f"{self.path.name}: {key} #{n}: {exc}")
                else:
                    target[entry.id] = entry
        for n, entry_id in enumerate(doc.get("tombstones", []), start=1):
            if isinstance(entry_id, str):
                data.tombstones.add(entry_id)
            else:
                problems.append(f"{self.path.name}: tombstones #{n}: not an id")
        copied = None
        if problems:
            try:
                copied = self._set_aside(shutil.copy2)
            except OSError as exc:
                self._unreadable = f"{self.path.name} cannot be copied aside: {exc.strerror}"
                problems.append(self._unreadable)
            else:
                problems.append(f"the file as it was is kept as {copied.name}")
        return StoreLoad(data, problems, copied)

    def save(self, data: UserData) -> None:
        if self._unreadable:
            raise UserStoreError(
                f"not saving over a file that could not be read: {self._unreadable}"
            )
        doc = {
            "format": FORMAT_VERSION,
            "entries": [entry_to_mapping(e) for e in data.entries.values()],
            "overrides": [entry_to_mapping(e) for e in data.overrides.values()],
            "tombstones": sorted(data.tombstones),
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.path, text.encode("utf-8"), replace=_replace)

    def _set_aside(self, how: Callable[[Path, Path], object]) -> Path:
        target = aside_path(self.path, self._clock().strftime("%Y%m%d-%H%M%S"))
        how(self.path, target)
        return target
