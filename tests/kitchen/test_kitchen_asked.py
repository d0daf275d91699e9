"""A unit asked for once ("how many grams of pork belly"), and the densities behind it."""

from __future__ import annotations

import re
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cookalong.kitchen.amounts import Amount, format_amount, parse_amount
from cookalong.kitchen.conversions import CannotConvert, to_unit
from cookalong.kitchen.densities import density_for
from cookalong.kitchen.units import UNITS, tablespoon_ml_for
from cookalong.speech.lang.en.speak import speak_amount, speak_ingredient_amount
from tests.kitchen.speakable import UNSPEAKABLE

# ---- the examples, and each unit's rounding -------------------------------------------


@pytest.mark.parametrize(
    ("source", "unit", "ingredient", "written", "said_gb"),
    [
        # "how many grams of pork belly", "how much is that in ounces"
        ("1 ½ lb", "gram", "pork belly", "about 680 g", "about 680 grams"),
        ("1 ½ lb", "ounce", "pork belly", "24 oz", "24 ounces"),
        ("1 ½ lb", "kilogram", "pork belly", "about 0.68 kg", "about 0.68 kilograms"),
        ("3 lb", "gram", "pork belly", "about 1360 g", "about 1360 grams"),  # grams, as asked
        ("2 ¼ lb", "kilogram", "pork belly", "about 1 kg", "about one kilogram"),
        ("680 g", "pound", "pork belly", "about 1 ½ lb", "about one and a half pounds"),
        ("4 oz", "pound", None, "¼ lb", "a quarter of a pound"),
        ("1 oz", "pound", None, "1 oz", "one ounce"),  # ⅛ lb is no measure: ounces
        # "how much mayo in cups", "how many tablespoons of mayo" (with metric on)
        ("4 tbsp", "cup", "mayonnaise", "¼ cup", "a quarter of a cup"),
        ("2 tbsp", "cup", "maple syrup", "⅛ cup", "an eighth of a cup"),
        ("1 tsp", "cup", "maple syrup", "1 tsp", "one teaspoon"),  # too little for a cup
        ("4 tbsp", "tablespoon", "mayonnaise", "4 tbsp", "four tablespoons"),
        ("60 ml", "tablespoon", "mayonnaise", "4 tbsp", "four tablespoons"),
        ("1 cup", "tablespoon", "milk", "16 tbsp", "sixteen tablespoons"),
        ("1 tsp", "tablespoon", "salt", "1 tsp", "one teaspoon"),  # a third of a tablespoon
        ("1 ½ tsp", "tablespoon", "salt", "½ tbsp", "half a tablespoon"),  # asked: said so
        ("2 tbsp", "teaspoon", "salt", "6 tsp", "six teaspoons"),
        ("250 ml", "cup", "milk", "about 1 cup", "about one cup"),
        ("30 ml", "fluid_ounce", "milk", "1 fl oz", "one fluid ounce"),
        # "in millilitres": never a fraction of one; small amounts in the spoons that hold them
        ("4 tbsp", "millilitre", "mayonnaise", "60 ml", "60 millilitres"),
        ("¼ cup", "millilitre", "maple syrup", "60 ml", "60 millilitres"),
        ("2 tbsp", "millilitre", "maple syrup", "30 ml", "30 millilitres"),
        ("1 cup", "millilitre", "milk", "240 ml", "240 millilitres"),
        ("2 cups", "millilitre", "milk", "about 500 ml", "about 500 millilitres"),
        ("12.5 ml", "millilitre", "milk", "about 12 ml", "about twelve millilitres"),
        ("½ tsp", "millilitre", "salt", "½ tsp", "half a teaspoon"),  # salt in millilitres
        ("⅛ tsp", "millilitre", "sea salt", "a pinch", "a pinch"),  # 0.6 ml: a pinch
        ("2 cups", "litre", "milk", "about 0.5 l", "about half a litre"),
        ("1 cup", "litre", "milk", "0.24 l", "0.24 litres"),
        # volume to weight through the density table: always "about"
        ("1 tsp", "gram", "salt", "about 6 g", "about six grams"),
        ("1 tsp", "gram", "flaky sea salt", "about 3 g", "about three grams"),
        ("1 tsp", "gram", "sea salt", "about 5 g", "about five grams"),
        ("⅛ tsp", "gram", "sea salt", "about 0.7 g", "about 0.7 grams"),
        ("1 cup", "gram", "all-purpose flour", "about 125 g", "about 125 grams"),
        ("4 tbsp", "gram", "mayonnaise", "about 55 g", "about 55 grams"),
        ("2 tbsp", "gram", "maple syrup", "about 40 g", "about 40 grams"),
        ("1 tsp", "ounce", "salt", "about 6 g", "about six grams"),  # a fifth of an ounce
        # weight to volume
        ("227 g", "cup", "unsalted butter", "about 1 cup", "about one cup"),
        ("100 g", "tablespoon", "butter", "about 7 tbsp", "about seven tablespoons"),
        ("200 g", "cup", "sugar", "about 1 cup", "about one cup"),
        # ranges say the unit once
        ("2–3 tbsp", "millilitre", "maple syrup", "30–45 ml", "30 to 45 millilitres"),
        ("1–3 tsp", "cup", "maple syrup", "1–3 tsp", "one to three teaspoons"),
        ("3–30 g", "ounce", "salt", "3–30 g", "three to 30 grams"),  # 3 g is no ounce measure
        # lengths
        ("1 inch", "centimetre", None, "about 2.5 cm", "about two and a half centimetres"),
    ],
)
def test_an_amount_in_the_unit_asked_for(source, unit, ingredient, written, said_gb):
    # given the recipe's amount
    amount = parse_amount(source)
    # when a cook asks for it in a unit, once
    asked = to_unit(amount, unit, ingredient=ingredient)
    # then it is in that unit (or the spoon that measures it), rounded as that unit is measured
    assert asked is not None
    assert format_amount(asked) == written
    assert speak_amount(asked, locale="en-GB") == said_gb


