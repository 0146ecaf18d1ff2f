"""fetch_index / download_package against a loopback HTTP server: no real network is used."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.translation.download import (
    DEFAULT_INDEX_URL,
    Cancelled,
    DownloadError,
    RemotePackage,
    download_package,
    fetch_index,
)
from reader.translation.packages import PackageStore
from tests.helpers.argos_package import build_package

Route = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]


def send(body: bytes, *, length: int | None = None) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body) if length is None else length))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def stall(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)

    return route


def drip(total: int, every: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(total))
        handler.end_headers()
        for _ in range(total):
            time.sleep(every)
            try:
                handler.wfile.write(b"[")
            except OSError:  # the client gave up
                return

    return route


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.routes = {}
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def index_entries(url: str) -> list[object]:
    def entry(from_code: str, to_code: str, version: str, **more: object) -> dict[str, object]:
        name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}.argosmodel"
        return {
            "package_version": version,
            "argos_version": version,
            "from_code": from_code,
            "to_code": to_code,
            "links": [f"ipfs://Qm{from_code}{to_code}", f"{url}/{name}"],
            "code": f"translate-{from_code}_{to_code}",
            **more,
        }

    return [
        entry("en", "de", "1.0"),
        entry("en", "ko", "1.1", sha256="ab" * 32, size=1234),
        {"type": "sbd", "from_code": "en", "to_code": "ko", "package_version": "1.0"},
        entry("ko", "en", "1.1"),
        "not an entry",
        entry("en", "ko", "../1"),
        {**entry("ko", "en", "1.2"), "links": ["ipfs://QmOnlyIpfs"]},
    ]


def no_free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again: nothing listens there


# -- the index ---------------------------------------------------------------------------------


def test_fetch_index_keeps_english_korean_translation_packages(server: _Server) -> None:
    url = base(server)
    server.routes["/index.json"] = send(json.dumps(index_entries(url)).encode())

    packages = fetch_index(timeout=5, url=f"{url}/index.json", allow_http=True)

    assert packages == [
        RemotePackage("en", "ko", "1.1", f"{url}/translate-en_ko-1_1.argosmodel", "ab" * 32, 1234),
        RemotePackage("ko", "en", "1.1", f"{url}/translate-ko_en-1_1.argosmodel"),
    ]
    assert packages[0].name == "translate-en_ko 1.1"


def test_the_default_index_is_argos_index_over_https() -> None:
    assert DEFAULT_INDEX_URL == (
        "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
    )


def test_plain_http_is_refused_unless_allowed(server: _Server) -> None:
    url = f"{base(server)}/index.json"
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=5, url=url)
    assert str(caught.value) == (
        f"Dari downloads only over a secure connection (https), not {url}."
    )


def test_an_http_error_is_reported(server: _Server) -> None:
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=5, url=f"{base(server)}/index.json", allow_http=True)
    assert str(caught.value) == (
        "The download from 127.0.0.1 failed: the server answered “404 Not Found”."
    )


def test_an_index_that_is_not_json_is_reported(server: _Server) -> None:
    server.routes["/index.json"] = send(b"<html>captive portal</html>")
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=5, url=f"{base(server)}/index.json", allow_http=True)
    assert str(caught.value) == "The package list from 127.0.0.1 could not be read."


def test_connection_refused_fails_fast_as_no_network() -> None:
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        fetch_index(
            timeout=10, url=f"http://127.0.0.1:{no_free_port()}/index.json", allow_http=True
        )
    assert time.monotonic() - started < 1.0
    assert str(caught.value) == (
        "No network connection: 127.0.0.1 could not be reached. Check that you are online."
    )


def test_a_name_that_does_not_resolve_is_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", offline)  # no DNS query leaves the machine
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=10)
    assert time.monotonic() - started < 1.0
    assert str(caught.value) == (
        "No network connection: raw.githubusercontent.com could not be found. "
        "Check that you are online."
    )


def test_a_silent_server_times_out(server: _Server) -> None:
    server.routes["/index.json"] = stall(3)
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=0.3, url=f"{base(server)}/index.json", allow_http=True)
    assert time.monotonic() - started < 2.0
    assert str(caught.value) == "127.0.0.1 did not answer within 0.3 seconds. Try again later."


def test_a_server_sending_a_byte_at_a_time_still_times_out(server: _Server) -> None:
    server.routes["/index.json"] = drip(100, 0.05)  # each read is quick; the whole is not
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        fetch_index(timeout=0.5, url=f"{base(server)}/index.json", allow_http=True)
    assert time.monotonic() - started < 1.5
    assert str(caught.value) == "127.0.0.1 did not answer within 0.5 seconds. Try again later."


def test_cancel_before_connecting(server: _Server) -> None:
    server.routes["/index.json"] = send(b"[]")
    with pytest.raises(Cancelled):
        fetch_index(
            timeout=5, url=f"{base(server)}/index.json", allow_http=True, cancelled=lambda: True
        )


# -- downloading a package ---------------------------------------------------------------------


@pytest.fixture
def package_bytes(tmp_path: Path) -> bytes:
    return build_package(tmp_path / "built").read_bytes()


def remote(server: _Server, **more: object) -> RemotePackage:
    url = f"{base(server)}/translate-en_ko-1_0.argosmodel"
    return RemotePackage("en", "ko", "1.0", url, **more)  # type: ignore[arg-type]


def test_download_streams_with_progress_then_installs(
    tmp_path: Path, server: _Server, package_bytes: bytes
) -> None:
    server.routes["/translate-en_ko-1_0.argosmodel"] = send(package_bytes)
    dest = tmp_path / "downloads"
    seen: list[tuple[int, int]] = []

    path = download_package(
        remote(server, sha256=hashlib.sha256(package_bytes).hexdigest()),
        dest,
        timeout=5,
        progress=lambda *p: seen.append(p),
        allow_http=True,
    )

    assert path == dest / "translate-en_ko-1_0.argosmodel"
    assert path.read_bytes() == package_bytes
    assert sorted(p.name for p in dest.iterdir()) == [path.name]  # no .part left
    assert len(seen) > 1
    assert seen[-1] == (len(package_bytes), len(package_bytes))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    (tmp_path / "packages").mkdir()
    installed = PackageStore(tmp_path / "packages").install_from_path(path)
    assert installed.name == "translate-en_ko 1.0"


def test_download_can_be_cancelled(tmp_path: Path, server: _Server) -> None:
    server.routes["/translate-en_ko-1_0.argosmodel"] = send(os.urandom(1024 * 1024))
    dest = tmp_path / "downloads"
    seen: list[int] = []

    with pytest.raises(Cancelled):
        download_package(
            remote(server),
            dest,
            timeout=5,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: len(seen) >= 3,
            allow_http=True,
        )

    assert 0 < seen[-1] < 1024 * 1024
    assert list(dest.iterdir()) == []


def test_a_missing_package_gives_the_http_error(tmp_path: Path, server: _Server) -> None:
    with pytest.raises(DownloadError) as caught:
        download_package(remote(server), tmp_path / "downloads", timeout=5, allow_http=True)
    assert str(caught.value) == (
        "The download from 127.0.0.1 failed: the server answered “404 Not Found”."
    )
    assert not (tmp_path / "downloads").exists()


def test_a_checksum_mismatch_deletes_the_file(
    tmp_path: Path, server: _Server, package_bytes: bytes
) -> None:
    server.routes["/translate-en_ko-1_0.argosmodel"] = send(package_bytes)
    dest = tmp_path / "downloads"

    with pytest.raises(DownloadError) as caught:
        download_package(remote(server, sha256="0" * 64), dest, timeout=5, allow_http=True)

    assert str(caught.value) == (
        "The download of translate-en_ko 1.0 is damaged (its checksum does not match the "
        "package list). It was deleted; try again."
    )
    assert list(dest.iterdir()) == []


def test_a_connection_closed_early_is_reported(tmp_path: Path, server: _Server) -> None:
    server.routes["/translate-en_ko-1_0.argosmodel"] = send(b"x" * 500, length=1000)
    dest = tmp_path / "downloads"

    with pytest.raises(DownloadError) as caught:
        download_package(remote(server), dest, timeout=5, allow_http=True)

    assert str(caught.value) == "The connection to 127.0.0.1 was interrupted. Try again."
    assert list(dest.iterdir()) == []


def test_downloading_from_nowhere_fails_fast(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{no_free_port()}/translate-en_ko-1_0.argosmodel"
    started = time.monotonic()
    with pytest.raises(DownloadError, match="^No network connection: "):
        download_package(
            RemotePackage("en", "ko", "1.0", url), tmp_path / "d", timeout=30, allow_http=True
        )
    assert time.monotonic() - started < 1.0
    assert not (tmp_path / "d").exists()


def test_importing_the_module_touches_no_network_and_no_argos() -> None:
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise SystemExit('network used at import')\n"
        "socket.socket.connect = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import reader.translation.download\n"
        "print(sorted(m for m in sys.modules if m.startswith('argostranslate')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_a_redirect_may_not_leave_https() -> None:
    from urllib.request import Request

    from reader.translation.download import _Redirects

    request = Request("https://example.org/index.json")
    for target in ("http://example.org/index.json", "ftp://example.org/index.json"):
        with pytest.raises(DownloadError) as caught:
            _Redirects(allow_http=False).redirect_request(request, None, 302, "Found", {}, target)
        assert str(caught.value) == (
            f"Dari downloads only over a secure connection (https), not {target}."
        )
    followed = _Redirects(allow_http=False).redirect_request(
        request, None, 302, "Found", {}, "https://mirror.example.org/index.json"
    )
    assert followed is not None
    assert followed.full_url == "https://mirror.example.org/index.json"
