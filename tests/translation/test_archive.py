"""validate_archive / extract_archive: what a user sees for every archive Dari refuses.

The helpers at the top build structurally valid packages with fake model bytes (enough for
checks that never run the model); test_packages.py imports them too.
"""

from __future__ import annotations

import json
import stat
import struct
import warnings
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from reader.translation.archive import (
    RATIO_MIN_SIZE,
    ArchiveError,
    Cancelled,
    extract_archive,
    format_size,
    validate_archive,
)
from tests.helpers.argos_package import build_package

FOLDER = "translate-en_ko-1_0"
PREFIX = "is not a usable translation package: "


def metadata(**changes: object) -> bytes:
    data: dict[str, object] = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "en",
        "from_name": "English",
        "to_code": "ko",
        "to_name": "Korean",
        "type": "translate",
        "links": [],
    }
    data.update(changes)
    return json.dumps({k: v for k, v in data.items() if v is not None}).encode()


def fake_members(
    folder: str = FOLDER, changes: Mapping[str, bytes | None] | None = None
) -> dict[str, bytes]:
    """A valid package's members (name → bytes); ``changes`` replaces members by their name
    inside the folder, or leaves them out (None)."""
    members: dict[str, bytes | None] = {
        "metadata.json": metadata(),
        "model/model.bin": b"\x01fake CTranslate2 weights" * 40,
        "model/config.json": b'{"add_source_bos": false}',
        "sentencepiece.model": b"\x0afake sentencepiece",
        "README.md": b"A fake package.\n",
    }
    members.update(changes or {})
    return {f"{folder}/{name}": data for name, data in members.items() if data is not None}


def write_zip(
    path: Path,
    members: Mapping[str, bytes],
    *,
    modes: Mapping[str, int] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Write *members* (name → bytes) in order; ``modes`` gives Unix modes by name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", compression) as zf:
        warnings.simplefilter("ignore")  # duplicate names are on purpose
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            info.external_attr = ((modes or {}).get(name, stat.S_IFREG | 0o644)) << 16
            zf.writestr(info, data)
    return path


def fake_package(path: Path, changes: Mapping[str, bytes | None] | None = None) -> Path:
    return write_zip(path, fake_members(changes=changes))


def refusal(path: Path, reason: str) -> str:
    return f"“{path.name}” {PREFIX}{reason}."


def patch_central(path: Path, member: str, offset: int, value: int) -> None:
    """Overwrite a 4-byte field of *member*'s central directory entry (24: uncompressed
    size, 42: local header offset)."""
    data = bytearray(path.read_bytes())
    start = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]
    while True:
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        extra, comment = struct.unpack_from("<HH", data, start + 30)
        if data[start + 46 : start + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, start + offset, value)
            path.write_bytes(bytes(data))
            return
        start += 46 + name_len + extra + comment


def tree(root: Path) -> list[tuple[str, int]]:
    """Every file and folder under *root*, hidden ones too, with sizes (-1 for folders)."""
    return sorted(
        (p.relative_to(root).as_posix(), -1 if p.is_dir() else p.lstat().st_size)
        for p in root.rglob("*")
    )


# -- accepted ----------------------------------------------------------------------------------


def test_a_valid_package_is_described(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "en_ko.argosmodel")
    members = fake_members()

    info = validate_archive(archive)

    assert (info.from_code, info.to_code, info.version) == ("en", "ko", "1.0")
    assert info.folder == FOLDER
    assert info.name == "translate-en_ko 1.0"
    assert info.member_count == 5
    assert info.uncompressed_size == sum(len(data) for data in members.values())
    assert info.metadata["to_name"] == "Korean"


def test_a_real_package_from_the_test_builder_is_accepted(tmp_path: Path) -> None:
    archive = build_package(tmp_path, from_code="ko", to_code="en", package_version="1.1")

    info = validate_archive(archive)

    assert (info.from_code, info.to_code, info.version, info.folder) == (
        "ko",
        "en",
        "1.1",
        "translate-ko_en-1_1",
    )


def test_a_package_without_type_counts_as_translate_as_in_argos(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "old.argosmodel", {"metadata.json": metadata(type=None)})
    assert validate_archive(archive).name == "translate-en_ko 1.0"


# -- refused -----------------------------------------------------------------------------------

