"""Recipe text as a voice says it: "350°F", "2 tbsp", "½ cup" and "10–15 min" in words.

A step's text is kept faithful to its source (a web page writes "Bake at 350°F (175°C) for
25-30 mins"); this module says it: "Bake at 350 degrees Fahrenheit for 25 to 30 minutes", with
the temperature in the cook's scale (of a pair such as "350°F (175°C)" the one in that scale is
kept), lengths in centimetres for a metric cook, unit abbreviations and fractions in words,
"approx." as "about", and symbols dropped. What is already speakable ("15 minutes",
"2 tablespoons") is left as written. Pure: no SDK, no locale files.
"""

from __future__ import annotations

import re
from fractions import Fraction

from cookalong.kitchen.amounts import GLYPHS, Amount, take_number, to_metric
from cookalong.kitchen.durations import parse_duration, parse_duration_range
from cookalong.kitchen.temperature import Temperature, parse_temperature
from cookalong.kitchen.units import INFORMAL, LENGTH, METRIC, UNITS, match_unit, spelling_for
from cookalong.record import Record
from cookalong.speech.lang.en import speak as kitchen_speech

_G = "".join(GLYPHS)
# A number as recipes write it: 1 1/2, 1-1/2, 1 ½, 1½, 3/4, ¾, 2.5, 4.
_NUMBER = rf"(?:\d+(?:\s+|-)\d+\s*/\s*\d+|\d+\s*[{_G}]|\d+\s*/\s*\d+|[{_G}]|\d+(?:\.\d+)?)"
_RANGE = rf"{_NUMBER}(?:\s*(?:-|–|—|to)\s*{_NUMBER})?"
_START = r"(?<![\w/.,])"  # not inside a word, a fraction or a decimal

_SCALE_WORD = r"(?:Fahrenheit|Celsius|centigrade|F|C)"
_TEMPERATURE = re.compile(
    r"(?<![\w.,])(?P<degrees>\d{2,3})\s*"
    rf"(?:°\s*(?P<scale>{_SCALE_WORD})?(?![a-z])|(?:degrees?|deg\.?)(?:\s*(?P<named>{_SCALE_WORD})\b)?"
    rf"|(?P<bare>F|C)\b)",
    re.IGNORECASE,
)
_GAS_MARK = re.compile(r"\bgas(?:\s+mark)?\s*(?P<mark>\d{1,2}|½|¼)\b", re.IGNORECASE)
# What may stand between two ways of giving one temperature: "350°F (175°C)", "180C/350F".
_BETWEEN_PAIR = re.compile(r"^\s*(?:[(/,]|or\b|\bor\s*\(|\|)?\s*(?:\(\s*)?$", re.IGNORECASE)
_CLOSE = re.compile(r"^\s*\)")

_DIMENSIONS = re.compile(
    rf"{_START}(?P<sizes>\d+(?:\.\d+)?(?:\s*[x×]\s*\d+(?:\.\d+)?)+)"
    r"(?P<unit>\s*-?\s*(?:inch(?:es)?\b|in\.|\"|″|(?:cm|centimet(?:er|re)s?)\b))?",
    re.IGNORECASE,
)
_TIME_UNITS = (
    r"(?:hours?|hrs?\.?|h\b|minutes?|mins?\.?|m\b(?=\s*(?:-|–|\d|$|[,.;)]))"
    r"|seconds?|secs?\.?|s\b(?=\s*[,.;)]))"
)
_DURATION = re.compile(rf"{_START}(?P<span>{_RANGE})\s*(?P<unit>{_TIME_UNITS})", re.IGNORECASE)
_BARE_FRACTION = re.compile(
    rf"{_START}(\d+(?:\s+|-)\d+\s*/\s*\d+|\d+\s*[{_G}]|\d+\s*/\s*\d+(?!\s*/)|[{_G}])"
)
_DIGIT_RANGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)(?![\w.])")
# Aliases a sentence uses as words: "2 in the pan", "cook 2 at a time".
_NOT_UNITS_IN_TEXT = frozenset({"in", "in.", "t", "t.", "T", "T.", "c", "c.", "l", "l.", "pt"})
_SYMBOLS = (
    (re.compile(r"\bapprox(?:\.|imately\b)?|\bca\.(?=\s*\d)|~(?=\s*\d)", re.IGNORECASE), "about"),
    (re.compile(r"\be\.g\.", re.IGNORECASE), "for example"),
    (re.compile(r"\bi\.e\.", re.IGNORECASE), "that is"),
    (re.compile(r"\bw/(?=\s)", re.IGNORECASE), "with"),
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"\*+"), ""),
    (re.compile(r"[™®©]"), ""),
    (re.compile(r"\s*°\s*"), " degrees "),
    (re.compile(r"\s*[-–—]{2,}\s*|\s+[–—]\s+"), ", "),
)


