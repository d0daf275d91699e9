"""What each recipe calls things, without the recipe: the names its look-up index knows.

A CanFulfillIntentRequest asks whether *any* recipe knows "saffron"; answering from the full
indexes loaded every recipe of the catalog on one request (with 200 recipes: most of a second
and several MiB). The build writes these names once (``catalog-names.json`` beside
``catalog.json``, see :func:`write_names`), and the skill reads them the first time it is asked,
so the question costs one small file whatever the size of the catalog. In a checkout they are
taken from the recipes' own indexes.

:class:`RecipeNames` answers exactly as :class:`~cookalong.cooking.lookup.RecipeIndex` would
whether something is found (``tests/cooking/test_names.py`` compares the two).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cookalong.cooking.lookup import RecipeIndex, Rules, _best_name, rules_for
from cookalong.record import Record

NAMES_FILE = "catalog-names.json"
NAMES_VERSION = 1


class RecipeNames(Record):
    """The names of one recipe's look-up index, each with the ids it means."""

    ingredients: Mapping[str, tuple[str, ...]]  # spoken name → ingredient ids
    by_key: frozenset[str]  # ingredient keys (the INGREDIENT slot ids)
    components: Mapping[str, str]  # spoken name or id → component id
    actions: frozenset[str]
    tips: frozenset[str]  # keywords and tip ids
    servings: int
    language: str = "en"  # whose word rules the names are looked up with

    @property
    def rules(self) -> Rules:
        return rules_for(self.language)

    @classmethod
    def of(cls, index: RecipeIndex) -> RecipeNames:
        return cls(
            {name: tuple(i.id for i in found) for name, found in index.ingredients.items()},
            frozenset(index.by_key),
            {name: component.id for name, component in index.components.items()},
            frozenset(index.actions),
            frozenset(index.tips),
            index.recipe.servings,
            index.recipe.language,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "ingredients": {name: list(ids) for name, ids in self.ingredients.items()},
            "by_key": sorted(self.by_key),
            "components": dict(self.components),
            "actions": sorted(self.actions),
            "tips": sorted(self.tips),
            "servings": self.servings,
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecipeNames:
        return cls(
            {name: tuple(ids) for name, ids in data["ingredients"].items()},
            frozenset(data["by_key"]),
            dict(data["components"]),
            frozenset(data["actions"]),
            frozenset(data["tips"]),
            int(data["servings"]),
            str(data.get("language", "en")),
        )

    # Whether the index's find_* would find something (see cooking/lookup.py)

    def finds_ingredient(self, spoken: str | None, key: str | None = None) -> bool:
        if spoken and _best_name(self.ingredients, spoken, self.rules) is not None:
            return True
        return bool(key and key in self.by_key)

    def finds_component(self, spoken: str | None, key: str | None = None) -> bool:
        if key and key in self.components:
            return True
        return bool(spoken) and _best_name(self.components, spoken or "", self.rules) is not None

    def finds_action(self, spoken: str | None, key: str | None = None) -> bool:
        for candidate in (key, spoken):
            if not candidate:
                continue
            rules = self.rules
            if rules.variants(candidate) & self.actions:
                return True
            for word in rules.normalise(candidate).split():
                if {word, rules.singular(word), rules.stem(word)} & self.actions:
                    return True
        return False

    def finds_tip(self, spoken: str | None, key: str | None = None) -> bool:
        if not spoken:
            return bool(key and key in self.tips)
        text = self.rules.normalise(spoken)
        if self.rules.variants(text) & self.tips:
            return True
        if any(re.search(rf"\b{re.escape(keyword)}\b", text) for keyword in self.tips):
            return True
        return bool(key and key in self.tips)


def write_names(names: Mapping[str, RecipeNames], directory: Path) -> Path:
    """Write ``catalog-names.json`` (recipe id → names) in ``directory``."""
    target = Path(directory) / NAMES_FILE
    rows = {rid: n.as_dict() for rid, n in names.items()}
    text = json.dumps({"v": NAMES_VERSION, "recipes": rows}, ensure_ascii=False, sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def read_names(path: Path) -> dict[str, RecipeNames]:
    """Read a ``catalog-names.json`` the build wrote."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("v") != NAMES_VERSION:
        raise ValueError(f"{path}: not a names file of version {NAMES_VERSION}")
    return {rid: RecipeNames.from_dict(row) for rid, row in data["recipes"].items()}


__all__ = ["NAMES_FILE", "RecipeNames", "read_names", "write_names"]
