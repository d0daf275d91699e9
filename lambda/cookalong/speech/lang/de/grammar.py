"""German grammar the voice needs: number words, genders, articles and cases, durations.

The words are data (``words.json``); the rules that build on them are here: how 21 to 999 are
spelled, which gender a name has (its head noun, the last capitalised word before a tail such as
"ohne Knochen"), how a definite article and a preposition fuse ("bei dem" → "beim"), and how an
adjective before the head is declined after the article.
"""

from __future__ import annotations

import re
from datetime import timedelta
from fractions import Fraction
from functools import lru_cache

from cookalong.speech.lang import words

W = words("de")
_CARDINAL = {int(k): v for k, v in W["numbers"]["cardinal"].items()}
_ARTICLES = W["articles"]["definite"]
_PREPOSITIONS = {k: v for k, v in W["articles"]["prepositions"].items() if k != "note"}
_ONE = W["numbers"]["one_before_a_noun"]
#: Largest whole number said in words; above it, digits.
WORDS_UP_TO = 20


def cardinal(n: int) -> str:
    """Any whole number spelled ("eins", "einundzwanzig", "hundertfünfunddreißig")."""
    if n < 0:
        return "minus " + cardinal(-n)
    if n <= 20 or (n < 100 and n % 10 == 0):
        return _CARDINAL[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("ein" if ones == 1 else _CARDINAL[ones]) + "und" + _CARDINAL[tens * 10]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = ("ein" if hundreds == 1 else _CARDINAL[hundreds]) + "hundert"
        return head + (cardinal(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = ("ein" if thousands == 1 else cardinal(thousands)) + "tausend"
    return head + (cardinal(rest) if rest else "")


def whole(n: int) -> str:
    """Words up to zwanzig, digits above ("eins", "zwölf", "135")."""
    return cardinal(n) if abs(n) <= WORDS_UP_TO else str(n)


def decimal(value: Fraction) -> str:
    """ "1,35": a German decimal comma."""
    return f"{float(value):.3f}".rstrip("0").rstrip(".").replace(".", ",")


_PARTS = {
    Fraction(1, 2): "ein halb",
    Fraction(1, 4): "ein viertel",
    Fraction(3, 4): "drei viertel",
    Fraction(1, 3): "ein drittel",
    Fraction(2, 3): "zwei drittel",
    Fraction(1, 8): "ein achtel",
    Fraction(3, 8): "drei achtel",
}
_MIXED = {Fraction(1, 2): "einhalb", Fraction(1, 4): "einviertel", Fraction(3, 4): "dreiviertel"}


def number(value: Fraction | int) -> str:
    """A number said alone: "eins", "zwölf", "275", "anderthalb", "zweieinhalb", "1,35"."""
    value = Fraction(value)
    if value < 0:
        return "minus " + number(-value)
    if value.denominator == 1:
        return whole(value.numerator)
    wholes, part = divmod(value, 1)
    if not wholes:
        if part in _PARTS:
            return _PARTS[part]
        return decimal(value)
    if value == Fraction(3, 2):
        return "anderthalb"
    if part in _MIXED and wholes <= WORDS_UP_TO:
        return cardinal(int(wholes)).removesuffix("s") + _MIXED[part]
    return decimal(value)


def one(gender: str, case: str = "nom") -> str:
    """The indefinite article / the number one before a noun: ein, eine, einen, einem."""
    return _ONE.get(gender, _ONE["n"])[case]


# -- genders -----------------------------------------------------------------------------------
#: Heads of compound nouns a recipe names, by their last part (longest match wins).
_COUNTED = {noun: entry for noun, entry in W["counted_nouns"].items() if noun != "note"}
_HEADS: dict[str, str] = {
    **{unit["singular"].lower(): unit["gender"] for k, unit in W["units"].items() if k != "note"},
    **{noun.lower(): entry["gender"] for noun, entry in _COUNTED.items()},
    **{e["plural"].lower(): "pl" for noun, e in _COUNTED.items() if e["plural"] != noun},
    **W.get("genders", {}).get("heads", {}),
}
_SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    (suffix, gender) for suffix, gender in W.get("genders", {}).get("suffixes", {}).items()
)
_TAIL = re.compile(r"\s+(?:ohne|mit|in|aus|vom|von|für|zum|zur|nach)\s+.*$")


def split_name(name: str) -> tuple[list[str], str, str]:
    """ "chinesisches Fünf-Gewürze-Pulver" → (["chinesisches"], "Fünf-Gewürze-Pulver", "");
    "Schweinebauch ohne Knochen" → ([], "Schweinebauch", " ohne Knochen")."""
    match = _TAIL.search(name)
    tail = match.group(0) if match else ""
    words_ = name[: match.start()].split() if match else name.split()
    adjectives: list[str] = []
    while len(words_) > 1 and words_[0][:1].islower() and not _is_noun(words_[0]):
        adjectives.append(words_.pop(0))
    return adjectives, " ".join(words_), tail


def _is_noun(word: str) -> bool:
    """A lower-case word that is a noun all the same (an imported "hackbraten supersaftig")."""
    word = word.lower()
    return any(word.endswith(head) for head in _HEADS if len(head) > 3)


def plural(noun: str) -> str:
    """A counted noun's plural: the table's, else -e/-el/-er nouns + n ("Semmeln", "Zwiebeln")."""
    for known, entry in _COUNTED.items():
        if known.lower() == noun.lower():
            return entry["plural"] if noun[:1].isupper() else entry["plural"].lower()
    if noun.endswith(("e", "el")) or (noun.endswith("er") and gender(noun) == "f"):
        return noun + "n"
    return noun


@lru_cache(maxsize=1024)
def gender(name: str) -> str:
    """m, f, n or pl (plural) for a name, from its head noun; an adjective's strong ending
    ("braune Misopaste", "chinesisches …") decides when the head is unknown."""
    adjectives, head, _ = split_name(name)
    last = re.split(r"[-\s]", head)[-1].lower()
    best = ""
    for known in _HEADS:
        if last.endswith(known) and len(known) > len(best):
            best = known
    if best:
        return _HEADS[best]
    if adjectives:
        ending = adjectives[-1]
        if ending.endswith("es"):
            return "n"
        if ending.endswith("er"):
            return "m"
        if ending.endswith("e"):
            return "f"
    for suffix, found in _SUFFIXES:
        if last.endswith(suffix):
            return found
    return "m"


def _weak(adjective: str, gender_: str, case: str) -> str:
    """An adjective after the definite article: "die braune", "den braunen", "dem braunen"."""
    stem = re.sub(r"(es|er|en|em|e)$", "", adjective)
    if case == "nom" or (case == "acc" and gender_ in ("f", "n")):
        return stem + ("en" if gender_ == "pl" else "e")
    return stem + "en"


def with_article(name: str, case: str) -> str:
    """ "den Schweinebauch", "die braune Misopaste", "das chinesische Fünf-Gewürze-Pulver"."""
    found = gender(name)
    adjectives, head, tail = split_name(name)
    said = [_weak(a, found, case) for a in adjectives]
    if case == "dat" and found == "pl" and not head.endswith(("n", "s")):
        head += "n"
    return " ".join([_ARTICLES[found][case], *said, head]) + tail


def with_preposition(preposition: str, name: str) -> str:
    """ "beim Schweinebauch", "für die Chipotle-Aioli", "zum Schweinebauch", "fürs Backen"."""
    rule = _PREPOSITIONS[preposition]
    word = rule.get("word", preposition)
    phrase = with_article(name, rule["case"])
    article, _, rest = phrase.partition(" ")
    fused = rule.get("fused", {}).get(article)
    return f"{fused} {rest}" if fused else f"{word} {phrase}"


# -- durations ---------------------------------------------------------------------------------
_DURATION_UNITS = W["durations"]["units"]
_SIZES = (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1))


def _count(count: int, unit: str, case: str) -> str:
    entry = _DURATION_UNITS[unit]
    if count == 1:
        return f"{one(entry['gender'], case)} {entry['singular']}"
    noun = entry["dative_plural"] if case == "dat" else entry["plural"]
    return f"{whole(count)} {noun}"


def duration(d: timedelta, case: str = "nom") -> str:
    """ "zwei Stunden und 25 Minuten", "anderthalb Stunden", "eine halbe Stunde" (dative:
    "einer halben Stunde", "einer Stunde")."""
    seconds = max(0, round(d.total_seconds()))
    if seconds == 0:
        return "null Minuten"
    if seconds == 1800:
        return "einer halben Stunde" if case == "dat" else "eine halbe Stunde"
    hours, rest = divmod(seconds, 3600)
    if rest == 1800 and 0 < hours < 24:
        return f"{number(Fraction(2 * hours + 1, 2))} Stunden"
    parts = []
    for unit, size in _SIZES:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(_count(count, unit, case))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " und " + parts[-1]


def _single(seconds: int) -> tuple[int, str] | None:
    for unit, size in _SIZES:
        if seconds and seconds % size == 0:
            return seconds // size, unit
    return None


def duration_range(low: timedelta, high: timedelta) -> str:
    """ "zehn bis fünfzehn Minuten", "ein bis zwei Stunden", "anderthalb bis zwei Stunden"."""
    lo, hi = round(low.total_seconds()), round(high.total_seconds())
    if hi <= lo:
        return duration(low)
    a, b = _single(lo), _single(hi)
    if a and b and a[1] == b[1]:
        first = "ein" if a[0] == 1 else whole(a[0])
        return f"{first} bis {whole(b[0])} {_DURATION_UNITS[b[1]]['plural']}"
    if lo % 1800 == 0 and hi % 3600 == 0 and lo >= 3600:
        return f"{number(Fraction(lo, 3600))} bis {whole(hi // 3600)} Stunden"
    return f"{duration(low)} bis {duration(high)}"


def duration_adjective(d: timedelta) -> str | None:
    """A timer's length as the first part of a compound: "Zwei-Stunden", "Ein-Stunden"."""
    found = _single(round(d.total_seconds()))
    if found is None or found[1] not in ("hour", "minute"):
        return None
    count, unit = found
    if unit == "minute" and count >= 60:
        return None
    said = "Ein" if count == 1 else (cardinal(count).capitalize() if count <= 20 else str(count))
    return f"{said}-{_DURATION_UNITS[unit]['plural']}"
