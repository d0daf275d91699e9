"""The unit table: every unit a recipe may use, with how to write, say and convert it.

A small table in code rather than a unit library: a unit library costs hundreds of milliseconds
at a Lambda cold start and reads "pinch" as pico-inch. Each :class:`Unit` knows its dimension,
its size in base units (millilitres, grams, millimetres), its written abbreviation, its spoken
singular and plural in US and international spelling, and the aliases the parser accepts.
"""

from __future__ import annotations

from fractions import Fraction

from cookalong.record import Record

VOLUME = "volume"
WEIGHT = "weight"
LENGTH = "length"
INFORMAL = "informal"  # a pinch, a dash: said and scaled as counts, never converted

US = "us"
METRIC = "metric"

# Exact definitions: US customary volume from the 231 cubic-inch gallon, the avoirdupois pound.
_TEASPOON_ML = Fraction("4.92892159375")
_POUND_G = Fraction("453.59237")


class Unit(Record):
    """One row of the unit table.

    Parameters
    ----------
    key
        The canonical key stored in :class:`~cookalong.kitchen.amounts.Amount` (``"teaspoon"``).
    dimension
        ``"volume"``, ``"weight"``, ``"length"`` or ``"informal"`` (pinch, dash).
    system
        ``"us"`` or ``"metric"`` (informal units are ``"us"`` but never converted).
    base
        The exact size in base units: millilitres, grams or millimetres.
    abbreviation
        The compact written form for cards and screens (``"tsp"``).
    singular, plural
        Spoken forms in US spelling.
    singular_intl, plural_intl
        Spoken forms in international spelling (en-GB, en-AU, en-IN, en-CA), when different.
    aliases
        Extra written forms the parser accepts (case-insensitive unless in ``case_sensitive``).
    case_sensitive
        Aliases whose case carries meaning: ``"t"`` is a teaspoon, ``"T"`` a tablespoon.
    kitchen_ml
        For US volumes, the kitchen equivalence in millilitres printed on metric measuring tools
        and US nutrition labels (1 teaspoon = 5 ml, 1 tablespoon = 15 ml, 1 cup = 240 ml).
    """

    key: str
    dimension: str
    system: str
    base: Fraction
    abbreviation: str
    singular: str
    plural: str
    singular_intl: str | None = None
    plural_intl: str | None = None
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()
    kitchen_ml: Fraction | None = None

    def spoken(self, *, plural: bool, spelling: str = US) -> str:
        """Say the unit: ``"teaspoon"``, ``"millilitres"``.

        Parameters
        ----------
        plural
            Whether the number before it needs a plural ("two cups", "one and a half cups").
        spelling
            ``"us"`` (milliliters) or ``"intl"`` (millilitres); see :func:`spelling_for`.
        """
        if spelling != US:
            intl = self.plural_intl if plural else self.singular_intl
            if intl is not None:
                return intl
        return self.plural if plural else self.singular


def _u(
    key: str,
    dimension: str,
    system: str,
    base: Fraction | int | str,
    abbreviation: str,
    singular: str,
    plural: str,
    *aliases: str,
    intl: tuple[str, str] | None = None,
    case_sensitive: tuple[str, ...] = (),
    kitchen_ml: int | None = None,
) -> Unit:
    return Unit(
        key=key,
        dimension=dimension,
        system=system,
        base=Fraction(base),
        abbreviation=abbreviation,
        singular=singular,
        plural=plural,
        singular_intl=intl[0] if intl else None,
        plural_intl=intl[1] if intl else None,
        aliases=aliases,
        case_sensitive=case_sensitive,
        kitchen_ml=Fraction(kitchen_ml) if kitchen_ml is not None else None,
    )


_T = _TEASPOON_ML
_UNITS = (
    # US volume (base: millilitres, exact)
    _u("teaspoon", VOLUME, US, _T, "tsp", "teaspoon", "teaspoons",
       "tsp", "tsp.", "tsps", "tsps.", "ts", "tspn", "teaspoonful", "teaspoonfuls", "t", "t.",
       case_sensitive=("t", "t."), kitchen_ml=5),
    _u("tablespoon", VOLUME, US, 3 * _T, "tbsp", "tablespoon", "tablespoons",
       "tbsp", "tbsp.", "tbsps", "tbsps.", "tbs", "tbs.", "tbl", "tbl.", "tblsp", "tblspn",
       "tablespoonful", "tablespoonfuls", "T", "T.",
       case_sensitive=("T", "T."), kitchen_ml=15),
    _u("fluid_ounce", VOLUME, US, 6 * _T, "fl oz", "fluid ounce", "fluid ounces",
       "fl oz", "fl. oz.", "fl.oz.", "fl oz.", "fl.oz", "floz", "fl. oz", kitchen_ml=30),
    _u("cup", VOLUME, US, 48 * _T, "cup", "cup", "cups", "c", "c.", kitchen_ml=240),
    _u("pint", VOLUME, US, 96 * _T, "pt", "pint", "pints", "pt", "pt.", "pts", kitchen_ml=480),
    _u("quart", VOLUME, US, 192 * _T, "qt", "quart", "quarts", "qt", "qt.", "qts",
       kitchen_ml=960),
    _u("gallon", VOLUME, US, 768 * _T, "gal", "gallon", "gallons", "gal", "gal.", "gals",
       kitchen_ml=3840),
    # metric volume
    _u("millilitre", VOLUME, METRIC, 1, "ml", "milliliter", "milliliters",
       "ml", "ml.", "mls", "millilitre", "millilitres", "milliliter", "milliliters",
       intl=("millilitre", "millilitres")),
    _u("litre", VOLUME, METRIC, 1000, "l", "liter", "liters",
       "l", "l.", "lt", "ltr", "litre", "litres", "liter", "liters",
       intl=("litre", "litres")),
    # US weight (base: grams, exact)
    _u("ounce", WEIGHT, US, _POUND_G / 16, "oz", "ounce", "ounces", "oz", "oz.", "ozs"),
    _u("pound", WEIGHT, US, _POUND_G, "lb", "pound", "pounds", "lb", "lb.", "lbs", "lbs."),
    # metric weight
    _u("gram", WEIGHT, METRIC, 1, "g", "gram", "grams",
       "g", "g.", "gr", "gr.", "grs", "gm", "gms", "gramme", "grammes"),
    _u("kilogram", WEIGHT, METRIC, 1000, "kg", "kilogram", "kilograms",
       "kg", "kg.", "kgs", "kilo", "kilos", "kilogramme", "kilogrammes"),
    # informal: said and scaled as counts, never converted
    _u("pinch", INFORMAL, US, 0, "pinch", "pinch", "pinches"),
    _u("dash", INFORMAL, US, 0, "dash", "dash", "dashes"),
    # length (base: millimetres)
    _u("inch", LENGTH, US, Fraction("25.4"), "in", "inch", "inches", "in", "in.", '"', "″"),
    _u("centimetre", LENGTH, METRIC, 10, "cm", "centimeter", "centimeters",
       "cm", "cm.", "cms", "centimetre", "centimetres", "centimeter", "centimeters",
       intl=("centimetre", "centimetres")),
    _u("millimetre", LENGTH, METRIC, 1, "mm", "millimeter", "millimeters",
       "mm", "mm.", "millimetre", "millimetres", "millimeter", "millimeters",
       intl=("millimetre", "millimetres")),
)  # fmt: skip

