"""How to say numbers, amounts, temperatures and durations out loud.

Everything here returns plain words that are safe to drop into SSML once the caller has
escaped them: never "tbsp", "lb", "°" or unicode fractions. Conventions (tested):

* Whole numbers up to twenty are words ("fifteen"); above twenty, digits ("275", "680"),
  which Alexa reads naturally. :func:`number_words` spells any whole number when needed.
* Fractions: "a half", "a quarter", "three quarters", "an eighth", "two thirds"; amounts below
  one are "half a teaspoon", "a quarter of a teaspoon", "an eighth of a teaspoon",
  "three quarters of a cup"; one is "one teaspoon" (never "a teaspoon"); above one the unit is
  plural ("one and a half pounds"). Informal units keep their article: "a pinch", "a dash".
* Odd eighths of a teaspoon are said as spoons a cook owns: "a quarter of a teaspoon plus an
  eighth".
* Durations: "two hours and fifteen minutes"; whole hours plus exactly thirty minutes are said
  with "and a half": "an hour and a half", "two and a half hours" (never "half an hour": thirty
  minutes is "30 minutes"). A range whose ends are whole numbers of one unit names the unit
  once: "ten to fifteen minutes", "50 to 70 minutes", "one to two hours"; otherwise each end is
  said fully: "an hour and a half to two hours".
* Metric values are said in words when they are whole, halves or quarters ("one and a half
  litres") and as decimals otherwise ("1.35 kilograms", "0.2 grams"), as they are written.
  (Conversions say small volumes in spoons, so "two and a half millilitres" is only heard for
  a metric recipe's own amount; see :mod:`cookalong.kitchen.amounts`.)
* In en-AU a tablespoon is 20 ml, four teaspoons, and no Australian set has half a
  tablespoon: four teaspoons or more are said as its tablespoons plus teaspoons (six teaspoons,
  30 ml, are "one tablespoon plus two teaspoons"; twelve are "three tablespoons"), and fewer
  as teaspoons (a US tablespoon, 15 ml, is "three teaspoons"). Ranges stay in teaspoons.
* en-US spells "milliliters"; every other English locale "millilitres".
"""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

from cookalong.kitchen.amounts import Amount, plural_of
from cookalong.kitchen.conversions import CannotConvert, to_unit
from cookalong.kitchen.temperature import Temperature
from cookalong.kitchen.units import (
    INFORMAL,
    METRIC,
    METRIC_TABLESPOON_ML,
    UNITS,
    spelling_for,
    tablespoon_ml_for,
    unit_for,
)
from cookalong.speech.lang.en.numbers import TENS_WORDS, UNIT_WORDS

_ONES = UNIT_WORDS
_TENS = TENS_WORDS
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))

# denominator → (singular, plural) names of the parts
_PARTS = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
    5: ("fifth", "fifths"),
    6: ("sixth", "sixths"),
    7: ("seventh", "sevenths"),
    8: ("eighth", "eighths"),
    9: ("ninth", "ninths"),
    10: ("tenth", "tenths"),
    12: ("twelfth", "twelfths"),
    16: ("sixteenth", "sixteenths"),
}

#: Largest whole number said in words; above it, digits.
WORDS_UP_TO = 20