class Saying(Record):
    """How one cook hears recipe text.

    Parameters
    ----------
    scale
        The cook's temperature scale, ``"F"`` or ``"C"``.
    metric
        Whether lengths are said in centimetres.
    locale
        The Alexa locale, for the spelling of metric units ("centimetres" outside en-US).
    default_scale
        The scale of a temperature the text gives without one ("275 degrees"): the step's oven.
    """

    scale: str = "F"
    metric: bool = False
    locale: str = "en-US"
    default_scale: str = "F"


def speakable(text: str, saying: Saying | None = None) -> str:
    """Say recipe text well: temperatures, durations, amounts, lengths and symbols in words.

    Parameters
    ----------
    text
        A step as the page wrote it: ``"Bake at 350°F (175°C) for 25-30 mins."``.
    saying
        The cook's scale, units and locale (default: Fahrenheit, US units, en-US).

    Returns
    -------
    str
        ``"Bake at 350 degrees Fahrenheit for 25 to 30 minutes."``; for a metric cook
        ``"Bake at 175 degrees Celsius …"``. "2 tbsp" → "two tablespoons", "½ cup" → "half a
        cup", "1-inch pieces" → "one inch pieces" (metric: "two and a half centimetre
        pieces"), "9x13" → "9 by 13", "gas mark 4" → "gas mark four", "approx." → "about".
    """
    saying = saying or Saying()
    said = _temperatures(_normalised(text), saying)
    said = _DIMENSIONS.sub(lambda m: _dimensions(m, saying), said)
    said = _DURATION.sub(_duration, said)
    said = _amounts(said, saying)
    said = _BARE_FRACTION.sub(lambda m: _number(m.group(1)), said)
    said = _DIGIT_RANGE.sub(r"\1 to \2", said)
    for pattern, words in _SYMBOLS:
        said = pattern.sub(words, said)
    said = re.sub(r"\(\s*\)", "", said)
    said = re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(said.split()))
    return re.sub(r"\(\s+", "(", said)


# -- temperatures ----------------------------------------------------------------------------

_STAR_DEGREE = re.compile(r"(?<=\d)\s*\*\s*(?=[FC]\b)")  # "450*F": a star for the degree sign


def _normalised(text: str) -> str:
    said = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    said = said.replace("º", "°").replace("˚", "°").replace("℉", "°F").replace("℃", "°C")
    return _STAR_DEGREE.sub("°", said)


class _Found(Record):
    start: int
    end: int
    temperature: Temperature | None  # None: a gas mark
    said: str


def _temperatures(text: str, saying: Saying) -> str:
    found: list[_Found] = []
    for m in _TEMPERATURE.finditer(text):
        scale_word = m["scale"] or m["named"] or m["bare"]
        degrees = int(m["degrees"])
        if m["bare"] and degrees < 90:  # "2 C" is two cups, not a temperature
            continue
        scale = (
            ("C" if scale_word[0].lower() == "c" else "F") if scale_word else saying.default_scale
        )
        found.append(_Found(m.start(), m.end(), Temperature(degrees, scale), ""))
    for m in _GAS_MARK.finditer(text):
        mark = m["mark"]
        number = GLYPHS.get(mark) or Fraction(int(mark))
        said = f"gas mark {kitchen_speech.speak_number(number)}"
        found.append(_Found(m.start(), m.end(), None, said))
    if not found:
        return text
    found.sort(key=lambda f: f.start)
    groups: list[list[_Found]] = [[found[0]]]
    for item in found[1:]:
        if _BETWEEN_PAIR.match(text[groups[-1][-1].end : item.start]):
            groups[-1].append(item)
        else:
            groups.append([item])
    out, position = [], 0
    for group in groups:
        start, end = group[0].start, group[-1].end
        closing = _CLOSE.match(text[end:])
        if len(group) > 1 and closing and "(" in text[group[0].end : group[-1].start]:
            end += closing.end()
        out.append(text[position:start])
        out.append(_say_group(group, saying))
        position = end
    out.append(text[position:])
    return "".join(out)


