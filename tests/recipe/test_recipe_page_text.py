"""Recipes as web pages write them: step text as published, and the fields a page may lack.

The loader used to refuse step text with "°", "tbsp" or "10–15" unless a hand-written
``speech`` said it again; the voice now says such text well, so it is accepted.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cookalong.recipe.loader import load_recipe
from cookalong.speech.voice import voice_for
from tests.recipe.recipe_helpers import ingredient, step, write_recipe

PAGE_STEP = "Bake at 350°F (175°C) for 10–15 minutes; brush with 2 tbsp of the glaze and ½ cup oil."


def test_step_text_as_a_page_writes_it_is_accepted_and_said_in_words(tmp_path: Path) -> None:
    # given the broil step without its hand-written speech, and a step as a web page writes it
    def change(d: dict[str, Any]) -> None:
        step(d, 0, 6).pop("speech")
        step(d, 0, 4)["text"] = PAGE_STEP

    recipe = load_recipe(write_recipe(tmp_path, change))  # when it is loaded: no refusal
    broil, page = recipe.components[0].steps[5], recipe.components[0].steps[3]
    us, gb = voice_for("en-US"), voice_for("en-GB")
    # then the voice says it in words, in each cook's scale
    assert us.step_text(broil, us.prefs(None)) == (
        "Increase the oven temperature to broil at 420 degrees Fahrenheit. Move the pork belly "
        "to a rack in the top third of your oven. Broil it for ten to fifteen minutes, or until "
        "the pork skin is very crispy."
    )
    assert "grill at 215 degrees Celsius" in gb.step_text(broil, gb.prefs(None))
    assert us.step_text(page, us.prefs(None)) == (
        "Bake at 350 degrees Fahrenheit for ten to fifteen minutes; brush with two tablespoons "
        "of the glaze and half a cup oil."
    )
    assert gb.step_text(page, gb.prefs("metric")).startswith(
        "Bake at 175 degrees Celsius for ten to fifteen minutes"
    )


def test_a_recipe_with_only_what_a_page_gives_loads_with_defaults(tmp_path: Path) -> None:
    # given a recipe without short title, author, times, category, serving, tips or notes
    def change(d: dict[str, Any]) -> None:
        for key in ("short_title", "author", "description", "prep_time", "cook_time"):
            d.pop(key)
        for key in ("total_time", "category", "method", "cuisine", "serving", "tips", "notes"):
            d.pop(key)
        d["title"] = "Maple Glazed Pork Belly (Crispy & Easy!)"
        ingredient(d, 0, "pork-belly").pop("notes")
        ingredient(d, 1, "mayonnaise").pop("notes")

    recipe = load_recipe(write_recipe(tmp_path, change))
    # then a voice has a short title, and the total is the steps' longest times added up
    assert recipe.short_title == "maple glazed pork belly"
    assert recipe.language == "en" and recipe.url is None and recipe.nutrition == {}
    assert recipe.total_time == timedelta(hours=2, minutes=30)  # 2 h bake, 15 broil, 15 rest
    assert recipe.author == "" and recipe.tips == () and recipe.serving == ""


def test_page_facts_and_oven_details_are_kept(tmp_path: Path) -> None:
    # given the fields an importer writes: language, address, nutrition, fan and gas mark
    def change(d: dict[str, Any]) -> None:
        d.update(language="en", url="https://example.com/pork", nutrition={"calories": "320 kcal"})
        step(d, 0, 1)["oven"].update(fan=True, heat="top-bottom", gas_mark=1)
        ingredient(d, 0, "sesame-oil")["in_steps"] = False
        step(d, 0, 4)["ingredients"].remove("sesame-oil")

    recipe = load_recipe(write_recipe(tmp_path, change))
    # then the model has them
    assert recipe.url == "https://example.com/pork"
    assert recipe.nutrition == {"calories": "320 kcal"}
    oven = recipe.components[0].steps[0].oven
    assert oven is not None and (oven.fan, oven.heat, oven.gas_mark) == (True, "top-bottom", 1)
    assert "pork-belly.sesame-oil" not in recipe.steps_by_ingredient


def test_the_pork_belly_goes_into_the_oven_and_comes_out(tmp_path: Path) -> None:
    recipe = load_recipe(write_recipe(tmp_path))
    assert [s.in_oven for s in recipe.components[0].steps] == [
        None, None, None, None, True, True, False
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["EN", "english", "en-US"])
def test_a_language_is_a_primary_tag(tmp_path: Path, language: str) -> None:
    from cookalong.recipe.loader import RecipeError

    with pytest.raises(RecipeError, match=r"\$\.language"):
        load_recipe(write_recipe(tmp_path, lambda d: d.update(language=language)))
