"""The cook's kitchen, as it is saved between turns and sessions.

What is saved (``"state"``, schema version ``"v": 2``) is a small JSON-able dict::

    {"v": 2, "recipe": "<the recipe in front>", "units": "metric", "updated": 1800000000,
     "recipes": {"<recipe id>": {
         "front": "aioli",                          # the part in front
         "at": {"pork-belly": 5, "aioli": 1},       # each part's own place (0: not started)
         "done": ["aioli"], "started": true, "finished": false, "servings": "8",
         "running": [{"c": "pork-belly", "s": 5, "since": 1800000000, "elapsed": 0,
                      "timer": "<Alexa timer id>"}],
         "oven": {"c": "pork-belly", "s": 5, "since": 1800000000},
         "updated": 1800000000}}}

What only this session needs travels apart (``"turn"``): the offer a "yes" would take, what was
last said (for "repeat") and what the last answer was about (for "for the aioli").

:meth:`CookingState.from_dict` accepts anything: an older version, numbers that came back from
DynamoDB as ``Decimal``, a place in a recipe that has since changed, or a value of the wrong
shape anywhere. Repair is total: every field's type is checked, duplicates are dropped, sizes
are capped, and what cannot be repaired starts fresh (``repaired`` says so, so that the adapter
logs it and overwrites the stored copy).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cookalong.cooking.offers import About, Offer
from cookalong.recipe.model import Component, Recipe

STATE_VERSION = 2
UNIT_SYSTEMS = ("us", "metric")
MAX_SERVINGS = 100
#: What travels in the ``"turn"`` session attribute (this session only, never saved).
TURN_FIELDS = ("offer", "about", "last", "last_reprompt")
#: Longest text kept for "repeat" (Alexa speaks at most 8,000 characters).
MAX_SAID = 6000
#: Longest Alexa timer id kept.
MAX_TIMER_ID = 200
#: The longest timer Alexa sets (24 hours).
MAX_TIMER_SECONDS = 24 * 3600
_UNSCALED = Fraction(1)


class Activity:
    """Something running on its own clock: the bake, the broil, the rest (and its Alexa timer).

    ``since`` is when the clock last started (epoch seconds), ``None`` while paused;
    ``elapsed`` the seconds counted before that (a paused clock keeps them here); ``told``
    whether the cook has heard that it is over.
    """

    __slots__ = ("component", "elapsed", "length", "since", "step", "timer", "told")

    def __init__(
        self,
        component: str,
        step: int,
        since: int | None,
        elapsed: int = 0,
        timer: str | None = None,
        told: bool = False,
        length: int = 0,
    ) -> None:
        self.component = component
        self.step = step
        self.since = since
        self.elapsed = elapsed
        self.timer = timer
        self.told = told
        self.length = length  # seconds, when the cook chose the time ("a ten minute timer")

    @property
    def key(self) -> tuple[str, int]:
        return (self.component, self.step)

    @property
    def paused(self) -> bool:
        return self.since is None

    def seconds(self, now: int) -> int:
        """How long it has run by ``now`` (pauses not counted)."""
        running = max(now - self.since, 0) if self.since is not None else 0
        return self.elapsed + running

    def pause(self, now: int) -> None:
        if self.since is not None:
            self.elapsed = self.seconds(now)
            self.since = None

    def resume(self, now: int) -> None:
        if self.since is None:
            self.since = now

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"c": self.component, "s": self.step, "since": self.since}
        if self.elapsed:
            data["elapsed"] = self.elapsed
        if self.timer:
            data["timer"] = self.timer
        if self.told:
            data["told"] = True
        if self.length:
            data["length"] = self.length
        return data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Activity) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Activity({self.to_dict()!r})"


class Oven:
    """What the oven was last set to: the setting of step ``step`` of ``component``, since when."""

    __slots__ = ("component", "since", "step")

    def __init__(self, component: str, step: int, since: int) -> None:
        self.component = component
        self.step = step
        self.since = since

    def to_dict(self) -> dict[str, Any]:
        return {"c": self.component, "s": self.step, "since": self.since}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Oven) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Oven({self.to_dict()!r})"


class Progress:
    """A cook's progress through one recipe: each part's place, what runs, the oven."""

    __slots__ = (
        "at",
        "done",
        "finished",
        "front",
        "oven",
        "recipe",
        "running",
        "servings",
        "started",
        "updated",
    )

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe.id
        self.front = recipe.components[0].id
        self.at: dict[str, int] = {}
        self.done: list[str] = []
        self.started = False
        self.finished = False
        self.servings: str | None = None
        self.running: list[Activity] = []
        self.oven: Oven | None = None
        self.updated = 0

    # -- places ----------------------------------------------------------------------------
    def place(self, component_id: str) -> int:
        return self.at.get(component_id, 0)

    def activity(self, component_id: str, step: int) -> Activity | None:
        for activity in self.running:
            if activity.key == (component_id, step):
                return activity
        return None

    def servings_fraction(self, recipe: Recipe) -> Fraction:
        return Fraction(self.servings) if self.servings else Fraction(recipe.servings)

    def scale(self, recipe: Recipe) -> Fraction:
        if not self.servings:
            return _UNSCALED  # the recipe's own yield (most cooks): no fraction arithmetic
        return self.servings_fraction(recipe) / recipe.servings

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"front": self.front, "at": dict(self.at)}
        if self.done:
            data["done"] = list(self.done)
        if self.started:
            data["started"] = True
        if self.finished:
            data["finished"] = True
        if self.servings:
            data["servings"] = self.servings
        if self.running:
            data["running"] = [a.to_dict() for a in self.running]
        if self.oven is not None:
            data["oven"] = self.oven.to_dict()
        if self.updated:
            data["updated"] = self.updated
        return data

    @classmethod
    def from_dict(cls, data: Any, recipe: Recipe) -> Progress:
        """Rebuild one recipe's progress from anything, keeping only what fits the recipe."""
        progress = cls(recipe)
        if not isinstance(data, dict):
            return progress
        components = recipe.components_by_id or {c.id: c for c in recipe.components}
        front = data.get("front")
        if isinstance(front, str) and front in components:
            progress.front = front
        at = data.get("at")
        if isinstance(at, dict):
            for component_id, step in at.items():
                if isinstance(component_id, str) and component_id in components:
                    number = _int(step)
                    steps = len(components[component_id].steps)
                    progress.at[component_id] = min(max(number, 0), steps)
        progress.done = _unique_known(data.get("done"), components)
        progress.servings = _servings(data.get("servings"))
        progress.started = data.get("started") is True and any(progress.at.values())
        progress.finished = data.get("finished") is True
        progress.running = _activities(data.get("running"), components)
        progress.oven = _oven(data.get("oven"), components)
        progress.updated = max(_int(data.get("updated")), 0)
        return progress


