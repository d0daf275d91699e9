"""What the cooking session answers: message keys with domain values, rendered per locale."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cookalong.kitchen.amounts import Amount
from cookalong.recipe.model import Ingredient, Step
from cookalong.record import Record

if TYPE_CHECKING:
    from cookalong.cooking.effects import Effect


_NO_PARAMS: dict[str, Any] = {}  # the default: each message gets a dict of its own


class Msg(Record):
    """One sentence to say: a key of the locale resources and the values it mentions."""

    key: str
    params: dict[str, Any]

    def __init__(self, key: str, params: dict[str, Any] = _NO_PARAMS) -> None:
        values = self.__dict__
        values["key"] = key
        values["params"] = {} if params is _NO_PARAMS else params

    @classmethod
    def of(cls, key: str, **params: Any) -> Msg:
        return cls(key, params)


class Quantity(Record):
    """An ingredient with its amount as the cook should hear it (already scaled).

    ``unit`` is a unit the cook asked for this once ("how many grams of pork belly"): a key
    of the unit table; ``None`` says it in the cook's units. It changes no preference.
    """

    ingredient: Ingredient
    amount: Amount | None
    unit: str | None = None  # a unit the cook asked for, this once ("in grams")


class StepView(Record):
    """A step with where it sits in its component: "step 4 of 7 of the pork belly"."""

    step: Step
    total: int
    component_name: str


class Reply(Record):
    """A whole answer: what to say, the short reprompt, and whether the session ends.

    ``card`` carries the step the Alexa app should show, when there is one; ``effects`` what
    the adapter must do (a timer to start ...), before the reply is said.
    """

    speech: tuple[Msg, ...]
    reprompt: Msg | None = None
    end_session: bool = False
    card: StepView | None = None
    effects: tuple[Effect, ...] = ()
