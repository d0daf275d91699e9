"""What reaches the Lambda entry point that is not a normal conversation turn."""

from __future__ import annotations

import pytest

from cookalong.alexa.respond import ssml


@pytest.fixture(scope="module")
def app(lambda_app):
    """The Lambda entry point on a private sqlite store (``tests/alexa/conftest.py``)."""
    return lambda_app


def test_ssml_escapes_what_would_break_speech():
    assert ssml("salt & pepper <3") == "<speak>salt &amp; pepper &lt;3</speak>"


@pytest.mark.parametrize(
    "event", [{}, {"version": "1.0"}, {"request": "nonsense"}, {"request": {}}]
)
def test_a_malformed_request_gets_a_spoken_answer_not_an_error(app, event):
    out = app.lambda_handler(event, None)
    speech = out["response"]["outputSpeech"]["ssml"]
    assert "couldn't understand" in speech
    assert out["response"]["shouldEndSession"] is False
    assert out["response"]["reprompt"]["outputSpeech"]["ssml"]
