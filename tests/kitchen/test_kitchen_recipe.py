"""Every amount, temperature and time of the first recipe, as a cook hears and reads it.

Source: maple glazed pork belly with chipotle aioli. Amounts are parsed from the recipe's own
text, so these tests also prove the parser reads what the recipe publishes.
"""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from typing import NamedTuple

import pytest

from cookalong.kitchen.amounts import Amount, format_amount, parse_amount
from cookalong.kitchen.durations import parse_duration, parse_duration_range
from cookalong.kitchen.temperature import Temperature, parse_temperature
from cookalong.speech.lang.en.speak import (
    speak_amount,
    speak_duration,
    speak_duration_range,
    speak_ingredient_amount,
    speak_temperature,
)

DOUBLE = Fraction(2)
HALF = Fraction(1, 2)


class Row(NamedTuple):
    source: str  # the amount as the recipe prints it
    name: str  # the ingredient
    written: str
    said: str
    said_double: str
    written_double: str
    said_half: str
    written_half: str
    metric_written: str
    metric_said: str  # en-US spelling; spoonfuls in the metric spoons (a 15 ml tablespoon)


RECIPE = [Row(*r) for r in [
    # pork belly
    ("1 ½ lb", "boneless pork belly", "1 ½ lb", "one and a half pounds",
     "three pounds", "3 lb", "three quarters of a pound", "¾ lb",
     "about 680 g", "about 680 grams"),
    ("2 tablespoons", "brown miso", "2 tbsp", "two tablespoons",
     "a quarter of a cup", "¼ cup", "one tablespoon", "1 tbsp",
     "2 tbsp", "two tablespoons"),
    ("2 tablespoons", "maple syrup", "2 tbsp", "two tablespoons",
     "a quarter of a cup", "¼ cup", "one tablespoon", "1 tbsp",
     "2 tbsp", "two tablespoons"),
    ("1 teaspoon", "Chinese five spice", "1 tsp", "one teaspoon",
     "two teaspoons", "2 tsp", "half a teaspoon", "½ tsp",
     "1 tsp", "one teaspoon"),
    ("1 teaspoon", "sesame oil", "1 tsp", "one teaspoon",
     "two teaspoons", "2 tsp", "half a teaspoon", "½ tsp",
     "1 tsp", "one teaspoon"),
    ("1 teaspoon", "flaky sea salt", "1 tsp", "one teaspoon",
     "two teaspoons", "2 tsp", "half a teaspoon", "½ tsp",
     "1 tsp", "one teaspoon"),
    # chipotle aioli
    ("4 tablespoons", "mayonnaise", "4 tbsp", "four tablespoons",
     "half a cup", "½ cup", "two tablespoons", "2 tbsp",
     "4 tbsp", "four tablespoons"),
    ("1 teaspoon", "fresh squeezed lime juice", "1 tsp", "one teaspoon",
     "two teaspoons", "2 tsp", "half a teaspoon", "½ tsp",
     "1 tsp", "one teaspoon"),
    ("1 teaspoon", "maple syrup", "1 tsp", "one teaspoon",
     "two teaspoons", "2 tsp", "half a teaspoon", "½ tsp",
     "1 tsp", "one teaspoon"),
    ("½ teaspoon", "pureed chipotle peppers in adobo sauce", "½ tsp", "half a teaspoon",
     "one teaspoon", "1 tsp", "a quarter of a teaspoon", "¼ tsp",
     "½ tsp", "half a teaspoon"),
    ("4 drops", "liquid smoke", "4 drops", "four drops",
     "eight drops", "8 drops", "two drops", "2 drops",
     "4 drops", "four drops"),
    ("1 small garlic clove", "garlic", "1 small garlic clove", "one small garlic clove",
     "two small garlic cloves", "2 small garlic cloves",
     "half a small garlic clove", "½ small garlic clove",
     "1 small garlic clove", "one small garlic clove"),
    ("½ teaspoon", "dijon mustard", "½ tsp", "half a teaspoon",
     "one teaspoon", "1 tsp", "a quarter of a teaspoon", "¼ tsp",
     "½ tsp", "half a teaspoon"),
    ("⅛ teaspoon", "sea salt", "⅛ tsp", "an eighth of a teaspoon",
     "a quarter of a teaspoon", "¼ tsp", "a pinch", "a pinch",
     "a pinch", "a pinch"),
]]  # fmt: skip
IDS = [f"{row.source} {row.name}" for row in RECIPE]


@pytest.mark.parametrize("row", RECIPE, ids=IDS)
def test_each_amount_is_said_and_written_as_the_recipe_gives_it(row: Row):
    # given the amount as the recipe prints it
    amount = parse_amount(row.source)
    # when it is said and written / then a cook hears words and sees a compact form
    assert speak_amount(amount) == row.said
    assert format_amount(amount) == row.written


@pytest.mark.parametrize("row", RECIPE, ids=IDS)
def test_doubling_the_recipe_gives_measurable_amounts(row: Row):
    # given the recipe's amount
    amount = parse_amount(row.source)
    # when the cook doubles the recipe
    doubled = amount.scaled(DOUBLE)
    # then each amount is one the cook can measure
    assert speak_amount(doubled) == row.said_double
    assert format_amount(doubled) == row.written_double


@pytest.mark.parametrize("row", RECIPE, ids=IDS)
def test_halving_the_recipe_gives_measurable_amounts(row: Row):
    amount = parse_amount(row.source)
    halved = amount.scaled(HALF)
    assert speak_amount(halved) == row.said_half
    assert format_amount(halved) == row.written_half


