"""Translate a document's sentences: the translation memory first, the engine for the rest.

Qt-free; a worker runs :func:`translate_document_sentences` and forwards what it yields.

- The memory is asked about every sentence at once. A sentence it knows (the user's
  correction, else this model's earlier output) is never sent to the engine; if the memory
  knows them all, the engine is not even loaded.
- The rest go to the engine in one stream, each distinct sentence once (a repeated sentence
  is translated once and yielded at each of its places).
- New translations are written to the memory every ``store_every`` results and when the
  generator ends, however it ends (finished, cancelled, closed or failed), so work already
  done is kept.
- Results come strictly in index order, every index exactly once unless cancelled. A known
  sentence is yielded as soon as every sentence before it has been; all those up to the first
  unknown one come out before the engine does any work. Blank sentences yield "".
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Protocol

from reader.document.model import Origin
from reader.translation.engine import ModelInfo
from reader.translation.memory import TranslationMemory, normalize

__all__ = ["SentenceEngine", "translate_document_sentences"]

STORE_EVERY = 16


class SentenceEngine(Protocol):
    """What the service needs of :class:`reader.translation.engine.TranslationEngine`."""

    @property
    def info(self) -> ModelInfo: ...

    def translate_stream(
        self, sentences: Sequence[str], *, cancelled: Callable[[], bool] = ...
    ) -> Iterator[tuple[int, str]]: ...


def _never() -> bool:
    return False


def translate_document_sentences(
    engine: SentenceEngine,
    memory: TranslationMemory,
    sentences: Sequence[str],
    src: str,
    tgt: str,
    cancelled: Callable[[], bool] = _never,
    *,
    store_every: int = STORE_EVERY,
) -> Generator[tuple[int, str, Origin], None, None]:
    """Yield ``(index, translation, Origin.MACHINE | Origin.CORRECTED)`` in index order."""
    model = engine.info.name
    known = memory.lookup_many(model, src, tgt, sentences)

    todo: list[str] = []  # distinct unknown sentences, in order of first appearance
    slot_of: dict[int, int] = {}  # sentence index -> position in todo
    slots: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        key = normalize(sentence)
        if index in known or not key:
            continue
        if key not in slots:
            slots[key] = len(todo)
            todo.append(sentence)
        slot_of[index] = slots[key]

    done: dict[int, str] = {}  # position in todo -> translation
    unsaved: list[tuple[str, str]] = []
    stream = engine.translate_stream(todo, cancelled=cancelled) if todo else iter(())
    try:
        for index in range(len(sentences)):
            slot = slot_of.get(index)
            while slot is not None and slot not in done:
                result = next(stream, None)
                if result is None:  # the engine stopped early: cancelled
                    return
                finished, text = result
                done[finished] = text
                unsaved.append((todo[finished], text))
                if len(unsaved) >= store_every:
                    memory.put_machine_many(model, src, tgt, unsaved)
                    unsaved.clear()
            if cancelled():
                return
            if index in known:
                entry = known[index]
                yield index, entry.text, entry.origin
            elif slot is None:  # blank
                yield index, "", Origin.MACHINE
            else:
                yield index, done[slot], Origin.MACHINE
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
        if unsaved:
            memory.put_machine_many(model, src, tgt, unsaved)
