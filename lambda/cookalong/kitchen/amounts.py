"""Structured cooking amounts: parse, write, scale and convert them.

Decisions a cook will notice (each one is tested in ``tests/kitchen``):

* Amounts are exact :class:`~fractions.Fraction` values; rounding happens only when an amount
  is scaled or converted, and then to something a cook can measure.
* US spoon and cup volumes are re-expressed, after scaling, in the measures a US kitchen owns
  (1/8, 1/4, 1/2, 1 teaspoon; 1 tablespoon; 1/4, 1/3, 1/2, 2/3, 3/4, 1 cup) and roll up when
  that is more natural: 6 teaspoons are 2 tablespoons, 4 tablespoons are 1/4 cup. The grid
  (see :data:`US_VOLUME_GRID`) is: a pinch below 3/32 teaspoon; teaspoons in eighths up to
  1/2 and in quarters up to 2 3/4 (1 1/2 teaspoons stays teaspoons, never "half a
  tablespoon"); tablespoons in halves from 1 to 3 1/2 and whole from 5 to 15; cups in quarters
  and thirds from 1/4 cup. The nearest grid value wins; a tie goes to the smaller amount.
* 3/8 teaspoon is on the grid but no one owns that spoon: it is written "¼ tsp + ⅛ tsp" and
  said "a quarter of a teaspoon plus an eighth" (likewise 5/8 and 7/8 of a teaspoon).
* Counted things round to whole numbers (never below one: half of one drop is one drop);
  nouns a cook can cut (cloves, onions, lemons …, see :data:`HALVABLE`) round to halves.
* From a pound up, weights are pounds in quarters (3/4 lb … 3 lb). Below a pound a recipe in
  pounds keeps a quarter-pound value when it is within half an ounce (3/4 lb), else the
  weight is said in ounces: halves below 4 oz, whole ounces up to 16 oz (1/3 lb → 5 oz).
* Scaling a metric recipe: grams to 0.1 g below 1 g, whole grams below 100 g, the nearest 5 g
  up to 1 kg, then kilograms to 10 g. Millilitres: a pinch below 1 ml, the nearest 1.25 ml
  below 10 ml, 2.5 ml below 20 ml, 5 ml below 100 ml, 10 ml below 1 litre, then litres to
  50 ml. (A scaled metric spoonful is said in spoons once :func:`to_metric` sees it.)
* Converting for a metric kitchen (:func:`to_metric`), the cook measures small amounts with
  5 ml and 15 ml spoons, a jug above that, and weighs the rest:

  ==================  ========================================================================
  amount              said as
  ==================  ========================================================================
  below 1 ml          a pinch (⅛ teaspoon is half the smallest metric spoon, ¼ teaspoon)
  1 ml to 65 ml       metric spoons, the nearest of: teaspoons in quarters from ¼ to 2 ¾
                      (1.25 ml steps: the ¼, ½ and 1 teaspoon of a metric set), tablespoons
                      (15 ml) in halves from 1 to 4. "three quarters of a teaspoon", never
                      "3.75 millilitres"; "two tablespoons", not "30 millilitres"
  … with a 20 ml      (en-AU) the same teaspoons, then whole teaspoons from 3 to 12, which
  tablespoon          en-AU says as its tablespoons (four teaspoons) plus teaspoons: 15 ml
                      "three teaspoons", 30 ml "one tablespoon plus two teaspoons", 60 ml
                      "three tablespoons" (:mod:`~cookalong.speech.lang.en.speak`)
  above 65 ml         a jug's marks: the nearest 10 ml below 250 ml, 50 ml up to a litre,
                      then litres to 50 ml ("about 500 millilitres" for 2 cups, "1.2 litres")
  weights             whole grams below 100 g, the nearest 5 g below 1 kg, then kilograms to
                      50 g: 1 ½ lb "about 680 grams", 2 ¼ lb "about one kilogram" (never
                      "1.02 kilograms"), 3 lb "about 1.35 kilograms"
  ==================  ========================================================================

  The nearest measure wins, a tie goes to the smaller one. A jug's marks are within an
  eighth (at worst 25 ml of 275 ml), weights within half a gram below 100 g and 2.5 % above,
  spoons within a fifth from half a teaspoon (as the US spoons are) and within 0.625 ml
  below. A metric recipe's own spoon-sized volumes (up to 60 ml) are said in spoons too; its
  larger volumes and its weights stay as written.
* US spoons and cups convert to metric by the kitchen equivalences printed on metric
  measuring tools (1 tsp = 5 ml, 1 tbsp = 15 ml, 1 cup = 240 ml, 1 fl oz = 30 ml): a US
  teaspoon *is* a metric teaspoon, "two tablespoons" stays "two tablespoons" and "½ cup" is
  "120 millilitres". Weights convert by the exact definition (1 lb = 453.59237 g). Whenever
  rounding changed the converted number the result is flagged ``approximate`` and spoken
  "about 680 grams".
* A unit asked for once ("how much salt in grams") is :func:`~cookalong.kitchen.conversions.
  to_unit`; volume and weight meet only through :mod:`~cookalong.kitchen.densities`.
* Informal units (a pinch, a dash) and counted things are never converted.
"""

from __future__ import annotations

import re
from fractions import Fraction

