"""The kitchen in parallel: each part keeps its place, waits run on their own clocks, the oven
is what it is set to now, and offers are typed values."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cookalong.cooking.effects import StartTimer
from cookalong.cooking.session import Cookbook
from cookalong.cooking.state import CookingState
from cookalong.recipe.loader import default_recipes
from tests.cooking.test_session import NOW, Talk, keys

MINUTE = 60


@pytest.fixture(scope="module")
def cookbook() -> Cookbook:
    return Cookbook.of(default_recipes())


def at_the_bake(cookbook: Cookbook) -> Talk:
    talk = Talk(cookbook)
    talk("start")
    talk("go_to_step", 5)
    return talk


def test_on_the_aioli_detour_the_oven_is_at_the_bake_not_the_next_setting(cookbook):
    # given the pork baking and the cook making the aioli
    talk = at_the_bake(cookbook)
    talk("no")  # no timer
    talk("yes")  # make the aioli now
    assert talk.state.component == "aioli"
    # when they ask the temperature
    reply = talk("temperature")
    # then it is the 275 °F the oven is at, with the pork in it
    (msg,) = reply.speech
    assert msg.key == "oven_holds"
    assert msg.params["oven"].temperature.degrees == 275
    assert msg.params["parts"] == ["pork belly"]


def test_back_to_the_pork_returns_to_the_bake_with_its_clock(cookbook):
    # given the aioli detour, 35 minutes into the bake
    talk = at_the_bake(cookbook)
    talk("no")
    talk("yes")
    talk.now += 35 * MINUTE
    # when the cook goes back to the pork
    reply = talk("start", "the pork")
    # then it is step 5, baking 35 minutes, not step 1
    assert (talk.state.component, talk.state.step) == ("pork-belly", 5)
    assert keys(reply) == ["back_to_part", "running_status"]
    clock = reply.speech[1].params["clock"]
    assert clock.elapsed == timedelta(minutes=35)
    assert clock.left_low == timedelta(hours=1, minutes=25)
    # and "how much longer" counts the clock
    reply = talk("wait_status")
    assert reply.speech[0].key == "wait_running"
    assert reply.speech[0].params["clock"].left_low == timedelta(hours=1, minutes=25)


def test_twelve_minutes_into_the_broil_it_is_about_twenty_minutes_to_ready(cookbook):
    talk = Talk(cookbook)
    talk("start")
    talk("go_to_step", 6)
    talk.now += 12 * MINUTE
    reply = talk("time_left")
    # up to three more minutes of broil, then the 15-minute rest
    assert reply.speech[0].params["total"] == timedelta(minutes=20)
    assert reply.speech[0].params["clock"].phase == "check"


def test_from_the_start_parallel_work_counts_once(cookbook):
    reply = Talk(cookbook)("time_left")
    assert reply.speech[0].params["total"] == timedelta(hours=2, minutes=30)


def test_after_the_bake_s_two_hours_the_skill_says_it_is_done_once(cookbook):
    talk = at_the_bake(cookbook)
    talk("no")
    talk.now += 2 * 3600 + 5 * MINUTE
    reply = talk("how_much", "maple syrup")
    assert keys(reply)[0] == "notice_wait_over"
    assert keys(talk("how_much", "miso")) == ["how_much"]  # said once


def test_no_to_the_aioli_without_a_timer_does_not_promise_one(cookbook):
    talk = at_the_bake(cookbook)
    talk("no")  # no timer
    reply = talk("no")  # not the aioli now
    assert keys(reply) == ["meanwhile_declined"]
    assert reply.speech[0].params["clock"].activity.timer is None


def test_yes_to_the_timer_offer_starts_the_low_end_of_the_wait(cookbook):
    talk = at_the_bake(cookbook)
    reply = talk("yes")
    (effect,) = reply.effects
    assert isinstance(effect, StartTimer)
    assert (effect.component, effect.step, effect.duration) == ("pork-belly", 5, timedelta(hours=2))
    assert effect.label.key == "timer_label"
    assert effect.announce.key == "timer_announce_next"  # "the bake is done: broil at 420"
    talk.session.timer_started(effect, "timer-1")
    assert talk.session.progress.activity("pork-belly", 5).timer == "timer-1"


def test_a_broil_timer_is_set_to_the_low_end_and_says_when_to_check(cookbook):
    talk = Talk(cookbook)
    talk("start")
    talk("go_to_step", 6)
    reply = talk("yes")
    (effect,) = reply.effects
    assert effect.duration == timedelta(minutes=10)
    assert effect.announce.key == "timer_announce_check"
    assert keys(reply)[0] == "timer_set_range"


def test_a_new_question_replaces_the_pending_offer(cookbook):
    talk = at_the_bake(cookbook)
    assert talk.state.offer.kind == "timer"
    talk("how_much", "miso")
    assert talk.state.offer is None
    assert keys(talk("yes")) == ["yes_without_question"]  # no timer set by a stale offer


@pytest.mark.parametrize(
    "saved",
    [
        {
            "v": 2,
            "recipe": "maple-glazed-pork-belly",
            "recipes": {"maple-glazed-pork-belly": {"done": [["aioli"]]}},
        },
        {
            "v": 2,
            "recipe": "maple-glazed-pork-belly",
            "recipes": {"maple-glazed-pork-belly": {"done": [{}], "at": []}},
        },
        {
            "v": 2,
            "recipe": "maple-glazed-pork-belly",
            "recipes": {"maple-glazed-pork-belly": {"at": {"pork-belly": [3]}}},
        },
        {"v": 2, "recipe": "maple-glazed-pork-belly", "recipes": []},
        {"v": 2, "recipe": ["x"], "recipes": {"maple-glazed-pork-belly": "x"}},
        {
            "v": 2,
            "recipe": "maple-glazed-pork-belly",
            "recipes": {
                "maple-glazed-pork-belly": {
                    "running": [{"c": "pork-belly", "s": "5", "since": float("nan")}, 7, None]
                }
            },
        },
        {"v": 2, "recipe": "maple-glazed-pork-belly", "units": {"a": 1}, "updated": float("inf")},
    ],
)
def test_repair_is_total(cookbook, saved):
    state = CookingState.from_dict(saved, cookbook.recipes)
    assert state.to_dict() is None or state.to_dict()["v"] == 2
    session = cookbook.session(saved, now=NOW)
    assert keys(session.next())


def test_duplicate_done_entries_are_dropped(cookbook):
    saved = {
        "v": 2,
        "recipe": "maple-glazed-pork-belly",
        "recipes": {
            "maple-glazed-pork-belly": {
                "at": {"pork-belly": 3},
                "started": True,
                "done": ["aioli"] * 5000,
            }
        },
    }
    state = CookingState.from_dict(saved, cookbook.recipes)
    assert state.progress.done == ["aioli"]


def test_a_v1_place_with_its_side_trip_keeps_both_places(cookbook):
    saved = {
        "v": 1,
        "recipe": "maple-glazed-pork-belly",
        "component": "aioli",
        "step": 1,
        "started": True,
        "back_to": ["pork-belly", 5],
        "timer": ["pork-belly", 5, NOW - 600],
    }
    state = CookingState.from_dict(saved, cookbook.recipes)
    assert state.progress.at == {"aioli": 1, "pork-belly": 5}
    assert state.progress.activity("pork-belly", 5).since == NOW - 600
