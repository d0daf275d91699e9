"""Finding things in a recipe by what a cook says: ingredients, parts, steps and tips.

An index is built once per recipe (at start-up) so that every question is a dictionary look-up,
with a tolerant second pass for near misses ("five spice powder", "mayo", "limes").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from cookalong.recipe.model import Component, Ingredient, Recipe, Step, Tip

_FILLER = re.compile(r"\b(the|a|an|some|of|my|your|this|that|please|step|part|bit)\b")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")


@lru_cache(maxsize=4096)  # pure, and asked again for the same words turn after turn
def normalise(text: str) -> str:
    """Lower-case, drop punctuation and filler words: "The Maple-Syrup!" → "maple syrup"."""
    text = _NON_WORD.sub(" ", text.lower().replace("'", ""))
    return " ".join(_FILLER.sub(" ", text).split())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("ch", "sh", "ss", "x")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _close_matches(words: str, names: list[str]) -> list[str]:
    """The name most like ``words`` (a misheard "mayonaise"), if any is close enough."""
    import difflib  # only for near misses: not on every cold start (about 2 ms)

    return difflib.get_close_matches(words, names, n=1, cutoff=0.8)


def _variants(text: str) -> set[str]:
    base = normalise(text)
    if not base:
        return set()
    singular = " ".join(_singular(w) for w in base.split())
    return {base, singular}


@dataclass(frozen=True)
class RecipeIndex:
    recipe: Recipe
    ingredients: dict[str, tuple[Ingredient, ...]]  # spoken name → ingredients
    by_key: dict[str, tuple[Ingredient, ...]]  # ingredient key (slot id) → ingredients
    components: dict[str, Component]  # spoken name or id → component
    actions: dict[str, tuple[Step, ...]]  # action word → steps
    uses: dict[str, tuple[Step, ...]]  # ingredient id → steps that use it
    tips: dict[str, tuple[Tip, ...]]  # keyword / tip id → tips

    # -- ingredients -----------------------------------------------------------------------
    def find_ingredients(
        self, spoken: str | None, key: str | None = None
    ) -> tuple[Ingredient, ...]:
        """All ingredients a cook may mean, best guess first; empty when none fits.

        The spoken words come first: "salt" means both salts even when Alexa resolved it to
        one of them; the resolved id is the fallback for words the recipe does not know.
        """
        found = self._ingredients_from_words(spoken) if spoken else ()
        if not found and key and key in self.by_key:
            return self.by_key[key]
        return found

    def _ingredients_from_words(self, spoken: str) -> tuple[Ingredient, ...]:
        name = _best_name(self.ingredients, spoken)
        return self.ingredients[name] if name is not None else ()

    # -- components ------------------------------------------------------------------------
    def find_component(self, spoken: str | None, key: str | None = None) -> Component | None:
        if key and key in self.components:
            return self.components[key]
        name = _best_name(self.components, spoken) if spoken else None
        return self.components[name] if name is not None else None

    # -- steps -----------------------------------------------------------------------------
    def find_action(self, spoken: str | None, key: str | None = None) -> tuple[Step, ...]:
        for candidate in (key, spoken):
            if not candidate:
                continue
            for variant in _variants(candidate):
                if variant in self.actions:
                    return self.actions[variant]
            for word in normalise(candidate).split():
                for variant in (word, _singular(word), _stem(word)):
                    if variant in self.actions:
                        return self.actions[variant]
        return ()

    def steps_using(self, ingredients: tuple[Ingredient, ...]) -> tuple[Step, ...]:
        seen: dict[tuple[str, int], Step] = {}
        for ingredient in ingredients:
            for step in self.uses.get(ingredient.id, ()):
                seen.setdefault((step.component_id, step.number), step)
        return tuple(seen.values())

    # -- tips ------------------------------------------------------------------------------
    def find_tips(self, spoken: str | None, key: str | None = None) -> tuple[Tip, ...]:
        """Every tip about what was said ("crispy skin": all three crackling rules)."""
        if not spoken:
            return self.tips.get(key, ()) if key else ()
        text = normalise(spoken)
        for variant in _variants(text):
            if variant in self.tips:
                return self.tips[variant]
        found: dict[str, Tip] = {}
        for keyword, tips in sorted(self.tips.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{re.escape(keyword)}\b", text):
                for tip in tips:
                    found.setdefault(tip.id, tip)
        if not found and key:
            return self.tips.get(key, ())
        return tuple(found.values())


def _best_name(table: dict[str, object], spoken: str) -> str | None:
    """The name in ``table`` a cook most likely meant: exactly (singular or plural), else the
    longest name all of whose words were said ("five spice powder" holds "five spice"), else a
    near miss ("mayonaise")."""
    for variant in _variants(spoken):
        if variant in table:
            return variant
    said = normalise(spoken).split()
    words = set(said) | {_singular(w) for w in said}
    contained = [n for n in table if n and set(n.split()) <= words]
    if contained:
        return max(contained, key=len)
    close = _close_matches(normalise(spoken), list(table))
    return close[0] if close else None


_GRILL = {"grill": "broil", "grilling": "broil", "broiling": "broil", "baking": "bake"}


def _stem(word: str) -> str:
    if word in _GRILL:
        return _GRILL[word]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def build_index(recipe: Recipe) -> RecipeIndex:
    """The look-up index of a recipe: build it once, at start-up, and share it.

    Exact look-ups (ingredient key, steps using an ingredient) are the loader's own tables; this
    adds what a cook may say: lower-cased, singular and plural, filler words dropped.
    """
    ingredients: dict[str, list[Ingredient]] = defaultdict(list)
    components: dict[str, Component] = {}
    actions: dict[str, list[Step]] = defaultdict(list)
    tips: dict[str, list[Tip]] = defaultdict(list)
    for component in recipe.components:
        for name in (component.id, component.name, *component.synonyms):
            for variant in _variants(name):
                components.setdefault(variant, component)
        components.setdefault(component.id, component)
        for ingredient in component.ingredients:
            for name in (ingredient.name, ingredient.key.replace("-", " "), *ingredient.synonyms):
                for variant in _variants(name):
                    if ingredient not in ingredients[variant]:
                        ingredients[variant].append(ingredient)
        for step in component.steps:
            for action in step.actions:
                for variant in _variants(action) | {_stem(normalise(action))}:
                    actions[variant].append(step)
    for tip in recipe.tips:
        tips[tip.id].append(tip)
        for keyword in tip.keywords:
            for variant in _variants(keyword):
                if tip not in tips[variant]:
                    tips[variant].append(tip)
    if "broil" in actions:
        actions.setdefault("grill", actions["broil"])
    return RecipeIndex(
        recipe=recipe,
        ingredients={k: _exact_first(k, v) for k, v in ingredients.items()},
        by_key=recipe.ingredients_by_key,
        components=components,
        actions={k: tuple(v) for k, v in actions.items()},
        uses=recipe.steps_by_ingredient,
        tips={k: tuple(v) for k, v in tips.items()},
    )


def _exact_first(spoken: str, found: list[Ingredient]) -> tuple[Ingredient, ...]:
    """When "salt" means two ingredients, keep them all; when one is named exactly, it alone."""
    exact = [i for i in found if spoken in _variants(i.name)]
    return tuple(exact) if exact and len(exact) < len(found) else tuple(found)
