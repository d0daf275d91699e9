"""What reaches the Lambda entry point that is not a normal conversation turn."""

from __future__ import annotations

import importlib

import pytest

from cookalong.alexa.respond import ssml


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("COOKALONG_STATE_DB", str(tmp_path_factory.mktemp("state") / "state.sqlite3"))
    mp.delenv("TABLE_NAME", raising=False)
    mp.delenv("SKILL_ID", raising=False)
    import app as module

    yield importlib.reload(module)
    mp.undo()


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
