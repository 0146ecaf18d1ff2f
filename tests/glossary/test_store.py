"""Glossary files on disk: bundled TOML files, and the user's file saved atomically."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from reader.glossary import store
from reader.glossary.model import Entry, EntryOrigin, Glossary, UserData
from reader.glossary.store import UserGlossaryStore, UserStoreError, load_bundled_file

WHEN = datetime(2025, 1, 2, 3, 4, 5)


def user_data() -> UserData:
    mine = Entry(id="settlement-money", category="money", en="settlement money", ko="정착금",
                 en_variants=("settlement grant",), ko_definition="정착을 돕는 돈, \"지원금\".",
                 note="line one\nline two", loanword=False)  # fmt: skip
    override = Entry(id="defector", category="people", en="defector", ko="탈북민",
                     ko_variants=("북한이탈주민", "탈북자"),
                     origin=EntryOrigin.OVERRIDE)  # fmt: skip
    return UserData({mine.id: mine}, {override.id: override}, {"hanawon"})


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "glossary.json"


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "glossary.json")


# -- the user's file ------------------------------------------------------------------
def test_missing_file_is_an_empty_glossary(path):
    assert UserGlossaryStore(path).load() == (UserData(), [], None)


def test_save_and_load_round_trip(path):
    data = user_data()
    UserGlossaryStore(path).save(data)
    loaded = UserGlossaryStore(path).load()
    assert loaded.problems == [] and loaded.set_aside is None
    assert loaded.data == data
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == 1 and doc["tombstones"] == ["hanawon"]
    assert "정착금" in path.read_text(encoding="utf-8")  # readable, not \\u escapes
    assert leftovers(path.parent) == []  # no temporary file left behind


def test_save_writes_and_syncs_a_temporary_file_before_renaming_it(path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, store._replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    def replace(src, dst):
        assert Path(src).parent == Path(dst).parent  # same directory, so rename is atomic
        assert json.loads(Path(src).read_text(encoding="utf-8"))["format"] == 1
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(store, "_replace", replace)
    UserGlossaryStore(path).save(user_data())
    assert events[:2] == ["fsync", "replace"]


def test_a_crash_between_write_and_rename_leaves_the_previous_file_intact(path, monkeypatch):
    UserGlossaryStore(path).save(user_data())
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("simulated crash before the rename")

    monkeypatch.setattr(store, "_replace", crash)
    changed = user_data()
    changed.tombstones.add("dmz")
    with pytest.raises(OSError, match="simulated crash"):
        UserGlossaryStore(path).save(changed)
    assert path.read_bytes() == before
    assert UserGlossaryStore(path).load().data == user_data()
    assert leftovers(path.parent) == []


def test_a_corrupt_file_is_set_aside_with_a_timestamp_and_reported(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"format": 1, "entries": [')  # cut short
    loaded = UserGlossaryStore(path, clock=lambda: WHEN).load()
    assert loaded.data == UserData()
    assert loaded.set_aside == path.with_name("glossary.json.corrupt-20250102-030405")
    assert loaded.set_aside.read_bytes() == b'{"format": 1, "entries": ['
    assert not path.exists()
    assert "damaged" in loaded.problems[0] and loaded.set_aside.name in loaded.problems[0]
    # saving now starts a fresh file; the damaged one stays where it was put
    UserGlossaryStore(path).save(user_data())
    assert loaded.set_aside.exists()
    # a second damaged file in the same second gets its own name
    path.write_bytes(b"\xff\xfe not utf-8")
    again = UserGlossaryStore(path, clock=lambda: WHEN).load()
    assert again.set_aside == path.with_name("glossary.json.corrupt-20250102-030405-2")


@pytest.mark.parametrize(
    "content",
    ['{"format": 2, "entries": []}', "[1, 2, 3]", '{"format": 1, "entries": {}}'],
)
def test_a_file_of_another_shape_or_format_is_set_aside(path, content):
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    loaded = UserGlossaryStore(path, clock=lambda: WHEN).load()
    assert loaded.data == UserData() and loaded.set_aside is not None
    assert loaded.set_aside.read_text(encoding="utf-8") == content


def test_bad_entries_are_reported_the_good_ones_loaded_and_the_file_copied(path):
    path.parent.mkdir(parents=True)
    good = {"id": "good", "category": "idea", "en": "good", "ko": "좋음"}
    doc = {
        "format": 1,
        "entries": [good, {"id": "bad", "category": "idea", "en": "", "ko": "나쁨"}],
        "overrides": [{"id": "x", "category": "idea", "en": "x", "ko": "엑스", "colour": 1}],
        "tombstones": ["hanawon", 7],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = UserGlossaryStore(path, clock=lambda: WHEN).load()
    assert list(loaded.data.entries) == ["good"] and loaded.data.tombstones == {"hanawon"}
    assert loaded.data.overrides == {}
    assert len(loaded.problems) == 4  # three bad items, and where the copy is
    assert loaded.set_aside is not None
    assert json.loads(loaded.set_aside.read_text(encoding="utf-8")) == doc
    assert path.exists()  # the original stays until the next save


def test_a_file_that_cannot_be_read_is_never_saved_over(path):
    path.mkdir(parents=True)  # a directory where the file should be: reading fails
    s = UserGlossaryStore(path)
    loaded = s.load()
    assert loaded.data == UserData() and loaded.problems
    with pytest.raises(UserStoreError):
        s.save(user_data())
    assert path.is_dir()


# -- bundled files --------------------------------------------------------------------
BUNDLED_TOML = """\
format = 1
title = "Test glossary"
sources = ["made up"]

[[entry]]
id = "defector"
category = "people"
en = "defector"
en_variants = ["defectors"]
ko = "탈북민"
ko_variants = []
en_definition = "A person who has left North Korea."
ko_definition = "북한을 떠난 사람."

[[entry]]
id = "broken"
category = "people"
en = "broken"

[[entry]]
id = "defector"
category = "people"
en = "again"
ko = "또"

[[entry]]
id = "odd"
category = "unlisted"
en = "odd"
ko = "이상"
loanword = true
"""


def test_bundled_file_entries_problems_and_source(tmp_path):
    toml = tmp_path / "glossary.toml"
    toml.write_text(BUNDLED_TOML, encoding="utf-8")
    before = toml.read_bytes()
    loaded = load_bundled_file(toml, "test/glossary.toml")
    assert loaded.title == "Test glossary" and loaded.sources == ["made up"]
    assert [e.id for e in loaded.entries] == ["defector", "odd"]
    assert all(e.source == "bundled:test/glossary.toml" for e in loaded.entries)
    assert all(e.origin is EntryOrigin.BUNDLED for e in loaded.entries)
    assert [p.split(": ", 1)[1] for p in loaded.problems] == [
        "entry 2: missing ko",
        "entry 3: duplicate id 'defector'",
        "entry 4 (odd): unknown category 'unlisted'",
    ]
    # editing through the glossary never touches the bundled file
    g = Glossary(loaded.entries)
    g.put(Entry(id="defector", category="people", en="defector", ko="탈북자"))
    g.remove("odd")
    UserGlossaryStore(tmp_path / "user.json").save(g.user_data())
    assert toml.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [("format = 2", "unsupported format 2"), ("format = ", "not valid TOML")],
)
def test_bundled_file_that_cannot_be_used(tmp_path, content, problem):
    toml = tmp_path / "g.toml"
    toml.write_text(content, encoding="utf-8")
    loaded = load_bundled_file(toml)
    assert loaded.entries == [] and problem in loaded.problems[0]
    assert "cannot read" in load_bundled_file(tmp_path / "missing.toml").problems[0]
