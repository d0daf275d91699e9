"""A locale's voice: renders :class:`~cookalong.cooking.messages.Reply` objects into speech.

Everything the skill says lives in ``cookalong/locales/<locale>.json`` (with several variants per
line where variety helps); this module only fills the templates with speakable values: amounts in
the cook's units, temperatures in their scale, durations and lists said the way people say them.
Locales fall back along ``en-GB`` → ``en`` → ``en-US``, and are loaded once per process.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cookalong.cooking.messages import Msg, Quantity, Reply, StepView
from cookalong.kitchen import speech as kitchen_speech
from cookalong.kitchen.amounts import Amount, to_metric
from cookalong.kitchen.temperature import Temperature
from cookalong.kitchen.units import tablespoon_ml_for
from cookalong.recipe.model import OvenSetting, Step, TimeSpan
from cookalong.speech.prepare import PREPARERS

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
BASE_LOCALE = "en-US"


@dataclass(frozen=True)
class Prefs:
    """How this cook wants to hear amounts and temperatures."""

    units: str  # "us" or "metric"
    scale: str  # "F" or "C"


@dataclass(frozen=True)
class Spoken:
    """A rendered reply: plain text (escape it for SSML at the edge)."""

    speech: str
    reprompt: str | None
    card_title: str | None
    card_text: str | None


class Voice:
    """The words of one locale."""

    def __init__(self, locale: str, resources: dict[str, Any]) -> None:
        self.locale = locale
        self.settings: dict[str, Any] = resources.get("settings", {})
        self.messages: dict[str, Any] = resources.get("messages", {})
        self.vocabulary: dict[str, str] = self.settings.get("vocabulary", {})
        self._vocabulary_re = (
            re.compile(r"\b(" + "|".join(map(re.escape, self.vocabulary)) + r")\b", re.IGNORECASE)
            if self.vocabulary
            else None
        )
        self._random = random.Random()

    # -- preferences -------------------------------------------------------------------------
    def prefs(self, units: str | None) -> Prefs:
        system = units or self.settings.get("units", "us")
        scale = "C" if system == "metric" else "F"
        if units is None:
            scale = self.settings.get("temperature_scale", scale)
        return Prefs(system, scale)

    # -- templates ---------------------------------------------------------------------------
    def template(self, key: str) -> str:
        value = self.messages.get(key)
        if value is None:
            raise KeyError(f"locale {self.locale} has no message {key!r}")
        if isinstance(value, list):
            return self._random.choice(value)
        return value

    def t(self, key: str, **values: Any) -> str:
        return self.template(key).format(**values)

    # -- values ------------------------------------------------------------------------------
    def quantity(self, q: Quantity, prefs: Prefs) -> str:
        """An ingredient's amount in the cook's units, or in ``q.unit`` when one was asked for.

        Raises
        ------
        CannotConvert
            When ``q.unit`` is set and the amount cannot be said in it (a count, a pinch, no
            known density); ask :func:`~cookalong.kitchen.conversions.to_unit` first (it
            returns ``None`` for exactly these) and say why instead.
        """
        metric = prefs.units == "metric"
        return _spoken_quantity(q.amount, q.ingredient.name, self.locale, metric, q.unit)

    def temperature(self, t: Temperature, scale: str) -> str:
        return kitchen_speech.speak_temperature(t, scale=scale)

    def oven(self, oven: OvenSetting, scale: str) -> str:
        mode = self.words(oven.mode)
        return self.t(
            "oven_setting", mode=mode, temperature=self.temperature(oven.temperature, scale)
        )

    def duration(self, d: timedelta) -> str:
        return kitchen_speech.speak_duration(d)

    def span(self, span: TimeSpan) -> str:
        if span.maximum and span.maximum != span.minimum:
            return kitchen_speech.speak_duration_range(span.minimum, span.maximum)
        return self.duration(span.minimum)

    def spans(self, spans: list[TimeSpan]) -> str:
        return self.join([self.span(s) for s in spans])

    def number(self, value: Fraction | int) -> str:
        """Words up to twenty, digits above, fractions by name (the kitchen's rule)."""
        return kitchen_speech.speak_number(Fraction(value))

    def join(self, items: list[str], conjunction: str | None = None) -> str:
        items = [i for i in items if i]
        word = conjunction or self.messages.get("and", "and")
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return f"{items[0]} {word} {items[1]}"
        return ", ".join(items[:-1]) + f", {word} {items[-1]}"

    def words(self, text: str) -> str:
        """The locale's words for the recipe's (a British cook grills what an American broils)."""
        if self._vocabulary_re is None:
            return text

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            replacement = self.vocabulary[word.lower()]
            return replacement.capitalize() if word[0].isupper() else replacement

        return self._vocabulary_re.sub(swap, text)

    def step_text(self, step: Step, prefs: Prefs) -> str:
        """The recipe's step as said: its oven in the cook's scale, ranges and lengths spoken."""
        oven = self.temperature(step.oven.temperature, prefs.scale) if step.oven else None
        text = step.spoken(oven=oven)

        def degrees(match: re.Match[str]) -> str:
            named = (match.group(2) or match.group(3) or "").upper()[:1]
            source_scale = named or (step.oven.temperature.scale if step.oven else "F")
            return self.temperature(Temperature(int(match.group(1)), source_scale), prefs.scale)

        text = re.sub(
            r"(\d+)\s*(?:°\s*([FC])|degrees(?:\s+(Fahrenheit|Celsius|F|C)\b)?)",
            degrees,
            text,
        )
        text = re.sub(r"(\d+)\s*[-–]\s*(\d+)", r"\1 to \2", text)
        if prefs.units == "metric":
            text = re.sub(r"\b(one|an|\d+) inch(?:es)? apart", self._centimetres, text)
        return self.words(text)

    def _centimetres(self, match: re.Match[str]) -> str:
        inches = 1 if match.group(1) in ("one", "an") else int(match.group(1))
        unit = "centimetres" if self.settings.get("spelling") == "british" else "centimeters"
        return f"{self.number(inches * Fraction(5, 2))} {unit} apart"

    def view(self, view: StepView, prefs: Prefs) -> dict[str, str]:
        return {
            "number": str(view.step.number),
            "total": str(view.total),
            "part": view.component_name,
            "text": self.step_text(view.step, prefs),
        }

    # -- rendering ---------------------------------------------------------------------------
    def render(self, msg: Msg, prefs: Prefs) -> str:
        prepare = PREPARERS.get(msg.key)
        values = prepare(self, msg.params, prefs) if prepare else self._generic(msg.params, prefs)
        text = _speakable(self.t(msg.key, **values))
        return text[:1].upper() + text[1:]

    def _generic(self, params: dict[str, Any], prefs: Prefs) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, value in params.items():
            values[name] = self._value(value, prefs)
        return values

    def _value(self, value: Any, prefs: Prefs) -> str:
        if isinstance(value, Quantity):
            return self.quantity(value, prefs)
        if isinstance(value, OvenSetting):
            return self.oven(value, prefs.scale)
        if isinstance(value, Temperature):
            return self.temperature(value, prefs.scale)
        if isinstance(value, TimeSpan):
            return self.span(value)
        if isinstance(value, timedelta):
            return self.duration(value)
        if isinstance(value, Fraction):
            return self.number(value)
        if isinstance(value, StepView):
            return self.step_text(value.step, prefs)
        if isinstance(value, list):
            return self.join([self._value(v, prefs) for v in value])
        if isinstance(value, bool):
            return ""
        if value is None:
            return ""
        return str(value)

    def render_reply(self, reply: Reply, prefs: Prefs) -> Spoken:
        speech = " ".join(self.render(m, prefs) for m in reply.speech)
        reprompt = self.render(reply.reprompt, prefs) if reply.reprompt else None
        title = text = None
        if reply.card is not None:
            view = self.view(reply.card, prefs)
            title = self.t("card_title", **view)
            text = view["text"]
        return Spoken(speech, reprompt, title, text)


_UNSPEAKABLE = {
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


@lru_cache(maxsize=4096)
def _spoken_quantity(
    amount: Amount | None, name: str, locale: str, metric: bool, unit: str | None = None
) -> str:
    """An ingredient's amount as said: in ``unit`` when asked for once, else in the cook's
    units (metric spoons, millilitres and grams; in en-AU a tablespoon is 20 ml). Pure, so
    remembered: cooks ask the same things again, and saying an amount is fraction arithmetic
    on every turn otherwise. Raises CannotConvert for an amount ``unit`` cannot say."""
    if unit is not None:
        return kitchen_speech.speak_ingredient_amount(amount, name, locale=locale, unit=unit)
    if amount is not None and metric:
        amount = to_metric(amount, tablespoon_ml=tablespoon_ml_for(locale))
    return kitchen_speech.speak_ingredient_amount(amount, name, locale=locale)


def _speakable(text: str) -> str:
    """A last guard for text copied from a recipe: no symbol is read out as a symbol."""
    for symbol, words in _UNSPEAKABLE.items():
        if symbol in text:
            text = text.replace(symbol, words)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", text)).strip()


_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.!?])")


# -- loading -----------------------------------------------------------------------------------
def _read(locale: str) -> dict[str, Any]:
    path = LOCALES_DIR / f"{locale}.json"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


@cache
def voice_for(locale: str | None) -> Voice:
    """The voice of a locale (``en-GB``), falling back to its language and then to en-US."""
    locale = locale or BASE_LOCALE
    resources = _read(BASE_LOCALE)
    language = locale.split("-")[0]
    if language != locale:
        resources = _merge(resources, _read(language))
    if locale != BASE_LOCALE:
        resources = _merge(resources, _read(locale))
    return Voice(locale, resources)


def known_locales() -> list[str]:
    return sorted(p.stem for p in LOCALES_DIR.glob("*-*.json"))
