"""Property: whatever valid-looking envelope arrives, the answer is one Alexa accepts.

Hostile slot values, session attributes, locales and request types go through the real Lambda
entry point (``app.lambda_handler``, with its sqlite store), and hostile bodies through the real
web service's parsing; every answer is checked against Alexa's rules (:mod:`tests.alexa.rules`).

Bounded for ``make test`` (:data:`~tests.alexa.strategies.EXAMPLES` examples each, a few
seconds); ``FUZZ_EXAMPLES=20000`` runs a long fuzz.
"""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cookalong.alexa.gate import request_type_of
from cookalong.web import create_app
from tests.alexa.rules import assert_alexa_accepts
from tests.alexa.strategies import EXAMPLES, envelopes, odd_request_types

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _kind(body: dict) -> str | None:
    return request_type_of(body)


@FUZZ
@given(body=envelopes())
def test_every_envelope_gets_a_response_alexa_accepts(lambda_app, body):
    out = lambda_app.lambda_handler(body, None)
    assert_alexa_accepts(out, _kind(body))


@settings(FUZZ, max_examples=max(EXAMPLES // 5, 10))
@given(body=envelopes(odd_request_types))
def test_a_request_type_no_one_sends_gets_a_response_alexa_accepts(lambda_app, body):
    out = lambda_app.lambda_handler(body, None)
    assert_alexa_accepts(out, _kind(body))


def _json_or_nan(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")


bodies = st.one_of(
    envelopes().map(_json_or_nan),
    st.binary(max_size=300),
    st.integers(1, 200_000).map(lambda n: b"[" * n + b"]" * (n % 3)),
    st.integers(1, 3000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"", b"null", b"[]", b'"x"', b"1e99999", b"NaN", b'{"request": NaN}']),
)


@FUZZ
@given(body=bodies)
def test_the_web_service_parses_every_body_into_a_4xx_or_an_answer(tmp_path_factory, body):
    app = _web_app(tmp_path_factory)
    reply = app.test_client().post("/", data=body, content_type="application/json")
    assert reply.status_code < 500, reply.get_data()[:300]
    payload = reply.get_json()
    assert isinstance(payload, dict)
    if reply.status_code == 200:
        sent = json.loads(body, parse_constant=lambda _: math.nan)
        assert_alexa_accepts(payload, _kind(sent))
    else:
        assert payload["error"]


_APPS: dict[str, object] = {}


def _web_app(tmp_path_factory):
    """One web service for the whole fuzz: verification off (parsing is under test)."""
    if "app" not in _APPS:
        state = tmp_path_factory.mktemp("web-fuzz") / "state.sqlite3"
        environ = {
            "ASK_SDK_VERIFY_SIGNATURE": "false",
            "ASK_SDK_VERIFY_TIMESTAMP": "false",
            "COOKALONG_STATE_DB": str(state),
        }
        _APPS["app"] = create_app(environ=environ)
    return _APPS["app"]
