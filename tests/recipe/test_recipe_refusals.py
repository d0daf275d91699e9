"""A broken recipe is refused at load, with the file and the JSON path of the problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from cookalong.recipe.loader import RecipeError, load_recipe, load_recipes, parse_quantity
from tests.recipe.recipe_helpers import ingredient, step, write_recipe

Change = Callable[[dict[str, Any]], object]


def _refusal(tmp_path: Path, change: Change) -> str:
    path = write_recipe(tmp_path, change)
    with pytest.raises(RecipeError) as refused:
        load_recipe(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: "), message  # the file comes first
    return message


BROKEN: list[tuple[str, Change, str, str]] = [
    # (what, change, JSON path, what the message says)
    (
        "wrong type",
        lambda d: d.update(servings="four"),
        "$.servings",
        "must be integer",
    ),
    (
        "missing field",
        lambda d: ingredient(d, 1, "dijon").pop("name"),
        "$.components[1].ingredients[6]",
        "must contain ['name'] properties",
    ),
    (
        "unicode fraction in an amount",
        lambda d: ingredient(d, 1, "chipotle")["amount"].update(value="½"),
        "$.components[1].ingredients[3].amount.value",
        "must match pattern",
    ),
    (
        "improper mixed number",
        lambda d: ingredient(d, 0, "pork-belly")["amount"].update(value="1 3/2"),
        "$.components[0].ingredients[0].amount.value",
        "fraction part of '1 3/2' must be less than one",
    ),
    (
        "zero amount",
        lambda d: ingredient(d, 1, "sea-salt")["amount"].update(value="0"),
        "$.components[1].ingredients[7].amount.value",
        "must be more than zero",
    ),
    (
        "range upside down",
        lambda d: ingredient(d, 0, "miso")["amount"].update(upper="1"),
        "$.components[0].ingredients[1].amount.upper",
        "must be more than value (2)",
    ),
    (
        "unit abbreviation as unit",
        lambda d: ingredient(d, 0, "miso")["amount"].update(unit="tbsp"),
        "$.components[0].ingredients[1].amount.unit",
        "must be one of",
    ),
    (
        "unit and noun together",
        lambda d: ingredient(d, 1, "liquid-smoke")["amount"].update(unit="teaspoon"),
        "$.components[1].ingredients[4].amount",
        "both a unit and a noun",
    ),
    (
        "source line disagrees with the amount (the page's 11 ½ lb)",
        lambda d: ingredient(d, 0, "pork-belly").update(text="11 ½ lb boneless pork belly"),
        "$.components[0].ingredients[0].text",
        "starts with '11 ½' but amount.value is '1 1/2'",
    ),
    (
        "unknown ingredient reference",
        lambda d: step(d, 0, 3)["ingredients"].append("misso"),
        "$.components[0].steps[2].ingredients[4]",
        "unknown ingredient 'misso'",
    ),
    (
        "reference to another component's ingredient",
        lambda d: step(d, 0, 4)["ingredients"].append("mayonnaise"),
        "$.components[0].steps[3].ingredients[2]",
        "unknown ingredient 'mayonnaise'",
    ),
    (
        "duplicate ingredient id",
        lambda d: ingredient(d, 1, "sea-salt").update(id="dijon"),
        "$.components[1].ingredients[7].id",
        "duplicate id 'dijon' (also at $.components[1].ingredients[6])",
    ),
    (
        "duplicate component id",
        lambda d: d["components"][1].update(id="pork-belly"),
        "$.components[1].id",
        "duplicate id 'pork-belly'",
    ),
    (
        "duplicate tip id",
        lambda d: d["tips"][1].update(id="oil-the-skin"),
        "$.tips[1].id",
        "duplicate id",
    ),
    (
        "ingredient no step uses",
        lambda d: step(d, 0, 4)["ingredients"].remove("sesame-oil"),
        "$.components[0].ingredients[4]",
        "'sesame-oil' is not used by any step",
    ),
    (
        "note reference that does not resolve",
        lambda d: ingredient(d, 1, "mayonnaise").update(notes=["mayo"]),
        "$.components[1].ingredients[0].notes[0]",
        "no note has the id 'mayo'",
    ),
    (
        "duration range upside down",
        lambda d: step(d, 0, 6)["durations"][0].update(max="PT5M"),
        "$.components[0].steps[5].durations[0].max",
        "must be longer than min (PT10M)",
    ),
    (
        "duration not ISO 8601",
        lambda d: step(d, 0, 5)["durations"][0].update(min="2 hours"),
        "$.components[0].steps[4].durations[0].min",
        "must match pattern",
    ),
    (
        "zero duration",
        lambda d: step(d, 0, 7)["durations"][0].update(min="PT0M"),
        "$.components[0].steps[6].durations[0].min",
        "must be longer than zero",
    ),
    (
        "meanwhile names no component",
        lambda d: step(d, 0, 5).update(meanwhile="salad"),
        "$.components[0].steps[4].meanwhile",
        "no component has the id 'salad'",
    ),
    (
        "passive step without a duration",
        lambda d: step(d, 0, 7).pop("durations"),
        "$.components[0].steps[6].passive",
        "needs a duration",
    ),
    (
        "oven in the wrong scale",
        lambda d: step(d, 0, 6)["oven"].update(scale="C"),
        "$.components[0].steps[5].oven.degrees",
        "420 degrees C is not an oven temperature",
    ),
    (
        "unknown speech placeholder",
        lambda d: step(d, 0, 1).update(speech="Preheat the oven to {temperature}."),
        "$.components[0].steps[0].speech",
        "unknown placeholder '{temperature}'",
    ),
    (
        "ingredient said to be in no step but listed by one",
        lambda d: ingredient(d, 0, "miso").update(in_steps=False),
        "$.components[0].ingredients[1].in_steps",
        "is false but a step lists 'miso'",
    ),
    (
        "abbreviation in a tip",
        lambda d: d["tips"][0].update(text="Oil the skin with 1 tsp of oil."),
        "$.tips[0].text",
        "unit abbreviation ('tsp')",
    ),
    (
        "unicode fraction in a note",
        lambda d: d["notes"][1].update(text="The page says 11 ½ lb."),
        "$.notes[1].text",
        "unicode fraction",
    ),
    (
        "total shorter than prep plus cook",
        lambda d: d.update(total_time="PT2H"),
        "$.total_time",
        "less than prep_time plus cook_time",
    ),
    (
        "unknown field (a typo)",
        lambda d: step(d, 0, 5).update(pasive=True),
        "$.components[0].steps[4]",
        "must not contain {'pasive'} properties",
    ),
]


@pytest.mark.parametrize(
    ("change", "json_path", "says"),
    [pytest.param(c, p, s, id=what) for what, c, p, s in BROKEN],
)
def test_a_broken_recipe_is_refused_with_file_and_json_path(
    tmp_path: Path, change: Change, json_path: str, says: str
) -> None:
    # given recipe.json with one thing broken  # when it is loaded
    message = _refusal(tmp_path, change)
    # then the message names the JSON path and says what is wrong
    assert f": {json_path}: " in message, message
    assert says in message, message


def test_a_pattern_refusal_explains_the_format(tmp_path: Path) -> None:
    # given an amount written with a unicode fraction
    message = _refusal(tmp_path, lambda d: ingredient(d, 1, "sea-salt")["amount"].update(value="⅛"))
    # then the refusal explains how amounts are written
    assert "a mixed number '1 1/2'" in message


def test_not_json_is_refused_with_line_and_column(tmp_path: Path) -> None:
    # given a file with a missing comma
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x"\n  "title": "y"\n}\n', encoding="utf-8")
    # when it is loaded  # then the message says where
    with pytest.raises(RecipeError, match=re.escape(f"{path}: line 3 column 3: not valid JSON")):
        load_recipe(path)


def test_a_key_given_twice_is_refused(tmp_path: Path) -> None:
    # given an object where "servings" appears twice (the second would silently win)
    path = tmp_path / "twice.json"
    text = write_recipe(tmp_path).read_text(encoding="utf-8")
    path.write_text(text.replace('"servings": 4,', '"servings": 4, "servings": 6,'), "utf-8")
    # then it is refused
    with pytest.raises(RecipeError, match="'servings' appears twice"):
        load_recipe(path)


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(RecipeError, match=re.escape(f"{missing}: cannot read the file")):
        load_recipe(missing)


def test_two_files_with_one_recipe_id_are_refused(tmp_path: Path) -> None:
    # given two copies of the recipe in two files
    first = write_recipe(tmp_path, name="a.json")
    second = write_recipe(tmp_path, name="b.json")
    # when both are loaded  # then the second is refused, naming the first
    with pytest.raises(RecipeError, match=re.escape(f"{second}: $.id:")) as refused:
        load_recipes([first, second])
    assert str(first) in str(refused.value)


def test_a_recipe_without_optional_parts_still_loads(tmp_path: Path) -> None:
    # given a recipe whose salt is "to taste" (no amount) and with no tips or notes
    def change(d: dict[str, Any]) -> None:
        salt = ingredient(d, 1, "sea-salt")
        del salt["amount"]
        salt["text"] = "sea salt, to taste"
        d["tips"] = []
        d["notes"] = []
        ingredient(d, 0, "pork-belly").pop("notes")
        ingredient(d, 1, "mayonnaise").pop("notes")

    # when it is loaded
    recipe = load_recipe(write_recipe(tmp_path, change))
    # then the salt has no amount and the lookups still work
    assert recipe.ingredients_by_id["aioli.sea-salt"].amount is None
    assert recipe.tips == () and recipe.tips_by_keyword == {}


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("4", 4),
        ("1/8", Fraction(1, 8)),
        ("1 1/2", Fraction(3, 2)),
        ("2.5", Fraction(5, 2)),
        ("1 ½", Fraction(3, 2)),
        ("⅛", Fraction(1, 8)),
        ("11 ½", Fraction(23, 2)),
    ],
)
def test_quantities_are_read_exactly(written: str, value: Fraction) -> None:
    assert parse_quantity(written) == value


@pytest.mark.parametrize("written", ["", "one", "1/0", "1 3/2", "1.5 1/2", "1 2 3", "-1"])
def test_bad_quantities_are_refused(written: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(written))):
        parse_quantity(written)
