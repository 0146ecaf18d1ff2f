"""Shared fixtures. Environment is isolated before anything imports Qt or argostranslate:
Qt runs offscreen, and Dari's settings, user data and Argos's data directories point into
a fresh temporary directory for the whole session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="dari-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DARI_CONFIG_DIR"] = str(_SESSION_DIR / "config")
os.environ["DARI_DATA_DIR"] = str(_SESSION_DIR / "data")
os.environ["XDG_DATA_HOME"] = str(_SESSION_DIR / "xdg-data")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_DIR / "xdg-config")
os.environ["XDG_CACHE_HOME"] = str(_SESSION_DIR / "xdg-cache")
os.environ["ARGOS_PACKAGES_DIR"] = str(_SESSION_DIR / "argos-packages")
os.environ.pop("ARGOS_TRANSLATE_PACKAGE_DIR", None)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "dari.ini"


@pytest.fixture
def settings(qapp: object, settings_path: Path) -> Iterator[object]:
    from reader.settings import Settings

    yield Settings(settings_path)
