"""Glossary matching speed on a synthetic glossary and documents.

Usage: python bench/glossary.py [--runs N] [--verbose]   (with Dari installed, e.g. -e .)

Builds (from a fixed seed) a 1,000-entry glossary -- English terms of 1-3 words and Korean
terms of 1-3 words, most with variants -- and a 100,000-word bilingual document: 50,000
English words and 50,000 Korean words in aligned sentences of 10-25 words, about one word
in twelve starting a glossary term (English sometimes capitalised, plural or possessive;
Korean followed by a particle). The rest is filler that shares letters and syllables with
the terms, so the matcher walks partway into its trie often.

Prints, as medians of N runs:
    match: N ms                 every sentence of the 100,000-word document, both languages
    re-mark: N ms               the sentences of one paragraph, both languages (what the UI
                                re-marks after an edit)
    re-mark 5000 words: N ms    every sentence of a 5,000-word document, both languages
Targets: match <= 100 ms, re-mark 5000 words <= 20 ms. --verbose adds the build time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from reader.document.model import Document, Lang, Paragraph, Sentence, Unit
from reader.glossary.match import Matcher, paragraph_sentences
from reader.glossary.model import Entry

ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "st", "tr", "pl", "ch", "sh", ""]  # fmt: skip
VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "y"]
CODAS = ["", "n", "r", "s", "t", "l", "ck", "nd", "ng", "x"]
KO_SYLLABLES = [chr(0xAC00 + i) for i in range(0, 11172, 7)][:900]
PARTICLES = ["", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로서",
             "들이", "들은", "과", "와", "도", "만", "까지", "에게", "이다", "였다"]  # fmt: skip
ENGLISH_FILLER = ["the", "a", "of", "and", "to", "in", "was", "that", "he", "she", "it",
                  "for", "on", "with", "as", "by", "from", "at", "his", "her", "they"]  # fmt: skip


def english_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
        for _ in range(rng.randint(1, 3))
    )


def korean_word(rng: random.Random) -> str:
    return "".join(rng.choice(KO_SYLLABLES) for _ in range(rng.randint(2, 4)))


def glossary(rng: random.Random, size: int = 1000) -> list[Entry]:
    entries = []
    for n in range(size):
        en = " ".join(english_word(rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3])))
        ko = " ".join(korean_word(rng) for _ in range(rng.choice([1, 1, 1, 1, 2, 3])))
        entries.append(Entry(
            id=f"term-{n}", category="general", en=en, ko=ko,
            en_variants=tuple(english_word(rng) for _ in range(rng.randint(0, 2))),
            ko_variants=tuple(korean_word(rng) for _ in range(rng.randint(0, 2))),
        ))  # fmt: skip
    return entries


def sentence(rng: random.Random, lang: Lang, entries: list[Entry], words: int) -> str:
    out: list[str] = []
    while len(out) < words:
        if rng.random() < 1 / 12:
            term = rng.choice(entries[rng.randrange(len(entries))].terms(lang))
            if lang is Lang.EN:
                term = rng.choice([term, term, term.capitalize(), term + "s", term + "’s"])
            else:
                term += rng.choice(PARTICLES)
            out += term.split()
        elif lang is Lang.EN:
            out.append(rng.choice(ENGLISH_FILLER) if rng.random() < 0.5 else english_word(rng))
        else:
            out.append(korean_word(rng) + rng.choice(PARTICLES))
    text = " ".join(out[:words])
    return text[0].upper() + text[1:] + "." if lang is Lang.EN else text + "."


def document(rng: random.Random, entries: list[Entry], words_per_side: int) -> Document:
    paragraphs: list[Paragraph] = []
    counts = {Lang.EN: 0, Lang.KO: 0}
    while counts[Lang.EN] < words_per_side:
        units = []
        for _ in range(rng.randint(3, 6)):
            n = rng.randint(10, 25)
            sides = {lang: [Sentence(sentence(rng, lang, entries, n))] for lang in Lang}
            for lang in Lang:
                counts[lang] += n
            units.append(Unit(sides))
        paragraphs.append(Paragraph(units))
    return Document(paragraphs)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    rng = random.Random(20240601)
    entries = glossary(rng)
    big = document(rng, entries, 50_000)
    small = document(rng, entries, 2_500)
    start = time.perf_counter()
    matcher = Matcher(entries)
    build_ms = (time.perf_counter() - start) * 1000

    def all_of(doc: Document) -> Callable[[], object]:
        return lambda: [matcher.find_in_document(doc, lang) for lang in Lang]

    middle = len(big.paragraphs) // 2

    def one_paragraph() -> object:
        return [
            matcher.find_in_document(big, lang, paragraph_sentences(big, middle, lang))
            for lang in Lang
        ]

    if args.verbose:
        found = sum(len(v) for lang in Lang for v in matcher.find_in_document(big, lang).values())
        print(
            f"build: {build_ms:.0f} ms for {len(entries)} entries; {found} matches in "
            f"{sum(big.sentence_count(lang) for lang in Lang)} sentences"
        )
    print(f"match: {median_ms(all_of(big), args.runs):.1f} ms")
    print(f"re-mark: {median_ms(one_paragraph, args.runs * 5):.1f} ms")
    print(f"re-mark 5000 words: {median_ms(all_of(small), args.runs * 3):.1f} ms")


if __name__ == "__main__":
    main()
