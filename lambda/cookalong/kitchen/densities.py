"""How much a spoonful or a cup of a common ingredient weighs: the only bridge between volume
and weight.

A cook who asks "how much salt in grams" needs the weight of a teaspoon of *that* salt, and
salts differ by a factor of two. So the table is small and named: an ingredient converts only
when its name, minus words that do not change the weight of a spoonful ("unsalted butter",
"light brown sugar", "extra virgin olive oil"), is one of the names below. Anything else
("almond flour", "kosher salt", "Kewpie mayonnaise") has no figure: :func:`density_for` returns
``None`` and the caller says it cannot convert, rather than guess.

Sources of the figures, as each source gives them (weight per household measure):

* USDA FoodData Central, SR Legacy household weights (fdc.nal.usda.gov): table salt 1 cup
  292 g; granulated sugar 1 cup 200 g; brown sugar 1 cup packed 220 g; powdered sugar 1 cup
  unsifted 120 g; all-purpose flour 1 cup 125 g; butter 1 cup 227 g; tap water 1 cup 237 g;
  whole milk 1 cup 244 g; olive oil 1 cup 216 g; canola and other vegetable oils 1 cup 218 g;
  honey 1 cup 339 g; maple syrup 1 tbsp 20 g; mayonnaise 1 tbsp 13.8 g; white long-grain
  rice, raw, 1 cup 185 g; lime juice 1 cup 242 g; lemon juice 1 cup 244 g; soy sauce 1 tbsp
  16 g; miso 1 cup 275 g. (A US cup is 236.6 ml: the figures are per real US measure.)
* Sea salts, weighed by Mike Vrobel, "Salt by Weight", dadcooksdinner.com (2012): ¼ cup of
  La Baleine fine sea salt 64.8 g (coarse 66.8 g), of Maldon sea salt flakes 33.2 g; of
  kosher salt 45.2 g (Diamond Crystal) or 62.0 g (Morton), which is why kosher salt has none.
"""

from __future__ import annotations

import re
from fractions import Fraction

from cookalong.kitchen.units import UNITS

# (names, grams, per how many, of which unit); grams None: no single figure exists.
_FIGURES: tuple[tuple[tuple[str, ...], str | None, str, str], ...] = (
    (("salt", "table salt", "iodized salt", "iodised salt", "cooking salt"), "292", "1", "cup"),
    (("sea salt",), "64.8", "1/4", "cup"),
    (
        (
            "flaky sea salt",
            "sea salt flakes",
            "flaky salt",
            "salt flakes",
            "maldon salt",
            "maldon sea salt",
            "maldon sea salt flakes",
        ),
        "33.2",
        "1/4",
        "cup",
    ),
    (("kosher salt", "kosher sea salt"), None, "1/4", "cup"),
    (("sugar", "granulated sugar", "white sugar"), "200", "1", "cup"),
    (("brown sugar",), "220", "1", "cup"),
    (("powdered sugar", "icing sugar", "confectioners sugar"), "120", "1", "cup"),
    (("flour", "all purpose flour", "plain flour", "white flour"), "125", "1", "cup"),
    (("butter",), "227", "1", "cup"),
    (("water",), "237", "1", "cup"),
    (("milk",), "244", "1", "cup"),
    (("olive oil",), "216", "1", "cup"),
    (
        (
            "oil",
            "vegetable oil",
            "canola oil",
            "rapeseed oil",
            "sunflower oil",
            "sesame oil",
            "toasted sesame oil",
            "peanut oil",
            "groundnut oil",
        ),
        "218",
        "1",
        "cup",
    ),
    (("honey",), "339", "1", "cup"),
    (("maple syrup",), "20", "1", "tablespoon"),
    (("mayonnaise", "mayo"), "13.8", "1", "tablespoon"),
    (("rice", "long grain rice", "jasmine rice", "basmati rice"), "185", "1", "cup"),
    (("lime juice",), "242", "1", "cup"),
    (("lemon juice",), "244", "1", "cup"),
    (("soy sauce", "soya sauce"), "16", "1", "tablespoon"),
    (("miso", "white miso", "brown miso", "red miso"), "275", "1", "cup"),
)

#: Words that say how an ingredient is bought or prepared, not how much a spoonful weighs.
NEUTRAL_WORDS = frozenset(
    (
        "unsalted",
        "salted",
        "fine",
        "finely",
        "ground",
        "granulated",
        "whole",
        "full fat",
        "semi skimmed",
        "skimmed",
        "extra virgin",
        "virgin",
        "light",
        "dark",
        "pure",
        "regular",
        "cold",
        "warm",
        "hot",
        "melted",
        "softened",
        "room temperature",
        "fresh",
        "freshly squeezed",
        "packed",
        "raw",
        "uncooked",
        "white",
        "plain",
    )
)
_NEUTRAL = re.compile(
    r"\b(?:"
    + "|".join(sorted(map(re.escape, NEUTRAL_WORDS), key=lambda word: (-len(word), word)))
    + r")\b"
)  # longest first; the order is fixed (a set's is not), so the pattern is the same every run


def _per_ml(grams: str, per: str, unit: str) -> Fraction:
    return Fraction(grams) / (Fraction(per) * UNITS[unit].base)


#: Grams per millilitre by ingredient name (``None``: no one figure), from :data:`_FIGURES`.
DENSITIES: dict[str, Fraction | None] = {
    name: (_per_ml(grams, per, unit) if grams is not None else None)
    for names, grams, per, unit in _FIGURES
    for name in names
}


def _normal(name: str) -> str:
    text = name.lower().replace("-", " ").replace("’", "'")
    text = re.sub(r"[^a-z' ]+", " ", text).replace("'", "")
    return " ".join(text.split())


def density_for(name: str | None) -> Fraction | None:
    """Grams per millilitre of an ingredient a cook names, or ``None`` when there is no figure.

    Parameters
    ----------
    name
        What the recipe or the cook calls it: ``"flaky sea salt"``, ``"unsalted butter"``,
        ``"mayo"``.

    Returns
    -------
    Fraction | None
        From the documented table (see the module notes); ``None`` for a name not in it, for
        an ingredient whose weight per spoonful depends on the brand (kosher salt), and for no
        name at all.

    Examples
    --------
    ``density_for("salt")`` → about 1.23 (a teaspoon weighs 6 g); ``density_for("Maldon sea
    salt")`` → about 0.56; ``density_for("almond flour")`` → ``None``.
    """
    if not name:
        return None
    normal = _normal(name)
    if normal in DENSITIES:
        return DENSITIES[normal]
    core = " ".join(_NEUTRAL.sub(" ", normal).split())
    return DENSITIES.get(core)


__all__ = ["DENSITIES", "NEUTRAL_WORDS", "density_for"]