class CookingState:
    """Everything kept for one cook: the recipe in front, each recipe's progress, preferences;
    and, for this session only, the pending offer, what was last said and what it was about."""

    __slots__ = (
        "about",
        "chosen",
        "last",
        "last_reprompt",
        "offer",
        "progress",
        "recipe",
        "recipes",
        "repaired",
        "units",
        "updated",
    )

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe.id
        self.recipes: dict[str, Progress] = {}
        self.units: str | None = None
        self.updated = 0
        self.offer: Offer | None = None
        self.about: About | None = None
        self.last: str | None = None
        self.last_reprompt: str | None = None
        self.repaired = False
        self.chosen = False  # the cook chose the recipe in front (kept even before starting it)
        self.progress = self.progress_of(recipe)

    # -- the recipe in front ---------------------------------------------------------------
    def progress_of(self, recipe: Recipe) -> Progress:
        found = self.recipes.get(recipe.id)
        if found is None:
            found = self.recipes[recipe.id] = Progress(recipe)
        return found

    def switch_to(self, recipe: Recipe) -> Progress:
        self.recipe = recipe.id
        self.chosen = True
        self.progress = self.progress_of(recipe)
        return self.progress

    # Shortcuts to the recipe in front (most of the session reads these).
    @property
    def component(self) -> str:
        return self.progress.front

    @property
    def step(self) -> int:
        return self.progress.place(self.progress.front)

    @property
    def started(self) -> bool:
        return self.progress.started

    @property
    def finished(self) -> bool:
        return self.progress.finished

    @property
    def done(self) -> list[str]:
        return self.progress.done

    @property
    def servings(self) -> str | None:
        return self.progress.servings

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any] | None:
        """What is saved between sessions; ``None`` when there is nothing worth keeping."""
        recipes = {
            rid: p.to_dict()
            for rid, p in self.recipes.items()
            if p.started or p.finished or p.servings or (rid == self.recipe and p.at)
        }
        if not recipes and not self.units and not self.chosen:
            return None
        data: dict[str, Any] = {"v": STATE_VERSION, "recipe": self.recipe, "recipes": recipes}
        if self.units:
            data["units"] = self.units
        if self.updated:
            data["updated"] = self.updated
        return data

    def turn_dict(self) -> dict[str, Any]:
        """What only this session needs: the pending offer, the last words and their topic."""
        data: dict[str, Any] = {}
        if self.offer is not None:
            data["offer"] = self.offer.to_dict()
        if self.about is not None:
            data["about"] = self.about.to_dict()
        if self.last:
            data["last"] = self.last
        if self.last_reprompt:
            data["last_reprompt"] = self.last_reprompt
        return data

    @classmethod
    def fresh(cls, recipe: Recipe) -> CookingState:
        return cls(recipe)

    @classmethod
    def from_dict(cls, data: Any, recipes: dict[str, Recipe], turn: Any = None) -> CookingState:
        """Rebuild a saved state, repairing whatever no longer fits the recipes we have."""
        default = recipes[next(iter(recipes))]
        try:
            state = cls._saved(data, recipes, default)
        except Exception:  # repair is total: a shape no rule foresaw starts fresh
            state = cls(default)
            state.repaired = True
        state.with_turn(turn, recipes)
        return state

    def with_turn(self, turn: Any, recipes: dict[str, Recipe] | None = None) -> CookingState:
        """Adopt what was said in this session (the ``"turn"`` session attribute)."""
        if not isinstance(turn, dict):
            return self
        self.offer = Offer.from_dict(turn.get("offer"))
        self.about = About.from_dict(turn.get("about"))
        self.last = _text(turn.get("last"))
        self.last_reprompt = _text(turn.get("last_reprompt"))
        return self

    @classmethod
    def _saved(cls, data: Any, recipes: dict[str, Recipe], default: Recipe) -> CookingState:
        if not isinstance(data, dict):
            state = cls(default)
            state.repaired = data is not None
            return state
        if _int(data.get("v")) < STATE_VERSION:
            return cls._from_v1(data, recipes, default)
        front = recipes.get(data.get("recipe")) if isinstance(data.get("recipe"), str) else None
        state = cls(front or default)
        state.repaired = front is None
        state.chosen = front is not None
        state.units = _units(data.get("units"))
        state.updated = max(_int(data.get("updated")), 0)
        saved = data.get("recipes")
        if isinstance(saved, dict):
            for rid, progress in saved.items():
                recipe = recipes.get(rid) if isinstance(rid, str) else None
                if recipe is not None:
                    state.recipes[rid] = Progress.from_dict(progress, recipe)
        elif saved is not None:
            state.repaired = True
        state.progress = state.progress_of(front or default)
        return state

    @classmethod
    def _from_v1(cls, data: dict, recipes: dict[str, Recipe], default: Recipe) -> CookingState:
        """A place saved before the kitchen ran in parallel: one part in front, one way back."""
        recipe = recipes.get(data.get("recipe")) if isinstance(data.get("recipe"), str) else None
        state = cls(recipe or default)
        state.units = _units(data.get("units"))
        state.updated = max(_int(data.get("updated")), 0)
        if recipe is None:
            return state
        progress = state.progress
        progress.servings = _servings(data.get("servings"))
        progress.updated = state.updated
        progress.finished = data.get("finished") is True
        components = {c.id: c for c in recipe.components}
        component = data.get("component")
        if not isinstance(component, str) or component not in components:
            return state
        progress.front = component
        step = min(max(_int(data.get("step")), 0), len(components[component].steps))
        if step:
            progress.at[component] = step
        back = data.get("back_to")
        if (
            isinstance(back, list | tuple)
            and len(back) == 2
            and isinstance(back[0], str)
            and back[0] in components
        ):
            number = _int(back[1])
            if 1 <= number <= len(components[back[0]].steps):
                progress.at[back[0]] = number
        progress.done = _unique_known(data.get("done"), components)
        progress.started = data.get("started") is True and step > 0
        timer = data.get("timer")
        if isinstance(timer, list | tuple) and len(timer) == 3:
            progress.running = _activities(
                [{"c": timer[0], "s": timer[1], "since": timer[2]}], components
            )
        return state


