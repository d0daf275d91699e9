"""No intent trips over its slots: absent, empty or unknown words, in every intent, every locale.

Generated from the model itself: every intent × each of its slots × {absent, empty, unknown
words}, both before cooking starts and in the middle of a step. The skill must answer (say
something, keep a reprompt when the session stays open) and log no error: its catch-all
handler would otherwise hide a crash behind "something went wrong".
"""

from __future__ import annotations

import json

import pytest

from tests.dialogs.harness import reply_problems
from tools import models

UNKNOWN = {"AMAZON.NUMBER": "lots", "default": "purple elephant"}


def _cases() -> list:
    lm = json.loads(models.model_path("en-US").read_text())["interactionModel"]["languageModel"]
    cases = []
    for intent in lm["intents"]:
        slots = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        cases.append(pytest.param(intent["name"], {}, id=f"{intent['name']}-no-slots"))
        for name, type_name in slots.items():
            unknown = UNKNOWN.get(type_name, UNKNOWN["default"])
            for how, value in (("empty", ""), ("unknown", unknown)):
                cases.append(
                    pytest.param(intent["name"], {name: value}, id=f"{intent['name']}-{name}-{how}")
                )
    return cases


ERROR_WORDS = ("went wrong", "couldn't understand that request")


@pytest.mark.parametrize(("intent", "slots"), _cases())
@pytest.mark.parametrize("moment", ["before-starting", "mid-step"])
def test_every_intent_copes_with_missing_empty_and_unknown_slots(
    talk, intent: str, slots: dict[str, str], moment: str
) -> None:
    # given a cook before starting, or on step three
    conversation = talk("en-US")
    conversation.launch()
    if moment == "mid-step":
        conversation.say("start")
        conversation.say("go to step three")
    # when the intent arrives with the slot absent, empty or filled with unknown words
    reply = conversation.intent(intent, **slots)
    # then the skill answers sensibly (no error reply; the talk fixture checks the log)
    assert not reply_problems(reply), reply_problems(reply)
    assert not any(words in reply.speech.lower() for words in ERROR_WORDS), reply.speech


@pytest.mark.parametrize("locale", models.LOCALES)
def test_unknown_words_in_every_slot_in_every_locale(talk, locale: str) -> None:
    # one pass per locale through every intent with every slot filled with nonsense (a German
    # locale cooks the German recipe: it offers no other)
    german = locale.startswith("de-")
    conversation = talk(locale, recipes=("schweinebauch-mit-ahornglasur",) if german else None)
    conversation.launch()
    conversation.say("los geht's" if german else "start")
    lm = json.loads(models.model_path(locale).read_text())["interactionModel"]["languageModel"]
    for intent in lm["intents"]:
        slots = {
            slot["name"]: UNKNOWN.get(slot["type"], UNKNOWN["default"])
            for slot in intent.get("slots", [])
        }
        if intent["name"] in ("AMAZON.StopIntent", "AMAZON.CancelIntent"):
            continue  # they close the session; covered above
        reply = conversation.intent(intent["name"], **slots)
        assert not reply_problems(reply), (intent["name"], reply_problems(reply))
        if reply.ends_session:
            conversation.launch()
