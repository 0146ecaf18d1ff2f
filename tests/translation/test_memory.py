"""TranslationMemory: SQLite file, corrections over machine output, recovery."""

from __future__ import annotations

import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from reader.document.model import Origin
from reader.translation.memory import (
    SCHEMA_VERSION,
    Entry,
    TranslationMemory,
    TranslationMemoryError,
    normalize,
)

MODEL = "translate-en_ko 1.1"
OTHER = "translate-en_ko 1.2"


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory(tmp_path / "memory.sqlite3") as tm:
        yield tm


def texts(found: Mapping[int, Entry]) -> dict[int, tuple[str, Origin]]:
    return {i: (e.text, e.origin) for i, e in found.items()}


def test_machine_translations_round_trip(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "안녕."), ("Bye.", "잘 가.")])
    found = memory.lookup_many(MODEL, "en", "ko", ["Bye.", "Unknown.", "Hello."])
    assert texts(found) == {0: ("잘 가.", Origin.MACHINE), 2: ("안녕.", Origin.MACHINE)}
    assert found[0].model == MODEL
    assert found[0].updated > 0


def test_machine_translations_belong_to_their_model_and_languages(
    memory: TranslationMemory,
) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "안녕.")])
    assert memory.lookup_many(OTHER, "en", "ko", ["Hello."]) == {}
    assert memory.lookup_many(MODEL, "ko", "en", ["Hello."]) == {}


def test_sentences_match_after_normalization(memory: TranslationMemory) -> None:
    composed = "한국어 문장."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    memory.put_machine_many(MODEL, "ko", "en", [(decomposed + "\n", "A Korean sentence.")])
    found = memory.lookup_many(MODEL, "ko", "en", [" 한국어\u00a0 문장. "])
    assert texts(found) == {0: ("A Korean sentence.", Origin.MACHINE)}
    assert normalize("  a \t b\n") == "a b"


def test_every_occurrence_of_a_sentence_is_found(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Yes.", "네.")])
    assert set(memory.lookup_many(MODEL, "en", "ko", ["Yes.", "No.", "Yes."])) == {0, 2}


def test_a_newer_machine_translation_replaces_the_older(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "old")])
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "new")])
    assert memory.lookup_many(MODEL, "en", "ko", ["Hello."])[0].text == "new"


def test_a_correction_wins_over_machine_output(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "기계.")])
    memory.put_correction("en", "ko", "Hello.", "안녕하세요.", model_key=MODEL)
    found = memory.lookup_many(MODEL, "en", "ko", ["Hello."])
    assert texts(found) == {0: ("안녕하세요.", Origin.CORRECTED)}
    assert found[0].model == MODEL


def test_a_correction_applies_with_any_model(memory: TranslationMemory) -> None:
    memory.put_correction("en", "ko", "Hello.", "안녕하세요.", model_key=MODEL)
    memory.put_machine_many(OTHER, "en", "ko", [("Hello.", "다른 기계.")])
    assert texts(memory.lookup_many(OTHER, "en", "ko", ["Hello."])) == {
        0: ("안녕하세요.", Origin.CORRECTED)
    }
    assert texts(memory.lookup_many("no-such-model", "en", "ko", ["  Hello. "])) == {
        0: ("안녕하세요.", Origin.CORRECTED)
    }
    assert memory.lookup_many(MODEL, "ko", "en", ["Hello."]) == {}  # other direction


def test_undo_of_a_correction(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("Hello.", "기계.")])
    assert memory.put_correction("en", "ko", "Hello.", "첫째.") is None
    previous = memory.put_correction("en", "ko", "Hello.", "둘째.")
    assert previous is not None and previous.text == "첫째."
    # undo the second correction: put the first one back
    memory.put_correction("en", "ko", "Hello.", previous.text)
    assert memory.correction("en", "ko", "Hello.").text == "첫째."  # type: ignore[union-attr]
    # undo the first: remove it, the machine translation shows again
    assert memory.remove_correction("en", "ko", "Hello.")
    assert not memory.remove_correction("en", "ko", "Hello.")
    assert texts(memory.lookup_many(MODEL, "en", "ko", ["Hello."])) == {
        0: ("기계.", Origin.MACHINE)
    }


