"""Scaling a recipe: exact arithmetic, then amounts a cook can actually measure."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import (
    US_VOLUME_GRID,
    Amount,
    format_amount,
    parse_amount,
    scale_amount,
)
from cookalong.speech.lang.en.speak import speak_amount


@pytest.mark.parametrize(
    ("source", "factor", "written", "said"),
    [
        # spoons roll up when that is more natural
        ("1 tsp", F(6), "2 tbsp", "two tablespoons"),
        ("1 tsp", F(3), "1 tbsp", "one tablespoon"),
        ("2 tbsp", F(2), "¼ cup", "a quarter of a cup"),
        ("4 tbsp", F(2), "½ cup", "half a cup"),
        ("1 tbsp", F(4), "¼ cup", "a quarter of a cup"),
        ("2 tbsp", F(3), "6 tbsp", "six tablespoons"),  # 3/8 cup: no such cup
        ("⅓ cup", F(2), "⅔ cup", "two thirds of a cup"),
        ("¾ cup", F(2), "1 ½ cup", "one and a half cups"),
        ("1 cup", F(3), "3 cup", "three cups"),
        ("1 ½ cups", F(3), "4 ½ cup", "four and a half cups"),
        ("1 pint", F(2), "4 cup", "four cups"),
        ("8 fl oz", F(1, 2), "½ cup", "half a cup"),
        # and roll down
        ("¼ cup", F(1, 2), "2 tbsp", "two tablespoons"),
        ("1 tbsp", F(1, 2), "1 ½ tsp", "one and a half teaspoons"),  # not "half a tablespoon"
        ("1 tbsp", F(1, 3), "1 tsp", "one teaspoon"),
        ("¾ cup", F(1, 2), "6 tbsp", "six tablespoons"),
        ("⅓ cup", F(1, 2), "2 ½ tbsp", "two and a half tablespoons"),  # 2 ⅔ tbsp, measurable
        # spoons nobody owns
        ("½ tsp", F(3, 4), "¼ tsp + ⅛ tsp", "a quarter of a teaspoon plus an eighth"),
        ("⅛ tsp", F(3), "¼ tsp + ⅛ tsp", "a quarter of a teaspoon plus an eighth"),
        ("1 tsp", F(1, 3), "¼ tsp + ⅛ tsp", "a quarter of a teaspoon plus an eighth"),  # 0.33
        ("1 tsp", F(2, 3), "¾ tsp", "three quarters of a teaspoon"),  # 0.67
        ("1 tsp", F(1, 5), "¼ tsp", "a quarter of a teaspoon"),  # 0.2: nearer 1/4 than 1/8
        ("1 tsp", F(1, 6), "⅛ tsp", "an eighth of a teaspoon"),  # 0.17: nearer 1/8
        ("⅛ tsp", F(1, 2), "a pinch", "a pinch"),
        ("⅛ tsp", F(1, 4), "a pinch", "a pinch"),
        # counts
        ("4 drops", F(1, 2), "2 drops", "two drops"),
        ("4 drops", F(1, 3), "1 drop", "one drop"),  # 1.33
        ("1 drop", F(1, 2), "1 drop", "one drop"),  # never less than one
        ("4 drops", F(3, 2), "6 drops", "six drops"),
        ("3 eggs", F(1, 2), "1 egg", "one egg"),  # 1.5: ties go down
        ("3 eggs", F(2, 3), "2 eggs", "two eggs"),
        ("1 small garlic clove", F(1, 2), "½ small garlic clove", "half a small garlic clove"),
        ("1 garlic clove", F(3, 2), "1 ½ garlic cloves", "one and a half garlic cloves"),
        ("1 small garlic clove", F(1, 4), "½ small garlic clove", "half a small garlic clove"),
        ("1 lemon", F(1, 2), "½ lemon", "half a lemon"),
        ("1 onion", F(1, 2), "½ onion", "half an onion"),
        ("a pinch", F(2), "2 pinches", "two pinches"),
        ("a pinch", F(1, 2), "a pinch", "a pinch"),
        ("10–15", F(2), "20–30", "twenty to 30"),
        # weights
        ("1 ½ lb", F(1, 2), "¾ lb", "three quarters of a pound"),
        ("1 ½ lb", F(2), "3 lb", "three pounds"),
        ("1 ½ lb", F(1, 3), "½ lb", "half a pound"),
        ("1 ½ lb", F(1, 8), "3 oz", "three ounces"),  # below a quarter pound
        ("1 lb", F(1, 3), "5 oz", "five ounces"),  # 5.33 oz: a quarter pound is too far
        ("1 lb", F(1, 4), "¼ lb", "a quarter of a pound"),
        ("2 lb", F(1, 3), "11 oz", "eleven ounces"),  # 10.67 oz: ¾ lb is too far
        ("2 lb", F(3, 8), "¾ lb", "three quarters of a pound"),
        ("1 ½ lb", F(3, 4), "1 lb", "one pound"),  # 1 ⅛ lb: quarters from 1 lb, a tie goes down
        ("1 ½ lb", F(5, 6), "1 ¼ lb", "one and a quarter pounds"),
        ("12 oz", F(2), "1 ½ lb", "one and a half pounds"),
        ("3 oz", F(1, 2), "1 ½ oz", "one and a half ounces"),
        ("8 oz", F(3, 2), "12 oz", "twelve ounces"),
        # metric
        ("680 g", F(2), "1.36 kg", "1.36 kilograms"),
        ("680 g", F(1, 2), "340 g", "340 grams"),
        ("250 g", F(1, 3), "83 g", "83 grams"),
        ("125 g", F(3), "375 g", "375 grams"),
        ("5 g", F(1, 2), "2 g", "two grams"),  # whole grams below 100 g; a tie goes down
        ("1 g", F(1, 4), "0.2 g", "0.2 grams"),  # tenths below one gram; a tie goes down
        ("1 g", F(1, 2), "0.5 g", "half a gram"),
        ("30 ml", F(1, 2), "15 ml", "fifteen milliliters"),
        ("5 ml", F(1, 2), "2.5 ml", "two and a half milliliters"),
        ("5 ml", F(1, 4), "1.25 ml", "one and a quarter milliliters"),
        ("100 ml", F(1, 3), "35 ml", "35 milliliters"),
        ("400 ml", F(3), "1.2 l", "1.2 liters"),
        ("2 inches", F(1, 2), "1 in", "one inch"),
    ],
)  # fmt: skip
def test_scaled_amounts_are_measurable(source, factor, written, said):
    # given an amount from a recipe
    amount = parse_amount(source)
    # when the recipe is scaled
    scaled = scale_amount(amount, factor)
    # then it is something a cook can measure, and the method agrees with the function
    assert format_amount(scaled) == written
    assert speak_amount(scaled) == said
    assert amount.scaled(factor) == scaled


@pytest.mark.parametrize(
    ("source", "factor", "written"),
    [
        ("2–3 tbsp", F(2), "4–6 tbsp"),  # ¼ cup to 6 tbsp: both ends in tablespoons
        ("1–2 tbsp", F(2), "2–4 tbsp"),
        ("½–1 tsp", F(1, 2), "¼–½ tsp"),
        ("1–2 cups", F(1, 2), "½–1 cup"),
        ("1–1 ½ lb", F(2), "2–3 lb"),
        ("2–3 drops", F(1, 4), "1 drop"),  # both ends meet: no longer a range
        ("⅛–¼ tsp", F(1, 2), "⅛ tsp"),  # a pinch to ⅛ tsp: keep what can be measured
        ("⅛–¼ tsp", F(1, 4), "a pinch"),
    ],
)
def test_ranges_scale_end_by_end_in_one_unit(source, factor, written):
    assert format_amount(parse_amount(source).scaled(factor)) == written


@pytest.mark.parametrize("source", ["1 ½ lb", "⅛ tsp", "4 tbsp", "10–15", "about 680 g", "6 tbsp"])
def test_scaling_by_one_changes_nothing(source):
    # given an amount, even one that is not on the measuring grid
    amount = parse_amount(source)
    # when scaled by one / then it is the very same amount
    assert amount.scaled(1) is amount


def test_scaling_keeps_the_size_and_the_approximate_flag():
    assert parse_amount("about 680 g").scaled(F(1, 2)) == Amount(F(340), "gram", approximate=True)
    assert parse_amount("2 large eggs").scaled(2) == Amount(F(4), noun="egg", size="large")


@pytest.mark.parametrize("factor", [0, -1, F(-1, 2), "x", None])
def test_scaling_by_nonsense_is_refused(factor):
    with pytest.raises(ValueError, match="factor"):
        parse_amount("1 cup").scaled(factor)


def test_a_float_factor_is_taken_at_its_written_value():
    assert parse_amount("1 cup").scaled(1.5) == Amount(F(3, 2), "cup")  # type: ignore[arg-type]


def test_every_grid_volume_is_its_own_measurement():
    # given every volume on the grid
    for teaspoons, unit, value in US_VOLUME_GRID:
        amount = Amount(teaspoons, "teaspoon")
        # when it is "scaled" to itself through another unit
        measured = Amount(teaspoons * 2, "teaspoon").scaled(F(1, 2))
        # then it comes back unchanged, in the grid's unit
        assert (measured.value, measured.unit) == (value, unit), amount


def test_the_grid_holds_only_measures_a_us_cook_owns():
    spoons = {F(1, 8), F(1, 4), F(1, 2), F(1)}  # teaspoon set; 1 tbsp; the cup set
    cups = {F(1, 4), F(1, 3), F(1, 2), F(2, 3), F(3, 4), F(1)}
    for _, unit, value in US_VOLUME_GRID:
        if unit == "cup":
            assert value in cups
        elif unit == "tablespoon":
            assert (value * 2).denominator == 1  # whole or half tablespoons
        else:
            # every teaspoon value is at most two fills of owned spoons
            part = value % 1
            assert part in {F(0), *spoons} or any(part - s in spoons for s in spoons)
