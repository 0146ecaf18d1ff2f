"""Fixtures for the translation tests: Argos's data folders and tiny real packages.

Argos reads ARGOS_PACKAGES_DIR and XDG_DATA/CONFIG/CACHE_HOME once, when
``argostranslate.settings`` is first imported, and creates folders there. They are pointed at
a temporary folder here, at import of this conftest -- before any test module of this
folder (or anything they import) can import argostranslate.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.argos_package import build_package

# -- Argos's folders (engine/memory/service section) ----------------------------------------
ARGOS_HOME = Path(tempfile.mkdtemp(prefix="dari-test-argos-"))
ARGOS_DIRS = {
    "ARGOS_PACKAGES_DIR": ARGOS_HOME / "packages",
    "XDG_DATA_HOME": ARGOS_HOME / "data",
    "XDG_CONFIG_HOME": ARGOS_HOME / "config",
    "XDG_CACHE_HOME": ARGOS_HOME / "cache",
}
for _name, _path in ARGOS_DIRS.items():
    os.environ[_name] = str(_path)


@pytest.fixture(scope="session", autouse=True)
def _argos_home() -> Iterator[Path]:
    yield ARGOS_HOME
    shutil.rmtree(ARGOS_HOME, ignore_errors=True)


def unpack(archive: Path, into: Path) -> Path:
    """Unzip an .argosmodel and return its one top-level folder."""
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(into)
        (top,) = {name.split("/")[0] for name in zf.namelist()}
    return into / top


@pytest.fixture(scope="session")
def en_ko_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An installed (unpacked) tiny en→ko package: word-for-word through EN_KO."""
    built = tmp_path_factory.mktemp("built")
    return unpack(build_package(built), tmp_path_factory.mktemp("installed"))


@pytest.fixture(scope="session")
def ko_en_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("built")
    archive = build_package(built, from_code="ko", to_code="en")
    return unpack(archive, tmp_path_factory.mktemp("installed"))
