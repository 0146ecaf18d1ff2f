"""What the Library page lists: the articles bundled with Dari and the files opened lately.

Qt-free. A bundled article is a folder of ``content/`` holding an ``article.toml``; only
its ``[title]`` table is read here (the article itself is parsed when it is opened). The
recent files are paths, most recent first, at most ``MAX_RECENT``; the window keeps them in
the ``state/recent_files`` setting.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

MAX_RECENT = 10


@dataclass(frozen=True)
class BundledArticle:
    path: Path  # its article.toml
    title_en: str
    title_ko: str


def bundled_articles(content_dir: Path) -> list[BundledArticle]:
    """The articles in `content_dir`, by folder name. A folder whose article.toml cannot
    be read is listed under its folder name (opening it then says what is wrong)."""
    found = []
    for path in sorted(content_dir.glob("*/article.toml")):
        try:
            with path.open("rb") as fh:
                title = tomllib.load(fh).get("title", {})
        except (OSError, tomllib.TOMLDecodeError):
            title = {}
        if not isinstance(title, dict):
            title = {}
        en, ko = title.get("en"), title.get("ko")
        found.append(
            BundledArticle(
                path,
                en if isinstance(en, str) and en else path.parent.name,
                ko if isinstance(ko, str) else "",
            )
        )
    return found


def with_recent(recent: list[str], path: Path | str) -> list[str]:
    """`recent` with `path` (made absolute) moved or added to the front, at most
    MAX_RECENT entries."""
    entry = os.path.abspath(path)
    return [entry, *(p for p in recent if p != entry)][:MAX_RECENT]


def without(recent: list[str], path: Path | str) -> list[str]:
    entry = os.path.abspath(path)
    return [p for p in recent if p != entry]
