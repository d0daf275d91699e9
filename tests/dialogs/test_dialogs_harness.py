"""The dialog format itself: it reads what it should and refuses what it cannot read."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.dialogs.harness import Expectation, parse, reply_problems
from tools.chat import Reply


def reply(speech: str, *, reprompt: str | None = "Next?", ends: bool = False) -> Reply:
    ssml = f"<speak>{speech}</speak>"
    response = {"response": {"outputSpeech": {"type": "SSML", "ssml": ssml}}}
    request = {"request": {"type": "IntentRequest", "intent": {"name": "X"}}}
    return Reply("x", None, request, response, speech, reprompt, ends)


def test_a_dialog_file_is_read_turn_by_turn(tmp_path: Path) -> None:
    path = tmp_path / "x.dialog"
    path.write_text(
        "# a comment\n## first\nlocales: us\n> open cook along\n! open\n~ 2 hours\n"
        "> how much salt  # trailing comment\n@ HowMuchIntent\n+metric grams | gram\n- tbsp\n"
        "## second\nknown: a fault\n> next\n"
    )
    first, second = parse(path)
    assert first.title == "first" and first.locales == ("en-US", "en-CA")
    assert [t.said for t in first.turns] == ["open cook along", "how much salt"]
    assert first.turns[0].session == "open"
    assert first.turns[1].wait == timedelta(hours=2)
    assert first.turns[1].intent == "HowMuchIntent"
    plus, minus = first.turns[1].expectations
    assert plus.alternatives == ("grams", "gram") and plus.locales == ("en-GB", "en-AU", "en-IN")
    assert minus.sign == "-" and len(minus.locales) == 7  # English and German locales
    assert second.known == "a fault"


@pytest.mark.parametrize(
    "text",
    ["> too early\n", "## t\n+ fact before a turn\n", "## t\n> x\n? what\n", "## t\n> x\n+ \n",
     "## t\nlocales: fr-FR\n", "## t\n~ a while\n> x\n", "## t\n> x\n! maybe\n",
     "## t\ntimers: maybe\n> x\n", "## t\n> x\ntimers: down\n", "## t\n> x\n= some\n"],
)  # fmt: skip
def test_a_malformed_dialog_is_refused_with_its_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.dialog"
    path.write_text(text)
    with pytest.raises(ValueError, match=r"bad\.dialog:\d"):
        list(parse(path))


def test_timer_settings_and_counts_are_read(tmp_path: Path) -> None:
    path = tmp_path / "t.dialog"
    path.write_text("## t\ntimers: missing\n> set a timer\n= 1 timer\n> pause\n= 1 paused\n"
                    "> cancel\n= 0 timers\n## u\n> x\n")  # fmt: skip
    first, second = parse(path)
    assert first.timers == "missing" and second.timers == "granted"
    assert [t.timers for t in first.turns] == [(1, None), (1, "PAUSED"), (0, None)]


def test_facts_are_whole_words_case_and_punctuation_blind() -> None:
    says = Expectation("+", ("oil",), ("en-US",), 1)
    assert says.check(reply("Broiling crisps it."), "en-US") is not None
    assert says.check(reply("Oil, then salt."), "en-US") is None
    assert says.check(reply("Broiling crisps it."), "en-GB") is None  # not this locale's fact


def test_ordered_facts() -> None:
    ordered = Expectation("+", ("two tablespoons ... one teaspoon",), ("en-US",), 1)
    assert ordered.check(reply("Two tablespoons here, one teaspoon there."), "en-US") is None
    assert ordered.check(reply("One teaspoon there, two tablespoons here."), "en-US")


def test_forbidden_facts() -> None:
    never = Expectation("-", ("two tablespoons",), ("en-US",), 1)
    assert never.check(reply("Two tablespoons."), "en-US") is not None
    assert never.check(reply("One teaspoon."), "en-US") is None


@pytest.mark.parametrize(
    "speech", ["2 tbsp of miso", "1 tsp", "1 ½ pounds", "275 °F", "3 lb", "{ingredient}"]
)
def test_unspeakable_replies_are_caught(speech: str) -> None:
    assert reply_problems(reply(speech))


def test_the_permission_request_hands_over_to_alexa_without_a_reprompt() -> None:
    asks = {
        "type": "Connections.SendRequest",
        "name": "AskFor",
        "payload": {
            "@type": "AskForPermissionsConsentRequest",
            "@version": "2",
            "permissionScopes": [
                {
                    "permissionScope": "alexa::alerts:timers:skill:readwrite",
                    "consentLevel": "ACCOUNT",
                }
            ],
        },
        "token": "t",
    }
    base = reply("I need your permission to set timers.", reprompt=None)
    good = Reply(base.said, None, base.request, {"response": {**base.response["response"],
                 "directives": [asks]}}, base.speech, None, False, "Alexa: ...")  # fmt: skip
    assert good.asks_permission and not reply_problems(good)
    with_reprompt = {**good.response["response"], "reprompt": {"outputSpeech": {"ssml": "x"}}}
    bad = Reply("x", None, base.request, {"response": with_reprompt}, base.speech, "x", False)
    assert reply_problems(bad)


def test_an_open_session_needs_a_reprompt_and_ssml_must_parse() -> None:
    assert reply_problems(reply("Step one.", reprompt=None))
    assert not reply_problems(reply("Bye.", reprompt=None, ends=True))
    assert reply_problems(reply("Salt & pepper"))  # an unescaped & breaks SSML
    assert not reply_problems(reply("Two tablespoons of maple syrup."))
