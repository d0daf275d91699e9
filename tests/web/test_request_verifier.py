"""Request verification: Amazon's rules, checked with a real chain over real HTTP."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509

from cookalong.verifier import (
    ECHO_API_DOMAIN,
    RequestRejected,
    SignatureVerifier,
    canonical_cert_chain_url,
    check_application_id,
    check_timestamp,
    fetch_url,
    load_trusted_roots,
)
from tests.web.conftest import CHAIN_PATH
from tests.web.pki import TestPKI, pem_chain
from tests.web.servers import AMAZON, CertificateServer

BODY = b'{"version":"1.0","request":{"type":"LaunchRequest"}}'
GOOD_URL = AMAZON + CHAIN_PATH


def headers_for(pki: TestPKI, body: bytes = BODY, url: str = GOOD_URL) -> dict[str, str]:
    return {"SignatureCertChainUrl": url, "Signature-256": pki.sign(body)}


def rejection(call, *args, **kwargs) -> RequestRejected:
    with pytest.raises(RequestRejected) as caught:
        call(*args, **kwargs)
    return caught.value


# --- the certificate chain URL (Amazon's documented examples and a few escapes) ------------


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com/../echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "HTTPS://s3.AmAzOnAwS.CoM/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api/./sub/../echo-api-cert-12.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem",
        ),
    ],
)
def test_amazon_chain_urls_are_accepted_in_canonical_form(url: str, canonical: str) -> None:
    # given a SignatureCertChainUrl that Amazon's rules allow
    # when it is checked
    result = canonical_cert_chain_url(url)
    # then the URL to fetch is the plain Amazon one
    assert result == canonical


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "must use https"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "must be on s3.amazonaws.com"),
        ("https://s3.amazonaws.com.evil.example/echo.api/cert.pem", "must be on s3.amazonaws.com"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path under /echo.api/"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path under /echo.api/"),
        ("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem", "must use port 443"),
        ("https://s3.amazonaws.com/echo.api/../evil-bucket/cert.pem", "'/evil-bucket/cert.pem'"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/evil-bucket/cert.pem", "path under /echo.api/"),
        ("https://s3.amazonaws.com/echo.api%2F..%2Fevil/cert.pem", "path under /echo.api/"),
        ("https://s3.amazonaws.com/echo.api", "path under /echo.api/"),
        ("https://user:pw@s3.amazonaws.com/echo.api/cert.pem", "must not carry credentials"),
        ("https://s3.amazonaws.com:https/echo.api/cert.pem", "is not a URL"),
        ("", "must use https"),
    ],
)
def test_other_chain_urls_are_refused_with_the_rule_they_break(url: str, says: str) -> None:
    # given a SignatureCertChainUrl that is not Amazon's
    # when it is checked
    refused = rejection(canonical_cert_chain_url, url)
    # then it is refused, and the reason names the broken rule
    assert says in refused.reason
    assert refused.status == 400


# --- the signature and the chain ------------------------------------------------------


def test_a_body_signed_with_the_echo_api_key_is_accepted(
    pki: TestPKI, s3: CertificateServer, verifier: SignatureVerifier
) -> None:
    # given a body signed with the key of a valid echo-api.amazon.com chain
    headers = headers_for(pki)
    # when it is verified
    verifier.verify(headers, BODY)
    # then no error is raised, and the chain came from its URL
    assert s3.hits[CHAIN_PATH] >= 1


def test_header_names_are_matched_whatever_their_case(
    pki: TestPKI, verifier: SignatureVerifier
) -> None:
    # given the headers as an HTTP/2 proxy would pass them on, in lower case
    headers = {name.lower(): value for name, value in headers_for(pki).items()}
    # when verified, then accepted
    verifier.verify(headers, BODY)


def test_a_changed_body_is_refused(pki: TestPKI, verifier: SignatureVerifier) -> None:
    # given a valid signature of one body, sent with another
    headers = headers_for(pki)
    tampered = BODY.replace(b"LaunchRequest", b"SessionEndedRequest")
    # when verified
    refused = rejection(verifier.verify, headers, tampered)
    # then the signature does not match
    assert "signature does not match the request body" in refused.reason


def test_a_body_signed_with_another_key_is_refused(
    pki: TestPKI, verifier: SignatureVerifier
) -> None:
    # given a body signed with a key that is not the certificate's
    headers = {"SignatureCertChainUrl": GOOD_URL, "Signature-256": pki.rogue.sign(BODY)}
    # when verified, then refused
    assert "does not match" in rejection(verifier.verify, headers, BODY).reason


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        ({"Signature-256": "abc="}, "SignatureCertChainUrl header is missing"),
        ({"SignatureCertChainUrl": GOOD_URL}, "Signature-256 header is missing"),
        (
            {"SignatureCertChainUrl": GOOD_URL, "Signature": "c2hhMQ=="},
            "legacy SHA-1 Signature header alone is not accepted",
        ),
        (
            {"SignatureCertChainUrl": GOOD_URL, "Signature-256": "not base64!"},
            "not base64",
        ),
    ],
)
def test_missing_or_malformed_headers_are_refused(
    headers: dict[str, str], says: str, s3: CertificateServer, verifier: SignatureVerifier
) -> None:
    # given a request without usable signature headers
    hits_before = s3.hits.total()
    # when verified
    refused = rejection(verifier.verify, headers, BODY)
    # then it is refused for that reason, without downloading anything
    assert says in refused.reason
    assert s3.hits.total() == hits_before


def test_a_non_amazon_chain_url_is_refused_before_any_download(
    pki: TestPKI, s3: CertificateServer, verifier: SignatureVerifier
) -> None:
    # given a signature whose chain URL is on another host
    headers = headers_for(pki, url="https://evil.example/echo.api/echo-api-cert-test.pem")
    hits_before = s3.hits.total()
    # when verified
    refused = rejection(verifier.verify, headers, BODY)
    # then refused by the URL rules; nothing was fetched
    assert "must be on s3.amazonaws.com" in refused.reason
    assert s3.hits.total() == hits_before


def publish_leaf(pki: TestPKI, s3: CertificateServer, name: str, leaf: x509.Certificate) -> str:
    return s3.publish(f"/echo.api/{name}.pem", pki.chain(leaf))


@pytest.mark.parametrize(
    ("name", "options", "says"),
    [
        ("wrong-san", {"san": ("evil.example.com",)}, "is not for echo-api.amazon.com"),
        (
            "wildcard-san",
            {"san": ("*.amazon.com",)},
            "does not name echo-api.amazon.com in its subject alternative names",
        ),
        ("no-signing", {"digital_signature": False}, "may not sign"),
        (
            "expired",
            {"not_before": -60, "not_after": -1},
            "the signing certificate expired on",
        ),
        (
            "not-yet-valid",
            {"not_before": 1, "not_after": 60},
            "the signing certificate is not valid before",
        ),
    ],
)
def test_an_unacceptable_signing_certificate_is_refused(
    pki: TestPKI,
    s3: CertificateServer,
    verifier: SignatureVerifier,
    name: str,
    options: dict,
    says: str,
) -> None:
    # given a chain from the trusted root whose leaf breaks one of Amazon's rules
    now = datetime.now(UTC)
    for bound in ("not_before", "not_after"):
        if bound in options:
            options = {**options, bound: now + timedelta(days=options[bound])}
    url = publish_leaf(pki, s3, name, pki.leaf_certificate(**options))
    # when a body properly signed with the leaf's key is verified
    refused = rejection(verifier.verify, headers_for(pki, url=url), BODY)
    # then it is refused, saying why
    assert says in refused.reason
    assert refused.status == 400


def test_a_chain_to_an_untrusted_root_is_refused(
    pki: TestPKI, s3: CertificateServer, verifier: SignatureVerifier
) -> None:
    # given a perfectly shaped echo-api.amazon.com chain from a root nobody trusts
    rogue = pki.rogue
    url = s3.publish("/echo.api/rogue.pem", rogue.chain())
    headers = {"SignatureCertChainUrl": url, "Signature-256": rogue.sign(BODY)}
    # when verified
    refused = rejection(verifier.verify, headers, BODY)
    # then the chain is not valid
    assert f"is not valid for {ECHO_API_DOMAIN}" in refused.reason


def test_a_leaf_without_its_intermediate_is_refused(
    pki: TestPKI, s3: CertificateServer, verifier: SignatureVerifier
) -> None:
    # given only the leaf, without the intermediate that links it to the root
    url = s3.publish("/echo.api/leaf-only.pem", pem_chain(pki.leaf))
    # when verified, then refused
    refused = rejection(verifier.verify, headers_for(pki, url=url), BODY)
    assert "is not valid for echo-api.amazon.com" in refused.reason


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (None, "/echo.api/absent.pem: HTTP 404"),
        (b"<Error><Code>AccessDenied</Code></Error>", "is not a PEM certificate chain"),
        (b"x" * (64 * 1024 + 1), "larger than 65536 bytes"),
    ],
)
def test_a_chain_that_cannot_be_had_is_refused(
    pki: TestPKI,
    s3: CertificateServer,
    verifier: SignatureVerifier,
    document: bytes | None,
    says: str,
) -> None:
    # given a chain URL under which S3 has nothing usable
    path = "/echo.api/absent.pem"
    if document is not None:
        path = f"/echo.api/junk-{len(document)}.pem"
        s3.publish(path, document)
    # when a request pointing there is verified
    refused = rejection(verifier.verify, headers_for(pki, url=AMAZON + path), BODY)
    # then it is refused (a 4xx, not a crash)
    assert says in refused.reason
    assert refused.status == 400


def test_an_unreachable_certificate_host_is_refused_quickly() -> None:
    # given nothing listening where the chain should be
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # when it is fetched
    refused = rejection(fetch_url, f"http://127.0.0.1:{port}/echo.api/cert.pem", timeout=2.0)
    # then the reason says it could not be fetched
    assert "could not be fetched" in refused.reason


def test_a_redirect_is_not_followed(s3: CertificateServer) -> None:
    # given S3 answering a chain URL with a redirect to a (valid) chain elsewhere
    s3.redirects["/echo.api/moved.pem"] = s3.base_url + CHAIN_PATH
    hits_before = s3.hits[CHAIN_PATH]
    # when the chain is fetched
    refused = rejection(fetch_url, s3.base_url + "/echo.api/moved.pem")
    # then it is refused rather than fetched from wherever the redirect points
    assert "HTTP 302" in refused.reason
    assert s3.hits[CHAIN_PATH] == hits_before


# --- the cache --------------------------------------------------------------------------


def test_a_chain_is_downloaded_once_while_it_is_valid(pki: TestPKI, s3: CertificateServer) -> None:
    # given a fresh verifier and a chain at its own URL
    url = s3.publish("/echo.api/cached.pem", pki.chain())
    verifier = SignatureVerifier(trusted_roots=[pki.root.certificate], fetch=s3.fetch)
    # when three requests signed with it arrive
    for _ in range(3):
        verifier.verify(headers_for(pki, url=url), BODY)
    # then the chain was fetched only once
    assert s3.hits["/echo.api/cached.pem"] == 1


def test_a_cached_chain_is_fetched_again_once_it_expires(
    pki: TestPKI, s3: CertificateServer
) -> None:
    # given a verified chain in the cache, whose leaf expires in a day
    now = datetime.now(UTC)
    leaf = pki.leaf_certificate(not_after=now + timedelta(days=1))
    url = publish_leaf(pki, s3, "expiring", leaf)
    clock = [now]
    verifier = SignatureVerifier(
        trusted_roots=[pki.root.certificate], fetch=s3.fetch, clock=lambda: clock[0]
    )
    verifier.verify(headers_for(pki, url=url), BODY)
    # when a request arrives two days later
    clock[0] = now + timedelta(days=2)
    refused = rejection(verifier.verify, headers_for(pki, url=url), BODY)
    # then the chain was fetched again and found expired
    assert s3.hits["/echo.api/expiring.pem"] == 2
    assert "expired" in refused.reason


def test_the_cache_forgets_the_least_recently_used_chain(
    pki: TestPKI, s3: CertificateServer
) -> None:
    # given a verifier that remembers one chain
    first = s3.publish("/echo.api/lru-1.pem", pki.chain())
    second = s3.publish("/echo.api/lru-2.pem", pki.chain())
    verifier = SignatureVerifier(trusted_roots=[pki.root.certificate], fetch=s3.fetch, cache_size=1)
    # when requests alternate between two chain URLs
    for url in (first, second, first):
        verifier.verify(headers_for(pki, url=url), BODY)
    # then the first chain had to be fetched again
    assert s3.hits["/echo.api/lru-1.pem"] == 2
    assert s3.hits["/echo.api/lru-2.pem"] == 1


# --- trust ----------------------------------------------------------------------------


def test_the_default_roots_are_certifis_and_include_amazons() -> None:
    # given the default trust (certifi's bundle, loaded under -W error)
    roots = load_trusted_roots()
    # then Amazon's roots and the Starfield root that cross-signs them are there
    names = {root.subject.rfc4514_string() for root in roots}
    assert "CN=Amazon Root CA 1,O=Amazon,C=US" in names
    assert any("Starfield Services Root Certificate Authority - G2" in name for name in names)


def test_a_verifier_without_roots_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="at least one trusted root"):
        SignatureVerifier(trusted_roots=[])


# --- timestamp ----------------------------------------------------------------------------

NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age_seconds", "request_type"),
    [
        (0, "LaunchRequest"),
        (150, "IntentRequest"),
        (-150, "IntentRequest"),
        (50 * 60, "AlexaSkillEvent.SkillEnabled"),
    ],
)
def test_a_recent_request_is_accepted(age_seconds: int, request_type: str) -> None:
    timestamp = NOW - timedelta(seconds=age_seconds)
    check_timestamp(timestamp, request_type=request_type, now=NOW)


@pytest.mark.parametrize(
    ("timestamp", "request_type", "says"),
    [
        (NOW - timedelta(seconds=151), "IntentRequest", "is 151 seconds old; at most 150"),
        (NOW + timedelta(minutes=10), "LaunchRequest", "600 seconds in the future"),
        (NOW - timedelta(hours=2), "AlexaSkillEvent.SkillEnabled", "at most 3600 seconds"),
        (None, "LaunchRequest", "has no timestamp"),
        (datetime(2026, 11, 25, 12, 0, 0), "LaunchRequest", "has no time zone"),
    ],
)
def test_a_stale_or_undated_request_is_refused(
    timestamp: datetime | None, request_type: str, says: str
) -> None:
    refused = rejection(check_timestamp, timestamp, request_type=request_type, now=NOW)
    assert says in refused.reason
    assert refused.status == 400


# --- application id -------------------------------------------------------------------

SKILL = "amzn1.ask.skill.ours"


def test_this_skills_application_id_is_accepted() -> None:
    check_application_id([SKILL, SKILL], SKILL)
    check_application_id([SKILL, None], SKILL)  # out-of-session requests have no session


@pytest.mark.parametrize(
    ("ids", "status", "says"),
    [
        (["amzn1.ask.skill.theirs", "amzn1.ask.skill.theirs"], 403, "for another skill"),
        ([SKILL, "amzn1.ask.skill.theirs"], 403, "'amzn1.ask.skill.theirs'"),
        ([None, None], 400, "carries no application id"),
    ],
)
def test_another_skills_request_is_refused(ids: list, status: int, says: str) -> None:
    refused = rejection(check_application_id, ids, SKILL)
    assert refused.status == status
    assert says in refused.reason
