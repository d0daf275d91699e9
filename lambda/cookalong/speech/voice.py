"""A locale's voice: renders :class:`~cookalong.cooking.messages.Reply` objects into speech.

Everything the skill says lives in ``cookalong/locales/<locale>.json`` (with several variants per
line where variety helps); this module only fills the templates with speakable values: amounts in
the cook's units, temperatures in their scale, durations and lists said the way people say them.
A request's locale is matched against the shipped files only (:func:`supported_locale`: the
locale, else its language's default, else en-US); each file is loaded once per process.
"""

from __future__ import annotations

import json
import random
import re
from datetime import timedelta
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cookalong.cooking.messages import Msg, Quantity, Reply, StepView
from cookalong.cooking.now import Clock, round_remaining
from cookalong.kitchen import speech as kitchen_speech
from cookalong.kitchen.amounts import Amount, to_metric
from cookalong.kitchen.temperature import Temperature
from cookalong.kitchen.units import tablespoon_ml_for
from cookalong.recipe.model import OvenSetting, Step, TimeSpan
from cookalong.record import Record
from cookalong.speech.prepare import PREPARERS
from cookalong.speech.text import Saying, speakable

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
BASE_LOCALE = "en-US"


class Prefs(Record):
    """How this cook wants to hear amounts and temperatures."""

    units: str  # "us" or "metric"
    scale: str  # "F" or "C"


class Spoken(Record):
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
        return f"{kitchen_speech.number_words(count) if count <= 20 else count}-{unit}"

    def unit_name(self, key: str) -> str:
        """A unit's plural name in this locale's spelling ("grams", "millilitres")."""
        from cookalong.kitchen.units import UNITS

        unit = UNITS.get(key)
        if unit is None:
            return key
        spelling = "intl" if self.settings.get("spelling") == "british" else "us"
        return unit.spoken(plural=True, spelling=spelling)

    def nutrition(self, facts: dict[str, str]) -> str:
        """Nutrition facts as said: "320 calories, 12 grams of fat"."""
        names: dict[str, str] = self.settings.get("nutrients", {})
        said = []
        for key, template in names.items():
            value = facts.get(key)
            if value:
                said.append(template.format(value=self.spoken_text(_nutrient(value), None)))
        return self.join(said[:4])

    def spoken_text(self, text: str, prefs: Prefs | None) -> str:
        """Any recipe text as said: degrees with their scale, ranges with "to"."""
        text = re.sub(r"(\d+)\s*[-–]\s*(\d+)", r"\1 to \2", text)
        return self.words(_speakable(text))

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
        """The recipe's step as said: its oven in the cook's scale, ranges and lengths spoken.

        The step's ``speech`` when it has one, else its text as the source wrote it: "350°F",
        "2 tbsp", "½ cup" and "10–15 min" are said in words (:func:`speech.text.speakable`).
        """
        oven = self.temperature(step.oven.temperature, prefs.scale) if step.oven else None
        saying = Saying(
            scale=prefs.scale,
            metric=prefs.units == "metric",
            locale=self.locale,
            default_scale=step.oven.temperature.scale if step.oven else "F",
        )
        text = speakable(step.spoken(oven=oven), saying)
        if prefs.units == "metric":
            text = re.sub(r"\b(one|an) inch(?:es)? apart", self._centimetres, text)
        return self.words(text)

    def _centimetres(self, match: re.Match[str]) -> str:
        inches = 1
        unit = "centimetres" if self.settings.get("spelling") == "british" else "centimeters"
        return f"{self.number(inches * Fraction(5, 2))} {unit} apart"

    def view(self, view: StepView, prefs: Prefs) -> dict[str, str]:
        text = self.step_text(view.step, prefs)
        return {
            "number": str(view.step.number),
            "total": str(view.total),
            "part": view.component_name,
            "text": text,
            "first": _first_sentence(text),
        }

    # -- what runs ---------------------------------------------------------------------------
    def wait_noun(self, label: str) -> str:
        """What a wait is called ("the bake", "the rest"; "cook" is "the cooking")."""
        return self.settings.get("wait_nouns", {}).get(label, label)

    def doing(self, label: str) -> str | None:
        """The wait as an -ing word ("baking"), when the locale knows one for it."""
        return self.settings.get("doing", {}).get(label)

    def left(self, left: timedelta) -> str:
        return self.duration(round_remaining(left) or timedelta(minutes=1))

    def clock(self, clock: Clock, prefs: Prefs) -> dict[str, str]:
        """The fields a message about a running wait may use: {label} "bake", {clock_part},
        {elapsed}, {left} (the low end), {left_high}, {left_range}, {until}, {running}."""
        label = self.wait_noun(self.words(clock.label))
        left = self.left(clock.left_low)
        left_high = self.left(clock.left_high)
        if clock.phase == "running" and clock.high > clock.low and left != left_high:
            left_range = kitchen_speech.speak_duration_range(
                round_remaining(clock.left_low) or timedelta(minutes=1),
                round_remaining(clock.left_high),
            )
        else:
            left_range = left if clock.phase == "running" else left_high
        doing = self.doing(label)
        values = {
            "label": label,
            "doing": doing or label,
            "clock_part": clock.component.name,
            "elapsed": self.duration(round_remaining(clock.elapsed) or timedelta(minutes=1)),
            "left": left,
            "left_high": left_high,
            "left_range": left_range,
            "low": self.duration(clock.low),
            "high": self.duration(clock.high),
            "until": self.words(clock.until or self.t("until_default")),
        }
        phase = {"running": "wait", "check": "check", "done": "done"}[clock.phase]
        if phase == "wait" and doing is None:
            phase = "wait_plain"
        values["running"] = self.t(f"running_{phase}", **values)
        values["status"] = self.t(f"status_{phase.removesuffix('_plain')}", **values)
        return values

    # -- rendering ---------------------------------------------------------------------------
    def render(self, msg: Msg, prefs: Prefs) -> str:
        prepare = PREPARERS.get(msg.key)
        values = prepare(self, msg.params, prefs) if prepare else self._generic(msg.params, prefs)
        text = _speakable(self.t(msg.key, **values))
        return text[:1].upper() + text[1:]

    def _generic(self, params: dict[str, Any], prefs: Prefs) -> dict[str, str]:
        """Each value said; a step view or a running wait becomes the fields it offers."""
        values: dict[str, str] = {}
        for name, value in params.items():
            if isinstance(value, Clock):
                values.update(self.clock(value, prefs))
            elif name == "view" and isinstance(value, StepView):
                values.update(self.view(value, prefs))
            else:
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