@pytest.mark.parametrize(
    ("source", "unit", "said_au"),
    [
        ("4 tbsp", "tablespoon", "three tablespoons"),  # 60 ml: three of the 20 ml tablespoons
        ("2 tbsp", "tablespoon", "one tablespoon plus two teaspoons"),
        ("1 tbsp", "tablespoon", "three teaspoons"),  # less than an Australian tablespoon
        ("1 cup", "tablespoon", "twelve tablespoons"),
        ("2–3 tbsp", "tablespoon", "six to nine teaspoons"),  # no half tablespoon in a set
        ("1 cup", "teaspoon", "48 teaspoons"),
        ("20 ml", "millilitre", "twenty millilitres"),
    ],
)
def test_an_australian_cook_asking_for_tablespoons_hears_their_20_ml_spoon(source, unit, said_au):
    asked = to_unit(parse_amount(source), unit, ingredient="mayonnaise", tablespoon_ml=20)
    assert asked is not None
    said = speak_ingredient_amount(parse_amount(source), "mayonnaise", locale="en-AU", unit=unit)
    assert said == f"{said_au} of mayonnaise"


@pytest.mark.parametrize(
    ("amount", "unit", "ingredient"),
    [
        (parse_amount("1 small garlic clove"), "gram", "garlic"),  # counted
        (parse_amount("4 drops"), "millilitre", "liquid smoke"),
        (parse_amount("10–15"), "gram", "ice cubes"),  # a bare number
        (parse_amount("a pinch"), "gram", "salt"),  # a pinch stays a pinch
        (None, "gram", "sea salt"),  # "to taste"
        (parse_amount("1 tsp"), "gram", "kosher salt"),  # brands differ twofold
        (parse_amount("1 tsp"), "gram", "Chinese five spice"),  # no figure
        (parse_amount("1 ½ lb"), "cup", "pork belly"),
        (parse_amount("1 inch"), "cup", "ginger"),  # another dimension
        (parse_amount("2 tbsp"), "inch", "maple syrup"),
    ],
)
def test_what_cannot_be_converted_is_none(amount, unit, ingredient):
    assert to_unit(amount, unit, ingredient=ingredient) is None
    # and saying it in that unit raises the dedicated error the caller can catch
    with pytest.raises(CannotConvert):
        speak_ingredient_amount(amount, ingredient, locale="en-GB", unit=unit)