from cookalong.kitchen.units import (
    INFORMAL,
    METRIC,
    METRIC_TABLESPOON_ML,
    UNITS,
    US,
    VOLUME,
    WEIGHT,
    Unit,
)
from cookalong.kitchen.units import match_unit as _match_unit
from cookalong.kitchen.units import unit_for as _unit_for
from cookalong.record import Record, replace

#: Unicode vulgar fractions, both ways.
GLYPHS: dict[str, Fraction] = {
    "½": Fraction(1, 2),
    "⅓": Fraction(1, 3),
    "⅔": Fraction(2, 3),
    "¼": Fraction(1, 4),
    "¾": Fraction(3, 4),
    "⅕": Fraction(1, 5),
    "⅖": Fraction(2, 5),
    "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5),
    "⅙": Fraction(1, 6),
    "⅚": Fraction(5, 6),
    "⅐": Fraction(1, 7),
    "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8),
    "⅝": Fraction(5, 8),
    "⅞": Fraction(7, 8),
    "⅑": Fraction(1, 9),
    "⅒": Fraction(1, 10),
}
_GLYPH_FOR = {value: glyph for glyph, value in GLYPHS.items()}

#: Size words said before a noun or unit ("1 small garlic clove", "1 heaping tablespoon").
SIZES = (
    "extra-large",
    "extra large",
    "small",
    "medium",
    "large",
    "big",
    "jumbo",
    "heaping",
    "heaped",
    "rounded",
    "level",
    "scant",
    "generous",
)

#: Counted things a cook can cut in half; everything else counted rounds to whole numbers.
HALVABLE = frozenset(
    (
        "clove",
        "onion",
        "shallot",
        "lemon",
        "lime",
        "orange",
        "grapefruit",
        "avocado",
        "apple",
        "pear",
        "pepper",
        "chili",
        "chile",
        "chilli",
        "jalapeño",
        "jalapeno",
        "tomato",
        "cucumber",
        "zucchini",
        "courgette",
        "eggplant",
        "aubergine",
        "potato",
        "carrot",
        "head",
        "bunch",
        "stick",
        "can",
        "tin",
        "sheet",
        "loaf",
        "banana",
        "mango",
        "cabbage",
        "squash",
        "leek",
    )
)

