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

Dari opens the bundled article at every start, and importing tomllib (with the datetime
module it needs) and parsing take ~9 ms there. So the parsed data is also kept as JSON in
the cache folder (``paths.cache_dir()``) and read from there, ~1.5 ms, while the TOML
file's size and modification time are those the copy was made from. The TOML file stays
the only source: the copy is remade whenever it changes, and a missing or damaged copy
is simply made again.
"""

from __future__ import annotations

import json
import logging
import zlib
from pathlib import Path
from typing import Any

from reader import paths
from reader.document.model import Document, Lang, Origin, Paragraph, Provenance, Sentence, Unit

FORMAT_VERSION = 1
CACHE_VERSION = 1  # of the cached copy's layout (not of the article format)

log = logging.getLogger(__name__)


class ArticleError(ValueError):
    """The article file is not a valid Dari article."""


def load_article(path: Path) -> Document:
    try:
        stat = path.stat()
    except OSError as exc:
        raise ArticleError(f"cannot read {path.name}: {exc.strerror}") from exc
    stamp = {"version": CACHE_VERSION, "path": str(path.resolve()),
             "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    data = _read_cached(path, stamp)
    if data is None:
        data = _read_toml(path)
        _write_cached(path, stamp, data)
    return parse_article(data, path=path)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ArticleError(f"cannot read {path.name}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ArticleError(f"{path.name} is not valid TOML: {exc}") from exc


def _cached_copy_path(path: Path) -> Path:
    name = f"{path.parent.name}-{zlib.crc32(str(path.resolve()).encode()):08x}.json"
    return paths.cache_dir() / "articles" / name


def _read_cached(path: Path, stamp: dict[str, Any]) -> dict[str, Any] | None:
    """The parsed copy of `path`, if it was made from the file `stamp` describes."""
    try:
        cached = json.loads(_cached_copy_path(path).read_bytes())
    except (OSError, ValueError):  # none yet, unreadable or damaged: parse the TOML
        return None
    if not isinstance(cached, dict) or cached.get("stamp") != stamp:
        return None
    data = cached.get("data")
    return data if isinstance(data, dict) else None


def _write_cached(path: Path, stamp: dict[str, Any], data: dict[str, Any]) -> None:
    """Keep a parsed copy for next time; failing to is harmless (the TOML is read again)."""
    from reader.atomic import write_atomically

    try:
        encoded = json.dumps({"stamp": stamp, "data": data}, ensure_ascii=False).encode()
        write_atomically(_cached_copy_path(path), encoded, private=False)
    except (OSError, TypeError, ValueError) as exc:  # TypeError: a TOML date, say
        log.debug("Not keeping a parsed copy of %s: %s", path, exc)


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
