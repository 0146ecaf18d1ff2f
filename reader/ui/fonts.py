"""Reading fonts chosen explicitly per language.

Qt's generic "Sans Serif" resolves to DejaVu Sans on Linux, which has no Hangul, so the
Korean pane would depend on fontconfig fallback. Dari picks a family that really carries
Korean (Noto Sans CJK KR or Nanum, both free; Debian packages fonts-noto-cjk and
fonts-nanum) and checks it with QFontDatabase.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from reader.document.model import Lang

KOREAN_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumBarunGothic",
    "NanumGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
)
ENGLISH_FAMILIES = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial")
DEFAULT_POINT_SIZE = 14


@cache
def family_for(lang: Lang) -> str:
    available = set(QFontDatabase.families())
    if lang is Lang.KO:
        for family in KOREAN_FAMILIES:
            if family in available and _has_korean(family):
                return family
        for family in sorted(available):
            if _has_korean(family):
                return family
        return QFont().defaultFamily()
    for family in ENGLISH_FAMILIES:
        if family in available:
            return family
    return QFont().defaultFamily()


def _has_korean(family: str) -> bool:
    return QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)


def reading_font(lang: Lang, point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    font = QFont(family_for(lang), point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    if lang is Lang.EN:
        # Names like Kim Woo-joo stay in the Latin font; Hangul quoted in English text
        # falls back to the Korean family rather than to whatever fontconfig finds.
        font.setFamilies([family_for(Lang.EN), family_for(Lang.KO)])
    return font
