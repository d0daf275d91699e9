"""Durations: read ISO 8601 (and the malformed forms recipe pages publish) and plain English.

Recipe pages publish ``PT2H15M`` but also ``PT0D4H45M``, ``PT 35 minutes`` and ``"PT35M "``;
recipe text says "2 hours, 15 mins", "1 hr", "an hour and a half", "10–15 minutes". Years and
months have no fixed length and are refused.
"""

from __future__ import annotations

import re
from datetime import timedelta
from fractions import Fraction

from cookalong.kitchen.amounts import take_number

_ISO = re.compile(r"^P(?P<date>(?:[\d.]+[YMWD])*)(?:T(?P<time>(?:[\d.]+[DHMS])*))?$")
_ISO_PART = re.compile(r"([\d.]+)([YMWDHS])")
_ISO_SECONDS = {"W": 604800, "D": 86400, "H": 3600, "S": 1}

_UNIT_SECONDS = {
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
}
_UNIT = re.compile(
    r"\s*(" + "|".join(sorted(_UNIT_SECONDS, key=len, reverse=True)) + r")\.?(?![a-z])",
    re.IGNORECASE,
)
_AND_A_HALF = re.compile(r"^\s*and a half\b", re.IGNORECASE)
_HALF_AN = re.compile(r"^half an?\s+", re.IGNORECASE)
_JOINER = re.compile(r"^\s*(?:,|and\b|&|\+)?\s*", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:-|–|—|‒|\bto\b)\s*", re.IGNORECASE)


def _seconds_to_timedelta(seconds: Fraction) -> timedelta:
    whole, part = divmod(seconds, 1)
    return timedelta(seconds=int(whole), microseconds=round(part * 1_000_000))


def _parse_iso(compact: str, original: str) -> timedelta:
    m = _ISO.match(compact)
    if m is None or compact in ("P", "PT"):
        raise ValueError(
            f"cannot read the ISO 8601 duration {original!r}: expected something like PT2H15M"
        )
    total = Fraction(0)
    for number, letter in _ISO_PART.findall(m["date"] or ""):
        value = Fraction(number)
        if letter in "YM" and value:
            raise ValueError(
                f"cannot use {original!r}: years and months have no fixed length in a recipe"
            )
        total += value * _ISO_SECONDS.get(letter, 0)
    for number, letter in _ISO_PART.findall(m["time"] or ""):
        total += Fraction(number) * (60 if letter == "M" else _ISO_SECONDS[letter])
    return _seconds_to_timedelta(total)


def _take_quantity(text: str) -> tuple[Fraction, str] | None:
    if m := _HALF_AN.match(text):
        return Fraction(1, 2), text[m.end() :]
    return take_number(text)


def _parse_english(text: str, original: str) -> timedelta:
    rest = text.strip()
    total = Fraction(0)
    seen = 0
    while rest:
        taken = _take_quantity(rest)
        if taken and (half := _AND_A_HALF.match(taken[1])):  # "2 and a half hours"
            taken = taken[0] + Fraction(1, 2), taken[1][half.end() :]
        unit = _UNIT.match(taken[1]) if taken else None
        if taken is None or unit is None:
            raise ValueError(
                f"cannot read a duration from {original!r}: expected amounts of time such as "
                "'2 hours 15 minutes', '10 mins', '1 hr' or 'PT2H15M'"
            )
        value, rest = taken[0], taken[1][unit.end() :]
        size = _UNIT_SECONDS[unit[1].lower()]
        if m := _AND_A_HALF.match(rest):
            value += Fraction(1, 2)
            rest = rest[m.end() :]
        total += value * size
        seen += 1
        rest = rest[_JOINER.match(rest).end() :]
    if not seen:
        raise ValueError(f"cannot read a duration from empty text {original!r}")
    return _seconds_to_timedelta(total)


