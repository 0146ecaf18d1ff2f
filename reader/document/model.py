"""The Qt-free document model: paragraphs of aligned sentence units in two languages.

A document is a title, an attribution and a list of paragraphs. Each paragraph is a list
of *units*; a unit holds the sentences in each language that translate one another. A
unit is usually 1:1, but a translation may merge two sentences (2:1) or split one (1:2).
Every sentence carries its provenance: written in that language (original), a reviewed
human translation, a machine translation (naming the model) or a user correction.

Sentences are addressed per language by a flat index in reading order; the model keeps
an index so that "which sentences in the other language answer to sentence i" is O(1).
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class Lang(enum.StrEnum):
    EN = "en"
    KO = "ko"

    @property
    def other(self) -> Lang:
        return Lang.KO if self is Lang.EN else Lang.EN


class Origin(enum.StrEnum):
    ORIGINAL = "original"
    REVIEWED = "reviewed"
    MACHINE = "machine"
    CORRECTED = "corrected"


# Immutable records are NamedTuples rather than frozen dataclasses: they are made before
# the first frame, and a NamedTuple class costs ~0.1 ms to create against ~1 ms.
class Provenance(NamedTuple):
    origin: Origin
    model: str | None = None  # for machine translations: e.g. "translate-en_ko 1.1"

    @classmethod
    def original(cls) -> Provenance:
        return cls(Origin.ORIGINAL)

    @classmethod
    def reviewed(cls) -> Provenance:
        return cls(Origin.REVIEWED)

    @classmethod
    def machine(cls, model: str) -> Provenance:
        return cls(Origin.MACHINE, model)

    @classmethod
    def corrected(cls) -> Provenance:
        return cls(Origin.CORRECTED)


class Sentence(NamedTuple):
    text: str
    provenance: Provenance = Provenance(Origin.ORIGINAL)


@dataclass
class Unit:
    """Sentences in each language that translate one another."""

    sides: dict[Lang, list[Sentence]] = field(default_factory=dict)

    def side(self, lang: Lang) -> list[Sentence]:
        return self.sides.get(lang, [])

    @property
    def shape(self) -> str:
        return f"{len(self.side(Lang.EN))}:{len(self.side(Lang.KO))}"


@dataclass
class Paragraph:
    units: list[Unit] = field(default_factory=list)


@dataclass(frozen=True)
class SentenceRef:  # a dataclass: a NamedTuple's index() would clash with `index`
    """Where a sentence sits: its unit, paragraph and position in the language's flat list."""

    lang: Lang
    index: int
    unit: int
    paragraph: int


