"""How numbers and amounts sound: words a cook hears, never abbreviations or symbols."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import US_VOLUME_GRID, Amount, parse_amount
from cookalong.kitchen.units import UNITS
from cookalong.speech.lang.en.speak import (
    number_words,
    speak_amount,
    speak_ingredient_amount,
    speak_number,
)
from tests.kitchen.speakable import UNSPEAKABLE


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (4, "four"),
        (13, "thirteen"),
        (20, "twenty"),
        (21, "twenty-one"),
        (40, "forty"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (135, "one hundred thirty-five"),
        (275, "two hundred seventy-five"),
        (680, "six hundred eighty"),
        (1000, "one thousand"),
        (1360, "one thousand three hundred sixty"),
        (2_000_005, "two million five"),
        (-18, "minus eighteen"),
    ],
)
def test_number_words(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize("bad", [1.5, "4", True, None])
def test_number_words_refuses_what_is_not_a_whole_number(bad):
    with pytest.raises(ValueError, match="whole number"):
        number_words(bad)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (F(4), "four"),
        (4, "four"),
        (F(20), "twenty"),
        (F(21), "21"),
        (F(275), "275"),
        (F(1, 2), "a half"),
        (F(1, 3), "a third"),
        (F(2, 3), "two thirds"),
        (F(1, 4), "a quarter"),
        (F(3, 4), "three quarters"),
        (F(1, 8), "an eighth"),
        (F(3, 8), "three eighths"),
        (F(3, 2), "one and a half"),
        (F(5, 4), "one and a quarter"),
        (F(11, 4), "two and three quarters"),
        (F(43, 2), "21 and a half"),
        (F(1, 16), "a sixteenth"),
        (F(34, 25), "1.36"),  # no common name: a decimal
        (F(1, 3) + 10, "ten and a third"),
        (F(-3, 2), "minus one and a half"),
        (F(0), "zero"),
    ],
)
def test_speak_number(value, said):
    assert speak_number(value) == said


@pytest.mark.parametrize(
    ("amount", "said"),
    [
        (Amount(F(1), "teaspoon"), "one teaspoon"),
        (Amount(F(2), "teaspoon"), "two teaspoons"),
        (Amount(F(1, 2), "teaspoon"), "half a teaspoon"),
        (Amount(F(1, 4), "teaspoon"), "a quarter of a teaspoon"),
        (Amount(F(1, 8), "teaspoon"), "an eighth of a teaspoon"),
        (Amount(F(3, 4), "cup"), "three quarters of a cup"),
        (Amount(F(1, 3), "cup"), "a third of a cup"),
        (Amount(F(2, 3), "cup"), "two thirds of a cup"),
        (Amount(F(5, 4), "teaspoon"), "one and a quarter teaspoons"),
        (Amount(F(3, 2), "pound"), "one and a half pounds"),
        (Amount(F(1, 2), "ounce"), "half an ounce"),
        (Amount(F(1, 8), "inch"), "an eighth of an inch"),
        (Amount(F(1), "inch"), "one inch"),
        (Amount(F(3, 8), "teaspoon"), "a quarter of a teaspoon plus an eighth"),
        (Amount(F(5, 8), "teaspoon"), "half a teaspoon plus an eighth"),
        (Amount(F(7, 8), "teaspoon"), "three quarters of a teaspoon plus an eighth"),
        (Amount(F(11, 8), "teaspoon"), "one and a quarter teaspoons plus an eighth"),
        (Amount(F(9, 8), "teaspoon"), "one and an eighth teaspoons"),
        (Amount(F(3, 8), "cup"), "three eighths of a cup"),  # written recipes only: not scaled to
        (Amount(F(4), noun="drop"), "four drops"),
        (Amount(F(1), noun="drop"), "one drop"),
        (Amount(F(1), noun="garlic clove", size="small"), "one small garlic clove"),
        (Amount(F(2), noun="garlic clove", size="small"), "two small garlic cloves"),
        (Amount(F(1, 2), noun="garlic clove", size="small"), "half a small garlic clove"),
        (Amount(F(1, 2), noun="onion"), "half an onion"),
        (Amount(F(1, 2), noun="onion", size="large"), "half a large onion"),
        (Amount(F(2), noun="sprig of thyme", noun_plural="sprigs of thyme"), "two sprigs of thyme"),
        (Amount(F(3), noun="cherry"), "three cherries"),
        (Amount(F(1), "tablespoon", size="heaping"), "one heaping tablespoon"),
        (Amount(F(2), "tablespoon", upper=F(3)), "two to three tablespoons"),
        (Amount(F(1, 2), "teaspoon", upper=F(1)), "half to one teaspoon"),
        (Amount(F(1, 4), "teaspoon", upper=F(1, 2)), "a quarter to a half teaspoon"),
        (Amount(F(1), "pound", upper=F(3, 2)), "one to one and a half pounds"),
        (Amount(F(2), noun="egg", upper=F(3)), "two to three eggs"),
        (Amount(F(10), upper=F(15)), "ten to fifteen"),
        (Amount(F(3)), "three"),
        (Amount(F(680), "gram", approximate=True), "about 680 grams"),
        (Amount(F(1), "kilogram"), "one kilogram"),
        (Amount(F(1), "pinch"), "a pinch"),
        (Amount(F(2), "pinch"), "two pinches"),
        (Amount(F(1), "dash"), "a dash"),
        (Amount(F(8), "fluid_ounce"), "eight fluid ounces"),
        (Amount(F(1, 10), "gram"), "0.1 grams"),
        (Amount(F(1, 2), "litre"), "half a liter"),
    ],
)
def test_speak_amount(amount, said):
    assert speak_amount(amount) == said


@pytest.mark.parametrize(
    ("amount", "us", "gb"),
    [
        (Amount(F(30), "millilitre"), "30 milliliters", "30 millilitres"),
        (Amount(F(1), "millilitre"), "one milliliter", "one millilitre"),
        (Amount(F(3, 2), "litre"), "one and a half liters", "one and a half litres"),
        (Amount(F(5), "centimetre"), "five centimeters", "five centimetres"),
        (Amount(F(680), "gram"), "680 grams", "680 grams"),
        (Amount(F(2), "tablespoon"), "two tablespoons", "two tablespoons"),
    ],
)
def test_metric_spelling_follows_the_locale(amount, us, gb):
    assert speak_amount(amount, locale="en-US") == us
    for locale in ("en-GB", "en-AU", "en-IN", "en-CA"):
        assert speak_amount(amount, locale=locale) == gb


@pytest.mark.parametrize(
    ("amount", "name", "phrase"),
    [
        (parse_amount("2 tbsp"), "maple syrup", "two tablespoons of maple syrup"),
        (parse_amount("4 drops"), "liquid smoke", "four drops of liquid smoke"),
        (parse_amount("1 small garlic clove"), "garlic", "one small garlic clove"),
        (parse_amount("2 garlic cloves"), "Garlic", "two garlic cloves"),
        (parse_amount("1 clove"), "garlic", "one clove of garlic"),
        (parse_amount("3"), "eggs", "three eggs"),
        (parse_amount("10–15"), "cherry tomatoes", "ten to fifteen cherry tomatoes"),
        (parse_amount("a pinch"), "sea salt", "a pinch of sea salt"),
        (parse_amount("about 680 g"), "pork belly", "about 680 grams of pork belly"),
        (None, "sea salt", "some sea salt"),
    ],
)
def test_speak_ingredient_amount(amount, name, phrase):
    assert speak_ingredient_amount(amount, name) == phrase


def _every_amount() -> list[Amount]:
    amounts = [Amount(value, unit) for _, unit, value in US_VOLUME_GRID]
    for key in UNITS:
        for value in (F(1, 8), F(1, 4), F(1, 3), F(1, 2), F(3, 4), F(1), F(3, 2), F(5, 2), F(680)):
            amounts.append(Amount(value, key))
            amounts.append(Amount(value, key, upper=value + 1))
            amounts.append(Amount(value, key).to_metric())
            amounts.append(Amount(value, key).to_us())
            for factor in (F(1, 3), F(1, 2), F(2), F(3)):
                amounts.append(Amount(value, key).scaled(factor))
    return amounts


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_nothing_spoken_contains_abbreviations_symbols_or_unicode_fractions(locale):
    # given every unit with common values, ranges, conversions and scalings
    for amount in _every_amount():
        # when it is said
        said = speak_amount(amount, locale=locale)
        # then a speech engine reads only words and plain numbers
        assert not UNSPEAKABLE.search(said), (amount, said)
        assert said == said.strip() and "  " not in said
