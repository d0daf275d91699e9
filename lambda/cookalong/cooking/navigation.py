"""Moving through the recipe: opening, next, back, going to a step, and the yes/no turns."""

from __future__ import annotations

from dataclasses import replace

from cookalong.cooking.base import SessionBase
from cookalong.cooking.messages import Msg, Reply
from cookalong.recipe.model import Component

IDLE_DAYS_BEFORE_FRESH_START = 3


class Navigation(SessionBase):
    """How the cook moves: every method may change the place, and says the step it lands on."""

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
            return self._ask(
                Msg.of("welcome_back_idle", days=idle_days, view=view),
                "reprompt_resume_or_fresh",
                pending="resume_or_fresh",
            )
        self.state = replace(s, pending=None)
        reply = self._step_reply(view, opening=Msg.of("welcome_back", view=view))
        return replace(reply, reprompt=Msg.of("reprompt_resume"))

    def start(self, component_words: str | None = None, component_key: str | None = None) -> Reply:
        """Start or resume; with a part named ("make the aioli"), start or resume that part."""
        if component_words or component_key:
            target = self.index.find_component(component_words, component_key)
            if target is None:
                return self._unknown_component(component_words, "reprompt_start")
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
        """Leaving a part mid-way (the pork is in the oven) means coming back to it afterwards.

        Moving within the current part keeps any side trip's way back as it is.
        """
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
                return self._unknown_component(component_words, "reprompt_which_step")
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
        back = self._back_to_for(component)
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
            back = self._back_to_for(component)
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
