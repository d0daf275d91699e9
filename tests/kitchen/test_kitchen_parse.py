"""Reading amounts as recipes write them, writing them back, and refusing nonsense clearly."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import GLYPHS, Amount, format_amount, parse_amount
from cookalong.kitchen.units import UNITS, match_unit, spelling_for, unit_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 ½ lb", Amount(F(3, 2), "pound")),
        ("1½ lb", Amount(F(3, 2), "pound")),
        ("1\u00a0½ lb", Amount(F(3, 2), "pound")),  # a no-break space, as web pages have
        ("1 1/2 pounds", Amount(F(3, 2), "pound")),
        ("1-1/2 cups", Amount(F(3, 2), "cup")),  # the old US way of writing 1 ½
        ("1 1⁄2 cups", Amount(F(3, 2), "cup")),  # U+2044 fraction slash
        ("½ teaspoon", Amount(F(1, 2), "teaspoon")),
        ("⅛ tsp", Amount(F(1, 8), "teaspoon")),
        ("2-3 tbsp", Amount(F(2), "tablespoon", upper=F(3))),
        ("2 - 3 Tbsp", Amount(F(2), "tablespoon", upper=F(3))),
        ("2–3 tbsp", Amount(F(2), "tablespoon", upper=F(3))),
        ("2 to 3 tablespoons", Amount(F(2), "tablespoon", upper=F(3))),
        ("2 or 3 tablespoons", Amount(F(2), "tablespoon", upper=F(3))),
        ("½-1 tsp", Amount(F(1, 2), "teaspoon", upper=F(1))),
        ("1/2 - 3/4 cup", Amount(F(1, 2), "cup", upper=F(3, 4))),
        ("10–15", Amount(F(10), upper=F(15))),
        ("4 drops", Amount(F(4), noun="drop")),
        ("1 drop", Amount(F(1), noun="drop")),
        ("1 small garlic clove", Amount(F(1), noun="garlic clove", size="small")),
        ("2 large garlic cloves", Amount(F(2), noun="garlic clove", size="large")),
        ("3 eggs", Amount(F(3), noun="egg")),
        ("2 cherries", Amount(F(2), noun="cherry")),
        ("2 bay leaves", Amount(F(2), noun="bay leaf")),
        ("3 tomatoes", Amount(F(3), noun="tomato")),
        ("2 limes", Amount(F(2), noun="lime")),
        ("3/4 cup", Amount(F(3, 4), "cup")),
        ("30 ml", Amount(F(30), "millilitre")),
        ("30 mL", Amount(F(30), "millilitre")),
        ("2.5 ml", Amount(F(5, 2), "millilitre")),
        ("680 g", Amount(F(680), "gram")),
        ("680g", Amount(F(680), "gram")),
        ("1.36 kg", Amount(F(34, 25), "kilogram")),
        ("a pinch", Amount(F(1), "pinch")),
        ("pinch", Amount(F(1), "pinch")),
        ("a dash", Amount(F(1), "dash")),
        ("2 pinches", Amount(F(2), "pinch")),
        ("1 T", Amount(F(1), "tablespoon")),  # capital T: tablespoon
        ("1 t", Amount(F(1), "teaspoon")),  # small t: teaspoon
        ("1 tbs", Amount(F(1), "tablespoon")),
        ("1 c.", Amount(F(1), "cup")),
        ("8 fl oz", Amount(F(8), "fluid_ounce")),
        ("8 fl. oz.", Amount(F(8), "fluid_ounce")),
        ("12 oz", Amount(F(12), "ounce")),
        ("2 lbs", Amount(F(2), "pound")),
        ("1 l", Amount(F(1), "litre")),
        ("1 liter", Amount(F(1), "litre")),
        ("1 litre", Amount(F(1), "litre")),
        ("2 inches", Amount(F(2), "inch")),
        ("5 cm", Amount(F(5), "centimetre")),
        ("one cup", Amount(F(1), "cup")),
        ("two tablespoons", Amount(F(2), "tablespoon")),
        ("a cup of", Amount(F(1), "cup")),
        ("1 heaping tablespoon", Amount(F(1), "tablespoon", size="heaping")),
        ("about 680 g", Amount(F(680), "gram", approximate=True)),
        ("~30 ml", Amount(F(30), "millilitre", approximate=True)),
        ("¼ tsp + ⅛ tsp", Amount(F(3, 8), "teaspoon")),
        ("1 cup plus 2 tablespoons", Amount(F(18), "tablespoon")),
        ("  2   TBSP  ", Amount(F(2), "tablespoon")),
        ("1 1/2", Amount(F(3, 2))),
    ],
)
def test_amounts_are_read_as_recipes_write_them(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(("glyph", "value"), sorted(GLYPHS.items(), key=lambda kv: kv[1]))
def test_every_unicode_fraction_is_read_alone_and_in_a_mixed_number(glyph, value):
    assert parse_amount(f"{glyph} cup") == Amount(value, "cup")
    assert parse_amount(f"2{glyph} cups") == Amount(2 + value, "cup")
    assert parse_amount(f"2 {glyph} cups") == Amount(2 + value, "cup")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "should start with a number"),
        ("salt to taste", "should start with a number"),
        ("tablespoon", "should start with a number"),
        ("1/0 cup", "divide by zero"),
        ("0 cups", "more than zero"),
        ("0", "more than zero"),
        ("3-2 cups", "must go up"),
        ("2 to 2 cups", "must go up"),
        ("2 to", "end of the range"),
        ("2 - cups", "end of the range"),
        ("2 tbsp brown miso", "unexpected 'brown miso' after the unit"),
        ("2 cups 3", "unexpected '3' after the unit 'cup'"),
        ("2 %", "neither a unit"),
        ("¼ tsp + salt", "each side of .+. must be an amount"),
        ("1 cup + 2 drops", "only like measures add"),
        ("1 cup + 2 oz", "only like measures add"),
    ],
)
def test_nonsense_is_refused_with_a_message_that_says_what_is_wrong(text, says):
    with pytest.raises(ValueError, match=says) as raised:
        parse_amount(text)
    if text.strip():  # the cook's (or the recipe author's) own text is quoted back
        assert repr(text) in str(raised.value)


def test_a_non_string_is_refused_clearly():
    with pytest.raises(ValueError, match="must be text"):
        parse_amount(2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (Amount(F(3, 2), "pound"), "1 ½ lb"),
        (Amount(F(1, 8), "teaspoon"), "⅛ tsp"),
        (Amount(F(2), "tablespoon", upper=F(3)), "2–3 tbsp"),
        (Amount(F(4), noun="drop"), "4 drops"),
        (Amount(F(1), noun="drop"), "1 drop"),
        (Amount(F(1), noun="garlic clove", size="small"), "1 small garlic clove"),
        (Amount(F(1, 2), noun="garlic clove", size="small"), "½ small garlic clove"),
        (Amount(F(3), noun="bay leaf"), "3 bay leaves"),
        (Amount(F(680), "gram", approximate=True), "about 680 g"),
        (Amount(F(5, 2), "millilitre"), "2.5 ml"),
        (Amount(F(5, 4), "millilitre"), "1.25 ml"),
        (Amount(F(1), "pinch"), "a pinch"),
        (Amount(F(2), "pinch"), "2 pinches"),
        (Amount(F(3, 8), "teaspoon"), "¼ tsp + ⅛ tsp"),
        (Amount(F(11, 8), "teaspoon"), "1 ¼ tsp + ⅛ tsp"),
        (Amount(F(5, 16), "cup"), "5/16 cup"),
        (Amount(F(21, 16), "cup"), "1 5/16 cup"),
        (Amount(F(10), upper=F(15)), "10–15"),
        (Amount(F(8), "fluid_ounce"), "8 fl oz"),
    ],
)
def test_amounts_are_written_compactly_and_read_back(amount, written):
    assert format_amount(amount) == written
    assert str(amount) == written
    assert parse_amount(written) == amount


def test_an_irregular_plural_is_written_as_given():
    assert format_amount(Amount(F(2), noun="sprig of thyme", noun_plural="sprigs of thyme")) == (
        "2 sprigs of thyme"
    )


def test_construction_normalises_aliases_and_numbers():
    assert Amount(2, "tbsp") == Amount(F(2), "tablespoon")
    assert Amount("1.5", "lb") == Amount(F(3, 2), "pound")
    assert Amount(0.1, "kg").value == F(1, 10)


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"value": 0}, "more than zero"),
        ({"value": -1, "unit": "cup"}, "more than zero"),
        ({"value": 2, "upper": 1}, "must go up"),
        ({"value": 1, "unit": "furlong"}, "unknown unit 'furlong'"),
        ({"value": 1, "unit": "cup", "noun": "drop"}, "a unit or a noun"),
        ({"value": "lots"}, "must be a number"),
        ({"value": True}, "must be a number"),
        ({"value": None}, "must be a number"),
    ],
)
def test_bad_amounts_are_refused_at_construction(kwargs, says):
    with pytest.raises(ValueError, match=says):
        Amount(**kwargs)


# ---- the unit table ---------------------------------------------------------------------------


def test_every_unit_is_found_by_its_key_abbreviation_and_spoken_names():
    for key, unit in UNITS.items():
        assert unit_for(key) is unit
        assert unit_for(unit.abbreviation) is unit
        assert unit_for(unit.singular) is unit
        assert unit_for(unit.plural) is unit
        for alias in unit.aliases:
            assert unit_for(alias) is unit, alias


def test_units_have_dimensions_and_exact_sizes():
    assert UNITS["tablespoon"].base == 3 * UNITS["teaspoon"].base
    assert UNITS["cup"].base == 16 * UNITS["tablespoon"].base
    assert UNITS["pound"].base == 16 * UNITS["ounce"].base == F("453.59237")
    assert UNITS["kilogram"].base == 1000 * UNITS["gram"].base
    assert UNITS["inch"].base == F("25.4")
    assert {u.dimension for u in UNITS.values()} == {"volume", "weight", "length", "informal"}


@pytest.mark.parametrize(
    ("text", "key", "rest"),
    [
        ("tbsp maple syrup", "tablespoon", " maple syrup"),
        ("fl oz milk", "fluid_ounce", " milk"),
        ("T.", "tablespoon", ""),
        ("tsp", "teaspoon", ""),
    ],
)
def test_a_unit_is_found_at_the_start_of_text(text, key, rest):
    found = match_unit(text)
    assert found is not None
    assert (found[0].key, found[1]) == (key, rest)


@pytest.mark.parametrize("text", ["tomatoes", "garlic", "cloves", "large", "inchworm"])
def test_words_that_merely_start_like_a_unit_are_not_units(text):
    assert match_unit(text) is None


def test_an_unknown_unit_name_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown unit 'smidgeon'.*teaspoon"):
        unit_for("smidgeon")


@pytest.mark.parametrize(
    ("locale", "spelling"),
    [("en-US", "us"), ("en_US", "us"), (None, "us"), ("en-GB", "intl"), ("en-CA", "intl")],
)
def test_locales_choose_a_spelling(locale, spelling):
    assert spelling_for(locale) == spelling
