"""Oven temperatures: converted like oven dials and cookbook tables, said in full."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.temperature import (
    Temperature,
    celsius_to_fahrenheit,
    fahrenheit_to_celsius,
    parse_temperature,
)
from cookalong.speech.lang.en.speak import speak_temperature


@pytest.mark.parametrize(
    ("fahrenheit", "celsius"),
    [
        (275, 135),  # exact
        (420, 215),  # 215.6 → the nearest 5
        (350, 175),  # 176.7 → 175, as cookbooks print it
        (400, 205),  # 204.4
        (425, 220),  # 218.3
        (450, 230),  # 232.2
        (212, 100),
        (145, 63),  # below the oven range: to the degree (a steak)
        (40, 4),  # a fridge
        (0, -18),  # a freezer
    ],
)
def test_fahrenheit_to_celsius(fahrenheit, celsius):
    assert fahrenheit_to_celsius(fahrenheit) == celsius
    assert Temperature(fahrenheit, "F").to("C") == Temperature(celsius, "C")


@pytest.mark.parametrize(
    ("celsius", "fahrenheit"),
    [
        (135, 275),  # exact
        (180, 350),  # 356: the Fahrenheit dial's 25s, as cookbook tables give it
        (200, 400),  # 392
        (220, 425),  # 428
        (215, 425),  # 419: so 420 °F → 215 °C → 425 °F; convert from the recipe's own scale
        (160, 325),  # 320
        (190, 375),  # 374
        (250, 475),  # 482
        (63, 145),  # below the oven range: to the degree
        (100, 200),  # 212: a low oven, as dials and cookbooks mark it
        (90, 194),  # below 200 °F: to the degree
        (-18, 0),
    ],
)
def test_celsius_to_fahrenheit(celsius, fahrenheit):
    assert celsius_to_fahrenheit(celsius) == fahrenheit
    assert Temperature(celsius, "C").to("F") == Temperature(fahrenheit, "F")


def test_the_rounding_step_can_be_chosen():
    assert fahrenheit_to_celsius(420, step=1) == 216
    assert celsius_to_fahrenheit(180, step=5) == 355
    assert celsius_to_fahrenheit(F(325, 2), step=5) == 325  # 324.5: halves round up


@pytest.mark.parametrize(
    ("t", "scale", "said"),
    [
        (Temperature(275, "F"), None, "275 degrees Fahrenheit"),
        (Temperature(275, "F"), "C", "135 degrees Celsius"),
        (Temperature(420, "F"), "c", "215 degrees Celsius"),
        (Temperature(420, "F"), "Fahrenheit", "420 degrees Fahrenheit"),
        (Temperature(180, "C"), "F", "350 degrees Fahrenheit"),
        (Temperature(4, "C"), None, "four degrees Celsius"),
        (Temperature(1, "C"), None, "one degree Celsius"),
        (Temperature(-18, "C"), None, "minus eighteen degrees Celsius"),
    ],
)
def test_speak_temperature(t, scale, said):
    assert speak_temperature(t, scale=scale) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("275 °F", Temperature(275, "F")),
        ("275°F", Temperature(275, "F")),
        ("275F", Temperature(275, "F")),
        ("275 F", Temperature(275, "F")),
        ("275 ℉", Temperature(275, "F")),
        ("275 degrees", Temperature(275, "F")),
        ("275 degrees Fahrenheit", Temperature(275, "F")),
        ("275 deg F", Temperature(275, "F")),
        ("220°C", Temperature(220, "C")),
        ("220 ºC", Temperature(220, "C")),  # the masculine ordinal, often typed for a degree
        ("220 C", Temperature(220, "C")),
        ("180 degrees celsius", Temperature(180, "C")),
        ("180 centigrade", Temperature(180, "C")),
        ("-18°C", Temperature(-18, "C")),
        ("gas mark 4", Temperature(350, "F")),
        ("Gas 6", Temperature(400, "F")),
        ("gas mark 1", Temperature(275, "F")),
        ("gas mark ½", Temperature(250, "F")),
        ("gas mark 1/4", Temperature(225, "F")),
    ],
)
def test_parse_temperature(text, expected):
    assert parse_temperature(text) == expected


def test_a_temperature_without_a_scale_takes_the_default_one():
    assert parse_temperature("180 degrees", default_scale="C") == Temperature(180, "C")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("275", "cannot read a temperature from '275'"),  # a bare number: which scale?
        ("hot", "cannot read a temperature"),
        ("", "cannot read a temperature"),
        ("275 K", "cannot read a temperature"),
        ("gas mark 11", "gas marks run from"),
        ("gas mark 0", "gas marks run from"),
    ],
)
def test_parse_temperature_refuses_nonsense(text, says):
    with pytest.raises(ValueError, match=says):
        parse_temperature(text)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ((275, "K"), "unknown temperature scale 'K'"),
        ((275.5, "F"), "whole number"),
        (("275", "F"), "whole number"),
        ((True, "F"), "whole number"),
    ],
)
def test_bad_temperatures_are_refused(args, says):
    with pytest.raises(ValueError, match=says):
        Temperature(*args)


def test_temperatures_normalise_their_scale_and_write_compactly():
    assert Temperature(275, "fahrenheit") == Temperature(275, "F")
    assert str(Temperature(275, "F")) == "275 °F"
    assert Temperature(275, "F").to("F") == Temperature(275, "F")
