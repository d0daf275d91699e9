"""Step text as web pages write it, said in words by the voice (speech/text.py)."""

from __future__ import annotations

import pytest

from cookalong.kitchen.temperature import Temperature
from cookalong.speech.text import Saying, speakable, temperatures_in

US = Saying()
GB_METRIC = Saying(scale="C", metric=True, locale="en-GB")


@pytest.mark.parametrize(
    ("written", "us", "gb"),
    [
        (
            "Preheat oven to 350°F (175°C).",
            "Preheat oven to 350 degrees Fahrenheit.",
            "Preheat oven to 175 degrees Celsius.",
        ),
        (
            "Preheat the oven to 180C/350F/gas mark 4.",
            "Preheat the oven to 350 degrees Fahrenheit.",
            "Preheat the oven to 180 degrees Celsius.",
        ),
        ("Bake at 180 °C.", "Bake at 350 degrees Fahrenheit.", "Bake at 180 degrees Celsius."),
        (
            "Preheat to 450*F.",
            "Preheat to 450 degrees Fahrenheit.",
            "Preheat to 230 degrees Celsius.",
        ),
        ("Set to gas mark 4.", "Set to gas mark four.", "Set to gas mark four."),
        (
            "Add 2 tbsp butter, 1/2 cup flour and ½ cup milk.",
            "Add two tablespoons butter, half a cup flour and half a cup milk.",
            "Add two tablespoons butter, half a cup flour and half a cup milk.",
        ),
        (
            "Simmer 10–15 minutes, then 10-15 min more.",
            "Simmer ten to fifteen minutes, then ten to fifteen minutes more.",
            "Simmer ten to fifteen minutes, then ten to fifteen minutes more.",
        ),
        ("Rest 1 hr.", "Rest one hour.", "Rest one hour."),
        (
            "Cut into 1-inch pieces, 2 inches apart.",
            "Cut into 1-inch pieces, 2 inches apart.",
            "Cut into two and a half centimetre pieces, five centimetres apart.",
        ),
        ("Use a 9x13-inch pan.", "Use a 9 by 13 inch pan.", "Use a 23 by 33 centimetre pan."),
        ("Add approx. 2 cups stock*.", "Add about 2 cups stock.", "Add about 2 cups stock."),
        ("Add 2-3 eggs & stir.", "Add 2 to 3 eggs and stir.", "Add 2 to 3 eggs and stir."),
        ("Bake for 15 minutes.", "Bake for 15 minutes.", "Bake for 15 minutes."),
        ("Put 2 in the pan.", "Put 2 in the pan.", "Put 2 in the pan."),
    ],
)
def test_page_text_is_said_in_words_in_each_cooks_units(written: str, us: str, gb: str) -> None:
    assert speakable(written, US) == us
    assert speakable(written, GB_METRIC) == gb


def test_a_temperature_without_a_scale_takes_the_steps_oven_scale() -> None:
    assert speakable("Bake at 275 degrees.", Saying(default_scale="F")) == (
        "Bake at 275 degrees Fahrenheit."
    )
    assert speakable("Bake at 180 degrees.", Saying(scale="C", default_scale="C")) == (
        "Bake at 180 degrees Celsius."
    )


def test_temperatures_are_found_in_order_with_their_gas_mark() -> None:
    assert temperatures_in("Heat the oven to 200°C/400°F/gas 6.") == [
        (Temperature(200, "C"), None),
        (Temperature(400, "F"), None),
        (Temperature(400, "F"), 6),
    ]
    assert temperatures_in("Add 2 C flour.") == []
