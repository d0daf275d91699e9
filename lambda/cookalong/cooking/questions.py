"""Answering questions about the recipe: amounts, oven, times, scaling, units and tips."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

from cookalong.cooking.base import SessionBase
from cookalong.cooking.messages import Msg, Reply
from cookalong.recipe.model import Component, Step

MAX_SERVINGS = 100


class Questions(SessionBase):
    """What the cook asks without moving: most answers leave the saved place untouched."""

    def where_am_i(self) -> Reply:
        if self.state.finished:
            return self._all_done()
        if self.step is None:
            return self._ask(
                Msg.of("not_started", recipe=self.recipe.short_title),
                "reprompt_start",
                pending="start",
            )
        view = self._view(self.component, self.state.step)
        return self._ask(Msg.of("where", view=view), "reprompt_step")

    def steps_left(self) -> Reply:
        if self.state.finished:
            return self._all_done()
        component = self.component
        left = len(component.steps) - self.state.step
        others = [
            (c.name, len(c.steps))
            for c in self.recipe.components
            if c.id != component.id and c.id not in self.state.done
        ]
        return self._ask(
            Msg.of(
                "steps_left", left=left, part=component.name, current=self.state.step, others=others
            ),
            "reprompt_step",
        )

    def time_left(self) -> Reply:
        """Sum the remaining durations (passive waits included), using the top of each range."""
        if self.state.finished:
            return self._all_done()
        component, first = self._main_place()
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
        component, current = self._main_place()
        waits = [s for s in component.steps[current - 1 :] if s.passive and s.durations]
        for wait in waits:
            other = self._components.get(wait.meanwhile or "")
            if other is None or other.id in self.state.done or other.id == self.state.component:
                continue
            if wait.number == current and self.state.started:
                return self._ask(
                    Msg.of("meanwhile_now", part=other.name, spans=list(wait.durations)),
                    "reprompt_meanwhile",
                    pending=f"meanwhile:{other.id}",
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

    def ingredients(
        self, component_words: str | None = None, component_key: str | None = None
    ) -> Reply:
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None:
                return self._unknown_component(component_words, "reprompt_ingredients")
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

    def units(self, system: str | None) -> Reply:
        if system not in ("us", "metric"):
            return self._ask(Msg.of("which_units"), "reprompt_units")
        self.state = replace(self.state, units=system, pending=None)
        return self._ask(
            Msg.of(f"units_{system}", example=self._example_quantity()), "reprompt_step"
        )

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


def _longest(step: Step) -> timedelta:
    return sum(((span.maximum or span.minimum) for span in step.durations), timedelta())


def _round_duration(total: timedelta) -> timedelta:
    """Round to what a cook would say: five minutes under an hour, a quarter hour above."""
    minutes = total.total_seconds() / 60
    step = 5 if minutes < 60 else 15
    return timedelta(minutes=max(step, round(minutes / step) * step))
