"""What every part of the cooking session shares: where the cook is, and how replies are made."""

from __future__ import annotations

from dataclasses import replace

from cookalong.cooking.lookup import RecipeIndex
from cookalong.cooking.messages import Msg, Quantity, Reply, StepView
from cookalong.cooking.state import CookingState
from cookalong.recipe.model import Component, Ingredient, Step


class SessionBase:
    """The cook's place in one recipe, and the helpers every question and move uses."""

    def __init__(self, index: RecipeIndex, state: CookingState, *, now: int) -> None:
        self.index = index
        self.recipe = index.recipe
        self.state = state
        self.now = now
        self._components = {c.id: c for c in self.recipe.components}

    @property
    def component(self) -> Component:
        return self._components[self.state.component]

    @property
    def step(self) -> Step | None:
        if self.state.step < 1:
            return None
        return self.component.steps[self.state.step - 1]

    def _view(self, component: Component, number: int) -> StepView:
        return StepView(component.steps[number - 1], len(component.steps), component.name)

    def _at(self, component: Component, number: int, **changes: object) -> CookingState:
        step = component.steps[number - 1]
        timer = self.state.timer
        if (
            step.passive
            and step.durations
            and (timer is None or timer[:2] != (component.id, number))
        ):
            timer = (component.id, number, self.now)  # the wait starts now
        return replace(
            self.state,
            component=component.id,
            step=number,
            started=True,
            finished=False,
            pending=None,
            timer=timer,
            **changes,
        )

    def remember(self, speech: str, reprompt: str) -> None:
        """Keep what was just said, for "repeat" (this session only, never saved)."""
        self.state = self.state.evolve(last=speech, last_reprompt=reprompt)

    def saved_state(self, previous: object) -> dict | None:
        """The state to keep between sessions; ``previous`` itself when nothing changed.

        Returning ``previous`` unchanged is what lets a pure question write nothing: the
        timestamp moves only when the cook moved or changed a preference.
        """
        current = self.state.to_dict()
        if isinstance(previous, dict):
            unchanged = {k: v for k, v in previous.items() if k != "updated"} == {
                k: v for k, v in current.items() if k != "updated"
            }
            if unchanged:
                return previous
        elif not (
            self.state.started or self.state.finished or self.state.servings or self.state.units
        ):
            return None  # a new cook who only asked a question: nothing worth saving
        current["updated"] = self.now
        return current

    def _quantity(self, ingredient: Ingredient) -> Quantity:
        amount = ingredient.amount
        factor = self.state.scale(self.recipe)
        if amount is not None and factor != 1:
            amount = amount.scaled(factor)
        return Quantity(ingredient, amount)

    def _example_quantity(self) -> Quantity | None:
        component = self.component
        candidates = [i for i in component.ingredients if i.amount is not None]
        return self._quantity(candidates[0]) if candidates else None

    def _not_in_recipe(self, words: str) -> Reply:
        self.state = replace(self.state, pending="ingredients")
        return Reply((Msg.of("not_in_recipe", words=words),), Msg.of("reprompt_offer_ingredients"))

    def _parts(self) -> list[str]:
        return [c.name for c in self.recipe.components]

    def _unknown_component(self, words: str | None, reprompt: str) -> Reply:
        """A part the recipe does not have: name the parts it has."""
        return self._ask(
            Msg.of("unknown_component", words=words or "", parts=self._parts()), reprompt
        )

    def _all_done(self) -> Reply:
        """Asked about the remaining work after the last step: say so, and how to serve."""
        return self._ask(Msg.of("nothing_left", serving=self.recipe.serving), "reprompt_start_over")

    def _main_place(self) -> tuple[Component, int]:
        """The part and step the cook is working through, even during a side trip (the aioli
        made while the pork bakes counts from the bake)."""
        if self.state.back_to:
            component_id, number = self.state.back_to
            return self._components[component_id], number
        return self.component, max(self.state.step, 1)

    def _current_first(self, components: tuple[Component, ...]) -> list[Component]:
        return sorted(components, key=lambda c: c.id != self.state.component)

    def _prefer_component(self, ingredients: tuple[Ingredient, ...]) -> tuple[Ingredient, ...]:
        return tuple(sorted(ingredients, key=lambda i: i.component_id != self.state.component))

    def _prefer_current(self, steps: tuple[Step, ...]) -> Step:
        for step in steps:
            if step.component_id == self.state.component:
                return step
        return steps[0]

    def _ask(self, msg: Msg, reprompt: str, *, pending: str | None = None) -> Reply:
        if pending is not None:
            self.state = replace(self.state, pending=pending)
        return Reply((msg,), Msg.of(reprompt))

    def _step_reply(
        self, view: StepView, *, opening: Msg | None = None, resumed: bool = False
    ) -> Reply:
        """Say the step first, then at most one short hint (what to do while waiting, or next)."""
        step = view.step
        lines: list[Msg] = []
        if opening is not None:
            lines.append(opening)
        elif resumed:
            lines.append(Msg.of("resuming"))
        lines.append(Msg.of("step", view=view))
        reprompt = "reprompt_step"
        if step.passive and step.meanwhile and step.meanwhile not in self.state.done:
            other = self._components.get(step.meanwhile)
            if other is not None and other.id != view.step.component_id:
                lines.append(Msg.of("hint_meanwhile", part=other.name, spans=list(step.durations)))
                self.state = replace(self.state, pending=f"meanwhile:{other.id}")
                reprompt = "reprompt_meanwhile"
        elif step.passive and step.durations:
            lines.append(Msg.of("hint_wait", spans=list(step.durations)))
        elif step.number == view.total and not self._other_parts_left(step.component_id):
            lines.append(Msg.of("hint_last_step"))
        return Reply(tuple(lines), Msg.of(reprompt), card=view)

    def _other_parts_left(self, component_id: str) -> bool:
        return any(
            c.id != component_id and c.id not in self.state.done for c in self.recipe.components
        )