@pytest.mark.parametrize(
    ("unit", "says"), [("pinch", "not a unit"), ("furlong", "unknown unit"), ("dash", "not a unit")]
)
def test_asking_for_a_unit_that_is_not_one_is_refused(unit, says):
    with pytest.raises(ValueError, match=says):
        to_unit(parse_amount("1 tsp"), unit)


def test_a_tablespoon_is_fifteen_or_twenty_millilitres():
    with pytest.raises(ValueError, match="15 or 20 ml"):
        to_unit(parse_amount("1 tsp"), "millilitre", tablespoon_ml=16)
    with pytest.raises(ValueError, match="15 or 20 ml"):
        parse_amount("1 tsp").to_metric(tablespoon_ml=10)


def test_the_same_unit_is_the_recipe_amount_itself():
    amount = parse_amount("1 ⅓ lb")
    assert to_unit(amount, "pound") is amount
    assert to_unit(amount, "pounds") is amount  # an alias names the same unit


# ---- saying it ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "name", "unit", "locale", "phrase"),
    [
        (
            "1 ½ lb",
            "boneless pork belly",
            "gram",
            "en-GB",
            "about 680 grams of boneless pork belly",
        ),
        ("1 ½ lb", "boneless pork belly", "ounce", "en-US", "24 ounces of boneless pork belly"),
        ("4 tbsp", "mayonnaise", "cup", "en-US", "a quarter of a cup of mayonnaise"),
        ("4 tbsp", "mayonnaise", "millilitre", "en-US", "60 milliliters of mayonnaise"),
        ("4 tbsp", "mayonnaise", "tablespoon", "en-AU", "three tablespoons of mayonnaise"),
        ("4 tbsp", "mayonnaise", "tablespoon", "en-GB", "four tablespoons of mayonnaise"),
        ("1 tsp", "flaky sea salt", "gram", "en-IN", "about three grams of flaky sea salt"),
        ("⅛ tsp", "sea salt", "millilitre", "en-GB", "a pinch of sea salt"),
    ],
)
def test_an_ingredient_said_in_the_unit_asked_for(source, name, unit, locale, phrase):
    said = speak_ingredient_amount(parse_amount(source), name, locale=locale, unit=unit)
    assert said == phrase


# ---- the density table -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "per", "grams"),
    [
        # the sources' own figures come back (USDA household weights; Vrobel's sea salts)
        ("salt", "1 tsp", 6),
        ("table salt", "1 cup", 292),
        ("sea salt", "¼ cup", F("64.8")),
        ("Maldon sea salt", "¼ cup", F("33.2")),
        ("flaky sea salt", "¼ cup", F("33.2")),
        ("all-purpose flour", "1 cup", 125),
        ("plain flour", "1 cup", 125),
        ("sugar", "1 cup", 200),
        ("light brown sugar", "1 cup", 220),  # packed
        ("icing sugar", "1 cup", 120),
        ("unsalted butter", "1 cup", 227),
        ("water", "1 cup", 237),
        ("whole milk", "1 cup", 244),
        ("extra-virgin olive oil", "1 cup", 216),
        ("sesame oil", "1 cup", 218),
        ("honey", "1 cup", 339),
        ("pure maple syrup", "1 tbsp", 20),
        ("mayo", "1 tbsp", F("13.8")),
        ("jasmine rice", "1 cup", 185),
        ("brown miso", "1 cup", 275),
    ],
)
def test_the_density_table_gives_back_its_sources_figures(name, per, grams):
    amount = parse_amount(per)
    density = density_for(name)
    assert density is not None
    weight = amount.value * UNITS[amount.unit].base * density
    assert abs(weight - grams) <= F(1, 2) if per == "1 tsp" else weight == grams


