"""Words as Alexa (or a simulator) hands them over: numbers said as digits, words or ordinals.

Alexa fills AMAZON.NUMBER with digits ("8"), but simulators and some test tools send the words
("eight", "twenty one"), AMAZON.Ordinal may arrive as "3" or "third", and "?" means Alexa heard
a number it could not read. The word tables belong to a language.
"""

from __future__ import annotations

import re

from cookalong.speech.lang.en.numbers import TENS_WORDS, UNIT_WORDS

_UNITS = UNIT_WORDS
_TENS = TENS_WORDS
_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS_ORDINALS = [
    "-",
    "-",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]

WORDS: dict[str, dict[str, int]] = {
    "en": {
        **{w: n for n, w in enumerate(_UNITS)},
        **{w: 10 * n for n, w in enumerate(_TENS) if w != "-"},
        **{w: n for n, w in enumerate(_ORDINALS)},
        **{w: 10 * n for n, w in enumerate(_TENS_ORDINALS) if w != "-"},
        "a": 1,
        "an": 1,
        "hundred": 100,
        "hundredth": 100,
        "dozen": 12,
        "couple": 2,
    }
}
_ORDINAL_SUFFIX = re.compile(r"^(\d+)\s*(st|nd|rd|th)$")
_DIGITS = re.compile(r"^[+-]?\d+(\.\d+)?$")
_FILLER = frozenset({"and", "the", "of", "number", "step", "people"})


def parse_number(text: str, language: str = "en") -> int | None:
    """An int from what was heard: "8", "8.0", "eight", "twenty one", "3rd", "third".

    Returns ``None`` for anything else ("?", "lots"), and for numbers out of any sane range.
    """
    text = text.strip().lower()
    if not text or len(text) > 60:
        return None
    if _DIGITS.match(text):
        value = float(text)
        return round(value) if abs(value) < 1_000_000 else None
    suffixed = _ORDINAL_SUFFIX.match(text)
    if suffixed:
        return int(suffixed.group(1))
    table = WORDS.get(language) or WORDS["en"]
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text):
        if word in _FILLER:
            continue
        value = table.get(word)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value == 12 and word == "dozen":
            current = max(current, 1) * 12
        else:
            current += value
    total += current
    return total if seen else None


__all__ = ["WORDS", "parse_number"]
