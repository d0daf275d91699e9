"""recipe.json holds everything the source page has, loaded into the model the skill uses."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from cookalong.kitchen.amounts import Amount
from cookalong.kitchen.temperature import Temperature
from cookalong.recipe.loader import load_recipe
from cookalong.recipe.model import Recipe
from tests.recipe.recipe_helpers import RECIPE_JSON

SOURCE = Path("/work/shared/seed/maple-glazed-pork-belly.txt")


@pytest.fixture(scope="module")
def recipe() -> Recipe:
    return load_recipe(RECIPE_JSON)


def _amounts(recipe: Recipe, component: str) -> dict[str, Amount | None]:
    return {i.name: i.amount for i in recipe.components_by_id[component].ingredients}


def test_the_recipe_says_who_what_and_how_long(recipe: Recipe) -> None:
    # given recipe.json  # when it is loaded (fixture)  # then the header matches the page
    assert recipe.id == "maple-glazed-pork-belly"
    assert recipe.title == "Maple Glazed Pork Belly with Crispy Crackling and Chipotle Aioli"
    assert recipe.short_title == "maple glazed pork belly"
    assert recipe.author == "Kristen Stevens"
    assert recipe.servings == 4
    assert recipe.prep_time == timedelta(minutes=10)
    assert recipe.cook_time == timedelta(hours=2, minutes=15)
    assert recipe.total_time == timedelta(hours=2, minutes=25)
    assert (recipe.category, recipe.method, recipe.cuisine) == ("Dinner", "Baked", "North American")
    assert "unbelievably tender" in recipe.description
    assert "chipotle aioli on the side" in recipe.serving


def test_two_components_with_seven_and_one_steps(recipe: Recipe) -> None:
    # given the loaded recipe
    # when the cook asks about its parts
    parts = [(c.id, c.name, len(c.ingredients), len(c.steps)) for c in recipe.components]
    # then the pork belly has 6 ingredients and 7 steps, the aioli 8 and 1
    assert parts == [("pork-belly", "pork belly", 6, 7), ("aioli", "chipotle aioli", 8, 1)]
    assert {"pork", "meat", "the belly"} <= set(recipe.components_by_id["pork-belly"].synonyms)
    assert {"aioli", "chipotle mayo", "sauce", "dip"} <= set(
        recipe.components_by_id["aioli"].synonyms
    )


def test_pork_belly_amounts_are_exact_and_the_weight_is_corrected(recipe: Recipe) -> None:
    # given the pork belly's ingredients
    amounts = _amounts(recipe, "pork-belly")
    # then every amount is exact, and the belly is 1 ½ lb, not the page's 11 ½
    assert amounts == {
        "boneless pork belly": Amount(Fraction(3, 2), "pound"),
        "brown miso": Amount(Fraction(2), "tablespoon"),
        "maple syrup": Amount(Fraction(2), "tablespoon"),
        "Chinese five spice": Amount(Fraction(1), "teaspoon"),
        "sesame oil": Amount(Fraction(1), "teaspoon"),
        "flaky sea salt": Amount(Fraction(1), "teaspoon"),
    }
    salt = recipe.ingredients_by_id["pork-belly.flaky-sea-salt"]
    assert salt.comment == "Maldon salt works great"
    assert salt.text == "1 teaspoon flaky sea salt (Maldon salt works great)"


def test_aioli_amounts_are_exact_including_drops_and_a_small_clove(recipe: Recipe) -> None:
    # given the aioli's ingredients
    amounts = _amounts(recipe, "aioli")
    # then the counted ones carry their noun and size
    assert amounts == {
        "mayonnaise": Amount(Fraction(4), "tablespoon"),
        "lime juice": Amount(Fraction(1), "teaspoon"),
        "maple syrup": Amount(Fraction(1), "teaspoon"),
        "chipotle peppers in adobo sauce": Amount(Fraction(1, 2), "teaspoon"),
        "liquid smoke": Amount(Fraction(4), noun="drop"),
        "garlic clove": Amount(Fraction(1), noun="garlic clove", size="small"),
        "dijon mustard": Amount(Fraction(1, 2), "teaspoon"),
        "sea salt": Amount(Fraction(1, 8), "teaspoon"),
    }
    mayo = recipe.ingredients_by_id["aioli.mayonnaise"]
    assert mayo.comment == "not Miracle Whip"
    assert mayo.note_ids == ("homemade-mayonnaise",)
    garlic = recipe.ingredients_by_id["aioli.garlic"]
    assert garlic.preparation == "very finely minced"
    assert recipe.ingredients_by_id["aioli.chipotle"].preparation == "pureed"


def test_every_source_ingredient_line_is_kept_verbatim(recipe: Recipe) -> None:
    # given the scraped page's ingredient lines (bullets)
    page = SOURCE.read_text(encoding="utf-8") if SOURCE.exists() else None
    if page is None:
        pytest.skip("the scraped source page is not on this machine")
    lines = [m.strip() for m in re.findall(r"•\s*(.+)", page)]
    lines = [line for line in lines if re.match(r"[\d½⅛]", line)]
    # when compared with the recipe's source lines
    texts = [i.text for c in recipe.components for i in c.ingredients]
    # then all 14 are there, the weight corrected from 11 ½ to 1 ½ lb
    assert len(lines) == 14
    corrected = [line.replace("11 ½ lb", "1 ½ lb") for line in lines]
    assert texts == corrected


def test_ids_and_keys_let_the_same_ingredient_live_in_both_components(recipe: Recipe) -> None:
    # given maple syrup, in the glaze and in the aioli
    syrups = recipe.ingredients_by_key["maple-syrup"]
    # then it has one key, two recipe-wide ids, and both answer to "syrup"
    assert [i.id for i in syrups] == ["pork-belly.maple-syrup", "aioli.maple-syrup"]
    assert recipe.ingredients_by_name["syrup"] == syrups
    assert [i.id for i in recipe.ingredients_by_name["salt"]] == [
        "pork-belly.flaky-sea-salt",
        "aioli.sea-salt",
    ]
    assert len(recipe.ingredients_by_id) == 14


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("mayo", "aioli.mayonnaise"),
        ("five spice", "pork-belly.five-spice"),
        ("five spice powder", "pork-belly.five-spice"),
        ("maldon salt", "pork-belly.flaky-sea-salt"),
        ("flaky salt", "pork-belly.flaky-sea-salt"),
        ("chipotle", "aioli.chipotle"),
        ("adobo", "aioli.chipotle"),
        ("chipotle in adobo", "aioli.chipotle"),
        ("lime", "aioli.lime-juice"),
        ("dijon", "aioli.dijon"),
        ("mustard", "aioli.dijon"),
        ("pork", "pork-belly.pork-belly"),
        ("meat", "pork-belly.pork-belly"),
        ("miso", "pork-belly.miso"),
        ("liquid smoke", "aioli.liquid-smoke"),
        ("smoke", "aioli.liquid-smoke"),
        ("garlic", "aioli.garlic"),
        ("sesame oil", "pork-belly.sesame-oil"),
        ("oil", "pork-belly.sesame-oil"),
    ],
)
def test_what_a_cook_says_finds_the_ingredient(recipe: Recipe, said: str, expected: str) -> None:
    # when the cook names an ingredient  # then the lookup finds it (case-insensitively)
    assert [i.id for i in recipe.ingredients_by_name[said.lower()]] == [expected]


def test_steps_have_the_oven_the_times_and_the_waits(recipe: Recipe) -> None:
    # given the pork belly's steps
    steps = recipe.components_by_id["pork-belly"].steps
    # then both oven temperatures, the durations and the passive waits are there
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6, 7]
    assert steps[0].oven is not None and steps[0].oven.mode == "preheat"
    assert steps[0].oven.temperature == Temperature(275, "F")
    assert steps[4].oven is not None and steps[4].oven.temperature == Temperature(275, "F")
    assert steps[5].oven is not None and steps[5].oven.mode == "broil"
    assert steps[5].oven.temperature == Temperature(420, "F")
    bake, broil, rest = steps[4].durations[0], steps[5].durations[0], steps[6].durations[0]
    assert (bake.minimum, bake.maximum, bake.label) == (timedelta(hours=2), None, "bake")
    assert (broil.minimum, broil.maximum) == (timedelta(minutes=10), timedelta(minutes=15))
    assert broil.until == "the pork skin is very crispy"
    assert (rest.minimum, rest.label) == (timedelta(minutes=15), "rest")
    assert [s.number for s in steps if s.passive] == [5, 7]
    assert steps[4].meanwhile == "aioli"


def test_steps_name_their_ingredients_equipment_and_actions(recipe: Recipe) -> None:
    # given the loaded recipe
    # when the cook asks which step uses the miso, or where the broiling is
    miso_steps = recipe.steps_by_ingredient["pork-belly.miso"]
    broil_steps = recipe.steps_by_action["broil"]
    # then the lookups answer with the right steps
    assert [(s.component_id, s.number) for s in miso_steps] == [("pork-belly", 3)]
    assert [(s.component_id, s.number) for s in broil_steps] == [("pork-belly", 6)]
    assert recipe.steps_by_action["grill"] == broil_steps
    assert [s.number for s in recipe.steps_by_action["salt"]] == [4]
    assert [s.number for s in recipe.steps_by_action["rest"]] == [7]
    assert [s.component_id for s in recipe.steps_by_action["whisk"]] == ["aioli"]
    first = recipe.components_by_id["pork-belly"].steps[0]
    assert {"baking tray", "parchment paper", "ovenproof cooling rack"} <= set(first.equipment)
    aioli = recipe.components_by_id["aioli"].steps[0]
    assert len(aioli.ingredient_ids) == 8 and {"small bowl", "whisk"} <= set(aioli.equipment)


def test_steps_are_said_with_the_oven_scale_and_ranges_in_words(recipe: Recipe) -> None:
    # given the preheat and broil steps, whose source text says "275 degrees" and "10-15"
    preheat, *_, broil, _rest = recipe.components_by_id["pork-belly"].steps
    # when the skill says them, by default and to a cook who uses Celsius
    default = broil.spoken()
    celsius = preheat.spoken(oven="135 degrees Celsius")
    # then the scale is said and the range is spoken, and the source text stays faithful
    assert "broil at 420 degrees Fahrenheit" in default
    assert "10 to 15 minutes" in default
    assert celsius.startswith("Preheat the oven to 135 degrees Celsius.")
    assert "10-15 minutes" in broil.text and "275 degrees." in preheat.text


def test_tips_cover_three_crackling_rules_and_four_myths(recipe: Recipe) -> None:
    # given the tips
    groups = {g: [t for t in recipe.tips if t.group == g] for g in ("crackling", "myths")}
    # then there are three rules and four myths, findable by what a cook asks
    assert len(groups["crackling"]) == 3 and len(groups["myths"]) == 4
    assert {t.id for t in recipe.tips_by_keyword["crackling"]} == {
        "oil-the-skin",
        "salt-the-skin",
        "blast-of-heat",
    }
    assert recipe.tips_by_keyword["fridge"][0].id == "no-drying-in-the-fridge"
    assert {t.id for t in recipe.tips_by_keyword["overnight"]} == {
        "no-drying-in-the-fridge",
        "no-long-marinating",
    }
    assert recipe.tips_by_keyword["fast"][0].id == "long-and-slow"
    assert "long and slow" in recipe.tips_by_id["long-and-slow"].text
    assert "blast of heat" in recipe.tips_by_id["blast-of-heat"].text


def test_notes_keep_the_mayonnaise_recipe_and_the_weight_correction(recipe: Recipe) -> None:
    # given the notes
    mayo = recipe.notes_by_id["homemade-mayonnaise"].text
    weight = recipe.notes_by_id["pork-belly-weight"].text
    # then the asterisk note and the correction are there, in words
    assert "one room temperature egg yolk" in mayo and "slow and steady stream" in mayo
    assert "about two minutes" in mayo
    assert "eleven and a half pounds" in weight and "one and a half pounds" in weight
    assert recipe.ingredients_by_id["pork-belly.pork-belly"].note_ids == ("pork-belly-weight",)


def test_nothing_spoken_has_abbreviations_symbols_or_digit_fractions(recipe: Recipe) -> None:
    # given everything the skill may say from the recipe
    said = [recipe.short_title, recipe.serving, *(t.text for t in recipe.tips)]
    said += [n.text for n in recipe.notes]
    said += [s.spoken() for c in recipe.components for s in c.steps]
    said += [i.name for i in recipe.ingredients_by_id.values()]
    # then none of it has what a voice cannot say
    bad = re.compile(r"[½⅛°*]|\d/\d|\b(?:tbsp|tsp|lbs?)\b|\d\s*-\s*\d|\d degrees(?! Fahr)")
    assert [s for s in said if bad.search(s)] == []


def test_recipes_can_use_exactly_the_kitchens_units() -> None:
    # given the unit keys the schema accepts and the kitchen's unit table
    from cookalong.kitchen.units import UNITS
    from cookalong.recipe.loader import SCHEMA_PATH

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # then they are the same keys: every recipe unit can be scaled, converted and said
    assert sorted(schema["definitions"]["unit"]["enum"]) == sorted(UNITS)
