"""A locale's voice: renders :class:`~cookalong.cooking.messages.Reply` objects into speech.

Everything the skill says lives in its language's pack (``speech/lang/<language>/messages.json``,
with a small overlay per locale in ``locales/<locale>.json``; several variants per line where
variety helps); this module only fills the templates with the values the language says: amounts
in the cook's units, temperatures in their scale, durations and lists said the way people say
them (:class:`~cookalong.speech.lang.Language`). A request's locale is matched against the
shipped locales only (:func:`supported_locale`: the locale, else its language's default, else
en-US); each file is loaded once per process, and a locale falls back to its own language only.
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
from cookalong.kitchen.amounts import Amount
from cookalong.kitchen.temperature import Temperature
from cookalong.recipe.model import OvenSetting, Step, TimeSpan
from cookalong.record import Record
from cookalong.speech.lang import Language, language_of, locale_files, pack
from cookalong.speech.prepare import PREPARERS
from cookalong.speech.text import Saying, speakable

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
        self.language = language_of(locale)
        self.lang: Language = pack(self.language)
        self.settings: dict[str, Any] = resources.get("settings", {})
        self.messages: dict[str, Any] = resources.get("messages", {})
        self.vocabulary: dict[str, str] = self.settings.get("vocabulary", {})
        self._vocabulary_re = (
            re.compile(
                r"\b("
                + "|".join(map(re.escape, sorted(self.vocabulary, key=len, reverse=True)))
                + r")\b",
                re.IGNORECASE,
            )
            if self.vocabulary
            else None
        )
        self._lower_vocabulary = {k.lower(): v for k, v in self.vocabulary.items()}
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
        return self.template(key).format_map(self.lang.fields(values))

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
        return _spoken_quantity(
            self.lang, q.amount, q.ingredient.name, q.ingredient.key, self.locale, metric, q.unit
        )

    def temperature(self, t: Temperature, scale: str) -> str:
        return self.lang.temperature(t, scale)

    def oven(self, oven: OvenSetting, scale: str) -> str:
        mode = self.words(oven.mode)
        return self.t(
            "oven_setting",
            mode=mode,
            temperature=self.temperature(oven.temperature, scale),
            **self.oven_fields(oven),
        )

    def oven_fields(self, oven: OvenSetting) -> dict[str, str]:
        """What a language says of an oven besides its mode and degrees ({heat}, {mode_prep})."""
        return {k: self.words(v) for k, v in self.lang.oven_fields(oven).items()}

    def duration(self, d: timedelta, case: str = "nom") -> str:
        return self.lang.duration(d, case)

    def span(self, span: TimeSpan) -> str:
        if span.maximum and span.maximum != span.minimum:
            return self.lang.duration_range(span.minimum, span.maximum)
        return self.duration(span.minimum)

    def duration_adjective(self, d: timedelta) -> str | None:
        """A duration before a noun, when it is one unit: "two-hour", "Zehn-Minuten"."""
        return self.lang.duration_adjective(d)

    def unit_name(self, key: str) -> str:
        """A unit's name after "in", in this locale ("grams", "millilitres", "Esslöffeln")."""
        return self.lang.unit_name(key, self.settings.get("spelling"))

    def nutrition(self, facts: dict[str, str]) -> str:
        """Nutrition facts as said: "320 calories, 12 grams of fat"."""
        names: dict[str, str] = self.settings.get("nutrients", {})
        said = []
        for key, template in names.items():
            value = facts.get(key)
            if value:
                value = self.spoken_text(self.lang.nutrient(value), None)
                said.append(template.format(value=value))
        return self.join(said[:4])

    def spoken_text(self, text: str, prefs: Prefs | None) -> str:
        """Any recipe text as said: degrees with their scale, ranges with "to" ("bis")."""
        return self.words(self._speakable(self.lang.spoken_text(text)))

    def spans(self, spans: list[TimeSpan]) -> str:
        return self.join([self.span(s) for s in spans])

    def number(self, value: Fraction | int) -> str:
        """Words up to twenty, digits above, fractions by name (the language's rule)."""
        return self.lang.number(Fraction(value))

    def join(self, items: list[str], conjunction: str | None = None) -> str:
        items = [i for i in items if i]
        word = conjunction or self.messages.get("and", "and")
        return self.lang.join(items, word)

    def words(self, text: str) -> str:
        """The locale's words for the recipe's (a British cook grills what an American broils)."""
        if self._vocabulary_re is None:
            return text

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            replacement = self._lower_vocabulary[word.lower()]
            return replacement[:1].upper() + replacement[1:] if word[0].isupper() else replacement

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
        text = step.spoken(oven=oven)
        if self.language == "en":
            text = speakable(text, saying)
        elif not step.speech:  # a page's text as printed ("2 EL", "180 °C")
            text = self.lang.recipe_text(text)
        if prefs.units == "metric":
            text = self.lang.metric_lengths(text, self.settings.get("spelling"))
        return self.words(text)

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
        elapsed = round_remaining(clock.elapsed) or timedelta(minutes=1)
        left = self.left(clock.left_low)
        left_high = self.left(clock.left_high)
        if clock.phase == "running" and clock.high > clock.low and left != left_high:
            left_range = self.lang.duration_range(
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
            "elapsed": self.duration(elapsed),
            "elapsed_dat": self.duration(elapsed, "dat"),
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
        text = self._speakable(self.t(msg.key, **values))
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

    def _speakable(self, text: str) -> str:
        """A last guard for text copied from a recipe: no symbol is read out as a symbol."""
        if not text.isascii() or _ascii_symbols(self.lang):  # "½", "°F": none is ASCII
            for symbol, words in self.lang.symbols().items():
                if symbol in text:
                    text = text.replace(symbol, words)
        if "  " in text:
            text = _SPACES.sub(" ", text)
        return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text).strip()


