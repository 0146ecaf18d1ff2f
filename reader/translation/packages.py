"""Installed Argos Translate packages: list, find, install from a file, remove.

One folder per package inside ``packages_dir``, exactly as Argos lays them out, so Argos's own
tools still read them. What Dari adds:

- Argos's ``get_installed_packages()`` raises if ANY folder lacks metadata.json, which breaks
  every language. ``scan()`` reads each folder on its own (with ``argostranslate.package``) and
  reports broken ones instead of failing.
- Installs are atomic: the archive is checked (``archive.py``), unpacked into a hidden
  ``.dari-install-*`` folder inside ``packages_dir`` (same file system) with the size limits
  enforced while writing, checked again, then renamed into place. On any error or cancel the
  hidden folder is removed; a crash leaves it for ``cleanup()`` at the next start. Nothing is
  ever overwritten: a package with the same folder name or language pair must be removed first.
- Removal renames the folder to a hidden ``.dari-remove-*`` name first, so a half-deleted
  package is never listed.

``argostranslate.package`` is imported only inside functions: importing it imports
``argostranslate.settings``, which creates Argos's data, config and cache folders (under
``XDG_*_HOME`` or ``~``). ``argostranslate.translate`` is never imported. Argos caches its
translators (``get_installed_languages`` is an lru_cache and every Language holds its models),
so after an uninstall/reinstall in one process Argos keeps translating with the old model.
Dari does not use Argos's translator; whatever loads a model from an ``InstalledPackage.path``
must drop it when that package is removed or replaced.
Not safe against two Dari processes installing the same package at the same moment; one
process may call these methods from several threads (a lock serialises changes).
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.translation.archive import (
    MAX_METADATA_BYTES,
    MAX_UNCOMPRESSED,
    MODEL_FILES,
    TOKENIZER_FILE,
    ArchiveError,
    ArchiveInfo,
    Cancelled,
    extract_archive,
    format_size,
    package_name,
    parse_metadata,
    quote,
    validate_archive,
    version_key,
)

__all__ = ["BrokenFolder", "Cancelled", "InstalledPackage", "PackageError", "PackageStore"]

log = logging.getLogger(__name__)

INSTALL_PREFIX = ".dari-install-"
REMOVE_PREFIX = ".dari-remove-"
_LANGUAGES = {"en": "English", "ko": "Korean"}


class PackageError(Exception):
    """Installing or removing failed. ``str(error)`` is a complete sentence for the user."""


@dataclass(frozen=True)
class InstalledPackage:
    from_code: str
    to_code: str
    version: str
    name: str  # "translate-en_ko 1.1"
    path: Path
    size: int  # bytes of all its files


@dataclass(frozen=True)
class BrokenFolder:
    path: Path
    message: str


@dataclass
class Scan:
    packages: list[InstalledPackage] = field(default_factory=list)
    broken: list[BrokenFolder] = field(default_factory=list)


def _pair(from_code: str, to_code: str) -> str:
    return f"{_LANGUAGES.get(from_code, from_code)} → {_LANGUAGES.get(to_code, to_code)}"


class PackageStore:
    def __init__(self, packages_dir: Path, *, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
        self.packages_dir = packages_dir
        self.max_uncompressed = max_uncompressed
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------------

    def scan(self) -> Scan:
        """Every package folder, and the folders that are not usable packages (with why)."""
        result = Scan()
        try:
            entries = sorted(os.scandir(self.packages_dir), key=lambda entry: entry.name)
        except FileNotFoundError:
            return result
        for entry in entries:
            if entry.name.startswith("."):  # our temp folders, and anything else hidden
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                result.broken.append(BrokenFolder(path, f"{quote(entry.name)} is a link."))
            elif entry.is_dir():
                try:
                    result.packages.append(read_package(path))
                except PackageError as error:
                    log.warning("Skipping %s: %s", path, error)
                    result.broken.append(BrokenFolder(path, str(error)))
        return result

    def installed(self) -> list[InstalledPackage]:
        return self.scan().packages

    def find(self, from_code: str, to_code: str) -> InstalledPackage | None:
        """The installed package for this pair with the highest version, if any."""
        matches = [p for p in self.installed() if (p.from_code, p.to_code) == (from_code, to_code)]
        return max(matches, key=lambda p: version_key(p.version), default=None)

    # -- changing ------------------------------------------------------------------------------

    def install_from_path(
        self,
        archive: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> InstalledPackage:
        """Check and install an ``.argosmodel`` file. Progress is (bytes unpacked, total).

        Raises PackageError (nothing was changed) or Cancelled (nothing was changed).
        """
        with self._lock:
            try:
                info = validate_archive(archive, max_uncompressed=self.max_uncompressed)
            except ArchiveError as error:
                raise PackageError(str(error)) from None
            self._refuse_clash(archive, info)
            self._refuse_full_disk(archive, info)
            try:
                temp = Path(tempfile.mkdtemp(prefix=INSTALL_PREFIX, dir=self.packages_dir))
            except OSError as error:
                raise PackageError(self._os_message(archive, info, error)) from None
            try:
                unpacked = extract_archive(
                    archive,
                    temp,
                    max_uncompressed=self.max_uncompressed,
                    progress=progress,
                    cancelled=cancelled,
                )
                if (unpacked.folder, unpacked.name) != (info.folder, info.name):
                    raise PackageError(f"{quote(archive.name)} changed while it was installed.")
                # The unpacked tree, checked again as Argos will read it.
                package = read_package(temp, label=quote(archive.name))
                if cancelled is not None and cancelled():
                    raise Cancelled
                self._refuse_clash(archive, info)  # nothing appeared meanwhile
                os.chmod(temp, 0o755)  # mkdtemp makes it private; the files are 0o644
                os.rename(temp, self.packages_dir / info.folder)
            except BaseException as error:
                shutil.rmtree(temp, ignore_errors=True)  # what a crash leaves, cleanup() removes
                if isinstance(error, ArchiveError):
                    raise PackageError(str(error)) from None
                if isinstance(error, OSError):
                    raise PackageError(self._os_message(archive, info, error)) from None
                raise
        return replace(package, path=self.packages_dir / info.folder)

    def remove(self, package: InstalledPackage) -> None:
        """Remove an installed package; raises PackageError."""
        with self._lock:
            path = package.path
            if path.parent != self.packages_dir or path.name.startswith("."):
                raise PackageError(f"{package.name} is not in {self.packages_dir}.")
            if not path.is_dir() or path.is_symlink():
                raise PackageError(f"{package.name} is not installed (its folder is gone).")
            aside = self.packages_dir / f"{REMOVE_PREFIX}{path.name}-{secrets.token_hex(4)}"
            try:
                os.rename(path, aside)
            except OSError as error:
                raise PackageError(
                    f"{package.name} could not be removed: {error.strerror}."
                ) from None
            shutil.rmtree(aside, ignore_errors=True)  # leftovers: hidden, cleanup() ends them

    def cleanup(self) -> list[Path]:
        """Remove what an interrupted install or removal left behind. Call once at start-up,
        before any install (it would remove a running install's folder)."""
        removed = []
        with self._lock:
            try:
                entries = list(os.scandir(self.packages_dir))
            except FileNotFoundError:
                return []
            for entry in entries:
                if entry.name.startswith((INSTALL_PREFIX, REMOVE_PREFIX)):
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path, ignore_errors=True)
                    else:
                        Path(entry.path).unlink(missing_ok=True)
                    removed.append(Path(entry.path))
        return removed

    # -- helpers -------------------------------------------------------------------------------

    def _refuse_clash(self, archive: Path, info: ArchiveInfo) -> None:
        not_installed = f"{quote(archive.name)} was not installed"
        for name in os.listdir(self.packages_dir) if self.packages_dir.is_dir() else []:
            if name.casefold() == info.folder.casefold():
                raise PackageError(
                    f"{not_installed}: a package folder named {quote(name)} already exists "
                    f"in {self.packages_dir}. Remove that folder first; nothing was changed."
                )
        for package in self.installed():
            if (package.from_code, package.to_code) == (info.from_code, info.to_code):
                raise PackageError(
                    f"{not_installed}: {package.name} already translates "
                    f"{_pair(info.from_code, info.to_code)}. Remove {package.name} first; "
                    "nothing was changed."
                )

    def _refuse_full_disk(self, archive: Path, info: ArchiveInfo) -> None:
        try:
            self.packages_dir.mkdir(parents=True, exist_ok=True)
            free = shutil.disk_usage(self.packages_dir).free
        except OSError as error:
            raise PackageError(self._os_message(archive, info, error)) from None
        if free < info.uncompressed_size + 16 * 1024 * 1024:
            raise PackageError(self._no_space(archive, info, free))

    def _no_space(self, archive: Path, info: ArchiveInfo, free: int | None = None) -> str:
        have = "" if free is None else f", and {format_size(free)} is free"
        return (
            f"{quote(archive.name)} was not installed: it needs "
            f"{format_size(info.uncompressed_size)} of disk space{have}."
        )

    def _os_message(self, archive: Path, info: ArchiveInfo, error: OSError) -> str:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return self._no_space(archive, info)
        return f"{quote(archive.name)} could not be installed: {error.strerror or error}."


