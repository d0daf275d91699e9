"""The German pack: amounts, durations and temperatures as German cooks say them.

"zwei Esslöffel Ahornsirup", "ein halber Teelöffel", "eine Prise", "680 Gramm"; "zwei Stunden",
"zehn bis fünfzehn Minuten"; "135 Grad Ober- und Unterhitze"; names with their article in the
case a template asks for: ``{part_acc}`` "den Schweinebauch", ``{bei_part}`` "beim
Schweinebauch", ``{fuer_label}`` "fürs Backen" (see ``NOTES.md``). The words are
``words.json``, with the locale's overlay (``locales/de-AT.json`` → ``words``: Kaffeelöffel).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import timedelta
from fractions import Fraction
from functools import cache
from typing import Any

from cookalong.kitchen.amounts import Amount, to_metric
from cookalong.kitchen.conversions import CannotConvert, to_unit
from cookalong.kitchen.temperature import Temperature
from cookalong.kitchen.units import METRIC, UNITS
from cookalong.recipe.model import OvenSetting
from cookalong.speech.lang import pack_dir
from cookalong.speech.lang.de import grammar
from cookalong.speech.lang.de.grammar import W, number, one, whole

_CASES = frozenset({"nom", "acc", "dat"})
_PREPOSITIONS = frozenset(grammar._PREPOSITIONS)
#: Values a German template says with their noun: "für vier Personen", "sechs Zutaten".
_COUNTED = {
    "servings": ("Person", "Personen", "f", "nom"),
    "ingredients": ("Zutat", "Zutaten", "f", "nom"),
    "days": ("Tag", "Tage", "m", "acc"),
}
_SYMBOLS = {
    "½": "einhalb",
    "¼": "einviertel",
    "¾": "dreiviertel",
    "°F": " Grad Fahrenheit",
    "°C": " Grad",
    "°": " Grad",
}
_HALF = {"m": "halber", "f": "halbe", "n": "halbes"}
_COUNTED_BY = r"(\d|halb|viertel|drittel|achtel)"
#: What a German recipe page writes that a voice must not read as written ("2 EL", "180 °C").
_WRITTEN = tuple(
    (re.compile(pattern), said)
    for pattern, said in (
        (r"Ober-/Unterhitze|O/U\b", "Ober- und Unterhitze"),
        (r"(\d)\s*°\s*C\b", r"\1 Grad"),
        (r"(\d)\s*°\s*F\b", r"\1 Grad Fahrenheit"),
        (r"(\d)\s*°", r"\1 Grad"),
        (r"\bEL\b", "Esslöffel"),
        (r"\bTL\b", "Teelöffel"),
        (r"\bKL\b", "Kaffeelöffel"),
        (_COUNTED_BY + r"\s*kg\b", r"\1 Kilogramm"),
        (_COUNTED_BY + r"\s*g\b", r"\1 Gramm"),
        (_COUNTED_BY + r"\s*ml\b", r"\1 Milliliter"),
        (_COUNTED_BY + r"\s*l\b", r"\1 Liter"),
        (_COUNTED_BY + r"\s*cm\b", r"\1 Zentimeter"),
        (_COUNTED_BY + r"\s*mm\b", r"\1 Millimeter"),
        (r"\bca\.\s*", "etwa "),
        (r"\bMin\.", "Minuten"),
        (r"\bStd\.", "Stunden"),
        (r"\b(?:Pck|Pkt)\.", "Päckchen"),
        (r"\bMsp\.", "Messerspitze"),
        (r"\bz\.\s?B\.", "zum Beispiel"),
        (r"(\d+)\s*[-–]\s*(\d+)", r"\1 bis \2"),
    )
)
_GLYPHS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3)}
_ENDING = {"m": "er", "f": "e", "n": "es", "pl": "e"}


@cache
def _overlay_words(spelling: str | None) -> dict[str, Any]:
    """The words of a locale whose settings say ``spelling`` (``"austrian"``: de-AT)."""
    units = dict(W["units"])
    if spelling == "austrian":
        path = pack_dir("de") / "locales" / "de-AT.json"
        with path.open(encoding="utf-8") as handle:
            overlay = json.load(handle).get("words", {})
        units.update(overlay.get("units", {}))
    return units


_HEARD_UNITS = {
    heard: key
    for spelling in (None, "austrian")
    for key, entry in _overlay_words(spelling).items()
    if key != "note"
    for heard in entry.get("heard", ())
}


def _spelling(locale: str) -> str | None:
    return "austrian" if locale == "de-AT" else None


def _said_number(value: Fraction) -> str:
    return number(value)


class Fields(dict):
    """A template's values, with the German forms a template may name built on demand:
    ``{part_acc}``, ``{bei_part}``, ``{fuer_elsewhere}`` (each item of a list)."""

    def __missing__(self, key: str) -> str:
        base, _, case = key.rpartition("_")
        if case in _CASES and base in self:
            return self._each(base, lambda name: grammar.with_article(name, case))
        preposition, _, base = key.partition("_")
        if preposition in _PREPOSITIONS and base in self:
            return self._each(base, lambda name: grammar.with_preposition(preposition, name))
        raise KeyError(key)

    def _each(self, base: str, say: Any) -> str:
        value = self[base]
        items = getattr(value, "items", None)
        if isinstance(items, tuple):
            return German.join(LANGUAGE, [say(item) for item in items if item], "und")
        return say(str(value)) if value else ""


class German:
    code = "de"

    def number(self, value: Fraction | int) -> str:
        return number(Fraction(value))

    def cardinal(self, n: int) -> str:
        """Any whole number spelled, as speech recognition writes it ("hundertfünfunddreißig")."""
        return grammar.cardinal(n)

    # -- amounts ---------------------------------------------------------------------------
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
            converted = None
            for known in (name, (key or "").replace("-", " ")):
                converted = to_unit(amount, unit, ingredient=known or None)
                if converted is not None:
                    break
            if converted is None:
                raise CannotConvert(amount, unit, name)
            amount = converted
        elif amount is not None and metric:
            amount = to_metric(amount)
        if amount is None:
            return f"etwas {name}"
        said = self._amount(amount, _overlay_words(_spelling(locale)), us=not metric)
        noun = amount.noun
        if amount.unit is None and noun and (noun.lower() in name.lower() or name in noun):
            return said
        return f"{said} {name}"

    def _amount(self, amount: Amount, units: Mapping[str, Any], *, us: bool) -> str:
        about = "etwa " if amount.approximate else ""
        adjective = ""
        if amount.unit is not None:
            entry = units.get(amount.unit) or {}
            gender = entry.get("gender", "m")
            singular = entry.get("singular", amount.unit)
            plural = entry.get("plural", singular)
            if us and "said_in_us_units" in entry:
                adjective, singular = entry["said_in_us_units"].split(" ", 1)
                adjective = re.sub(r"(es|er|e)$", "", adjective)
        elif amount.noun is not None:
            singular = amount.noun
            gender = grammar.gender(singular)
            plural = amount.noun_plural or grammar.plural(singular)
        else:
            said = _said_number(amount.value)
            if amount.upper is not None:
                said += " bis " + _said_number(amount.upper)
            return about + said
        if amount.size:
            adjective = W["adjective_endings"]["sizes"].get(amount.size, amount.size)
        value = amount.value

        def before(noun_gender: str) -> str:
            return f"{adjective}{_ENDING[noun_gender]} " if adjective else ""

        if amount.upper is not None:
            return (
                f"{about}{_said_number(value)} bis {_said_number(amount.upper)} "
                f"{before('pl')}{plural}"
            )
        if value == 1:
            return f"{about}{one(gender)} {before(gender)}{singular}"
        if value < 1:
            if value == Fraction(1, 2):
                half = _HALF.get(gender, "halbe")
                return f"{about}{one(gender)} {half} {before(gender)}{singular}"
            if value in grammar._PARTS:
                return f"{about}{grammar._PARTS[value]} {before(gender)}{singular}"
        unit = UNITS.get(amount.unit) if amount.unit else None
        if unit is not None and unit.system == METRIC and value.denominator not in (1, 2, 4):
            return f"{about}{grammar.decimal(value)} {before('pl')}{plural}"
        return f"{about}{_said_number(value)} {before('pl')}{plural}"

    # -- temperatures ----------------------------------------------------------------------
    def temperature(self, t: Temperature, scale: str) -> str:
        if scale:
            t = t.to(scale)
        degrees = whole(int(t.degrees)) if t.degrees == int(t.degrees) else str(t.degrees)
        return f"{degrees} Grad" if t.scale == "C" else f"{degrees} Grad Fahrenheit"

    def oven_fields(self, oven: OvenSetting) -> dict[str, str]:
        modes = W["oven"]["modes"]
        mode = modes.get(oven.mode, {})
        heats = W["oven"]["heat"]
        if mode.get("fan"):
            heat = ""  # the mode says it: "Backen mit Umluft"
        elif oven.fan:
            heat = heats["fan"]
        elif oven.mode == "broil" or not oven.heat:
            heat = ""
        else:
            heat = heats.get(oven.heat, "")
        return {"mode_prep": mode.get("prep", "bei"), "heat": heat}

    # -- durations -------------------------------------------------------------------------
    def duration(self, d: timedelta, case: str = "nom") -> str:
        return grammar.duration(d, case)

    def duration_range(self, low: timedelta, high: timedelta) -> str:
        return grammar.duration_range(low, high)

    def duration_adjective(self, d: timedelta) -> str | None:
        return grammar.duration_adjective(d)

    # -- words -----------------------------------------------------------------------------
    def unit_name(self, key: str, spelling: str | None) -> str:
        """A unit after "in": the dative plural ("in Gramm", "in Esslöffeln")."""
        entry = _overlay_words(spelling).get(key)
        return entry["dative_plural"] if entry else key

    def join(self, items: list[str], word: str) -> str:
        """ "a, b und c": no comma before und/oder."""
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {word} {items[-1]}"

    def spoken_text(self, text: str) -> str:
        text = re.sub(r"(\d+)\s*[-–]\s*(\d+)", r"\1 bis \2", text)
        return re.sub(r"(\d),(\d)", r"\1 Komma \2", text)

    def metric_lengths(self, text: str, spelling: str | None) -> str:
        return text  # a German recipe's speech says its centimetres itself

    def recipe_text(self, text: str) -> str:
        """A German step as printed, said: "2 EL" "zwei Esslöffel"… as words a voice reads
        ("2 Esslöffel", "180 Grad", "10 bis 15 Minuten", "1 ½" "anderthalb")."""

        def glyph(match: re.Match[str]) -> str:
            wholes = int(match.group(1) or 0)
            return " " + number(wholes + _GLYPHS[match.group(2)]) + " "

        text = re.sub(r"(?:(\d+)\s*)?([½¼¾⅓])", glyph, text)
        for pattern, said in _WRITTEN:
            text = pattern.sub(said, text)
        return " ".join(text.split())

    def nutrient(self, value: str) -> str:
        """ "320 kcal" → "320"; "12 g" → "12 Gramm"; "480 mg" → "480 Milligramm"."""
        value = re.sub(r"\bk?cal(ories)?\b", "", value, flags=re.IGNORECASE).strip()
        value = re.sub(r"(\d)\.(\d)", r"\1,\2", value)
        value = re.sub(r"(\d)\s*mg\b", r"\1 Milligramm", value)
        return re.sub(_COUNTED_BY + r"\s*g\b", r"\1 Gramm", value)

    def factor_word(self, factor: Fraction) -> str | None:
        key = str(factor)
        return W["factor_words"].get(key)

    def fields(self, values: Mapping[str, Any]) -> Mapping[str, Any]:
        found = Fields(values)
        for name, (singular, plural, gender, case) in _COUNTED.items():
            said = found.get(name)
            if isinstance(said, str) and said and not said.endswith((singular, plural)):
                if said in ("eins", "ein", "eine"):
                    found[name] = f"{one(gender, case)} {singular}"
                else:
                    found[name] = f"{said} {plural}"
        return found

    def symbols(self) -> Mapping[str, str]:
        return _SYMBOLS

    def heard_system(self, words: str | None) -> str | None:
        """ "in Gramm bitte" → metric; "in Tassen" → us."""
        if not words:
            return None
        said = words.lower()
        if re.search(r"\b(metrisch\w*|gramm|kilo\w*|milliliter\w*|liter\w*|celsius)\b", said):
            return "metric"
        if re.search(r"\b(amerikanisch\w*|us|tassen?|cups?|unzen?|pfund|fahrenheit)\b", said):
            return "us"
        return None

    def heard_unit(self, words: str) -> str | None:
        """ "in Gramm", "Esslöffel", "kaffeelöffeln": a kitchen key."""
        said = " ".join(w for w in words.lower().split() if w not in ("in", "im"))
        return _HEARD_UNITS.get(said)

    def heard_number(self, words: str) -> int | None:
        """ "acht" → 8, "fünfundzwanzig" → 25, "dritte" → 3 (what a simulator may send)."""
        from cookalong.speech.lang.de import heard

        said = words.lower().split()
        return heard.number(said) or heard.ordinal(said)

    def leading_unit(self, words: str) -> tuple[str, str] | None:
        """ "Gramm Meersalzflocken" → ("gram", "Meersalzflocken")."""
        first, _, rest = words.partition(" ")
        key = _HEARD_UNITS.get(first.lower())
        return (key, rest) if key and rest else None


LANGUAGE = German()
