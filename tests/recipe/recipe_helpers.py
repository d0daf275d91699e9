"""Shared helpers for the recipe tests: the fixture copy of the first recipe, and broken copies
of it (the shipped recipe.json can change without breaking a test)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
#: Where a checkout keeps the first shipped recipe (for tests of how recipes are found).
SHIPPED_RECIPE_JSON = REPO / "recipe.json"
#: The first recipe as the tests know it.
RECIPE_JSON = REPO / "tests" / "fixtures" / "recipes" / "maple-glazed-pork-belly.json"


def recipe_data() -> dict[str, Any]:
    """A fresh, mutable copy of the first recipe's content."""
    return copy.deepcopy(json.loads(RECIPE_JSON.read_text(encoding="utf-8")))


def write_recipe(
    folder: Path,
    change: Callable[[dict[str, Any]], object] | None = None,
    name: str = "recipe.json",
) -> Path:
    """Write recipe.json, changed by ``change``, into ``folder``; return the file's path."""
    data = recipe_data()
    if change is not None:
        change(data)
    path = folder / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def step(data: dict[str, Any], component: int, number: int) -> dict[str, Any]:
    """A step of the raw data, 1-based like the cook counts."""
    return data["components"][component]["steps"][number - 1]


def ingredient(data: dict[str, Any], component: int, ingredient_id: str) -> dict[str, Any]:
    """An ingredient of the raw data by its component-local id."""
    found = [i for i in data["components"][component]["ingredients"] if i["id"] == ingredient_id]
    assert len(found) == 1, ingredient_id
    return found[0]