def read_package(path: Path, *, label: str | None = None) -> InstalledPackage:
    """Read one package folder; PackageError says why it is not usable (naming the folder,
    or *label*).

    Only plain files and folders (no links, devices or pipes), the model, the tokenizer and
    sane metadata; then Argos must read it too.
    """
    label = label or f"The package folder {quote(path.name)}"
    size = 0
    try:
        for dirpath, dirnames, filenames in os.walk(path, onerror=_raise):
            for entry in dirnames + filenames:
                info = os.lstat(os.path.join(dirpath, entry))
                if stat.S_ISREG(info.st_mode):
                    size += info.st_size
                elif not stat.S_ISDIR(info.st_mode):
                    rel = os.path.relpath(os.path.join(dirpath, entry), path)
                    raise PackageError(_broken(label, f"{quote(rel)} is a link or a special file"))
        for rel in ("metadata.json", *MODEL_FILES, TOKENIZER_FILE):
            if not (path / rel).is_file():
                raise PackageError(_broken(label, f"{quote(rel)} is missing"))
        with open(path / "metadata.json", "rb") as meta:
            from_code, to_code, version, _ = parse_metadata(meta.read(MAX_METADATA_BYTES))
    except ValueError as error:
        raise PackageError(_broken(label, str(error))) from None
    except OSError as error:
        raise PackageError(_broken(label, f"it could not be read ({error.strerror})")) from None
    from argostranslate.package import Package  # lazily: see the module docstring

    try:
        package = Package(path)
    except Exception as error:  # any failure means Argos cannot use it
        raise PackageError(_broken(label, f"Argos cannot read it ({error})")) from None
    if (package.from_code, package.to_code, package.package_version) != (
        from_code,
        to_code,
        version,
    ):
        raise PackageError(_broken(label, "Argos reads different metadata"))
    return InstalledPackage(
        from_code, to_code, version, package_name(from_code, to_code, version), path, size
    )


def _raise(error: OSError) -> None:
    raise error


def _broken(label: str, reason: str) -> str:
    return f"{label} is not usable: {reason}."
