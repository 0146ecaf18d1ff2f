"""Session files: a full round trip, atomic saving, and what a damaged file tells the user.
Also the notes collection they carry."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reader import __version__, paths
from reader.document.article import load_article
from reader.document.model import Document, Lang, Paragraph, Provenance, Sentence, Unit
from reader.session import session as session_module
from reader.session.notes import NoteError, Notes
from reader.session.session import (
    CurrentSentence,
    ReadingPosition,
    SessionError,
    load_session,
    save_session,
)

T0 = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
MACHINE = Provenance.machine("translate-en_ko 1.1")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def mixed_document(path: Path | None = None) -> Document:
    """Every provenance, 1:1, 1:2, 2:1 units and a unit with one language only."""
    en, ko = Lang.EN, Lang.KO
    return Document(
        [
            Paragraph(
                [
                    Unit({en: [Sentence("Welcome to Hanawon.")],
                          ko: [Sentence("하나원에 오신 것을 환영합니다.", Provenance.reviewed())]}),
                    Unit({en: [Sentence("You will stay about three months.")],
                          ko: [Sentence("약 석 달 머물게 됩니다.", MACHINE),
                               Sentence("상담도 받습니다.", Provenance.corrected())]}),
                ]
            ),
            Paragraph(
                [
                    Unit({en: [Sentence("Bring your documents."), Sentence("Ask for help.")],
                          ko: [Sentence("서류를 가져오고 도움을 청하세요.", MACHINE)]}),
                    Unit({en: [Sentence("Not yet translated: “quotes” and \\ slashes.")]}),
                ]
            ),
        ],
        title={en: "First days", ko: "첫날들"},
        source="Written for Dari's tests",
        original_language=en,
        path=path,
    )  # fmt: skip


def sample_notes(clock: Clock) -> Notes:
    notes = Notes(clock=clock)
    notes.add(Lang.KO, 2, "Explain 상담 — counselling.")
    notes.add(Lang.EN, 0, "Client arrived last week.")
    notes.edit(Lang.EN, 0, "Client arrived last week; ask about housing.")
    return notes


def assert_same_document(loaded: Document, original: Document) -> None:
    for lang in Lang:  # every sentence, its provenance and model, in reading order
        assert [(s.text, s.provenance) for s in loaded.sentences(lang)] == [
            (s.text, s.provenance) for s in original.sentences(lang)
        ]
    assert loaded.paragraphs == original.paragraphs  # units and their shapes too
    assert loaded.title == original.title
    assert loaded.source == original.source
    assert loaded.original_language is original.original_language
    assert loaded.path == original.path


# -- round trip ------------------------------------------------------------------------
def test_round_trip_restores_the_whole_state(tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    document = mixed_document(source)
    notes = sample_notes(Clock())
    position = ReadingPosition(Lang.KO, 3, 0.375)
    target = tmp_path / "client.dari"

    save_session(target, document, notes, position, saved=T0)
    state = load_session(target)

    assert_same_document(state.document, document)
    assert state.document.sentences(Lang.KO)[1].provenance.model == "translate-en_ko 1.1"
    assert state.notes == notes
    assert [(n.lang, n.sentence_index, n.text, n.created, n.updated) for n in state.notes] == [
        (n.lang, n.sentence_index, n.text, n.created, n.updated) for n in notes
    ]
    assert state.position == position
    assert state.document_path == source
    assert state.app_version == __version__
    assert state.saved == T0
    assert state.version == 2
    assert state.current is None


def test_the_current_sentence_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "client.dari"
    current = CurrentSentence(Lang.EN, 2)
    save_session(target, mixed_document(), Notes(), ReadingPosition(Lang.EN, 1, 0.5),
                 current=current)
    assert json.loads(target.read_text())["current"] == {"lang": "en", "sentence_index": 2}
    assert load_session(target).current == current


def test_a_version_1_file_still_opens(tmp_path: Path) -> None:
    """Version 1 had no "current"; such a file opens with no current sentence."""
    data = saved_data(tmp_path)
    data["version"] = 1
    del data["current"]
    (tmp_path / "old.dari").write_text(json.dumps(data))
    state = load_session(tmp_path / "old.dari")
    assert (state.version, state.current) == (1, None)
    assert state.position == ReadingPosition(Lang.EN, 2, 0.25)
    data["current"] = None  # but not with version 2's field
    message = load_bytes(tmp_path, json.dumps(data).encode())
    assert message.endswith("is damaged: the file has an unexpected field “current”")


def test_round_trip_of_the_bundled_article(tmp_path: Path) -> None:
    article = load_article(paths.bundled_article())
    save_session(tmp_path / "a.dari", article, Notes(), ReadingPosition(Lang.EN, 0, 0.0))
    state = load_session(tmp_path / "a.dari")
    assert_same_document(state.document, article)
    assert len(state.notes) == 0


def test_the_file_is_versioned_readable_json(tmp_path: Path) -> None:
    save_session(tmp_path / "s.dari", mixed_document(), Notes(), ReadingPosition())
    raw = (tmp_path / "s.dari").read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "dari-session" and data["version"] == 2
    assert "하나원에 오신 것을 환영합니다." in raw.decode("utf-8")  # not \\u-escaped
    assert data["document_path"] is None
    sentence = data["document"]["paragraphs"][0]["units"][1]["ko"][0]
    assert sentence == {"text": "약 석 달 머물게 됩니다.", "origin": "machine",
                        "model": "translate-en_ko 1.1"}  # fmt: skip
    assert set(data["document"]["paragraphs"][1]["units"][1]) == {"en"}


def test_notes_come_out_in_document_order(tmp_path: Path) -> None:
    document = mixed_document()
    notes = Notes(clock=Clock())
    notes.add(Lang.EN, 4, "last unit")
    notes.add(Lang.KO, 0, "first unit, Korean")
    notes.add(Lang.EN, 0, "first unit, English")
    save_session(tmp_path / "s.dari", document, notes, ReadingPosition())
    data = json.loads((tmp_path / "s.dari").read_text("utf-8"))
    assert [n["text"] for n in data["notes"]] == [
        "first unit, English", "first unit, Korean", "last unit",
    ]  # fmt: skip


# -- atomic save -------------------------------------------------------------------------
def test_a_crash_between_write_and_rename_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "client.dari"
    save_session(target, mixed_document(), Notes(), ReadingPosition(Lang.EN, 1, 0.5))
    before = target.read_bytes()

    def crash(src: str, dst: Path) -> None:
        assert Path(src).parent == tmp_path and Path(src).read_bytes()  # written in full
        raise OSError("simulated crash before the rename")

    monkeypatch.setattr(session_module, "_replace", crash)
    changed = mixed_document()
    changed.set_sentence(Lang.EN, 0, Sentence("Something else entirely."))
    with pytest.raises(OSError, match="simulated crash"):
        save_session(target, changed, sample_notes(Clock()), ReadingPosition(Lang.KO, 0, 0.0))

    assert target.read_bytes() == before
    assert load_session(target).position == ReadingPosition(Lang.EN, 1, 0.5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.dari"]  # no temp left


def test_an_unsaveable_state_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    target = tmp_path / "client.dari"
    save_session(target, mixed_document(), Notes(), ReadingPosition())
    before = target.read_bytes()
    with pytest.raises(ValueError, match="reading position points at Korean sentence 10"):
        save_session(target, mixed_document(), Notes(), ReadingPosition(Lang.KO, 9, 0.0))
    assert target.read_bytes() == before


# -- damaged files -------------------------------------------------------------------------
def saved_data(tmp_path: Path) -> dict[str, Any]:
    save_session(tmp_path / "good.dari", mixed_document(), sample_notes(Clock()),
                 ReadingPosition(Lang.EN, 2, 0.25))  # fmt: skip
    data: dict[str, Any] = json.loads((tmp_path / "good.dari").read_text("utf-8"))
    return data


def load_bytes(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "client.dari"
    path.write_bytes(raw)
    with pytest.raises(SessionError) as info:
        load_session(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "“client.dari” is empty"),
        (b"\x00\x00\x00\x00", "“client.dari” is empty"),
        (b"\x89PNG\r\n\x1a\n\xff\xfe", "“client.dari” is not a Dari session file (it is not text)"),
        (b"Dear diary, today", "“client.dari” is not a Dari session file, or it is damaged: it "
                               "is not valid JSON (Expecting value at line 1, column 1)"),
        (b"[1, 2, 3]", "“client.dari” is not a Dari session file."),
        (b'{"format": "dari-glossary", "version": 1}', "“client.dari” is not a Dari session"),
    ],
)  # fmt: skip
def test_garbage_is_not_a_session(tmp_path: Path, raw: bytes, expected: str) -> None:
    assert load_bytes(tmp_path, raw).startswith(expected)


def test_a_file_cut_anywhere_is_reported_as_incomplete(tmp_path: Path) -> None:
    saved_data(tmp_path)
    raw = (tmp_path / "good.dari").read_bytes()
    assert "하".encode() in raw  # some cuts fall inside a Korean character
    for end in range(1, len(raw.rstrip())):  # up to all but the closing brace
        message = load_bytes(tmp_path, raw[:end])
        assert message.startswith("“client.dari” is incomplete: it stops part-way through"), (
            end,
            raw[max(0, end - 20) : end],
            message,
        )


def test_a_truncated_file_padded_with_zeros_is_incomplete(tmp_path: Path) -> None:
    raw = json.dumps(saved_data(tmp_path)).encode("utf-8")
    message = load_bytes(tmp_path, raw[:200] + b"\x00" * 4096)
    assert "is incomplete" in message


def test_a_newer_version_says_so(tmp_path: Path) -> None:
    data = saved_data(tmp_path)
    data["version"] = 3
    data["app_version"] = "3.0.0"
    message = load_bytes(tmp_path, json.dumps(data).encode())
    assert message == (
        "“client.dari” was saved by a newer version of Dari (Dari 3.0.0), in session format "
        f"version 3; this Dari ({__version__}) reads versions up to 2. Update Dari to open it."
    )


def _drop(*keys: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return edit


def _put(value: Any, *keys: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return edit


S1 = ("document", "paragraphs", 0, "units", 1, "ko", 0)  # Korean sentence of unit 2


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_put("1", "version"), "is damaged: its format version the text “1” is not valid."),
        (_put(0, "version"), "is damaged: its format version the number 0 is not valid."),
        (_drop("version"), "is damaged: its format version null is not valid."),
        (_drop("position"), "is damaged: the file has no “position”"),
        (_drop("document", "paragraphs"), "is damaged: the document has no “paragraphs”"),
        (_drop(*S1, "origin"),
         "is damaged: paragraph 1, unit 2, Korean sentence 1 has no “origin”"),
        (_put(5, *S1, "text"),
         "is damaged: paragraph 1, unit 2, Korean sentence 1: “text” should be text, "
         "not the number 5"),
        (_put("guessed", *S1, "origin"),
         "is damaged: paragraph 1, unit 2, Korean sentence 1: unknown origin “guessed” "
         "(known: original, reviewed, machine, corrected)"),
        (_put(["m"], *S1, "model"),
         "is damaged: paragraph 1, unit 2, Korean sentence 1: “model” should be text or "
         "null, not a list"),
        (_put("x", *S1, "colour"),
         "is damaged: paragraph 1, unit 2, Korean sentence 1 has an unexpected field “colour”"),
        (_put([], "document", "paragraphs", 1, "units", 0, "fr"),
         "is damaged: paragraph 2, unit 1: unknown language “fr” (known: en, ko)"),
        (_put({}, "document", "paragraphs"),
         "is damaged: the document: “paragraphs” should be a list, not an object"),
        (_put(99, "notes", 0, "sentence_index"),
         "is damaged: note 1 points at English sentence 100, but the document has "
         "5 English sentences"),
        (_put("2025-03-04 09:31", "notes", 0, "created"),
         "is damaged: note 1: “created” has no time zone: “2025-03-04 09:31”"),
        (_put("yesterday", "notes", 1, "updated"),
         "is damaged: note 2: “updated” is not a date and time: “yesterday”"),
        (_put(1.5, "position", "anchor"),
         "is damaged: the reading position: “anchor” should be between 0 and 1, not 1.5"),
        (_put(True, "position", "anchor"),
         "is damaged: the reading position: “anchor” should be a number, not true"),
        (_put(-1, "position", "sentence_index"),
         "is damaged: the reading position points at English sentence 0"),
        (_put(None, "app_version"),
         "is damaged: the file: “app_version” should be text, not null"),
    ],
)  # fmt: skip
def test_a_damaged_field_is_named(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = saved_data(tmp_path)
    edit(data)
    message = load_bytes(tmp_path, json.dumps(data).encode())
    assert message.startswith("“client.dari” " + expected), message


def test_two_notes_on_one_sentence_are_damage(tmp_path: Path) -> None:
    data = saved_data(tmp_path)
    data["notes"].append(dict(data["notes"][0], text="again"))
    message = load_bytes(tmp_path, json.dumps(data).encode())
    assert message == "“client.dari” is damaged: English sentence 1 already has a note"


def test_a_missing_file_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="Cannot open “gone.dari”: No such file"):
        load_session(tmp_path / "gone.dari")


# -- notes ---------------------------------------------------------------------------------
def test_notes_add_edit_remove() -> None:
    clock = Clock()
    notes = Notes(clock=clock)
    added = notes.add(Lang.KO, 3, "첫 메모")
    assert added.created == added.updated == T0 + timedelta(minutes=1)
    assert notes.for_sentence(Lang.KO, 3) == added
    assert notes.for_sentence(Lang.EN, 3) is None
    with pytest.raises(NoteError, match="Korean sentence 4 already has a note"):
        notes.add(Lang.KO, 3, "second")

    edited = notes.edit(Lang.KO, 3, "고친 메모")
    assert (edited.text, edited.created) == ("고친 메모", added.created)
    assert edited.updated > edited.created
    assert notes.edit(Lang.KO, 3, "고친 메모") == edited  # unchanged text: same time

    with pytest.raises(NoteError, match="empty"):
        notes.edit(Lang.KO, 3, "   ")
    assert notes.remove(Lang.KO, 3) == edited
    assert len(notes) == 0 and not notes
    with pytest.raises(KeyError):
        notes.remove(Lang.KO, 3)


def test_notes_order_without_and_with_the_document() -> None:
    notes = Notes(clock=Clock())
    notes.add(Lang.KO, 0, "ko 0")
    notes.add(Lang.EN, 3, "en 3")  # unit 3 (2:1 unit's second English sentence)
    notes.add(Lang.EN, 1, "en 1")
    notes.add(Lang.KO, 2, "ko 2")  # unit 1 (the 1:2 unit's second Korean sentence)
    assert [n.text for n in notes.all()] == ["en 1", "en 3", "ko 0", "ko 2"]
    assert [n.text for n in notes.all(mixed_document())] == ["ko 0", "en 1", "ko 2", "en 3"]
