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
        (
            "1 (14 oz) can Kirkland diced tomatoes",
            "diced tomatoes",
            {"value": "1", "noun": "can"},
            {"tomatoes"},
        ),
        (
            "1 tsp Diamond Crystal kosher salt",
            "kosher salt",
            {"value": "1", "unit": "teaspoon"},
            {"salt"},
        ),
        (
            "1 cup Bob's Red Mill rolled oats",
            "rolled oats",
            {"value": "1", "unit": "cup"},
            {"oats"},
        ),
        ("8 oz Philadelphia® cream cheese", "cream cheese", {"value": "8", "unit": "ounce"}, set()),
        ("2 cups Hunt's Tomato Sauce", "tomato sauce", {"value": "2", "unit": "cup"}, {"sauce"}),
        ("Scant 2 cups chicken broth", "chicken broth", {"value": "2", "unit": "cup"}, {"broth"}),
        ("1/2 of a lemon", "lemon", {"value": "1/2", "noun": "lemon"}, set()),
        (
            "one 15-ounce can black beans, rinsed",
            "black beans",
            {"value": "1", "noun": "can"},
            {"beans"},
        ),
        (
            "Juice from 1 lime (about 2 tablespoons)",
            "lime juice",
            {"value": "1", "noun": "lime"},
            {"lime"},
        ),
        (
            "zest of 4 oranges* (about 2 tsp)",
            "orange zest",
            {"value": "4", "noun": "orange"},
            set(),
        ),
        ("Salt as per taste", "salt", None, set()),
        ("Few sprigs of spring onion\u2063", "few sprigs of spring onion", None, {"spring onion"}),
        (
            "a handful of fresh basil leaves",
            "fresh basil leaves",
            {"value": "1", "noun": "handful"},
            {"basil", "basil leaf"},
        ),
    ],
)
def test_an_ingredient_line_is_read_as_a_cook_says_it(
    line: str, name: str, amount: dict | None, aliases: set[str]
) -> None:
    read = read_line(line, ENGLISH)
    assert read is not None
    assert read.name == name and read.amount_json() == amount
    assert aliases <= set(read.synonyms)


def test_a_group_heading_among_the_lines_names_no_ingredient() -> None:
    assert read_line("For chicken lollipop dry", ENGLISH) is None
    garnish = read_line("For garnish: parsley", ENGLISH)
    assert garnish is not None and garnish.name == "parsley" and garnish.garnish


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


def test_an_ingredient_object_recipe_scrapers_printed_is_read_back() -> None:
    from tools.importer.read import _ingredient_lines

    printed = "{'@type': 'RecipeIngredient', 'amount': '1 1/2 teaspoons', 'name': 'thyme'}"
    assert _ingredient_lines([printed], None) == ["1 1/2 teaspoons thyme"]
    read = read_line(_ingredient_lines([printed], None)[0], ENGLISH)
    assert read is not None and read.name == "thyme"
    assert read.amount_json() == {"value": "1 1/2", "unit": "teaspoon"}


@pytest.mark.parametrize(
    ("line", "name", "preparation", "comment"),
    [
        ("1 medium white or yellow onion diced", "white or yellow onion", "diced", None),
        (
            "1 boneless 2-3 pound chuck roast (trimmed)",
            "boneless chuck roast",
            None,
            "trimmed; 2-3 pound",
        ),
        ("1/2 cup milk of choice", "milk", None, "of choice"),
        ("2 small-to-medium cloves garlic, pressed", "garlic", "pressed", "small-to-medium"),
        ("8 SimplyNature Organic Cage Free Eggs", "egg", None, None),
        ("200 g quality dark chocolate (70%)", "dark chocolate", None, "70%"),
    ],
)
def test_what_is_no_name_goes_to_the_preparation_or_the_comment(
    line: str, name: str, preparation: str | None, comment: str | None
) -> None:
    read = read_line(line, ENGLISH)
    assert read is not None
    assert (read.name, read.preparation, read.comment) == (name, preparation, comment)


def test_a_cheese_or_an_extract_is_also_called_by_its_kind() -> None:
    read = read_line("8 ounces shredded Mozzarella cheese", ENGLISH)
    assert read is not None and {"mozzarella", "mozzarella cheese"} <= set(read.synonyms)
    vanilla = read_line("2 teaspoons pure vanilla extract", ENGLISH)
    assert vanilla is not None and "vanilla" in vanilla.synonyms


def test_a_unit_that_counts_nothing_is_left_out() -> None:
    read = read_line("2 unit(s) Garlic Clove", ENGLISH)
    assert read is not None and read.name == "garlic clove"
    assert read.amount_json() == {"value": "2", "noun": "garlic clove"}


@pytest.mark.parametrize(
    ("line", "name", "amount", "aliases", "not_aliases"),
    [
        # "or" inside "corn" joins nothing; a preparation word alone is no alias
        (
            "4 ears grilled or steamed corn, kernels removed from the cobb",
            "grilled or steamed corn",
            {"value": "4", "noun": "ear"},
            {"corn", "steamed corn"},
            {"steamed c", "grilled"},
        ),
        (
            "corn or flour taco-size tortillas",
            "corn or flour taco-size tortillas",
            None,
            {"corn", "tortillas"},
            {"flour taco-size t", "tillas"},
        ),
        (
            "2 cups diced or shredded chicken breast",
            "diced or shredded chicken breast",
            {"value": "2", "unit": "cup"},
            {"chicken breast", "chicken"},
            {"or chicken", "diced"},
        ),
        ("2 ears Of Corn", "corn", {"value": "2", "noun": "ear"}, set(), set()),
        (
            "1 pot of double cream (227ml)",
            "double cream",
            {"value": "1", "noun": "pot"},
            set(),
            set(),
        ),
        (
            "2 tablespoons (28g) butter at room temperature",
            "butter",
            {"value": "2", "unit": "tablespoon"},
            set(),
            set(),
        ),
    ],
)
def test_aliases_are_whole_words_a_cook_says(
    line: str, name: str, amount: dict | None, aliases: set[str], not_aliases: set[str]
) -> None:
    read = read_line(line, ENGLISH)
    assert read is not None and read.name == name and read.amount_json() == amount
    assert aliases <= set(read.synonyms) and not not_aliases & set(read.synonyms)
