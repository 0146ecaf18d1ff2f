"""Content checks for the two bundled glossaries (no Qt, no app imports).

* content/second-thoughts/glossary.toml — the article's people, places, institutions and
  ideas; every term is checked against the article text itself.
* content/resettlement-glossary.toml — everyday South Korean words for newcomers.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "content"
ARTICLE_PATH = CONTENT / "second-thoughts" / "article.toml"
ARTICLE_GLOSSARY_PATH = CONTENT / "second-thoughts" / "glossary.toml"
GENERAL_GLOSSARY_PATH = CONTENT / "resettlement-glossary.toml"

HANGUL = re.compile(r"[\uac00-\ud7a3]")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a
# space or the end of the string; dots inside "1.6km" or "example.com" do not count.
SENTENCE_END = re.compile(r"[.!?][”’)\]]*(?=\s|$)")

KNOWN_CATEGORIES = {
    "people",
    "place",
    "institution",
    "programme",
    "idea",
    "everyday",
    "money",
    "health",
    "housing",
    "work",
    "shopping",
    "banking",
    "documents",
    "transport",
    "education",
    "technology",
    "safety",
    "security",
    "food",
}
REQUIRED_FIELDS = {
    "id",
    "category",
    "en",
    "en_variants",
    "ko",
    "ko_variants",
    "en_definition",
    "ko_definition",
    "nk_usage",
    "note",
}
ALLOWED_FIELDS = REQUIRED_FIELDS | {"loanword"}

# Korean headwords deliberately present in both glossaries.
SHARED_KO_HEADWORDS = {"상담"}


# ── loading ───────────────────────────────────────────────────────────────────────


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def article_glossary() -> dict[str, Any]:
    return _load(ARTICLE_GLOSSARY_PATH)


@pytest.fixture(scope="module")
def general_glossary() -> dict[str, Any]:
    return _load(GENERAL_GLOSSARY_PATH)


@pytest.fixture(scope="module")
def article_text() -> tuple[str, str]:
    """(English, Korean) text of the article, title included."""
    article = _load(ARTICLE_PATH)
    en = [article["title"]["en"]]
    ko = [article["title"]["ko"]]
    for paragraph in article["paragraph"]:
        for unit in paragraph["unit"]:
            en.extend(unit["en"])
            ko.extend(unit["ko"])
    return "\n".join(en), "\n".join(ko)


def _entries(glossary: dict[str, Any]) -> list[dict[str, Any]]:
    return glossary["entry"]


def _has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


def _is_latin_term(text: str) -> bool:
    """No Hangul, and every letter in it is a Latin letter (symbols like £ are allowed)."""
    letters = [c for c in text if c.isalpha()]
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


BOTH = pytest.mark.parametrize("which", ["article", "general"])


@pytest.fixture
def glossary(request, which: str) -> dict[str, Any]:
    return request.getfixturevalue(f"{which}_glossary")


# ── both files ────────────────────────────────────────────────────────────────────


@BOTH
def test_header(glossary: dict[str, Any], which: str) -> None:
    path = ARTICLE_GLOSSARY_PATH if which == "article" else GENERAL_GLOSSARY_PATH
    raw = path.read_text(encoding="utf-8")
    assert glossary["format"] == 1
    assert isinstance(glossary["title"], str) and glossary["title"].strip()
    sources = glossary["sources"]
    assert isinstance(sources, list) and len(sources) >= 3
    assert all(isinstance(s, str) and s.strip() for s in sources)
    # The header comment names the sources, dates them and explains nk_usage.
    header = raw.split("\n[[entry]]", 1)[0]
    assert "2026-11" in header
    assert "nk_usage" in header and "documented" in header
    assert "국립국어원" in header and "통일부" in header


def test_counts(article_glossary: dict[str, Any], general_glossary: dict[str, Any]) -> None:
    assert len(_entries(article_glossary)) >= 34
    assert len(_entries(general_glossary)) >= 130


@BOTH
def test_fields_and_ids(glossary: dict[str, Any], which: str) -> None:
    seen: set[str] = set()
    for entry in _entries(glossary):
        keys = set(entry)
        assert keys >= REQUIRED_FIELDS, (entry.get("id"), REQUIRED_FIELDS - keys)
        assert keys <= ALLOWED_FIELDS, (entry["id"], keys - ALLOWED_FIELDS)
        assert ID_PATTERN.match(entry["id"]), entry["id"]
        assert entry["id"] not in seen, f"duplicate id {entry['id']}"
        seen.add(entry["id"])
        assert entry["category"] in KNOWN_CATEGORIES, (entry["id"], entry["category"])
        for field in ("en", "ko", "en_definition", "ko_definition"):
            assert isinstance(entry[field], str) and entry[field].strip(), (entry["id"], field)
        for field in ("nk_usage", "note"):
            assert isinstance(entry[field], str), (entry["id"], field)
        for field in ("en_variants", "ko_variants"):
            values = entry[field]
            assert isinstance(values, list), (entry["id"], field)
            assert all(isinstance(v, str) and v.strip() for v in values), (entry["id"], field)
            assert len(set(values)) == len(values), (entry["id"], field, "repeated variant")
        assert entry["ko"] not in entry["ko_variants"], entry["id"]
        assert entry["en"] not in entry["en_variants"], entry["id"]
        if which == "general":
            assert isinstance(entry.get("loanword"), bool), entry["id"]


@BOTH
def test_scripts(glossary: dict[str, Any]) -> None:
    for entry in _entries(glossary):
        ident = entry["id"]
        # Korean fields are Hangul.
        for value in [entry["ko"], *entry["ko_variants"], entry["ko_definition"]]:
            assert _has_hangul(value), (ident, value)
        if entry["nk_usage"]:
            assert _has_hangul(entry["nk_usage"]), ident
            assert entry["nk_usage"] != entry["ko"], ident
        # English fields are Latin.
        assert re.search(r"[A-Za-z]", entry["en"]), ident
        for value in [entry["en"], *entry["en_variants"]]:
            assert not _has_hangul(value) and _is_latin_term(value), (ident, value)
        assert re.search(r"[A-Za-z]{3}", entry["en_definition"]), ident


@BOTH
def test_definitions_are_short(glossary: dict[str, Any]) -> None:
    for entry in _entries(glossary):
        for field in ("en_definition", "ko_definition"):
            text = entry[field]
            assert 1 <= _sentences(text) <= 2, (entry["id"], field, text)
            assert text.rstrip()[-1] in ".!?”’)", (entry["id"], field, text)


@BOTH
def test_korean_headwords_unique_within_file(glossary: dict[str, Any]) -> None:
    heads = [entry["ko"] for entry in _entries(glossary)]
    duplicates = {h for h in heads if heads.count(h) > 1}
    assert not duplicates


def test_korean_headwords_shared_only_deliberately(
    article_glossary: dict[str, Any], general_glossary: dict[str, Any]
) -> None:
    article_heads = {entry["ko"] for entry in _entries(article_glossary)}
    general_heads = {entry["ko"] for entry in _entries(general_glossary)}
    assert article_heads & general_heads == SHARED_KO_HEADWORDS


# ── the article glossary ──────────────────────────────────────────────────────────


def test_article_terms_occur_in_article(
    article_glossary: dict[str, Any], article_text: tuple[str, str]
) -> None:
    english, korean = article_text
    english_lower = english.lower()
    for entry in _entries(article_glossary):
        ident = entry["id"]
        forms = [entry["en"], *entry["en_variants"]]
        assert any(f.lower() in english_lower for f in forms), (ident, forms)
        for variant in entry["en_variants"]:
            assert variant.lower() in english_lower, (ident, variant)
        # Korean: substring match, so attached particles (탈북민은, 하나원에서) are allowed.
        for form in [entry["ko"], *entry["ko_variants"]]:
            assert form in korean, (ident, form)


ARTICLE_REQUIRED_EN = [
    "defector",
    "redefection",
    "double defections",
    "DMZ",
    "demilitarised zone",
    "Hanawon",
    "unification ministry",
    "government subsidy",
    "monthly payments",
    "Liberty in North Korea",
    "Database Centre for North Korean Human Rights",
    "debriefing",
    "welfare package",
    "mental anguish",
    "megalopolis",
    "border with China",
    "barbed-wire fence",
    "landmine",
    "security camera",
    "spy",
    "secret police",
    "unemployment rate",
    "monthly income",
    "counselling",
    "Seoul",
    "Korea University",
    "Kim Woo-joo",
    "Sokeel Park",
    "Joo Il-yong",
    "capitalism",
    "democracy",
    "discrimination",
    "anonymity",
    "emotional blackmail",
    "systemic difference",
    "won",
    "pound sterling",
    "settlement support centre",
]
ARTICLE_REQUIRED_KO = [
    "탈북민",
    "북한이탈주민",
    "재입북",
    "이중 탈북",
    "비무장지대",
    "하나원",
    "통일부",
    "정부 보조금",
    "매달 32만 원",
    "링크",
    "북한인권정보센터",
    "합동신문",
    "복지 지원",
    "정신적 고통",
    "거대 도시",
    "북·중 국경",
    "철조망",
    "지뢰",
    "감시 카메라",
    "간첩",
    "비밀경찰",
    "실업률",
    "월평균 소득",
    "상담",
    "서울",
    "고려대학교",
    "김우주",
    "박석길",
    "주일용",
    "자본주의",
    "민주주의",
    "차별",
    "익명성",
    "감정에 호소",
    "체제 차이",
    "원",
    "파운드",
    "정착 지원 시설",
]


def _all_en(glossary: dict[str, Any]) -> set[str]:
    return {f.lower() for e in _entries(glossary) for f in [e["en"], *e["en_variants"]]}


def _all_ko(glossary: dict[str, Any]) -> set[str]:
    return {f for e in _entries(glossary) for f in [e["ko"], *e["ko_variants"]]}


def test_article_required_terms(article_glossary: dict[str, Any]) -> None:
    en = _all_en(article_glossary)
    ko = _all_ko(article_glossary)
    assert [t for t in ARTICLE_REQUIRED_EN if t.lower() not in en] == []
    assert [t for t in ARTICLE_REQUIRED_KO if t not in ko] == []


def test_article_settlement_money_entries(article_glossary: dict[str, Any]) -> None:
    by_id = {e["id"]: e for e in _entries(article_glossary)}
    subsidy = by_id["resettlement-subsidy"]
    # The official term is named in the note, since the article's Korean does not use it.
    assert "정착지원금" in subsidy["note"] and "정착금" in subsidy["note"]
    assert "20m won" in subsidy["en_definition"]
    assert "2,000만 원" in subsidy["ko_definition"]
    monthly = by_id["monthly-payments"]
    assert "320,000 won" in monthly["en_definition"] and "five years" in monthly["en_definition"]
    assert "32만 원" in monthly["ko_definition"] and "5년" in monthly["ko_definition"]
    hanawon = by_id["hanawon"]
    assert "about three months" in hanawon["en_definition"]
    assert "약 3개월" in hanawon["ko_definition"]


# ── the general glossary ──────────────────────────────────────────────────────────

GENERAL_REQUIRED_KO = [
    # loanwords and everyday words
    "아르바이트",
    "카드",
    "체크카드",
    "마트",
    "쇼핑",
    "서비스",
    "할인",
    "쿠폰",
    "포인트",
    "영수증",
    "계좌이체",
    "비밀번호",
    "앱",
    "와이파이",
    "휴대폰",
    "요금제",
    "택배",
    "배달",
    "편의점",
    "원룸",
    "보증금",
    "월세",
    "전세",
    "관리비",
    "엘리베이터",
    "인터넷 뱅킹",
    "공동인증서",
    "공인인증서",
    "교통카드",
    "버스카드",
    "환승",
    "카카오톡",
    "이력서",
    "면접",
    "스펙",
    "인턴",
    "파트타임",
    "최저임금",
    "4대 보험",
    "퇴직금",
    "야근",
    "회식",
    "팀장",
    "매니저",
    "미팅",
    "스케줄",
    "컴퓨터",
    "프린터",
    "복사",
    "스캔",
    "이메일",
    "로그인",
    "아이디",
    "패스워드",
    "다운로드",
    "업데이트",
    "셀프 계산대",
    "키오스크",
    "테이크아웃",
    "메뉴",
    "리필",
    "사이즈",
    "스트레스",
    "상담",
    "멘토",
    "프로그램",
    "센터",
    "커뮤니티",
    "마스크",
    "비타민",
    "처방전",
    "약국",
    "병원 예약",
    "응급실",
    "보건소",
    "진료비",
    "본인부담금",
    # institutions and programmes
    "건강보험",
    "국민연금",
    "기초생활보장",
    "기초생활수급",
    "주민센터",
    "행정복지센터",
    "주민등록증",
    "고용센터",
    "내일배움카드",
    "국민취업지원제도",
    "하나센터",
    "남북하나재단",
    "신변보호담당관",
    "거주지보호담당관",
    "취업보호담당관",
    "임대주택",
    "한국토지주택공사",
    "청약",
    "확정일자",
    "전입신고",
    "의료급여",
    "통장",
    "적금",
    "예금",
    "신용카드",
    "신용점수",
    "신용등급",
    "대출",
    "보이스피싱",
    "119 신고",
    "112 신고",
    "다문화",
]


def test_general_required_terms(general_glossary: dict[str, Any]) -> None:
    ko = _all_ko(general_glossary)
    assert [t for t in GENERAL_REQUIRED_KO if t not in ko] == []
    assert "lh" in {e["id"] for e in _entries(general_glossary)}


def test_general_loanwords(general_glossary: dict[str, Any]) -> None:
    loanwords = [e for e in _entries(general_glossary) if e["loanword"]]
    assert len(loanwords) >= 30
    # Spot checks: these are loanwords, these are not.
    by_ko = {e["ko"]: e for e in _entries(general_glossary)}
    for word in ("체크카드", "마트", "키오스크", "스펙", "원룸", "와이파이", "보이스피싱"):
        assert by_ko[word]["loanword"] is True, word
    for word in ("영수증", "보증금", "주민등록증", "고용센터"):
        assert by_ko[word]["loanword"] is False, word


def test_article_glossary_has_no_loanword_flag(article_glossary: dict[str, Any]) -> None:
    # The loanword flag belongs to the general glossary; the article file keeps the base format.
    assert all("loanword" not in e for e in _entries(article_glossary))


@BOTH
def test_nk_usage_is_sparing_and_explained(glossary: dict[str, Any]) -> None:
    entries = _entries(glossary)
    filled = [e for e in entries if e["nk_usage"]]
    # Only documented usages are given, so most entries leave the field empty.
    assert len(filled) <= len(entries) // 3
    for entry in filled:
        assert entry["nk_usage"].strip() == entry["nk_usage"]
        assert not entry["nk_usage"].startswith(("?", "(")), entry["id"]


def test_debated_nk_usage_carries_a_note(general_glossary: dict[str, Any]) -> None:
    by_ko = {e["ko"]: e for e in _entries(general_glossary)}
    ice_cream = by_ko["아이스크림"]
    if ice_cream["nk_usage"] == "얼음보숭이":
        assert ice_cream["note"], "얼음보숭이 needs a note on its debated current use"
    # False friend: 수표 means ‘signature’ in the North and ‘cheque’ in the South.
    signature = by_ko["서명"]
    if signature["nk_usage"] == "수표":
        assert "cheque" in signature["note"]
