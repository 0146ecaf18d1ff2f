"""Writing a user's file so that a crash at any moment leaves the old file or the new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(
    path: Path,
    data: bytes,
    *,
    private: bool = True,
    replace: Callable[[str, Path], None] = os.replace,
) -> None:
    """Replace `path` with `data`: write a temporary file in the same directory, flush and
    fsync it, rename it over `path` and fsync the directory. A private file (the default:
    sessions and glossaries may hold notes about clients) is readable by its owner only.
    `replace` is the rename; callers pass their module's hook so tests can simulate a crash
    between the write and the rename. On any failure the temporary file is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if not private and hasattr(os, "fchmod"):
            os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def aside_path(path: Path, stamp: str) -> Path:
    """Where a damaged `path` is set aside: ``<name>.corrupt-<stamp>``, or with ``-2``,
    ``-3``, ... after it if that is taken."""
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return target