_APPROX_PREFIX = re.compile(
    r"^(?:about|approx\.?|approximately|around|roughly|circa|ca\.|~|≈)\s*", re.IGNORECASE
)
_SPACE = "[ \u00a0\u2009\u202f]"
_GLYPH_CLASS = "[" + "".join(GLYPHS) + "]"
_MIXED_GLYPH = re.compile(rf"(\d+)(?:{_SPACE}*|-)({_GLYPH_CLASS})")
_MIXED_SLASH = re.compile(rf"(\d+)(?:{_SPACE}+|-)(\d+){_SPACE}*[/⁄]{_SPACE}*(\d+)")
_SLASH = re.compile(rf"(\d+){_SPACE}*[/⁄]{_SPACE}*(\d+)")
_GLYPH = re.compile(_GLYPH_CLASS)
_DECIMAL = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "zero": 0,
    "dozen": 12,
    "a dozen": 12,
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
}
_WORD = re.compile(
    r"(" + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_RANGE_SEPARATOR = re.compile(rf"{_SPACE}*(?:-|–|—|‒|to\b|or\b){_SPACE}*", re.IGNORECASE)
_PLUS = re.compile(r"\s+(?:\+|plus)\s+", re.IGNORECASE)


class Amount(Record):
    """A structured cooking amount: 1 ½ pounds, 2–3 tablespoons, 4 drops, 1 small garlic clove.

    Parameters
    ----------
    value
        The exact amount (the lower bound of a range), as a fraction: never a float.
    unit
        A key of the unit table (``"pound"``, ``"teaspoon"``, ``"gram"`` …), or ``None`` when
        the amount counts things (``noun``) or is a bare number.
    upper
        The upper bound of a range ("2 to 3 tablespoons"), else ``None``.
    noun
        What is counted when there is no unit, singular: ``"drop"``, ``"garlic clove"``.
    noun_plural
        Its plural when not regular (``None``: derived).
    size
        A size word said before the noun: ``"small"``, ``"large"``.
    approximate
        The number was rounded by a conversion: said "about 680 grams".

    Notes
    -----
    Construction normalises gently: ``int``/``str`` values become fractions, unit aliases
    become keys (``"tbsp"`` → ``"tablespoon"``). Nonsense raises :class:`ValueError`.
    """

    value: Fraction
    unit: str | None = None
    upper: Fraction | None = None
    noun: str | None = None
    noun_plural: str | None = None
    size: str | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        value = _as_fraction(self.value, "value")
        object.__setattr__(self, "value", value)
        if value <= 0:
            raise ValueError(f"an amount must be more than zero, not {value}")
        if self.upper is not None:
            upper = _as_fraction(self.upper, "upper")
            if upper <= value:
                raise ValueError(
                    f"a range must go up: {_written_number(value)} to {_written_number(upper)}"
                )
            object.__setattr__(self, "upper", upper)
        if self.unit is not None:
            object.__setattr__(self, "unit", _unit_for(self.unit).key)
            if self.noun is not None:
                raise ValueError(f"an amount has a unit or a noun, not both: {self!r}")

    # ---- convenience views -------------------------------------------------------------------

    @property
    def unit_info(self) -> Unit | None:
        """The :class:`~cookalong.kitchen.units.Unit` row, or ``None`` for counts."""
        return UNITS[self.unit] if self.unit else None

    @property
    def dimension(self) -> str:
        """``"volume"``, ``"weight"``, ``"length"``, ``"informal"`` or ``"count"``."""
        return UNITS[self.unit].dimension if self.unit else "count"

    @property
    def is_range(self) -> bool:
        """Whether this is a range such as 2–3 tablespoons."""
        return self.upper is not None

    def scaled(self, factor: Fraction | int) -> Amount:
        """Scale exactly, then round to something a cook can measure; see the module notes."""
        return scale_amount(self, factor)

    def to_metric(self, *, tablespoon_ml: int = METRIC_TABLESPOON_ML) -> Amount:
        """This amount for a metric kitchen: spoons, millilitres, grams (:func:`to_metric`)."""
        return to_metric(self, tablespoon_ml=tablespoon_ml)

    def to_us(self) -> Amount:
        """This amount in ounces/pounds, spoons/cups or inches."""
        return to_us(self)

    def __str__(self) -> str:
        return format_amount(self)


def _as_fraction(value: object, name: str) -> Fraction:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(str(value))  # 0.1 → 1/10, not the binary approximation
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except ValueError:
            raise ValueError(f"{name} must be a number, not {value!r}") from None
    raise ValueError(f"{name} must be a number, not {value!r}")


# ---- parsing ---------------------------------------------------------------------------------


def take_number(text: str) -> tuple[Fraction, str] | None:
    """Read one number at the start of ``text``; return it and the rest, or ``None``.

    Parameters
    ----------
    text
        Starts with ``1 ½``, ``1½``, ``1 1/2``, ``1-1/2``, ``3/4``, ``¾``, ``0.5``, ``a``,
        ``two`` ….

    Raises
    ------
    ValueError
        For a fraction over zero ("1/0").
    """
    if m := _MIXED_GLYPH.match(text):
        return int(m[1]) + GLYPHS[m[2]], text[m.end() :]
    if (m := _MIXED_SLASH.match(text)) and 0 < int(m[2]) < int(m[3]):
        return int(m[1]) + Fraction(int(m[2]), int(m[3])), text[m.end() :]
    if m := _SLASH.match(text):
        if int(m[2]) == 0:
            raise ValueError(f"cannot divide by zero in {m[0]!r}")
        return Fraction(int(m[1]), int(m[2])), text[m.end() :]
    if m := _GLYPH.match(text):
        return GLYPHS[m[0]], text[m.end() :]
    if m := _DECIMAL.match(text):
        return Fraction(m[0]), text[m.end() :]
    if m := _WORD.match(text):
        return Fraction(_WORD_NUMBERS[m[1].lower()]), text[m.end() :]
    return None


_QUANTITY_CHARS = re.compile(rf"[\d.,/⁄{''.join(GLYPHS)}]+(?:{_SPACE}[\d.,/⁄{''.join(GLYPHS)}]+)?")


def parse_quantity(text: str) -> Fraction:
    """Read an exact quantity written in digits: what a recipe file's ``amount.value`` holds.

    Parameters
    ----------
    text
        A whole number ``"4"``, a fraction ``"1/8"``, a mixed number ``"1 1/2"``, a decimal
        ``"2.5"``, or a unicode fraction as in a source line (``"1 ½"``, ``"⅛"``).

    Returns
    -------
    Fraction
        The exact value (zero is returned as zero: whether it is allowed is the caller's rule).

    Raises
    ------
    ValueError
        Naming the text, when it is not such a number (words and signs are not), divides by
        zero, or is a mixed number whose fraction part is not less than one (``"1 3/2"``).
    """
    cleaned = " ".join(str(text).split())
    if not _QUANTITY_CHARS.fullmatch(cleaned) or "," in cleaned:
        raise ValueError(f"{text!r} is not a number")
    mixed = _MIXED_SLASH.fullmatch(cleaned)
    if mixed and int(mixed[2]) >= int(mixed[3]) > 0:
        raise ValueError(f"the fraction part of {text!r} must be less than one")
    try:
        taken = take_number(cleaned)
    except ValueError:
        raise ValueError(f"{text!r} divides by zero") from None
    if taken is None or taken[1].strip():
        raise ValueError(f"{text!r} is not a number")
    return taken[0]


def leading_quantity(text: str) -> tuple[str, Fraction, Fraction | None] | None:
    """The quantity an ingredient line starts with, in digits: ``"1 ½ lb pork"`` → 3/2.

    Parameters
    ----------
    text
        A source line (``"2-3 tbsp miso"``, ``"⅛ teaspoon salt"``, ``"salt to taste"``).

    Returns
    -------
    tuple or None
        ``(as written, value, upper)`` (``upper`` for a range such as ``"2-3"``), or ``None``
        when the line does not start with a digit or a unicode fraction.
    """
    stripped = text.lstrip()
    if not stripped or not (stripped[0].isdigit() or stripped[0] in GLYPHS):
        return None
    try:
        first = take_number(stripped)
    except ValueError:
        return None
    if first is None:
        return None
    value, rest = first
    upper = None
    if (m := _RANGE_SEPARATOR.match(rest)) and rest[m.end() :][:1].isdigit():
        second = take_number(rest[m.end() :])
        if second is not None:
            upper, rest = second
    written = stripped[: len(stripped) - len(rest)].strip()
    return written, value, upper


def _singular(word: str) -> tuple[str, str | None]:
    """Singular of a counted noun's last word and the plural when it is irregular."""
    head, _, last = word.rpartition(" ")
    prefix = f"{head} " if head else ""
    lowered = last.lower()
    candidates = []
    if lowered.endswith("ies") and len(last) > 4:
        candidates.append(last[:-3] + "y")
    if lowered.endswith("ves"):
        candidates += [last[:-3] + "f", last[:-3] + "fe"]
    if lowered.endswith("es"):
        candidates.append(last[:-2])
    if lowered.endswith("s") and not lowered.endswith("ss"):
        candidates.append(last[:-1])
    for candidate in candidates:
        if plural_of(candidate) == last:
            return prefix + candidate, None
    if candidates:  # irregular: keep the plural as written
        return prefix + candidates[-1], word
    return word, None


def plural_of(noun: str) -> str:
    """The regular English plural of a counted noun: clove → cloves, berry → berries.

    Parameters
    ----------
    noun
        Singular; only the last word changes ("garlic clove" → "garlic cloves").
    """
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    lowered = last.lower()
    if lowered.endswith(("s", "x", "z", "ch", "sh")) or lowered in ("tomato", "potato", "mango"):
        return f"{prefix}{last}es"
    if lowered.endswith("y") and len(lowered) > 1 and lowered[-2] not in "aeiou":
        return f"{prefix}{last[:-1]}ies"
    if lowered in ("leaf", "loaf", "half"):
        return f"{prefix}{last[:-1]}ves"
    return f"{prefix}{last}s"


def parse_amount(text: str) -> Amount:
    """Read an amount as recipes write it.

    Accepts whole numbers, decimals, fractions (``3/4``, ``1⁄2``), unicode fractions (``½ ⅛``),
    mixed numbers (``1 ½``, ``1½``, ``1 1/2``, ``1-1/2``), ranges (``2-3``, ``2–3``,
    ``2 to 3``, ``2 or 3``), "a"/"an" and small number words, an optional "about", a size word,
    then a unit (``tbsp``, ``T``, ``pounds``, ``ml`` …) or a counted noun (``drops``,
    ``garlic clove``). Two amounts of one dimension joined by "+"/"plus" are added
    (``¼ tsp + ⅛ tsp``), in the smaller unit.

    Parameters
    ----------
    text
        ``"1 ½ lb"``, ``"2-3 tbsp"``, ``"10–15"``, ``"4 drops"``, ``"1 small garlic clove"``,
        ``"30 ml"``, ``"a pinch"``.

    Returns
    -------
    Amount
        Exact; a counted noun is stored singular (``"drops"`` → ``noun="drop"``).

    Raises
    ------
    ValueError
        With the text and what was expected, when it is not an amount.
    """
    if not isinstance(text, str):
        raise ValueError(f"an amount must be text, not {type(text).__name__}")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("cannot read an amount from empty text")
    parts = _PLUS.split(cleaned)
    if len(parts) > 1:
        try:
            amounts = [_parse_one(part, text) for part in parts]
        except ValueError:
            raise ValueError(
                f"cannot read {text!r}: each side of '+' must be an amount (¼ tsp + ⅛ tsp)"
            ) from None
        return _add(amounts, text)
    try:
        return _parse_one(cleaned, text)
    except ValueError as error:
        if repr(text) in str(error):
            raise
        raise ValueError(f"cannot read {text!r}: {error}") from None


def _parse_one(cleaned: str, original: str) -> Amount:
    approximate = False
    if m := _APPROX_PREFIX.match(cleaned):
        approximate = True
        cleaned = cleaned[m.end() :]
    first = take_number(cleaned)
    if first is None:
        unit_only = _match_unit(cleaned)
        if unit_only and unit_only[0].dimension == INFORMAL and not unit_only[1].strip():
            return Amount(Fraction(1), unit_only[0].key)  # "pinch", "dash"
        raise ValueError(
            f"cannot read an amount from {original!r}: it should start with a number "
            "such as 2, 1 ½, 3/4, 0.5 or 'a'"
        )
    value, rest = first
    upper = None
    if m := _RANGE_SEPARATOR.match(rest):
        second = take_number(rest[m.end() :])
        if second is None:
            raise ValueError(f"cannot read the end of the range in {original!r}")
        upper, rest = second
        if upper <= value:
            raise ValueError(f"a range must go up, but {original!r} goes from high to low")
    rest = rest.strip()
    if rest.lower().startswith("of "):
        rest = rest[3:]
    size = None
    for word in SIZES:
        if rest.lower().startswith(word) and (len(rest) == len(word) or rest[len(word)] == " "):
            size, rest = word, rest[len(word) :].strip()
            break
    unit = None
    noun = noun_plural = None
    if rest:
        found = _match_unit(rest)
        if found:
            unit_row, after = found
            after = after.strip()
            if after.lower() in ("", "of"):
                unit = unit_row.key
            else:
                raise ValueError(
                    f"cannot read {original!r}: unexpected {after!r} after the unit "
                    f"{unit_row.singular!r}"
                )
        else:
            if rest.lower().endswith(" of"):
                rest = rest[:-3]
            if not re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", rest):
                raise ValueError(
                    f"cannot read {original!r}: {rest!r} is neither a unit "
                    "(tsp, tbsp, cup, lb, g, ml …) nor a thing to count (drops, cloves …)"
                )
            noun, noun_plural = (
                _singular(rest)
                if (upper or value) > 1 or rest.lower().endswith("s")
                else (rest, None)
            )
    if value == 0:
        raise ValueError(f"cannot read {original!r}: an amount must be more than zero")
    return Amount(value, unit, upper, noun, noun_plural, size, approximate)


def _add(amounts: list[Amount], original: str) -> Amount:
    first = amounts[0]
    if (
        any(a.is_range or a.unit is None or a.dimension in (INFORMAL,) for a in amounts)
        or len({a.dimension for a in amounts}) != 1
    ):
        raise ValueError(f"cannot add up {original!r}: only like measures add (¼ tsp + ⅛ tsp)")
    smallest = min((UNITS[a.unit] for a in amounts), key=lambda u: u.base)
    total = sum((a.value * UNITS[a.unit].base for a in amounts), Fraction(0))
    return replace(first, value=total / smallest.base, unit=smallest.key)


# ---- writing ---------------------------------------------------------------------------------


def _written_number(value: Fraction, *, decimal: bool = False) -> str:
    """``1 ½``, ``⅛``, ``3``, ``1 5/16``; ``2.5`` / ``1.36`` when ``decimal``."""
    if value.denominator == 1:
        return str(value.numerator)
    if decimal:
        text = f"{float(value):.3f}".rstrip("0").rstrip(".")
        return text
    whole, part = divmod(value, 1)
    glyph = _GLYPH_FOR.get(part) or f"{part.numerator}/{part.denominator}"
    return f"{whole} {glyph}" if whole else glyph


def _splits(value: Fraction) -> tuple[Fraction, Fraction] | None:
    """3/8 → (1/4, 1/8): the odd eighths of a teaspoon, which no one owns a spoon for."""
    whole, part = divmod(value, 1)
    if part.denominator == 8 and part.numerator > 1:
        return whole + part - Fraction(1, 8), Fraction(1, 8)
    return None


def format_amount(amount: Amount) -> str:
    """The compact written form for cards and screens.

    Parameters
    ----------
    amount
        Any amount.

    Returns
    -------
    str
        ``"1 ½ lb"``, ``"⅛ tsp"``, ``"2–3 tbsp"``, ``"4 drops"``, ``"1 small garlic clove"``,
        ``"about 680 g"``, ``"2.5 ml"``, ``"a pinch"``, ``"¼ tsp + ⅛ tsp"``. Metric values are
        written as decimals; :func:`parse_amount` reads every form back.
    """
    unit = amount.unit_info
    decimal = unit is not None and unit.system == METRIC
    about = "about " if amount.approximate else ""
    size = f"{amount.size} " if amount.size else ""
    top = amount.upper if amount.upper is not None else amount.value
    if unit is not None and unit.key == "teaspoon" and amount.upper is None:
        split = _splits(amount.value)
        if split:
            return f"{about}{_written_number(split[0])} tsp + ⅛ tsp"
    number = _written_number(amount.value, decimal=decimal)
    if amount.upper is not None:
        number += "–" + _written_number(amount.upper, decimal=decimal)
    if unit is not None:
        if unit.dimension == INFORMAL:
            word = unit.singular if top == 1 else unit.plural
            count = "a" if amount.value == 1 and amount.upper is None else number
            return f"{about}{count} {size}{word}"
        return f"{about}{number} {size}{unit.abbreviation}"
    if amount.noun:
        noun = amount.noun if top <= 1 else (amount.noun_plural or plural_of(amount.noun))
        return f"{about}{number} {size}{noun}"
    return f"{about}{number}{' ' + size.strip() if size else ''}"


# ---- measuring grids -------------------------------------------------------------------------


def _grid() -> tuple[tuple[Fraction, str, Fraction], ...]:
    """(teaspoons, unit, value) for every US volume a cook can measure, up to one cup."""
    rows: list[tuple[Fraction, str, Fraction]] = []
    for eighths in (1, 2, 3, 4):
        rows.append((Fraction(eighths, 8), "teaspoon", Fraction(eighths, 8)))
    for quarters in range(3, 12):  # 3/4 … 2 3/4 teaspoons
        rows.append((Fraction(quarters, 4), "teaspoon", Fraction(quarters, 4)))
    for halves in range(2, 8):  # 1 … 3 1/2 tablespoons
        rows.append((Fraction(3 * halves, 2), "tablespoon", Fraction(halves, 2)))
    cup_values = {Fraction(q, 4) for q in (1, 2, 3, 4)} | {Fraction(t, 3) for t in (1, 2)}
    for cups in cup_values:
        rows.append((48 * cups, "cup", cups))
    for tablespoons in range(5, 16):
        tsp = Fraction(3 * tablespoons)
        if all(tsp != row[0] for row in rows):
            rows.append((tsp, "tablespoon", Fraction(tablespoons)))
    return tuple(sorted(rows))


#: Every US volume a cook can measure up to one cup: (teaspoons, unit key, value).
US_VOLUME_GRID = _grid()
_PINCH_BELOW_TSP = Fraction(3, 32)


def _nearest(value: Fraction, step: Fraction) -> Fraction:
    """Round to the nearest multiple of ``step``; a tie goes down."""
    q, r = divmod(value, step)
    return (q + 1) * step if r > step / 2 else q * step


def _measure_us_volume(tsp: Fraction) -> tuple[Fraction, str]:
    """A measurable US volume (value, unit) nearest to ``tsp`` teaspoons."""
    if tsp < _PINCH_BELOW_TSP:
        return Fraction(1), "pinch"
    if tsp <= 48:
        best = min(US_VOLUME_GRID, key=lambda row: (abs(row[0] - tsp), row[0]))
        return best[2], best[1]
    cups = tsp / 48
    by_quarter, by_third = _nearest(cups, Fraction(1, 4)), _nearest(cups, Fraction(1, 3))
    best = min((by_quarter, by_third), key=lambda c: (abs(c - cups), c.denominator != 4))
    return best, "cup"


def _measure_us_weight(grams: Fraction, prefer_pounds: bool) -> tuple[Fraction, str]:
    ounces = grams / UNITS["ounce"].base
    pounds = max(_nearest(ounces / 16, Fraction(1, 4)), Fraction(1, 4))
    if ounces >= 16 or (prefer_pounds and abs(pounds * 16 - ounces) <= Fraction(1, 2)):
        return pounds, "pound"
    if ounces < 4:
        return max(_nearest(ounces, Fraction(1, 2)), Fraction(1, 2)), "ounce"
    whole = _nearest(ounces, Fraction(1))
    return (whole / 16, "pound") if whole % 4 == 0 and whole >= 16 else (whole, "ounce")


def _measure_grams(grams: Fraction) -> tuple[Fraction, str]:
    if grams < 1:
        return max(_nearest(grams, Fraction(1, 10)), Fraction(1, 10)), "gram"
    if grams < 100:
        return _nearest(grams, Fraction(1)), "gram"
    if grams < 1000:
        rounded = _nearest(grams, Fraction(5))
        if rounded < 1000:
            return rounded, "gram"
    return _nearest(grams, Fraction(10)) / 1000, "kilogram"


def _measure_ml(ml: Fraction) -> tuple[Fraction, str]:
    if ml < 1:
        return Fraction(1), "pinch"
    for limit, step in ((10, Fraction(5, 4)), (20, Fraction(5, 2)), (100, 5), (1000, 10)):
        if ml < limit:
            return _nearest(ml, Fraction(step)), "millilitre"
    return _nearest(ml, Fraction(50)) / 1000, "litre"


#: Up to this many millilitres (4 tablespoons) a metric cook measures with spoons; above it,
#: with a jug (an amount a jug would call 60 ml, up to 65 ml, is spoons too).
SPOON_LIMIT_ML = 60


def _metric_spoons(tablespoon_ml: int) -> tuple[tuple[Fraction, str, Fraction], ...]:
    """(millilitres, unit key, value) of every spoon measure up to :data:`SPOON_LIMIT_ML`."""
    rows = [(Fraction(5 * q, 4), "teaspoon", Fraction(q, 4)) for q in range(1, 12)]  # ¼ … 2¾
    if tablespoon_ml == METRIC_TABLESPOON_ML:
        rows += [(Fraction(15 * h, 2), "tablespoon", Fraction(h, 2)) for h in range(2, 9)]
    else:  # whole teaspoons, 3 … 12: said as 20 ml tablespoons plus teaspoons
        rows += [(Fraction(5 * n), "teaspoon", Fraction(n)) for n in range(3, 13)]
    return tuple(rows)


#: The metric spoon measures by the size of the tablespoon (15 ml; 20 ml in Australia).
METRIC_SPOONS = {15: _metric_spoons(15), 20: _metric_spoons(20)}


def _kitchen_ml(key: str) -> Fraction:
    """Millilitres of a volume unit by the kitchen equivalence (1 teaspoon = 5 ml)."""
    unit = UNITS[key]
    return unit.kitchen_ml if unit.kitchen_ml is not None else unit.base


def _metric_spoon(ml: Fraction, tablespoon_ml: int) -> tuple[Fraction, str]:
    """The metric spoon measure nearest to ``ml`` millilitres (a tie: the smaller)."""
    best = min(METRIC_SPOONS[tablespoon_ml], key=lambda row: (abs(row[0] - ml), row[0]))
    return best[2], best[1]


def _measure_metric_volume(ml: Fraction, tablespoon_ml: int) -> tuple[Fraction, str]:
    """What a metric cook measures for ``ml`` millilitres: spoons, else a jug's marks."""
    if ml < 1:
        return Fraction(1), "pinch"
    if ml < 250:
        jug = _nearest(ml, Fraction(10))
        if jug <= SPOON_LIMIT_ML:  # 63 ml is "about 60 ml", which is four tablespoons
            return _metric_spoon(ml, tablespoon_ml)
        return jug, "millilitre"
    rounded = _nearest(ml, Fraction(50))
    if rounded < 1000:
        return rounded, "millilitre"
    return rounded / 1000, "litre"


def _measure_metric_weight(grams: Fraction) -> tuple[Fraction, str]:
    """What a kitchen scale shows, said as a cook says it: kilograms to 50 g from 1 kg."""
    if grams < 1000:
        value, key = _measure_grams(grams)
        if key == "gram":
            return value, key
    return _nearest(grams, Fraction(50)) / 1000, "kilogram"


def _measure_length(mm: Fraction, system: str) -> tuple[Fraction, str]:
    if system == METRIC:
        if mm < 10:
            return max(_nearest(mm, Fraction(1)), Fraction(1)), "millimetre"
        return _nearest(mm / 10, Fraction(1, 2)), "centimetre"
    return max(_nearest(mm / UNITS["inch"].base, Fraction(1, 4)), Fraction(1, 4)), "inch"


def _round_count(value: Fraction, noun: str | None) -> Fraction:
    last = (noun or "").rsplit(" ", 1)[-1].lower()
    step = Fraction(1, 2) if last in HALVABLE else Fraction(1)
    return max(_nearest(value, step), step)


def _measured(amount: Amount, bound: Fraction, prefer_pounds: bool) -> tuple[Fraction, str | None]:
    """Round one bound of a scaled amount to a measurable (value, unit)."""
    unit = amount.unit_info
    if unit is None or unit.dimension == INFORMAL:
        return _round_count(bound, amount.noun), amount.unit
    base = bound * unit.base
    if unit.dimension == VOLUME:
        if unit.system == US:
            return _measure_us_volume(base / UNITS["teaspoon"].base)
        return _measure_ml(base)
    if unit.dimension == WEIGHT:
        if unit.system == US:
            return _measure_us_weight(base, prefer_pounds)
        return _measure_grams(base)
    return _measure_length(base, unit.system)


_Measured = tuple[Fraction, str | None]


def _rebuild(amount: Amount, lo: _Measured, hi: _Measured | None, **changes: bool) -> Amount:
    """An amount from measured bounds; a range whose ends meet collapses to one value.

    When the ends landed in different units ("2 tbsp to ¼ cup") both are said in the smaller
    unit ("2 to 4 tablespoons") unless that needs an awkward fraction (then the larger one).
    """
    value, unit = lo
    upper = None
    if hi is not None:
        hi_value, hi_unit = hi
        if hi_unit != unit and unit is not None and hi_unit is not None:
            if UNITS[unit].dimension == INFORMAL or UNITS[hi_unit].dimension == INFORMAL:
                value, unit = hi_value, hi_unit  # "a pinch to ⅛ tsp": keep what can be measured
            else:
                small, big = sorted((unit, hi_unit), key=lambda k: UNITS[k].base)
                ratio = UNITS[big].base / UNITS[small].base
                in_small = (
                    (value * ratio if unit == big else value),
                    (hi_value * ratio if hi_unit == big else hi_value),
                )
                if all(v.denominator <= 4 for v in in_small):
                    (value, hi_value), unit = in_small, small
                else:
                    (value, hi_value), unit = (
                        (
                            (value / ratio if unit == small else value),
                            (hi_value / ratio if hi_unit == small else hi_value),
                        ),
                        big,
                    )
        if hi_value > value:
            upper = hi_value
    return replace(amount, value=value, unit=unit, upper=upper, **changes)


def scale_amount(amount: Amount, factor: Fraction | int) -> Amount:
    """Scale an amount exactly, then round it to something a cook can measure.

    Parameters
    ----------
    amount
        The recipe's amount.
    factor
        How many times the recipe: ``Fraction(2)`` doubles, ``Fraction(1, 2)`` halves.

    Returns
    -------
    Amount
        The amount itself for a factor of one; else see the module notes for the rounding.

    Raises
    ------
    ValueError
        When the factor is not a positive number.

    Examples
    --------
    ``2 tbsp × 2`` → ``¼ cup``; ``1 tsp × 6`` → ``2 tbsp``; ``⅛ tsp × ½`` → a pinch;
    ``1 small garlic clove × ½`` → ``½ small garlic clove``; ``4 drops × ½`` → ``2 drops``.
    """
    factor = _as_fraction(factor, "factor")
    if factor <= 0:
        raise ValueError(f"a recipe can only be scaled by a positive factor, not {factor}")
    if factor == 1:
        return amount
    prefer_pounds = amount.unit == "pound"
    lo = _measured(amount, amount.value * factor, prefer_pounds)
    hi = None
    if amount.upper is not None:
        hi = _measured(amount, amount.upper * factor, prefer_pounds)
    return _rebuild(amount, lo, hi)


def _convert(amount: Amount, target: str, tablespoon_ml: int = METRIC_TABLESPOON_ML) -> Amount:
    unit = amount.unit_info
    if unit is None or unit.dimension == INFORMAL:
        return amount
    if target == METRIC and unit.dimension == VOLUME:
        return _to_metric_volume(amount, tablespoon_ml)
    if unit.system == target:
        return amount

    def one(bound: Fraction) -> tuple[Fraction, str, bool]:
        if unit.dimension == VOLUME:  # to US spoons and cups
            exact = bound * unit.base / 5  # teaspoons by the kitchen equivalence 1 tsp = 5 ml
            value, key = _measure_us_volume(exact)
            return value, key, key != "pinch" and value * UNITS[key].kitchen_ml != exact * 5
        exact = bound * unit.base
        if unit.dimension == WEIGHT:
            value, key = (
                _measure_metric_weight(exact)
                if target == METRIC
                else _measure_us_weight(exact, False)
            )
        else:
            value, key = _measure_length(exact, target)
        return value, key, key != "pinch" and value * UNITS[key].base != exact

    lo_value, lo_key, lo_about = one(amount.value)
    hi = None
    hi_about = False
    if amount.upper is not None:
        hi_value, hi_key, hi_about = one(amount.upper)
        hi = (hi_value, hi_key)
    return _rebuild(
        amount, (lo_value, lo_key), hi, approximate=amount.approximate or lo_about or hi_about
    )


def _to_metric_volume(amount: Amount, tablespoon_ml: int) -> Amount:
    """A volume in metric spoons, millilitres or litres; see the module notes."""
    size = _kitchen_ml(amount.unit)
    bounds = [amount.value * size] + ([amount.upper * size] if amount.upper is not None else [])
    if amount.unit in ("millilitre", "litre") and bounds[-1] > SPOON_LIMIT_ML:
        return amount  # a jug amount the recipe wrote in millilitres stays as written
    measured = [_measure_metric_volume(ml, tablespoon_ml) for ml in bounds]
    about = amount.approximate or any(
        key != "pinch" and value * _kitchen_ml(key) != ml
        for (value, key), ml in zip(measured, bounds, strict=True)
    )
    return _rebuild(amount, *_one_metric_unit(measured, bounds, tablespoon_ml), approximate=about)


_SPOONS = frozenset(("teaspoon", "tablespoon"))


def _one_metric_unit(
    measured: list[_Measured], bounds: list[Fraction], tablespoon_ml: int
) -> tuple[_Measured, _Measured | None]:
    """The ends of a metric range (``bounds`` in millilitres) in a unit said once.

    Spoons meeting millilitres become spoons when both ends measure spoon-sized, else
    millilitres (to 5 ml): "half to six teaspoons", "45 to 90 millilitres".
    """
    if len(measured) == 1:
        return measured[0], None
    keys = {key for _, key in measured}
    if keys & {"millilitre", "litre"} and keys & _SPOONS:
        if all(value * _kitchen_ml(key) <= SPOON_LIMIT_ML for value, key in measured):
            measured = [
                (value, key) if key in _SPOONS else _metric_spoon(ml, tablespoon_ml)
                for (value, key), ml in zip(measured, bounds, strict=True)
            ]
        else:
            measured = [
                (value, key)
                if key in ("millilitre", "litre")
                else (max(_nearest(ml, Fraction(5)), Fraction(5)), "millilitre")
                for (value, key), ml in zip(measured, bounds, strict=True)
            ]
    return measured[0], measured[1]


def to_metric(amount: Amount, *, tablespoon_ml: int = METRIC_TABLESPOON_ML) -> Amount:
    """Convert for a metric kitchen: metric spoons, millilitres, grams, centimetres.

    Parameters
    ----------
    amount
        Any amount; metric weights and lengths, metric volumes above a spoonful, counted
        things and pinches come back unchanged.
    tablespoon_ml
        The cook's tablespoon: 15 ml, or 20 ml in Australia
        (:func:`~cookalong.kitchen.units.tablespoon_ml_for`).

    Returns
    -------
    Amount
        ``1 ½ lb`` → ``about 680 g`` (``approximate=True``); ``2 tbsp`` → ``2 tbsp`` (30 ml, in
        the spoon a metric cook owns; for a 20 ml tablespoon ``6 tsp``, which en-AU says "one
        tablespoon plus two teaspoons"); ``¾ tsp`` → ``¾ tsp``; ``⅛ tsp`` → a pinch;
        ``½ cup`` → ``120 ml``; ``2 ¼ lb`` → ``about 1 kg``. See the module notes.

    Raises
    ------
    ValueError
        For a tablespoon of neither 15 nor 20 ml.
    """
    if tablespoon_ml not in METRIC_SPOONS:
        raise ValueError(f"a tablespoon holds 15 or 20 ml, not {tablespoon_ml}")
    return _convert(amount, METRIC, tablespoon_ml)


def to_us(amount: Amount) -> Amount:
    """Convert a metric amount to ounces/pounds, spoons/cups or inches, rounded for a cook.

    Parameters
    ----------
    amount
        Any amount; US amounts, counted things and pinches come back unchanged.

    Returns
    -------
    Amount
        ``680 g`` → ``about 1 ½ lb``; ``30 ml`` → ``2 tbsp`` (by the kitchen equivalence
        1 tsp = 5 ml, so not "about"); ``100 ml`` (6 ⅔ tbsp) → ``about 7 tbsp``, the nearest
        measurable volume; ``250 ml`` → ``about 1 cup``.
    """
    return _convert(amount, US)


__all__ = [
    "GLYPHS",
    "HALVABLE",
    "METRIC_SPOONS",
    "SIZES",
    "SPOON_LIMIT_ML",
    "US_VOLUME_GRID",
    "Amount",
    "format_amount",
    "leading_quantity",
    "parse_amount",
    "parse_quantity",
    "plural_of",
    "scale_amount",
    "take_number",
    "to_metric",
    "to_us",
]
