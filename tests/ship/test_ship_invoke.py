"""Every request envelope in ``events/`` through the BUILT artifact, on a real (dynalite) table.

The function runs under CPython 3.13 with only the artifact on ``sys.path``, so these tests
also prove that it imports with nothing but what ``lambda/requirements.txt`` lists.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cookalong.storage import TTL_ATTRIBUTE
from cookalong.storage.dynamodb import PARTITION_KEY
from tests.services import Dynalite
from tests.ship.lambda_runtime import (
    ROOT,
    Alexa,
    LambdaContainer,
    event_names,
    load_event,
    with_api_endpoint,
)
from tools.timer_api import TimerApi

_LOCALE = json.loads(
    (ROOT / "lambda/cookalong/speech/lang/en/messages.json").read_text(encoding="utf-8")
)
#: Written forms that must never be spoken.
_UNSPEAKABLE = re.compile(r"\b(tbsp|tsp|lbs?|oz|g|ml)\b|°|[½⅓⅔¼¾⅛]", re.IGNORECASE)


def _phrases(key: str) -> list[str]:
    value = _LOCALE["messages"][key]
    return value if isinstance(value, list) else [value]


def _fixed_text(template: str) -> str:
    """The longest stretch of a locale phrase without placeholders (for "was it said?")."""
    return max(re.split(r"\{[^}]*\}", template), key=len).strip(" .,:!?")


def test_launch_introduces_the_recipe_and_waits_for_the_cook(alexa: Alexa):
    # given a cook who opens the skill for the first time
    # when Alexa sends the launch request
    reply = alexa.send("launch")
    # then the skill names the recipe and keeps listening
    assert reply.says("maple glazed pork belly")
    assert not reply.ends_session
    assert reply.reprompt


def test_one_shot_how_much_maple_syrup_answers_both_parts_in_a_new_session(alexa: Alexa):
    # given a cook who never opened the skill ("Alexa, ask cook along how much maple syrup")
    # when the one-shot request arrives in a new session
    reply = alexa.send("one_shot_how_much_maple_syrup")
    # then both amounts are spoken: the pork belly glaze and the aioli
    assert reply.says("two tablespoons")
    assert reply.says("one teaspoon")


def test_how_much_maple_syrup_mid_session_answers_both_parts(alexa: Alexa):
    # given a cook at step one
    alexa.send("launch")
    alexa.send("start_cooking")
    # when they ask how much maple syrup
    reply = alexa.send("how_much_maple_syrup")
    # then both amounts are spoken, and the skill keeps listening
    assert reply.says("two tablespoons")
    assert reply.says("one teaspoon")
    assert not reply.ends_session


def test_how_much_maple_syrup_for_the_aioli_gives_only_the_aioli_amount(alexa: Alexa):
    # given a cook in the middle of a session
    alexa.send("launch")
    # when they ask how much maple syrup goes in the aioli
    reply = alexa.send("how_much_maple_syrup_for_the_aioli")
    # then only the aioli's teaspoon is spoken
    assert reply.says("one teaspoon")
    assert not reply.says("tablespoon")


def test_an_ingredient_the_recipe_does_not_use_is_named_not_guessed(alexa: Alexa):
    # given a cook in the middle of a session
    alexa.send("launch")
    # when they ask for saffron, which Alexa could not resolve to any of our ingredients
    reply = alexa.send("how_much_unknown_ingredient")
    # then the skill says it is not in the recipe instead of offering some other amount
    assert reply.says("saffron")
    assert not reply.says("spoon")
    assert not reply.ends_session


def test_start_then_next_walks_through_the_steps(alexa: Alexa):
    # given a cook who opened the skill
    alexa.send("launch")
    # when they start cooking and then say next
    first = alexa.send("start_cooking")
    second = alexa.send("next")
    # then they hear step one (the oven) and then step two (the pork belly prep)
    assert first.says("Preheat the oven to 275 degrees Fahrenheit")
    assert second.says("Wash the pork belly")
    assert not second.ends_session


def test_go_to_step_four_reads_step_four(alexa: Alexa):
    # given a cook in the middle of the recipe
    alexa.send("launch")
    alexa.send("start_cooking")
    # when they say "go to step four"
    reply = alexa.send("go_to_step")
    # then step four of the pork belly is read
    assert reply.says("Step 4")
    assert reply.says("sesame oil")


@pytest.mark.parametrize(
    ("event", "spoken"),
    [("temperature", "275 degrees Fahrenheit"), ("temperature_celsius", "135 degrees Celsius")],
)
def test_the_oven_temperature_is_spoken_in_the_scale_asked_for(alexa: Alexa, event, spoken):
    # given a cook at step one (preheat the oven)
    alexa.send("launch")
    alexa.send("start_cooking")
    # when they ask what temperature (or ask for Celsius)
    reply = alexa.send(event)
    # then the oven setting is spoken in that scale
    assert reply.says(spoken)


def test_stop_ends_the_session_and_session_ended_says_nothing(alexa: Alexa):
    # given a cook in the middle of a session
    alexa.send("launch")
    # when they say stop, and Alexa then closes the session
    stopped = alexa.send("stop")
    ended = alexa.send("session_ended")
    # then the skill says goodbye and closes; the closing notice gets no speech
    assert stopped.ends_session
    assert stopped.speech
    assert "outputSpeech" not in ended.response


@pytest.mark.parametrize("event", ["help", "fallback", "repeat"])
def test_help_fallback_and_repeat_keep_listening(alexa: Alexa, event):
    # given a cook in the middle of a session
    alexa.send("launch")
    # when they ask for help, say something the skill does not understand, or ask to repeat
    reply = alexa.send(event)
    # then they hear something and the microphone stays open
    assert reply.speech
    assert reply.reprompt
    assert not reply.ends_session


def test_the_cooks_place_survives_a_new_session_and_a_cold_start(
    alexa: Alexa, dynalite: Dynalite, function_env: dict[str, str]
):
    # given a cook who got to step two and then stopped
    alexa.send("launch")
    alexa.send("start_cooking")
    alexa.send("next")
    alexa.send("stop")
    # when they come back later, to a freshly started function
    alexa.cold_start()
    reply = alexa.send("launch")
    # then the skill picks up at step two, from the table
    assert reply.says(_fixed_text(_phrases("welcome_back")[0]))
    assert reply.says("Wash the pork belly")
    # and the item is keyed by the Alexa user and expires through the template's TTL attribute
    user = load_event("launch")["session"]["user"]["userId"]
    item = dynalite.client().get_item(
        TableName=function_env["TABLE_NAME"], Key={PARTITION_KEY: {"S": user}}
    )["Item"]
    assert int(item[TTL_ATTRIBUTE]["N"]) > time.time() + 24 * 3600


def test_a_timer_is_set_through_the_built_function_once_alexa_has_the_permission(
    alexa: Alexa, timer_api: TimerApi
):
    # given a cook at step one who has not granted the timers permission
    alexa.send("launch")
    alexa.send("start_cooking")
    # when they ask for a ten-minute timer
    asked = alexa.send("set_timer")
    # then the function hands over to Alexa's permission question, and calls nothing yet
    (directive,) = asked.response["directives"]
    assert (directive["type"], directive["name"]) == ("Connections.SendRequest", "AskFor")
    assert "reprompt" not in asked.response and "shouldEndSession" not in asked.response
    assert timer_api.calls == []
    # and when Alexa reports the cook's yes (the cook's token now holds the permission), the
    # function sets the real timer
    timer_api.grant(load_event("permission_accepted")["context"]["System"]["apiAccessToken"])
    accepted = alexa.send("permission_accepted")
    (timer,) = timer_api.timers
    assert timer["duration"] == "PT10M" and timer["timerLabel"]
    assert accepted.says("timer") and accepted.reprompt and not accepted.ends_session


@pytest.fixture(scope="module")
def sweep_timer_api() -> Iterator[TimerApi]:
    """The local Timer API the event sweep's envelopes point at."""
    with TimerApi() as api:
        yield api


