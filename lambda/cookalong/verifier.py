"""Checks that a request really comes from Alexa, for this skill, and just now.

This is the pure core of request verification for the self-hosted web service (see
:mod:`cookalong.web` for the flask-ask-sdk adapter). It follows Amazon's rules for a skill
hosted as a web service ("Host a Custom Skill as a Web Service": *Verify the request sent to
your web service*) and needs only ``cryptography`` and the standard library:

- the ``SignatureCertChainUrl`` header must point at ``https://s3.amazonaws.com[:443]/echo.api/…``
  (:func:`canonical_cert_chain_url`);
- the PEM chain found there must be valid now, name ``echo-api.amazon.com`` in the leaf's subject
  alternative names, and chain to a trusted root (:class:`SignatureVerifier`; by default the
  ``certifi`` bundle);
- the ``Signature-256`` header must be a base64 RSA PKCS#1 v1.5 SHA-256 signature of the raw
  request body made with the leaf's key;
- the request timestamp must be within 150 seconds of now (:func:`check_timestamp`);
- the application id must be this skill's (:func:`check_application_id`).

Each failure raises :class:`RequestRejected` with a reason a developer can act on and the HTTP
status to answer with (4xx; 503 only when too many certificate fetches are already under way).

Certificate fetches are bounded, since any caller can name a chain URL: the URL is normalised
(query and fragment dropped, so ``?nonce=1`` and ``?nonce=2`` are one certificate), each chain is
fetched once however many requests wait for it, a failed fetch is remembered for
:data:`FAILURE_TTL_SECONDS`, at most :data:`MAX_CONCURRENT_FETCHES` fetches run at once (further
requests that need one are refused at once), and a fetch gives up after
:data:`FETCH_TIMEOUT_SECONDS` in all.

The legacy ``Signature`` header (SHA-1) is deliberately not accepted: Alexa sends
``Signature-256`` with every request, SHA-1 signatures are refused by hardened OpenSSL
policies (so acceptance would differ from machine to machine), and a second, weaker path
would only add attack surface.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import posixpath
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import DNSName, PolicyBuilder, Store, VerificationError

__all__ = [
    "CERT_CHAIN_URL_HEADER",
    "ECHO_API_DOMAIN",
    "SIGNATURE_HEADER",
    "SKILL_EVENT_TOLERANCE",
    "TIMESTAMP_TOLERANCE",
    "RequestRejected",
    "SignatureVerifier",
    "canonical_cert_chain_url",
    "check_application_id",
    "check_timestamp",
    "fetch_url",
    "load_trusted_roots",
]

CERT_CHAIN_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
LEGACY_SIGNATURE_HEADER = "Signature"
ECHO_API_DOMAIN = "echo-api.amazon.com"

CERT_CHAIN_URL_SCHEME = "https"
CERT_CHAIN_URL_HOST = "s3.amazonaws.com"
CERT_CHAIN_URL_PORT = 443
CERT_CHAIN_URL_PATH_PREFIX = "/echo.api/"

TIMESTAMP_TOLERANCE = timedelta(seconds=150)
"""How far a request's timestamp may be from now (Amazon's limit)."""
SKILL_EVENT_TOLERANCE = timedelta(hours=1)
"""Skill events (enabled, disabled, …) may be delivered up to an hour late."""
SKILL_EVENT_TYPES = frozenset(
    {
        "AlexaSkillEvent.SkillEnabled",
        "AlexaSkillEvent.SkillDisabled",
        "AlexaSkillEvent.SkillPermissionChanged",
        "AlexaSkillEvent.SkillPermissionAccepted",
        "AlexaSkillEvent.SkillAccountLinked",
    }
)

FETCH_TIMEOUT_SECONDS = 3.0
"""Alexa waits about 8 seconds for an answer; a certificate fetch gives up after this in all."""
MAX_CONCURRENT_FETCHES = 2
"""Certificate fetches under way at once; a request needing another is refused (503)."""
FAILURE_TTL_SECONDS = 15.0
"""A chain URL whose fetch or check failed is refused without fetching for this long."""
MAX_FAILURES_KEPT = 256
MAX_CERT_CHAIN_BYTES = 64 * 1024
"""Amazon's chain is about 5 kB; anything much larger is not it."""

Clock = Callable[[], datetime]
Fetch = Callable[[str], bytes]


