"""Download English↔Korean Argos Translate packages, only when the user asks for it.

Nothing here runs at import or start-up, and nothing retries: one attempt, a timeout, and a
message that says what went wrong. (Argos's own ``get_available_packages()`` retries about a
thousand times offline and ends in a RecursionError after ~100 s.)

The index URL is copied from ``argostranslate/settings.py`` (1.12.1) rather than imported:
importing ``argostranslate.settings`` creates Argos's data, config and cache folders, reads its
settings.json and sets ``KMP_DUPLICATE_LIB_OK`` in ``os.environ`` -- side effects that do not
belong in looking up a URL. As in Argos, ``ARGOS_PACKAGE_INDEX`` (a base URL ending in "/")
overrides it.

The index is a JSON list of package metadata (the fields of metadata.json) with ``links``
(URLs; ``ipfs://`` ones are skipped) and ``code`` ("translate-en_ko"). It has no checksums
today; an entry's ``sha256``, if one ever appears, is checked. Only https is used unless a
caller passes ``allow_http=True`` (tests on a loopback server).

Timeouts: ``timeout`` bounds connecting and each read; ``fetch_index`` also stops once
``timeout`` has passed in total. Name resolution (DNS) is up to the system resolver and not
covered; offline it fails at once (no route, or the resolver answers "not found").
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import json
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.translation.archive import (
    MAX_UNCOMPRESSED,
    MIB,
    Cancelled,
    format_size,
    metadata_fields,
    package_name,
)

__all__ = ["Cancelled", "DownloadError", "RemotePackage", "download_package", "fetch_index"]

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
PAIRS = {("en", "ko"), ("ko", "en")}
MAX_INDEX_BYTES = 5 * MIB  # the whole index is ~32 KB
MAX_DOWNLOAD_BYTES = MAX_UNCOMPRESSED + 64 * MIB  # archive.py would refuse anything larger
_CHUNK = 64 * 1024
_USER_AGENT = "Dari"
_OFFLINE_ERRNOS = {
    errno.ECONNREFUSED,
    errno.ECONNRESET,
    errno.ECONNABORTED,
    errno.ENETUNREACH,
    errno.ENETDOWN,
    errno.EHOSTUNREACH,
    errno.EADDRNOTAVAIL,
}

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class DownloadError(Exception):
    """A download failed. ``str(error)`` is a complete sentence for the user."""


@dataclass(frozen=True)
class RemotePackage:
    from_code: str
    to_code: str
    version: str
    url: str
    sha256: str | None = None
    size: int | None = None  # bytes, when the index says

    @property
    def name(self) -> str:
        return package_name(self.from_code, self.to_code, self.version)

    @property
    def filename(self) -> str:
        return (
            f"translate-{self.from_code}_{self.to_code}-{self.version.replace('.', '_')}.argosmodel"
        )


def index_url() -> str:
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    return base + "index.json" if base else DEFAULT_INDEX_URL


def fetch_index(
    *,
    timeout: float = 10.0,
    cancelled: CancelCheck | None = None,
    url: str | None = None,
    allow_http: bool = False,
) -> list[RemotePackage]:
    """The English↔Korean translation packages in the index; raises DownloadError/Cancelled."""
    url = url or index_url()
    deadline = time.monotonic() + timeout
    data = bytearray()
    with _open(url, timeout, allow_http, cancelled) as response:
        while chunk := _read(response, url, timeout, cancelled):
            data += chunk
            if len(data) > MAX_INDEX_BYTES:
                raise DownloadError(f"The package list at {_host(url)} is far too large.")
            if time.monotonic() > deadline:
                raise DownloadError(_timed_out(url, timeout))
    try:
        entries = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DownloadError(f"The package list from {_host(url)} could not be read.") from None
    if not isinstance(entries, list):
        raise DownloadError(f"The package list from {_host(url)} could not be read.")
    packages = [p for entry in entries if (p := _remote(entry, allow_http)) is not None]
    return packages


def download_package(
    remote: RemotePackage,
    dest_dir: Path,
    *,
    timeout: float = 30.0,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    allow_http: bool = False,
) -> Path:
    """Download *remote* into *dest_dir* and return the file's path.

    Writes ``<name>.argosmodel.part`` and renames it when complete (replacing an earlier
    download of the same file). Progress is (bytes done, total); total is 0 when unknown.
    ``timeout`` is how long the server may stay silent. On any failure or cancel the
    ``.part`` file is removed. Raises DownloadError or Cancelled.
    """
    final = dest_dir / remote.filename
    part = final.with_name(final.name + ".part")
    with _open(remote.url, timeout, allow_http, cancelled) as response:
        length = _content_length(response)  # what the server promises, if it does
        total = length or remote.size or 0
        if total > MAX_DOWNLOAD_BYTES:
            raise DownloadError(_too_large(remote))
        digest = hashlib.sha256()
        done = 0
        try:
            try:
                dest_dir.mkdir(parents=True, exist_ok=True)
                part.unlink(missing_ok=True)  # a stale one; "xb" then never follows a link
                with open(part, "xb") as out:
                    while chunk := _read(response, remote.url, timeout, cancelled):
                        done += len(chunk)
                        if done > MAX_DOWNLOAD_BYTES:
                            raise DownloadError(_too_large(remote))
                        digest.update(chunk)
                        out.write(chunk)
                        if progress is not None:
                            progress(done, total)
                if length and done < length:
                    raise DownloadError(_interrupted(remote.url))
                if remote.sha256 and digest.hexdigest() != remote.sha256.lower():
                    raise DownloadError(
                        f"The download of {remote.name} is damaged (its checksum does not "
                        "match the package list). It was deleted; try again."
                    )
                os.replace(part, final)
            except OSError as error:  # reading errors are DownloadErrors already
                raise DownloadError(
                    f"The download could not be saved in {dest_dir}: {error.strerror}."
                ) from None
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return final


# -- internals ---------------------------------------------------------------------------------


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to the schemes allowed for the first request."""

    def __init__(self, allow_http: bool) -> None:
        self._allow_http = allow_http

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        _check_scheme(newurl, self._allow_http)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_scheme(url: str, allow_http: bool) -> None:
    scheme = urlsplit(url).scheme
    if scheme != "https" and not (allow_http and scheme == "http"):
        raise DownloadError(f"Dari downloads only over a secure connection (https), not {url}.")