#: Every unit by its canonical key.
UNITS: dict[str, Unit] = {unit.key: unit for unit in _UNITS}


def _alias_tables() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for unit in _UNITS:
        names = (unit.key, unit.abbreviation, unit.singular, unit.plural, *unit.aliases)
        names += tuple(n for n in (unit.singular_intl, unit.plural_intl) if n)
        for name in names:
            if name in unit.case_sensitive:
                exact[name] = unit.key
            else:
                folded.setdefault(name.lower(), unit.key)
    return exact, folded


_EXACT_ALIASES, _FOLDED_ALIASES = _alias_tables()
# Longest first, so "fl oz" wins over "fl" and "tbsp." over "tbsp"; ties in a fixed order.
_ALIASES_BY_LENGTH = sorted(
    {*_EXACT_ALIASES, *_FOLDED_ALIASES}, key=lambda alias: (-len(alias), alias)
)


def unit_for(name: str) -> Unit:
    """Look a unit up by key or any alias: ``"tbsp"``, ``"T"``, ``"millilitres"``.

    Parameters
    ----------
    name
        A canonical key or a written/spoken form. ``"t"`` is a teaspoon and ``"T"`` a
        tablespoon (the old cookbook convention); every other alias ignores case.

    Returns
    -------
    Unit
        The row of the unit table.

    Raises
    ------
    ValueError
        When the name is not a known unit.
    """
    key = _EXACT_ALIASES.get(name) or _FOLDED_ALIASES.get(name.strip().lower())
    if key is None:
        raise ValueError(f"unknown unit {name!r}; known units: {', '.join(UNITS)}")
    return UNITS[key]


def match_unit(text: str) -> tuple[Unit, str] | None:
    """Find the unit at the start of ``text``; return it and the rest, or ``None``.

    A unit must end at a word boundary: ``"tbsp maple"`` matches, ``"tomatoes"`` does not
    match ``"t"``.
    """
    lowered = text.lower()
    for alias in _ALIASES_BY_LENGTH:
        n = len(alias)
        if len(text) > n and (text[n].isalnum() or text[n] in "_"):
            continue
        if alias in _EXACT_ALIASES and text.startswith(alias):
            return UNITS[_EXACT_ALIASES[alias]], text[n:]
        if alias in _FOLDED_ALIASES and lowered.startswith(alias):
            return UNITS[_FOLDED_ALIASES[alias]], text[n:]
    return None


#: The tablespoon of each locale's measuring spoons, in millilitres (teaspoons are 5 ml
#: everywhere). An Australian tablespoon holds four teaspoons, everyone else's three: the
#: spoon set approved by Standards Australia is 1 tablespoon (20 ml), 1, 1/2 and 1/4 teaspoon
#: (NSW Health, healthykids.nsw.gov.au, "Conversion chart"). Amounts for a 20 ml tablespoon
#: are kept in teaspoons, which are the same everywhere, and said as Australian spoons.
TABLESPOON_ML: dict[str, int] = {"en-AU": 20}
METRIC_TABLESPOON_ML = 15


def tablespoon_ml_for(locale: str | None) -> int:
    """The millilitres of a tablespoon in a locale's kitchen: 20 in en-AU, else 15.

    Parameters
    ----------
    locale
        An Alexa locale such as ``"en-AU"`` or ``"en-GB"``.
    """
    key = (locale or "").replace("_", "-").lower()
    for name, ml in TABLESPOON_ML.items():
        if name.lower() == key:
            return ml
    return METRIC_TABLESPOON_ML


def spelling_for(locale: str | None) -> str:
    """The spelling a locale uses: ``"us"`` for en-US, ``"intl"`` (millilitres) for the rest.

    Parameters
    ----------
    locale
        An Alexa locale such as ``"en-US"``, ``"en-GB"``, ``"en-AU"``, ``"en-IN"``, ``"en-CA"``.
    """
    if not locale or locale.replace("_", "-").lower() == "en-us":
        return US
    return "intl"
