"""Real HTTP for the web tests: a stand-in for Amazon's S3 and a server for the Flask app.

Both listen on a free loopback port in a background thread and are stopped by the fixture
that started them.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from flask import Flask
from werkzeug.serving import make_server

from cookalong.verifier import fetch_url
from tools.servers import shutdown_now

AMAZON = "https://s3.amazonaws.com"


class CertificateServer:
    """Serves PEM documents over HTTP as S3 serves Amazon's chains, counting the downloads.

    ``delay`` holds every answer back that many seconds (a slow certificate host); ``trickle``
    sends the body one byte per that many seconds. ``busiest`` is the most requests it has
    been serving at once.
    """

    def __init__(self) -> None:
        self.documents: dict[str, bytes] = {}
        self.redirects: dict[str, str] = {}
        self.hits: Counter[str] = Counter()
        self.delay = 0.0
        self.trickle = 0.0
        self.busiest = 0
        self._serving = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server._lock:
                    server.hits[self.path] += 1
                    server._serving += 1
                    server.busiest = max(server.busiest, server._serving)
                try:
                    if server.delay:
                        time.sleep(server.delay)
                    self._answer()
                finally:
                    with server._lock:
                        server._serving -= 1

            def _answer(self) -> None:
                if self.path in server.redirects:
                    self.send_response(302)
                    self.send_header("Location", server.redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                document = server.documents.get(self.path)
                if document is None:
                    self.send_error(404, "NoSuchKey")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/x-pem-file")
                self.send_header("Content-Length", str(len(document)))
                self.end_headers()
                if not server.trickle:
                    self.wfile.write(document)
                    return
                for byte in document:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(server.trickle)

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> CertificateServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        shutdown_now(self._httpd)
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def publish(self, path: str, document: bytes) -> str:
        """Serve ``document`` at ``path``; returns the Amazon URL that stands for it."""
        self.documents[path] = document
        return AMAZON + path

    def fetch(self, url: str, timeout: float = 2.0) -> bytes:
        """The verifier's fetch step, pointed here: the real :func:`fetch_url` over HTTP.

        Only the scheme and host change; the path the verifier asks for is the one fetched.
        """
        assert url.startswith(AMAZON + "/"), f"the verifier asked for a non-Amazon URL: {url}"
        return fetch_url(self.base_url + url.removeprefix(AMAZON), timeout=timeout)


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict[str, Any]
    content_type: str


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None):
    """One real HTTP request with urllib; 4xx and 5xx come back as a :class:`Reply` too."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status, raw, content_type = answer.status, answer.read(), answer.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        with error:
            status, raw, content_type = error.code, error.read(), error.headers["Content-Type"]
    return Reply(status, json.loads(raw) if raw else {}, content_type or "")


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Run ``app`` with werkzeug's real server on a free loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        shutdown_now(server)
        server.server_close()
        thread.join(timeout=5)
