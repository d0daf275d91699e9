"""The Alexa app shows the current step on a card, in the cook's words and scale."""

from __future__ import annotations

import pytest

from tools.chat import Conversation


@pytest.mark.parametrize(
    ("locale", "oven", "verb"),
    [("en-US", "275 degrees Fahrenheit", "Broil"), ("en-GB", "135 degrees Celsius", "Grill")],
)
def test_a_step_comes_with_a_card_of_that_step(locale, oven, verb):
    talk = Conversation(locale)
    talk.launch()

    first = talk.say("start")
    sixth = talk.say("go to step six")

    card = first.response["response"]["card"]
    assert card["type"] == "Simple"
    assert card["title"] == "Step 1 of 7 · pork belly"
    assert oven in card["content"]
    assert verb in sixth.response["response"]["card"]["content"]


def test_a_question_leaves_the_card_alone():
    talk = Conversation("en-US")
    talk.launch()
    talk.say("start")

    reply = talk.say("how much maple syrup")

    assert "card" not in reply.response["response"]
