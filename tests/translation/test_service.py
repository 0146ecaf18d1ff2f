"""translate_document_sentences: memory first, the real engine for the rest."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from reader.document.model import Origin
from reader.translation.engine import ModelInfo, TranslationEngine
from reader.translation.memory import TranslationMemory
from reader.translation.service import translate_document_sentences
from tests.helpers.argos_package import build_package_dir, expected_translation

ARTICLE = [
    "hello world.",
    "the reader and the river!",
    "",
    "news today: the city is good.",
    "hello world.",  # a repeat
    "the school and the friend.",
]
KOREAN = [
    "안녕하세요 세계.",
    "그 독자 그리고 그 강!",
    "",
    "뉴스 오늘: 그 도시 이다 좋은.",
    "안녕하세요 세계.",
    "그 학교 그리고 그 친구.",
]


class Spy:
    """The real engine, counting what is sent to it."""

    def __init__(self, engine: TranslationEngine) -> None:
        self.engine = engine
        self.calls: list[list[str]] = []

    @property
    def info(self) -> ModelInfo:
        return self.engine.info

    def translate_stream(
        self, sentences: Sequence[str], *, cancelled: Callable[[], bool] = lambda: False
    ) -> Iterator[tuple[int, str]]:
        self.calls.append(list(sentences))
        return self.engine.translate_stream(sentences, cancelled=cancelled)

    @property
    def sent(self) -> list[str]:
        return [s for call in self.calls for s in call]


@pytest.fixture
def memory(tmp_path: Path) -> Iterator[TranslationMemory]:
    with TranslationMemory(tmp_path / "tm.sqlite3") as tm:
        yield tm


def run(spy: Spy, memory: TranslationMemory, sentences: Sequence[str] = ARTICLE, **kw: object):
    return list(translate_document_sentences(spy, memory, sentences, "en", "ko", **kw))  # type: ignore[arg-type]


def test_first_run_translates_and_the_second_needs_no_engine(
    en_ko_package: Path, memory: TranslationMemory
) -> None:
    first = Spy(TranslationEngine(en_ko_package))
    results = run(first, memory)
    assert results == [(i, text, Origin.MACHINE) for i, text in enumerate(KOREAN)]
    # the blank sentence and the repeat are not sent
    assert first.sent == ["hello world.", "the reader and the river!",
                          "news today: the city is good.", "the school and the friend."]

    second = Spy(TranslationEngine(en_ko_package))
    assert run(second, memory) == results
    assert second.calls == []
    assert not second.engine.loaded  # not even loaded


def test_only_unknown_sentences_go_to_the_engine(
    en_ko_package: Path, memory: TranslationMemory
) -> None:
    model = ModelInfo.from_package_dir(en_ko_package).name
    memory.put_machine_many(model, "en", "ko", [("the reader and the river!", "기억된 번역.")])
    spy = Spy(TranslationEngine(en_ko_package))
    results = run(spy, memory)
    assert [i for i, _, _ in results] == list(range(len(ARTICLE)))
    assert results[1] == (1, "기억된 번역.", Origin.MACHINE)
    assert results[5] == (5, "그 학교 그리고 그 친구.", Origin.MACHINE)
    assert "the reader and the river!" not in spy.sent
    assert len(spy.sent) == 3


def test_a_correction_wins_on_the_next_run(en_ko_package: Path, memory: TranslationMemory) -> None:
    run(Spy(TranslationEngine(en_ko_package)), memory)
    memory.put_correction("en", "ko", "hello world.", "안녕, 세상아.")
    spy = Spy(TranslationEngine(en_ko_package))
    results = run(spy, memory)
    assert results[0] == (0, "안녕, 세상아.", Origin.CORRECTED)
    assert results[4] == (4, "안녕, 세상아.", Origin.CORRECTED)
    assert results[1] == (1, "그 독자 그리고 그 강!", Origin.MACHINE)
    assert spy.calls == []


def test_a_correction_applies_to_another_model(
    tmp_path: Path, en_ko_package: Path, memory: TranslationMemory
) -> None:
    memory.put_correction("en", "ko", "hello world.", "안녕, 세상아.")
    newer = build_package_dir(tmp_path, package_version="1.1")
    spy = Spy(TranslationEngine(newer))
    results = run(spy, memory)
    assert results[0] == (0, "안녕, 세상아.", Origin.CORRECTED)
    assert results[3] == (3, "뉴스 오늘: 그 도시 이다 좋은.", Origin.MACHINE)
    assert "hello world." not in spy.sent
    # the older model's machine output is not reused by the newer model, and vice versa
    again = Spy(TranslationEngine(en_ko_package))
    run(again, memory)
    assert len(again.sent) == 3


def test_results_are_stored_in_batches_and_kept_when_cancelled(
    en_ko_package: Path, memory: TranslationMemory
) -> None:
    sentences = [f"hello world {i}." for i in range(40)]
    seen: list[int] = []
    stream = translate_document_sentences(
        Spy(TranslationEngine(en_ko_package)), memory, sentences, "en", "ko",
        lambda: len(seen) >= 5, store_every=2,
    )
    for index, _text, _origin in stream:
        seen.append(index)
    assert seen == [0, 1, 2, 3, 4]
    model = ModelInfo.from_package_dir(en_ko_package).name
    stored = memory.lookup_many(model, "en", "ko", sentences)
    assert set(range(5)) <= set(stored) < set(range(40))  # what was done is kept, no more
    assert stored[3].text == expected_translation(sentences[3])

    # the next run sends only what is missing
    spy = Spy(TranslationEngine(en_ko_package))
    results = run(spy, memory, sentences)
    assert [text for _, text, _ in results] == [expected_translation(s) for s in sentences]
    assert len(spy.sent) == 40 - len(stored)


def test_closing_the_generator_early_still_stores_what_was_translated(
    en_ko_package: Path, memory: TranslationMemory
) -> None:
    sentences = [f"good night {i}." for i in range(10)]
    stream = translate_document_sentences(
        Spy(TranslationEngine(en_ko_package)), memory, sentences, "en", "ko"
    )
    assert next(stream) == (0, "좋은 밤 0.", Origin.MACHINE)
    stream.close()
    model = ModelInfo.from_package_dir(en_ko_package).name
    assert 0 in memory.lookup_many(model, "en", "ko", sentences)
