"""Where Dari's bundled files live and where the user's data goes.

Bundled content, assets and translations sit beside the `reader` package in a source
checkout or an editable install (``content/``, ``assets/``, ``translations/``). User data
goes to the platform's application-data directory (QStandardPaths), which tests redirect
with ``DARI_DATA_DIR``. Argos models live in Argos's own packages directory so that models
installed by other Argos tools are shared; ``ARGOS_PACKAGES_DIR`` overrides it as in Argos.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def bundled_root() -> Path:
    return _ROOT


def content_dir() -> Path:
    return _ROOT / "content"


def translations_dir() -> Path:
    return _ROOT / "translations"


def assets_dir() -> Path:
    return _ROOT / "assets"


def bundled_article() -> Path:
    """The article Dari opens when started without a file."""
    return content_dir() / "second-thoughts" / "article.toml"


@cache
def _standard_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) if location else Path.home() / ".local" / "share" / "Dari"


def data_dir() -> Path:
    """User data (translation memory, glossary edits, notes); created on demand."""
    override = os.environ.get("DARI_DATA_DIR")
    path = Path(override) if override else _standard_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Files Dari can remake at any time (parsed copies of bundled articles); created on
    demand. With ``DARI_DATA_DIR`` set it is the ``cache`` folder inside it."""
    override = os.environ.get("DARI_DATA_DIR")
    path = Path(override) / "cache" if override else _standard_cache_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


@cache
def _standard_cache_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else Path.home() / ".cache" / "Dari"


def translation_memory_path() -> Path:
    return data_dir() / "translation-memory.sqlite3"


def argos_packages_dir() -> Path:
    """Argos's packages directory, resolved the way argostranslate.settings does."""
    override = os.environ.get("ARGOS_PACKAGES_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "argos-translate" / "packages"