def parse_duration(text: str) -> timedelta:
    """Read a duration from ISO 8601 or plain English.

    Parameters
    ----------
    text
        ``"PT2H15M"``, ``"PT10M"``, ``"P1DT2H"``, ``"PT0D4H45M"``, ``"PT 35 minutes"``,
        ``"PT35M "``, ``"2 hours, 15 mins"``, ``"2 hours 25 mins"``, ``"10 mins"``, ``"1 hr"``,
        ``"90 minutes"``, ``"1 ½ hours"``, ``"an hour and a half"``, ``"half an hour"``.

    Returns
    -------
    timedelta

    Raises
    ------
    ValueError
        With the text and the forms expected, for anything else (including ranges: use
        :func:`parse_duration_range`).
    """
    if not isinstance(text, str):
        raise ValueError(f"a duration must be text, not {type(text).__name__}")
    stripped = " ".join(text.split())
    if not stripped:
        raise ValueError("cannot read a duration from empty text")
    if stripped[0] in "Pp" and (len(stripped) == 1 or stripped[1] in "Tt0123456789 "):
        compact = stripped.replace(" ", "").upper()
        if _ISO.match(compact) or not re.search(r"[a-z]{2}", stripped[1:], re.IGNORECASE):
            return _parse_iso(compact, text)
        english = re.sub(r"^PT?\s*", "", stripped, flags=re.IGNORECASE)  # "PT 35 minutes"
        return _parse_english(english, text)
    return _parse_english(stripped, text)


def parse_duration_range(text: str) -> tuple[timedelta, timedelta | None]:
    """Read a duration that may be a range: "10–15 minutes", "1 to 2 hours", "45 minutes".

    Parameters
    ----------
    text
        A duration (see :func:`parse_duration`) or two joined by "-", "–" or "to"; a unit
        written once applies to both ends ("10–15 minutes").

    Returns
    -------
    tuple
        ``(shortest, longest)``; ``longest`` is ``None`` when the text is not a range.

    Raises
    ------
    ValueError
        When either end is not a duration or the range goes down.
    """
    stripped = " ".join(str(text).split())
    if stripped[:1] in ("P", "p") and re.match(r"^P[T\d]", stripped, re.IGNORECASE):
        return parse_duration(stripped), None
    parts = _RANGE.split(stripped)
    if len(parts) == 1:
        return parse_duration(stripped), None
    if len(parts) != 2:
        raise ValueError(f"cannot read the time range {text!r}: expected two ends, '10–15 minutes'")
    low_text, high_text = parts
    high = parse_duration(high_text)
    taken = _take_quantity(low_text)
    if taken is not None and not taken[1].strip():  # "10" in "10–15 minutes": borrow the unit
        unit = _UNIT.search(high_text)
        if unit is None:  # pragma: no cover - parse_duration(high_text) found a unit
            raise ValueError(f"cannot read the time range {text!r}")
        low = parse_duration(f"{low_text} {unit[1]}")
    else:
        low = parse_duration(low_text)
    if high <= low:
        raise ValueError(f"a time range must go up, but {text!r} does not")
    return low, high


def format_iso_duration(d: timedelta) -> str:
    """Write a duration in ISO 8601: ``"PT2H15M"``, ``"P1DT2H"``, ``"PT0S"``.

    Parameters
    ----------
    d
        A non-negative duration.

    Raises
    ------
    ValueError
        For a negative duration.
    """
    if d < timedelta(0):
        raise ValueError(f"a duration cannot be negative: {d}")
    days = d.days
    hours, rest = divmod(d.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    time = ""
    if hours:
        time += f"{hours}H"
    if minutes:
        time += f"{minutes}M"
    if seconds or d.microseconds:
        fraction = f".{d.microseconds:06d}".rstrip("0") if d.microseconds else ""
        time += f"{seconds}{fraction}S"
    if time:
        text += "T" + time
    return text if text != "P" else "PT0S"


__all__ = ["format_iso_duration", "parse_duration", "parse_duration_range"]
