"""The load/save interceptors, driven with real request envelopes through a tiny skill.

The cook's place must survive sessions, cost at most one read per session and one write per
change, and never cost the cook an answer when the store is down.
"""

import logging

import pytest

from cookalong.storage import adapter_from_env
from tests.persistence.kit import (
    Cook,
    envelope,
    launch,
    request_event,
    session_ended,
    speech,
    tiny_skill,
)
from tests.services import closed_port_env


@pytest.fixture(params=["sqlite", "dynamodb"])
def adapter(request, tmp_path):
    """The skill's adapter, on each real store."""
    if request.param == "sqlite":
        return adapter_from_env({"COOKALONG_STATE_DB": str(tmp_path / "state.sqlite3")})
    return adapter_from_env(request.getfixturevalue("dynamo_env"))


def counts(adapter) -> tuple[int, int]:
    stats = adapter.stats.snapshot()
    return stats["reads"], stats["writes"]


def test_one_read_per_session_and_a_write_only_when_the_place_changes(adapter):
    # given a cook opening the skill
    cook = Cook(tiny_skill(adapter))
    assert speech(cook.turn(launch())) == "on step 0"
    assert counts(adapter) == (1, 0)

    # when they ask questions and move on, in one session
    assert cook.say("HowMuchIntent") == "on step 0"
    after_question = counts(adapter)
    assert cook.say("NextIntent") == "step 1"
    after_next = counts(adapter)
    assert cook.say("HowMuchIntent") == "on step 1"
    assert cook.say("HowMuchIntent") == "on step 1"
    after_questions = counts(adapter)
    assert cook.say("NextIntent") == "step 2"

    # then the store was read once, and written only for the two moves
    assert after_question == (1, 0)
    assert after_next == (1, 1)
    assert after_questions == (1, 1)
    assert counts(adapter) == (1, 2)
    assert adapter.stats.snapshot()["failures"] == 0


def test_a_new_session_after_stop_resumes_where_the_cook_was(adapter):
    # given a cook who moved two steps on and said stop
    skill = tiny_skill(adapter)
    cook = Cook(skill)
    cook.turn(launch())
    cook.say("NextIntent")
    cook.say("NextIntent")
    assert cook.say("StopIntent") == "goodbye"

    # when they come back later
    reply = cook.turn(launch())

    # then they are where they were; another cook is not
    assert speech(reply) == "on step 2"
    assert speech(Cook(skill).turn(launch())) == "on step 0"


def test_one_shot_requests_continue_where_the_cook_is(adapter):
    # given "Alexa, ask cook along what's next", three times, each its own session
    cook = Cook(tiny_skill(adapter))

    # when
    said = [cook.one_shot("NextIntent") for _ in range(3)]
    question = cook.one_shot("HowMuchIntent")

    # then each continued from the last, and the question wrote nothing
    assert said == ["step 1", "step 2", "step 3"]
    assert question == "on step 3"
    assert counts(adapter) == (4, 3)


def test_what_was_last_said_alone_is_not_worth_a_write(adapter):
    # given a skill that marks "last" (the last thing said) as not worth a write on its own
    skill = tiny_skill(adapter, ignore=("last",))
    cook = Cook(skill)
    cook.turn(launch())
    cook.say("NextIntent")
    writes = counts(adapter)[1]

    # when the cook asks something that changes only "last"
    cook.say("RepeatIntent")

    # then the session has it, the store was not written, and a later session resumes the place
    assert cook.state["last"] == "two tablespoons of maple syrup"
    assert counts(adapter)[1] == writes
    cook.say("StopIntent")
    cook.turn(launch())
    assert cook.state == {"v": 1, "step": 1, "last": "step 1"}


def test_after_a_slow_read_the_write_waits_for_the_next_turn(adapter):
    # given a skill for which every read counts as slow (the store is struggling)
    cook = Cook(tiny_skill(adapter, slow_read_seconds=0.0))

    # when a new session moves the cook on, and then asks a question
    first = cook.say("NextIntent")
    after_first = counts(adapter)
    cook.say("HowMuchIntent")

    # then the first request only read (its answer did not wait for a write too);
    # the next turn, which did not read, saved the change
    assert first == "step 1"
    assert after_first == (1, 0)
    assert counts(adapter) == (1, 1)


def test_a_request_outside_a_session_is_left_alone(adapter):
    # given a request without a session (Alexa sends some events that way)
    skill = tiny_skill(adapter)
    event = request_event(session_ended(), user="amzn1.ask.account.X", in_session=False)

    # when
    reply = skill.invoke(request_envelope=envelope(event), context=None)

    # then it is handled and the store is not touched
    assert reply.session_attributes is None
    assert counts(adapter) == (0, 0)


def test_a_state_that_cannot_be_stored_is_reported_and_the_cook_still_answered(adapter, caplog):
    # given a session whose state holds a number no store can keep
    cook = Cook(tiny_skill(adapter))
    cook.turn(launch())
    cook.attributes = {**cook.attributes, "state": {"v": 1, "step": float("nan")}}

    # when
    with caplog.at_level(logging.ERROR, logger="cookalong.alexa.persistence"):
        reply = cook.turn({"type": "IntentRequest", "intent": {"name": "HowMuchIntent"}})

    # then the cook got an answer, nothing was written, and the reason was logged
    assert reply.response.output_speech is not None
    assert counts(adapter)[1] == 0
    assert "cannot be saved" in caplog.text


def test_with_the_store_down_the_skill_still_answers_from_defaults(caplog):
    # given a DynamoDB endpoint nothing listens on
    adapter = adapter_from_env(closed_port_env())
    cook = Cook(tiny_skill(adapter))

    # when the cook opens the skill and moves on
    with caplog.at_level(logging.WARNING):
        opened = speech(cook.turn(launch()))
        moved = cook.say("NextIntent")

    # then they got answers from the default state; each turn tried one read, no blind write
    assert opened == "on step 0"
    assert moved == "step 1"
    assert counts(adapter) == (2, 0)
    assert adapter.stats.snapshot()["failures"] == 2
    assert "cooking state not loaded" in caplog.text
