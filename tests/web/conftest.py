"""Fixtures for the web service tests: the test PKI, the stand-in S3, request envelopes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type

from cookalong.compat import oscrypto_openssl3
from cookalong.verifier import SignatureVerifier
from tests.web.pki import TestPKI
from tests.web.servers import CertificateServer

# Test modules here may import flask_ask_sdk before cookalong.web (isort puts third-party
# imports first); its import needs oscrypto's version fix in place (cookalong.web does this too).
oscrypto_openssl3.install()

SKILL_ID = "amzn1.ask.skill.8f3c2a61-4b7d-4e0a-9c15-2d6e8b0f7a34"
OTHER_SKILL_ID = "amzn1.ask.skill.00000000-dead-beef-0000-000000000000"
CHAIN_PATH = "/echo.api/echo-api-cert-test.pem"


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    return TestPKI()


@pytest.fixture(scope="session")
def s3(pki: TestPKI) -> Iterator[CertificateServer]:
    """The stand-in for s3.amazonaws.com, serving the good chain at :data:`CHAIN_PATH`."""
    server = CertificateServer().start()
    server.publish(CHAIN_PATH, pki.chain())
    yield server
    server.stop()


@pytest.fixture
def verifier(pki: TestPKI, s3: CertificateServer) -> SignatureVerifier:
    """A verifier as production builds it, except that it trusts the test root and fetches
    from the stand-in S3."""
    return SignatureVerifier(trusted_roots=[pki.root.certificate], fetch=s3.fetch)


def envelope(
    request: dict[str, Any] | None = None,
    *,
    application_id: str = SKILL_ID,
    timestamp: datetime | None = None,
) -> dict[str, Any]:
    """A request envelope as Alexa sends it, stamped now (or at ``timestamp``)."""
    application = {"applicationId": application_id}
    user = {"userId": "amzn1.ask.account.TESTUSER"}
    when = (timestamp or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": application,
            "attributes": {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": "LaunchRequest",
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "locale": "en-US",
            "timestamp": when,
            **(request or {}),
        },
    }


def body_of(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode("utf-8")


class _Launch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        return (
            handler_input.response_builder.speak("Welcome to the test kitchen.")
            .set_should_end_session(False)
            .response
        )


class _HowMuch(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return is_intent_name("HowMuchIntent")(handler_input)

    def handle(self, handler_input):
        return handler_input.response_builder.speak("One and a half pounds of pork belly.").response


@pytest.fixture
def tiny_skill() -> CustomSkill:
    """A minimal ask-sdk skill: launch and one intent."""
    builder = SkillBuilder()
    builder.add_request_handler(_Launch())
    builder.add_request_handler(_HowMuch())
    return builder.create()


@pytest.fixture
def service(tiny_skill: CustomSkill, verifier: SignatureVerifier) -> Iterator[str]:
    """The tiny skill behind the web service, verification on, SKILL_ID set: its URL."""
    from cookalong.web import create_app  # after the oscrypto fix above
    from tests.web.servers import serving

    app = create_app(
        tiny_skill, environ={"SKILL_ID": SKILL_ID}, signature_verifier=verifier, recipes={}
    )
    with serving(app) as url:
        yield url
