"""Answering questions about the recipe: amounts, the oven, times, scaling, units and tips.

Most answers leave the saved place untouched; each says what it was about, so that a
follow-up ("for the aioli", "in grams") can narrow it.
"""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

from cookalong.cooking.base import SessionBase, waits_in_oven
from cookalong.cooking.lookup import topic_of
from cookalong.cooking.messages import Msg, Quantity, Reply
from cookalong.cooking.now import (
    longest,
    oven_now,
    round_duration,
    time_to_ready,
)
from cookalong.cooking.state import MAX_SERVINGS
from cookalong.kitchen.conversions import to_unit
from cookalong.recipe.model import Ingredient, OvenSetting
from cookalong.record import replace

_MINUTE = timedelta(minutes=1)
#: How many ingredients one answer lists before it offers the rest.
LIST_CHUNK = 4


class Questions(SessionBase):
    """What the cook asks without moving."""

    def where_am_i(self) -> Reply:
        """ "Where am I", "what now": the place and the step, never a move."""
        if self.progress.finished:
            return self._all_done()
        if self.step is None:
            self._offer("start")
            return self._ask(
                Msg.of("not_started", recipe=self.recipe.short_title), "reprompt_start"
            )
        view = self._view(self.component, self.state.step)
        self._about("step")
        clock = self._clock_at(self.progress.front, self.state.step)
        if clock is not None and clock.phase != "running":
            return self._ask(Msg.of("where_wait_over", view=view, clock=clock), "reprompt_step")
        return Reply((Msg.of("where", view=view),), Msg.of("reprompt_step"), card=view)

    def steps_left(self) -> Reply:
        if self.progress.finished:
            return self._all_done()
        component = self.component
        left = len(component.steps) - self.state.step
        others = [
            (c.name, len(c.steps) - self.progress.place(c.id))
            for c in self.recipe.components
            if c.id != component.id and c.id not in self.progress.done
        ]
        return self._ask(
            Msg.of(
                "steps_left", left=left, part=component.name, current=self.state.step, others=others
            ),
            "reprompt_step",
        )

    def time_left(self) -> Reply:
        """How long until it is ready: what runs now counted by its clock, parallel work once."""
        if self.progress.finished:
            return self._all_done()
        total = time_to_ready(self.recipe, self.progress, self.now)
        clock = self._current_clock()
        self._about("time_left")
        if total <= timedelta():
            return self._ask(Msg.of("time_left_none", part=self.component.name), "reprompt_step")
        if clock is not None and clock.phase != "done":
            return self._ask(
                Msg.of("time_left_running", total=round_duration(total), clock=clock),
                "reprompt_step",
            )
        return self._ask(Msg.of("time_left", total=round_duration(total)), "reprompt_step")

    def wait_status(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        """ "Is it done yet", "how much longer on the bake": the running wait's own clock."""
        clock = None
        if action_words or action_key:
            steps = [s for s in self.index.find_action(action_words, action_key) if s.durations]
            for step in steps:
                clock = self._clock_at(step.component_id, step.number)
                if clock is not None:
                    break
            if clock is None and steps:
                step = self._prefer_current(tuple(steps))
                return self._ask(
                    Msg.of("wait_not_started", spans=list(step.durations), number=step.number),
                    "reprompt_step",
                )
        else:
            clock = self._current_clock()
        if clock is None:
            if self.progress.started and not self.progress.finished:
                return self._ask(Msg.of("nothing_running"), "reprompt_step")
            return self.time_left()
        clock.activity.told = clock.activity.told or clock.phase != "running"
        self._about("wait", component=clock.component.id)
        return self._ask(Msg.of(f"wait_{clock.phase}", clock=clock), "reprompt_step")

    def recipe_info(self) -> Reply:
        return self._ask(
            Msg.of(
                "recipe_info",
                recipe=self.recipe.short_title,
                servings=self.progress.servings_fraction(self.recipe),
                total=self.recipe.total_time,
                parts=[(c.name, len(c.steps)) for c in self.recipe.components],
                description=self.recipe.description,
            ),
            "reprompt_start" if not self.progress.started else "reprompt_step",
        )

    def meanwhile(self) -> Reply:
        """ "What can I do while it bakes?": offer the part that fits in this wait, or the next."""
        progress = self.progress
        clock = self._current_clock()
        if clock is not None and clock.phase == "running":
            component, current = clock.component, clock.step.number
        else:
            component, current = self.component, max(self.state.step, 1)
        waits = [s for s in component.steps[current - 1 :] if s.passive and s.durations]
        for wait in waits:
            other = self._components.get(wait.meanwhile or "")
            if other is None or other.id in progress.done or other.id == progress.front:
                continue
            if wait.number == current and progress.started:
                self._offer("part", component=other.id)
                return self._ask(
                    Msg.of("meanwhile_now", part=other.name, spans=list(wait.durations)),
                    "reprompt_meanwhile",
                )
            return self._ask(
                Msg.of(
                    "meanwhile_later" if waits_in_oven(wait) else "meanwhile_later_wait",
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

    # -- ingredients -----------------------------------------------------------------------
    def ingredients(
        self,
        component_words: str | None = None,
        component_key: str | None = None,
        *,
        position: int = 0,
    ) -> Reply:
        """The ingredient list, one part at a time: this part first, then the next on request.

        A part with many ingredients comes in chunks of :data:`LIST_CHUNK`.
        """
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None:
                return self._unknown_component(component_words, "ingredients")
            parts = [component]
        else:
            parts = self._current_first(self.recipe.components)
        chunks = [
            (c, c.ingredients[i : i + LIST_CHUNK], i, len(c.ingredients))
            for c in parts
            for i in range(0, max(len(c.ingredients), 1), LIST_CHUNK)
        ]
        if position >= len(chunks):
            return self._ask(Msg.of("list_done"), "reprompt_ingredients")
        component, items, start, count = chunks[position]
        quantities = [self._quantity(i) for i in items]
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        self._about("ingredients", component=component.id)
        if following is not None:
            self._offer(
                "more",
                topic="ingredients",
                position=position + 1,
                component=parts[0].id if len(parts) == 1 else None,
            )
        return self._ask(
            Msg.of(
                "ingredients",
                part=component.name,
                count=count,
                quantities=quantities,
                continued=start > 0,
                more=following is not None,
                next_part=following[0].name if following and following[0] is not component else "",
            ),
            "reprompt_more" if following else "reprompt_ingredients",
        )

    def step_ingredients(self) -> Reply:
        step = self.step
        if step is None:
            return self.ingredients()
        used = [self._quantity(self.recipe.ingredients_by_id[i]) for i in step.ingredient_ids]
        view = self._view(self.component, step.number)
        self._about("step_ingredients", ingredients=step.ingredient_ids)
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
        unit: str | None = None,
    ) -> Reply:
        """ "How much maple syrup" says both parts, this one first; "… for the aioli" says one;
        "how many grams of pork belly" says it in grams, once; "how much of that" means the
        ingredient just talked about."""
        found: tuple[Ingredient, ...] = ()
        if ingredient_words or ingredient_key:
            found = self.index.find_ingredients(ingredient_words, ingredient_key)
            if found and ingredient_words and self._only_another_recipe_names(ingredient_words):
                # "vegetable oil" (the chicken strips') is not this recipe's sesame "oil"
                return self._not_in_recipe(ingredient_words)
            if not found:
                return self._not_an_ingredient(ingredient_words or ingredient_key or "")
        elif self.before is not None and self.before.ingredients:
            # "how much is that in ounces" is still "that", in the part it was narrowed to
            ingredient_words = self.before.words
            if not (component_words or component_key):
                component_key = self.before.component
            found = tuple(
                self.recipe.ingredients_by_id[i]
                for i in self.before.ingredients
                if i in self.recipe.ingredients_by_id
            )
        if not found:
            self._offer("ask_ingredient", topic="how_much")
            return self._ask(Msg.of("how_much_what"), "reprompt_which_ingredient")
        narrowed_to = None
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None and ingredient_words and component_words:
                # "the salt for the skin": words that name no part may still say which salt
                found = self.index.find_ingredients(f"{ingredient_words} for {component_words}")
            if component is not None:
                narrowed_to = component.id
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
        self._about(
            "how_much",
            ingredients=tuple(i.id for i in ordered),
            component=narrowed_to,
            unit=unit,
            words=ingredient_words,
        )
        quantities = [
            (self._quantity_in(i, unit), self._components[i.component_id].name) for i in ordered
        ]
        single_part = len({i.component_id for i in ordered}) == 1
        if unit and not any(q.unit for q, _ in quantities):
            # "how much garlic in grams": a count, a pinch or no known weight per spoon
            return self._ask(
                Msg.of("not_in_unit", unit=unit, quantities=quantities, name_parts=not single_part),
                "reprompt_how_much",
            )
        return self._ask(
            Msg.of("how_much", quantities=quantities, name_parts=not single_part),
            "reprompt_how_much",
        )

    def _only_another_recipe_names(self, words: str) -> bool:
        """Whether ``words`` name no ingredient of this recipe exactly, but one of another."""
        said = self.index.rules.variants(words)
        return not (said & self.index.ingredients.keys()) and self._another_recipe_uses(words)

    def _another_recipe_uses(self, words: str) -> bool:
        """Whether another recipe of the cookbook has an ingredient called exactly ``words``."""
        said = self.index.rules.variants(words)
        return any(
            said & self.cookbook.names(rid).ingredients.keys()
            for rid in self.cookbook.recipes
            if rid != self.state.recipe
        )

    def _quantity_in(self, ingredient: Ingredient, unit: str | None) -> Quantity:
        """The amount, in the unit asked for when it can be said in it (this once)."""
        quantity = self._quantity(ingredient)
        if not unit:
            return quantity
        # a density is found by the ingredient's name, or by its key (which a translated
        # recipe shares with its source: "pork-belly")
        names = (ingredient.name, ingredient.key.replace("-", " "))
        if all(to_unit(quantity.amount, unit, ingredient=name) is None for name in names):
            return quantity
        return Quantity(quantity.ingredient, quantity.amount, unit)

    def _not_an_ingredient(self, words: str) -> Reply:
        """Words that name no ingredient may still name a part ("what about the aioli") or a
        tip ("the crackling"): answer that, else say plainly that the recipe does not use it."""
        if self._another_recipe_uses(words):
            return self._not_in_recipe(words)  # "soy sauce" is not the aioli (the "sauce")
        component = self.index.find_component(words)
        if component is not None:
            return self.part_info(component)
        if self.index.find_tips(words):
            return self.tips(words)
        topic = topic_of(words, self.recipe.language)
        if topic == "servings":
            return self.recipe_info()
        if topic == "nutrition":
            return self.nutrition()
        if topic == "time":
            return self.time_left()
        if topic == "temperature":
            return self.temperature()
        if topic == "equipment":
            return self.equipment()
        if topic == "steps":
            return self.steps_left()
        return self._not_in_recipe(words)

    # -- the oven and times ----------------------------------------------------------------
    def temperature(
        self,
        scale: str | None = None,
        action_words: str | None = None,
        action_key: str | None = None,
    ) -> Reply:
        """What the oven is at now if something is in it; else the setting to come, said as
        such. With a step named ("how hot for the broil"), that step's setting."""
        self._about("temperature")
        if action_words or action_key:
            named = [s for s in self.index.find_action(action_words, action_key) if s.oven]
            if named:
                step = self._prefer_current(tuple(named))
                return self._ask(
                    Msg.of("oven_step", oven=step.oven, scale=scale, number=step.number),
                    "reprompt_step",
                )
        oven = oven_now(self.recipe, self.progress)
        if oven.setting is not None and oven.contents:
            # in a preheated oven it bakes (the setting's mode ids are the recipe format's)
            setting = oven.setting
            if setting.mode == "preheat":
                setting = replace(setting, mode="bake")
            return self._ask(
                Msg.of(
                    "oven_holds",
                    oven=setting,
                    scale=scale,
                    parts=[c.name for c in oven.contents],
                    clock=self._current_clock(),
                ),
                "reprompt_step",
            )
        upcoming = oven.upcoming
        if oven.setting is not None and oven.step is not None:
            if oven.step.component_id == self.progress.front and (
                oven.step.number == self.state.step
            ):
                return self._ask(
                    Msg.of("oven_now", oven=oven.setting, scale=scale), "reprompt_step"
                )
            if upcoming is not None and _heated_for(oven.setting, upcoming.oven):
                return self._ask(
                    Msg.of(
                        "oven_preheated",
                        oven=oven.setting,
                        scale=scale,
                        number=upcoming.number,
                        part=self._components[upcoming.component_id].name,
                    ),
                    "reprompt_step",
                )
        if upcoming is not None and upcoming.oven is not None:
            return self._ask(
                Msg.of(
                    "oven_next",
                    oven=upcoming.oven,
                    scale=scale,
                    number=upcoming.number,
                    part=self._components[upcoming.component_id].name,
                    on=oven.setting is not None,
                ),
                "reprompt_step",
            )
        if oven.setting is not None:
            return self._ask(Msg.of("oven_finished"), "reprompt_step")
        return self._ask(Msg.of("no_oven"), "reprompt_step")

    def how_long(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        """The recipe's time for a step; for a wait that is running, how far along it is too."""
        self._about("how_long")
        if action_words or action_key:
            steps = [s for s in self.index.find_action(action_words, action_key) if s.durations]
            if not steps:
                return self._ask(
                    Msg.of("no_time_for", words=action_words or action_key or ""), "reprompt_step"
                )
            step = self._prefer_current(tuple(steps))
        else:
            step = self.step
            if step is None:
                return self.time_left()  # not started: how long the whole recipe takes
            if not step.durations:
                place = self.state.step
                after = [s for s in self.component.steps[place:] if s.durations]
                if after:
                    nxt = after[0]
                    return self._ask(
                        Msg.of(
                            "how_long_untimed",
                            number=place,
                            next_number=nxt.number,
                            spans=list(nxt.durations),
                        ),
                        "reprompt_step",
                    )
                return self.time_left()
        clock = self._clock_at(step.component_id, step.number)
        if clock is not None and clock.phase == "running" and clock.elapsed >= _MINUTE:
            return self._ask(
                Msg.of("how_long_running", spans=list(step.durations), clock=clock),
                "reprompt_step",
            )
        return self._ask(
            Msg.of("how_long", spans=list(step.durations), number=step.number), "reprompt_step"
        )

    # -- preferences -----------------------------------------------------------------------
    def scale(self, servings: int | None = None, multiplier: str | None = None) -> Reply:
        progress = self.progress
        current = progress.servings_fraction(self.recipe)
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
            self._offer("ask_servings")
            return self._ask(Msg.of("how_many_people", servings=current), "reprompt_how_many")
        if not 0 < target <= MAX_SERVINGS:
            self._offer("ask_servings")
            return self._ask(
                Msg.of("servings_out_of_range", maximum=MAX_SERVINGS), "reprompt_how_many"
            )
        progress.servings = str(target)
        self._touch()
        factor = target / self.recipe.servings
        example = self._example_quantity()
        key = "scaled_original" if factor == 1 else "scaled"
        return self._ask(
            Msg.of(key, servings=target, factor=factor, example=example),
            "reprompt_step" if progress.started else "reprompt_start",
        )

    def units(self, system: str | None) -> Reply:
        if system not in ("us", "metric"):
            self._offer("ask_units")
            return self._ask(Msg.of("which_units"), "reprompt_units")
        self.state.units = system
        self._touch()
        return self._ask(
            Msg.of(f"units_{system}", example=self._example_quantity()), "reprompt_step"
        )

    # -- tips ------------------------------------------------------------------------------
    def tips(
        self,
        topic_words: str | None = None,
        topic_key: str | None = None,
        *,
        position: int | None = None,
    ) -> Reply:
        """ "Any tips": the tip that fits this step; a topic: its tips; then one more at a time.

        An answer says one tip (or one rule of a group), and offers the next.
        """
        all_tips = self.recipe.tips
        if not all_tips:
            return self._ask(Msg.of("no_tips"), "reprompt_step")
        if position is not None:
            chosen = all_tips[position] if position < len(all_tips) else None
            if chosen is None:
                return self._ask(Msg.of("no_more_tips"), "reprompt_step")
            tips = (chosen,)
        else:
            found = self.index.find_tips(topic_words, topic_key)
            if topic_words and not found:
                return self._ask(Msg.of("no_tip_about", words=topic_words), "reprompt_step")
            groups = {t.group for t in found}
            if len(found) > 1 and len(groups) == 1 and None not in groups:
                first = all_tips.index(found[0])
                self._offer("tip", position=first)
                self._about("tips")
                return self._ask(
                    Msg.of("tips_group", group=found[0].group, tips=list(found)),
                    "reprompt_more_tips",
                )
            tips = found[:1] if found else (self._tip_for_step(),)
        told = tips[-1]
        following = all_tips.index(told) + 1
        self._about("tips", words=told.id)
        more = following < len(all_tips)
        if more:
            self._offer("tip", position=following)
        return Reply(
            (Msg.of("tips", tips=list(tips), more=more),),
            Msg.of("reprompt_more_tips" if more else "reprompt_step"),
        )

    def _tip_for_step(self):
        """The tip that fits where the cook is: the one whose words this step's actions and
        text use most (the actions count double: they say what the step is about)."""
        step = self.step
        if step is None:
            return self.recipe.tips[0]
        actions = f" {' '.join(step.actions).lower()} "
        text = f" {step.text.lower()} "
        best, score = self.recipe.tips[0], 0
        for tip in self.recipe.tips:
            found = sum(
                (2 if f" {k.lower()} " in actions else 0) + (1 if f" {k.lower()} " in text else 0)
                for k in tip.keywords
            )
            if found > score:
                best, score = tip, found
        return best


__all__ = ["LIST_CHUNK", "MAX_SERVINGS", "Questions", "longest"]


def _heated_for(setting: OvenSetting, wanted: OvenSetting | None) -> bool:
    """The oven as it is set serves the step to come: no setting of its own, the same one, or
    the bake a preheat was for (the same temperature and heat)."""
    if wanted is None or wanted == setting:
        return True
    return setting.mode == "preheat" and replace(wanted, mode="preheat") == setting