class RequestRejected(Exception):
    """A request the web service must refuse, with the reason and the HTTP status to send.

    Parameters
    ----------
    reason
        What is wrong, for the log and the response body: "the Signature-256 header is missing".
    status
        The status to answer with: 400 for anything Alexa's rules reject, 403 for a request
        that is genuine but meant for another skill, 503 when the certificate it needs cannot
        be fetched now because too many fetches are under way.
    """

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


# --- the certificate chain URL ------------------------------------------------------------


def canonical_cert_chain_url(url: str) -> str:
    """Check a ``SignatureCertChainUrl`` against Amazon's rules and return the URL to fetch.

    The scheme must be https and the host s3.amazonaws.com (both case-insensitive), the port
    443 if one is given, and the path, once percent-decoded and normalised (``/a/../b`` is
    ``/b``), must start with ``/echo.api/`` (case-sensitive).

    Parameters
    ----------
    url
        The header's value, e.g. ``https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem``.

    Returns
    -------
    str
        The canonical form, ``https://s3.amazonaws.com/echo.api/…``: exactly what was checked,
        so that the fetch cannot be steered elsewhere by parser differences. It is also the
        certificate cache key, so it carries no query or fragment: those name no other object
        on S3, and a caller varying them must not cost a fetch each.

    Raises
    ------
    RequestRejected
        When the URL breaks a rule; the reason names the rule.
    """
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise RequestRejected(f"the certificate chain URL {url!r} is not a URL ({error})") from None
    if parts.scheme.lower() != CERT_CHAIN_URL_SCHEME:
        raise RequestRejected(
            f"the certificate chain URL {url!r} must use https, not {parts.scheme or 'nothing'!r}"
        )
    if (parts.hostname or "").lower() != CERT_CHAIN_URL_HOST:
        raise RequestRejected(
            f"the certificate chain URL {url!r} must be on {CERT_CHAIN_URL_HOST}, "
            f"not {parts.hostname!r}"
        )
    if parts.username is not None or parts.password is not None:
        raise RequestRejected(f"the certificate chain URL {url!r} must not carry credentials")
    if port is not None and port != CERT_CHAIN_URL_PORT:
        raise RequestRejected(
            f"the certificate chain URL {url!r} must use port {CERT_CHAIN_URL_PORT}, not {port}"
        )
    path = urllib.parse.unquote(parts.path)
    if "\\" in path or "\x00" in path:
        raise RequestRejected(f"the certificate chain URL {url!r} has a malformed path")
    normalised = posixpath.normpath(path) if path else ""
    if normalised.startswith("//"):  # POSIX keeps a leading "//"; S3 would not
        normalised = "/" + normalised.lstrip("/")
    if not normalised.startswith(CERT_CHAIN_URL_PATH_PREFIX):
        raise RequestRejected(
            f"the certificate chain URL {url!r} must have a path under "
            f"{CERT_CHAIN_URL_PATH_PREFIX} (it resolves to {normalised or '/'!r})"
        )
    return urllib.parse.urlunsplit(
        (
            CERT_CHAIN_URL_SCHEME,
            CERT_CHAIN_URL_HOST,
            urllib.parse.quote(normalised, safe="/"),
            "",
            "",
        )
    )


# --- fetching ----------------------------------------------------------------------------


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """The chain must come from the checked URL itself, not from wherever it redirects."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _build_opener() -> urllib.request.OpenerDirector:
    """HTTPS that trusts certifi's roots (a slim container may have no system bundle)."""
    import certifi

    tls = ssl.create_default_context(cafile=certifi.where())
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=tls), _RefuseRedirects)


_OPENER = _build_opener()


