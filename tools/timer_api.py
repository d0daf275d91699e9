"""A local Alexa Timer Management API (v1): real HTTPS on loopback, with a clock the caller moves.

The skill reaches Alexa's Timers REST API at the request envelope's
``context.System.apiEndpoint`` with the envelope's ``apiAccessToken`` as a bearer token. This
server answers there the way that API does, so the skill's real client (ask-sdk-core's service
client over ``requests``) can be tested and demonstrated without Amazon:

=======  ================================  ==================================================
POST     /v1/alerts/timers                 create: 200 and the timer (``status`` ``ON``)
GET      /v1/alerts/timers                 list: ``totalCount``, ``timers`` (shortest first)
DELETE   /v1/alerts/timers                 cancel all: 200
GET      /v1/alerts/timers/{id}            the timer; 404 when it is unknown or has gone off
DELETE   /v1/alerts/timers/{id}            cancel: 200; 404 when unknown
POST     /v1/alerts/timers/{id}/pause      200; a paused timer has ``remainingTimeWhenPaused``
POST     /v1/alerts/timers/{id}/resume     200; it runs again from what was left
=======  ================================  ==================================================

A missing or unknown bearer token, or one without the timers permission, gets 401 (the server is
configured with which tokens hold it: :meth:`TimerApi.grant`, :meth:`TimerApi.revoke`); an
invalid create body gets 400; errors carry ``{"code", "message"}`` as the API's do.

Time is the server's own clock (``clock`` plus whatever :meth:`TimerApi.advance` added): a timer
whose trigger time has come goes off. It is then announced (its ``textToAnnounce``, recorded in
:attr:`TimerApi.announcements` and passed to ``on_expiry``) and dismissed, so the API no longer
knows it (404), as Alexa's does once a cook stops the alarm; ``expired="off"`` keeps it instead,
listed with status ``OFF``. Expiry is checked on every request, on :meth:`TimerApi.advance` and
by :meth:`TimerApi.expire_due` (``make chat`` calls it every second).

Outages: :meth:`TimerApi.fail` answers every request with a status (503 by default) and
:meth:`TimerApi.hang` accepts requests and never answers (the client's timeout must end it);
:meth:`TimerApi.restore` ends either. Every request is recorded in :attr:`TimerApi.calls`.

TLS: the DefaultApiClient refuses plain HTTP, so the server speaks HTTPS with a certificate for
127.0.0.1 from a certificate authority made for this process; a client trusts it through
``REQUESTS_CA_BUNDLE=<TimerApi.ca_file>`` (how ``requests`` is told of a private CA).
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import ssl
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tools.servers import shutdown_now

#: The permission a token must hold (the skill manifest declares it).
SCOPE = "alexa::alerts:timers:skill:readwrite"
#: The token ``make chat`` and the tests put in their envelopes unless told otherwise.
DEFAULT_TOKEN = "local-timer-api-token"
_PATH = re.compile(r"^/v1/alerts/timers(?:/(?P<id>[^/]+)(?:/(?P<op>pause|resume))?)?/?$")
_ISO = re.compile(r"^P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?$")
_VISIBILITY = ("VISIBLE", "HIDDEN")
_OPERATIONS = ("ANNOUNCE", "NOTIFY_ONLY", "LAUNCH_TASK")


def iso_duration(value: timedelta) -> str:
    """``timedelta(hours=1, minutes=30)`` → ``"PT1H30M"`` (whole seconds)."""
    seconds = max(int(value.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return f"PT{text or '0S'}"


def parse_iso_duration(text: str) -> timedelta | None:
    """``"PT10M"`` → ten minutes; ``None`` for anything else (days, hours, minutes, seconds)."""
    match = _ISO.match(text or "")
    if match is None or text in ("P", "PT") or text.endswith("T"):
        return None
    d, h, m, s = (int(match.group(k) or 0) for k in "dhms")
    return timedelta(days=d, hours=h, minutes=m, seconds=s)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Timer:
    """One timer as the server keeps it."""

    id: str
    token: str
    duration: timedelta
    label: str | None
    announce: tuple[dict[str, str], ...]
    created: datetime
    updated: datetime
    trigger: datetime | None  # when it goes off (running)
    remaining: timedelta | None = None  # what was left when paused
    status: str = "ON"

    def json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "duration": iso_duration(self.duration),
            "createdTime": _stamp(self.created),
            "updatedTime": _stamp(self.updated),
        }
        if self.label is not None:
            body["timerLabel"] = self.label
        if self.status == "ON" and self.trigger is not None:
            body["triggerTime"] = _stamp(self.trigger)
        if self.status == "PAUSED" and self.remaining is not None:
            body["remainingTimeWhenPaused"] = iso_duration(self.remaining)
        return body


@dataclass(frozen=True)
class Announcement:
    """A timer going off: what Alexa said, in which locale, and when (server time)."""

    timer_id: str
    label: str | None
    text: str
    locale: str
    at: datetime


@dataclass(frozen=True)
class Call:
    """One request the server received."""

    method: str
    path: str
    token: str | None
    body: Any
    status: int = 0


@dataclass
class _Outage:
    status: int | None = None  # answer every request with this
    hanging: bool = False
    released: threading.Event = field(default_factory=threading.Event)


class TimerApi:
    """The local Timer Management API; a context manager that serves on a free loopback port.

    Parameters
    ----------
    clock
        The time the server starts from (UTC); by default the real clock. :meth:`advance` adds
        to it.
    granted
        Whether :data:`DEFAULT_TOKEN` holds the timers permission at first.
    on_expiry
        Called with each :class:`Announcement` as its timer goes off.
    expired
        ``"gone"`` (a timer that went off is forgotten: 404) or ``"off"`` (kept, status OFF).
    """

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        granted: bool = True,
        on_expiry: Callable[[Announcement], None] | None = None,
        expired: str = "gone",
    ) -> None:
        if expired not in ("gone", "off"):
            raise ValueError("expired is 'gone' or 'off'")
        self._clock = clock or (lambda: datetime.now(UTC))
        self._offset = timedelta()
        self._lock = threading.RLock()
        self._timers: dict[str, Timer] = {}
        self._tokens: dict[str, bool] = {DEFAULT_TOKEN: granted}
        self._outage = _Outage()
        self.on_expiry = on_expiry
        self.expired = expired
        self.calls: list[Call] = []
        self.announcements: list[Announcement] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle ---------------------------------------------------------------------

    def start(self) -> TimerApi:
        """Serve HTTPS on 127.0.0.1 (a free port) in a background thread."""
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler, self)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving (releasing any request held by :meth:`hang`)."""
        self._outage.released.set()
        if self._server is not None:
            shutdown_now(self._server)
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> TimerApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The ``apiEndpoint`` to put in request envelopes (``https://127.0.0.1:<port>``)."""
        if self._server is None:
            raise RuntimeError("the timer API is not started")
        return f"https://127.0.0.1:{self._server.server_address[1]}"

    @property
    def ca_file(self) -> str:
        """The PEM file of the CA that signed the server's certificate (``REQUESTS_CA_BUNDLE``)."""
        return str(_tls_files()[0])

    # ---- what the test controls ----------------------------------------------------------

    def now(self) -> datetime:
        """The server's time."""
        return self._clock() + self._offset

    def advance(self, delta: timedelta | float) -> list[Announcement]:
        """Move the server's clock on (seconds or a timedelta); returns the timers that went off."""
        with self._lock:
            self._offset += delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        return self.expire_due()

    def expire_due(self) -> list[Announcement]:
        """Let every timer whose time has come go off; returns their announcements."""
        fired: list[Announcement] = []
        with self._lock:
            now = self.now()
            for timer in list(self._timers.values()):
                if timer.status != "ON" or timer.trigger is None or timer.trigger > now:
                    continue
                speech = timer.announce[0] if timer.announce else {"text": "", "locale": ""}
                fired.append(
                    Announcement(
                        timer.id, timer.label, speech["text"], speech["locale"], timer.trigger
                    )
                )
                if self.expired == "off":
                    timer.status, timer.updated = "OFF", timer.trigger
                else:
                    del self._timers[timer.id]
            self.announcements.extend(fired)
        for announcement in fired:
            if self.on_expiry is not None:
                self.on_expiry(announcement)
        return fired

    def grant(self, token: str = DEFAULT_TOKEN) -> None:
        """``token`` holds the timers permission from now on (the cook said yes)."""
        with self._lock:
            self._tokens[token] = True

    def revoke(self, token: str = DEFAULT_TOKEN) -> None:
        """``token`` no longer holds it (401 from now on)."""
        with self._lock:
            self._tokens[token] = False

    def fail(self, status: int = 503) -> None:
        """An outage: every request gets ``status`` until :meth:`restore`."""
        self._outage = _Outage(status=status)

    def hang(self) -> None:
        """An outage: requests are accepted and never answered until :meth:`restore`."""
        self._outage = _Outage(hanging=True)

    def restore(self) -> None:
        """The API is back."""
        self._outage.released.set()
        self._outage = _Outage()

    @property
    def timers(self) -> list[dict[str, Any]]:
        """Every timer the server knows now, as the API would list them."""
        self.expire_due()
        with self._lock:
            return [t.json() for t in self._sorted(self._timers.values())]

    # ---- the API -------------------------------------------------------------------------

    def _answer(
        self, method: str, path: str, token: str | None, body: Any
    ) -> tuple[int, dict[str, Any] | None]:
        self.expire_due()
        match = _PATH.match(path.split("?", 1)[0])
        if match is None:
            return 404, _error("NOT_FOUND", f"no such resource: {path}")
        with self._lock:
            if token is None or not self._tokens.get(token, False):
                return 401, _error("UNAUTHORIZED", "the token does not allow timers")
            timer_id, op = match.group("id"), match.group("op")
            if timer_id is None:
                if method == "POST":
                    return self._create(token, body)
                if method == "GET":
                    mine = [t for t in self._timers.values() if t.token == token]
                    timers = [t.json() for t in self._sorted(mine)]
                    return 200, {"totalCount": len(timers), "timers": timers, "nextToken": None}
                if method == "DELETE":
                    for t in [t for t in self._timers.values() if t.token == token]:
                        del self._timers[t.id]
                    return 200, None
                return 405, _error("METHOD_NOT_ALLOWED", method)
            timer = self._timers.get(timer_id)
            if timer is None or timer.token != token:
                return 404, _error("TIMER_NOT_FOUND", f"no timer {timer_id}")
            if op is None and method == "GET":
                return 200, timer.json()
            if op is None and method == "DELETE":
                del self._timers[timer_id]
                return 200, None
            if op is not None and method == "POST":
                return self._pause_or_resume(timer, op)
            return 405, _error("METHOD_NOT_ALLOWED", method)

    def _create(self, token: str, body: Any) -> tuple[int, dict[str, Any]]:
        problem = _invalid_timer_request(body)
        if problem:
            return 400, _error("INVALID_REQUEST", problem)
        now = self.now()
        duration = parse_iso_duration(body["duration"])
        assert duration is not None
        operation = body["triggeringBehavior"]["operation"]
        timer = Timer(
            id=str(uuid.uuid4()),
            token=token,
            duration=duration,
            label=body.get("timerLabel"),
            announce=tuple(operation.get("textToAnnounce") or ()),
            created=now,
            updated=now,
            trigger=now + duration,
        )
        self._timers[timer.id] = timer
        return 200, timer.json()

    def _pause_or_resume(self, timer: Timer, op: str) -> tuple[int, None]:
        now = self.now()
        if op == "pause" and timer.status == "ON" and timer.trigger is not None:
            timer.remaining, timer.trigger = max(timer.trigger - now, timedelta()), None
            timer.status, timer.updated = "PAUSED", now
        elif op == "resume" and timer.status == "PAUSED" and timer.remaining is not None:
            timer.trigger, timer.remaining = now + timer.remaining, None
            timer.status, timer.updated = "ON", now
        return 200, None

    @staticmethod
    def _sorted(timers: Any) -> list[Timer]:
        return sorted(timers, key=lambda t: (t.duration, t.created))

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)