def test_blank_sentences_are_never_stored_or_found(memory: TranslationMemory) -> None:
    memory.put_machine_many(MODEL, "en", "ko", [("  ", "x"), ("", "y")])
    assert memory.lookup_many(MODEL, "en", "ko", ["", "  "]) == {}
    with pytest.raises(ValueError):
        memory.put_correction("en", "ko", " ", "z")


def test_entries_persist_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "memory.sqlite3"
    with TranslationMemory(path) as tm:
        tm.put_machine_many(MODEL, "en", "ko", [("Hello.", "안녕.")])
        tm.put_correction("en", "ko", "Bye.", "잘 가.")
    with TranslationMemory(path) as tm:
        assert tm.set_aside is None
        assert texts(tm.lookup_many(MODEL, "en", "ko", ["Hello.", "Bye."])) == {
            0: ("안녕.", Origin.MACHINE),
            1: ("잘 가.", Origin.CORRECTED),
        }
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_batch_is_stored_whole_or_not_at_all(memory: TranslationMemory) -> None:
    rows = [("One.", "하나."), ("Two.", None), ("Three.", "셋.")]  # None breaks NOT NULL
    with pytest.raises(TranslationMemoryError):
        memory.put_machine_many(MODEL, "en", "ko", rows)  # type: ignore[arg-type]
    assert memory.lookup_many(MODEL, "en", "ko", ["One.", "Three."]) == {}
    memory.put_machine_many(MODEL, "en", "ko", [("One.", "하나.")])  # still usable
    assert set(memory.lookup_many(MODEL, "en", "ko", ["One."])) == {0}


def test_a_file_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite3"
    garbage = b"this is not an SQLite database" * 100
    path.write_bytes(garbage)
    with TranslationMemory(path) as tm:
        assert tm.set_aside is not None
        assert tm.set_aside.name.startswith("memory.sqlite3.corrupt-")
        assert tm.set_aside.read_bytes() == garbage
        tm.put_machine_many(MODEL, "en", "ko", [("Hello.", "안녕.")])
        assert set(tm.lookup_many(MODEL, "en", "ko", ["Hello."])) == {0}


def test_a_damaged_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite3"
    with TranslationMemory(path) as tm:
        pairs = [(f"Sentence {i}.", "문장 " * 50) for i in range(500)]
        tm.put_machine_many(MODEL, "en", "ko", pairs)
    db = sqlite3.connect(path)  # fold the WAL into the file, then damage some pages
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 16 * 4096
    data[4096 * 3 : 4096 * 12] = b"\xff" * (4096 * 9)
    path.write_bytes(bytes(data))
    with TranslationMemory(path) as tm:
        assert tm.set_aside is not None and tm.set_aside.exists()
        assert tm.lookup_many(MODEL, "en", "ko", ["Sentence 1."]) == {}  # a fresh memory


def test_a_memory_from_a_newer_dari_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "memory.sqlite3"
    TranslationMemory(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(TranslationMemoryError, match="newer version"):
        TranslationMemory(path)
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_usable_from_another_thread(memory: TranslationMemory) -> None:
    memory.put_correction("en", "ko", "Hello.", "안녕.")
    found: list[dict[int, Entry]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            memory.put_machine_many(MODEL, "en", "ko", [("Bye.", "잘 가.")])
            found.append(memory.lookup_many(MODEL, "en", "ko", ["Hello.", "Bye."]))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert texts(found[0]) == {0: ("안녕.", Origin.CORRECTED), 1: ("잘 가.", Origin.MACHINE)}


def test_many_sentences_in_one_lookup(memory: TranslationMemory) -> None:
    pairs = [(f"Sentence {i}.", f"문장 {i}.") for i in range(1500)]
    memory.put_machine_many(MODEL, "en", "ko", pairs)
    found = memory.lookup_many(MODEL, "en", "ko", [s for s, _ in pairs])
    assert len(found) == 1500 and found[1234].text == "문장 1234."
