"""German words as heard: numbers, ordinals and durations in words, as Alexa's German model
reads them into AMAZON.NUMBER, AMAZON.Ordinal and AMAZON.DURATION ("fünfundzwanzig" → 25,
"der dritte" → 3, "anderthalb Stunden" → PT1H30M). Used by the local resolver."""

from __future__ import annotations

import re
from fractions import Fraction

from cookalong.speech.lang.de.grammar import W

_HEARD = {k: v for k, v in W["numbers"]["heard"]["words"].items()}
_HEARD.update(
    {word: int(n) for n, word in W["numbers"]["cardinal"].items()},
)
_STEMS = {stem: int(n) for n, stem in W["ordinals"]["stem"].items()}
_EXTRA_ORDINALS = dict(W["ordinals"]["heard"]["extra"])
_ORDINAL_ENDING = re.compile(r"(e|en|er|es|em)$")


def number(words: list[str]) -> int | None:
    """ "acht" → 8, "fünfundzwanzig" → 25, "hundertfünfunddreißig" → 135, "8" → 8."""
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if not words or len(words) > 3:
        return None
    if len(words) == 2 and words[0] in ("ein", "eine") and words[1] == "dutzend":
        return 12
    text = "".join(words)
    if " ".join(words) in _HEARD:
        return int(_HEARD[" ".join(words)])
    return _compound(text)


def _compound(text: str) -> int | None:
    if not text:
        return None
    if text in _HEARD:
        return int(_HEARD[text])
    if "tausend" in text:
        head, _, rest = text.partition("tausend")
        high = _compound(head) if head else 1
        low = _compound(rest) if rest else 0
        return None if high is None or low is None else high * 1000 + low
    if "hundert" in text:
        head, _, rest = text.partition("hundert")
        high = _compound(head) if head else 1
        low = _compound(rest) if rest else 0
        return None if high is None or low is None else high * 100 + low
    if "und" in text:
        ones, _, tens = text.partition("und")
        a, b = _HEARD.get(ones), _HEARD.get(tens)
        if a is not None and b is not None and int(b) % 10 == 0 and int(b) >= 20 and int(a) < 10:
            return int(a) + int(b)
    return None


def ordinal(words: list[str]) -> int | None:
    """ "dritte" → 3, "zum dritten" → 3, "3." → 3, "zwanzigsten" → 20."""
    words = [w for w in words if w not in ("der", "die", "das", "den", "dem", "zum", "im")]
    if len(words) != 1:
        return None
    word = words[0]
    if re.fullmatch(r"\d+\.", word):
        return int(word[:-1]) or None
    if word in _EXTRA_ORDINALS:
        return int(_EXTRA_ORDINALS[word])
    stem = _ORDINAL_ENDING.sub("", word)
    if stem in _STEMS:
        return _STEMS[stem]
    for suffix in ("st", "t"):
        if stem.endswith(suffix):
            found = _compound(stem[: -len(suffix)])
            if found is not None and (found >= 20) == (suffix == "st"):
                return found
    return None


_UNITS = {
    **dict.fromkeys(("sekunde", "sekunden"), "S"),
    **dict.fromkeys(("minute", "minuten", "min"), "M"),
    **dict.fromkeys(("stunde", "stunden"), "H"),
    **dict.fromkeys(("tag", "tage", "tagen"), "D"),
}
_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400}
_FRACTIONS = {
    "anderthalb": Fraction(3, 2),
    "eineinhalb": Fraction(3, 2),
    "zweieinhalb": Fraction(5, 2),
    "dreieinhalb": Fraction(7, 2),
    "viertel": Fraction(1, 4),
    "dreiviertel": Fraction(3, 4),
}
_COLLOQUIAL = {
    "viertelstunde": 900,
    "dreiviertelstunde": 2700,
}


def duration(words: list[str]) -> str | None:
    """ "zehn minuten" → PT10M, "eine halbe stunde" → PT30M, "anderthalb stunden" → PT1H30M,
    "zwei stunden und fünfzehn minuten" → PT2H15M, "eine viertelstunde" → PT15M."""
    seconds = 0
    i, n = 0, len(words)
    seen = False
    while i < n:
        if words[i] == "und" and seen:
            i += 1
            continue
        j = i
        amount: Fraction | None = None
        if words[j] in ("ein", "eine", "einer", "einen") and j + 1 < n:
            if words[j + 1] in ("halbe", "halben") and j + 2 < n and words[j + 2] in _UNITS:
                amount, j = Fraction(1, 2), j + 2
            elif words[j + 1] in _COLLOQUIAL:
                seconds += _COLLOQUIAL[words[j + 1]]
                i, seen = j + 2, True
                continue
            elif words[j + 1] in ("viertel", "dreiviertel") and j + 2 < n:
                amount, j = _FRACTIONS[words[j + 1]], j + 2
            else:
                amount, j = Fraction(1), j + 1
        elif words[j] in _COLLOQUIAL:
            seconds += _COLLOQUIAL[words[j]]
            i, seen = j + 1, True
            continue
        elif words[j] in _FRACTIONS:
            amount, j = _FRACTIONS[words[j]], j + 1
        else:
            k = j
            while k < n and words[k] not in _UNITS:
                k += 1
            if k in (n, j):
                return None
            count = number(words[j:k])
            if count is None:
                return None
            amount, j = Fraction(count), k
        if j >= n or words[j] not in _UNITS:
            return None
        seconds_of = amount * _SECONDS[_UNITS[words[j]]]
        if seconds_of.denominator != 1:
            return None
        seconds += int(seconds_of)
        i, seen = j + 1, True
    if not seen or not seconds:
        return None
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time = "".join(f"{v}{u}" for v, u in ((hours, "H"), (minutes, "M"), (secs, "S")) if v)
    return "P" + (f"{days}D" if days else "") + ("T" + time if time else "")
