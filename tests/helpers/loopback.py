"""A loopback web server that records every request made to it: a page that points at it
shows whether opening the page fetched anything."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Loopback:
    base: str  # http://127.0.0.1:PORT
    requests: list[str] = field(default_factory=list)  # every path asked for, in order
    pages: dict[str, bytes] = field(default_factory=dict)  # what to answer (else b"x")


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    loopback: Loopback

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.loopback.requests.append(self.path)
        body = self.loopback.pages.get(self.path, b"x")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def loopback_server() -> Iterator[Loopback]:
    handler = type("Handler", (_RecordingHandler,), {})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.loopback = Loopback(f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler.loopback
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