def _error(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def _invalid_timer_request(body: Any) -> str | None:
    """What is wrong with a create request's body (``None``: nothing)."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    duration = parse_iso_duration(body.get("duration") or "")
    if duration is None or duration <= timedelta():
        return f"duration must be a positive ISO 8601 duration, not {body.get('duration')!r}"
    label = body.get("timerLabel")
    if label is not None and (not isinstance(label, str) or not label.strip()):
        return "timerLabel must be a non-empty string"
    visibility = ((body.get("creationBehavior") or {}).get("displayExperience") or {}).get(
        "visibility"
    )
    if visibility not in _VISIBILITY:
        return "creationBehavior.displayExperience.visibility must be VISIBLE or HIDDEN"
    triggering = body.get("triggeringBehavior") or {}
    operation = triggering.get("operation") or {}
    if operation.get("type") not in _OPERATIONS:
        return f"triggeringBehavior.operation.type must be one of {', '.join(_OPERATIONS)}"
    if operation["type"] == "ANNOUNCE":
        texts = operation.get("textToAnnounce")
        if not texts or not all(
            isinstance(t, dict) and t.get("locale") and isinstance(t.get("text"), str)
            for t in texts
        ):
            return "ANNOUNCE needs textToAnnounce: a list of {locale, text}"
    audible = (triggering.get("notificationConfig") or {}).get("playAudible")
    if not isinstance(audible, bool):
        return "triggeringBehavior.notificationConfig.playAudible must be true or false"
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, api: TimerApi) -> None:
        super().__init__(address, handler)
        self.api = api
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        _, cert, key = _tls_files()
        context.load_cert_chain(cert, key)
        # The handshake happens in the request's own thread, so a stuck client blocks nobody.
        self.socket = context.wrap_socket(
            self.socket, server_side=True, do_handshake_on_connect=False
        )


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.request.settimeout(10)
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError):
            self.close_connection = True
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the calls are recorded instead

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        api = self.server.api
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        auth = self.headers.get("Authorization") or ""
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        outage = api._outage
        if outage.hanging:
            api._record(Call(method, self.path, token, body, 0))
            outage.released.wait(timeout=30)
            self.close_connection = True
            return
        if outage.status is not None:
            status, answer = outage.status, _error("SERVICE_UNAVAILABLE", "try again later")
        else:
            status, answer = api._answer(method, self.path, token, body)
        api._record(Call(method, self.path, token, body, status))
        payload = b"" if answer is None else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


# --------------------------------------------------------------------------------------------
# A certificate authority for this process, and the server's certificate from it


@cache
def _tls_files() -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate, server key) as PEM files, made once per process."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = Path(tempfile.mkdtemp(prefix="cookalong-timer-api-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    now = datetime.now(UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("cookalong local timer API CA"))
        .issuer_name(name("cookalong local timer API CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_file, cert_file, key_file


__all__ = [
    "DEFAULT_TOKEN",
    "SCOPE",
    "Announcement",
    "Call",
    "TimerApi",
    "iso_duration",
    "parse_iso_duration",
]
