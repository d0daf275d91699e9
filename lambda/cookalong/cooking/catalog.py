"""Choosing what to cook: the catalog by voice, each recipe keeping its own place."""

from __future__ import annotations

from cookalong.cooking.base import SessionBase
from cookalong.cooking.effects import UseRecipeEntities
from cookalong.cooking.messages import Msg, Reply
from cookalong.record import replace

#: How many recipe titles one answer names before it offers more.
TITLES_PER_TURN = 3


class Catalog(SessionBase):
    """ "What can I make", "let's make the garlic butter shrimp", "switch to the pork belly"."""

    def list_recipes(self, position: int = 0) -> Reply:
        titles = self.cookbook.titles()
        if len(titles) == 1:
            return self._only_recipe()
        page = titles[position : position + TITLES_PER_TURN]
        if not page:
            self._offer("ask_recipe")
            return self._ask(Msg.of("recipes_no_more", count=len(titles)), "reprompt_which_recipe")
        more = position + TITLES_PER_TURN < len(titles)
        if more:
            self._offer("recipes", position=position + TITLES_PER_TURN)
        else:
            self._offer("ask_recipe")
        self._about("recipes")
        return self._ask(
            Msg.of(
                "recipes",
                count=len(titles),
                titles=[t for _, t in page],
                first=position == 0,
                more=more,
            ),
            "reprompt_more_recipes" if more else "reprompt_which_recipe",
        )

    def _only_recipe(self) -> Reply:
        self._offer("start" if not self.progress.started else "ingredients")
        return self._ask(
            Msg.of("recipes_only_one", recipe=self.recipe.short_title),
            "reprompt_start" if not self.progress.started else "reprompt_step",
        )

    def choose_recipe(
        self, recipe_words: str | None = None, recipe_key: str | None = None
    ) -> Reply:
        """Switch to a recipe by what the cook calls it; two that fit get a question back."""
        found = self.cookbook.find_recipes(recipe_words, recipe_key)
        if not found and recipe_words:
            # "let's make the aioli" is a part of this recipe, not a recipe of its own
            component = self.index.find_component(recipe_words)
            if component is not None:
                return self.start_part(component)
            if self.cookbook.catalog_size == 1:
                return self._unknown_component(recipe_words, "start")
        if not found:
            self._offer("ask_recipe")
            return self._ask(
                Msg.of("recipe_unknown", words=recipe_words or "", examples=self._examples()),
                "reprompt_which_recipe",
            )
        if len(found) > 1:
            self._offer("ask_recipe")
            titles = [self.cookbook.title(rid) for rid in found[:3]]
            return self._ask(Msg.of("recipe_which", titles=titles), "reprompt_which_recipe")
        rid = found[0]
        if rid == self.state.recipe:
            if self.progress.started and not self.progress.finished:
                return self._step_reply(
                    self._view(self.component, self.state.step),
                    opening=Msg.of("recipe_already", recipe=self.recipe.short_title),
                )
            return self._introduce()
        self.state.switch_to(self.cookbook.recipe(rid))
        self._touch()
        return replace(self._chosen(), effects=(UseRecipeEntities(rid),))

    def _chosen(self) -> Reply:
        progress = self.progress
        if progress.started and not progress.finished:
            view = self._view(self.component, self.state.step)
            clock = self._current_clock()
            opening = Msg.of("recipe_resumed", recipe=self.recipe.short_title, view=view)
            if clock is not None and clock.phase != "done":
                return Reply(
                    (opening, Msg.of("running_status", clock=clock, view=view)),
                    Msg.of("reprompt_step"),
                    card=view,
                )
            return self._step_reply(view, opening=opening)
        return self._introduce()

    def _introduce(self) -> Reply:
        progress = self.progress
        if progress.finished:
            progress.finished = False
            progress.at.clear()
            progress.done.clear()
        self._offer("start")
        return self._ask(
            Msg.of(
                "recipe_chosen",
                recipe=self.recipe.short_title,
                servings=progress.servings_fraction(self.recipe),
                total=self.recipe.total_time,
                parts=[(c.name, len(c.steps)) for c in self.recipe.components],
            ),
            "reprompt_start",
        )

    def _examples(self) -> list[str]:
        return [t for _, t in self.cookbook.titles()[:TITLES_PER_TURN]]

    def welcome_catalog(self) -> Reply:
        """A new cook, or one with nothing in progress, and several recipes: offer a choice."""
        titles = self.cookbook.titles()
        self._offer("recipes", position=TITLES_PER_TURN) if len(titles) > TITLES_PER_TURN else (
            self._offer("ask_recipe")
        )
        return self._ask(
            Msg.of(
                "welcome_catalog",
                count=len(titles),
                titles=[t for _, t in titles[:TITLES_PER_TURN]],
                more=len(titles) > TITLES_PER_TURN,
            ),
            "reprompt_which_recipe",
        )
