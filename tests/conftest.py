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


@pytest.fixture(autouse=True)
def _collect_between_ui_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test with windows: let the background tasks it started finish, then collect
    its windows. Left to a collection in the middle of a later test, a window's Qt objects
    were once destroyed while a pool thread waited for the interpreter lock, and the run
    hung (CI, tests/ui/test_speech_ui.py)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    import gc
    import time

    from PySide6.QtCore import QThreadPool

    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + 20
    while pool.activeThreadCount() and time.monotonic() < deadline:
        time.sleep(0.01)  # (sleeping lets a task that needs the interpreter lock run)
    gc.collect()
