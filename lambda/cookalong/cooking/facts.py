"""What the recipe itself can tell: how to know it is done, the equipment, how to serve, details
a step gives (which rack, how far apart), nutrition, a part in brief, the whole recipe read out.

Every answer comes from the recipe's data; when the recipe does not say, the answer says so
plainly and offers what the skill can do.
"""

from __future__ import annotations

from cookalong.cooking.base import SessionBase
from cookalong.cooking.lookup import detail_action_sentences, detail_sentences
from cookalong.cooking.messages import Msg, Reply
from cookalong.recipe.model import Component, Step


class Facts(SessionBase):
    """Questions the recipe's own words answer."""

    def doneness(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        """ "How do I know it's done": the step's cue ("until the pork skin is very crispy")."""
        self._about("doneness")
        if action_words or action_key:
            steps = list(self.index.find_action(action_words, action_key))
        else:
            steps = self._steps_from_here()
        for step in steps:
            cue = next((s.until for s in step.durations if s.until), None)
            if cue:
                return self._ask(
                    Msg.of("doneness", cue=cue, number=step.number, spans=list(step.durations)),
                    "reprompt_step",
                )
        timed = next((s for s in steps if s.durations), None)
        if timed is not None:
            return self._ask(
                Msg.of("doneness_unknown_timed", spans=list(timed.durations), number=timed.number),
                "reprompt_step",
            )
        return self._ask(Msg.of("doneness_unknown"), "reprompt_step")

    def _steps_from_here(self) -> list[Step]:
        """This step, the rest of this part, then the other parts' steps."""
        place = max(self.state.step, 1)
        here = list(self.component.steps[place - 1 :])
        others = [s for c in self.recipe.components if c.id != self.component.id for s in c.steps]
        return here + others

    def equipment(
        self, component_words: str | None = None, component_key: str | None = None
    ) -> Reply:
        """ "What pan do I need": the equipment the steps name, not the ingredient list."""
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None:
                return self._unknown_component(component_words, "equipment")
            parts = [component]
        else:
            parts = self._current_first(self.recipe.components)
        self._about("equipment")
        lists = [(c.name, _equipment(c)) for c in parts]
        lists = [(name, items) for name, items in lists if items]
        if not lists:
            return self._ask(Msg.of("equipment_unknown"), "reprompt_step")
        return self._ask(Msg.of("equipment", lists=lists), "reprompt_step")

    def serving(self) -> Reply:
        """ "What should I serve it with": the recipe's own serving words."""
        self._about("serving")
        if self.recipe.serving:
            return self._ask(
                Msg.of("serving", serving=self.recipe.serving, servings=self._servings()),
                "reprompt_step",
            )
        return self._ask(Msg.of("serving_unknown", servings=self._servings()), "reprompt_step")

    def _servings(self):
        return self.progress.servings_fraction(self.recipe)

    def _detail_text(self, step: Step) -> str:
        """Where a detail is read from: an English source's text as written; a translated
        recipe's speech (its text keeps "1 Inch (2,5 cm)" as printed, its speech says
        "etwa zweieinhalb Zentimetern")."""
        if self.recipe.language == "en" or not step.speech:
            return step.text
        return step.speech.replace("{oven}", "").replace("  ", " ")

    def step_detail(self, detail: str | None = None, detail_words: str | None = None) -> Reply:
        """ "Which rack", "how far apart", "how thick": the sentence of a step that says so."""
        self._about("detail", words=detail)
        if not detail:
            return self._ask(Msg.of("detail_what"), "reprompt_step")
        for step in self._steps_from_here():
            sentences = detail_sentences(self._detail_text(step), detail, self.recipe.language)
            if sentences:
                return self._ask(
                    Msg.of(
                        "detail",
                        text=sentences[0],
                        number=step.number,
                        part=self._components[step.component_id].name,
                        here=step.component_id == self.progress.front
                        and step.number == self.state.step,
                    ),
                    "reprompt_step",
                )
        for step in self._steps_from_here():
            related = detail_action_sentences(self._detail_text(step), detail, self.recipe.language)
            if related:
                return self._ask(
                    Msg.of(
                        "detail_unknown_related",
                        detail=detail,
                        words=detail_words or "",
                        text=related[0],
                        number=step.number,
                    ),
                    "reprompt_step",
                )
        return self._ask(
            Msg.of("detail_unknown", detail=detail, words=detail_words or ""), "reprompt_step"
        )

    def nutrition(self) -> Reply:
        """ "How many calories": the page's nutrition facts, else plainly that there are none."""
        self._about("nutrition")
        facts = self.recipe.nutrition
        if facts:
            return self._ask(Msg.of("nutrition", facts=facts), "reprompt_step")
        return self._ask(
            Msg.of("nutrition_unknown", servings=self._servings()), "reprompt_nutrition"
        )

    def part_info(self, component: Component) -> Reply:
        """A part in brief ("what do I do with the aioli"), and an offer to make it."""
        self._about("part", component=component.id)
        if component.id in self.progress.done:
            return self._ask(
                Msg.of("part_info_done", part=component.name, serving=self.recipe.serving),
                "reprompt_step",
            )
        first = component.steps[0]
        if component.id != self.progress.front:
            self._offer("part", component=component.id)
        return self._ask(
            Msg.of(
                "part_info",
                part=component.name,
                ingredients=len(component.ingredients),
                steps=len(component.steps),
                first=first,
                offer=component.id != self.progress.front,
            ),
            "reprompt_meanwhile" if component.id != self.progress.front else "reprompt_step",
        )

    def read_recipe(
        self,
        component_words: str | None = None,
        component_key: str | None = None,
        *,
        position: int = 0,
    ) -> Reply:
        """ "Read me the whole recipe": one step at a time, each offering the next."""
        if component_words or component_key:
            component = self.index.find_component(component_words, component_key)
            if component is None:
                return self._unknown_component(component_words, "read")
            steps = list(component.steps)
        else:
            component = None
            steps = [s for c in self.recipe.components for s in c.steps]
        if position >= len(steps):
            return self._ask(
                Msg.of("read_done"),
                "reprompt_start" if not self.progress.started else "reprompt_step",
            )
        step = steps[position]
        part = self._components[step.component_id]
        more = position + 1 < len(steps)
        if more:
            self._offer(
                "more",
                topic="read",
                position=position + 1,
                component=component.id if component else None,
            )
        self._about("read")
        lines = []
        if position == 0:
            lines.append(
                Msg.of(
                    "read_intro",
                    recipe=self.recipe.short_title,
                    parts=[
                        (c.name, len(c.steps))
                        for c in ([component] if component else self.recipe.components)
                    ],
                )
            )
        lines.append(Msg.of("read_step", view=self._view(part, step.number), more=more))
        return Reply(tuple(lines), Msg.of("reprompt_more" if more else "reprompt_step"))


def _equipment(component: Component) -> list[str]:
    seen: dict[str, None] = {}
    for step in component.steps:
        for item in step.equipment:
            seen.setdefault(item, None)
    return list(seen)
