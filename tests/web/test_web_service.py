"""The web service over real HTTP: werkzeug's server in a thread, requests with urllib."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from ask_sdk_core.skill import CustomSkill
from flask import Flask
from flask_ask_sdk.skill_adapter import SkillAdapter

from cookalong.verifier import SignatureVerifier
from cookalong.web import create_app
from tests.web.conftest import CHAIN_PATH, OTHER_SKILL_ID, SKILL_ID, body_of, envelope
from tests.web.pki import TestPKI
from tests.web.servers import AMAZON, Reply, http, serving

GOOD_URL = AMAZON + CHAIN_PATH


def speech(reply: Reply) -> str:
    output = reply.body["response"]["outputSpeech"]
    return output.get("ssml") or output.get("text") or ""


@pytest.fixture
def alexa(pki: TestPKI, service: str) -> Callable[..., Reply]:
    """Sends a request as Alexa does: the body signed, the chain URL in the header."""

    def send(data: dict[str, Any] | bytes, **headers: str) -> Reply:
        body = data if isinstance(data, bytes) else body_of(data)
        sent = {
            "Content-Type": "application/json; charset=utf-8",
            "SignatureCertChainUrl": GOOD_URL,
            "Signature-256": pki.sign(body),
            **headers,
        }
        return http("POST", service, body, {k: v for k, v in sent.items() if v})

    return send


def test_a_signed_launch_request_gets_the_skills_answer(alexa: Callable[..., Reply]) -> None:
    # given a launch request, signed as Alexa signs it
    # when it is POSTed to the skill endpoint
    reply = alexa(envelope())
    # then the skill's speech comes back as a response envelope
    assert reply.status == 200
    assert reply.content_type.startswith("application/json")
    assert "Welcome to the test kitchen." in speech(reply)


def test_the_skill_endpoint_is_flask_ask_sdks_skill_adapter(
    tiny_skill: CustomSkill, verifier: SignatureVerifier
) -> None:
    app = create_app(tiny_skill, environ={}, signature_verifier=verifier, recipes={})
    view = app.view_functions["skill"]
    assert isinstance(view.__self__, SkillAdapter)
    assert app.extensions["ASK_SDK_SKILL_ADAPTER"]["cookalong"] is view.__self__
    # the SDK's own verifiers (oscrypto-based signature check) are switched off
    assert app.config["ASK_SDK_VERIFY_SIGNATURE"] is False


def test_an_intent_is_dispatched_to_its_handler(alexa: Callable[..., Reply]) -> None:
    request = {"type": "IntentRequest", "intent": {"name": "HowMuchIntent", "slots": {}}}
    reply = alexa(envelope(request))
    assert reply.status == 200
    assert "One and a half pounds of pork belly." in speech(reply)


def stale() -> dict[str, Any]:
    return envelope(timestamp=datetime.now(UTC) - timedelta(minutes=5))


@pytest.mark.parametrize(
    ("build", "headers", "status", "says"),
    [
        (envelope, {"Signature-256": "", "SignatureCertChainUrl": ""}, 400, "header is missing"),
        (envelope, {"Signature-256": ""}, 400, "Signature-256 header is missing"),
        (envelope, {"Signature-256": "AAAA" * 64}, 400, "signature does not match"),
        (
            envelope,
            {"SignatureCertChainUrl": "https://evil.example/echo.api/echo-api-cert.pem"},
            400,
            "must be on s3.amazonaws.com",
        ),
        (
            envelope,
            {"SignatureCertChainUrl": AMAZON + "/echo.api/no-such-cert.pem"},
            400,
            "could not be fetched",
        ),
        (stale, {}, 400, "seconds old; at most 150 seconds are allowed"),
        (
            lambda: envelope(application_id=OTHER_SKILL_ID),
            {},
            403,
            "the request is for another skill",
        ),
        (lambda: b'{"version": "1.0", "request": ', {}, 400, "the body is not JSON"),
        (lambda: b'{"caf\xe9": 1}', {}, 400, "the body is not UTF-8 text"),
        (lambda: b"[1, 2, 3]", {}, 400, "the body is not a JSON object"),
        (
            lambda: body_of({"request": {"type": "NoSuchRequest"}}),
            {},
            400,
            "the body is not an Alexa request envelope",
        ),
    ],
    ids=[
        "no-signature",
        "only-chain-url",
        "bad-signature",
        "non-amazon-chain-url",
        "unfetchable-chain",
        "stale-timestamp",
        "other-skill",
        "malformed-json",
        "not-utf8",
        "json-array",
        "not-an-envelope",
    ],
)
def test_a_request_that_fails_verification_gets_a_4xx_with_the_reason(
    alexa: Callable[..., Reply],
    build: Callable[[], Any],
    headers: dict[str, str],
    status: int,
    says: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given a request that breaks one rule (signed correctly unless the signature is the rule)
    # when it is POSTed
    with caplog.at_level(logging.WARNING, logger="cookalong.web"):
        reply = alexa(build(), **headers)
    # then it is refused with a 4xx whose JSON body says why, and the log says so too
    assert reply.status == status
    assert says in reply.body["error"]
    assert any(says in record.getMessage() for record in caplog.records)


def test_an_oversized_body_is_refused_before_it_is_read(alexa: Callable[..., Reply]) -> None:
    reply = alexa(b"{" + b" " * (300 * 1024) + b"}")
    assert reply.status == 413
    assert "error" in reply.body


@pytest.mark.parametrize(("method", "path", "status"), [("PUT", "/", 405), ("GET", "/x", 404)])
def test_other_routes_answer_in_json(service: str, method: str, path: str, status: int) -> None:
    reply = http(method, service + path, b"" if method == "PUT" else None)
    assert reply.status == status
    assert reply.body["error"]


def test_the_health_check_reports_the_skill_and_its_verification(
    tiny_skill: CustomSkill, verifier: SignatureVerifier
) -> None:
    # given the service with one recipe and verification on
    class Recipe:
        title = "Maple Glazed Pork Belly"

    app = create_app(
        tiny_skill,
        environ={"SKILL_ID": SKILL_ID},
        signature_verifier=verifier,
        recipes={"maple-glazed-pork-belly": Recipe()},
    )
    # when GET / is asked
    with serving(app) as url:
        reply = http("GET", url + "/")
    # then it is healthy and says what it serves and checks
    assert reply.status == 200
    assert reply.body["status"] == "ok"
    assert reply.body["skill"] == "cookalong"
    assert reply.body["recipes_loaded"] == 1
    assert reply.body["recipes"] == [
        {"id": "maple-glazed-pork-belly", "title": "Maple Glazed Pork Belly"}
    ]
    assert reply.body["verification"] == {
        "signature": True,
        "timestamp": True,
        "application_id": True,
    }


def test_verification_switched_off_by_env_accepts_unsigned_requests_with_a_warning(
    tiny_skill: CustomSkill, caplog: pytest.LogCaptureFixture
) -> None:
    # given a developer who turned signature and timestamp checks off
    environ = {
        "SKILL_ID": SKILL_ID,
        "ASK_SDK_VERIFY_SIGNATURE": "false",
        "ASK_SDK_VERIFY_TIMESTAMP": "No",
    }
    with caplog.at_level(logging.WARNING, logger="cookalong.web"):
        app = create_app(tiny_skill, environ=environ, recipes={})
    # when an unsigned, old request and one for another skill arrive
    with serving(app) as url:
        accepted = http("POST", url, body_of(stale()))
        foreign = http("POST", url, body_of(envelope(application_id=OTHER_SKILL_ID)))
        health = http("GET", url)
    # then the first is served, the application id is still checked, and the log shouts
    assert accepted.status == 200
    assert "Welcome to the test kitchen." in speech(accepted)
    assert foreign.status == 403
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("SIGNATURE VERIFICATION IS OFF" in message for message in warnings)
    assert any("TIMESTAMP VERIFICATION IS OFF" in message for message in warnings)
    assert health.body["verification"] == {
        "signature": False,
        "timestamp": False,
        "application_id": True,
    }


def test_without_skill_id_the_service_warns_that_any_skill_is_served(
    tiny_skill: CustomSkill, verifier: SignatureVerifier, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="cookalong.web"):
        create_app(tiny_skill, environ={}, signature_verifier=verifier, recipes={})
    assert any("SKILL_ID is not set" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("value", ["flase", "disabled", "2"])
def test_a_mistyped_switch_is_a_clear_start_up_error(tiny_skill: CustomSkill, value: str) -> None:
    # given a verification switch that is neither true nor false
    # when the app is created, then it refuses to start, naming the variable
    with pytest.raises(ValueError, match="ASK_SDK_VERIFY_SIGNATURE must be true or false"):
        create_app(tiny_skill, environ={"ASK_SDK_VERIFY_SIGNATURE": value}, recipes={})


# --- the real skill ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_app_environ() -> dict[str, str]:
    # The root conftest points the sqlite store at a throwaway directory in os.environ.
    return {**os.environ, "SKILL_ID": SKILL_ID}


def test_the_real_skill_answers_a_signed_question(
    pki: TestPKI, verifier: SignatureVerifier, real_app_environ: dict[str, str]
) -> None:
    # given the service built as `make serve` builds it (the real skill, its recipes)
    app: Flask = create_app(environ=real_app_environ, signature_verifier=verifier)
    question = envelope(
        {
            "type": "IntentRequest",
            "intent": {
                "name": "HowMuchIntent",
                "confirmationStatus": "NONE",
                "slots": {
                    "ingredient": {
                        "name": "ingredient",
                        "value": "maple syrup",
                        "confirmationStatus": "NONE",
                    }
                },
            },
        }
    )
    body = json.dumps(question).encode()
    headers = {"SignatureCertChainUrl": GOOD_URL, "Signature-256": pki.sign(body)}
    # when a cook asks how much maple syrup, and the health check is asked
    with serving(app) as url:
        reply = http("POST", url, body, headers)
        health = http("GET", url)
    # then the skill says the amounts in words, and the health check lists the recipe
    assert reply.status == 200
    assert "two tablespoons" in speech(reply).lower()
    assert health.body["recipes_loaded"] >= 1
    assert "maple-glazed-pork-belly" in [recipe["id"] for recipe in health.body["recipes"]]
