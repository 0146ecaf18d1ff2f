"""Bundled articles on disk: one TOML file per article, aligned sentence by sentence.

Format 1 (see content/README.md for the translator's view)::

    format = 1
    id = "second-thoughts"
    original_language = "en"
    source = "Supplied news feature ..."

    [title]
    en = "..."
    ko = "..."

    [translation]            # how the non-original side was made
    provenance = "reviewed"  # reviewed | machine | corrected
    notes = "..."

    [[paragraph]]
    [[paragraph.unit]]
    en = ["First sentence."]
    ko = ["첫 문장."]
    [[paragraph.unit]]       # a 1:2 unit: one English sentence, two Korean
    en = ["Second sentence."]
    ko = ["둘째 문장의 앞.", "둘째 문장의 뒤."]

Joining a paragraph's sentences in one language with single spaces gives that paragraph
as published. TOML is read by the standard library (tomllib), diffs line by line, and a
translator can correct a sentence without touching any other.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from reader.document.model import Document, Lang, Origin, Paragraph, Provenance, Sentence, Unit

FORMAT_VERSION = 1


class ArticleError(ValueError):
    """The article file is not a valid Dari article."""


def load_article(path: Path) -> Document:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ArticleError(f"cannot read {path.name}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ArticleError(f"{path.name} is not valid TOML: {exc}") from exc
    return parse_article(data, path=path)


def parse_article(data: dict[str, Any], *, path: Path | None = None) -> Document:
    name = path.name if path else "article"
    if data.get("format") != FORMAT_VERSION:
        raise ArticleError(f"{name}: unsupported article format {data.get('format')!r}")
    try:
        original = Lang(data.get("original_language", "en"))
    except ValueError as exc:
        raise ArticleError(f"{name}: unknown original_language") from exc

    translation = data.get("translation", {})
    try:
        translated_origin = Origin(translation.get("provenance", "reviewed"))
    except ValueError as exc:
        raise ArticleError(f"{name}: unknown translation provenance") from exc
    model = translation.get("model")
    provenance = {
        original: Provenance.original(),
        original.other: Provenance(translated_origin, model),
    }

    paragraphs: list[Paragraph] = []
    for p_no, raw_paragraph in enumerate(data.get("paragraph", []), start=1):
        units: list[Unit] = []
        for u_no, raw_unit in enumerate(raw_paragraph.get("unit", []), start=1):
            sides: dict[Lang, list[Sentence]] = {}
            for lang in Lang:
                texts = raw_unit.get(lang.value, [])
                if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                    raise ArticleError(
                        f"{name}: paragraph {p_no}, unit {u_no}: '{lang.value}' "
                        "must be a list of strings"
                    )
                sides[lang] = [Sentence(t, provenance[lang]) for t in texts if t.strip()]
            if not any(sides.values()):
                raise ArticleError(f"{name}: paragraph {p_no}, unit {u_no} is empty")
            units.append(Unit(sides))
        if units:
            paragraphs.append(Paragraph(units))
    if not paragraphs:
        raise ArticleError(f"{name}: the article has no paragraphs")

    title = {Lang(k): v for k, v in data.get("title", {}).items() if k in Lang._value2member_map_}
    return Document(
        paragraphs,
        title=title,
        source=str(data.get("source", "")),
        original_language=original,
        path=path,
    )


def paragraph_text(paragraph: Paragraph, lang: Lang) -> str:
    """The paragraph in one language as a reader sees it published."""
    return " ".join(s.text for unit in paragraph.units for s in unit.side(lang))
