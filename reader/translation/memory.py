"""Translation memory: machine translations and user corrections, by source sentence.

One SQLite file (stdlib ``sqlite3``, WAL journal) with one table. A row is keyed by the
source and target language and the source sentence *normalized* (NFC, runs of whitespace
collapsed to one space, stripped), so the same sentence typed with a different Unicode form
or line break still matches. Two kinds of row:

- ``machine``: one per (model key, languages, sentence) -- a different model or model
  version translates afresh;
- ``corrected``: one per (languages, sentence), whatever model was in use: a user's
  correction applies wherever that sentence appears again. The model it corrected is kept
  for information.

:meth:`TranslationMemory.lookup_many` returns the correction when there is one, else the
machine translation of the given model.

Every write is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``): all rows of a
``put_machine_many`` land or none do. The schema version is ``PRAGMA user_version``; a file
from a newer Dari is refused (:class:`TranslationMemoryError`), never overwritten. A file
SQLite cannot read (not a database, or failing ``PRAGMA quick_check``) is renamed aside to
``<name>.corrupt-<YYYYmmdd-HHMMSS>`` with its -wal/-shm files and a fresh memory is created;
``set_aside`` then holds the new name of the old file, for the UI to tell the user.

Threads: one connection, opened with ``check_same_thread=False`` and used only under a lock.
Each call is short (an indexed lookup or one small transaction), so serializing them costs
nothing noticeable, and the GUI thread (saving a correction) and a translation worker can
share one object without the "SQLite objects created in a thread can only be used in that
same thread" error or interleaved transactions. WAL lets another process (a second Dari)
read while this one writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.atomic import aside_path
from reader.document.model import Origin

__all__ = ["Entry", "TranslationMemory", "TranslationMemoryError", "normalize"]

SCHEMA_VERSION = 1
_CHUNK = 400  # sentences per SELECT (SQLite's variable limit is far above this)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    kind      TEXT NOT NULL CHECK (kind IN ('machine', 'corrected')),
    model     TEXT NOT NULL,
    src_lang  TEXT NOT NULL,
    tgt_lang  TEXT NOT NULL,
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    updated   REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS machine_key ON entries (src_lang, tgt_lang, source, model)
    WHERE kind = 'machine';
CREATE UNIQUE INDEX IF NOT EXISTS corrected_key ON entries (src_lang, tgt_lang, source)
    WHERE kind = 'corrected';
"""


class TranslationMemoryError(Exception):
    """The memory cannot be opened or written; the message is for the user."""


@dataclass(frozen=True)
class Entry:
    text: str
    origin: Origin  # Origin.MACHINE or Origin.CORRECTED
    model: str  # the model that made it (or that the correction replaced; "" if unknown)
    updated: float  # seconds since the epoch


