"""Real faults for tests and benchmarks: a TCP proxy that can stall, an HTTP server that errs.

:class:`SlowProxy` stands between the skill and a real server (dynalite) on a free loopback
port. It passes bytes through, or (``hang()``) accepts connections and reads requests but never
answers, like a DynamoDB endpoint that has stopped responding, or (``delay(s)``) holds every
answer back for ``s`` seconds. :class:`ErrorServer` answers every HTTP request with one fixed
DynamoDB-style JSON error (``500 InternalServerError`` by default), like a failing service.
:class:`SlowClient` is the other side: a client that sends its request a byte at a time.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from tools.servers import shutdown_now, wake

__all__ = ["ErrorServer", "SlowClient", "SlowProxy"]


class SlowProxy:
    """A TCP proxy on ``127.0.0.1``, in front of ``127.0.0.1:target_port``.

    Parameters
    ----------
    target_port
        Where connections are passed on to.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._mode = "pass"
        self._delay = 0.0
        self._closing = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    # -- control -------------------------------------------------------------------------
    def hang(self) -> None:
        """From now on, new connections are accepted and read but never answered."""
        self._mode = "hang"
        self._drop_open()

    def delay(self, seconds: float) -> None:
        """From now on, every answer is held back ``seconds`` before it is passed on."""
        self._mode, self._delay = "delay", seconds
        self._drop_open()

    def restore(self) -> None:
        """Pass everything through again (open connections are closed, as after an outage)."""
        self._mode, self._delay = "pass", 0.0
        self._drop_open()

    def close(self) -> None:
        """Stop listening and close every connection."""
        self._closing.set()
        wake(self._listener)  # else the thread blocked in accept() waits out the join below, 5 s
        self._listener.close()
        self._drop_open()
        self._thread.join(timeout=5)

    def __enter__(self) -> SlowProxy:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- work ----------------------------------------------------------------------------
    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _drop_open(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            self._track(client)
            if self._mode == "hang":
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            self._track(upstream)
            delay = self._delay if self._mode == "delay" else 0.0
            for source, sink, wait in ((client, upstream, 0.0), (upstream, client, delay)):
                threading.Thread(target=self._pipe, args=(source, sink, wait), daemon=True).start()

    @staticmethod
    def _swallow(sock: socket.socket) -> None:
        try:
            while sock.recv(65536):
                pass
        except OSError:
            pass

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket, wait: float) -> None:
        try:
            while data := source.recv(65536):
                if wait:
                    time.sleep(wait)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class ErrorServer:
    """An HTTP server on ``127.0.0.1`` answering every request with one DynamoDB error.

    Parameters
    ----------
    status
        The HTTP status (500: botocore retries it, like a failing service).
    code
        The DynamoDB error code in the body (``__type``).
    """

    def __init__(self, status: int = 500, code: str = "InternalServerError") -> None:
        body = json.dumps({"__type": f"com.amazonaws.dynamodb.v20120810#{code}", "message": code})
        payload = body.encode()
        server = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                server.requests += 1
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.endpoint = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def close(self) -> None:
        shutdown_now(self._httpd)
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ErrorServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class SlowClient:
    """A client that opens a connection and trickles a request, one byte per ``pause``.

    ``part="headers"`` never finishes the request line and headers; ``part="body"`` sends the
    headers at once, promises ``body_bytes`` of body and then trickles it.
    """

    def __init__(
        self, port: int, part: str = "headers", pause: float = 1.0, body_bytes: int = 4096
    ) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.pause = pause
        if part == "headers":
            self._pending = b"POST / HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 100_000
        else:
            head = (
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Content-Length: {body_bytes}\r\n\r\n"
            )
            self.sock.sendall(head.encode())
            self._pending = b" " * body_bytes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._trickle, daemon=True)
        self._thread.start()

    def _trickle(self) -> None:
        for byte in self._pending:
            if self._stop.wait(self.pause):
                return
            try:
                self.sock.sendall(bytes([byte]))
            except OSError:
                return

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()
