"""Write an imported recipe: validated by the loader first, then atomically (temp + rename)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from cookalong.recipe.loader import Recipe, RecipeError, load_recipe


class Exists(Exception):
    """The recipe file is there already and FORCE=1 was not given."""


def recipe_json(data: dict[str, Any]) -> str:
    """The file's text: two-space JSON, UTF-8 as written ("½", "°"), a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_recipe(data: dict[str, Any], folder: Path, *, force: bool = False) -> tuple[Path, Recipe]:
    """Validate ``data`` with the skill's loader and write ``folder/<id>.json``.

    Parameters
    ----------
    data
        The recipe file's content.
    folder
        Where recipes live (``recipes/``); created when missing.
    force
        Replace an existing file.

    Returns
    -------
    tuple
        The path written and the recipe as the skill loads it.

    Raises
    ------
    Exists
        When the file exists and ``force`` is false (nothing is written).
    RecipeError
        When the loader refuses the content (nothing is written).
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{data['id']}.json"
    if target.exists() and not force:
        raise Exists(str(target))
    handle, temporary = tempfile.mkstemp(prefix=f".{data['id']}.", suffix=".json", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(recipe_json(data))
        recipe = load_recipe(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target, recipe


__all__ = ["Exists", "RecipeError", "recipe_json", "write_recipe"]