def fetch_url(
    url: str, *, timeout: float = FETCH_TIMEOUT_SECONDS, max_bytes: int = MAX_CERT_CHAIN_BYTES
) -> bytes:
    """Download a certificate chain: no redirects, a short timeout, a size limit.

    Parameters
    ----------
    url
        What to fetch (already checked by :func:`canonical_cert_chain_url`).
    timeout
        Seconds the whole fetch may take (a host that trickles its answer is given up on).
    max_bytes
        Larger answers are refused.

    Returns
    -------
    bytes
        The body of a 200 answer.

    Raises
    ------
    RequestRejected
        When the chain cannot be had: network error, timeout, an HTTP error or redirect status,
        or a body over ``max_bytes``.
    """
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(url, timeout=timeout / 2) as answer:
            data = b""
            while len(data) <= max_bytes:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no whole answer within {timeout:g} seconds")
                chunk = answer.read1(min(16 * 1024, max_bytes + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
    except urllib.error.HTTPError as error:
        error.close()  # it holds the connection
        raise RequestRejected(
            f"the certificate chain could not be fetched from {url}: HTTP {error.code}"
        ) from None
    except urllib.error.URLError as error:
        raise RequestRejected(
            f"the certificate chain could not be fetched from {url}: {error.reason}"
        ) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        reason = str(error) or type(error).__name__
        raise RequestRejected(
            f"the certificate chain could not be fetched from {url}: {reason}"
        ) from None
    if len(data) > max_bytes:
        raise RequestRejected(
            f"the certificate chain at {url} is larger than {max_bytes} bytes; it is not Amazon's"
        )
    return data


# --- trust -------------------------------------------------------------------------------


def load_trusted_roots(pem_path: str | Path | None = None) -> list[x509.Certificate]:
    """Read the root certificates that a signing chain must lead to.

    Parameters
    ----------
    pem_path
        A PEM bundle; default: ``certifi``'s (Mozilla's list of public roots, which includes
        Amazon Root CA 1 and the Starfield and DigiCert roots above it).

    Returns
    -------
    list of cryptography.x509.Certificate
        Every certificate in the bundle.

    Notes
    -----
    Several long-lived public roots (Starfield Services G2 among them, which cross-signs
    Amazon Root CA 1) have serial number 0, which ``cryptography`` warns about
    (``CryptographyDeprecationWarning``). Browsers and ``certifi`` trust them, so do we: the
    warning is silenced for this one load, which happens once, at start-up.
    """
    if pem_path is None:
        import certifi

        pem_path = certifi.where()
    data = Path(pem_path).read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return x509.load_pem_x509_certificates(data)


@dataclass(frozen=True)
class _TrustedKey:
    """A verified chain's signing key, usable while every certificate of the chain is."""

    key: rsa.RSAPublicKey
    not_before: datetime
    not_after: datetime

    def usable_at(self, when: datetime) -> bool:
        return self.not_before <= when <= self.not_after


def _utc_now() -> datetime:
    return datetime.now(UTC)


class _Flight:
    """One fetch under way, which other requests for the same chain wait for."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._key: rsa.RSAPublicKey | None = None
        self._error: RequestRejected | None = None

    def finish(
        self, *, key: rsa.RSAPublicKey | None = None, error: RequestRejected | None = None
    ) -> None:
        self._key, self._error = key, error
        self._done.set()

    def wait(self) -> rsa.RSAPublicKey:
        if not self._done.wait(FETCH_TIMEOUT_SECONDS * 2):
            raise RequestRejected("the certificate chain is still being fetched; try again", 503)
        if self._key is None:
            raise self._error or RequestRejected("the certificate chain could not be had")
        return self._key


class SignatureVerifier:
    """Verify the ``Signature-256`` of a request with the certificate chain it points to.

    Build one at start-up and share it: it holds the trust store and a small cache of
    verified signing keys, keyed by canonical chain URL and kept only while every certificate
    of the chain is valid, so a chain is fetched and checked once, not on every request. It is
    safe to use from several threads.

    Parameters
    ----------
    trusted_roots
        The roots a chain must lead to; default :func:`load_trusted_roots` (``certifi``).
    fetch
        ``url -> bytes`` that downloads a chain; default :func:`fetch_url`. Tests point it at
        a local server; the URL it receives has already passed Amazon's rules.
    clock
        Returns the current time (timezone-aware UTC); default ``datetime.now(UTC)``.
    cache_size
        How many chain URLs to remember (least recently used are forgotten first).
    max_fetches
        Fetches under way at once; a request that needs one more is refused (503).
    failure_ttl
        Seconds a chain URL whose fetch or check failed is refused without fetching.
    monotonic
        Seconds for the failure memory (injectable for tests).
    """

    def __init__(
        self,
        *,
        trusted_roots: Sequence[x509.Certificate] | None = None,
        fetch: Fetch | None = None,
        clock: Clock | None = None,
        cache_size: int = 8,
        max_fetches: int = MAX_CONCURRENT_FETCHES,
        failure_ttl: float = FAILURE_TTL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        roots = list(load_trusted_roots() if trusted_roots is None else trusted_roots)
        if not roots:
            raise ValueError("a SignatureVerifier needs at least one trusted root certificate")
        self._store = Store(roots)
        self._fetch = fetch or fetch_url
        self._clock = clock or _utc_now
        self._cache_size = cache_size
        self._cache: OrderedDict[str, _TrustedKey] = OrderedDict()
        self._max_fetches = max_fetches
        self._failure_ttl = failure_ttl
        self._monotonic = monotonic
        self._failures: OrderedDict[str, tuple[float, RequestRejected]] = OrderedDict()
        self._in_flight: dict[str, _Flight] = {}
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Check that ``body`` was signed by Alexa.

        Parameters
        ----------
        headers
            The HTTP request headers (any mapping; names are matched case-insensitively).
        body
            The raw request body, byte for byte as received.

        Raises
        ------
        RequestRejected
            With status 400 and the reason: a header is missing or malformed, the chain URL
            breaks Amazon's rules, the chain cannot be fetched or is not valid, or the
            signature does not match the body.
        """
        url = _header(headers, CERT_CHAIN_URL_HEADER)
        signature_b64 = _header(headers, SIGNATURE_HEADER)
        if url is None:
            raise RequestRejected(f"the {CERT_CHAIN_URL_HEADER} header is missing")
        if signature_b64 is None:
            if _header(headers, LEGACY_SIGNATURE_HEADER) is not None:
                raise RequestRejected(
                    f"the {SIGNATURE_HEADER} header is missing (the legacy SHA-1 "
                    f"{LEGACY_SIGNATURE_HEADER} header alone is not accepted)"
                )
            raise RequestRejected(f"the {SIGNATURE_HEADER} header is missing")
        try:
            signature = base64.b64decode(signature_b64.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise RequestRejected(f"the {SIGNATURE_HEADER} header is not base64") from None
        key = self.signing_key(url)
        try:
            key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise RequestRejected(
                f"the {SIGNATURE_HEADER} signature does not match the request body"
            ) from None

    def signing_key(self, cert_chain_url: str) -> rsa.RSAPublicKey:
        """The verified public key of the chain at ``cert_chain_url`` (cached while valid).

        Parameters
        ----------
        cert_chain_url
            The ``SignatureCertChainUrl`` header's value.

        Returns
        -------
        cryptography.hazmat.primitives.asymmetric.rsa.RSAPublicKey
            The leaf certificate's key.

        Raises
        ------
        RequestRejected
            When the URL, the download or the chain is not acceptable.
        """
        url = canonical_cert_chain_url(cert_chain_url)
        now = self._clock()
        with self._lock:
            trusted = self._cache.get(url)
            if trusted is not None:
                if trusted.usable_at(now):
                    self._cache.move_to_end(url)
                    return trusted.key
                del self._cache[url]  # expired: Amazon will have put a new chain there
            failed = self._failures.get(url)
            if failed is not None:
                if self._monotonic() < failed[0]:
                    raise failed[1]
                del self._failures[url]
            flight = self._in_flight.get(url)
            leader = flight is None
            if flight is None:
                if len(self._in_flight) >= self._max_fetches:
                    raise RequestRejected(
                        "too many certificate chains are being fetched right now; try again",
                        status=503,
                    )
                flight = self._in_flight[url] = _Flight()
        if not leader:
            return flight.wait()
        try:
            trusted = self._verify_chain(url, self._fetch(url), now)
        except RequestRejected as rejected:
            with self._lock:
                self._failures[url] = (self._monotonic() + self._failure_ttl, rejected)
                while len(self._failures) > MAX_FAILURES_KEPT:
                    self._failures.popitem(last=False)
                del self._in_flight[url]
            flight.finish(error=rejected)
            raise
        except BaseException:
            with self._lock:
                del self._in_flight[url]
            flight.finish(error=RequestRejected(f"the certificate chain at {url} failed to load"))
            raise
        with self._lock:
            self._cache[url] = trusted
            self._cache.move_to_end(url)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            del self._in_flight[url]
        flight.finish(key=trusted.key)
        return trusted.key

    def _verify_chain(self, url: str, pem: bytes, now: datetime) -> _TrustedKey:
        try:
            certificates = x509.load_pem_x509_certificates(pem)
        except ValueError:
            raise RequestRejected(f"the document at {url} is not a PEM certificate chain") from None
        leaf, intermediates = certificates[0], certificates[1:]
        verifier = (
            PolicyBuilder()
            .store(self._store)
            .time(now)
            .build_server_verifier(DNSName(ECHO_API_DOMAIN))
        )
        try:
            chain = verifier.verify(leaf, intermediates)
        except VerificationError as error:
            raise RequestRejected(
                f"the certificate chain at {url} is not valid for {ECHO_API_DOMAIN}: "
                f"{_explain(leaf, now, error)}"
            ) from None
        _check_leaf(leaf, url)
        key = leaf.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise RequestRejected(f"the signing certificate at {url} does not hold an RSA key")
        return _TrustedKey(
            key=key,
            not_before=max(c.not_valid_before_utc for c in chain),
            not_after=min(c.not_valid_after_utc for c in chain),
        )


def _check_leaf(leaf: x509.Certificate, url: str) -> None:
    """Amazon's own words: the domain is *in* the SANs (no wildcard), and the key signs."""
    if ECHO_API_DOMAIN not in _san_names(leaf):
        raise RequestRejected(
            f"the signing certificate at {url} does not name {ECHO_API_DOMAIN} "
            f"in its subject alternative names"
        )
    try:
        usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is None or not usage.digital_signature:
        raise RequestRejected(f"the signing certificate at {url} may not sign (key usage)")


def _san_names(certificate: x509.Certificate) -> list[str]:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [name.lower() for name in san.get_values_for_type(x509.DNSName)]


def _explain(leaf: x509.Certificate, now: datetime, error: VerificationError) -> str:
    """Say the most likely cause in plain words, then cryptography's own message."""
    if now < leaf.not_valid_before_utc:
        return f"the signing certificate is not valid before {leaf.not_valid_before_utc:%Y-%m-%d}"
    if now > leaf.not_valid_after_utc:
        return f"the signing certificate expired on {leaf.not_valid_after_utc:%Y-%m-%d}"
    if ECHO_API_DOMAIN not in _san_names(leaf):
        return f"the signing certificate is not for {ECHO_API_DOMAIN} ({error})"
    return str(error)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


# --- timestamp and application id -------------------------------------------------------


def check_timestamp(
    timestamp: datetime | None,
    *,
    request_type: str | None,
    now: datetime,
    tolerance: timedelta = TIMESTAMP_TOLERANCE,
) -> None:
    """Refuse a request whose timestamp is too far from now (a replayed or delayed request).

    Parameters
    ----------
    timestamp
        The envelope's ``request.timestamp`` (timezone-aware).
    request_type
        The envelope's ``request.type``: skill events get :data:`SKILL_EVENT_TOLERANCE`.
    now
        The current time, timezone-aware.
    tolerance
        The largest difference accepted for other requests; at most 150 seconds.

    Raises
    ------
    RequestRejected
        With status 400, when the timestamp is missing, has no time zone, or is too far away.
    """
    if timestamp is None:
        raise RequestRejected("the request has no timestamp")
    if timestamp.tzinfo is None or timestamp.utcoffset() is None:
        raise RequestRejected(f"the request timestamp {timestamp.isoformat()} has no time zone")
    allowed = SKILL_EVENT_TOLERANCE if request_type in SKILL_EVENT_TYPES else tolerance
    difference = abs(now - timestamp)
    if difference > allowed:
        direction = "old" if timestamp < now else "in the future"
        raise RequestRejected(
            f"the request timestamp {timestamp.isoformat()} is "
            f"{int(difference.total_seconds())} seconds {direction}; at most "
            f"{int(allowed.total_seconds())} seconds are allowed"
        )


def check_application_id(application_ids: Iterable[str | None], expected: str) -> None:
    """Refuse a request meant for another skill.

    Parameters
    ----------
    application_ids
        The ids the envelope carries: ``context.System.application.applicationId`` and
        ``session.application.applicationId`` (either may be absent, ``None``).
    expected
        This skill's id (``SKILL_ID``).

    Raises
    ------
    RequestRejected
        With status 400 when the request carries no application id, 403 when one differs.
    """
    present = [application_id for application_id in application_ids if application_id]
    if not present:
        raise RequestRejected("the request carries no application id")
    for application_id in present:
        if application_id != expected:
            raise RequestRejected(
                f"the request is for another skill (application id {application_id!r})",
                status=403,
            )
