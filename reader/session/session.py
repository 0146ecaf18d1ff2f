"""Saving and restoring a reading session: one self-contained, versioned JSON file.

A session file holds everything needed to carry on where the counsellor stopped, even
when the original file has gone: the whole document (both languages, sentence by sentence,
with each sentence's provenance and model), the notes on sentences, the reading position,
the path the document came from and the Dari version that saved it. The format is
described in ``docs/session-format.md``; in short::

    {"format": "dari-session", "version": 1, "app_version": "0.1.0",
     "saved": "2025-01-31T09:30:00+00:00", "document_path": "/home/…/letter.txt",
     "document": {"title": {"en": …, "ko": …}, "source": …, "original_language": "en",
                  "paragraphs": [{"units": [{"en": [{"text": …, "origin": "original",
                                                      "model": null}], "ko": […]}]}]},
     "notes": [{"lang": "ko", "sentence_index": 3, "text": …, "created": …, "updated": …}],
     "position": {"lang": "en", "sentence_index": 12, "anchor": 0.25},
     "current": {"lang": "en", "sentence_index": 14}}

Version 2 added ``current`` (the sentence lit in both panes, or null); a version 1 file
is read as having none.

Loading is strict: a file that is not exactly this (not JSON, cut short, another format, a
newer version, a missing or mistyped field, an index past the end of the document) raises
:class:`SessionError` with a message that can be shown to the user as it is. Saving builds
the same structure and checks it with the loader before writing, so Dari never writes a
session it could not open again; the write is atomic (:func:`reader.atomic.write_atomically`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reader import __version__
from reader.atomic import write_atomically
from reader.document.model import Document, Lang, Origin, Paragraph, Provenance, Sentence, Unit
from reader.session.notes import Note, NoteError, Notes, utc_now

FORMAT_NAME = "dari-session"
FORMAT_VERSION = 2
SUFFIX = ".dari"  # what the UI proposes in its file dialogs; the loader does not insist

# The rename that makes a save visible. Tests replace it to simulate a crash between
# writing the temporary file and renaming it.
_replace: Callable[[str, Path], None] = os.replace

_LANGUAGE = {Lang.EN: "English", Lang.KO: "Korean"}
_TOP_KEYS_V1 = (
    "format", "version", "app_version", "saved", "document_path", "document", "notes",
    "position",
)  # fmt: skip
_TOP_KEYS = (*_TOP_KEYS_V1, "current")
_DOCUMENT_KEYS = ("title", "source", "original_language", "paragraphs")
_SENTENCE_KEYS = ("text", "origin", "model")
_NOTE_KEYS = ("lang", "sentence_index", "text", "created", "updated")
_POSITION_KEYS = ("lang", "sentence_index", "anchor")
_CURRENT_KEYS = ("lang", "sentence_index")


class SessionError(ValueError):
    """A session file cannot be opened; the message says why, for the user."""


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader was: a sentence, and how far down it the top of the view was
    (0.0 = its first line at the top of the view, 1.0 = its last line just scrolled off)."""

    lang: Lang = Lang.EN
    sentence_index: int = 0
    anchor: float = 0.0


@dataclass(frozen=True)
class CurrentSentence:
    """The sentence lit in both panes (the linked "current" sentence)."""

    lang: Lang
    sentence_index: int


@dataclass
class SessionState:
    document: Document  # its .path is document_path
    notes: Notes
    position: ReadingPosition
    document_path: Path | None
    app_version: str  # of the Dari that saved the file
    saved: datetime  # when, timezone-aware
    version: int = FORMAT_VERSION  # of the file as read
    current: CurrentSentence | None = None


# -- saving ---------------------------------------------------------------------------
def save_session(
    path: Path | str,
    document: Document,
    notes: Notes,
    position: ReadingPosition,
    *,
    current: CurrentSentence | None = None,
    app_version: str = __version__,
    saved: datetime | None = None,
) -> None:
    """Write the session to `path` atomically. Raises ValueError (before touching the
    file) if the state could not be read back, e.g. a position past the end, and OSError
    if the file cannot be written; either way an existing file at `path` is unchanged."""
    data = session_to_data(
        document, notes, position, current=current, app_version=app_version, saved=saved
    )
    save_session_data(path, data)