class Document:
    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        *,
        title: dict[Lang, str] | None = None,
        source: str = "",
        original_language: Lang = Lang.EN,
        path: Path | None = None,
    ) -> None:
        self.paragraphs = list(paragraphs)
        self.title = dict(title or {})
        self.source = source
        self.original_language = original_language
        self.path = path
        self._index: dict[Lang, list[SentenceRef]] | None = None
        self._unit_starts: dict[Lang, list[int]] = {}
        self._origins: dict[Lang, Counter[Origin]] | None = None

    # -- building -------------------------------------------------------------
    @classmethod
    def monolingual(
        cls,
        paragraphs: Iterable[Sequence[str]],
        lang: Lang,
        *,
        title: str = "",
        source: str = "",
        path: Path | None = None,
    ) -> Document:
        """A document in one language: each sentence is its own unit, awaiting a translation."""
        paras = [
            Paragraph([Unit({lang: [Sentence(text)]}) for text in sentences])
            for sentences in paragraphs
        ]
        return cls(
            [p for p in paras if p.units],
            title={lang: title} if title else {},
            source=source,
            original_language=lang,
            path=path,
        )

    # -- structure ------------------------------------------------------------
    def units(self) -> Iterator[Unit]:
        for paragraph in self.paragraphs:
            yield from paragraph.units

    @property
    def unit_count(self) -> int:
        return sum(len(p.units) for p in self.paragraphs)

    def unit(self, unit_index: int) -> Unit:
        for paragraph in self.paragraphs:
            if unit_index < len(paragraph.units):
                return paragraph.units[unit_index]
            unit_index -= len(paragraph.units)
        raise IndexError(unit_index)

    def has_language(self, lang: Lang) -> bool:
        return self.sentence_count(lang) > 0

    def is_complete(self, lang: Lang) -> bool:
        """True when every unit has at least one sentence in `lang`."""
        return all(unit.side(lang) for unit in self.units())

    def languages(self) -> list[Lang]:
        return [lang for lang in Lang if self.has_language(lang)]

    def title_in(self, lang: Lang) -> str:
        return self.title.get(lang) or self.title.get(lang.other, "")

    # -- sentences ------------------------------------------------------------
    def sentences(self, lang: Lang) -> list[Sentence]:
        return [s for unit in self.units() for s in unit.side(lang)]

    def refs(self, lang: Lang) -> list[SentenceRef]:
        return self._ensure_index()[lang]

    def origins(self, lang: Lang) -> set[Origin]:
        """Where this language's sentences came from (kept up to date by the editing
        methods, so that asking costs nothing on a long document)."""
        if self._origins is None:
            counts: dict[Lang, Counter[Origin]] = {side: Counter() for side in Lang}
            for unit in self.units():
                for side, sentences in unit.sides.items():
                    counts[side].update(s.provenance.origin for s in sentences)
            self._origins = counts
        return {origin for origin, n in self._origins[lang].items() if n > 0}

    def sentence_count(self, lang: Lang) -> int:
        return len(self.refs(lang))

    def unit_sentences(self, unit_index: int, lang: Lang) -> range:
        """The flat indexes, in `lang`, of the sentences of unit `unit_index`."""
        self._ensure_index()
        starts = self._unit_starts[lang]
        return range(starts[unit_index], starts[unit_index + 1])

    def counterparts(self, lang: Lang, index: int) -> range:
        """The sentences in the other language that translate sentence `index` of `lang`."""
        unit = self.refs(lang)[index].unit
        return self.unit_sentences(unit, lang.other)

    def unit_of(self, lang: Lang, index: int) -> int:
        return self.refs(lang)[index].unit

    # -- editing --------------------------------------------------------------
    def set_side(self, unit_index: int, lang: Lang, sentences: Sequence[Sentence]) -> None:
        unit = self.unit(unit_index)
        self._count_origins(lang, unit.side(lang), sentences)
        unit.sides[lang] = list(sentences)
        self._index = None

    def set_sentence(self, lang: Lang, index: int, sentence: Sentence) -> None:
        ref = self.refs(lang)[index]
        side = self.unit(ref.unit).sides[lang]
        at = index - self.unit_sentences(ref.unit, lang).start
        self._count_origins(lang, [side[at]], [sentence])
        side[at] = sentence
        # the shape of the index is unchanged

    def _count_origins(self, lang: Lang, old: Iterable[Sentence], new: Iterable[Sentence]) -> None:
        if self._origins is not None:
            counts = self._origins[lang]
            counts.subtract(s.provenance.origin for s in old)
            counts.update(s.provenance.origin for s in new)

    def _ensure_index(self) -> dict[Lang, list[SentenceRef]]:
        if self._index is None:
            index: dict[Lang, list[SentenceRef]] = {lang: [] for lang in Lang}
            starts: dict[Lang, list[int]] = {lang: [0] for lang in Lang}
            unit_no = 0
            for p_no, paragraph in enumerate(self.paragraphs):
                for unit in paragraph.units:
                    for lang in Lang:
                        refs = index[lang]
                        for _ in unit.side(lang):
                            refs.append(SentenceRef(lang, len(refs), unit_no, p_no))
                        starts[lang].append(len(refs))
                    unit_no += 1
            self._index = index
            self._unit_starts = starts
        return self._index
