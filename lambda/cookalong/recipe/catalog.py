"""The catalog: which recipes the skill serves, what each is called and in which language, and
where its file is — everything a cookbook needs before any recipe is loaded.

The build writes ``catalog.json`` beside the recipes in the Lambda artifact (``python
tools/check_recipes.py --write-catalog DIR``), having validated every recipe, so that a cold
start reads one small file whatever the size of the catalog, and each recipe is loaded (and
indexed) the first time a cook uses it. The catalog keeps the SHA-256 of each file the build
validated: a file that still has it is not checked against the JSON Schema again when it loads
(one that changed since is). In a checkout, without that file, the catalog is made from the
recipe files themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cookalong.recipe.loader import RecipeError, catalog_order, default_recipe_paths, load_recipe
from cookalong.recipe.model import Recipe
from cookalong.record import Record

CATALOG_FILE = "catalog.json"
CATALOG_VERSION = 1


class Entry(Record):
    """One recipe of the catalog, without its content."""

    id: str
    title: str  # what a cook calls it: the recipe's short title
    aliases: tuple[str, ...]
    language: str
    path: Path
    sha256: str | None = None  # of the file as the build validated it

    def load(self) -> Recipe:
        return load_recipe(self.path, checked=self.sha256)


def entry_of(recipe: Recipe, path: Path) -> Entry:
    """The catalog entry of ``recipe``, validated from the file ``path`` (hashed now)."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return Entry(
        recipe.id, recipe.short_title, tuple(recipe.aliases), recipe.language, path, digest
    )


def build_catalog(paths: Iterable[str | os.PathLike[str]]) -> list[Entry]:
    """Load and validate every recipe file; refuse two recipes with one id."""
    entries: dict[str, Entry] = {}
    translations: dict[str, str | None] = {}
    for path in paths:
        recipe = load_recipe(path)
        if recipe.id in entries:
            raise RecipeError(
                f"{path}: $.id: the recipe id {recipe.id!r} is already used by "
                f"{entries[recipe.id].path}"
            )
        entries[recipe.id] = entry_of(recipe, Path(path))
        translations[recipe.id] = recipe.translation_of
    return [entries[rid] for rid in catalog_order(list(translations.items()))]


def write_catalog(entries: Iterable[Entry], directory: Path) -> Path:
    """Write ``catalog.json`` in ``directory``, with paths relative to it."""
    directory = Path(directory)
    rows = [
        {
            "id": e.id,
            "title": e.title,
            "aliases": list(e.aliases),
            "language": e.language,
            "path": os.path.relpath(e.path, directory),
            **({"sha256": e.sha256} if e.sha256 else {}),
        }
        for e in entries
    ]
    target = directory / CATALOG_FILE
    text = json.dumps({"v": CATALOG_VERSION, "recipes": rows}, indent=1, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def read_catalog(path: Path) -> list[Entry]:
    """Read a ``catalog.json`` the build wrote."""
    data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("v") != CATALOG_VERSION:
        raise RecipeError(f"{path}: not a catalog of version {CATALOG_VERSION}")
    base = Path(path).parent
    return [
        Entry(
            row["id"],
            row["title"],
            tuple(row.get("aliases", ())),
            row.get("language", "en"),
            base / row["path"],
            row.get("sha256"),
        )
        for row in data["recipes"]
    ]


def built_catalog(environ: Mapping[str, str] | None = None) -> Path | None:
    """The ``catalog.json`` the build wrote beside ``recipe.json`` (the Lambda artifact), if
    there is one and no ``COOKALONG_RECIPES`` overrides the skill's recipes."""
    environ = os.environ if environ is None else environ
    if environ.get("COOKALONG_RECIPES"):
        return None
    # where default_recipe_paths finds recipe.json, without listing recipes/ (a cold start
    # should not read a folder of 200 names to find one file)
    package_parent = Path(__file__).resolve().parents[2]  # .../cookalong/recipe/catalog.py
    for base in (package_parent, package_parent.parent):
        if (base / "recipe.json").is_file():
            built = base / CATALOG_FILE
            return built if built.is_file() else None
    default_recipe_paths(environ)  # raises: no recipe.json anywhere
    return None


__all__ = [
    "CATALOG_FILE",
    "Entry",
    "build_catalog",
    "built_catalog",
    "entry_of",
    "read_catalog",
    "write_catalog",
]
