"""The cooking session state machine: one method per thing a cook can ask.

Every method takes the cook's words as already understood (an ingredient name, a step number …),
updates the :class:`CookingState` and returns a :class:`Reply` of message keys and domain values.
Wording lives in the locale resources; this module never builds a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from fractions import Fraction

from cookalong.cooking.lookup import RecipeIndex, build_index
from cookalong.cooking.messages import Msg, Quantity, Reply, StepView
from cookalong.cooking.state import CookingState
from cookalong.recipe.model import Component, Ingredient, Recipe, Step

IDLE_DAYS_BEFORE_FRESH_START = 3
MAX_SERVINGS = 100
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


class CookingSession:
    """A cook's progress through one recipe, and everything they can ask along the way."""

    def __init__(self, index: RecipeIndex, state: CookingState, *, now: int) -> None:
        self.index = index
        self.recipe = index.recipe
        self.state = state
        self.now = now
        self._components = {c.id: c for c in self.recipe.components}

    # -- where we are ------------------------------------------------------------------------
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

    # -- memory ------------------------------------------------------------------------------
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

    # -- opening -----------------------------------------------------------------------------
    def launch(self) -> Reply:
        """A new session opened without a question: greet, or welcome back to the saved place."""
        s = self.state
        if s.finished:
            self.state = replace(s, pending="start_over")
            return self._ask(
                Msg.of("welcome_finished", recipe=self.recipe.short_title), "reprompt_start_over"
            )
        if not s.started:
            return self._ask(
                Msg.of(
                    "welcome_new",
                    recipe=self.recipe.short_title,
                    servings=self.state.servings_fraction(self.recipe),
                    total=self.recipe.total_time,
                    parts=[(c.name, len(c.steps)) for c in self.recipe.components],
                ),
                "reprompt_start",
                pending="start",
            )
        view = self._view(self.component, s.step)
        idle_days = (self.now - s.updated) // 86400 if s.updated else 0
        if idle_days >= IDLE_DAYS_BEFORE_FRESH_START:
            self.state = replace(s, pending="resume_or_fresh")
            return Reply(
                (Msg.of("welcome_back_idle", days=idle_days, view=view),),
                Msg.of("reprompt_resume_or_fresh"),
            )
        self.state = replace(s, pending=None)
        reply = self._step_reply(view, opening=Msg.of("welcome_back", view=view))
        return replace(reply, reprompt=Msg.of("reprompt_resume"))

    # -- moving ------------------------------------------------------------------------------
    def start(self, component_words: str | None = None, component_key: str | None = None) -> Reply:
        """Start or resume; with a part named ("make the aioli"), start or resume that part."""
        if component_words or component_key:
            target = self.index.find_component(component_words, component_key)
            if target is None:
                return self._ask(
                    Msg.of("unknown_component", words=component_words or "", parts=self._parts()),
                    "reprompt_start",
                )
            if target.id == self.state.component and self.state.started:
                return self._step_reply(self._view(target, self.state.step), resumed=True)
            back = self._back_to_for(target)
            self.state = self._at(target, 1, back_to=back)
            return self._step_reply(
                self._view(target, 1), opening=Msg.of("starting_part", part=target.name)
            )
        if self.state.started and not self.state.finished:
            return self._step_reply(self._view(self.component, self.state.step), resumed=True)
        first = self.recipe.components[0]
        self.state = self._at(first, 1, done=(), back_to=None)
        return self._step_reply(
            self._view(first, 1), opening=Msg.of("starting", recipe=self.recipe.short_title)
        )

    def _back_to_for(self, target: Component) -> tuple[str, int] | None:
        """Leaving a part mid-way (the pork is in the oven) means coming back to it afterwards."""
        s = self.state
        if s.started and target.id != s.component and s.step < len(self.component.steps):
            return (s.component, s.step)
        return s.back_to if s.back_to and s.back_to[0] != target.id else None

    def next(self) -> Reply:
        s = self.state
        if not s.started or (s.finished and s.step == 0):
            return self.start()
        if s.finished:
            return Reply(
                (Msg.of("already_finished", serving=self.recipe.serving),),
                Msg.of("reprompt_start_over"),
            )
        component = self.component
        if s.step < len(component.steps):
            self.state = self._at(component, s.step + 1)
            return self._step_reply(self._view(component, s.step + 1))
        return self._finish_component()

    def _finish_component(self) -> Reply:
        s = self.state
        done = (*tuple(c for c in s.done if c != s.component), s.component)
        finished_part = self.component
        if s.back_to:
            back_component = self._components[s.back_to[0]]
            number = s.back_to[1]
            self.state = self._at(back_component, number, done=done, back_to=None)
            return self._step_reply(
                self._view(back_component, number),
                opening=Msg.of("part_done_back", part=finished_part.name, to=back_component.name),
            )
        remaining = [c for c in self.recipe.components if c.id not in done]
        if remaining:
            following = remaining[0]
            self.state = self._at(following, 1, done=done, back_to=None)
            return self._step_reply(
                self._view(following, 1),
                opening=Msg.of("part_done_next", part=finished_part.name, to=following.name),
            )
        self.state = replace(s, done=done, finished=True, pending=None)
        return Reply(
            (Msg.of("finished", recipe=self.recipe.short_title, serving=self.recipe.serving),),
            end_session=True,
        )

    def previous(self) -> Reply:
        s = self.state
        if not s.started:
            return self.start()
        if s.step <= 1:
            return self._step_reply(
                self._view(self.component, max(s.step, 1)), opening=Msg.of("at_first_step")
            )
        self.state = self._at(self.component, s.step - 1)
        return self._step_reply(self._view(self.component, s.step - 1))

    def repeat(self) -> Reply:
        if self.state.last:
            return Reply(
                (Msg.of("verbatim", text=self.state.last),),
                Msg.of("verbatim", text=self.state.last_reprompt or ""),
            )
        if self.step is None:
            return self.launch()
        return self._step_reply(self._view(self.component, self.state.step))

    def start_over(self) -> Reply:
        first = self.recipe.components[0]
        self.state = self._at(first, 1, done=(), back_to=None)
        return self._step_reply(self._view(first, 1), opening=Msg.of("starting_over"))

    def go_to_step(
        self,
        number: int | None,
        component_words: str | None = None,
        component_key: str | None = None,
    ) -> Reply:
        component = self.component
        if component_words or component_key:
            found = self.index.find_component(component_words, component_key)
            if found is None:
                return self._ask(
                    Msg.of("unknown_component", words=component_words or "", parts=self._parts()),
                    "reprompt_which_step",
                )
            component = found
        total = len(component.steps)
        if number is None:
            return self._ask(
                Msg.of("which_step", part=component.name, total=total), "reprompt_which_step"
            )
        if not 1 <= number <= total:
            return self._ask(
                Msg.of("no_such_step", number=number, part=component.name, total=total),
                "reprompt_which_step",
            )
        back = (
            self._back_to_for(component)
            if component.id != self.state.component
            else self.state.back_to
        )
        self.state = self._at(component, number, back_to=back)
        return self._step_reply(self._view(component, number))

    def find_step(
        self,
        ingredient_words: str | None = None,
        ingredient_key: str | None = None,
        action_words: str | None = None,
        action_key: str | None = None,
    ) -> Reply:
        """ "Go to the broil step" moves there; "which step uses the miso?" answers and offers."""
        if action_words or action_key:
            steps = self.index.find_action(action_words, action_key)
            if not steps:
                return self._ask(
                    Msg.of("unknown_action", words=action_words or action_key or ""),
                    "reprompt_step",
                )
            step = self._prefer_current(steps)
            component = self._components[step.component_id]
            back = (
                self._back_to_for(component)
                if component.id != self.state.component
                else self.state.back_to
            )
            self.state = self._at(component, step.number, back_to=back)
            return self._step_reply(self._view(component, step.number))
        ingredients = self._prefer_component(
            self.index.find_ingredients(ingredient_words, ingredient_key)
        )
        if not ingredients:
            if not ingredient_words:
                return self._ask(Msg.of("which_step_what"), "reprompt_step")
            return self._not_in_recipe(ingredient_words)
        steps = self.index.steps_using(ingredients)
        if not steps:
            return self._ask(
                Msg.of("no_step_uses", ingredient=ingredients[0].name), "reprompt_step"
            )
        # Each ingredient with its own steps: "the flaky sea salt at step 4 of the pork belly,
        # and the sea salt at step 1 of the aioli".
        uses = [
            (i.name, [self._view(self._components[st.component_id], st.number) for st in found])
            for i in ingredients
            if (found := self.index.steps_using((i,)))
        ]
        first = self._prefer_current(steps)
        self.state = replace(self.state, pending=f"goto:{first.component_id}:{first.number}")
        return Reply((Msg.of("step_uses", uses=uses),), Msg.of("reprompt_go_there"))

    # -- orientation -------------------------------------------------------------------------
    def where_am_i(self) -> Reply:
        if self.state.finished:
            return self._ask(
                Msg.of("nothing_left", serving=self.recipe.serving), "reprompt_start_over"
            )
        if self.step is None:
            return self._ask(
                Msg.of("not_started", recipe=self.recipe.short_title),
                "reprompt_start",
                pending="start",
            )
        view = self._view(self.component, self.state.step)
        return self._ask(Msg.of("where", view=view), "reprompt_step")

    def steps_left(self) -> Reply:
        component = self.component
        left = len(component.steps) - self.state.step
        others = [
            (c.name, len(c.steps))
            for c in self.recipe.components
            if c.id != component.id and c.id not in self.state.done
        ]
        if self.state.finished:
            return self._ask(
                Msg.of("nothing_left", serving=self.recipe.serving), "reprompt_start_over"
            )
        return self._ask(
            Msg.of(
                "steps_left", left=left, part=component.name, current=self.state.step, others=others
            ),
            "reprompt_step",
        )

    def time_left(self) -> Reply:
        """Sum the remaining durations (passive waits included), using the top of each range."""
        if self.state.finished:
            return self._ask(
                Msg.of("nothing_left", serving=self.recipe.serving), "reprompt_start_over"
            )
        component = self.component
        if self.state.back_to:
            component = self._components[self.state.back_to[0]]
            first = self.state.back_to[1]
        else:
            first = max(self.state.step, 1)
        main = self._main_component()
        steps = list(component.steps[first - 1 :])
        if component.id != main.id and main.id not in self.state.done:
            steps += list(main.steps)
        total = sum((_longest(step) for step in steps), timedelta())
        timer = self.state.timer
        if steps and timer and timer[:2] == (steps[0].component_id, steps[0].number):
            waited = timedelta(seconds=max(self.now - timer[2], 0))
            total -= min(waited, _longest(steps[0]))
        if total == timedelta():
            return self._ask(Msg.of("time_left_none", part=component.name), "reprompt_step")
        return self._ask(Msg.of("time_left", total=_round_duration(total)), "reprompt_step")

    def _main_component(self) -> Component:
        """The part that takes longest (the pork belly); the others fit in its waits."""
        return max(
            self.recipe.components, key=lambda c: sum((_longest(s) for s in c.steps), timedelta())
        )

    def recipe_info(self) -> Reply:
        return self._ask(
            Msg.of(
                "recipe_info",
                recipe=self.recipe.short_title,
                servings=self.state.servings_fraction(self.recipe),
                total=self.recipe.total_time,
                parts=[(c.name, len(c.steps)) for c in self.recipe.components],
                description=self.recipe.description,
            ),
            "reprompt_start" if not self.state.started else "reprompt_step",
        )

    def meanwhile(self) -> Reply:
        """ "What can I do while it bakes?": offer the part that fits in this wait, or the next."""
        component = self.component
        if self.state.back_to:
            component = self._components[self.state.back_to[0]]
            current = self.state.back_to[1]
        else:
            current = max(self.state.step, 1)
        waits = [s for s in component.steps[current - 1 :] if s.passive and s.durations]
        for wait in waits:
            other = self._components.get(wait.meanwhile or "")
            if other is None or other.id in self.state.done or other.id == self.state.component:
                continue
            if wait.number == current and self.state.started:
                self.state = replace(self.state, pending=f"meanwhile:{other.id}")
                return Reply(
                    (Msg.of("meanwhile_now", part=other.name, spans=list(wait.durations)),),
                    Msg.of("reprompt_meanwhile"),
                )
            return self._ask(
                Msg.of(
                    "meanwhile_later",
                    part=other.name,
                    number=wait.number,
                    spans=list(wait.durations),
                ),
                "reprompt_step",
            )
        if waits and waits[0].number == current:
            return self._ask(
                Msg.of("meanwhile_nothing", spans=list(waits[0].durations)), "reprompt_step"
            )
        return self._ask(Msg.of("meanwhile_no_wait"), "reprompt_step")

    # -- ingredients -------------------------------------------------------------------------
    def _quantity(self, ingredient: Ingredient) -> Quantity:
        amount = ingredient.amount
        factor = self.state.scale(self.recipe)
        if amount is not None and factor != 1:
            amount = amount.scaled(factor)
        return Quantity(ingredient, amount)

    def ingredients(
        self, component_words: str | None = None, component_key: str | None = None
    ) -> Reply:
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None:
                return self._ask(
                    Msg.of("unknown_component", words=component_words or "", parts=self._parts()),
                    "reprompt_ingredients",
                )
            parts = [component]
        else:
            parts = self._current_first(self.recipe.components)
        lists = [(c.name, [self._quantity(i) for i in c.ingredients]) for c in parts]
        return self._ask(Msg.of("ingredients", lists=lists), "reprompt_ingredients")

    def step_ingredients(self) -> Reply:
        step = self.step
        if step is None:
            return self.ingredients()
        used = [self._quantity(self.recipe.ingredients_by_id[i]) for i in step.ingredient_ids]
        view = self._view(self.component, step.number)
        if not used:
            return self._ask(
                Msg.of("step_needs_nothing", view=view, equipment=list(step.equipment)),
                "reprompt_step",
            )
        return self._ask(Msg.of("step_ingredients", view=view, quantities=used), "reprompt_step")

    def how_much(
        self,
        ingredient_words: str | None,
        ingredient_key: str | None = None,
        component_words: str | None = None,
        component_key: str | None = None,
    ) -> Reply:
        """ "How much maple syrup" says both parts, this one first; "… for the aioli" says one."""
        if not ingredient_words and not ingredient_key:
            return self._ask(Msg.of("how_much_what"), "reprompt_how_much")
        found = self.index.find_ingredients(ingredient_words, ingredient_key)
        if not found:
            return self._not_in_recipe(ingredient_words or ingredient_key or "")
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is not None:
                in_part = [i for i in found if i.component_id == component.id]
                if not in_part:
                    return self._ask(
                        Msg.of(
                            "not_in_part",
                            ingredient=found[0].name,
                            part=component.name,
                            elsewhere=[self._components[i.component_id].name for i in found],
                        ),
                        "reprompt_how_much",
                    )
                found = tuple(in_part)
        ordered = self._prefer_component(found)
        quantities = [(self._quantity(i), self._components[i.component_id].name) for i in ordered]
        single_part = len({i.component_id for i in ordered}) == 1
        return self._ask(
            Msg.of("how_much", quantities=quantities, name_parts=not single_part),
            "reprompt_how_much",
        )

    def _not_in_recipe(self, words: str) -> Reply:
        self.state = replace(self.state, pending="ingredients")
        return Reply((Msg.of("not_in_recipe", words=words),), Msg.of("reprompt_offer_ingredients"))

    # -- oven and timing ---------------------------------------------------------------------
    def temperature(
        self,
        scale: str | None = None,
        action_words: str | None = None,
        action_key: str | None = None,
    ) -> Reply:
        """The oven setting in effect at this step, else the next one ahead, else another part's.

        With a step named ("how hot for the broil"), that step's setting.
        """
        if action_words or action_key:
            named = [s for s in self.index.find_action(action_words, action_key) if s.oven]
            if named:
                step = self._prefer_current(tuple(named))
                return self._ask(
                    Msg.of("oven", oven=step.oven, scale=scale, when="ahead", number=step.number),
                    "reprompt_step",
                )
        component = self.component
        current = self.state.step
        in_effect = [s for s in component.steps[:current] if s.oven]
        ahead = [s for s in component.steps[current:] if s.oven]
        if in_effect or ahead:
            step = in_effect[-1] if in_effect else ahead[0]
            when = "now" if step.number == current else ("since" if in_effect else "ahead")
            return self._ask(
                Msg.of("oven", oven=step.oven, scale=scale, when=when, number=step.number),
                "reprompt_step",
            )
        anywhere = [s for c in self.recipe.components for s in c.steps if s.oven]
        if anywhere:
            step = anywhere[-1] if self.state.started else anywhere[0]
            return self._ask(
                Msg.of(
                    "oven_elsewhere",
                    part=component.name,
                    other=self._components[step.component_id].name,
                    oven=step.oven,
                    scale=scale,
                ),
                "reprompt_step",
            )
        return self._ask(Msg.of("no_oven"), "reprompt_step")

    def how_long(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        if action_words or action_key:
            steps = [s for s in self.index.find_action(action_words, action_key) if s.durations]
            if not steps:
                return self._ask(
                    Msg.of("no_time_for", words=action_words or action_key or ""), "reprompt_step"
                )
            step = self._prefer_current(tuple(steps))
            return self._ask(
                Msg.of("how_long", spans=list(step.durations), number=step.number), "reprompt_step"
            )
        step = self.step
        if step is None:
            return self.time_left()  # not started: how long the whole recipe takes
        if step.durations:
            return self._ask(
                Msg.of("how_long", spans=list(step.durations), number=step.number), "reprompt_step"
            )
        after = [s for s in self.component.steps[max(self.state.step, 1) - 1 :] if s.durations]
        if after:
            nxt = after[0]
            return self._ask(
                Msg.of(
                    "how_long_untimed",
                    number=self.state.step,
                    next_number=nxt.number,
                    spans=list(nxt.durations),
                ),
                "reprompt_step",
            )
        return self.time_left()

    # -- preferences -------------------------------------------------------------------------
    def scale(self, servings: int | None = None, multiplier: str | None = None) -> Reply:
        current = self.state.servings_fraction(self.recipe)
        target: Fraction | None = None
        if servings is not None:
            target = Fraction(servings)
        elif multiplier == "1":
            target = Fraction(self.recipe.servings)  # "back to the original amounts"
        elif multiplier:
            try:
                target = current * Fraction(multiplier)
            except (ValueError, ZeroDivisionError):
                target = None
        if target is None:
            return self._ask(Msg.of("how_many_people", servings=current), "reprompt_how_many")
        if not 0 < target <= MAX_SERVINGS:
            return self._ask(
                Msg.of("servings_out_of_range", maximum=MAX_SERVINGS), "reprompt_how_many"
            )
        self.state = replace(self.state, servings=str(target), pending=None)
        factor = target / self.recipe.servings
        example = self._example_quantity()
        key = "scaled_original" if factor == 1 else "scaled"
        return self._ask(
            Msg.of(key, servings=target, factor=factor, example=example),
            "reprompt_step" if self.state.started else "reprompt_start",
        )

    def _example_quantity(self) -> Quantity | None:
        component = self.component
        candidates = [i for i in component.ingredients if i.amount is not None]
        return self._quantity(candidates[0]) if candidates else None

    def units(self, system: str | None) -> Reply:
        if system not in ("us", "metric"):
            return self._ask(Msg.of("which_units"), "reprompt_units")
        self.state = replace(self.state, units=system, pending=None)
        return self._ask(
            Msg.of(f"units_{system}", example=self._example_quantity()), "reprompt_step"
        )

    # -- tips --------------------------------------------------------------------------------
    def tips(self, topic_words: str | None = None, topic_key: str | None = None) -> Reply:
        tips = self.index.find_tips(topic_words, topic_key)
        if not tips:
            tips = self.recipe.tips[:1]
            if not tips:
                return self._ask(Msg.of("no_tips"), "reprompt_step")
            following = 1
        else:
            following = self.recipe.tips.index(tips[-1]) + 1
        pending = f"tip:{following}" if following < len(self.recipe.tips) else None
        self.state = replace(self.state, pending=pending)
        return Reply(
            (Msg.of("tips", tips=list(tips), more=pending is not None),),
            Msg.of("reprompt_more_tips" if pending else "reprompt_step"),
        )

    # -- yes / no / help / stop --------------------------------------------------------------
    def yes(self) -> Reply:
        pending = self.state.pending or ""
        self.state = replace(self.state, pending=None)
        if pending == "resume_or_fresh":
            self.state = replace(self.state, updated=self.now)
            return self.start()
        if pending == "start":
            return self.start()
        if pending == "start_over":
            return self.start_over()
        if pending == "ingredients":
            return self.ingredients()
        if pending.startswith("meanwhile:"):
            return self.start(component_key=pending.split(":", 1)[1])
        if pending.startswith("goto:"):
            _, component_id, number = pending.split(":")
            if component_id in self._components:
                return self.go_to_step(int(number), component_key=component_id)
        if pending.startswith("tip:"):
            position = int(pending.split(":")[1])
            if position < len(self.recipe.tips):
                return self.tips(topic_key=self.recipe.tips[position].id)
        if not self.state.started:
            return self.start()
        return self._ask(Msg.of("yes_without_question"), "reprompt_step")

    def no(self) -> Reply:
        pending = self.state.pending or ""
        self.state = replace(self.state, pending=None)
        if pending == "resume_or_fresh":
            return self.start_over()
        if pending.startswith("meanwhile:"):
            return self._ask(Msg.of("meanwhile_declined"), "reprompt_step")
        if not self.state.started:
            return self._ask(Msg.of("no_then_what"), "reprompt_start")
        return self._ask(Msg.of("okay_then"), "reprompt_step")

    def help(self) -> Reply:
        key = "help_cooking" if self.state.started and not self.state.finished else "help_start"
        return self._ask(Msg.of(key, part=self.component.name), "reprompt_help")

    def fallback(self) -> Reply:
        if self.state.started and not self.state.finished:
            view = self._view(self.component, self.state.step)
            return self._ask(Msg.of("fallback_cooking", view=view), "reprompt_help")
        return self._ask(Msg.of("fallback_start"), "reprompt_start")

    def stop(self) -> Reply:
        self.state = replace(self.state, pending=None)
        if self.state.started and not self.state.finished:
            view = self._view(self.component, self.state.step)
            return Reply((Msg.of("goodbye_keep_place", view=view),), end_session=True)
        return Reply((Msg.of("goodbye"),), end_session=True)

    def pause(self) -> Reply:
        if self.state.started and not self.state.finished:
            view = self._view(self.component, self.state.step)
            return Reply((Msg.of("paused", view=view),), end_session=True)
        return self.stop()

    # -- helpers -----------------------------------------------------------------------------
    def _parts(self) -> list[str]:
        return [c.name for c in self.recipe.components]

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


def _longest(step: Step) -> timedelta:
    return sum(((span.maximum or span.minimum) for span in step.durations), timedelta())


def _round_duration(total: timedelta) -> timedelta:
    """Round to what a cook would say: five minutes under an hour, a quarter hour above."""
    minutes = total.total_seconds() / 60
    step = 5 if minutes < 60 else 15
    return timedelta(minutes=max(step, round(minutes / step) * step))


__all__ = ["IDLE_DAYS_BEFORE_FRESH_START", "Cookbook", "CookingSession"]