@pytest.fixture(scope="module")
def warm_function(
    artifact: Path,
    dynalite: Dynalite,
    tmp_path_factory: pytest.TempPathFactory,
    sweep_timer_api: TimerApi,
) -> Iterator[LambdaContainer]:
    """One execution environment kept warm across the event sweep, on its own table."""
    skill_id = load_event("launch")["context"]["System"]["application"]["applicationId"]
    environ = {
        **dynalite.environ(dynalite.create_table()),
        "SKILL_ID": skill_id,
        "REQUESTS_CA_BUNDLE": sweep_timer_api.ca_file,
    }
    log = tmp_path_factory.mktemp("warm") / "function.log"
    container = LambdaContainer(artifact, environ, log)
    yield container
    container.close()


@pytest.mark.parametrize("event", event_names())
def test_every_event_gets_a_speakable_answer(
    warm_function: LambdaContainer, sweep_timer_api: TimerApi, event
):
    # given a request envelope exactly as `sam local invoke -e events/<name>.json` sends it,
    # its apiEndpoint the local Timer API
    envelope = with_api_endpoint(load_event(event), sweep_timer_api.url)
    # when the built function answers it
    answer = warm_function.invoke(envelope)
    # then it is a well-formed Alexa response, spoken in words rather than written forms
    assert answer["version"] == "1.0"
    speech = (answer["response"].get("outputSpeech") or {}).get("ssml", "")
    if envelope["request"]["type"] == "SessionEndedRequest":
        assert speech == ""
        return
    assert speech.startswith("<speak>") and speech.endswith("</speak>")
    assert not _UNSPEAKABLE.search(speech), speech
    for key in ("error_generic", "request_malformed"):
        for phrase in _phrases(key):
            assert _fixed_text(phrase) not in speech, f"{event} failed: {speech}"