def normalize(sentence: str) -> str:
    """The key of a source sentence: NFC, whitespace runs collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", sentence).split())


class TranslationMemory:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside: Path | None = None  # where a corrupt file was moved, if one was
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and not _looks_corrupt(error):
                raise TranslationMemoryError(f"cannot open {path.name}: {error}") from error
            self.set_aside = self._move_aside()
            self._db = self._open()

    # -- opening ----------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise TranslationMemoryError(
                    f"{self.path.name} was written by a newer version of Dari "
                    f"(format {version}); it is left untouched"
                )
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if version == 0:
                db.executescript(
                    f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        target = aside_path(self.path, time.strftime("%Y%m%d-%H%M%S"))
        try:
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.replace(target.with_name(target.name + suffix))
            self.path.replace(target)
        except OSError as error:
            raise TranslationMemoryError(
                f"{self.path.name} is damaged and cannot be moved aside: {error.strerror}"
            ) from error
        return target

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------
    def lookup_many(
        self, model_key: str, src: str, tgt: str, sentences: Sequence[str]
    ) -> dict[int, Entry]:
        """Entries for the sentences that have one, by index: a correction if any, else
        this model's machine translation. Blank sentences are never found."""
        positions: dict[str, list[int]] = {}
        for index, sentence in enumerate(sentences):
            key = normalize(sentence)
            if key:
                positions.setdefault(key, []).append(index)
        found: dict[str, Entry] = {}
        with self._reading():
            for chunk in _chunks(list(positions), _CHUNK):
                marks = ",".join("?" * len(chunk))
                # Two queries, so that each is answered from its (partial) unique index.
                machine = self._db.execute(
                    "SELECT source, target, model, updated FROM entries WHERE kind = 'machine'"
                    f" AND src_lang = ? AND tgt_lang = ? AND source IN ({marks}) AND model = ?",
                    (src, tgt, *chunk, model_key),
                )
                for source, target, model, updated in machine:
                    found[source] = Entry(target, Origin.MACHINE, model, updated)
                corrected = self._db.execute(
                    "SELECT source, target, model, updated FROM entries WHERE kind = 'corrected'"
                    f" AND src_lang = ? AND tgt_lang = ? AND source IN ({marks})",
                    (src, tgt, *chunk),
                )
                for source, target, model, updated in corrected:
                    found[source] = Entry(target, Origin.CORRECTED, model, updated)
        return {i: entry for key, entry in found.items() for i in positions[key]}

    def correction(self, src: str, tgt: str, sentence: str) -> Entry | None:
        with self._reading():
            row = self._db.execute(
                "SELECT target, model, updated FROM entries WHERE kind = 'corrected'"
                " AND src_lang = ? AND tgt_lang = ? AND source = ?",
                (src, tgt, normalize(sentence)),
            ).fetchone()
        return Entry(row[0], Origin.CORRECTED, row[1], row[2]) if row else None

    # -- writing ----------------------------------------------------------------------------
    def put_machine_many(
        self, model_key: str, src: str, tgt: str, pairs: Iterable[tuple[str, str]]
    ) -> None:
        """Store ``(source, translation)`` pairs made by ``model_key``, replacing older ones."""
        now = time.time()
        rows = [
            ("machine", model_key, src, tgt, key, target, now)
            for key, target in ((normalize(source), target) for source, target in pairs)
            if key
        ]
        if rows:
            with self._writing() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO entries"
                    " (kind, model, src_lang, tgt_lang, source, target, updated)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )

    def put_correction(
        self, src: str, tgt: str, sentence: str, text: str, *, model_key: str = ""
    ) -> Entry | None:
        """Store the user's translation of ``sentence``; return the correction it replaces
        (for undo: put it back, or :meth:`remove_correction` when there was none)."""
        key = normalize(sentence)
        if not key:
            raise ValueError("cannot store a correction for a blank sentence")
        with self._writing() as db:
            row = db.execute(
                "SELECT target, model, updated FROM entries WHERE kind = 'corrected'"
                " AND src_lang = ? AND tgt_lang = ? AND source = ?",
                (src, tgt, key),
            ).fetchone()
            db.execute(
                "INSERT OR REPLACE INTO entries"
                " (kind, model, src_lang, tgt_lang, source, target, updated)"
                " VALUES ('corrected', ?, ?, ?, ?, ?, ?)",
                (model_key, src, tgt, key, text, time.time()),
            )
        return Entry(row[0], Origin.CORRECTED, row[1], row[2]) if row else None

    def remove_correction(self, src: str, tgt: str, sentence: str) -> bool:
        """Forget the correction of ``sentence`` (undo); False if there was none."""
        with self._writing() as db:
            cursor = db.execute(
                "DELETE FROM entries WHERE kind = 'corrected'"
                " AND src_lang = ? AND tgt_lang = ? AND source = ?",
                (src, tgt, normalize(sentence)),
            )
        return cursor.rowcount > 0

    # -- internals --------------------------------------------------------------------------
    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock, self._errors():
            yield

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock, self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise TranslationMemoryError(f"translation memory {self.path.name}: {error}") from error


def _looks_corrupt(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt"))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