def save_session_data(path: Path | str, data: dict[str, Any]) -> None:
    """Check and write what `session_to_data` made (the slow half of `save_session`, which
    a window runs on a worker thread: the structure is a snapshot, apart from the live
    document)."""
    try:
        _read(data)
    except _Damaged as exc:
        raise ValueError(f"this session cannot be saved: {exc}") from None
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomically(Path(path), text.encode("utf-8"), replace=_replace)


def session_to_data(
    document: Document,
    notes: Notes,
    position: ReadingPosition,
    *,
    current: CurrentSentence | None = None,
    app_version: str = __version__,
    saved: datetime | None = None,
) -> dict[str, Any]:
    """The JSON structure of a session (see the module docstring)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": app_version,
        "saved": (saved or utc_now()).isoformat(),
        "document_path": os.path.abspath(document.path) if document.path else None,
        "document": {
            "title": {lang.value: document.title[lang] for lang in Lang if lang in document.title},
            "source": document.source,
            "original_language": document.original_language.value,
            "paragraphs": [
                {
                    "units": [
                        {
                            lang.value: [_sentence_data(s) for s in unit.sides[lang]]
                            for lang in Lang
                            if lang in unit.sides
                        }
                        for unit in paragraph.units
                    ]
                }
                for paragraph in document.paragraphs
            ],
        },
        "notes": [
            {
                "lang": note.lang.value,
                "sentence_index": note.sentence_index,
                "text": note.text,
                "created": note.created.isoformat(),
                "updated": note.updated.isoformat(),
            }
            for note in notes.all(document)
        ],
        "position": {
            "lang": position.lang.value,
            "sentence_index": position.sentence_index,
            "anchor": float(position.anchor),
        },
        "current": None if current is None else {
            "lang": current.lang.value, "sentence_index": current.sentence_index,
        },
    }


def _sentence_data(sentence: Sentence) -> dict[str, Any]:
    p = sentence.provenance
    return {"text": sentence.text, "origin": p.origin.value, "model": p.model}


# -- loading --------------------------------------------------------------------------
def load_session(path: Path | str) -> SessionState:
    """Read a session file; raises SessionError, with a message for the user, if it cannot
    be read or is not a complete, valid session of a version this Dari understands."""
    path = Path(path)
    name = f"“{path.name}”"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionError(f"Cannot open {name}: {exc.strerror or exc}.") from exc
    if not raw.strip(b"\x00 \t\r\n"):
        raise SessionError(f"{name} is empty: the session was not saved completely.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data":  # else: cut inside a character
            raise SessionError(f"{name} is not a Dari session file (it is not text).") from None
        text = raw[: exc.start].decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if _cut_short(text, exc):
            raise SessionError(
                f"{name} is incomplete: it stops part-way through, perhaps because Dari or "
                "the computer stopped while it was being saved. It cannot be opened."
            ) from None
        raise SessionError(
            f"{name} is not a Dari session file, or it is damaged: it is not valid JSON "
            f"({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None
    try:
        state = session_from_data(data)
    except _Damaged as exc:
        raise SessionError(f"{name} {exc}") from None
    return state


def _cut_short(text: str, error: json.JSONDecodeError) -> bool:
    """Whether JSON text failed only because it ends too soon: the parser stopped at the
    end, in a string, or in a last partial word or number ("tr", "0.")."""
    body = text.rstrip("\x00 \t\r\n")  # a crash may leave the tail zero-filled
    if not body.startswith("{"):
        return False
    rest = body[error.pos :]
    return error.msg.startswith("Unterminated string") or (
        len(rest) < 16 and not any(ch in rest for ch in ' \t\r\n,:{}[]"')
    )


class _Damaged(ValueError):
    """What is wrong with the structure; the caller prefixes the file name."""


def session_from_data(data: Any) -> SessionState:
    """Check and convert the JSON structure of a session; raises _Damaged (a ValueError)
    whose message continues the sentence "<file> …"."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise _Damaged("is not a Dari session file.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Damaged(f"is damaged: its format version {_show(version)} is not valid.")
    if version > FORMAT_VERSION:
        by = data.get("app_version")
        made_by = f" (Dari {by})" if isinstance(by, str) and by else ""
        raise _Damaged(
            f"was saved by a newer version of Dari{made_by}, in session format version "
            f"{version}; this Dari ({__version__}) reads versions up to {FORMAT_VERSION}. "
            "Update Dari to open it."
        )
    try:
        return _read(data)
    except _Damaged as exc:
        raise _Damaged(f"is damaged: {exc}") from None


