"""The cook's place, as it is saved between turns and sessions.

The state is a small JSON-able dict (``"v"`` is its schema version). :meth:`CookingState.from_dict`
accepts anything that was ever saved — an older version, numbers that came back from DynamoDB as
``Decimal``, or a place in a recipe that has since changed — and repairs it rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from fractions import Fraction
from typing import Any

from cookalong.recipe.model import Recipe

STATE_VERSION = 1
_UNSCALED = Fraction(1)
UNIT_SYSTEMS = ("us", "metric")
TURN_FIELDS = ("pending", "last", "last_reprompt")


@dataclass(frozen=True)
class CookingState:
    """Where the cook is and what they asked for.

    ``step`` is 1-based within ``component``; 0 means the recipe has not been started.
    ``servings`` is a fraction string ("8", "2") or ``None`` for the recipe's own yield.
    ``units`` is "us", "metric" or ``None`` for the locale's default.
    ``pending`` names what a "yes" would do next; ``back_to`` is the place to return to after a
    side trip (making the aioli while the pork bakes).
    """

    recipe: str
    component: str
    step: int = 0
    servings: str | None = None
    units: str | None = None
    started: bool = False
    finished: bool = False
    done: tuple[str, ...] = ()
    pending: str | None = None
    back_to: tuple[str, int] | None = None
    last: str | None = None
    last_reprompt: str | None = None
    updated: int = 0
    timer: tuple[str, int, int] | None = None  # (component, step, started at) of a timed wait

    # -- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """What is saved between sessions: the place and the preferences, nothing per-turn."""
        data = {name: getattr(self, name) for name in _SAVED_FIELDS}
        data["done"] = list(self.done)
        data["back_to"] = list(self.back_to) if self.back_to else None
        data["timer"] = list(self.timer) if self.timer else None
        data["v"] = STATE_VERSION
        return {k: v for k, v in data.items() if v not in (None, (), [], False, 0) or k == "step"}

    def turn_dict(self) -> dict[str, Any]:
        """What only this session needs: what was last said (for "repeat") and a pending offer."""
        return {k: getattr(self, k) for k in TURN_FIELDS if getattr(self, k)}

    @classmethod
    def fresh(cls, recipe: Recipe) -> CookingState:
        return cls(recipe=recipe.id, component=recipe.components[0].id)

    @classmethod
    def from_dict(cls, data: Any, recipes: dict[str, Recipe], turn: Any = None) -> CookingState:
        """Rebuild a saved state, repairing whatever no longer fits the recipes we have."""
        return cls._saved_place(data, recipes).with_turn(turn)

    def with_turn(self, turn: Any) -> CookingState:
        """This place with what was said in this session (the ``"turn"`` session attribute)."""
        if not isinstance(turn, dict) or not turn:
            return self
        return self.evolve(
            pending=_str(turn.get("pending")),
            last=_str(turn.get("last")),
            last_reprompt=_str(turn.get("last_reprompt")),
        )

    def evolve(self, **changes: Any) -> CookingState:
        """``dataclasses.replace`` without its per-call inspection of the fields (every turn
        rebuilds the state and remembers what was said: this is on the warm path)."""
        unknown = changes.keys() - _FIELD_NAMES
        if unknown:
            raise TypeError(f"CookingState has no field {', '.join(sorted(unknown))}")
        new = object.__new__(CookingState)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    @classmethod
    def _saved_place(cls, data: Any, recipes: dict[str, Recipe]) -> CookingState:
        default = next(iter(recipes.values()))
        if not isinstance(data, dict):
            return cls.fresh(default)
        recipe = recipes.get(str(data.get("recipe")))
        if recipe is None:
            return cls.fresh(default)
        components = {c.id: c for c in recipe.components}
        component_id = str(data.get("component") or "")
        if component_id not in components:
            return replace(
                cls.fresh(recipe),
                servings=_servings(data.get("servings")),
                units=_units(data.get("units")),
            )
        steps = len(components[component_id].steps)
        step = min(max(_int(data.get("step")), 0), steps)
        back_to = data.get("back_to")
        if (
            isinstance(back_to, list | tuple)
            and len(back_to) == 2
            and back_to[0] in components
            and 1 <= _int(back_to[1]) <= len(components[back_to[0]].steps)
        ):
            back = (str(back_to[0]), _int(back_to[1]))
        else:
            back = None
        done = tuple(c for c in data.get("done") or () if c in components)
        return cls(
            recipe=recipe.id,
            component=component_id,
            step=step,
            servings=_servings(data.get("servings")),
            units=_units(data.get("units")),
            started=bool(data.get("started")) and step > 0,
            finished=bool(data.get("finished")),
            done=done,
            back_to=back,
            timer=_timer(data.get("timer"), components),
            updated=_int(data.get("updated")),
        )

    # -- derived ---------------------------------------------------------------------------
    def servings_fraction(self, recipe: Recipe) -> Fraction:
        return Fraction(self.servings) if self.servings else Fraction(recipe.servings)

    def scale(self, recipe: Recipe) -> Fraction:
        if not self.servings:
            return _UNSCALED  # the recipe's own yield (most cooks): no fraction arithmetic
        return self.servings_fraction(recipe) / recipe.servings

    def progress_key(self) -> tuple[Any, ...]:
        """What changes only when the cook moved or changed a preference (not what was said)."""
        return (
            self.recipe,
            self.component,
            self.step,
            self.servings,
            self.units,
            self.started,
            self.finished,
            self.done,
            self.back_to,
        )


def _timer(value: Any, components: dict[str, Any]) -> tuple[str, int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 3 and value[0] in components:
        step = _int(value[1])
        if 1 <= step <= len(components[value[0]].steps):
            return (str(value[0]), step, _int(value[2]))
    return None


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, ArithmeticError):
        return 0


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _servings(value: Any) -> str | None:
    if value is None:
        return None
    try:
        servings = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None
    return str(servings) if 0 < servings <= 100 else None


def _units(value: Any) -> str | None:
    return value if value in UNIT_SYSTEMS else None


__all__ = ["STATE_VERSION", "UNIT_SYSTEMS", "CookingState"]


_FIELD_NAMES = frozenset(f.name for f in fields(CookingState))
_SAVED_FIELDS = tuple(f.name for f in fields(CookingState) if f.name not in TURN_FIELDS)