def _say_group(group: list[_Found], saying: Saying) -> str:
    """One temperature given several ways: the one in the cook's scale, said."""
    degrees = [f for f in group if f.temperature is not None]
    if not degrees:
        return group[0].said
    chosen = next((f for f in degrees if f.temperature.scale == saying.scale), degrees[0])
    return kitchen_speech.speak_temperature(chosen.temperature, scale=saying.scale)


# -- durations, amounts, lengths -------------------------------------------------------------


def _duration(match: re.Match[str]) -> str:
    written = match.group(0)
    unit = match["unit"].lower().rstrip(".")
    plain = unit in ("hour", "hours", "minute", "minutes", "second", "seconds")
    if plain and re.fullmatch(r"\d+(?:\s+to\s+\d+)?", match["span"].strip()):
        return written  # "15 minutes", "10 to 15 minutes" are said as written
    unit_word = {"h": "hours", "m": "minutes", "s": "seconds"}.get(unit, unit)
    span = re.sub(r"\s*(?:-|–|—)\s*", " to ", match["span"])
    try:
        low, high = parse_duration_range(f"{span} {unit_word}")
    except ValueError:
        try:
            low, high = parse_duration(f"{span} {unit_word}"), None
        except ValueError:
            return written
    stop = "." if match["unit"].endswith(".") and _ends_sentence(match) else ""
    if high is None:
        return kitchen_speech.speak_duration(low) + stop
    return kitchen_speech.speak_duration_range(low, high) + stop


def _ends_sentence(match: re.Match[str]) -> bool:
    """Whether the "." of an abbreviation ("1 hr.") also ends the sentence."""
    after = match.string[match.end() :]
    return not after.strip() or bool(re.match(r"\s+[A-Z(]", after))


def _dimensions(match: re.Match[str], saying: Saying) -> str:
    """ "9x13-inch" → "9 by 13 inch" (metric: "23 by 33 centimetre")."""
    sizes = [Fraction(n) for n in re.split(r"\s*[x×]\s*", match["sizes"], flags=re.IGNORECASE)]
    unit = (match["unit"] or "").strip(" -").lower()
    key = None
    if unit:
        key = "centimetre" if unit.startswith(("cm", "centi")) else "inch"
    if key == "inch" and saying.metric:
        sizes = [to_metric(Amount(size, "inch")).value for size in sizes]
        key = "centimetre"
    words = " by ".join(_plain_number(size) for size in sizes)
    if key is None:
        return words
    return f"{words} {UNITS[key].spoken(plural=False, spelling=_spelling(saying.locale))}"


def _plain_number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return kitchen_speech.speak_number(value)


