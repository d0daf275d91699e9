"""Oven temperatures: convert between scales the way oven dials and cookbooks do, and parse them.

Rounding (tested):

* To Celsius: oven temperatures (100 °C and above) to the nearest 5 °C, as Celsius dials are
  marked: 275 °F → 135 °C, 420 °F → 215 °C (215.6), 350 °F → 175 °C (176.7), 400 °F → 205 °C.
* To Fahrenheit: oven temperatures (200 °F and above) to the nearest 25 °F, the marks on a
  Fahrenheit dial and the values of cookbook conversion tables: 180 °C → 350 °F (356),
  220 °C → 425 °F (428), 135 °C → 275 °F, 190 °C → 375 °F, 100 °C → 200 °F (a low oven).
* Below the oven range (a steak's 63 °C, a fridge's 40 °F) to the nearest degree.
* Halves round up (away from zero), never to even.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from cookalong.record import Record

_SCALE_NAMES = {
    "f": "F",
    "°f": "F",
    "℉": "F",
    "fahrenheit": "F",
    "c": "C",
    "°c": "C",
    "℃": "C",
    "celsius": "C",
    "centigrade": "C",
}


def normalise_scale(scale: str) -> str:
    """``"F"``, ``"fahrenheit"``, ``"°F"`` → ``"F"``; ``"c"``, ``"Celsius"`` → ``"C"``.

    Raises
    ------
    ValueError
        For anything else.
    """
    key = str(scale).strip().lower()
    if key not in _SCALE_NAMES:
        raise ValueError(f"unknown temperature scale {scale!r}: use 'F' (Fahrenheit) or 'C'")
    return _SCALE_NAMES[key]


def _round_to(value: Fraction, step: int) -> int:
    """Nearest multiple of ``step``; halves away from zero."""
    q = abs(value) / step
    n = math.floor(q + Fraction(1, 2)) * step
    return n if value >= 0 else -n


def fahrenheit_to_celsius(degrees: int | Fraction, *, step: int | None = None) -> int:
    """Convert °F to °C, rounded like a Celsius oven dial.

    Parameters
    ----------
    degrees
        Degrees Fahrenheit.
    step
        Round to this many degrees; default 5 for oven temperatures (100 °C and above), else 1.

    Returns
    -------
    int
        ``275`` → ``135``, ``420`` → ``215``, ``350`` → ``175``.
    """
    exact = (Fraction(degrees) - 32) * 5 / 9
    if step is None:
        step = 5 if exact >= 100 else 1
    return _round_to(exact, step)


def celsius_to_fahrenheit(degrees: int | Fraction, *, step: int | None = None) -> int:
    """Convert °C to °F, rounded like a Fahrenheit oven dial.

    Parameters
    ----------
    degrees
        Degrees Celsius.
    step
        Round to this many degrees; default 25 for oven temperatures (200 °F and above), else 1.

    Returns
    -------
    int
        ``135`` → ``275``, ``180`` → ``350``, ``220`` → ``425``, ``63`` → ``145``.
    """
    exact = Fraction(degrees) * 9 / 5 + 32
    if step is None:
        step = 25 if exact >= 200 else 1
    return _round_to(exact, step)


class Temperature(Record):
    """An oven temperature as the recipe gives it: 275 °F is ``Temperature(275, "F")``.

    The scale is normalised (``"fahrenheit"`` → ``"F"``); the degrees must be a whole number.
    """

    degrees: int
    scale: str  # "F" or "C"

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", normalise_scale(self.scale))
        degrees = self.degrees
        if isinstance(degrees, bool) or not isinstance(degrees, int | Fraction | float):
            raise ValueError(f"degrees must be a whole number, not {degrees!r}")
        if degrees != int(degrees):
            raise ValueError(f"degrees must be a whole number, not {degrees!r}")
        object.__setattr__(self, "degrees", int(degrees))

    def to(self, scale: str) -> Temperature:
        """The same temperature on the other scale, rounded like an oven dial.

        Parameters
        ----------
        scale
            ``"F"`` or ``"C"`` (or their names).

        Returns
        -------
        Temperature
            ``self`` when the scale is already the same.
        """
        scale = normalise_scale(scale)
        if scale == self.scale:
            return self
        if scale == "C":
            return Temperature(fahrenheit_to_celsius(self.degrees), "C")
        return Temperature(celsius_to_fahrenheit(self.degrees), "F")

    def __str__(self) -> str:
        return f"{self.degrees} °{self.scale}"


_TEMPERATURE = re.compile(
    r"^(?P<degrees>[-−]?\d+(?:\.\d+)?)\s*"
    r"(?:(?:°|º|˚|degrees?|deg\.?)\s*)?"
    r"(?P<scale>fahrenheit|celsius|centigrade|[fc](?![a-z])|℉|℃)?\.?$",
    re.IGNORECASE,
)
_GAS_MARK = re.compile(
    r"^gas(?:\s*mark)?\s*(?P<mark>\d+|½|¼|1/2|1/4)$",
    re.IGNORECASE,
)
_GAS_FRACTIONS = {
    "½": Fraction(1, 2),
    "1/2": Fraction(1, 2),
    "¼": Fraction(1, 4),
    "1/4": Fraction(1, 4),
}


def parse_temperature(text: str, *, default_scale: str = "F") -> Temperature:
    """Read an oven temperature as recipes write it.

    Parameters
    ----------
    text
        ``"275 °F"``, ``"275°F"``, ``"275F"``, ``"275 degrees"``, ``"220°C"``, ``"220 ℃"``,
        ``"180 degrees Celsius"``, ``"gas mark 4"`` (→ 350 °F).
    default_scale
        The scale of "275 degrees" when the text names none.

    Raises
    ------
    ValueError
        When the text is not a temperature; a bare number needs "degrees" or a scale.
    """
    cleaned = " ".join(str(text).split())
    if m := _GAS_MARK.match(cleaned):
        mark = _GAS_FRACTIONS.get(m["mark"]) or Fraction(m["mark"])
        if mark > 10 or mark <= 0:
            raise ValueError(f"gas marks run from ¼ to 10, not {m['mark']}")
        fahrenheit = 250 + 25 * mark if mark >= 1 else 200 + 100 * mark
        return Temperature(int(fahrenheit), "F")
    m = _TEMPERATURE.match(cleaned)
    marked = m is not None and (m["scale"] or re.search(r"°|º|˚|deg", cleaned, re.IGNORECASE))
    if m is None or not marked:
        raise ValueError(
            f"cannot read a temperature from {text!r}: expected something like '275 °F', "
            "'220°C', '275 degrees' or 'gas mark 4'"
        )
    degrees = Fraction(m["degrees"].replace("−", "-"))
    scale = normalise_scale(m["scale"]) if m["scale"] else normalise_scale(default_scale)
    return Temperature(_round_to(degrees, 1), scale)


__all__ = [
    "Temperature",
    "celsius_to_fahrenheit",
    "fahrenheit_to_celsius",
    "normalise_scale",
    "parse_temperature",
]
