"""Certificate fetches cannot be driven by callers: one per chain, failures remembered, capped.

A real local certificate host (:class:`tests.web.servers.CertificateServer`), slow when the
test says so. No timing is asserted: the tests count fetches and refusals, and check that a
request needing no fetch is still answered while fetches hang (a bounded wait, as liveness).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from cookalong.verifier import RequestRejected, SignatureVerifier, canonical_cert_chain_url
from cookalong.web import create_app
from tests.web.conftest import SKILL_ID, body_of, envelope
from tests.web.pki import TestPKI
from tests.web.servers import AMAZON, CertificateServer, http, serving

PATH = "/echo.api/echo-api-cert-fetches.pem"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def host(pki: TestPKI) -> Iterator[CertificateServer]:
    server = CertificateServer().start()
    server.publish(PATH, pki.chain())
    for n in range(8):
        server.publish(f"/echo.api/slow-{n}.pem", pki.chain())
    yield server
    server.stop()


def verifier_for(pki: TestPKI, host: CertificateServer, **options) -> SignatureVerifier:
    """A verifier fetching from ``host``, patient enough for its delays (6 seconds a fetch)."""
    return SignatureVerifier(
        trusted_roots=[pki.root.certificate],
        fetch=lambda url: host.fetch(url, timeout=6.0),
        **options,
    )


def test_the_query_string_is_not_part_of_the_certificate(pki, host):
    verifier = verifier_for(pki, host)
    for nonce in range(20):
        verifier.signing_key(f"{AMAZON}{PATH}?nonce={nonce}#x")
    assert host.hits[PATH] == 1
    assert canonical_cert_chain_url(f"{AMAZON}{PATH}?nonce=1") == AMAZON + PATH


def test_a_failed_fetch_is_remembered_briefly(pki, host):
    # given a chain URL that S3 does not have
    clock = Clock()
    verifier = verifier_for(pki, host, failure_ttl=15, monotonic=clock)
    missing = AMAZON + "/echo.api/missing.pem"

    # when it is asked for again and again, and again after a while
    for _ in range(5):
        with pytest.raises(RequestRejected, match="could not be fetched"):
            verifier.signing_key(missing)
    clock.now += 16
    with pytest.raises(RequestRejected):
        verifier.signing_key(missing)

    # then it was fetched once, and once more after the failure was forgotten
    assert host.hits["/echo.api/missing.pem"] == 2


def test_requests_waiting_for_one_chain_share_one_fetch(pki, host):
    host.delay = 0.5
    verifier = verifier_for(pki, host)
    with ThreadPoolExecutor(6) as pool:
        keys = list(pool.map(lambda _: verifier.signing_key(AMAZON + PATH), range(6)))
    assert host.hits[PATH] == 1
    assert len({key.public_numbers() for key in keys}) == 1


def test_a_slow_certificate_host_ties_up_at_most_the_fetch_cap(pki, host):
    # given a certificate host that takes two seconds to answer
    verifier = verifier_for(pki, host, max_fetches=2)
    verifier.signing_key(AMAZON + PATH)  # a chain already verified
    host.delay = 2.0

    # when six requests need six different chains at once, and one needs the known chain
    outcomes: list[str] = []
    lock = threading.Lock()

    def need(n: int) -> None:
        try:
            verifier.signing_key(f"{AMAZON}/echo.api/slow-{n}.pem")
            result = "verified"
        except RequestRejected as rejected:
            result = str(rejected.status)
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=need, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    known = threading.Thread(target=verifier.signing_key, args=(AMAZON + PATH,))
    known.start()
    known.join(timeout=1.0)
    answered_meanwhile = not known.is_alive()
    for thread in threads:
        thread.join(timeout=10)

    # then two were fetched, four were refused at once with 503, and the known chain was
    # served while the fetches hung
    assert sorted(outcomes) == ["503"] * 4 + ["verified"] * 2
    assert host.busiest <= 2
    assert answered_meanwhile


def test_a_host_that_trickles_its_answer_is_given_up_on(pki, host):
    host.trickle = 0.05  # about four minutes for the whole chain
    verifier = SignatureVerifier(
        trusted_roots=[pki.root.certificate],
        fetch=lambda url: host.fetch(url, timeout=1.0),
    )
    with pytest.raises(RequestRejected, match="could not be fetched"):
        verifier.signing_key(AMAZON + PATH)


def test_the_service_answers_while_certificate_fetches_hang(pki, host):
    # given the web service, with one chain verified, and a certificate host that then hangs
    verifier = verifier_for(pki, host, max_fetches=2)
    app = create_app(
        environ={"SKILL_ID": SKILL_ID, "ASK_SDK_VERIFY_TIMESTAMP": "false"},
        signature_verifier=verifier,
        skill=_tiny_skill(),
        recipes={},
    )
    with serving(app) as url:

        def signed(chain: str):
            body = body_of(envelope())
            headers = {"SignatureCertChainUrl": chain, "Signature-256": pki.sign(body)}
            return http("POST", url, body, headers)

        assert signed(AMAZON + PATH).status == 200
        host.delay = 3.0

        # when callers name new chain URLs (each one a fetch) and Alexa sends a request
        with ThreadPoolExecutor(8) as pool:
            attacks = [pool.submit(signed, f"{AMAZON}/echo.api/slow-{n}.pem") for n in range(6)]
            genuine = pool.submit(signed, AMAZON + PATH).result(timeout=2.5)
            statuses = sorted(f.result(timeout=10).status for f in attacks)

    # then Alexa's request was answered meanwhile, and the extra fetches were refused
    assert genuine.status == 200
    assert statuses.count(503) == 4
    assert host.busiest <= 2


def _tiny_skill():
    from ask_sdk_core.skill_builder import SkillBuilder

    from tests.web.conftest import _Launch

    builder = SkillBuilder()
    builder.add_request_handler(_Launch())
    return builder.create()