@lru_cache(maxsize=4096)
def _spoken_quantity(
    lang: Language,
    amount: Amount | None,
    name: str,
    key: str,
    locale: str,
    metric: bool,
    unit: str | None = None,
) -> str:
    """An ingredient's amount as said: in ``unit`` when asked for once, else in the cook's
    units (metric spoons, millilitres and grams; in en-AU a tablespoon is 20 ml). Pure, so
    remembered: cooks ask the same things again, and saying an amount is fraction arithmetic
    on every turn otherwise. Raises CannotConvert for an amount ``unit`` cannot say."""
    return lang.amount(amount, name, locale=locale, metric=metric, unit=unit, key=key)


@cache
def _ascii_symbols(lang: Language) -> bool:
    """Whether any of a language's symbols is ASCII (so that ASCII text may hold one)."""
    return any(symbol.isascii() for symbol in lang.symbols())


def _first_sentence(text: str) -> str:
    """The first sentence of a step ("Increase the oven temperature to broil at 420 ...")."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.!?])")


# -- loading -----------------------------------------------------------------------------------
#: The locales shipped with the skill (language messages + locale overlay), listed once at
#: import: the only files ever opened. A request's locale never becomes part of a path.
_FILES: dict[str, tuple[Path, Path | None]] = locale_files()
#: Longest locale tag considered at all (BCP 47 tags Alexa sends are five characters).
MAX_LOCALE_CHARS = 35


@cache
def _read(path: Path) -> dict[str, Any]:
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
    """The locales the skill speaks (one overlay in a language pack each), sorted."""
    return sorted(_FILES)


def locale_resources(locale: str) -> dict[str, Any]:
    """A locale's settings and messages: its language's, with the locale's overlay on top.

    Only the two files of the locale's own language are read: a line missing in German is
    never said in English (a test checks every locale has every key its language uses).
    """
    base, overlay = _FILES[locale]
    resources = _read(base)
    if overlay is not None:
        resources = _merge(resources, _read(overlay))
    return resources


_SUPPORTED = {name.lower(): name for name in known_locales()}
_LANGUAGE_DEFAULT: dict[str, str] = {}
for _name in sorted(_SUPPORTED.values(), key=lambda n: (n != BASE_LOCALE, n != "de-DE", n)):
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
        language's default (``"en-NZ"`` → ``"en-US"``, ``"de-CH"`` → ``"de-DE"``); else
        :data:`BASE_LOCALE`.
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
    # Called only with supported locales, so the cache holds one voice per locale.
    return Voice(locale, locale_resources(locale))


def voice_for(locale: object) -> Voice:
    """The voice for a request's locale (see :func:`supported_locale` for the fallbacks).

    Only the files shipped with the skill are ever read, each once per process; the request's
    value never touches the filesystem and never grows a cache.
    """
    return _voice(supported_locale(locale))