def _read(data: dict[str, Any]) -> SessionState:
    """Version 2: version 1 and the current sentence."""
    if data["version"] == 1:
        return _read_v1(data)
    _exact(data, _TOP_KEYS, "the file")
    state = _read_v1({k: data[k] for k in _TOP_KEYS_V1})
    raw = data["current"]
    if raw is not None:
        where = "the current sentence"
        if not isinstance(raw, dict):
            raise _Damaged(f"{where} should be an object or null, not {_show(raw)}")
        _exact(raw, _CURRENT_KEYS, where)
        lang = _lang(_get(raw, "lang", str, where), where)
        state.current = CurrentSentence(lang, _index(raw, state.document, lang, where))
    state.version = data["version"]
    return state


def _read_v1(data: dict[str, Any]) -> SessionState:
    _exact(data, _TOP_KEYS_V1, "the file")
    app_version = _get(data, "app_version", str, "the file")
    saved = _time(data, "saved", "the file")
    raw_path = data["document_path"]
    if raw_path is not None and not (isinstance(raw_path, str) and raw_path):
        raise _Damaged(
            f"the file's “document_path” should be a path or null, not {_show(raw_path)}"
        )
    document_path = Path(raw_path) if raw_path else None

    raw_doc = _get(data, "document", dict, "the file")
    _exact(raw_doc, _DOCUMENT_KEYS, "the document")
    raw_title = _get(raw_doc, "title", dict, "the document")
    title: dict[Lang, str] = {}
    for key, value in raw_title.items():
        lang = _lang(key, "the document's title")
        if not isinstance(value, str):
            raise _Damaged(f"the {_LANGUAGE[lang]} title should be text, not {_show(value)}")
        title[lang] = value
    paragraphs = [
        _paragraph(raw, n)
        for n, raw in enumerate(_get(raw_doc, "paragraphs", list, "the document"), start=1)
    ]
    document = Document(
        paragraphs,
        title=title,
        source=_get(raw_doc, "source", str, "the document"),
        original_language=_lang(
            _get(raw_doc, "original_language", str, "the document"),
            "the document's original language",
        ),
        path=document_path,
    )

    notes: list[Note] = []
    for n, raw in enumerate(_get(data, "notes", list, "the file"), start=1):
        where = f"note {n}"
        if not isinstance(raw, dict):
            raise _Damaged(f"{where} should be an object, not {_show(raw)}")
        _exact(raw, _NOTE_KEYS, where)
        lang = _lang(_get(raw, "lang", str, where), where)
        index = _index(raw, document, lang, where)
        notes.append(
            Note(
                lang,
                index,
                _get(raw, "text", str, where),
                _time(raw, "created", where),
                _time(raw, "updated", where),
            )
        )
    try:
        note_set = Notes(notes)
    except NoteError as exc:
        raise _Damaged(str(exc)) from None

    where = "the reading position"
    raw_pos = _get(data, "position", dict, "the file")
    _exact(raw_pos, _POSITION_KEYS, where)
    lang = _lang(_get(raw_pos, "lang", str, where), where)
    anchor = _get(raw_pos, "anchor", (int, float), where)
    if not (math.isfinite(anchor) and 0.0 <= anchor <= 1.0):
        raise _Damaged(f"{where}: “anchor” should be between 0 and 1, not {anchor!r}")
    position = ReadingPosition(
        lang, _index(raw_pos, document, lang, where, allow_empty=True), float(anchor)
    )
    return SessionState(
        document, note_set, position, document_path, app_version, saved, version=data["version"]
    )


