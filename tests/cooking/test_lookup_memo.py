"""An index remembers what it found for each question, and answers the same from memory."""

from __future__ import annotations

from pathlib import Path

from cookalong.cooking.lookup import MAX_REMEMBERED, build_index
from cookalong.recipe.loader import load_recipe

RECIPE = Path(__file__).resolve().parents[2] / "recipe.json"
ASKED = [
    ("maple syrup", None),
    ("the salt for the skin", None),
    ("salt", "pork-belly.kosher-salt"),
    ("mayo", None),
    ("limes", None),
    ("unicorn tears", None),
    (None, "aioli.maple-syrup"),
    ("unicorn tears", "aioli.maple-syrup"),
]


def test_a_question_asked_again_finds_what_a_fresh_index_finds():
    recipe = load_recipe(RECIPE)
    remembering = build_index(recipe)
    first = [remembering.find_ingredients(*asked) for asked in ASKED]
    again = [remembering.find_ingredients(*asked) for asked in ASKED]
    fresh = [build_index(recipe).find_ingredients(*asked) for asked in ASKED]
    assert first == again == fresh
    assert [i.id for i in first[0]] == ["pork-belly.maple-syrup", "aioli.maple-syrup"]
    assert first[5] == () and first[7] == first[6]


def test_an_index_remembers_a_bounded_number_of_questions():
    index = build_index(load_recipe(RECIPE))
    for n in range(3 * MAX_REMEMBERED):
        index.find_ingredients(f"maple syrup number {n}")
    assert len(index.found) <= MAX_REMEMBERED
    assert index.find_ingredients("maple syrup")[0].id == "pork-belly.maple-syrup"
