"""The English pack: numbers, amounts, durations and temperatures as English cooks say them.

The words themselves are :mod:`cookalong.speech.lang.en.speak` (English throughout); this module
is the :class:`~cookalong.speech.lang.Language` the voice, the look-up and the tools call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from fractions import Fraction
from typing import Any

from cookalong.kitchen.amounts import Amount, to_metric
from cookalong.kitchen.temperature import Temperature
from cookalong.kitchen.units import UNITS, match_unit, tablespoon_ml_for
from cookalong.recipe.model import OvenSetting
from cookalong.speech.lang.en import speak

_SYMBOLS = {
    "½": " and a half",
    "¼": " and a quarter",
    "¾": " and three quarters",
    "⅓": " and a third",
    "⅔": " and two thirds",
    "⅛": " and an eighth",
    "°F": " degrees Fahrenheit",
    "°C": " degrees Celsius",
    "°": " degrees",
}
_METRIC_WORDS = re.compile(
    r"\b(metric|grams?|kilo\w*|millilit\w+|lit(?:re|er)s?|celsius|centigrade)\b"
)
_US_WORDS = re.compile(
    r"\b(imperial|us|u s|american|cups?|(?:tea|table)?spoons?|ounces?|pounds?|fahrenheit)\b"
)
_FACTORS = {
    Fraction(2): "double",
    Fraction(3): "triple",
    Fraction(1, 2): "half",
    Fraction(1): "the original",
}


class English:
    code = "en"

    def number(self, value: Fraction | int) -> str:
        return speak.speak_number(Fraction(value))

    def cardinal(self, n: int) -> str:
        return speak.number_words(n)

    def amount(
        self,
        amount: Amount | None,
        name: str,
        *,
        locale: str,
        metric: bool,
        unit: str | None = None,
        key: str | None = None,
    ) -> str:
        if unit is not None:
            return speak.speak_ingredient_amount(amount, name, locale=locale, unit=unit)
        if amount is not None and metric:
            amount = to_metric(amount, tablespoon_ml=tablespoon_ml_for(locale))
        return speak.speak_ingredient_amount(amount, name, locale=locale)

    def temperature(self, t: Temperature, scale: str) -> str:
        return speak.speak_temperature(t, scale=scale)

    def oven_fields(self, oven: OvenSetting) -> dict[str, str]:
        return {}

    def duration(self, d: timedelta, case: str = "nom") -> str:
        return speak.speak_duration(d)

    def duration_range(self, low: timedelta, high: timedelta) -> str:
        return speak.speak_duration_range(low, high)

    def duration_adjective(self, d: timedelta) -> str | None:
        """A duration before a noun, when it is one unit: "two-hour", "ten-minute"."""
        minutes = int(d.total_seconds() // 60)
        if minutes <= 0 or d.total_seconds() % 60:
            return None
        if minutes % 60 == 0:
            count, unit = minutes // 60, "hour"
        elif minutes < 60:
            count, unit = minutes, "minute"
        else:
            return None
        return f"{speak.number_words(count) if count <= 20 else count}-{unit}"

    def unit_name(self, key: str, spelling: str | None) -> str:
        """A unit's plural name in the locale's spelling ("grams", "millilitres")."""
        unit = UNITS.get(key)
        if unit is None:
            return key
        return unit.spoken(plural=True, spelling="intl" if spelling == "british" else "us")

    def join(self, items: list[str], word: str) -> str:
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return f"{items[0]} {word} {items[1]}"
        return ", ".join(items[:-1]) + f", {word} {items[-1]}"

    def spoken_text(self, text: str) -> str:
        return re.sub(r"(\d+)\s*[-–]\s*(\d+)", r"\1 to \2", text)

    def metric_lengths(self, text: str, spelling: str | None) -> str:
        unit = "centimetres" if spelling == "british" else "centimeters"
        said = f"{self.number(Fraction(5, 2))} {unit} apart"
        return re.sub(r"\b(one|an) inch(?:es)? apart", said, text)

    def recipe_text(self, text: str) -> str:
        return text  # English text is said by speech.text.speakable, with the cook's units

    def nutrient(self, value: str) -> str:
        """ "320 kcal" → "320"; "12 g" → "12 grams"; "480 mg" → "480 milligrams"."""
        value = re.sub(r"\bk?cal(ories)?\b", "", value, flags=re.IGNORECASE).strip()
        value = re.sub(r"(\d)\s*mg\b", r"\1 milligrams", value)
        return re.sub(r"(\d)\s*g\b", r"\1 grams", value)

    def factor_word(self, factor: Fraction) -> str | None:
        return _FACTORS.get(factor)

    def fields(self, values: Mapping[str, Any]) -> Mapping[str, Any]:
        return values

    def heard_system(self, words: str | None) -> str | None:
        """Units a cook named that Alexa did not resolve: "in grams please" → metric."""
        if not words:
            return None
        w = words.lower()
        if _METRIC_WORDS.search(w):
            return "metric"
        if _US_WORDS.search(w):
            return "us"
        return None

    def heard_unit(self, words: str) -> str | None:
        """A unit a cook named ("in grams", "tablespoons"): a kitchen key."""
        found = match_unit(words.lower().removeprefix("in ").strip())
        return found[0].key if found else None

    def heard_number(self, words: str) -> int | None:
        return None  # speech.heard reads English number words

    def leading_unit(self, words: str) -> tuple[str, str] | None:
        return None  # English samples carry the unit in its own slot

    def symbols(self) -> Mapping[str, str]:
        return _SYMBOLS


LANGUAGE = English()