# -- repair helpers --------------------------------------------------------------------------
def _activities(value: Any, components: dict[str, Component]) -> list[Activity]:
    if not isinstance(value, list):
        return []
    found: dict[tuple[str, int], Activity] = {}
    for item in value[:64]:
        if not isinstance(item, dict):
            continue
        component_id, step = item.get("c"), _int(item.get("s"))
        if not isinstance(component_id, str) or component_id not in components:
            continue
        steps = components[component_id].steps
        length = min(max(_int(item.get("length")), 0), MAX_TIMER_SECONDS)
        if not 1 <= step <= len(steps) or not (steps[step - 1].durations or length):
            continue
        since = item.get("since")
        since_value = max(_int(since), 0) if since is not None else None
        timer = item.get("timer")
        timer_id = timer if isinstance(timer, str) and 0 < len(timer) <= MAX_TIMER_ID else None
        found.setdefault(
            (component_id, step),
            Activity(
                component_id,
                step,
                since_value,
                max(_int(item.get("elapsed")), 0),
                timer_id,
                item.get("told") is True,
                length,
            ),
        )
    return list(found.values())


def _oven(value: Any, components: dict[str, Component]) -> Oven | None:
    if not isinstance(value, dict):
        return None
    component_id, step = value.get("c"), _int(value.get("s"))
    if not isinstance(component_id, str) or component_id not in components:
        return None
    steps = components[component_id].steps
    if not 1 <= step <= len(steps) or steps[step - 1].oven is None:
        return None
    return Oven(component_id, step, max(_int(value.get("since")), 0))


