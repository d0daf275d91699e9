"""A step's facts as pages write them: times and their cues, waits, the oven."""

from __future__ import annotations

import pytest

from tools.importer.steps import read_step
from tools.importer.words import ENGLISH


def facts(text: str):
    return read_step(text, ENGLISH, default_scale="F")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the cue before its time
        (
            "Bake in preheated oven until the cheese is bubbly and golden brown, about 10 minutes.",
            {"min": "PT10M", "label": "bake", "until": "the cheese is bubbly and golden brown"},
        ),
        # the verb of the time's clause, not a noun that is also a verb ("a warm place")
        (
            "Cover and allow to rise in a warm place until doubled in size, about 90 to 120"
            " minutes.",
            {"min": "PT1H30M", "max": "PT2H", "label": "rise", "until": "doubled in size"},
        ),
        # "let it sit", "allow to stand": a rest
        (
            "Toss with tomatoes, and allow to stand for 15 minutes.",
            {"min": "PT15M", "label": "rest"},
        ),
        # in the freezer: the wait is there
        ("Place in the freezer for 15 minutes.", {"min": "PT15M", "label": "freeze"}),
    ],
)
def test_a_time_is_read_with_what_it_times_and_its_cue(text: str, span: dict) -> None:
    found = facts(text)
    assert found.durations == [span]
    assert found.passive is (span["label"] in ("bake", "rise", "rest", "freeze"))


def test_how_long_a_dish_keeps_is_no_wait() -> None:
    found = facts("The strips are ready to cook or can be refrigerated for up to 24 hours.")
    assert found.durations == [] and not found.passive


def test_a_long_simmer_is_a_wait_whatever_the_verb() -> None:
    found = facts("Cook for 4 to 6 hours on low.")
    assert found.durations == [{"min": "PT4H", "max": "PT6H", "label": "cook"}]
    assert found.passive


@pytest.mark.parametrize(
    ("text", "oven"),
    [
        ("Preheat oven to 350. Place crepes on a baking sheet.", (350, "F", "preheat")),
        ("Preheat the oven to 180C/160C fan/gas 4.", (180, "C", "preheat")),
        ("Preheat oven to 400 degrees F (200 degrees C).", (400, "F", "preheat")),
        ("Broil at 500°F for 3 minutes.", (500, "F", "broil")),
    ],
)
def test_the_oven_is_read_from_the_text(text: str, oven: tuple[int, str, str]) -> None:
    found = facts(text).oven
    assert found is not None
    assert (found["degrees"], found["scale"], found["mode"]) == oven


def test_a_bake_time_named_is_no_bake() -> None:
    found = facts("Pour into ramekins (you'll need to adjust bake time).")
    assert found.in_oven is None and found.oven is None


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # "or overnight" is how long it may take, not a second wait after the first
        (
            "Then let it marinate for at least 20 minutes (or overnight in the refrigerator).",
            [{"min": "PT20M", "max": "PT8H", "label": "marinate"}],
        ),
        ("Cover and refrigerate overnight.", [{"min": "PT8H", "label": "chill"}]),
    ],
)
def test_overnight_is_a_long_wait_or_the_longest_a_wait_takes(text: str, spans: list) -> None:
    found = facts(text)
    assert found.durations == spans and found.passive
