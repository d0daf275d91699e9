"""Check recipe files the way the skill loads them; the build runs this.

Usage::

    python tools/check_recipes.py                    # the skill's recipes (recipe.json, recipes/)
    python tools/check_recipes.py recipes/new.json   # particular files
    python tools/check_recipes.py --write-validator  # after editing schema.json
    python tools/check_recipes.py --write-catalog DIR FILES...   # the build: DIR/catalog.json

Exit status: 0 all good; 1 a recipe is refused, or the generated validator is stale (the
message on stderr names the file and the JSON path); 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

try:
    from cookalong.recipe import catalog, loader
except ModuleNotFoundError:  # run as a script from a checkout, without PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lambda"))
    from cookalong.recipe import catalog, loader


def _summary(recipe: loader.Recipe) -> str:
    ingredients = sum(len(c.ingredients) for c in recipe.components)
    steps = sum(len(c.steps) for c in recipe.components)
    return (
        f"{recipe.id}: {len(recipe.components)} components, {ingredients} ingredients, "
        f"{steps} steps, {len(recipe.tips)} tips, {len(recipe.notes)} notes"
    )


def _stale_validator() -> str | None:
    """Why the generated validator does not match schema.json, or None when it does."""
    expected = loader.validator_source()
    try:
        actual = loader.VALIDATOR_PATH.read_text(encoding="utf-8")
    except FileNotFoundError:
        actual = None
    if actual == expected:
        return None
    state = "is missing" if actual is None else "does not match schema.json"
    return (
        f"{loader.VALIDATOR_PATH}: {state}; "
        "run `python tools/check_recipes.py --write-validator` and commit it"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Check recipe files; print one line per good file, the first problem on stderr.

    Parameters
    ----------
    argv
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 when every file loads and the generated validator is current, else 1.
    """
    parser = argparse.ArgumentParser(
        prog="check_recipes", description="Validate cookalong recipe files."
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="recipe files (default: the skill's recipes)"
    )
    parser.add_argument(
        "--write-validator",
        action="store_true",
        help="regenerate the compiled schema validator from schema.json",
    )
    parser.add_argument(
        "--write-catalog",
        metavar="DIR",
        type=Path,
        help="write DIR/catalog.json (what the skill loads at start-up) for the recipes checked",
    )
    args = parser.parse_args(argv)

    if args.write_validator:
        loader.VALIDATOR_PATH.write_text(loader.validator_source(), encoding="utf-8")
        print(f"wrote {loader.VALIDATOR_PATH}")
    else:
        stale = _stale_validator()
        if stale:
            print(stale, file=sys.stderr)
            return 1

    try:
        paths = args.files or loader.default_recipe_paths(environ={})
        recipes = loader.load_recipes(paths)
    except loader.RecipeError as error:
        print(error, file=sys.stderr)
        return 1
    for recipe in recipes.values():
        print(f"ok {recipe.path} ({_summary(recipe)})")
    if args.write_catalog is not None:
        entries = [catalog.entry_of(r, Path(r.path)) for r in recipes.values()]
        written = catalog.write_catalog(entries, args.write_catalog)
        print(f"wrote {written} ({len(entries)} recipes)")
        from cookalong.cooking.lookup import build_index
        from cookalong.cooking.names import RecipeNames, write_names

        names = {rid: RecipeNames.of(build_index(r)) for rid, r in recipes.items()}
        print(f"wrote {write_names(names, args.write_catalog)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
