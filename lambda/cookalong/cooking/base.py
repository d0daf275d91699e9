"""What every part of the cooking session shares: where the cook is, what runs, and how replies
are made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cookalong.cooking.messages import Msg, Quantity, Reply, StepView
from cookalong.cooking.now import Clock, clock_of, clocks, timer_length
from cookalong.cooking.offers import About, Offer
from cookalong.cooking.state import Activity, CookingState, Oven, Progress
from cookalong.recipe.model import Component, Ingredient, Recipe, Step
from cookalong.record import replace

if TYPE_CHECKING:
    from cookalong.cooking.lookup import RecipeIndex
    from cookalong.cooking.session import Cookbook


class SessionBase:
    """The cook's kitchen in the recipe in front, and the helpers every move and answer uses.

    The offer made on the last turn is :attr:`pending` (a "yes" acts on it); the state's own
    offer starts empty, so that any new question replaces it, unless a reply keeps it
    (:meth:`_keep_context`: "repeat", "hold on", a fallback).
    """

    def __init__(self, cookbook: Cookbook, state: CookingState, *, now: int) -> None:
        self.cookbook = cookbook
        self.state = state
        self.now = now
        self.pending: Offer | None = state.offer
        self.before: About | None = state.about
        state.offer = None
        state.about = None
        self._remember = True

    # -- where the cook is -----------------------------------------------------------------
    @property
    def index(self) -> RecipeIndex:
        return self.cookbook.index(self.state.recipe)

    @property
    def recipe(self) -> Recipe:
        return self.index.recipe

    @property
    def progress(self) -> Progress:
        return self.state.progress

    @property
    def _components(self) -> dict[str, Component]:
        return self.recipe.components_by_id

    @property
    def component(self) -> Component:
        return self._components[self.progress.front]

    @property
    def step(self) -> Step | None:
        place = self.state.step
        return self.component.steps[place - 1] if place >= 1 else None

    def _view(self, component: Component, number: int) -> StepView:
        return StepView(component.steps[number - 1], len(component.steps), component.name)

    def _step_of(self, component_id: str, number: int) -> Step:
        return self._components[component_id].steps[number - 1]

    # -- context ---------------------------------------------------------------------------
    def _offer(self, kind: str, **fields: object) -> Offer:
        offer = Offer(kind, **fields)  # type: ignore[arg-type]
        self.state.offer = offer
        return offer

    def _about(self, kind: str, **fields: object) -> None:
        self.state.about = About(kind, **fields)  # type: ignore[arg-type]

    def _keep_context(self) -> None:
        """This reply is not an answer of its own: keep the offer and topic it found."""
        self.state.offer = self.pending
        self.state.about = self.before

    def _not_remembered(self) -> None:
        """ "Repeat" after this reply says the last real answer again, not this one."""
        self._remember = False

    @property
    def remembers(self) -> bool:
        return self._remember

    def remember(self, speech: str, reprompt: str) -> None:
        """Keep what was just said, for "repeat" (this session only, never saved)."""
        if self._remember:
            self.state.last = speech
            self.state.last_reprompt = reprompt

    # -- moving ----------------------------------------------------------------------------
    def _arrive(self, component: Component, number: int) -> list[Msg]:
        """Put the cook at step ``number`` of ``component``: its clock starts if it is timed,
        the oven takes its setting. Returns a warning when a wait left behind still runs."""
        progress = self.progress
        left_behind: list[Msg] = []
        before = progress.place(component.id)
        if progress.front == component.id and 1 <= before < number:
            activity = progress.activity(component.id, before)
            if activity is not None:
                clock = clock_of(self.recipe, activity, self.now)
                if not (clock.step.passive or activity.timer):
                    # a hands-on step's time ("cook, stirring, 3 to 5 minutes") ends with it
                    progress.running.remove(activity)
                elif clock.phase == "running":
                    left_behind.append(Msg.of("hint_still_running", clock=clock))
        progress.front = component.id
        progress.at[component.id] = number
        progress.started = True
        progress.finished = False
        if component.id in progress.done:
            progress.done.remove(component.id)
        step = component.steps[number - 1]
        if step.durations and progress.activity(component.id, number) is None:
            progress.running.append(Activity(component.id, number, self.now))
        if step.oven is not None:
            current = progress.oven
            if current is None or (current.component, current.step) != (component.id, number):
                progress.oven = Oven(component.id, number, self.now)
        self._touch()
        return left_behind

    def _touch(self) -> None:
        """The cook moved or changed a preference: the saved state gets a new timestamp."""
        self.state.updated = self.now
        self.progress.updated = self.now

    def saved_state(self, previous: object) -> dict | None:
        """The state to keep between sessions; ``previous`` itself when nothing changed.

        Returning ``previous`` unchanged is what lets a pure question write nothing: the
        timestamp moves only when the cook moved or changed a preference.
        """
        current = self.state.to_dict()
        if current is None:
            return None  # nothing worth keeping (a saved dict that repaired to nothing included)
        unchanged = isinstance(previous, dict) and (
            _without_times(previous) == _without_times(current)
        )
        if unchanged and not self.state.repaired:
            return previous
        return current

    # -- what runs -------------------------------------------------------------------------
    def _clocks(self) -> list[Clock]:
        if not self.progress.running:
            return []  # without the recipe: a welcome loads none
        return clocks(self.recipe, self.progress, self.now)

    def _clock_at(self, component_id: str, number: int) -> Clock | None:
        activity = self.progress.activity(component_id, number)
        return clock_of(self.recipe, activity, self.now) if activity is not None else None

    def _current_clock(self) -> Clock | None:
        """The wait the cook most likely means: this step's, else the latest that still runs."""
        if self.state.step:
            here = self._clock_at(self.progress.front, self.state.step)
            if here is not None:
                return here
        running = [c for c in self._clocks() if c.phase != "done" or not c.activity.told]
        return running[0] if running else None

    def conclude(self, reply: Reply) -> Reply:
        """The last word on a reply: a wait that has run out while the cook is still at its
        step, and that no timer announced, is said first ("the bake's two hours are up"), once.
        """
        if reply.end_session:
            return reply
        notices: list[Msg] = []
        for clock in self._clocks():
            activity = clock.activity
            if clock.phase == "running" or activity.told or activity.timer:
                continue
            if self.progress.place(activity.component) != activity.step:
                continue  # the cook has moved on from that wait
            activity.told = True
            if not any(_mentions(m, activity) for m in reply.speech):
                notices.append(Msg.of("notice_wait_over", clock=clock))
        if not notices:
            return reply
        return replace(reply, speech=(notices[0], *reply.speech))

    # -- helpers for answers ---------------------------------------------------------------
    def _quantity(self, ingredient: Ingredient) -> Quantity:
        amount = ingredient.amount
        factor = self.progress.scale(self.recipe)
        if amount is not None and factor != 1:
            amount = amount.scaled(factor)
        return Quantity(ingredient, amount)

    def _example_quantity(self) -> Quantity | None:
        candidates = [i for i in self.component.ingredients if i.amount is not None]
        return self._quantity(candidates[0]) if candidates else None

    def _parts(self) -> list[str]:
        return [c.name for c in self.recipe.components]

    def _unknown_component(self, words: str | None, topic: str) -> Reply:
        """A part the recipe does not have: name the parts it has, and wait for one."""
        self._offer("ask_component", topic=topic)
        return Reply(
            (Msg.of("unknown_component", words=words or "", parts=self._parts()),),
            Msg.of("reprompt_which_part"),
        )

    def _all_done(self) -> Reply:
        """Asked about the remaining work after the last step: say so, and how to serve."""
        self._offer("start_over")
        return self._ask(Msg.of("nothing_left", serving=self.recipe.serving), "reprompt_start_over")

    def _current_first(self, components: tuple[Component, ...]) -> list[Component]:
        return sorted(components, key=lambda c: c.id != self.progress.front)

    def _prefer_component(self, ingredients: tuple[Ingredient, ...]) -> tuple[Ingredient, ...]:
        return tuple(sorted(ingredients, key=lambda i: i.component_id != self.progress.front))

    def _prefer_current(self, steps: tuple[Step, ...]) -> Step:
        for step in steps:
            if step.component_id == self.progress.front:
                return step
        return steps[0]

    def _ask(self, msg: Msg, reprompt: str) -> Reply:
        return Reply((msg,), Msg.of(reprompt))

    def _other_parts_left(self, component_id: str) -> bool:
        return any(
            c.id != component_id and c.id not in self.progress.done for c in self.recipe.components
        )

    def _step_reply(
        self,
        view: StepView,
        *,
        opening: Msg | None = None,
        resumed: bool = False,
        warnings: list[Msg] | None = None,
    ) -> Reply:
        """Say the step first, then at most one short hint: a wait left running, a timer for
        this step's wait, what to make while waiting, or that this is the last step."""
        step = view.step
        lines: list[Msg] = []
        if opening is not None:
            lines.append(opening)
        elif resumed:
            lines.append(Msg.of("resuming"))
        lines.append(Msg.of("step", view=view))
        self._about("step")
        hint = self._hint(step, view, warnings or [])
        reprompt = "reprompt_step"
        if hint is not None:
            lines.append(hint)
            if self.state.offer is not None:
                reprompt = {
                    "timer": "reprompt_timer",
                    "part": "reprompt_meanwhile",
                }.get(self.state.offer.kind, reprompt)
        return Reply(tuple(lines), Msg.of(reprompt), card=view)

    def _hint(self, step: Step, view: StepView, warnings: list[Msg]) -> Msg | None:
        if warnings:
            return warnings[0]
        if step.durations:
            activity = self.progress.activity(step.component_id, step.number)
            if activity is not None and activity.timer is None:
                clock = clock_of(self.recipe, activity, self.now)
                if clock.phase == "running":
                    self._offer("timer", component=step.component_id, step=step.number)
                    return Msg.of("offer_timer", clock=clock, length=timer_length(clock))
        meanwhile = self._meanwhile_offer(step)
        if meanwhile is not None:
            return meanwhile
        if step.passive and step.durations:
            return Msg.of("hint_wait", spans=list(step.durations))
        if step.number == view.total and not self._other_parts_left(step.component_id):
            return Msg.of("hint_last_step")
        return None

    def _meanwhile_offer(self, step: Step) -> Msg | None:
        """While this step waits, the part that fits in the wait, if it is still to make."""
        if not (step.passive and step.meanwhile) or step.meanwhile in self.progress.done:
            return None
        other = self._components.get(step.meanwhile)
        if other is None or other.id == step.component_id:
            return None
        self._offer("part", component=other.id)
        # "while it's in the oven" is a fact of the recipe: said only when the wait is a bake
        key = "hint_meanwhile" if waits_in_oven(step) else "hint_meanwhile_wait"
        return Msg.of(key, part=other.name, spans=list(step.durations))


def waits_in_oven(step: Step) -> bool:
    """The step waits with the food in the oven (it sets the oven, or the recipe says so)."""
    return step.oven is not None or bool(step.in_oven)


def _mentions(msg: Msg, activity: Activity) -> bool:
    clock = msg.params.get("clock")
    return isinstance(clock, Clock) and clock.activity is activity


def _without_times(saved: dict) -> dict:
    """A saved state without its timestamps: what decides whether a write is needed."""
    recipes = saved.get("recipes")
    trimmed = {k: v for k, v in saved.items() if k != "updated"}
    if isinstance(recipes, dict):
        trimmed["recipes"] = {
            rid: {k: v for k, v in p.items() if k != "updated"} if isinstance(p, dict) else p
            for rid, p in recipes.items()
        }
    return trimmed
