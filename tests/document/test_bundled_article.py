"""The bundled article: English exactly as published, a complete aligned Korean side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.document.article import load_article, paragraph_text
from reader.document.model import Lang, Origin

ARTICLE_DIR = Path(__file__).resolve().parents[2] / "content" / "second-thoughts"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def source_paragraphs() -> tuple[str, list[str]]:
    text = (ARTICLE_DIR / "source.en.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", body) if p.strip()]
    return title, [p.strip("\n") for p in paragraphs]


@pytest.fixture(scope="module")
def doc():
    return load_article(ARTICLE_DIR / "article.toml")


@pytest.fixture(scope="module")
def korean(doc) -> str:
    return "\n".join(paragraph_text(p, Lang.KO) for p in doc.paragraphs) + "\n" + doc.title[Lang.KO]


def all_units(doc):
    return [unit for paragraph in doc.paragraphs for unit in paragraph.units]


def test_metadata(doc):
    title, _ = source_paragraphs()
    assert doc.original_language is Lang.EN
    assert doc.title[Lang.EN] == title
    assert HANGUL.search(doc.title[Lang.KO])
    assert "supplied" in doc.source.lower()
    ko = all_units(doc)[0].side(Lang.KO)[0]
    assert ko.provenance.origin is Origin.REVIEWED
    assert all_units(doc)[0].side(Lang.EN)[0].provenance.origin is Origin.ORIGINAL


def test_english_is_exactly_as_published(doc):
    _, expected = source_paragraphs()
    actual = [paragraph_text(p, Lang.EN) for p in doc.paragraphs]
    assert len(actual) == len(expected)
    for n, (got, want) in enumerate(zip(actual, expected, strict=True), start=1):
        assert got == want, f"paragraph {n} differs from source.en.txt"


def test_every_unit_has_both_sides(doc):
    for unit in all_units(doc):
        assert unit.side(Lang.EN), unit
        assert unit.side(Lang.KO), unit
        for sentence in unit.side(Lang.EN) + unit.side(Lang.KO):
            assert sentence.text == sentence.text.strip()


def test_every_korean_sentence_is_korean(doc):
    for unit in all_units(doc):
        for sentence in unit.side(Lang.KO):
            assert HANGUL.search(sentence.text), sentence.text


def test_korean_is_not_a_copy_of_the_english(doc):
    for unit in all_units(doc):
        english = {s.text for s in unit.side(Lang.EN)}
        for sentence in unit.side(Lang.KO):
            assert sentence.text not in english, sentence.text


@pytest.mark.parametrize(
    "number",
    [
        "20%",
        "6배",
        "47%",
        "1,582명",
        "2,000만 원",
        "1만 2,260파운드",
        "32만 원",
        "5년",
        "3만 3,800명",
        "30명",
        "3만 명",
        "29세",
        "2.5마일",
        "2020년 11월",
        "2009년",
        "13살",
    ],
)
def test_numbers_carried_over(korean, number):
    assert number in korean


@pytest.mark.parametrize(
    "term",
    [
        "탈북민",
        "하나원",
        "비무장지대",
        "통일부",
        "Liberty in North Korea",
        "북한인권정보센터",
        "김우주",
        "주일용",
        "박석길",
        "고려대학교",
        "서울",
        "재입북",
        "합동신문",
    ],
)
def test_terms_present(korean, term):
    assert term in korean