@pytest.mark.parametrize(
    "name", ["kosher salt", "almond flour", "whole wheat flour", "Kewpie mayonnaise", "", None]
)
def test_an_ingredient_without_a_figure_has_no_density(name):
    assert density_for(name) is None


def test_flaky_salt_weighs_half_as_much_as_table_salt_by_the_spoon():
    flaky, table = density_for("flaky sea salt"), density_for("salt")
    assert flaky is not None and table is not None
    assert F(2, 5) < flaky / table < F(1, 2)


@pytest.mark.parametrize(
    ("locale", "ml"), [("en-AU", 20), ("en-GB", 15), ("en-IN", 15), ("en-US", 15), (None, 15)]
)
def test_each_locale_has_its_tablespoon(locale, ml):
    assert tablespoon_ml_for(locale) == ml


# ---- properties --------------------------------------------------------------------------------

VOLUMES = sorted(k for k, u in UNITS.items() if u.dimension == "volume")
WEIGHTS = sorted(k for k, u in UNITS.items() if u.dimension == "weight")
INGREDIENTS = ["salt", "flaky sea salt", "flour", "butter", "water", "honey", "mayonnaise"]
values = st.fractions(min_value=F(1, 16), max_value=F(500), max_denominator=100)


def _size(key: str) -> F:
    row = UNITS[key]
    return row.kitchen_ml if row.kitchen_ml is not None else row.base


@settings(database=None, deadline=None, max_examples=500)
@given(
    st.sampled_from(VOLUMES + WEIGHTS),
    values,
    st.sampled_from(VOLUMES + WEIGHTS),
    st.sampled_from(INGREDIENTS),
    st.sampled_from([15, 20]),
)
def test_a_converted_amount_is_close_or_about_and_never_part_of_a_millilitre(
    source, value, target, ingredient, tbsp
):
    # given any volume or weight, asked for in any volume or weight unit
    amount = Amount(value, source)
    asked = to_unit(amount, target, ingredient=ingredient, tablespoon_ml=tbsp)
    assert asked is not None  # every ingredient here has a density
    if asked.unit == "pinch" or asked is amount:  # the recipe's own amount in its own unit
        return
    same = UNITS[source].dimension == UNITS[target].dimension
    if same:  # then it is close to the exact amount, "about" exactly when rounding changed it
        exact = value * _size(source)
        got = asked.value * _size(asked.unit)
        small = F(5, 8) if UNITS[source].dimension == "volume" else F(1, 2)  # ml or g
        assert abs(got - exact) <= max(exact / 5, small), asked
        assert asked.approximate == (got != exact)
    else:  # through a density: always "about"
        assert asked.approximate
    # and no fraction of a millilitre, no odd fraction of a spoon or cup, is ever said
    if asked.unit == "millilitre":
        assert asked.value.denominator == 1
    if asked.unit in ("teaspoon", "tablespoon", "cup", "fluid_ounce"):
        assert asked.value.denominator in (1, 2, 3, 4, 8), asked
    said = speak_ingredient_amount(
        amount, ingredient, locale="en-AU" if tbsp == 20 else "en-GB", unit=target
    )
    assert not UNSPEAKABLE.search(said), said
    assert not re.search(r"\d+/\d+", said), said


@settings(database=None, deadline=None, max_examples=500)
@given(st.sampled_from(VOLUMES), values, st.sampled_from(VOLUMES))
def test_close_means_within_an_eighth_when_the_asked_unit_measures_it(source, value, target):
    # given a volume whose exact size is on the asked unit's own measures (no fallback)
    amount = Amount(value, source)
    asked = to_unit(amount, target)
    assert asked is not None
    if asked.unit != target or asked is amount:
        return  # said in a smaller measure instead, or the recipe's own: covered above
    exact = value * _size(source)
    got = asked.value * _size(asked.unit)
    # then it is within an eighth of the exact amount (or, below half a teaspoon, within a
    # sixteenth of a teaspoon: the teaspoon's eighths are the smallest spoons there are)
    assert abs(got - exact) <= max(exact / 8, F(5, 16)), asked
