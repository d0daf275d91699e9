"""Metric and US conversions, rounded to what a cook can weigh or measure."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import Amount, format_amount, parse_amount, to_metric, to_us
from cookalong.kitchen.speech import speak_amount


@pytest.mark.parametrize(
    ("source", "written", "said_gb"),
    [
        # volumes: the kitchen equivalences on metric measuring tools, not "about"
        ("1 tsp", "5 ml", "five millilitres"),
        ("½ tsp", "2.5 ml", "two and a half millilitres"),
        ("¼ tsp", "1.25 ml", "one and a quarter millilitres"),
        ("⅛ tsp", "a pinch", "a pinch"),  # 0.6 ml: no metric spoon, a pinch
        ("1 tbsp", "15 ml", "fifteen millilitres"),
        ("2 tbsp", "30 ml", "30 millilitres"),
        ("¼ cup", "60 ml", "60 millilitres"),
        ("⅓ cup", "80 ml", "80 millilitres"),
        ("½ cup", "120 ml", "120 millilitres"),
        ("¾ cup", "180 ml", "180 millilitres"),
        ("1 cup", "240 ml", "240 millilitres"),
        ("4 cups", "960 ml", "960 millilitres"),
        ("5 cups", "1.2 l", "1.2 litres"),
        ("8 fl oz", "240 ml", "240 millilitres"),
        ("1 quart", "960 ml", "960 millilitres"),
        ("1 gallon", "about 3.85 l", "about 3.85 litres"),  # 3.84 l to the nearest 50 ml
        ("¼ tsp + ⅛ tsp", "about 1.25 ml", "about one and a quarter millilitres"),
        ("2–3 tbsp", "30–45 ml", "30 to 45 millilitres"),
        # weights: exact definitions, rounded, so "about"
        ("1 ½ lb", "about 680 g", "about 680 grams"),
        ("3 lb", "about 1.36 kg", "about 1.36 kilograms"),
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
        ("30 ml", "30 ml", "30 millilitres"),
    ],
)
def test_to_metric(source, written, said_gb):
    # given an amount as a US recipe writes it
    amount = parse_amount(source)
    # when a cook asks for metric
    metric = to_metric(amount)
    # then it is in grams or millilitres, rounded for a kitchen, "about" only when rounded
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
