"""Whole conversations through the real Lambda entry point (``app.lambda_handler``) on dynalite:
the cook's place survives Stop, one-shot requests and a store outage.
"""

from __future__ import annotations

from tests.persistence.kit import Talk, deploy, stats
from tests.services import Dynalite, closed_port_env

__all__ = ["deploy"]  # a fixture


def test_after_stop_a_new_session_welcomes_the_cook_back_at_their_step(deploy, dynamo_env):
    # given a cook two steps in who says stop
    app = deploy(dynamo_env)
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")
    cook.say("AMAZON.NextIntent")
    goodbye = cook.say("AMAZON.StopIntent")

    # when they open the skill again
    welcome = cook.launch()

    # then they are welcomed back at step 2, having cost one read per session
    assert "step 2" in goodbye
    assert welcome.startswith("Welcome back")
    assert "step 2 of 7" in welcome.lower()
    assert (stats(app)["reads"], stats(app)["writes"]) == (2, 2)


def test_questions_about_the_recipe_write_nothing(deploy, dynamo_env):
    # given a cook on step 1
    app = deploy(dynamo_env)
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")
    before = stats(app)

    # when they ask things that do not move them
    cook.say("HowMuchIntent", ingredient="maple syrup")
    where = cook.say("WhereAmIIntent")
    cook.say("TemperatureIntent")

    # then no read and no write was spent on them
    after = stats(app)
    assert "step 1 of 7" in where.lower()
    assert (after["reads"], after["writes"]) == (before["reads"], before["writes"])


def test_one_shot_requests_continue_where_the_cook_is(deploy, dynamo_env):
    # given a cook who started and stopped
    app = deploy(dynamo_env)
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")
    cook.say("AMAZON.StopIntent")

    # when they ask "what's next" twice, each time as a one-shot request
    first = cook.one_shot("AMAZON.NextIntent")
    second = cook.one_shot("AMAZON.NextIntent")

    # then each continued from the last
    assert "Step 2 of 7" in first
    assert "Step 3 of 7" in second


def test_an_outage_in_the_middle_of_cooking_loses_no_step(deploy, own_dynalite: Dynalite):
    # given a cook on step 1, saved
    app = deploy(own_dynalite.environ(own_dynalite.create_table()))
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")

    # when the store goes down for two steps, and comes back
    own_dynalite.stop()
    during = [cook.say("AMAZON.NextIntent"), cook.say("AMAZON.NextIntent")]
    own_dynalite.start()
    where = cook.say("WhereAmIIntent")
    cook.say("AMAZON.StopIntent")
    welcome = cook.launch()

    # then every step was answered, and the next session resumes at the latest one
    assert "Step 2 of 7" in during[0]
    assert "Step 3 of 7" in during[1]
    assert "step 3 of 7" in where.lower()
    assert "step 3 of 7" in welcome.lower()
    assert stats(app)["failures"] == 2


def test_with_the_store_unreachable_a_new_cook_still_gets_going(deploy):
    # given a DynamoDB endpoint nothing listens on
    app = deploy(closed_port_env())
    cook = Talk(app)

    # when a cook opens the skill and starts
    welcome = cook.launch()
    first = cook.say("StartCookingIntent")

    # then they are greeted as a new cook and walked through step 1
    assert "Welcome back" not in welcome
    assert "maple glazed pork belly" in welcome
    assert "Step 1 of 7" in first
    assert stats(app)["writes"] == 0
