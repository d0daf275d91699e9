"""The cooking session state machine: one method per thing a cook can ask.

Every method takes the cook's words as already understood (an ingredient name, a step number …),
updates the :class:`CookingState` and returns a :class:`Reply` of message keys and domain values.
Wording lives in the locale resources; this module never builds a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cookalong.cooking.lookup import RecipeIndex, build_index
from cookalong.cooking.navigation import IDLE_DAYS_BEFORE_FRESH_START, Navigation
from cookalong.cooking.questions import MAX_SERVINGS, Questions
from cookalong.cooking.state import CookingState
from cookalong.recipe.model import Recipe

#: How many saved places a cookbook keeps already read (see :meth:`Cookbook.session`).
PLACES_KEPT = 1024


@dataclass(frozen=True)
class Cookbook:
    """The recipes this skill knows, each with its look-up index: built once at start-up."""

    recipes: dict[str, Recipe]
    indexes: dict[str, RecipeIndex]
    _places: dict[str, CookingState] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def of(cls, recipes: dict[str, Recipe]) -> Cookbook:
        if not recipes:
            raise ValueError("a cookbook needs at least one recipe")
        return cls(recipes, {rid: build_index(r) for rid, r in recipes.items()})

    @property
    def default(self) -> Recipe:
        return next(iter(self.recipes.values()))

    def session(self, saved: object, turn: object = None, *, now: int) -> CookingSession:
        # Every turn of a session reads (and repairs) the same saved place: keep what was read,
        # by the saved dict's repr, which tells JSON values apart exactly (1, 1.0, True and "1"
        # differ). A CookingState is immutable, so sharing one is safe.
        key = repr(saved)
        place = self._places.get(key)
        if place is None:
            place = CookingState.from_dict(saved, self.recipes)
            if len(self._places) >= PLACES_KEPT:
                self._places.clear()
            self._places[key] = place
        state = place.with_turn(turn)
        return CookingSession(self.indexes[state.recipe], state, now=now)


class CookingSession(Navigation, Questions):
    """A cook's progress through one recipe, and everything they can ask along the way."""


__all__ = ["IDLE_DAYS_BEFORE_FRESH_START", "MAX_SERVINGS", "Cookbook", "CookingSession"]