def _nutrient(value: str) -> str:
    """ "320 kcal" → "320 calories"; "12 g" → "12 grams"; "480 mg" → "480 milligrams"."""
    value = re.sub(r"\bk?cal(ories)?\b", "", value, flags=re.IGNORECASE).strip()
    value = re.sub(r"(\d)\s*mg\b", r"\1 milligrams", value)
    return re.sub(r"(\d)\s*g\b", r"\1 grams", value)


def _first_sentence(text: str) -> str:
    """The first sentence of a step ("Increase the oven temperature to broil at 420 ...")."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _speakable(text: str) -> str:
    """A last guard for text copied from a recipe: no symbol is read out as a symbol."""
    for symbol, words in _UNSPEAKABLE.items():
        if symbol in text:
            text = text.replace(symbol, words)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", text)).strip()


_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.!?])")


# -- loading -----------------------------------------------------------------------------------
#: The locale files shipped with the skill, listed once at import: the only names ever opened.
#: A request's locale is looked up in this table and never becomes part of a path.
_FILES: dict[str, Path] = {p.stem: p for p in LOCALES_DIR.glob("*.json")}
#: Longest locale tag considered at all (BCP 47 tags Alexa sends are five characters).
MAX_LOCALE_CHARS = 35


def _read(name: str) -> dict[str, Any]:
    path = _FILES.get(name)
    if path is None:
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


def known_locales() -> list[str]:
    """The locales the skill speaks (one ``<language>-<REGION>.json`` file each), sorted."""
    return sorted(name for name in _FILES if "-" in name)


_SUPPORTED = {name.lower(): name for name in known_locales()}
_LANGUAGE_DEFAULT: dict[str, str] = {}
for _name in sorted(_SUPPORTED.values(), key=lambda n: n != BASE_LOCALE):
    _LANGUAGE_DEFAULT.setdefault(_name.split("-")[0].lower(), _name)


def supported_locale(locale: object) -> str:
    """The supported locale that speaks for ``locale``, whatever the request carried.

    Parameters
    ----------
    locale
        The request's ``locale``: normally ``"en-GB"``, but it may be missing, not a string,
        absurdly long or made up.

    Returns
    -------
    str
        ``locale`` itself when the skill speaks it (any case, ``_`` or ``-``); else the
        language's default (``"en-NZ"`` → ``"en-US"``); else :data:`BASE_LOCALE`.
    """
    if not isinstance(locale, str) or not locale or len(locale) > MAX_LOCALE_CHARS:
        return BASE_LOCALE
    tag = locale.strip().replace("_", "-").lower()
    found = _SUPPORTED.get(tag)
    if found is not None:
        return found
    return _LANGUAGE_DEFAULT.get(tag.split("-")[0], BASE_LOCALE)


@cache
def _voice(locale: str) -> Voice:
    # Called only with supported locales, so the cache holds one voice per locale file.
    resources = _read(BASE_LOCALE)
    language = locale.split("-")[0]
    if language != locale:
        resources = _merge(resources, _read(language))
    if locale != BASE_LOCALE:
        resources = _merge(resources, _read(locale))
    return Voice(locale, resources)


def voice_for(locale: object) -> Voice:
    """The voice for a request's locale (see :func:`supported_locale` for the fallbacks).

    Only the locale files shipped with the skill are ever read, each once per process; the
    request's value never touches the filesystem and never grows a cache.
    """
    return _voice(supported_locale(locale))