REFUSED_METADATA = [
    (metadata(type="sbd"), "it is a “sbd” package, not a translation package"),
    (
        metadata(from_code="English"),
        "its metadata.json has no valid “from_code” (a language code such as “en” or “ko”)",
    ),
    (
        metadata(to_code=None),
        "its metadata.json has no valid “to_code” (a language code such as “en” or “ko”)",
    ),
    (metadata(to_code="en"), "its metadata.json says it translates from “en” to itself"),
    (
        metadata(package_version=None),
        "its metadata.json has no valid “package_version” (such as “1.1”)",
    ),
    (
        metadata(package_version="1.0; rm -rf"),
        "its metadata.json has no valid “package_version” (such as “1.1”)",
    ),
    (
        b"{not json",
        "its metadata.json is not valid JSON "
        "(Expecting property name enclosed in double quotes at line 1, column 2)",
    ),
    (b"[1, 2]", "its metadata.json does not describe a package (not a JSON object)"),
    (b"\xff\xfe", "its metadata.json is not UTF-8 text"),
]


@pytest.mark.parametrize(("raw", "reason"), REFUSED_METADATA)
def test_bad_metadata_is_refused_with_the_reason(tmp_path: Path, raw: bytes, reason: str) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel", {"metadata.json": raw})
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(archive, reason)


def refused(tmp_path: Path, members: Mapping[str, bytes], reason: str, **kwargs: object) -> None:
    archive = write_zip(tmp_path / "pkg.argosmodel", members, **kwargs)  # type: ignore[arg-type]
    before = tree(tmp_path)
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(archive, reason)
    assert tree(tmp_path) == before


def test_no_metadata(tmp_path: Path) -> None:
    refused(
        tmp_path,
        fake_members(changes={"metadata.json": None}),
        f"it has no metadata.json in its folder “{FOLDER}”",
    )


@pytest.mark.parametrize(
    ("missing", "reason"),
    [
        ("model/model.bin", f"it has no translation model (“{FOLDER}/model/model.bin” is missing)"),
        (
            "model/config.json",
            f"it has no translation model (“{FOLDER}/model/config.json” is missing)",
        ),
        (
            "sentencepiece.model",
            f"it has no SentencePiece tokenizer (“{FOLDER}/sentencepiece.model” is missing)",
        ),
    ],
)
def test_missing_model_files(tmp_path: Path, missing: str, reason: str) -> None:
    refused(tmp_path, fake_members(changes={missing: None}), reason)


def test_empty_model(tmp_path: Path) -> None:
    refused(
        tmp_path,
        fake_members(changes={"model/model.bin": b""}),
        f"its translation model file “{FOLDER}/model/model.bin” is empty",
    )


def test_two_top_level_folders(tmp_path: Path) -> None:
    members = {**fake_members(), **fake_members("translate-en_ko-1_1")}
    reason = (
        "it must contain exactly one top-level folder, but it has 2: "
        "“translate-en_ko-1_0”, “translate-en_ko-1_1”"
    )
    refused(tmp_path, members, reason)


def test_files_outside_any_folder(tmp_path: Path) -> None:
    members = {name.split("/", 1)[1]: data for name, data in fake_members().items()}
    refused(tmp_path, members, "its files must be inside one folder, but “metadata.json” is not")


def test_a_hidden_folder_name_is_refused(tmp_path: Path) -> None:
    refused(
        tmp_path,
        fake_members(".dari-install-x"),
        "its folder name “.dari-install-x” is not allowed",
    )


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../evil", "it leads outside the package folder"),
        (f"{FOLDER}/../../evil", "it leads outside the package folder"),
        ("/etc/evil", "it is an absolute path"),
        ("C:/Windows/evil", "it starts with a drive letter"),
        (f"{FOLDER}\\..\\..\\evil", "it contains a backslash"),
        (f"{FOLDER}/./model.bin", "it contains an empty or “.” component"),
        (f"{FOLDER}//evil", "it contains an empty or “.” component"),
        (f"{FOLDER}/evil\x1b[31m", "it contains control characters or “:”"),
    ],
)
def test_unsafe_paths(tmp_path: Path, name: str, why: str) -> None:
    shown = name.replace("\x1b", "?")
    refused(
        tmp_path,
        {**fake_members(), name: b"x"},
        f"it contains an unsafe file path “{shown}”: {why}",
    )


def test_symlink_member(tmp_path: Path) -> None:
    link = f"{FOLDER}/model/model.bin"
    members = {**fake_members(changes={"model/model.bin": None}), link: b"/etc/passwd"}
    refused(
        tmp_path,
        members,
        f"it contains a symbolic link “{link}”; packages hold only files",
        modes={link: stat.S_IFLNK | 0o777},
    )


@pytest.mark.parametrize("kind", [stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK])
def test_special_file_member(tmp_path: Path, kind: int) -> None:
    name = f"{FOLDER}/device"
    refused(
        tmp_path,
        {**fake_members(), name: b""},
        f"it contains a special file “{name}”; packages hold only files",
        modes={name: kind | 0o644},
    )


def test_the_same_name_twice(tmp_path: Path) -> None:
    extra = {f"{FOLDER}/Model/model.bin": b"other"}  # the same file on Windows and macOS
    refused(
        tmp_path,
        {**fake_members(), **extra},
        f"it contains “{FOLDER}/Model/model.bin” more than once",
    )