def number_words(n: int) -> str:
    """Spell a whole number in English words.

    Parameters
    ----------
    n
        Any integer.

    Returns
    -------
    str
        ``4`` → ``"four"``, ``21`` → ``"twenty-one"``, ``680`` → ``"six hundred eighty"``,
        ``-18`` → ``"minus eighteen"``.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"number_words needs a whole number, not {n!r}")
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    for size, name in _SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            return f"{number_words(high)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError("unreachable")  # pragma: no cover


def _whole(n: int) -> str:
    return number_words(n) if abs(n) <= WORDS_UP_TO else str(n)


def _fraction_words(part: Fraction) -> str | None:
    """0 < part < 1 → "a half", "three quarters", "an eighth"; None if it has no common name."""
    names = _PARTS.get(part.denominator)
    if names is None:
        return None
    if part.numerator == 1:
        article = "an" if names[0][0] in "aeiou" else "a"
        return f"{article} {names[0]}"
    return f"{_whole(part.numerator)} {names[1]}"


def speak_number(value: Fraction | int) -> str:
    """Say a number: words up to twenty, digits above, fractions by name.

    Parameters
    ----------
    value
        A whole number or fraction.

    Returns
    -------
    str
        ``4`` → ``"four"``, ``275`` → ``"275"``, ``3/2`` → ``"one and a half"``,
        ``1/8`` → ``"an eighth"``, ``11/4`` → ``"two and three quarters"``; a fraction without a
        common name is said as a decimal (``34/25`` → ``"1.36"``).
    """
    value = Fraction(value)
    if value < 0:
        return "minus " + speak_number(-value)
    if value.denominator == 1:
        return _whole(value.numerator)
    whole, part = divmod(value, 1)
    words = _fraction_words(part)
    if words is None:
        return f"{float(value):.3f}".rstrip("0").rstrip(".")
    return f"{_whole(int(whole))} and {words}" if whole else words


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _below_one(value: Fraction, thing: str) -> str:
    """ "half a teaspoon", "a quarter of a teaspoon", "three quarters of a cup"."""
    if value == Fraction(1, 2):
        return f"half {_article(thing)} {thing}"
    return f"{speak_number(value)} of {_article(thing)} {thing}"


def speak_amount(amount: Amount, *, locale: str = "en-US", tablespoon_ml: int | None = None) -> str:
    """Say an amount the way a cook would.

    Parameters
    ----------
    amount
        Any amount.
    locale
        An Alexa locale; decides "milliliters" (en-US) or "millilitres" (others), and in
        en-AU says four teaspoons or more as its 20 ml tablespoons plus teaspoons.
    tablespoon_ml
        The cook's tablespoon when not the locale's (15 keeps teaspoons in teaspoons, as when
        a cook asked for teaspoons).

    Returns
    -------
    str
        ``"one and a half pounds"``, ``"two tablespoons"``, ``"one teaspoon"``,
        ``"half a teaspoon"``, ``"an eighth of a teaspoon"``, ``"four drops"``,
        ``"one small garlic clove"``, ``"half a small garlic clove"``,
        ``"two to three tablespoons"``, ``"about 680 grams"``, ``"30 milliliters"``,
        ``"a pinch"``, ``"a quarter of a teaspoon plus an eighth"``.
    """
    about = "about " if amount.approximate else ""
    size = f"{amount.size} " if amount.size else ""
    unit = amount.unit_info
    spelling = spelling_for(locale)
    if unit is not None:
        singular = size + unit.spoken(plural=False, spelling=spelling)
        plural = size + unit.spoken(plural=True, spelling=spelling)
    elif amount.noun:
        singular = size + amount.noun
        plural = size + (amount.noun_plural or plural_of(amount.noun))
    else:  # a bare number: "ten to fifteen"
        numbers = speak_number(amount.value)
        if amount.upper is not None:
            numbers += " to " + speak_number(amount.upper)
        return f"{about}{numbers}{' ' + size.strip() if size else ''}"

    if amount.upper is not None:
        low = "half" if amount.value == Fraction(1, 2) else speak_number(amount.value)
        thing = plural if amount.upper > 1 else singular
        return f"{about}{low} to {speak_number(amount.upper)} {thing}"

    value = amount.value
    if unit is not None and unit.dimension == INFORMAL and value == 1:
        return f"{about}{_article(singular)} {singular}"
    if unit is not None and unit.key == "teaspoon":
        tablespoon = tablespoon_ml or tablespoon_ml_for(locale)
        if value >= 4 and tablespoon == 20:  # an Australian tablespoon or more
            return about + _australian_spoons(value, size, spelling)
        part = value % 1
        if part.denominator == 8 and part.numerator > 1:  # no one owns a 3/8 teaspoon
            return f"{about}{_say(value - Fraction(1, 8), singular, plural)} plus an eighth"
    metric = unit is not None and unit.system == METRIC
    return about + _say(value, singular, plural, decimal=metric)


def _australian_spoons(value: Fraction, size: str, spelling: str) -> str:
    """Four teaspoons or more, said as the 20 ml tablespoons an Australian cook owns."""
    tablespoons, teaspoons = divmod(value, 4)
    tbsp = UNITS["tablespoon"]
    said = _say(
        Fraction(tablespoons),
        size + tbsp.spoken(plural=False, spelling=spelling),
        size + tbsp.spoken(plural=True, spelling=spelling),
    )
    if not teaspoons:
        return said
    rest = speak_amount(Amount(teaspoons, "teaspoon", size=size.strip() or None))
    return f"{said} plus {rest}"


def _say(value: Fraction, singular: str, plural: str, *, decimal: bool = False) -> str:
    if decimal and value.denominator not in (1, 2, 4):  # 1.2 litres, not "one and a fifth"
        number = f"{float(value):.3f}".rstrip("0").rstrip(".")
        return f"{number} {plural if value != 1 else singular}"
    if value < 1:
        return _below_one(value, singular)
    if value == 1:
        return f"one {singular}"
    return f"{speak_number(value)} {plural}"


def _mentions(phrase: str, name: str) -> bool:
    words = phrase.lower().split()
    wanted = name.lower().split()
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words)))


def speak_ingredient_amount(
    amount: Amount | None, name: str, *, locale: str = "en-US", unit: str | None = None
) -> str:
    """Say an amount together with its ingredient, in the unit asked for if one was.

    Parameters
    ----------
    amount
        The (scaled, converted) amount, or ``None`` for an ingredient without one.
    name
        What a cook calls it: ``"maple syrup"``.
    locale
        An Alexa locale (spelling of metric units; in en-AU a tablespoon is 20 ml).
    unit
        A unit the cook asked for this once ("how many grams of pork belly"): a canonical key
        of the unit table (``"gram"``, ``"cup"``) or an alias of one; the amount is converted
        with :func:`~cookalong.kitchen.conversions.to_unit`. ``None`` says it as it is.

    Returns
    -------
    str
        ``"two tablespoons of maple syrup"``, ``"four drops of liquid smoke"``,
        ``"one small garlic clove"`` (the noun already names the garlic),
        ``"three eggs"`` (a bare count), ``"some sea salt"`` (no amount); with
        ``unit="gram"``: ``"about 680 grams of pork belly"``.

    Raises
    ------
    CannotConvert
        When ``unit`` is given and the amount cannot be said in it (a count, a pinch, no
        amount, no known density): :func:`~cookalong.kitchen.conversions.to_unit` returns
        ``None`` for exactly these, so a caller can ask first and say why instead.
    """
    tablespoon_ml = None
    if unit is not None:
        converted = to_unit(amount, unit, ingredient=name, tablespoon_ml=tablespoon_ml_for(locale))
        if converted is None:
            raise CannotConvert(amount, unit, name)
        amount = converted
        if unit_for(unit).key == "teaspoon":
            tablespoon_ml = METRIC_TABLESPOON_ML  # asked for teaspoons: "48 teaspoons"
    if amount is None:
        return f"some {name}"
    spoken = speak_amount(amount, locale=locale, tablespoon_ml=tablespoon_ml)
    if amount.unit is None and amount.noun is None:
        return f"{spoken} {name}"
    if amount.noun is not None and _mentions(amount.noun, name):
        return spoken
    return f"{spoken} of {name}"


def speak_temperature(t: Temperature, *, scale: str | None = None) -> str:
    """Say an oven temperature, converting when asked for the other scale.

    Parameters
    ----------
    t
        The recipe's temperature.
    scale
        ``"F"``/``"C"`` (or ``"fahrenheit"``/``"celsius"``); ``None`` keeps the recipe's.

    Returns
    -------
    str
        ``"275 degrees Fahrenheit"``, ``"135 degrees Celsius"``.
    """
    if scale is not None:
        t = t.to(scale)
    name = "Fahrenheit" if t.scale == "F" else "Celsius"
    degree = "degree" if abs(t.degrees) == 1 else "degrees"
    return f"{speak_number(t.degrees)} {degree} {name}"


_DURATION_UNITS = (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


def _seconds(d: timedelta) -> int:
    if not isinstance(d, timedelta):
        raise ValueError(f"a duration must be a timedelta, not {d!r}")
    seconds = round(d.total_seconds())
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {d}")
    return seconds


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def speak_duration(d: timedelta) -> str:
    """Say a duration: "two hours and fifteen minutes", "an hour and a half".

    Parameters
    ----------
    d
        A non-negative duration; it is said to the nearest second.

    Returns
    -------
    str
        ``"fifteen minutes"``, ``"two hours"``, ``"two hours and 25 minutes"``,
        ``"two and a half hours"`` (exactly 2:30), ``"an hour and a half"`` (1:30),
        ``"one day, two hours and ten minutes"``, ``"zero minutes"``.
    """
    seconds = _seconds(d)
    if seconds == 0:
        return "zero minutes"
    hours, rest = divmod(seconds, 3600)
    if rest == 1800 and 0 < hours < 24:
        return "an hour and a half" if hours == 1 else f"{speak_number(hours)} and a half hours"
    parts = []
    for name, size in _DURATION_UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{speak_number(count)} {name}{'s' if count != 1 else ''}")
    return _join(parts)


def _single_unit(seconds: int) -> tuple[int, str] | None:
    """(count, unit) when the duration is a whole number of one unit, below the next unit."""
    for name, size in _DURATION_UNITS:
        if seconds % size == 0:
            return seconds // size, name
    return None  # pragma: no cover - every whole number of seconds is a count of seconds


def speak_duration_range(lo: timedelta, hi: timedelta) -> str:
    """Say a range of durations: "ten to fifteen minutes", "an hour and a half to two hours".

    Parameters
    ----------
    lo, hi
        The shortest and longest time; ``hi`` must not be shorter than ``lo``.

    Raises
    ------
    ValueError
        When ``hi`` is shorter than ``lo`` or either is negative.
    """
    low, high = _seconds(lo), _seconds(hi)
    if high < low:
        raise ValueError(f"a time range must go up: {lo} to {hi}")
    if high == low:
        return speak_duration(lo)
    a, b = _single_unit(low), _single_unit(high)
    if low and a and b and a[1] == b[1]:
        return f"{speak_number(a[0])} to {speak_number(b[0])} {b[1]}s"
    return f"{speak_duration(lo)} to {speak_duration(hi)}"


__all__ = [
    "WORDS_UP_TO",
    "CannotConvert",
    "number_words",
    "speak_amount",
    "speak_duration",
    "speak_duration_range",
    "speak_ingredient_amount",
    "speak_number",
    "speak_temperature",
]
