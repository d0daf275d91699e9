"""Figures of the two local front ends: ``make chat``'s resolver and ``make serve``'s service."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.dynalite import BenchError
from bench.lambda_bench import SKILL_ID, WARM_UTTERANCE, new_user
from tools.chat import Conversation
from tools.resolver import Resolver

CERT_CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-bench.pem"


# --- the resolver -----------------------------------------------------------------------------


@dataclass
class ResolverFigures:
    utterances: int
    build_ms: float
    resolved: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.resolved / self.seconds


def resolver_throughput(
    utterances: Sequence[str], *, locale: str = "en-US", min_seconds: float = 1.0
) -> ResolverFigures:
    """Utterances per second of ``make chat``'s resolver.

    Parameters
    ----------
    utterances
        What cooks say (the dialog tests' lines).
    locale
        Whose committed interaction model to build the resolver from (timed: ``build_ms``).
    min_seconds
        Cycle through ``utterances`` (whole passes) until this much time has passed.

    Returns
    -------
    ResolverFigures
        Utterances, build time, how many were resolved and in how long.
    """
    if not utterances:
        raise BenchError("no utterances to resolve")
    from tools.models import model_path

    model = json.loads(model_path(locale).read_text(encoding="utf-8"))
    started = time.perf_counter()
    resolver = Resolver(model)
    build_ms = (time.perf_counter() - started) * 1000
    for utterance in utterances:  # one pass unmeasured: memo tables fill as in a chat
        resolver.resolve(utterance)
    resolved = 0
    started = time.perf_counter()
    while True:
        for utterance in utterances:
            resolver.resolve(utterance)
        resolved += len(utterances)
        seconds = time.perf_counter() - started
        if seconds >= min_seconds:
            return ResolverFigures(len(utterances), build_ms, resolved, seconds)


# --- the web service --------------------------------------------------------------------------


@dataclass
class WebFigures:
    requests: int
    seconds: float
    latencies_ms: list[float]

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


class WebService:
    """``python -m bench.web_server`` in its own process (no GIL shared with the client)."""

    def __init__(
        self, python: str, environ: Mapping[str, str], trust: Path, chain: Path, log: Path
    ) -> None:
        with log.open("ab") as log_file:
            self._process = subprocess.Popen(
                [python, "-m", "bench.web_server", "--trust", str(trust), "--chain", str(chain)],
                stdout=subprocess.PIPE,
                stderr=log_file,
                stdin=subprocess.DEVNULL,
                env=dict(environ),
            )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().decode()
        if not line.startswith("port "):
            self.stop()
            raise BenchError(f"the web service did not start; see {log}")
        self.port = int(line.split()[1])

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


class _Poster:
    """A ``tools.chat`` handler that POSTs each envelope to the service (signed if asked)."""

    def __init__(self, port: int, sign: Any | None) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.sign = sign
        self.last_body = b""

    def headers(self, body: bytes) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.sign is not None:
            headers["SignatureCertChainUrl"] = CERT_CHAIN_URL
            headers["Signature-256"] = self.sign(body)
        return headers

    def post(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
        self.connection.request("POST", "/", body=body, headers=dict(headers))
        answer = self.connection.getresponse()
        return answer.status, answer.read()

    def __call__(self, envelope: dict[str, Any], context: Any = None) -> dict[str, Any]:
        body = json.dumps(envelope).encode()
        status, data = self.post(body, self.headers(body))
        if status != 200:
            raise BenchError(f"the web service answered {status}: {data[:300]!r}")
        self.last_body = body
        return json.loads(data)


def web_throughput(
    service: WebService, sign: Any | None, *, requests: int, warmup: int
) -> WebFigures:
    """Requests per second of a mid-session "how much maple syrup", one keep-alive client.

    A conversation is opened through the service (launch, then the question), then the last
    request — signed once, as Alexa signs each request it sends — is sent ``requests`` times
    after ``warmup`` unmeasured sends; every answer must be a 200.
    """
    poster = _Poster(service.port, sign)
    talk = Conversation("en-US", handler=poster, user_id=new_user(), skill_id=SKILL_ID)
    talk.launch()
    talk.say(WARM_UTTERANCE)
    body = poster.last_body
    headers = poster.headers(body)
    for _ in range(warmup):
        poster.post(body, headers)
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(requests):
        sent = time.perf_counter()
        status, data = poster.post(body, headers)
        latencies.append((time.perf_counter() - sent) * 1000)
        if status != 200:
            raise BenchError(f"the web service answered {status}: {data[:300]!r}")
    seconds = time.perf_counter() - started
    poster.connection.close()
    return WebFigures(requests, seconds, latencies)


def web_figures(
    environ: Mapping[str, str], workdir: Path, log: Path, *, requests: int, warmup: int
) -> dict[str, WebFigures]:
    """Requests per second of ``make serve``'s service, verification off and then on.

    Parameters
    ----------
    environ
        The store settings for the service (table on the benchmark's dynalite).
    workdir
        Where the PKI's root and chain PEM files are written for the server.
    log
        Where the server's log goes.
    requests, warmup
        Measured and unmeasured requests per mode.

    Returns
    -------
    dict[str, WebFigures]
        ``"unverified"`` (both ASK_SDK_VERIFY_* off) and ``"verified"`` (signature and
        timestamp checked; the benchmark's own PKI: root, intermediate and an
        ``echo-api.amazon.com`` leaf, built with the web tests' ``tests/web/pki.py``).
    """
    from tests.web.pki import TestPKI

    pki = TestPKI()
    trust = workdir / "bench-root.pem"
    chain = workdir / "bench-chain.pem"
    trust.write_bytes(pki.root.pem)
    chain.write_bytes(pki.chain())
    python = sys.executable
    base = {**environ, "PYTHONPATH": os.environ.get("PYTHONPATH", ""), "SKILL_ID": SKILL_ID}
    figures: dict[str, WebFigures] = {}
    for name, verify, sign in (("unverified", "false", None), ("verified", "true", pki.sign)):
        service = WebService(
            python,
            {**base, "ASK_SDK_VERIFY_SIGNATURE": verify, "ASK_SDK_VERIFY_TIMESTAMP": verify},
            trust,
            chain,
            log,
        )
        try:
            figures[name] = web_throughput(service, sign, requests=requests, warmup=warmup)
        finally:
            service.stop()
    return figures
