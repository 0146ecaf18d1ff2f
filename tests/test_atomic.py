"""Atomic writes: a failure at any step (the disk filling up part-way through the data, the
flush to disk, the rename) leaves the previous file exactly as it was and no temporary file
behind; success replaces the file, readable by its owner only."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from reader.atomic import write_atomically


class _DiskFull:
    """A file on a disk that fills up half-way through what is written to it."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, data: bytes) -> int:
        self.file.write(data[: len(data) // 2])
        self.file.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


def disk_full_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, every file opened for writing from a descriptor (as `write_atomically`
    does) takes half of what is written, then reports a full disk."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        file = real_fdopen(fd, mode, *args, **kwargs)
        return _DiskFull(file) if "w" in mode else file

    monkeypatch.setattr(os, "fdopen", fdopen)


def _fail(*args: object) -> None:
    raise OSError(errno.EIO, os.strerror(errno.EIO))


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failure_at_any_step_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "client.dari"
    write_atomically(target, b"the old session, whole")
    replace = os.replace
    if step == "write":
        disk_full_half_way(monkeypatch)
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", _fail)
    else:
        replace = _fail
    with pytest.raises(OSError) as caught:
        write_atomically(target, b"the new session, " * 1000, replace=replace)
    assert caught.value.errno == (errno.ENOSPC if step == "write" else errno.EIO)
    assert target.read_bytes() == b"the old session, whole"
    assert [p.name for p in tmp_path.iterdir()] == ["client.dari"]  # no temporary file left


def test_success_replaces_the_file_and_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "client.dari"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["client.dari"]
    write_atomically(target, b"shared", private=False)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
