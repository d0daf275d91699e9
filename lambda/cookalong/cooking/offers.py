"""Typed values for the conversation's context: the offer a "yes" takes, and what an answer was
about (so that "for the aioli" or "in grams" can narrow it).

Both travel in the session's ``"turn"`` attribute as small dicts; :meth:`from_dict` accepts
anything and returns ``None`` for what it cannot read.
"""

from __future__ import annotations

from typing import Any

#: Offers a "yes" or "no" acts on.
OFFER_KINDS = frozenset(
    {
        "start",  # start the recipe
        "start_over",  # cook it again from the top
        "resume_or_fresh",  # after days away: yes picks up, no starts fresh
        "ingredients",  # hear the ingredient list (``component``: one part)
        "part",  # make ``component`` now (the aioli while the pork bakes)
        "goto",  # go to step ``step`` of ``component``
        "tip",  # the next tip, at ``position`` in the recipe's tips
        "timer",  # an Alexa timer for the wait of step ``step`` of ``component``
        "more",  # the rest of a list, from ``position`` (``topic``: which list)
        "recipe",  # cook ``recipe``
        "recipes",  # more of the catalog, from ``position``
    }
)
#: Questions the skill asked, which a one-word answer completes ("six", "miso", "the aioli").
ASK_KINDS = frozenset(
    {
        "ask_servings",  # how many people?
        "ask_ingredient",  # which ingredient? (``topic``: what for: how_much, find_step)
        "ask_component",  # which part? (``topic``: start, ingredients, go_to_step)
        "ask_step",  # which step (of ``component``)?
        "ask_units",  # metric, or cups and spoons?
        "ask_recipe",  # which recipe?
    }
)
_TEXT_LIMIT = 120


class Offer:
    """One pending offer or question; a new question replaces it."""

    __slots__ = ("component", "kind", "position", "recipe", "step", "topic")

    def __init__(
        self,
        kind: str,
        *,
        component: str | None = None,
        step: int | None = None,
        position: int | None = None,
        recipe: str | None = None,
        topic: str | None = None,
    ) -> None:
        self.kind = kind
        self.component = component
        self.step = step
        self.position = position
        self.recipe = recipe
        self.topic = topic

    @property
    def is_question(self) -> bool:
        return self.kind in ASK_KINDS

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for name in ("component", "step", "position", "recipe", "topic"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Offer | None:
        if not isinstance(data, dict):
            return None
        kind = data.get("kind")
        if not isinstance(kind, str) or kind not in OFFER_KINDS | ASK_KINDS:
            return None
        return cls(
            kind,
            component=_name(data.get("component")),
            step=_small_int(data.get("step")),
            position=_small_int(data.get("position")),
            recipe=_name(data.get("recipe")),
            topic=_name(data.get("topic")),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Offer) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Offer({self.to_dict()!r})"


class About:
    """What the last answer was about: the question, its ingredients, part and unit."""

    __slots__ = ("component", "ingredients", "kind", "unit", "words")

    def __init__(
        self,
        kind: str,
        *,
        ingredients: tuple[str, ...] = (),
        component: str | None = None,
        unit: str | None = None,
        words: str | None = None,
    ) -> None:
        self.kind = kind
        self.ingredients = ingredients
        self.component = component
        self.unit = unit
        self.words = words

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        if self.ingredients:
            data["ingredients"] = list(self.ingredients)
        for name in ("component", "unit", "words"):
            value = getattr(self, name)
            if value:
                data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: Any) -> About | None:
        if not isinstance(data, dict):
            return None
        kind = _name(data.get("kind"))
        if kind is None:
            return None
        ingredients = data.get("ingredients")
        ids = (
            tuple(dict.fromkeys(i for i in ingredients[:32] if _name(i)))
            if isinstance(ingredients, list)
            else ()
        )
        return cls(
            kind,
            ingredients=ids,
            component=_name(data.get("component")),
            unit=_name(data.get("unit")),
            words=_name(data.get("words")),
        )

    def __repr__(self) -> str:
        return f"About({self.to_dict()!r})"


def _name(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= _TEXT_LIMIT else None


def _small_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, ArithmeticError, OverflowError):
        return None
    return number if 0 <= number <= 10_000 else None


__all__ = ["ASK_KINDS", "OFFER_KINDS", "About", "Offer"]