def _amounts(text: str, saying: Saying) -> str:
    out, position = [], 0
    for m in re.finditer(rf"{_START}{_RANGE}", text):
        if m.start() < position:
            continue
        rest = text[m.end() :]
        hyphen = rest.startswith("-")
        after = rest[1:] if hyphen else rest.lstrip()
        found = match_unit(after)
        if found is None:
            continue
        unit, tail = found
        alias = after[: len(after) - len(tail)]
        if alias in _NOT_UNITS_IN_TEXT or alias.lower() in ("in", "in.", "c", "c.", "l", "l."):
            continue
        number = m.group(0)
        try:
            amount = _amount(number, unit.key)
        except ValueError:
            continue
        end = m.end() + (len(rest) - len(tail))
        written = text[m.start() : end]
        speakable_already = re.fullmatch(r"\d+", number.strip()) and alias.lower() in (
            unit.singular,
            unit.plural,
            unit.singular_intl,
            unit.plural_intl,
        )
        converts = saying.metric and unit.dimension == LENGTH and unit.system != METRIC
        if speakable_already and not converts:
            continue
        out.append(text[position : m.start()])
        stop = ""
        after_unit = text[end:]
        if alias.endswith(".") and (not after_unit.strip() or re.match(r"\s+[A-Z(]", after_unit)):
            stop = "."  # "Add 2 tbsp." ends its sentence too
        out.append((_say_amount(amount, saying, adjective=hyphen) or written) + stop)
        position = end
    out.append(text[position:])
    return "".join(out)


def _amount(number: str, unit: str) -> Amount:
    parts = re.split(r"\s*(?:-|–|—|to)\s*(?=[\d" + _G + "])", number.strip(), maxsplit=1)
    low = _value(parts[0])
    high = _value(parts[1]) if len(parts) > 1 else None
    if high is not None and high <= low:
        raise ValueError(number)
    return Amount(low, unit, high)


def _value(number: str) -> Fraction:
    taken = take_number(number.strip())
    if taken is None or taken[1].strip():
        raise ValueError(number)
    return taken[0]


def _say_amount(amount: Amount, saying: Saying, *, adjective: bool) -> str:
    unit = UNITS[amount.unit] if amount.unit else None
    if unit is not None and unit.dimension == LENGTH and saying.metric:
        amount = to_metric(amount)
        amount = Amount(amount.value, amount.unit, amount.upper)  # no "about" for a length
    if unit is not None and unit.dimension == INFORMAL and amount.value == 1 and not amount.upper:
        return kitchen_speech.speak_amount(amount, locale=saying.locale)
    said = kitchen_speech.speak_amount(amount, locale=saying.locale)
    if adjective and amount.unit is not None:  # "a 2-inch piece": "a two inch piece"
        plural = UNITS[amount.unit].spoken(plural=True, spelling=_spelling(saying.locale))
        singular = UNITS[amount.unit].spoken(plural=False, spelling=_spelling(saying.locale))
        if said.endswith(plural):
            said = said[: -len(plural)] + singular
    return said


def _spelling(locale: str) -> str:
    return spelling_for(locale)


def _number(written: str) -> str:
    try:
        return kitchen_speech.speak_number(_value(written))
    except ValueError:
        return written


def temperatures_in(
    text: str, default_scale: str = "F"
) -> list[tuple[Temperature, Fraction | None]]:
    """The temperatures a text gives, in order, found as the voice finds them.

    Parameters
    ----------
    text
        ``"Preheat the oven to 350°F (175°C)."``, ``"bake at 180C"``, ``"gas mark 4"``.
    default_scale
        For "350 degrees" without a scale.

    Returns
    -------
    list
        ``(temperature, gas mark or None)``: ``[(350 °F, None), (175 °C, None)]``; a gas mark
        comes with its temperature by the kitchen's table (gas mark 4 is 350 °F).
    """
    said = _normalised(text)
    found: list[tuple[int, Temperature, Fraction | None]] = []
    for m in _TEMPERATURE.finditer(said):
        scale_word = m["scale"] or m["named"] or m["bare"]
        degrees = int(m["degrees"])
        if m["bare"] and degrees < 90:
            continue
        scale = "C" if scale_word and scale_word[0].lower() == "c" else "F"
        found.append(
            (m.start(), Temperature(degrees, scale if scale_word else default_scale), None)
        )
    for m in _GAS_MARK.finditer(said):
        mark = GLYPHS.get(m["mark"]) or Fraction(int(m["mark"]))
        if 0 < mark <= 10:
            found.append((m.start(), parse_temperature(f"gas mark {m['mark']}"), mark))
    return [(t, mark) for _, t, mark in sorted(found, key=lambda f: f[0])]


__all__ = ["Saying", "speakable", "temperatures_in"]