def test_a_name_both_file_and_folder(tmp_path: Path) -> None:
    members = {f"{FOLDER}/model": b"file", **fake_members()}
    reason = f"it contains “{FOLDER.casefold()}/model” both as a file and as a folder"
    refused(tmp_path, members, reason)


def test_too_many_members(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive, max_members=4)
    assert str(caught.value) == refusal(archive, "it has 5 entries, more than the limit of 4")


def test_oversized_package(tmp_path: Path) -> None:
    zeros = {"README.md": bytes(512 * 1024)}
    archive = fake_package(tmp_path / "big.argosmodel", zeros)
    size = sum(len(data) for data in fake_members(changes=zeros).values())
    assert archive.stat().st_size < 64 * 1024  # small on disk: zeros compress well
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive, max_uncompressed=64 * 1024)
    reason = f"unpacked it would take {format_size(size)}, more than the limit of 64 KiB"
    assert str(caught.value) == refusal(archive, reason)


def test_compression_ratio_bomb(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "bomb.argosmodel", {"README.md": bytes(RATIO_MIN_SIZE + 1)})
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    reason = f"“{FOLDER}/README.md” expands far more than any model does (a “zip bomb”)"
    assert str(caught.value) == refusal(archive, reason)


def test_overlapping_members(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "overlap.argosmodel")
    patch_central(archive, f"{FOLDER}/README.md", 42, 0)  # points at the first member's data
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(archive, "its entries overlap (a “zip bomb”)")


def test_password_protected(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "secret.argosmodel")
    data = bytearray(archive.read_bytes())
    start = data.index(b"PK\x01\x02")
    data[start + 8] |= 0x1  # the "encrypted" flag of the first central directory entry
    archive.write_bytes(bytes(data))
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(archive, "it is password-protected")


def test_bzip2_members_are_refused(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "bz.argosmodel", fake_members(), compression=zipfile.ZIP_BZIP2)
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(
        archive, "it uses a compression method other than “deflate”"
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"<html>Not Found</html>", "it is not a zip archive"),
        (None, "it is incomplete or damaged (was the download interrupted?)"),
    ],
)
def test_not_a_zip_or_truncated(tmp_path: Path, content: bytes | None, reason: str) -> None:
    archive = tmp_path / "pkg.argosmodel"
    if content is None:  # the first half of a real archive
        whole = fake_package(tmp_path / "whole.argosmodel").read_bytes()
        content = whole[: len(whole) // 2]
    archive.write_bytes(content)
    with pytest.raises(ArchiveError) as caught:
        validate_archive(archive)
    assert str(caught.value) == refusal(archive, reason)


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError) as caught:
        validate_archive(tmp_path / "missing.argosmodel")
    assert str(caught.value) == "“missing.argosmodel” could not be read: No such file or directory."
    with pytest.raises(ArchiveError) as caught:
        validate_archive(tmp_path)
    assert str(caught.value) == refusal(tmp_path, "it is not a regular file")


# -- extraction --------------------------------------------------------------------------------


def test_extract_writes_the_folder_contents_with_progress(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    dest = tmp_path / "dest"
    dest.mkdir()
    seen: list[tuple[int, int]] = []

    info = extract_archive(archive, dest, progress=lambda done, total: seen.append((done, total)))

    for name, data in fake_members().items():
        assert (dest / name.split("/", 1)[1]).read_bytes() == data
    assert seen[-1] == (info.uncompressed_size, info.uncompressed_size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_extract_can_be_cancelled(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    dest = tmp_path / "dest"
    dest.mkdir()
    calls: list[int] = []
    with pytest.raises(Cancelled):
        extract_archive(
            archive, dest, progress=lambda d, t: calls.append(d), cancelled=lambda: bool(calls)
        )
    assert len(calls) == 1


def test_a_member_shorter_than_declared_is_refused_while_unpacking(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    patch_central(archive, f"{FOLDER}/README.md", 24, 4096)  # declares more than it holds
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(ArchiveError) as caught:
        extract_archive(archive, dest)
    assert str(caught.value) == refusal(archive, "it is incomplete or damaged")


def test_a_member_longer_than_declared_is_refused_while_unpacking(tmp_path: Path) -> None:
    archive = fake_package(tmp_path / "pkg.argosmodel")
    patch_central(archive, f"{FOLDER}/README.md", 24, 4)  # declares less: the CRC fails
    dest = tmp_path / "dest"
    dest.mkdir()
    with pytest.raises(ArchiveError) as caught:
        extract_archive(archive, dest)
    reason = f"it is damaged (“{FOLDER}/README.md” cannot be unpacked)"
    assert str(caught.value) == refusal(archive, reason)