@pytest.mark.parametrize("row", RECIPE, ids=IDS)
def test_each_amount_in_metric_in_american_and_british_spelling(row: Row):
    # given the recipe's amount
    amount = parse_amount(row.source)
    # when a cook asks for metric
    metric = amount.to_metric()
    # then it is written and said in metric spoons and grams, spelled for the locale
    assert format_amount(metric) == row.metric_written
    assert speak_amount(metric, locale="en-US") == row.metric_said
    british = row.metric_said.replace("milliliters", "millilitres")
    assert speak_amount(metric, locale="en-GB") == british
    assert speak_amount(metric, locale="en-IN") == british


@pytest.mark.parametrize(
    ("source", "name", "phrase"),
    [
        ("1 ½ lb", "boneless pork belly", "one and a half pounds of boneless pork belly"),
        ("2 tablespoons", "brown miso", "two tablespoons of brown miso"),
        ("2 tablespoons", "maple syrup", "two tablespoons of maple syrup"),
        ("1 teaspoon", "Chinese five spice", "one teaspoon of Chinese five spice"),
        ("1 teaspoon", "sesame oil", "one teaspoon of sesame oil"),
        ("1 teaspoon", "flaky sea salt", "one teaspoon of flaky sea salt"),
        ("4 tablespoons", "mayonnaise", "four tablespoons of mayonnaise"),
        ("1 teaspoon", "fresh squeezed lime juice", "one teaspoon of fresh squeezed lime juice"),
        ("1 teaspoon", "maple syrup", "one teaspoon of maple syrup"),
        (
            "½ teaspoon",
            "pureed chipotle peppers in adobo sauce",
            "half a teaspoon of pureed chipotle peppers in adobo sauce",
        ),
        ("4 drops", "liquid smoke", "four drops of liquid smoke"),
        ("1 small garlic clove", "garlic", "one small garlic clove"),
        ("½ teaspoon", "dijon mustard", "half a teaspoon of dijon mustard"),
        ("⅛ teaspoon", "sea salt", "an eighth of a teaspoon of sea salt"),
    ],
)
def test_each_ingredient_is_said_with_its_amount(source, name, phrase):
    assert speak_ingredient_amount(parse_amount(source), name) == phrase


def test_the_garlic_is_exactly_the_structured_amount_the_recipe_stores():
    assert parse_amount("1 small garlic clove") == Amount(1, noun="garlic clove", size="small")


def test_the_pork_belly_in_metric_is_flagged_approximate_and_the_spoons_are_not():
    pork = parse_amount("1 ½ lb").to_metric()
    miso = parse_amount("2 tablespoons").to_metric()
    assert pork == Amount(Fraction(680), "gram", approximate=True)
    assert miso == Amount(Fraction(2), "tablespoon")  # 30 ml: the metric tablespoon is 15 ml


def test_the_whole_pork_belly_in_metric_for_a_double_batch_is_in_kilograms():
    doubled = parse_amount("1 ½ lb").scaled(DOUBLE).to_metric()
    assert speak_amount(doubled) == "about 1.35 kilograms"  # 1360.8 g: kilograms to 50 g
    assert format_amount(doubled) == "about 1.35 kg"


# ---- oven -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fahrenheit", "celsius"),
    [
        ("275 °F", "275 degrees Fahrenheit", "135 degrees Celsius"),  # bake: exact
        ("420 °F", "420 degrees Fahrenheit", "215 degrees Celsius"),  # broil: 215.6 → dial 215
    ],
)
def test_both_oven_temperatures_in_both_scales(source, fahrenheit, celsius):
    oven = parse_temperature(source)
    assert speak_temperature(oven) == fahrenheit
    assert speak_temperature(oven, scale="F") == fahrenheit
    assert speak_temperature(oven, scale="C") == celsius
    assert speak_temperature(oven, scale="celsius") == celsius


def test_the_bake_temperature_goes_there_and_back_exactly():
    bake = Temperature(275, "F")
    assert bake.to("C") == Temperature(135, "C")
    assert bake.to("C").to("F") == bake


# ---- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "source", "expected", "said"),
    [
        ("prep", "10 mins", timedelta(minutes=10), "ten minutes"),
        (
            "cook",
            "2 hours 15 mins",
            timedelta(hours=2, minutes=15),
            "two hours and fifteen minutes",
        ),
        ("total", "2 hours 25 mins", timedelta(hours=2, minutes=25), "two hours and 25 minutes"),
        ("bake", "2 hours", timedelta(hours=2), "two hours"),
        ("rest", "15 minutes", timedelta(minutes=15), "fifteen minutes"),
        ("mayonnaise", "2 minutes", timedelta(minutes=2), "two minutes"),
        ("prep (schema.org)", "PT10M", timedelta(minutes=10), "ten minutes"),
        (
            "cook (schema.org)",
            "PT2H15M",
            timedelta(hours=2, minutes=15),
            "two hours and fifteen minutes",
        ),
        (
            "total (schema.org)",
            "PT2H25M",
            timedelta(hours=2, minutes=25),
            "two hours and 25 minutes",
        ),
    ],
)
def test_every_time_of_the_recipe_is_read_and_said(what, source, expected, said):
    duration = parse_duration(source)
    assert duration == expected
    assert speak_duration(duration) == said


def test_the_broil_range_is_said_with_the_unit_once():
    low, high = parse_duration_range("10–15 minutes")
    assert (low, high) == (timedelta(minutes=10), timedelta(minutes=15))
    assert speak_duration_range(low, high) == "ten to fifteen minutes"
