"""Bodies no Alexa sends, over real HTTP: every one a 4xx with its reason, before anything runs.

Also the store's health on ``GET /``. (The property-based fuzz of the parsing is in
``tests/alexa/test_fuzz.py``.)
"""

from __future__ import annotations

import http.client as httplib
import logging
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cookalong.web_body
from cookalong.web import MAX_REQUEST_BYTES, create_app
from tests.web.conftest import CHAIN_PATH, body_of, envelope
from tests.web.pki import TestPKI
from tests.web.servers import AMAZON, Reply, http, serving


@pytest.fixture
def alexa(pki: TestPKI, service: str) -> Callable[..., Reply]:
    def send(body: bytes) -> Reply:
        headers = {
            "Content-Type": "application/json",
            "SignatureCertChainUrl": AMAZON + CHAIN_PATH,
            "Signature-256": pki.sign(body),
        }
        return http("POST", service, body, headers)

    return send


def test_a_hundred_thousand_nested_brackets_are_a_400_without_a_traceback(alexa, caplog):
    with caplog.at_level(logging.INFO):
        reply = alexa(b"[" * 100_000)
    assert reply.status == 400
    assert "not JSON" in reply.body["error"]
    assert not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"request": NaN}', "not JSON"),
        (b'{"a": Infinity}', "not JSON"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "nested"),
    ],
)
def test_json_this_skill_will_not_read_is_a_400(alexa, body, says):
    reply = alexa(body)
    assert reply.status == 400
    assert says in reply.body["error"]


def test_a_signed_envelope_without_context_is_a_400(alexa):
    # given a request signed as Alexa signs, but with no context
    data = envelope()
    del data["context"]
    # when it is POSTed, then it is refused, not a 500 inside the SDK
    reply = alexa(body_of(data))
    assert reply.status == 400
    assert "context.System" in reply.body["error"]


def test_a_chunked_body_over_the_limit_is_refused(service):
    host, port = service.removeprefix("http://").split(":")
    connection = httplib.HTTPConnection(host, int(port), timeout=10)
    chunks = (b"{" + b" " * 1023 for _ in range(MAX_REQUEST_BYTES // 1024 + 8))
    connection.request(
        "POST", "/", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True
    )
    answer = connection.getresponse()
    assert answer.status == 413
    connection.close()


def test_a_body_that_trickles_in_is_refused_in_time(service, monkeypatch):
    # given a one-second limit for the body (ten in production)
    monkeypatch.setattr(cookalong.web_body, "BODY_SECONDS", 1.0)
    host, port = service.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        # when a client sends its body a byte at a time
        answer = b""
        for _ in range(40):
            try:
                sock.sendall(b" ")
            except OSError:
                break
            sock.settimeout(0.25)
            try:
                answer += sock.recv(4096)
            except TimeoutError:
                continue
            if answer:
                break
    # then it is told so, and its connection let go
    assert answer.startswith(b"HTTP/1.1 408")


def _real_app(environ: dict[str, str]):
    return create_app(environ={"ASK_SDK_VERIFY_SIGNATURE": "false", **environ})


def test_the_health_check_reports_a_healthy_store(tmp_path: Path):
    app = _real_app({"COOKALONG_STATE_DB": str(tmp_path / "state.sqlite3")})
    with serving(app) as url:
        http("POST", url, body_of(envelope()))
        health = http("GET", url).body
    assert health["status"] == "ok"
    store: dict[str, Any] = health["store"]
    assert (store["store"], store["ok"], store["writable"]) == ("sqlite", True, True)
    assert store["breaker"]["state"] == "closed"
    assert store["calls"]["reads"] >= 1


def test_the_health_check_reports_a_store_that_cannot_write(tmp_path: Path):
    # given a state file whose directory is a file: nothing can be written there
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    app = _real_app({"COOKALONG_STATE_DB": str(blocker / "state.sqlite3")})
    with serving(app) as url:
        # when cooks talk to it
        replies = [http("POST", url, body_of(envelope())) for _ in range(2)]
        time.sleep(0)  # (no wait: health is what the store last saw)
        health = http("GET", url).body
    # then they are answered, and the health check says the store is degraded and why
    assert all(reply.status == 200 for reply in replies)
    assert health["status"] == "degraded"
    assert health["store"]["ok"] is False
    assert health["store"]["writable"] is False
    assert "not-a-directory" in health["store"]["path"]
