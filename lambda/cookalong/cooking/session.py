"""The cooking session state machine: one method per thing a cook can ask.

Every method takes the cook's words as already understood (an ingredient name, a step number …),
updates the :class:`CookingState` and returns a :class:`Reply` of message keys and domain values.
Wording lives in the locale resources; this module never builds a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from cookalong.cooking.catalog import Catalog
from cookalong.cooking.conversation import Conversation
from cookalong.cooking.effects import ClearEntities, UseRecipeEntities
from cookalong.cooking.facts import Facts
from cookalong.cooking.lookup import RecipeIndex, build_index, match_titles, title_index
from cookalong.cooking.messages import Msg, Reply
from cookalong.cooking.names import NAMES_FILE, RecipeNames, read_names
from cookalong.cooking.navigation import IDLE_DAYS_BEFORE_FRESH_START, Navigation
from cookalong.cooking.questions import Questions
from cookalong.cooking.state import MAX_SERVINGS, CookingState
from cookalong.cooking.timers import Timers
from cookalong.recipe.catalog import Entry, built_catalog, read_catalog
from cookalong.recipe.model import Recipe
from cookalong.record import replace


class _Recipes(Mapping[str, Recipe]):
    """Recipes by id, each loaded the first time it is asked for."""

    def __init__(self, loaders: dict[str, Callable[[], Recipe]]) -> None:
        self._loaders = loaders
        self._loaded: dict[str, Recipe] = {}

    def __getitem__(self, rid: str) -> Recipe:
        recipe = self._loaded.get(rid)
        if recipe is None:
            loader = self._loaders[rid]  # KeyError for an unknown id, as a dict
            recipe = self._loaded[rid] = loader()
        return recipe

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)

    def __contains__(self, rid: object) -> bool:
        return rid in self._loaders

    def only(self, ids: list[str]) -> _Recipes:
        """The recipes ``ids``, sharing what is loaded (one load of each, whatever the view)."""
        view = _Recipes({rid: self._loaders[rid] for rid in ids})
        view._loaded = self._loaded
        return view


class Cookbook:
    """The recipes this skill knows, each with its look-up index, built once when first used.

    Parameters
    ----------
    titles
        Recipe id to what a cook calls it ("maple glazed pork belly"), in catalog order; the
        first is the default.
    loaders
        Recipe id to a function loading that recipe (called at most once).
    aliases
        Recipe id to more names a cook may say ("pork belly").
    names
        Reads what every recipe's index knows (:mod:`cookalong.cooking.names`) without loading
        the recipes: the build's ``catalog-names.json``; without it, each recipe's own index.
    """

    def __init__(
        self,
        titles: dict[str, str],
        loaders: dict[str, Callable[[], Recipe]],
        aliases: dict[str, tuple[str, ...]] | None = None,
        languages: dict[str, str] | None = None,
        names: Callable[[], Mapping[str, RecipeNames]] | None = None,
    ) -> None:
        if not titles:
            raise ValueError("a cookbook needs at least one recipe")
        self._titles = titles
        self._loaders = loaders
        self.recipes: Mapping[str, Recipe] = _Recipes(loaders)
        self._aliases = aliases or {}
        self._languages = languages or {}
        self._indexes: dict[str, RecipeIndex] = {}
        self._by_language: dict[str, Cookbook] = {}
        #: How many recipes the whole catalog has, in every language (a view has fewer).
        self.catalog_size = len(titles)
        self._read_names = names
        self._names: dict[str, RecipeNames] = {}
        self._title_index: dict[str, tuple[frozenset[str], ...]] | None = None
        self._title_language = "en"

    @classmethod
    def of(cls, recipes: dict[str, Recipe]) -> Cookbook:
        """A cookbook of recipes already loaded (a checkout, tests, tools)."""
        if not recipes:
            raise ValueError("a cookbook needs at least one recipe")
        titles = {rid: r.short_title for rid, r in recipes.items()}
        loaders = {rid: (lambda r=r: r) for rid, r in recipes.items()}
        aliases = {rid: tuple(r.aliases) for rid, r in recipes.items()}
        languages = {rid: r.language for rid, r in recipes.items()}
        return cls(titles, loaders, aliases, languages)

    @classmethod
    def from_catalog(cls, entries: list[Entry], names: Path | None = None) -> Cookbook:
        """A cookbook that loads each recipe of the catalog the first time it is used (and
        the names of all, from ``names``, the first time they are asked for)."""
        return cls(
            {e.id: e.title for e in entries},
            {e.id: e.load for e in entries},
            {e.id: e.aliases for e in entries},
            {e.id: e.language for e in entries},
            (lambda: read_names(names)) if names is not None else None,
        )

    def for_language(self, language: str) -> Cookbook:
        """The recipes a locale of ``language`` can speak (the same loaded recipes)."""
        found = self._by_language.get(language)
        if found is None:
            ids = [rid for rid in self._titles if self._languages.get(rid, "en") == language]
            if len(ids) == len(self._titles):
                found = self
            elif not ids:
                raise LookupError(f"no recipe in the language {language!r}")
            else:
                found = Cookbook(
                    {rid: self._titles[rid] for rid in ids},
                    {rid: self._loaders[rid] for rid in ids},
                    self._aliases,
                    self._languages,
                )
                if isinstance(self.recipes, _Recipes):  # one load of each recipe, any view
                    found.recipes = self.recipes.only(ids)
                found.catalog_size = self.catalog_size
                found._indexes = self._indexes
                found._read_names, found._names = self._read_names, self._names
            self._by_language[language] = found
        return found

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._languages.get(rid, "en") for rid in self._titles)

    @property
    def default_id(self) -> str:
        return next(iter(self._titles))

    def recipe(self, rid: str) -> Recipe:
        return self.recipes[rid]

    def index(self, rid: str) -> RecipeIndex:
        found = self._indexes.get(rid)
        if found is None:
            found = self._indexes[rid] = build_index(self.recipes[rid])
        return found

    def names(self, rid: str) -> RecipeNames:
        """What recipe ``rid``'s index knows, read without loading the recipe when the build
        wrote the names."""
        found = self._names.get(rid)
        if found is None:
            if self._read_names is not None:
                self._names.update(self._read_names())
                self._read_names = None
                found = self._names.get(rid)
            if found is None:
                found = self._names[rid] = RecipeNames.of(self.index(rid))
        return found

    def title(self, rid: str) -> str:
        return self._titles[rid]

    def titles(self) -> list[tuple[str, str]]:
        return list(self._titles.items())

    def find_recipes(self, words: str | None, key: str | None = None) -> list[str]:
        """The recipes a cook may mean by ``words`` (best first); the resolved id wins."""
        if key and key in self._titles:
            return [key]
        if not words:
            return []
        if self._title_index is None:  # once: the words of every title and alias
            names = {rid: (t, *self._aliases.get(rid, ())) for rid, t in self._titles.items()}
            languages = {self._languages.get(rid, "en") for rid in self._titles}
            self._title_language = languages.pop() if len(languages) == 1 else "en"
            self._title_index = title_index(names, self._title_language)
        return match_titles(words, self._title_index, self._title_language)

    def session(self, saved: object, turn: object = None, *, now: int) -> CookingSession:
        state = CookingState.from_dict(saved, self.recipes, turn)
        return CookingSession(self, state, now=now)


def default_cookbook() -> Cookbook:
    """The skill's recipes: from the built catalog (lazily) in the Lambda artifact, else the
    recipe files loaded and validated now (a checkout)."""
    built = built_catalog()
    if built is not None:
        names = built.parent / NAMES_FILE
        return Cookbook.from_catalog(read_catalog(built), names if names.is_file() else None)
    from cookalong.recipe.loader import default_recipes

    return Cookbook.of(default_recipes())


class CookingSession(Conversation, Catalog, Timers, Facts, Questions, Navigation):
    """A cook's kitchen, and everything they can ask along the way."""

    one_shot = False  # set by the adapter for a request that opened a session with a question

    def launch(self) -> Reply:
        """Welcome back to the recipe in progress; with several recipes and none going, offer
        a choice."""
        in_progress = self.progress.started and not self.progress.finished
        several = len(self.cookbook.titles()) > 1
        if not in_progress and several and not self.progress.finished:
            return self.welcome_catalog()
        reply = super().launch()
        if in_progress and several:
            return replace(reply, effects=(*reply.effects, UseRecipeEntities(self.recipe.id)))
        return reply

    def conclude(self, reply: Reply) -> Reply:
        """Also: a one-shot question in a cookbook of several names the recipe in progress, and
        a finished recipe forgets its dynamic entities."""
        reply = super().conclude(reply)
        several = len(self.cookbook.titles()) > 1
        if self.progress.finished and several and not reply.effects:
            reply = replace(reply, effects=(ClearEntities(),))
        if self.one_shot and several and self.progress.started:
            reply = replace(
                reply, speech=(Msg.of("for_recipe", recipe=self.recipe.short_title), *reply.speech)
            )
        return reply


__all__ = [
    "IDLE_DAYS_BEFORE_FRESH_START",
    "MAX_SERVINGS",
    "Cookbook",
    "CookingSession",
    "default_cookbook",
]