@contextmanager
def _open(
    url: str, timeout: float, allow_http: bool, cancelled: CancelCheck | None
) -> Iterator[http.client.HTTPResponse]:
    _check_scheme(url, allow_http)
    if cancelled is not None and cancelled():
        raise Cancelled
    opener = urllib.request.build_opener(_Redirects(allow_http))
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        response: http.client.HTTPResponse = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        raise DownloadError(
            f"The download from {_host(url)} failed: the server answered "
            f"“{error.code} {error.reason}”."
        ) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise DownloadError(_describe(error, url, timeout)) from None
    with response:
        yield response


def _read(
    response: http.client.HTTPResponse, url: str, timeout: float, cancelled: CancelCheck | None
) -> bytes:
    """What one receive brings (``read1``): ``read(n)`` would wait for all n bytes, one
    socket timeout per receive, so a server sending a byte at a time could hold it for hours."""
    if cancelled is not None and cancelled():
        raise Cancelled
    try:
        return response.read1(_CHUNK)
    except (ConnectionResetError, ConnectionAbortedError, http.client.HTTPException):
        raise DownloadError(_interrupted(url)) from None
    except OSError as error:
        raise DownloadError(_describe(error, url, timeout)) from None


def _describe(error: BaseException, url: str, timeout: float) -> str:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    host = _host(url)
    if isinstance(reason, TimeoutError):  # socket.timeout too
        return _timed_out(url, timeout)
    if isinstance(reason, socket.gaierror):
        return f"No network connection: {host} could not be found. Check that you are online."
    if isinstance(reason, ssl.SSLError):
        return f"A secure connection to {host} could not be made ({reason})."
    if isinstance(reason, OSError) and (
        reason.errno in _OFFLINE_ERRNOS or isinstance(reason, ConnectionError)
    ):
        return f"No network connection: {host} could not be reached. Check that you are online."
    if isinstance(reason, http.client.HTTPException):
        return _interrupted(url)
    return f"The download from {host} failed: {reason}."


def _remote(entry: object, allow_http: bool) -> RemotePackage | None:
    try:
        from_code, to_code, version = metadata_fields(entry)
    except ValueError:
        return None
    assert isinstance(entry, dict)
    if (from_code, to_code) not in PAIRS:
        return None
    links = entry.get("links")
    urls = [link for link in links if isinstance(link, str)] if isinstance(links, list) else []
    scheme_ok = {"https", "http"} if allow_http else {"https"}
    usable = [link for link in urls if urlsplit(link).scheme in scheme_ok]
    if not usable:
        return None
    sha256 = entry.get("sha256")
    size = entry.get("size")
    return RemotePackage(
        from_code,
        to_code,
        version,
        usable[0],
        sha256 if isinstance(sha256, str) and re.fullmatch(r"[0-9a-fA-F]{64}", sha256) else None,
        size if isinstance(size, int) and size > 0 else None,
    )


def _content_length(response: http.client.HTTPResponse) -> int:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else 0


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _timed_out(url: str, timeout: float) -> str:
    return f"{_host(url)} did not answer within {timeout:g} seconds. Try again later."


def _interrupted(url: str) -> str:
    return f"The connection to {_host(url)} was interrupted. Try again."


def _too_large(remote: RemotePackage) -> str:
    return f"{remote.name} is larger than {format_size(MAX_DOWNLOAD_BYTES)}; it was not downloaded."