def _paragraph(raw: Any, p_no: int) -> Paragraph:
    where = f"paragraph {p_no}"
    if not isinstance(raw, dict):
        raise _Damaged(f"{where} should be an object, not {_show(raw)}")
    _exact(raw, ("units",), where)
    units = []
    for u_no, raw_unit in enumerate(_get(raw, "units", list, where), start=1):
        unit_where = f"{where}, unit {u_no}"
        if not isinstance(raw_unit, dict):
            raise _Damaged(f"{unit_where} should be an object, not {_show(raw_unit)}")
        sides: dict[Lang, list[Sentence]] = {}
        for key, raw_side in raw_unit.items():
            lang = _lang(key, unit_where)
            if not isinstance(raw_side, list):
                raise _Damaged(f"{unit_where}: “{key}” should be a list, not {_show(raw_side)}")
            sides[lang] = [
                _sentence(s, f"{unit_where}, {_LANGUAGE[lang]} sentence {n}")
                for n, s in enumerate(raw_side, start=1)
            ]
        units.append(Unit(sides))
    return Paragraph(units)


def _sentence(raw: Any, where: str) -> Sentence:
    if not isinstance(raw, dict):
        raise _Damaged(f"{where} should be an object, not {_show(raw)}")
    _exact(raw, _SENTENCE_KEYS, where)
    text = _get(raw, "text", str, where)
    raw_origin = _get(raw, "origin", str, where)
    try:
        origin = Origin(raw_origin)
    except ValueError:
        known = ", ".join(o.value for o in Origin)
        raise _Damaged(f"{where}: unknown origin “{raw_origin}” (known: {known})") from None
    model = raw["model"]
    if model is not None and not isinstance(model, str):
        raise _Damaged(f"{where}: “model” should be text or null, not {_show(model)}")
    return Sentence(text, Provenance(origin, model))


# -- checks ---------------------------------------------------------------------------
def _exact(obj: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in obj]
    if missing:
        raise _Damaged(f"{where} has no “{missing[0]}”")
    unknown = sorted(set(obj) - set(keys))
    if unknown:
        raise _Damaged(f"{where} has an unexpected field “{unknown[0]}”")


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise _Damaged(f"{where} has no “{key}”")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        wanted = _KIND_NAMES.get(kind, "something else")
        raise _Damaged(f"{where}: “{key}” should be {wanted}, not {_show(value)}")
    return value


_KIND_NAMES: dict[type | tuple[type, ...], str] = {
    str: "text", list: "a list", dict: "an object", int: "a whole number",
    (int, float): "a number",
}  # fmt: skip


def _lang(value: str, where: str) -> Lang:
    try:
        return Lang(value)
    except ValueError:
        raise _Damaged(f"{where}: unknown language “{value}” (known: en, ko)") from None


def _index(
    obj: dict[str, Any], document: Document, lang: Lang, where: str, *, allow_empty: bool = False
) -> int:
    index = _get(obj, "sentence_index", int, where)
    count = document.sentence_count(lang)
    if not 0 <= index < max(count, 1 if allow_empty else 0):
        raise _Damaged(
            f"{where} points at {_LANGUAGE[lang]} sentence {index + 1}, but the document has "
            f"{count} {_LANGUAGE[lang]} sentence{'s' if count != 1 else ''}"
        )
    return int(index)


def _time(obj: dict[str, Any], key: str, where: str) -> datetime:
    raw = _get(obj, key, str, where)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise _Damaged(f"{where}: “{key}” is not a date and time: “{raw}”") from None
    if value.tzinfo is None:
        raise _Damaged(f"{where}: “{key}” has no time zone: “{raw}”")
    return value


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text “{value[:40]}”"
    return "a list" if isinstance(value, list) else "an object"
