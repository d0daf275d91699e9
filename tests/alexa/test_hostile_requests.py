"""Requests no real Alexa sends, through the real Lambda entry point: each gets a valid answer.

Every case here once failed (issue 11): a locale used as a file path, a saved state of the wrong
shape, slot text that broke the speech, NaN echoed back, system requests answered with speech.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from cookalong.cooking.state import CookingState
from cookalong.recipe.loader import default_recipes
from cookalong.speech.voice import _voice, known_locales, supported_locale, voice_for
from tests.alexa.rules import assert_alexa_accepts, event, intent, said
from tests.persistence.kit import envelope as sdk_envelope
from tests.persistence.kit import request_event

ROOT = Path(__file__).resolve().parents[2]
HOW_MUCH_SYRUP = "Two tablespoons of maple syrup"


# -- locales ------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["x" * 300, "en-" + "Z" * 5000, "", None, 42, {"a": 1}])
def test_an_absurd_locale_is_answered_in_the_default_voice(lambda_app, locale):
    out = lambda_app.lambda_handler(
        event({**intent("HowMuchIntent", ingredient="maple syrup"), "locale": locale}), None
    )
    assert_alexa_accepts(out, "IntentRequest")
    assert said(out).startswith(HOW_MUCH_SYRUP)


def test_a_locale_that_looks_like_a_path_never_reads_that_file(lambda_app, tmp_path):
    # given a .json file elsewhere on the machine, with words the skill must never say
    # (named for this process: parallel test runs on one machine must not share the file)
    name = f"cookalong-planted-locale-{os.getpid()}"
    planted = Path(f"/tmp/{name}.json")
    planted.write_text(
        json.dumps({"messages": {"how_much": "PLANTED {what}", "welcome_new": "PLANTED"}})
    )
    try:
        for locale in (f"../../../../tmp/{name}", f"/tmp/{name}"):
            out = lambda_app.lambda_handler(event({"locale": locale}), None)
            assert "PLANTED" not in said(out)
            assert "maple glazed pork belly" in said(out)
    finally:
        planted.unlink()


def test_made_up_locales_do_not_grow_the_process():
    # when twenty thousand distinct made-up locales are asked for
    for n in range(20_000):
        voice_for(f"xx-{n:05d}")
    # then only the shipped locales' voices exist
    assert _voice.cache_info().currsize <= len(known_locales())


@pytest.mark.parametrize(
    ("asked", "spoken"),
    [
        ("en-GB", "en-GB"),
        ("EN_gb", "en-GB"),
        ("en-NZ", "en-US"),
        ("fr-FR", "en-US"),
        ("en", "en-US"),
    ],
)
def test_a_locale_falls_back_within_its_language_then_to_the_default(asked, spoken):
    assert supported_locale(asked) == spoken
    assert voice_for(asked).locale == spoken


# -- saved states of the wrong shape ------------------------------------------------------

PLACE = {"v": 1, "recipe": "maple-glazed-pork-belly", "component": "pork-belly", "step": 2}
PLACE = {**PLACE, "started": True, "updated": 1764072000}


@pytest.mark.parametrize(
    "state",
    [
        {**PLACE, "done": [["aioli"]]},
        {**PLACE, "done": [{}]},
        {**PLACE, "done": "aioli"},
        {**PLACE, "back_to": [["pork-belly"], 2]},
        {**PLACE, "timer": [{"a": 1}, [2], "x"]},
        {**PLACE, "servings": "1e999999999"},
        {**PLACE, "step": [3]},
        {**PLACE, "component": ["pork-belly"]},
        {**PLACE, "recipe": {"id": 1}},
        {**PLACE, "done": ["aioli"] * 5000},
        {**PLACE, "updated": "soon", "started": "yes", "finished": [1]},
    ],
    ids=lambda s: next(k for k in s if s[k] != PLACE.get(k, object())),
)
def test_a_stored_state_of_the_wrong_shape_is_repaired_and_overwritten(lambda_app, state):
    # given a cook whose stored state has the wrong shape inside a valid one
    user = "amzn1.ask.account.REPAIR"
    adapter = lambda_app._skill.persistence_adapter
    cook = sdk_envelope(request_event({"type": "LaunchRequest"}, user=user))
    adapter.save_attributes(cook, {"state": state})

    # when they open the skill
    out = lambda_app.lambda_handler(event({}, user=user), None)

    # then they are answered (not "couldn't understand"), and the row now holds a repaired,
    # small state that the next request reads without trouble
    assert_alexa_accepts(out, "LaunchRequest")
    assert "couldn't understand" not in said(out)
    stored = adapter.get_attributes(cook)["state"]
    assert len(json.dumps(stored)) < 1000
    repaired = CookingState.from_dict(stored, default_recipes())
    assert repaired.to_dict() == stored  # what is stored now reads back as it is
    again = lambda_app.lambda_handler(event(intent("WhereAmIIntent"), user=user), None)
    assert "couldn't understand" not in said(again)


def test_duplicate_finished_parts_are_kept_once():
    state = CookingState.from_dict(
        {**PLACE, "done": ["aioli", "aioli", "pork-belly"] * 5000}, default_recipes()
    )
    assert list(state.done) == ["aioli", "pork-belly"]


# -- echoed slot text ---------------------------------------------------------------------


def test_a_huge_ingredient_is_bounded_in_speech_and_in_what_is_remembered(lambda_app):
    out = lambda_app.lambda_handler(
        event(intent("HowMuchIntent", ingredient="saffron " * 1200)), None
    )
    assert_alexa_accepts(out, "IntentRequest")
    assert "saffron" in said(out)
    assert len(said(out)) < 400
    assert len(json.dumps(out)) < 4000


@pytest.mark.parametrize(
    "value", ["sal\x00t\x01\x1f", "salt\ufffe\uffff", "salt\ud800", "\udfffsalt", "salt & <pepper>"]
)
def test_control_characters_in_a_slot_never_break_the_ssml(lambda_app, value):
    out = lambda_app.lambda_handler(event(intent("HowMuchIntent", ingredient=value)), None)
    assert_alexa_accepts(out, "IntentRequest")  # parses as XML, encodes as UTF-8


@pytest.mark.parametrize("value", [{"a": 1}, True, 3.5, ["salt"], None])
def test_a_slot_value_that_is_not_a_string_is_never_spoken(lambda_app, value):
    out = lambda_app.lambda_handler(event(intent("HowMuchIntent", ingredient=value)), None)
    assert_alexa_accepts(out, "IntentRequest")
    for python in ("{'a': 1}", "True", "['salt']", "None", "3.5"):
        assert python not in said(out)
    assert "Which ingredient" in said(out)


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf"), 10**400])
def test_numbers_json_cannot_hold_are_never_echoed(lambda_app, number):
    attributes = {"state": {**PLACE, "updated": number}, "extra": number, "turn": {"last": "hi"}}
    out = lambda_app.lambda_handler(
        event(intent("AMAZON.RepeatIntent"), attributes=attributes, new=False), None
    )
    assert_alexa_accepts(out, "IntentRequest")


def test_session_attributes_the_skill_did_not_write_are_not_echoed(lambda_app):
    attributes = {"junk": "x" * 30_000, "state": {"v": 1, "junk": "y" * 30_000}}
    out = lambda_app.lambda_handler(
        event(intent("WhereAmIIntent"), attributes=attributes, new=False), None
    )
    assert_alexa_accepts(out, "IntentRequest")
    assert "junk" not in json.dumps(out)


# -- request types ------------------------------------------------------------------------


def test_an_exception_encountered_request_gets_no_speech(lambda_app, caplog):
    request = {
        "type": "System.ExceptionEncountered",
        "error": {"type": "INVALID_RESPONSE", "message": "The response is too long"},
        "cause": {"requestId": "amzn1.echo-api.request.earlier"},
    }
    out = lambda_app.lambda_handler(event(request), None)
    assert_alexa_accepts(out, "System.ExceptionEncountered")
    assert out["response"] == {}
    assert "The response is too long" in caplog.text


@pytest.mark.parametrize(
    "request_body",
    [
        {"type": "SessionEndedRequest", "reason": "ERROR", "timestamp": "not a time"},
        {"type": "SessionEndedRequest", "reason": {"a": 1}, "error": "x"},
        {"type": "SessionEndedRequest", "reason": "USER_INITIATED"},
        {"type": "System.ExceptionEncountered", "error": [1, 2]},
        {"type": "AudioPlayer.PlaybackStarted", "token": 1},
    ],
)
def test_system_requests_get_silence_even_when_malformed(lambda_app, request_body):
    out = lambda_app.lambda_handler(event(request_body), None)
    assert_alexa_accepts(out, request_body["type"])
    assert out["response"] == {}


def test_an_envelope_without_context_still_gets_an_answer(lambda_app):
    out = lambda_app.lambda_handler(event(intent("WhereAmIIntent"), context=False), None)
    assert_alexa_accepts(out, "IntentRequest")
    assert "couldn't understand" in said(out)


def can_fulfill(lambda_app, name: str, **slots: str) -> dict:
    request = {**intent(name, **slots), "type": "CanFulfillIntentRequest"}
    out = lambda_app.lambda_handler(event(request), None)
    assert_alexa_accepts(out, "CanFulfillIntentRequest")
    return out["response"]["canFulfillIntent"]


def test_can_fulfill_says_yes_to_an_ingredient_of_the_recipe(lambda_app):
    answer = can_fulfill(
        lambda_app, "HowMuchIntent", ingredient="maple syrup", component="pork belly"
    )
    assert answer == {
        "canFulfill": "YES",
        "slots": {
            "ingredient": {"canUnderstand": "YES", "canFulfill": "YES"},
            "component": {"canUnderstand": "YES", "canFulfill": "YES"},
        },
    }


@pytest.mark.parametrize(
    ("name", "slots", "overall", "slot"),
    [
        ("HowMuchIntent", {"ingredient": "unicorn tears"}, "NO", ("NO", "NO")),
        ("HowMuchIntent", {"ingredient": "maple syrupp"}, "MAYBE", ("MAYBE", "YES")),
        ("ScaleIntent", {"servings": "8"}, "YES", ("YES", "YES")),
        ("ScaleIntent", {"servings": "5000"}, "NO", ("YES", "NO")),
        ("UnitsIntent", {"system": "grams"}, "YES", ("YES", "YES")),
        ("TemperatureIntent", {}, "YES", None),
        ("AMAZON.StopIntent", {}, "NO", None),
        ("NoSuchIntent", {}, "NO", None),
    ],
)
def test_can_fulfill_answers_from_the_model_and_the_recipe(lambda_app, name, slots, overall, slot):
    answer = can_fulfill(lambda_app, name, **slots)
    assert answer["canFulfill"] == overall
    if slot is not None:
        (only,) = answer["slots"].values()
        assert (only["canUnderstand"], only["canFulfill"]) == slot


def test_can_fulfill_neither_reads_nor_writes_the_store(lambda_app):
    before = lambda_app._skill.persistence_adapter.stats.snapshot()
    can_fulfill(lambda_app, "HowMuchIntent", ingredient="garlic")
    after = lambda_app._skill.persistence_adapter.stats.snapshot()
    assert (after["reads"], after["writes"]) == (before["reads"], before["writes"])


def test_the_manifest_declares_can_fulfill_intent_request():
    manifest = json.loads((ROOT / "interaction_model" / "skill.json").read_text())
    interfaces = manifest["manifest"]["apis"]["custom"].get("interfaces", [])
    assert {"type": "CAN_FULFILL_INTENT_REQUEST"} in interfaces


def test_the_sqlite_file_the_tests_use_is_a_database(lambda_app):
    # (a guard for the tests above: they did go through the real store)
    path = lambda_app._skill.persistence_adapter.inner.path
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM attributes").fetchone()[0] >= 1
    db.close()


def test_can_fulfill_never_echoes_a_slot_the_model_does_not_have(lambda_app):
    answer = can_fulfill(
        lambda_app, "HowMuchIntent", **{"x" * 30_000: "salt", "ingredient": "salt"}
    )
    assert answer["canFulfill"] == "NO"
    assert list(answer["slots"]) == ["ingredient"]
