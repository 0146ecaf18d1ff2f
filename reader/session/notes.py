"""A counsellor's notes on sentences: at most one note per sentence, Qt-free.

A note is attached to one sentence, addressed like everywhere else in Dari by its language
and its flat index in that language's reading order (see :mod:`reader.document.model`).
Timestamps are timezone-aware (UTC by default); the clock is injectable for tests.

Notes are keyed by index, so they follow their sentence as long as the document's shape
does not change: re-splitting a unit's sentences shifts the indexes after it, and the
notes do not follow (yet).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reader.document.model import Document, Lang

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class NoteError(ValueError):
    """A note cannot be added or changed as asked."""


@dataclass(frozen=True)
class Note:
    lang: Lang
    sentence_index: int
    text: str
    created: datetime
    updated: datetime

    @property
    def key(self) -> tuple[Lang, int]:
        return (self.lang, self.sentence_index)


class Notes:
    """The notes on one document's sentences."""

    def __init__(self, notes: Iterable[Note] = (), *, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._notes: dict[tuple[Lang, int], Note] = {}
        for note in notes:
            if note.key in self._notes:
                raise NoteError(_on(note.lang, note.sentence_index) + " already has a note")
            _check(note.lang, note.sentence_index, note.text)
            self._notes[note.key] = note

    def add(self, lang: Lang, sentence_index: int, text: str) -> Note:
        """A new note; raises NoteError if the sentence has one (use :meth:`edit`)."""
        lang = Lang(lang)
        if (lang, sentence_index) in self._notes:
            raise NoteError(_on(lang, sentence_index) + " already has a note")
        _check(lang, sentence_index, text)
        now = self._clock()
        note = Note(lang, sentence_index, text, now, now)
        self._notes[note.key] = note
        return note

    def edit(self, lang: Lang, sentence_index: int, text: str) -> Note:
        """Change a note's text (its `updated` time moves on); KeyError if there is none."""
        old = self._notes[(Lang(lang), sentence_index)]
        _check(old.lang, sentence_index, text)
        if text == old.text:
            return old
        note = replace(old, text=text, updated=self._clock())
        self._notes[note.key] = note
        return note

    def remove(self, lang: Lang, sentence_index: int) -> Note:
        """Delete and return a note; KeyError if there is none."""
        return self._notes.pop((Lang(lang), sentence_index))

    def for_sentence(self, lang: Lang, sentence_index: int) -> Note | None:
        return self._notes.get((Lang(lang), sentence_index))

    def all(self, document: Document | None = None) -> list[Note]:
        """Every note in document order. Within a language that is sentence order; across
        languages it needs the `document`: by unit, the original language's sentences
        first. Without it, English notes come before Korean ones."""
        if document is None:
            return sorted(self._notes.values(), key=_lang_order)
        first = document.original_language

        def order(note: Note) -> tuple[int, int, int]:
            refs = document.refs(note.lang)
            unit = refs[note.sentence_index].unit if note.sentence_index < len(refs) else 1 << 62
            return (unit, 0 if note.lang is first else 1, note.sentence_index)

        return sorted(self._notes.values(), key=order)

    def __iter__(self) -> Iterator[Note]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self._notes)

    def __bool__(self) -> bool:
        return bool(self._notes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Notes) and self._notes == other._notes

    __hash__ = None  # type: ignore[assignment]  # mutable


def _lang_order(note: Note) -> tuple[int, int]:
    return (list(Lang).index(note.lang), note.sentence_index)


def _on(lang: Lang, index: int) -> str:
    language = "English" if lang is Lang.EN else "Korean"
    return f"{language} sentence {index + 1}"


def _check(lang: Lang, index: int, text: str) -> None:
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise NoteError(f"invalid sentence index {index!r}")
    if not isinstance(text, str) or not text.strip():
        raise NoteError(f"the note on {_on(lang, index)} is empty; remove it instead")
