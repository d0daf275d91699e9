"""Metric and US conversions, rounded to what a cook can weigh or measure."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import Amount, format_amount, parse_amount, to_metric, to_us
from cookalong.speech.lang.en.speak import speak_amount


@pytest.mark.parametrize(
    ("source", "written", "said_gb"),
    [
        # spoon-sized volumes: the metric spoons (5 ml teaspoon, 15 ml tablespoon), not "about"
        ("1 tsp", "1 tsp", "one teaspoon"),
        ("½ tsp", "½ tsp", "half a teaspoon"),
        ("¼ tsp", "¼ tsp", "a quarter of a teaspoon"),  # not "one and a quarter millilitres"
        ("¾ tsp", "¾ tsp", "three quarters of a teaspoon"),  # not "three and three quarters …"
        ("2 ½ tsp", "2 ½ tsp", "two and a half teaspoons"),  # not "twelve and a half …"
        ("⅛ tsp", "a pinch", "a pinch"),  # 0.6 ml: half the smallest metric spoon, a pinch
        ("1 tbsp", "1 tbsp", "one tablespoon"),
        ("2 tbsp", "2 tbsp", "two tablespoons"),
        ("¼ cup", "4 tbsp", "four tablespoons"),  # 60 ml: still a spoonful
        ("¼ tsp + ⅛ tsp", "about ¼ tsp", "about a quarter of a teaspoon"),  # a tie: smaller
        ("3 ½ tsp", "about 1 tbsp", "about one tablespoon"),
        ("2–3 tbsp", "2–3 tbsp", "two to three tablespoons"),
        ("3–6 tbsp", "45–90 ml", "45 to 90 millilitres"),  # a jug at one end: millilitres
        # above 60 ml: a jug's marks, 10 ml below 250 ml, then 50 ml
        ("5 tbsp", "about 70 ml", "about 70 millilitres"),  # 75 ml: a tie goes down
        ("⅓ cup", "80 ml", "80 millilitres"),
        ("½ cup", "120 ml", "120 millilitres"),
        ("¾ cup", "180 ml", "180 millilitres"),
        ("1 cup", "240 ml", "240 millilitres"),
        ("8 fl oz", "240 ml", "240 millilitres"),
        ("1 ½ cups", "about 350 ml", "about 350 millilitres"),
        ("2 cups", "about 500 ml", "about 500 millilitres"),
        ("4 cups", "about 950 ml", "about 950 millilitres"),
        ("1 quart", "about 950 ml", "about 950 millilitres"),
        ("5 cups", "1.2 l", "1.2 litres"),
        ("1 gallon", "about 3.85 l", "about 3.85 litres"),  # 3.84 l to the nearest 50 ml
        # weights: exact definitions, rounded to what a scale shows and a cook says, so "about"
        ("1 ½ lb", "about 680 g", "about 680 grams"),
        ("2 ¼ lb", "about 1 kg", "about one kilogram"),  # 1020.6 g: never "1.02 kilograms"
        ("3 lb", "about 1.35 kg", "about 1.35 kilograms"),  # kilograms to 50 g
        ("3 ½ lb", "about 1.6 kg", "about 1.6 kilograms"),
        ("1 lb", "about 455 g", "about 455 grams"),
        ("¾ lb", "about 340 g", "about 340 grams"),
        ("4 oz", "about 115 g", "about 115 grams"),  # 113.4 g: the nearest 5 g from 100 g
        ("1 oz", "about 28 g", "about 28 grams"),
        ("2.2 lb", "about 1 kg", "about one kilogram"),
        # lengths
        ("1 inch", "about 2.5 cm", "about two and a half centimetres"),
        ("¼ inch", "about 6 mm", "about six millimetres"),
        # what stays as it is
        ("4 drops", "4 drops", "four drops"),
        ("1 small garlic clove", "1 small garlic clove", "one small garlic clove"),
        ("a pinch", "a pinch", "a pinch"),
        ("10–15", "10–15", "ten to fifteen"),
        ("680 g", "680 g", "680 grams"),
        ("1.36 kg", "1.36 kg", "1.36 kilograms"),  # a metric recipe's own weight
        ("250 ml", "250 ml", "250 millilitres"),  # a metric recipe's own jug amount
        # a metric recipe's spoonful is said in spoons too
        ("30 ml", "2 tbsp", "two tablespoons"),
        ("2.5 ml", "½ tsp", "half a teaspoon"),
        ("12.5 ml", "2 ½ tsp", "two and a half teaspoons"),
        ("7 ml", "about 1 ½ tsp", "about one and a half teaspoons"),
    ],
)
def test_to_metric(source, written, said_gb):
    # given an amount as a recipe writes it
    amount = parse_amount(source)
    # when a cook asks for metric
    metric = to_metric(amount)
    # then it is in metric spoons, a jug's millilitres or grams, "about" only when rounded
    assert format_amount(metric) == written
    assert speak_amount(metric, locale="en-GB") == said_gb
    assert amount.to_metric() == metric


@pytest.mark.parametrize(
    ("source", "written", "said"),
    [
        ("680 g", "about 1 ½ lb", "about one and a half pounds"),
        ("1 kg", "about 2 ¼ lb", "about two and a quarter pounds"),
        ("450 g", "about 1 lb", "about one pound"),
        ("250 g", "about 9 oz", "about nine ounces"),
        ("100 g", "about 3 ½ oz", "about three and a half ounces"),
        ("5 ml", "1 tsp", "one teaspoon"),
        ("2.5 ml", "½ tsp", "half a teaspoon"),
        ("15 ml", "1 tbsp", "one tablespoon"),
        ("30 ml", "2 tbsp", "two tablespoons"),
        ("60 ml", "¼ cup", "a quarter of a cup"),
        ("100 ml", "about 7 tbsp", "about seven tablespoons"),
        ("125 ml", "about ½ cup", "about half a cup"),
        ("240 ml", "1 cup", "one cup"),
        ("250 ml", "about 1 cup", "about one cup"),
        ("1 l", "about 4 ¼ cup", "about four and a quarter cups"),
        ("0.5 ml", "about ⅛ tsp", "about an eighth of a teaspoon"),
        ("0.2 ml", "a pinch", "a pinch"),
        ("2.5 cm", "about 1 in", "about one inch"),
        ("1 ½ lb", "1 ½ lb", "one and a half pounds"),  # already US
    ],
)
def test_to_us(source, written, said):
    amount = parse_amount(source)
    us = to_us(amount)
    assert format_amount(us) == written
    assert speak_amount(us) == said
    assert amount.to_us() == us


def test_converting_twice_does_not_drift():
    # given the pork belly converted to metric
    metric = parse_amount("1 ½ lb").to_metric()
    # when it is converted back / then it is the recipe's weight, marked approximate
    assert metric.to_us() == Amount(F(3, 2), "pound", approximate=True)
    assert metric.to_metric() is metric


@pytest.mark.parametrize(
    ("source", "written", "said_au"),
    [
        # an Australian tablespoon is 20 ml (four teaspoons): a US tablespoon is three teaspoons
        ("1 tsp", "1 tsp", "one teaspoon"),
        ("¾ tsp", "¾ tsp", "three quarters of a teaspoon"),
        ("1 tbsp", "3 tsp", "three teaspoons"),
        ("2 tbsp", "6 tsp", "one tablespoon plus two teaspoons"),  # 30 ml exactly
        ("3 tbsp", "9 tsp", "two tablespoons plus one teaspoon"),
        ("4 tbsp", "12 tsp", "three tablespoons"),
        ("¼ cup", "12 tsp", "three tablespoons"),
        ("2–3 tbsp", "6–9 tsp", "six to nine teaspoons"),  # no half tablespoon in the set
        ("20 ml", "4 tsp", "one tablespoon"),
        ("½ cup", "120 ml", "120 millilitres"),
        ("1 ½ lb", "about 680 g", "about 680 grams"),
    ],
)
def test_to_metric_with_an_australian_tablespoon(source, written, said_au):
    # given a recipe amount, and a cook in Australia, whose tablespoon holds 20 ml
    metric = parse_amount(source).to_metric(tablespoon_ml=20)
    # then spoonfuls are kept in teaspoons (5 ml everywhere), the same volume as the recipe's,
    # and said in the spoons of an Australian set
    assert format_amount(metric) == written
    assert speak_amount(metric, locale="en-AU") == said_au
    same = parse_amount(source).to_metric()
    assert metric.unit != "tablespoon"  # a 15 ml tablespoon is not an Australian's
    if metric.unit == "teaspoon" and not same.approximate:
        assert _ml(metric) == _ml(same)


def _ml(amount: Amount) -> F:
    size = {"teaspoon": 5, "tablespoon": 15}[amount.unit]
    return amount.value * size


@pytest.mark.parametrize(
    "source", ["1 tsp", "¾ tsp", "2 tbsp", "⅓ cup", "2 cups", "3 lb", "5 cups"]
)
@pytest.mark.parametrize("tablespoon_ml", [15, 20])
def test_converting_to_metric_twice_changes_nothing(source, tablespoon_ml):
    once = parse_amount(source).to_metric(tablespoon_ml=tablespoon_ml)
    assert once.to_metric(tablespoon_ml=tablespoon_ml) == once
