"""Reading and parsing a request body for the web service, before anything else runs.

:func:`read_body` takes at most ``limit`` bytes within :data:`BODY_SECONDS` (a client that
trickles its body cannot hold a thread for longer); :func:`parse_body` accepts only a JSON object
(no NaN or Infinity) nested at most :data:`~cookalong.alexa.gate.MAX_DEPTH` deep.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from typing import Any

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from cookalong.alexa.gate import MAX_DEPTH, Malformed, within_depth

__all__ = ["BODY_SECONDS", "SlowBody", "parse_body", "read_body"]

BODY_SECONDS = 10.0
"""The whole body must arrive within this (a slow-body client gets 408 and frees its thread)."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_body(body: str) -> dict[str, Any]:
    """The body as a JSON object, or :class:`Malformed` saying why not.

    NaN and Infinity are refused (they are not JSON), and so is nesting deeper than
    :data:`~cookalong.alexa.gate.MAX_DEPTH` (the parser's own recursion limit included).
    """
    try:
        parsed = json.loads(body, parse_constant=_refuse_constant)
    except RecursionError:
        raise Malformed("the body is not JSON (nested too deeply)") from None
    except ValueError as error:
        raise Malformed(f"the body is not JSON ({str(error)[:200]})") from None
    if not isinstance(parsed, dict):
        raise Malformed("the body is not a JSON object (an Alexa request envelope)")
    if not within_depth(parsed, MAX_DEPTH):
        raise Malformed(f"the body is not JSON this skill reads (nested over {MAX_DEPTH} deep)")
    return parsed


class SlowBody(Exception):
    """The body did not arrive within :data:`BODY_SECONDS`."""


def read_body(limit: int) -> bytes:
    """The request body, at most ``limit`` bytes, within :data:`BODY_SECONDS`.

    Under gunicorn and werkzeug's server the connection's socket is known: when the body has
    not arrived in time, its reading side is shut, which ends the read at once (a client that
    trickles a byte a second would otherwise hold this thread for as long as it likes).
    """
    environ = request.environ
    sock = environ.get("gunicorn.socket") or environ.get("werkzeug.socket")
    expired = threading.Event()
    timer = None
    if isinstance(sock, socket.socket):

        def expire() -> None:
            expired.set()
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RD)

        timer = threading.Timer(BODY_SECONDS, expire)
        timer.daemon = True
        timer.start()
    pieces: list[bytes] = []
    size = 0
    try:
        while size <= limit:  # a chunked body comes a chunk per read
            piece = request.stream.read(limit + 1 - size)
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
    except RequestEntityTooLarge:
        raise
    except Exception:
        if expired.is_set():
            raise SlowBody from None
        raise
    finally:
        if timer is not None:
            timer.cancel()
    if expired.is_set():
        raise SlowBody
    if size > limit:
        raise RequestEntityTooLarge()
    return b"".join(pieces)
