"""The names the build writes find what the recipes' own indexes find, without the recipes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cookalong.cooking.lookup import build_index
from cookalong.cooking.names import RecipeNames, read_names, write_names
from cookalong.cooking.session import Cookbook
from cookalong.recipe.catalog import build_catalog
from cookalong.recipe.loader import load_recipe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recipes"
RECIPES = sorted(FIXTURES.glob("*.json"))


def _said(index, rng: random.Random) -> list[str | None]:
    """Names as said, plurals, misspellings, parts of names, other words, and nothing."""
    names = [*index.ingredients, *index.components, *index.actions, *index.tips]
    said: list[str | None] = [None, "", "saffron", "the", "crispy skin", "baking", "grilling"]
    for name in rng.sample(names, min(40, len(names))):
        said.append(name)
        said.append(f"the {name}s")
        said.append(name[:-1] + name[-1] * 2)
        said.append(name.split()[0])
        said.append(f"{name} for the sauce")
    return said


@pytest.mark.parametrize("path", RECIPES, ids=lambda p: p.stem)
def test_names_find_what_the_index_finds(path: Path, tmp_path: Path) -> None:
    index = build_index(load_recipe(path))
    write_names({"r": RecipeNames.of(index)}, tmp_path)
    names = read_names(tmp_path / "catalog-names.json")["r"]  # as the Lambda reads them
    assert names == RecipeNames.of(index)
    rng = random.Random(path.stem)
    keys = [None, "nope", *rng.sample(sorted(index.by_key), min(3, len(index.by_key)))]
    keys += list(index.components)[:2] + list(index.tips)[:2] + list(index.actions)[:2]
    for spoken in _said(index, rng):
        for key in keys:
            where = (spoken, key)
            assert names.finds_ingredient(spoken, key) == bool(
                index.find_ingredients(spoken, key)
            ), where
            assert names.finds_component(spoken, key) == (
                index.find_component(spoken, key) is not None
            ), where
            assert names.finds_action(spoken, key) == bool(index.find_action(spoken, key)), where
            assert names.finds_tip(spoken, key) == bool(index.find_tips(spoken, key)), where
    assert names.servings == index.recipe.servings


def test_a_built_cookbook_reads_names_without_loading_a_recipe(tmp_path: Path) -> None:
    entries = build_catalog(RECIPES)
    loaded = {e.id: build_index(e.load()) for e in entries}
    write_names({rid: RecipeNames.of(i) for rid, i in loaded.items()}, tmp_path)
    cookbook = Cookbook.from_catalog(entries, tmp_path / "catalog-names.json")
    assert cookbook.names(entries[1].id) == RecipeNames.of(loaded[entries[1].id])
    assert not cookbook.recipes._loaded  # type: ignore[attr-defined]
    without = Cookbook.from_catalog(entries)  # a checkout: from the recipe's own index
    assert without.names(entries[1].id) == cookbook.names(entries[1].id)
    assert json.loads((tmp_path / "catalog-names.json").read_text(encoding="utf-8"))["v"] == 1
