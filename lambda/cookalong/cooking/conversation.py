"""The turns that only make sense in context: yes, no, "okay", "more", and one-word answers or
corrections ("six", "the aioli", "for the aioli", "in grams").

Each acts on the one pending offer or question (:attr:`SessionBase.pending`), else on what the
last answer was about (:attr:`SessionBase.before`); with neither, it says what the cook can do.
"""

from __future__ import annotations

from cookalong.cooking.base import SessionBase
from cookalong.cooking.messages import Msg, Reply
from cookalong.cooking.offers import Offer


class Conversation(SessionBase):
    """Answers to the skill's own offers and questions."""

    # -- yes and no ------------------------------------------------------------------------
    def yes(self) -> Reply:
        offer = self.pending
        if offer is None:
            if not self.progress.started:
                return self.start()
            return self._what_next("yes_without_question")
        kind = offer.kind
        if kind == "start":
            return self.start()
        if kind == "start_over":
            return self.start_over()
        if kind == "resume_or_fresh":
            self._touch()
            return self.start()
        if kind == "ingredients":
            return self.ingredients(component_key=offer.component)
        if kind == "part" and offer.component in self._components:
            target = self._components[offer.component]
            return self.start_part(target, again=offer.topic == "again")
        if kind == "goto" and offer.component in self._components and offer.step:
            return self.go_to_step(offer.step, component_key=offer.component)
        if kind == "tip" and offer.position is not None:
            return self.tips(position=offer.position)
        if kind == "timer" and offer.component and offer.step:
            return self.set_timer_for(offer.component, offer.step)
        if kind in ("more", "recipes"):
            return self.more()
        if kind == "recipe" and offer.recipe:
            return self.choose_recipe(recipe_key=offer.recipe)
        if offer.is_question:
            return self._ask_again(offer)
        return self._what_next("yes_without_question")

    def no(self) -> Reply:
        offer = self.pending
        kind = offer.kind if offer is not None else None
        if kind == "resume_or_fresh":
            return self.start_over()
        if kind == "timer" and offer is not None:
            return self._no_timer(offer)
        if kind == "part" and offer is not None and offer.topic != "again":
            return self._meanwhile_declined()
        if kind == "start" or not self.progress.started:
            return self._ask(Msg.of("no_then_what"), "reprompt_start")
        if offer is not None and offer.is_question:
            return self._what_next("okay_then")
        return self._what_next("okay_then")

    def _no_timer(self, offer: Offer) -> Reply:
        """No timer for this wait: say so, then the next hint (the aioli to make meanwhile)."""
        lines = [Msg.of("timer_declined")]
        step = self._step_of(offer.component or "", offer.step or 1)
        meanwhile = self._meanwhile_offer(step)
        if meanwhile is not None:
            lines.append(meanwhile)
            return Reply(tuple(lines), Msg.of("reprompt_meanwhile"))
        return Reply(tuple(lines), Msg.of("reprompt_step"))

    def _meanwhile_declined(self) -> Reply:
        clock = self._current_clock()
        if clock is not None and clock.activity.timer:
            return self._ask(Msg.of("meanwhile_declined_timer", clock=clock), "reprompt_step")
        if clock is not None and clock.phase == "running":
            return self._ask(Msg.of("meanwhile_declined", clock=clock), "reprompt_step")
        return self._what_next("okay_then")

    def _what_next(self, key: str) -> Reply:
        """A reply with no question of its own: say where the cook is and what they can say."""
        if self.progress.finished:
            return self._all_done()
        if not self.progress.started:
            self._offer("start")
            return self._ask(Msg.of(f"{key}_not_started"), "reprompt_start")
        view = self._view(self.component, self.state.step)
        last = view.step.number == view.total and not self._other_parts_left(view.step.component_id)
        return self._ask(Msg.of(key, view=view, last=last), "reprompt_step")

    def acknowledge(self) -> Reply:
        """ "Got it", "okay", "thanks": never a move. Says what the cook can do next; an offer
        or question still pending stays open for a later yes or answer."""
        offer = self.pending
        if offer is not None and offer.is_question:
            return self._ask_again(offer)
        reply = self._what_next("ack")
        if offer is not None:
            self._keep_context()
            self._not_remembered()
            return Reply(reply.speech, Msg.of(_reprompt_for(offer)))
        return reply

    def _ask_again(self, offer: Offer) -> Reply:
        self._keep_context()
        self._not_remembered()
        return self._ask(Msg.of(f"again_{offer.kind}", parts=self._parts()), _reprompt_for(offer))

    # -- more ------------------------------------------------------------------------------
    def more(self) -> Reply:
        """ "More", "another tip", "keep going": the rest of whatever came in parts."""
        offer = self.pending
        if offer is not None:
            if offer.kind == "tip" and offer.position is not None:
                return self.tips(position=offer.position)
            if offer.kind == "more" and offer.topic == "ingredients":
                return self.ingredients(component_key=offer.component, position=offer.position or 0)
            if offer.kind == "more" and offer.topic == "read":
                return self.read_recipe(component_key=offer.component, position=offer.position or 0)
            if offer.kind == "recipes":
                return self.list_recipes(position=offer.position or 0)
        before = self.before
        if before is not None and before.kind == "tips" and before.words:
            tips = [t.id for t in self.recipe.tips]
            if before.words in tips:
                return self.tips(position=tips.index(before.words) + 1)
        return self.tips()

    def more_tips(self) -> Reply:
        """ "Another tip", "next tip": the tip after the last one, else the one for this step."""
        offer = self.pending
        if offer is not None and offer.kind == "tip" and offer.position is not None:
            return self.tips(position=offer.position)
        before = self.before
        if before is not None and before.kind == "tips" and before.words:
            tips = [t.id for t in self.recipe.tips]
            if before.words in tips:
                return self.tips(position=tips.index(before.words) + 1)
        return self.tips()

    # -- one-word answers and corrections --------------------------------------------------
    def follow_up(
        self,
        ingredient_words: str | None = None,
        ingredient_key: str | None = None,
        component_words: str | None = None,
        component_key: str | None = None,
        unit: str | None = None,
        number: int | None = None,
        recipe_words: str | None = None,
        recipe_key: str | None = None,
    ) -> Reply:
        """Complete the skill's own question, else narrow the last answer, else answer the
        words as a question of their own."""
        offer = self.pending
        ingredient = ingredient_words or ingredient_key
        component = component_words or component_key
        if offer is not None and offer.is_question:
            kind, topic = offer.kind, offer.topic
            if kind == "ask_servings" and number is not None:
                return self.scale(number)
            if kind == "ask_step" and number is not None:
                return self.go_to_step(number, component_key=offer.component)
            if kind == "ask_ingredient" and ingredient:
                if topic == "find_step":
                    return self.find_step(ingredient_words, ingredient_key)
                return self.how_much(
                    ingredient_words, ingredient_key, component_words, component_key, unit
                )
            if kind == "ask_component" and component:
                return self._component_answer(topic, component_words, component_key)
            if kind == "ask_units" and unit:
                return self.units(unit_system(unit))
            if kind == "ask_recipe" and (recipe_words or recipe_key or component):
                return self.choose_recipe(recipe_words or component_words, recipe_key)
        before = self.before
        if before is not None:
            if before.kind == "how_much":
                if ingredient:
                    return self.how_much(
                        ingredient_words, ingredient_key, component_words, component_key, unit
                    )
                if component or unit:
                    # the words said before find the same ingredients again (and can be
                    # narrowed to another part); without words, the last answer's own
                    return self.how_much(
                        before.words,
                        None,
                        component_words,
                        component_key or (before.component if not component_words else None),
                        unit or before.unit,
                    )
            if before.kind == "ingredients" and component:
                return self.ingredients(component_words, component_key)
            if before.kind == "equipment" and component:
                return self.equipment(component_words, component_key)
            if before.kind == "find_step" and ingredient:
                return self.find_step(ingredient_words, ingredient_key)
        if recipe_words or recipe_key:
            return self.choose_recipe(recipe_words, recipe_key)
        if ingredient:
            return self.how_much(
                ingredient_words, ingredient_key, component_words, component_key, unit
            )
        if component:
            found = self.index.find_component(component_words, component_key)
            if found is not None:
                return self.part_info(found)
            return self._unknown_component(component_words, "start")
        if number is not None:
            return self._ask(Msg.of("number_alone", number=number), "reprompt_help")
        if unit:
            return self._ask(Msg.of("unit_alone", unit=unit), "reprompt_how_much")
        return self.fallback()

    def _component_answer(
        self, topic: str | None, component_words: str | None, component_key: str | None
    ) -> Reply:
        if topic == "ingredients":
            return self.ingredients(component_words, component_key)
        if topic == "equipment":
            return self.equipment(component_words, component_key)
        if topic == "read":
            return self.read_recipe(component_words, component_key)
        if topic == "go_to_step":
            found = self.index.find_component(component_words, component_key)
            if found is not None:
                return self.go_to_step(None, component_key=found.id)
        return self.start(component_words, component_key)


def unit_system(unit: str | None) -> str | None:
    """The system a named unit belongs to: "gram" → "metric", "cup" → "us"."""
    if not unit:
        return None
    if unit in ("metric", "us"):
        return unit
    from cookalong.kitchen.units import METRIC, UNITS

    found = UNITS.get(unit)
    if found is None:
        return None
    return "metric" if found.system == METRIC else "us"


def _reprompt_for(offer: Offer) -> str:
    return {
        "timer": "reprompt_timer",
        "part": "reprompt_meanwhile",
        "goto": "reprompt_go_there",
        "tip": "reprompt_more_tips",
        "more": "reprompt_more",
        "ask_servings": "reprompt_how_many",
        "ask_step": "reprompt_which_step",
        "ask_ingredient": "reprompt_which_ingredient",
        "ask_component": "reprompt_which_part",
        "ask_units": "reprompt_units",
        "ask_recipe": "reprompt_which_recipe",
    }.get(offer.kind, "reprompt_yes_no")
