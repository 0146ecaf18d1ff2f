"""Language detection by script: Korean even when full of English names, English otherwise."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.document.language import SAMPLE_CHARS, detect_language, script_counts
from reader.document.model import Lang

ARTICLE = Path(__file__).resolve().parents[2] / "content" / "second-thoughts" / "source.en.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cat sat on the mat.", Lang.EN),
        ("그는 집에 갔다.", Lang.KO),
        ("ㅋㅋㅋ ㅎㅎ", Lang.KO),  # compatibility jamo only
        ("Café déjà vu, naïve façade.", Lang.EN),
        # Korean full of English names and acronyms
        (
            "삼성전자(Samsung Electronics)는 2일 AI 반도체 HBM3E를 NVIDIA에 공급한다고 밝혔다.",
            Lang.KO,
        ),
        ("OpenAI의 ChatGPT와 Google의 Gemini를 비교했다.", Lang.KO),
        (
            "Liberty in North Korea(LiNK)의 박석길 한국 지부장은 탈북민을 돕는다고 말했다.",
            Lang.KO,
        ),
        # English quoting a few Korean words
        ("In Korean a defector is called 탈북민 (talbukmin), a word you hear often.", Lang.EN),
        ("The word 안녕하세요 means hello and 감사합니다 means thank you in Korean.", Lang.EN),
        # no letters of either script
        ("", None),
        ("   \n\t", None),
        ("12,260 — 3.14 %!", None),
        ("中文文本。", None),
        ("Привет, мир", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) is expected


def test_script_counts_counts_words():
    assert script_counts("NVIDIA에 ChatGPT와 GPU, CUDA 그리고 2024") == (3, 2)
    assert script_counts("") == (0, 0)
    assert script_counts("3.14 — !") == (0, 0)


def test_threshold_is_a_third_of_words():
    assert detect_language("가 b c") is Lang.KO  # 1 of 3
    assert detect_language("가 b c d") is Lang.EN  # 1 of 4


def test_shipped_article_is_english():
    if not ARTICLE.exists():
        pytest.skip(f"{ARTICLE} is not present")
    assert detect_language(ARTICLE.read_text(encoding="utf-8")) is Lang.EN


def test_long_text_is_sampled_throughout():
    english = "The quick brown fox jumps over the lazy dog. " * 30_000
    korean = "다람쥐 헌 쳇바퀴에 타고파. " * 60_000
    # Korean in the second half only: the sample must reach past the start.
    mixed = english + korean
    assert len(mixed) > 50 * SAMPLE_CHARS
    assert detect_language(mixed) is Lang.KO
    hangul, latin = script_counts(mixed)
    assert hangul > 0 and latin > 0
    assert hangul + latin < SAMPLE_CHARS  # only a sample was read


def test_twenty_megabytes_is_fast():
    text = "그는 2.5마일을 걸었다. " * 1_500_000
    assert len(text) >= 20_000_000
    start = time.perf_counter()
    assert detect_language(text) is Lang.KO
    assert time.perf_counter() - start < 0.5


@given(st.text())
def test_never_fails(text):
    result = detect_language(text)
    hangul, latin = script_counts(text)
    assert (result is None) == (hangul + latin == 0)
