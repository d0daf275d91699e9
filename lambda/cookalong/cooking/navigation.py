"""Moving through the recipe: opening, next, back, going to a step, changing parts, stopping."""

from __future__ import annotations

from cookalong.cooking.base import SessionBase
from cookalong.cooking.messages import Msg, Reply
from cookalong.recipe.model import Component
from cookalong.record import replace

IDLE_DAYS_BEFORE_FRESH_START = 3
STEP_POSITIONS = ("first", "last")


class Navigation(SessionBase):
    """How the cook moves: every method may change the place, and says where it lands."""

    def launch(self) -> Reply:
        """A new session opened without a question: greet, or welcome back to the saved place."""
        progress = self.progress
        if progress.finished:
            self._offer("start_over")
            return self._ask(
                Msg.of("welcome_finished", recipe=self.recipe.short_title), "reprompt_start_over"
            )
        if not progress.started:
            self._offer("start")
            return self._ask(
                Msg.of(
                    "welcome_new",
                    recipe=self.recipe.short_title,
                    servings=progress.servings_fraction(self.recipe),
                    total=self.recipe.total_time,
                    parts=[(c.name, len(c.steps)) for c in self.recipe.components],
                ),
                "reprompt_start",
            )
        view = self._view(self.component, self.state.step)
        updated = progress.updated or self.state.updated
        idle_days = (self.now - updated) // 86400 if updated else 0
        if idle_days >= IDLE_DAYS_BEFORE_FRESH_START:
            self._offer("resume_or_fresh")
            return self._ask(
                Msg.of("welcome_back_idle", days=idle_days, view=view), "reprompt_resume_or_fresh"
            )
        clock = self._current_clock()
        if clock is not None:
            self._about("step")
            return Reply(
                (Msg.of("welcome_back_running", clock=clock, view=view),),
                Msg.of("reprompt_resume"),
                card=view,
            )
        reply = self._step_reply(view, opening=Msg.of("welcome_back", view=view))
        return replace(reply, reprompt=reply.reprompt or Msg.of("reprompt_resume"))

    def start(self, component_words: str | None = None, component_key: str | None = None) -> Reply:
        """Start or resume; with a part named ("make the aioli"), start or go back to that part."""
        if component_words or component_key:
            target = self.index.find_component(component_words, component_key)
            if target is None:
                return self._unknown_component(component_words, "start")
            return self.start_part(target)
        progress = self.progress
        if progress.started and not progress.finished:
            return self._step_reply(self._view(self.component, self.state.step), resumed=True)
        self._reset()
        first = self.recipe.components[0]
        self._arrive(first, 1)
        return self._step_reply(
            self._view(first, 1), opening=Msg.of("starting", recipe=self.recipe.short_title)
        )

    def start_part(self, target: Component, *, again: bool = False) -> Reply:
        """Make ``target``: from the top if it is new (or ``again``), else back where it was."""
        progress = self.progress
        if target.id in progress.done and not again:
            self._offer("part", component=target.id, topic="again")
            return self._ask(Msg.of("part_already_done", part=target.name), "reprompt_again")
        place = progress.place(target.id)
        if again or place == 0:
            warnings = self._arrive(target, 1)
            return self._step_reply(
                self._view(target, 1),
                opening=Msg.of("starting_part", part=target.name),
                warnings=warnings,
            )
        if target.id == progress.front:
            return self._step_reply(self._view(target, place), resumed=True)
        return self._return_to(target, Msg.of("back_to_part", part=target.name))

    def _return_to(self, target: Component, opening: Msg) -> Reply:
        """Back to a part left mid-way: where it was, and what of it still runs (the bake), not
        its whole step again."""
        number = max(self.progress.place(target.id), 1)
        self._arrive(target, number)
        view = self._view(target, number)
        clock = self._clock_at(target.id, number)
        if clock is not None and clock.phase != "done":
            self._about("step")
            lines = [opening, Msg.of("running_status", clock=clock, view=view)]
            return Reply(tuple(lines), Msg.of("reprompt_step"), card=view)
        return self._step_reply(view, opening=opening)

    def _reset(self) -> None:
        progress = self.progress
        progress.at.clear()
        progress.done.clear()
        progress.running.clear()
        progress.oven = None
        progress.finished = False
        progress.front = self.recipe.components[0].id

    def next(self) -> Reply:
        progress = self.progress
        if not progress.started:
            return self.start()
        if progress.finished:
            self._offer("start_over")
            return Reply(
                (Msg.of("already_finished", serving=self.recipe.serving),),
                Msg.of("reprompt_start_over"),
            )
        component = self.component
        place = self.state.step
        if place < len(component.steps):
            warnings = self._arrive(component, place + 1)
            return self._step_reply(self._view(component, place + 1), warnings=warnings)
        return self._finish_component()

    def _finish_component(self) -> Reply:
        progress = self.progress
        finished = self.component
        if finished.id not in progress.done:
            progress.done.append(finished.id)
        self._touch()
        waiting = [
            c
            for c in self.recipe.components
            if c.id not in progress.done and progress.place(c.id) > 0
        ]
        if waiting:
            back = waiting[0]
            return self._return_to(back, Msg.of("part_done_back", part=finished.name, to=back.name))
        remaining = [c for c in self.recipe.components if c.id not in progress.done]
        if remaining:
            following = remaining[0]
            self._arrive(following, 1)
            return self._step_reply(
                self._view(following, 1),
                opening=Msg.of("part_done_next", part=finished.name, to=following.name),
            )
        progress.finished = True
        progress.running.clear()
        return Reply(
            (Msg.of("finished", recipe=self.recipe.short_title, serving=self.recipe.serving),),
            end_session=True,
        )

    def previous(self) -> Reply:
        if not self.progress.started:
            return self.start()
        place = self.state.step
        if place <= 1:
            return self._step_reply(
                self._view(self.component, max(place, 1)), opening=Msg.of("at_first_step")
            )
        self._arrive(self.component, place - 1)
        return self._step_reply(self._view(self.component, place - 1))

    def repeat(self) -> Reply:
        """The last real answer again (never a "sorry, I didn't get that")."""
        self._keep_context()
        if self.state.last:
            self._not_remembered()
            return Reply(
                (Msg.of("verbatim", text=self.state.last),),
                Msg.of("verbatim", text=self.state.last_reprompt or ""),
            )
        if self.step is None:
            return self.launch()
        return self._step_reply(self._view(self.component, self.state.step))

    def start_over(self) -> Reply:
        self._reset()
        first = self.recipe.components[0]
        self._arrive(first, 1)
        return self._step_reply(self._view(first, 1), opening=Msg.of("starting_over"))

    def go_to_step(
        self,
        number: int | None,
        component_words: str | None = None,
        component_key: str | None = None,
        position: str | None = None,
    ) -> Reply:
        """ "Go to step four", "the third step", "the last step", "step two of the aioli"."""
        component = self.component
        if component_words or component_key:
            found = self.index.find_component(component_words, component_key)
            if found is None:
                return self._unknown_component(component_words, "go_to_step")
            component = found
        total = len(component.steps)
        if number is None and position in STEP_POSITIONS:
            number = 1 if position == "first" else total
        if number is None:
            self._offer("ask_step", component=component.id)
            return self._ask(
                Msg.of("which_step", part=component.name, total=total), "reprompt_which_step"
            )
        if not 1 <= number <= total:
            self._offer("ask_step", component=component.id)
            return self._ask(
                Msg.of("no_such_step", number=number, part=component.name, total=total),
                "reprompt_which_step",
            )
        warnings = self._arrive(component, number)
        return self._step_reply(self._view(component, number), warnings=warnings)

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
            warnings = self._arrive(component, step.number)
            return self._step_reply(self._view(component, step.number), warnings=warnings)
        ingredients = self._prefer_component(
            self.index.find_ingredients(ingredient_words, ingredient_key)
        )
        if not ingredients:
            if not ingredient_words:
                self._offer("ask_ingredient", topic="find_step")
                return self._ask(Msg.of("which_step_what"), "reprompt_which_ingredient")
            return self._not_in_recipe(ingredient_words)
        steps = self.index.steps_using(ingredients)
        self._about("find_step", ingredients=tuple(i.id for i in ingredients))
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
        self._offer("goto", component=first.component_id, step=first.number)
        return Reply((Msg.of("step_uses", uses=uses),), Msg.of("reprompt_go_there"))

    def stop(self) -> Reply:
        if self.progress.started and not self.progress.finished:
            view = self._view(self.component, self.state.step)
            timed = [c for c in self._clocks() if c.activity.timer and c.phase != "done"]
            if timed:
                return Reply(
                    (Msg.of("goodbye_timer_running", view=view, clock=timed[0]),),
                    end_session=True,
                )
            return Reply((Msg.of("goodbye_keep_place", view=view),), end_session=True)
        return Reply((Msg.of("goodbye"),), end_session=True)

    def pause(self) -> Reply:
        """ "Hold on", "wait": keep the place and the session, and say how to carry on."""
        self._keep_context()
        self._not_remembered()
        if self.progress.started and not self.progress.finished:
            view = self._view(self.component, self.state.step)
            return self._ask(Msg.of("holding", view=view), "reprompt_holding")
        return self._ask(Msg.of("holding_not_started"), "reprompt_start")

    def help(self) -> Reply:
        self._keep_context()
        cooking = self.progress.started and not self.progress.finished
        key = "help_cooking" if cooking else "help_start"
        return self._ask(Msg.of(key, part=self.component.name), "reprompt_help")

    def fallback(self) -> Reply:
        """Not understood: keep everything as it was, and say what the cook can say here."""
        self._keep_context()
        self._not_remembered()
        if self.pending is not None and self.pending.is_question:
            return self._ask(
                Msg.of(f"fallback_{self.pending.kind}", parts=self._parts()), "reprompt_help"
            )
        if self.progress.started and not self.progress.finished:
            view = self._view(self.component, self.state.step)
            return self._ask(Msg.of("fallback_cooking", view=view), "reprompt_help")
        return self._ask(Msg.of("fallback_start"), "reprompt_start")

    def _not_in_recipe(self, words: str) -> Reply:
        self._offer("ingredients")
        return Reply((Msg.of("not_in_recipe", words=words),), Msg.of("reprompt_offer_ingredients"))
