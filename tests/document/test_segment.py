"""Paragraph and sentence splitting: exact splits for each rule, and lossless properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document.article import load_article, paragraph_text
from reader.document.model import Lang
from reader.document.segment import segment, sentence_spans, sentences, split_paragraphs

EN, KO = Lang.EN, Lang.KO
# The article the app ships, as published (also /work/shared/000_cd7c0fcae5ace2d4.txt).
ARTICLE = Path(__file__).resolve().parents[2] / "content" / "second-thoughts" / "source.en.txt"


# -- paragraphs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.\r\rThree.", ["One.", "Two.", "Three."]),
        ("  One.  \n \t \n\n\n  Two.\n", ["One.", "Two."]),
        ("Line one\nline two\n\nNext", ["Line one\nline two", "Next"]),
        ("# Title\nBody text.\n## Part\nMore.", ["# Title", "Body text.", "## Part", "More."]),
        ("#hashtag, no heading\nsame paragraph", ["#hashtag, no heading\nsame paragraph"]),
        ("First\u2029Second", ["First", "Second"]),
        ("", []),
        (" \n\n \r\n ", []),
        ("제목\n\n첫 문단이다.\n\n둘째 문단이다.", ["제목", "첫 문단이다.", "둘째 문단이다."]),
    ],
)
def test_split_paragraphs(text, expected):
    assert split_paragraphs(text) == expected


# -- English ------------------------------------------------------------------------------
# Each case is a text with "|" at every expected boundary: segment() must give exactly
# those pieces, whitespace included.

ENGLISH = [
    # plain terminals, ?! combinations
    "It rained. |We stayed in.",
    "Really?! |Yes! |Why? |Because.",
    "“Really?!” |Then he left. |(Why?) |No idea!",
    "No final stop",
    # titles and Latin abbreviations never end a sentence
    "Mr. Smith met Dr. Jones, Mrs. Lee, Ms. Kim and Prof. Park. |They talked.",
    "We prayed at St. Mary's. |It was cold.",
    "Fruit, e.g. Apples, i.e. Red ones. |Fine.",
    "Kim vs. Park was close. |Kim won.",
    "Mr. and Mrs. Kim came. |Gen. Lee and Sgt. Choi left.",
    # initials and names
    "J. R. R. Tolkien wrote it. |It sold.",
    "George W. Bush spoke. |Kim Jong-un. |He rules.",
    "They had Plan B. |The plan failed.",
    # dotted acronyms end a sentence only before a usual sentence starter
    "He lives in the U.S. |The weather is fine.",
    "The U.S. Army came. |U.K. Officials left.",
    "The U.N. Security Council met. |It voted.",
    "We met at 5 p.m. |Then we ate.",
    "We met at 5 p.m. Monday at 9 a.m. sharp.",
    "Pears, etc. |The end.",
    "Pears, etc. are fruit.",
    "King Jr. was there. |King Jr. |He spoke.",
    "Apple Inc. Chief Tim Cook spoke.",
    # abbreviations before numbers
    "See No. 5 and pp. 12-14. |No. |That is wrong.",
    "It began on Jan. 5, 2020. |In Feb. |The snow fell.",
    "Born in 1990. |2020 was hard.",
    # decimals and money
    "Walk 2.5 miles. |Pay £12,260 now.",
    "It cost $3.5bn, or 20m won. |Pi is 3.14. |Next.",
    "Version 1.2.3 shipped. |The U.S.-led team won.",
    # ellipses
    "Wait... then go.",
    "It ended... |Then a new one began.",
    "It ended… |Then another… and more.",
    # quotes and brackets after the terminal
    "He said “Go.” |Then he left.",
    "He said ‘Go.’ |Then he left.",
    'He said "Go." |Then he left.',
    "He said 'Go.' |Then he left.",
    "(He left.) |Then she came. |[Sic.] |Done.",
    "“Why?” he asked. |“Because!” she said.",
    "“Why?” Kim asked. |“Go!” Park said.",
    "It was fine. |“Then we left,” he says.",
    "Is it “true”? |Yes.",
    # whitespace stays on the preceding sentence; leading whitespace on the first
    "  Lead. |Trail.  ",
    "One.\t|Two.\n |Three.",
    # no space after the stop: not a boundary
    "Visit example.com. |It works.Really.",
    # full-width stops end a sentence even without a space
    "中文。|日本語！|OK",
    # a mixed-language paragraph
    "He said 안녕하세요. |Then 감사합니다. |좋아요.",
    # punctuation alone never makes a sentence
    "...",
    "Hi. |... Then",
    "“” . Go.",
]


@pytest.mark.parametrize("marked", ENGLISH)
def test_english(marked):
    assert segment(marked.replace("|", ""), EN) == marked.split("|")


# -- line breaks and Markdown structure ---------------------------------------------------

LINES = [
    "A hard\nwrapped line. |And more\nText here.",
    "# Heading\n|First sentence. |Second.",
    "Intro:\n|- item one\n|- item two",
    "Steps\n|1. Preheat the oven.\n|2. Bake it.",
    "A. First option. |B. Second option.",
    "- a bullet that\n  wraps\n|* next",
    "Title line\n\n|Body starts.",
    "Windows\r\nlines\r\n\r\n|new",
    "\n\nLeading blank lines. |Two.",
    "Mr.\n|- item",
]


@pytest.mark.parametrize("marked", LINES)
def test_line_breaks(marked):
    assert segment(marked.replace("|", ""), EN) == marked.split("|")


# -- Korean -------------------------------------------------------------------------------

KOREAN = [
    "그는 집에 갔다. |그리고 잠을 잤다.",
    "서울에 갔어요. |뭐 했어요? |밥 먹었죠! |그리고 잤다",
    "정말입니까? |네, 그렇습니다.",
    # quotes stay attached to the sentence they close
    "“가자.” |그는 말했다.",
    "그는 “집에 가야 했다.” |그는 떠났다.",
    "“왜?” 하고 물었다. |“가자.” 라고 했다.",
    "“가자.”라고 말했다. |좋아요.",
    "‘좋다.’ |그가 웃었다.",
    # numbers
    "물가가 3.5% 올랐다. |2,000만 원이 필요했다.",
    "지원금은 2,000만 원(1만 2,260파운드)이다. |또 받는다.",
    "약 2.5마일을 걸었다. |다섯 번 찍혔다.",
    # a space forgotten after the ending
    "했다.|그는 떠났다.|정말이야?|그래",
    # mixed Korean and English
    "김 씨는 Mr. Smith를 만났다. |U.S. 정부는 발표했다. |iPhone을 샀다. |iPad도 샀다",
    "Liberty in North Korea(LiNK)의 박석길 한국 지부장은 말했다. |He said so.",
    # no final period at the end of the paragraph
    "첫 문장이다. |마지막 문장에는 마침표가 없다",
    "마침표 없는 한 문장",
    "문장이다。|다음 문장",
    "제목\n|- 항목 하나\n|- 항목 둘",
]


@pytest.mark.parametrize("marked", KOREAN)
def test_korean(marked):
    assert segment(marked.replace("|", ""), KO) == marked.split("|")


def test_korean_rules_need_korean_mode():
    # In English mode a lowercase word after the stop keeps the sentence going.
    assert segment("샀다. iPhone은 좋다.", EN) == ["샀다. iPhone은 좋다."]
    assert segment("샀다. iPhone은 좋다.", KO) == ["샀다. ", "iPhone은 좋다."]
    assert segment("했다.그는 떠났다.", EN) == ["했다.그는 떠났다."]


# -- the shipped article ------------------------------------------------------------------


@pytest.fixture(scope="module")
def article_paragraphs() -> list[str]:
    if not ARTICLE.exists():
        pytest.skip(f"{ARTICLE} is not present")
    return split_paragraphs(ARTICLE.read_text(encoding="utf-8"))


def test_article_paragraph_count(article_paragraphs):
    assert len(article_paragraphs) == 22
    assert article_paragraphs[0] == (
        "‘Second thoughts’: what makes North Korean defectors want to go back?"
    )


def test_article_sentence_counts(article_paragraphs):
    counts = [len(sentences(p, EN)) for p in article_paragraphs]
    assert counts == [1, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 4, 2, 2]


def test_article_long_sentences_stay_whole(article_paragraphs):
    gymnast = sentences(article_paragraphs[2], EN)
    assert gymnast == [article_paragraphs[2]]
    assert gymnast[0].startswith("Earlier this month, the 29-year-old former gymnast")
    assert "2.5 miles" in gymnast[0]
    assert gymnast[0].endswith("five times.")
    park = sentences(article_paragraphs[9], EN)
    assert park == [
        "“If you worked in industry or for the government in North Korea, you can’t come to "
        "South Korea and expect to do an equivalent job,” says Sokeel Park, South Korea "
        "country director of Liberty in North Korea, which helps defectors.",
        "“You have to take a hit to your relative status, and that can have an effect on "
        "mental health, particularly for North Korean men.”",
    ]


def test_article_quoted_sentences(article_paragraphs):
    assert sentences(article_paragraphs[19], EN) == [
        "The perceived benefits of life in a rich, free society can quickly become a burden, "
        "Joo adds.",
        "“In North Korea we didn’t have to plan our lives – the state did that for us.",
        "But in the South, we have to take responsibility for our own lives.",
        "I know from my own experience that resettling in South Korea is a challenge, but it "
        "is nowhere near as difficult as living in North Korea.”",
    ]
    assert sentences(article_paragraphs[11], EN) == [article_paragraphs[11]]  # 20m won (£12,260)


def test_article_joined_sentences_rebuild_paragraphs(article_paragraphs):
    for paragraph in article_paragraphs:
        assert " ".join(sentences(paragraph, EN)) == paragraph


@pytest.mark.parametrize("lang", [EN, KO])
def test_bundled_article_sentences_reproduced(lang):
    """Both sides of the aligned article, as its translator split them."""
    toml = ARTICLE.with_name("article.toml")
    if not toml.exists():
        pytest.skip(f"{toml} is not present")
    for paragraph in load_article(toml).paragraphs:
        expected = [s.text for unit in paragraph.units for s in unit.side(lang)]
        assert sentences(paragraph_text(paragraph, lang), lang) == expected


# -- spans and helpers --------------------------------------------------------------------


def test_sentence_spans():
    text = "  One. Two?\n Three  "
    assert sentence_spans(text, EN) == [(2, 6), (7, 11), (13, 18)]
    assert [text[a:b] for a, b in sentence_spans(text, EN)] == sentences(text, EN)


def test_empty_and_blank():
    assert segment("", EN) == []
    assert segment("   \n ", KO) == ["   \n "]
    assert sentences("   \n ", KO) == []
    assert sentence_spans("", EN) == []


# -- properties ---------------------------------------------------------------------------

ALPHABET = st.sampled_from(
    list("aAbZz09 .?!…。！？\"'“”‘’()[]{}「」,;:-#*•\n\r\t\u2029\u00a0")
    + list("가다요까니한국어를는")
)
# Words that exercise each rule, glued with whitespace or nothing by the strategy below.
RULE_WORDS = (
    "Mr. Dr. U.S. p.m. etc. No. Jan. J. e.g. i.e. vs. 1. a. 2.5 3.14 $3.5bn ... … ?! “Go.” ‘Hi!’"
    ' "Yes." (ok.) The He then said asked Kim 했다. 했다 요. 까? “가자.” 라고 하고 그는 3.5%'
    " 2,000만 # - 。 다.그 iPhone"
)
TOKENS = st.sampled_from([*RULE_WORDS.split(), "\n", "\n\n", "\r\n", " ", "  "])
TEXTS = st.one_of(
    st.text(),
    st.text(ALPHABET, max_size=80),
    st.lists(st.tuples(TOKENS, st.sampled_from(["", " ", "  ", "\n"])), max_size=30).map(
        lambda parts: "".join(token + sep for token, sep in parts)
    ),
)
LANGS = st.sampled_from([EN, KO])


@settings(max_examples=600)
@given(TEXTS, LANGS)
def test_segment_is_lossless(text, lang):
    pieces = segment(text, lang)
    assert "".join(pieces) == text
    assert all(pieces)
    # only the first piece may start with whitespace
    assert all(not piece[:1].isspace() for piece in pieces[1:])


@settings(max_examples=600)
@given(TEXTS, LANGS)
def test_sentences_are_trimmed_and_stable(text, lang):
    found = sentences(text, lang)
    for sentence in found:
        assert sentence
        assert sentence == sentence.strip()
        assert segment(sentence, lang) == [sentence]
    assert [text[a:b] for a, b in sentence_spans(text, lang)] == found
    assert [p.strip() for p in segment(text, lang) if p.strip()] == found
