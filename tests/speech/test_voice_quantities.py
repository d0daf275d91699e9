"""How the voice says an ingredient's amount: in the cook's units, or in a unit asked for once."""

from __future__ import annotations

import pytest

from cookalong.cooking.messages import Quantity
from cookalong.kitchen.conversions import CannotConvert
from cookalong.recipe.loader import default_recipes
from cookalong.speech.voice import voice_for

RECIPE = next(iter(default_recipes().values()))


def quantity(ingredient_id: str, unit: str | None = None) -> Quantity:
    ingredient = RECIPE.ingredients_by_id[ingredient_id]
    return Quantity(ingredient, ingredient.amount, unit=unit)


@pytest.mark.parametrize(
    ("locale", "units", "ingredient_id", "said"),
    [
        ("en-US", "us", "pork-belly.maple-syrup", "two tablespoons of maple syrup"),
        ("en-GB", "metric", "pork-belly.maple-syrup", "two tablespoons of maple syrup"),
        (
            "en-AU",
            "metric",
            "pork-belly.maple-syrup",
            "one tablespoon plus two teaspoons of maple syrup",
        ),
        ("en-AU", "metric", "aioli.mayonnaise", "three tablespoons of mayonnaise"),
        ("en-IN", "metric", "aioli.dijon", "half a teaspoon of dijon mustard"),
        ("en-GB", "metric", "pork-belly.pork-belly", "about 680 grams of boneless pork belly"),
    ],
)
def test_an_amount_in_the_cooks_units(locale, units, ingredient_id, said):
    voice = voice_for(locale)
    assert voice.quantity(quantity(ingredient_id), voice.prefs(units)) == said


@pytest.mark.parametrize(
    ("locale", "units", "ingredient_id", "unit", "said", "then"),
    [
        ("en-US", "us", "pork-belly.pork-belly", "gram",
         "about 680 grams of boneless pork belly", "one and a half pounds of boneless pork belly"),
        ("en-GB", "metric", "pork-belly.pork-belly", "ounce",
         "24 ounces of boneless pork belly", "about 680 grams of boneless pork belly"),
        ("en-US", "us", "aioli.mayonnaise", "cup",
         "a quarter of a cup of mayonnaise", "four tablespoons of mayonnaise"),
        ("en-GB", "metric", "aioli.mayonnaise", "millilitre",
         "60 millilitres of mayonnaise", "four tablespoons of mayonnaise"),
        ("en-GB", "metric", "aioli.mayonnaise", "tablespoon",
         "four tablespoons of mayonnaise", "four tablespoons of mayonnaise"),
        ("en-AU", "metric", "aioli.mayonnaise", "tablespoon",
         "three tablespoons of mayonnaise", "three tablespoons of mayonnaise"),
        ("en-US", "us", "pork-belly.flaky-sea-salt", "gram",
         "about three grams of flaky sea salt", "one teaspoon of flaky sea salt"),
        ("en-GB", "metric", "aioli.sea-salt", "millilitre",
         "a pinch of sea salt", "a pinch of sea salt"),
    ],
)  # fmt: skip
def test_an_amount_in_the_unit_asked_for_once(locale, units, ingredient_id, unit, said, then):
    # given a cook with their preference
    voice = voice_for(locale)
    prefs = voice.prefs(units)
    # when they ask for one amount in another unit / then it is said in that unit
    assert voice.quantity(quantity(ingredient_id, unit), prefs) == said
    # and the next answer is in their own units again: the asked unit changed nothing
    assert voice.quantity(quantity(ingredient_id), prefs) == then


def test_an_amount_that_cannot_be_said_in_the_asked_unit_raises_for_the_caller():
    voice = voice_for("en-GB")
    with pytest.raises(CannotConvert):
        voice.quantity(quantity("aioli.garlic", "gram"), voice.prefs("metric"))
    with pytest.raises(CannotConvert):
        voice.quantity(quantity("aioli.liquid-smoke", "millilitre"), voice.prefs("metric"))
