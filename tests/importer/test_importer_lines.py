"""Ingredient lines as pages write them, read into amount, name, aliases and the rest."""

from __future__ import annotations

import pytest

from tools.importer.ingredients import read_line
from tools.importer.words import ENGLISH, GERMAN


@pytest.mark.parametrize(
    ("line", "name", "amount", "aliases"),
    [
        (
            "2 (14.5 oz) cans Hunt's diced tomatoes, drained",
            "diced tomatoes",
            {"value": "2", "noun": "can"},
            {"tomatoes"},
        ),
        (
            "1 ½ cups all-purpose flour",
            "all-purpose flour",
            {"value": "1 1/2", "unit": "cup"},
            {"flour"},
        ),
        (
            "2-3 tablespoons olive oil",
            "olive oil",
            {"value": "2", "upper": "3", "unit": "tablespoon"},
            {"oil"},
        ),
        ("3 cloves garlic, minced", "garlic", {"value": "3", "noun": "clove"}, set()),
        (
            "2 large eggs, room temperature",
            "egg",
            {"value": "2", "noun": "egg", "size": "large"},
            {"eggs"},
        ),
        ("a pinch of salt", "salt", {"value": "1", "unit": "pinch"}, set()),
        ("salt and pepper to taste", "salt and pepper", None, {"salt", "pepper"}),
        (
            "chipotle peppers in adobo sauce",
            "chipotle peppers in adobo sauce",
            None,
            {"chipotle peppers", "adobo sauce"},
        ),
        ("100g/3½oz butter", "butter", {"value": "100", "unit": "gram"}, set()),
        (
            "1 1/2 lbs. ground beef (80/20)",
            "ground beef",
            {"value": "1 1/2", "unit": "pound"},
            {"beef"},
        ),
        ("1 heaping tablespoon sugar", "sugar", {"value": "1", "unit": "tablespoon"}, set()),
    ],
)
def test_an_ingredient_line_is_read_as_a_cook_says_it(
    line: str, name: str, amount: dict | None, aliases: set[str]
) -> None:
    read = read_line(line, ENGLISH)
    assert read is not None
    assert read.name == name and read.amount_json() == amount
    assert aliases <= set(read.synonyms)


def test_preparation_and_comment_are_split_off() -> None:
    read = read_line("2 (14.5 oz) cans Hunt's diced tomatoes, drained", ENGLISH)
    assert read is not None and read.preparation == "drained" and read.comment == "14.5 oz"
    garnish = read_line("Fresh cilantro or parsley, for garnish", ENGLISH)
    assert garnish is not None and garnish.garnish and garnish.comment == "for garnish"


@pytest.mark.parametrize(
    ("line", "amount"),
    [
        ("2 EL Butter", {"value": "2", "unit": "tablespoon"}),
        ("1 TL Salz", {"value": "1", "unit": "teaspoon"}),
        ("1 Prise Salz", {"value": "1", "unit": "pinch"}),
        ("200 g Mehl", {"value": "200", "unit": "gram"}),
    ],
)
def test_german_lines_are_read_by_the_german_tables(line: str, amount: dict) -> None:
    read = read_line(line, GERMAN)
    assert read is not None and read.amount_json() == amount
