"""PackageStore: install, list, find, remove -- and nothing left behind when anything fails.

Every refusal compares a snapshot of the whole test directory (archives, packages folder,
hidden temp folders) before and after: nothing new may appear inside or outside it.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from collections import namedtuple
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.translation import archive as archive_module
from reader.translation.archive import Cancelled, validate_archive
from reader.translation.packages import (
    BrokenFolder,
    InstalledPackage,
    PackageError,
    PackageStore,
)
from tests.helpers.argos_package import build_package, build_package_dir
from tests.translation.test_archive import (
    FOLDER,
    fake_members,
    fake_package,
    metadata,
    patch_central,
    refusal,
    tree,
    write_zip,
)


@pytest.fixture
def store(tmp_path: Path) -> PackageStore:
    packages = tmp_path / "packages"
    packages.mkdir()
    return PackageStore(packages)


@pytest.fixture
def ko_en(tmp_path: Path, store: PackageStore) -> InstalledPackage:
    """A real Korean→English package, already installed."""
    archive = build_package(tmp_path / "installed", from_code="ko", to_code="en")
    return store.install_from_path(archive)


def files_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# -- refusals ----------------------------------------------------------------------------------

Case = namedtuple("Case", "build reason")  # build(dir) -> archive path


def _truncated(out: Path) -> Path:
    whole = build_package(out / "whole")
    part = out / "half.argosmodel"
    part.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return part


def _not_zip(out: Path) -> Path:
    path = out / "page.argosmodel"
    path.write_bytes(b"<html>Not Found</html>")
    return path


def _fake(*changes: tuple[str, bytes | None], extra: dict[str, bytes] | None = None) -> Callable:
    def build(out: Path) -> Path:
        members = {**fake_members(changes=dict(changes)), **(extra or {})}
        return write_zip(out / "pkg.argosmodel", members)

    return build


def _symlink(out: Path) -> Path:
    link = f"{FOLDER}/model/model.bin"
    members = {**fake_members(changes={"model/model.bin": None}), link: b"/etc/passwd"}
    return write_zip(out / "pkg.argosmodel", members, modes={link: 0o120777})


REFUSALS = {
    "not a zip": Case(_not_zip, "it is not a zip archive"),
    "truncated": Case(_truncated, "it is incomplete or damaged (was the download interrupted?)"),
    "no metadata": Case(
        _fake(("metadata.json", None)), f"it has no metadata.json in its folder “{FOLDER}”"
    ),
    "bad metadata JSON": Case(
        _fake(("metadata.json", b'{"from_code": "en",}')),
        "its metadata.json is not valid JSON "
        "(Expecting property name enclosed in double quotes at line 1, column 20)",
    ),
    "wrong type": Case(
        _fake(("metadata.json", metadata(type="sbd"))),
        "it is a “sbd” package, not a translation package",
    ),
    "two top-level folders": Case(
        _fake(extra=fake_members("other")),
        "it must contain exactly one top-level folder, but it has 2: "
        "“other”, “translate-en_ko-1_0”",
    ),
    "missing model": Case(
        _fake(("model/model.bin", None)),
        f"it has no translation model (“{FOLDER}/model/model.bin” is missing)",
    ),
    "path traversal": Case(
        _fake(extra={"../evil": b"owned"}),
        "it contains an unsafe file path “../evil”: it leads outside the package folder",
    ),
    "absolute path": Case(
        _fake(extra={"/tmp/evil": b"owned"}),
        "it contains an unsafe file path “/tmp/evil”: it is an absolute path",
    ),
    "symlink member": Case(
        _symlink,
        f"it contains a symbolic link “{FOLDER}/model/model.bin”; packages hold only files",
    ),
}


@pytest.mark.parametrize("case", REFUSALS.values(), ids=REFUSALS.keys())
def test_refused_archives_change_nothing(
    tmp_path: Path, store: PackageStore, ko_en: InstalledPackage, case: Case
) -> None:
    (tmp_path / "archives").mkdir()
    archive = case.build(tmp_path / "archives")
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    assert str(caught.value) == refusal(archive, case.reason)
    assert tree(tmp_path) == before
    assert store.installed() == [ko_en]


def test_an_oversized_package_is_refused(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    store = PackageStore(tmp_path / "packages", max_uncompressed=64 * 1024)
    archive = fake_package(tmp_path / "big.argosmodel", {"README.md": bytes(512 * 1024)})
    size = validate_archive(archive).uncompressed_size
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    reason = (
        f"unpacked it would take {archive_module.format_size(size)}, more than the limit of 64 KiB"
    )
    assert str(caught.value) == refusal(archive, reason)
    assert tree(tmp_path) == before


def test_damage_found_only_while_unpacking_leaves_nothing(
    tmp_path: Path, store: PackageStore
) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    patch_central(archive, f"{FOLDER}/README.md", 24, 4)  # the CRC fails on the last member
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    assert str(caught.value) == refusal(
        archive, f"it is damaged (“{FOLDER}/README.md” cannot be unpacked)"
    )
    assert tree(tmp_path) == before


def test_the_same_folder_name_is_refused(
    tmp_path: Path, store: PackageStore, ko_en: InstalledPackage
) -> None:
    # An en→ko package whose folder is named like the installed ko→en one, in other case.
    archive = build_package(tmp_path / "archives", folder_name="Translate-KO_en-1_0")
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    assert str(caught.value) == (
        "“Translate-KO_en-1_0.argosmodel” was not installed: a package folder named "
        f"“translate-ko_en-1_0” already exists in {store.packages_dir}. "
        "Remove that folder first; nothing was changed."
    )
    assert tree(tmp_path) == before


def test_the_same_language_pair_is_refused(
    tmp_path: Path, store: PackageStore, ko_en: InstalledPackage
) -> None:
    archive = build_package(
        tmp_path / "archives", from_code="ko", to_code="en", package_version="1.1"
    )
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    assert str(caught.value) == (
        "“translate-ko_en-1_1.argosmodel” was not installed: translate-ko_en 1.0 already "
        "translates Korean → English. Remove translate-ko_en 1.0 first; nothing was changed."
    )
    assert tree(tmp_path) == before
    assert store.find("ko", "en") == ko_en


def test_a_broken_folder_of_the_same_name_is_not_overwritten(
    tmp_path: Path, store: PackageStore
) -> None:
    (store.packages_dir / "translate-en_ko-1_0").mkdir()
    archive = build_package(tmp_path / "archives")
    before = tree(tmp_path)

    with pytest.raises(PackageError, match="a package folder named “translate-en_ko-1_0”"):
        store.install_from_path(archive)

    assert tree(tmp_path) == before


def test_a_full_disk_is_reported_before_unpacking(
    tmp_path: Path, store: PackageStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = build_package(tmp_path / "archives")
    size = validate_archive(archive).uncompressed_size
    usage = shutil.disk_usage(store.packages_dir)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=1024))
    before = tree(tmp_path)

    with pytest.raises(PackageError) as caught:
        store.install_from_path(archive)

    assert str(caught.value) == (
        "“translate-en_ko-1_0.argosmodel” was not installed: it needs "
        f"{archive_module.format_size(size)} of disk space, and 1 KiB is free."
    )
    assert tree(tmp_path) == before


def test_a_write_error_while_unpacking_leaves_nothing(
    tmp_path: Path, store: PackageStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = build_package(tmp_path / "archives")
    real_open = os.open

    def disk_fills_up(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("model.bin"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(archive_module.os, "open", disk_fills_up)
    before = tree(tmp_path)

    with pytest.raises(PackageError, match="of disk space\\.$"):
        store.install_from_path(archive)

    assert tree(tmp_path) == before


# -- installing, listing, removing -------------------------------------------------------------


def test_install_list_find_and_remove_a_real_package(tmp_path: Path, store: PackageStore) -> None:
    archive = build_package(tmp_path / "archives")
    total = validate_archive(archive).uncompressed_size
    before = tree(tmp_path)
    seen: list[tuple[int, int]] = []

    package = store.install_from_path(archive, progress=lambda *p: seen.append(p))

    folder = store.packages_dir / "translate-en_ko-1_0"
    assert package == InstalledPackage("en", "ko", "1.0", "translate-en_ko 1.0", folder, total)
    assert package.size == files_size(folder)
    assert seen[-1] == (total, total) and len(seen) > 3
    assert store.installed() == [package]
    assert store.find("en", "ko") == package
    assert store.find("ko", "en") is None
    added = sorted(set(tree(tmp_path)) - set(before))
    assert all(name.startswith("packages/translate-en_ko-1_0") for name, _ in added)
    assert set(before) <= set(tree(tmp_path))
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            if not name.endswith("/"):
                assert (folder / name.split("/", 1)[1]).read_bytes() == zf.read(name)

    from argostranslate.package import Package, get_installed_packages

    assert (Package(folder).from_code, Package(folder).to_code) == ("en", "ko")
    assert [p.package_path for p in get_installed_packages([store.packages_dir])] == [folder]

    store.remove(package)

    assert tree(tmp_path) == before
    assert store.installed() == []
    with pytest.raises(PackageError) as caught:
        store.remove(package)
    assert str(caught.value) == "translate-en_ko 1.0 is not installed (its folder is gone)."


def test_cancel_mid_install_leaves_nothing(tmp_path: Path, store: PackageStore) -> None:
    archive = build_package(tmp_path / "archives")
    before = tree(tmp_path)
    seen: list[int] = []

    with pytest.raises(Cancelled):
        store.install_from_path(
            archive,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: len(seen) >= 2,
        )

    assert 0 < seen[-1] < validate_archive(archive).uncompressed_size  # really mid-way
    assert tree(tmp_path) == before


def test_find_takes_the_highest_version(store: PackageStore) -> None:
    for version in ("1.9", "1.10", "1.2"):  # put there by hand, or by Argos
        build_package_dir(store.packages_dir, package_version=version)

    found = store.find("en", "ko")

    assert found is not None and found.version == "1.10"
    assert [p.version for p in store.installed()] == ["1.10", "1.2", "1.9"]  # by folder name


def test_broken_and_hidden_folders_are_skipped_and_reported(
    store: PackageStore, ko_en: InstalledPackage
) -> None:
    (store.packages_dir / "empty").mkdir()
    wrong = build_package_dir(store.packages_dir, folder_name="sbd-package")
    (wrong / "metadata.json").write_bytes(metadata(type="sbd"))
    (store.packages_dir / ".dari-install-abc123").mkdir()  # an install under way
    (store.packages_dir / "notes.txt").write_text("not a package")
    (store.packages_dir / "link").symlink_to(ko_en.path)

    scan = store.scan()

    assert scan.packages == [ko_en]
    assert scan.broken == [
        BrokenFolder(
            store.packages_dir / "empty",
            "The package folder “empty” is not usable: “metadata.json” is missing.",
        ),
        BrokenFolder(store.packages_dir / "link", "“link” is a link."),
        BrokenFolder(
            store.packages_dir / "sbd-package",
            "The package folder “sbd-package” is not usable: "
            "it is a “sbd” package, not a translation package.",
        ),
    ]
    # What Dari avoids: Argos gives up on every package because of one bad folder.
    from argostranslate.package import get_installed_packages

    with pytest.raises(FileNotFoundError):
        get_installed_packages([store.packages_dir])


def test_cleanup_removes_only_what_an_interrupted_install_or_removal_left(
    store: PackageStore, ko_en: InstalledPackage
) -> None:
    crashed = store.packages_dir / ".dari-install-k2j3"
    (crashed / "model").mkdir(parents=True)
    (crashed / "model" / "model.bin").write_bytes(b"half")
    aside = store.packages_dir / ".dari-remove-translate-en_ko-1_0-ab12"
    aside.mkdir()
    other = store.packages_dir / ".someone-elses"
    other.mkdir()

    removed = store.cleanup()

    assert sorted(removed) == sorted([crashed, aside])
    assert sorted(p.name for p in store.packages_dir.iterdir()) == [
        ".someone-elses",
        "translate-ko_en-1_0",
    ]
    assert store.installed() == [ko_en]


def test_remove_refuses_a_folder_outside_the_store(tmp_path: Path, store: PackageStore) -> None:
    outside = build_package_dir(tmp_path / "elsewhere")
    package = InstalledPackage("en", "ko", "1.0", "translate-en_ko 1.0", outside, 1)

    with pytest.raises(PackageError) as caught:
        store.remove(package)

    assert str(caught.value) == f"translate-en_ko 1.0 is not in {store.packages_dir}."
    assert (outside / "metadata.json").is_file()


def test_no_argos_import_at_module_import_and_no_argos_translate_ever(tmp_path: Path) -> None:
    archive = build_package(tmp_path / "archives")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import reader.translation.archive, reader.translation.download\n"
        "from reader.translation.packages import PackageStore\n"
        "print(sorted(m for m in sys.modules if m.startswith('argostranslate')))\n"
        "store = PackageStore(Path(sys.argv[2]))\n"
        "store.install_from_path(Path(sys.argv[1]))\n"
        "print(store.installed()[0].name, 'argostranslate.translate' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(archive), str(tmp_path / "packages")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "translate-en_ko 1.0 False"]


def test_argos_data_folders_are_the_test_sessions_not_the_users() -> None:
    from argostranslate import settings

    home = Path.home().resolve()
    for folder in (settings.data_dir, settings.config_dir, settings.cache_dir):
        assert home not in Path(folder).resolve().parents, folder
    assert Path(os.environ["ARGOS_PACKAGES_DIR"]) == Path(settings.package_data_dir)