def _unique_known(value: Any, known: dict[str, Any]) -> list[str]:
    if not isinstance(value, list | tuple):
        return []
    seen: dict[str, None] = {}
    for item in value[: 4 * len(known) + 4]:
        if isinstance(item, str) and item in known:
            seen.setdefault(item, None)
    return list(seen)


def _int(value: Any) -> int:
    """An int from anything a store may give back (``Decimal``, float, str); else 0."""
    if value is None or isinstance(value, bool):  # None: a field not saved (no exception)
        return 0
    if isinstance(value, int):
        return value
    try:
        number = float(value) if not isinstance(value, str) else float(value.strip())
    except (TypeError, ValueError, ArithmeticError):
        return 0
    if math.isnan(number) or math.isinf(number):
        return 0
    return int(max(min(number, 2**53), -(2**53)))


def _text(value: Any) -> str | None:
    return value[:MAX_SAID] if isinstance(value, str) and value else None


_SERVINGS = re.compile(r"\d{1,3}(?:/\d{1,3})?")


def _servings(value: Any) -> str | None:
    """Servings as saved ("8", "3/2"), from a short pattern only: "1e999999999" would make
    ``Fraction`` build a number with a billion digits."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal | float):
        number = _int(value)
        text = str(number) if number == value else ""
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    if not _SERVINGS.fullmatch(text):
        return None
    try:
        servings = Fraction(text)
    except ZeroDivisionError:
        return None
    return str(servings) if 0 < servings <= MAX_SERVINGS else None


def _units(value: Any) -> str | None:
    return value if isinstance(value, str) and value in UNIT_SYSTEMS else None


__all__ = [
    "MAX_SERVINGS",
    "STATE_VERSION",
    "TURN_FIELDS",
    "UNIT_SYSTEMS",
    "Activity",
    "CookingState",
    "Oven",
    "Progress",
]
