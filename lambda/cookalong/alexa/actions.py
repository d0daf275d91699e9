"""What each intent does: the map from an intent and its slots to the cooking session.

Each entry only translates; the cooking session does the work.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cookalong.alexa.slots import Slots
from cookalong.cooking.messages import Reply
from cookalong.cooking.session import CookingSession

Action = Callable[[CookingSession, Slots], Reply]


def _units(session: CookingSession, slots: Slots) -> Reply:
    return session.units(slots.id("system") or _unit_words(slots.words("system")))


_METRIC_WORDS = re.compile(
    r"\b(metric|grams?|kilo\w*|millilit\w+|lit(?:re|er)s?|celsius|centigrade)\b"
)
_US_WORDS = re.compile(
    r"\b(imperial|us|u s|american|cups?|(?:tea|table)?spoons?|ounces?|pounds?|fahrenheit)\b"
)


def _unit_words(words: str | None) -> str | None:
    """Units a cook named that Alexa did not resolve: "in grams please" → metric."""
    if not words:
        return None
    w = words.lower()
    if _METRIC_WORDS.search(w):
        return "metric"
    if _US_WORDS.search(w):
        return "us"
    return None


def _scale(session: CookingSession, slots: Slots) -> Reply:
    return session.scale(slots.number("servings"), slots.id("multiplier"))


def _temperature(session: CookingSession, slots: Slots) -> Reply:
    return session.temperature(
        slots.id("scale") or slots.words("scale"), slots.words("action"), slots.id("action")
    )


ACTIONS: dict[str, Action] = {
    "StartCookingIntent": lambda s, x: s.start(x.words("component"), x.id("component")),
    "HowMuchIntent": lambda s, x: s.how_much(
        x.words("ingredient"), x.id("ingredient"), x.words("component"), x.id("component")
    ),
    "IngredientsIntent": lambda s, x: s.ingredients(x.words("component"), x.id("component")),
    "StepIngredientsIntent": lambda s, x: s.step_ingredients(),
    "GoToStepIntent": lambda s, x: s.go_to_step(
        x.number("number"), x.words("component"), x.id("component")
    ),
    "FindStepIntent": lambda s, x: s.find_step(
        x.words("ingredient"), x.id("ingredient"), x.words("action"), x.id("action")
    ),
    "WhereAmIIntent": lambda s, x: s.where_am_i(),
    "StepsLeftIntent": lambda s, x: s.steps_left(),
    "TimeLeftIntent": lambda s, x: s.time_left(),
    "TemperatureIntent": _temperature,
    "HowLongIntent": lambda s, x: s.how_long(x.words("action"), x.id("action")),
    "ScaleIntent": _scale,
    "UnitsIntent": _units,
    "TipsIntent": lambda s, x: s.tips(x.words("topic"), x.id("topic")),
    "RecipeInfoIntent": lambda s, x: s.recipe_info(),
    "MeanwhileIntent": lambda s, x: s.meanwhile(),
    "AMAZON.NextIntent": lambda s, x: s.next(),
    "AMAZON.PreviousIntent": lambda s, x: s.previous(),
    "AMAZON.RepeatIntent": lambda s, x: s.repeat(),
    "AMAZON.StartOverIntent": lambda s, x: s.start_over(),
    "AMAZON.HelpIntent": lambda s, x: s.help(),
    "AMAZON.FallbackIntent": lambda s, x: s.fallback(),
    "AMAZON.YesIntent": lambda s, x: s.yes(),
    "AMAZON.NoIntent": lambda s, x: s.no(),
    "AMAZON.ResumeIntent": lambda s, x: s.start(),
    "AMAZON.PauseIntent": lambda s, x: s.pause(),
    "AMAZON.StopIntent": lambda s, x: s.stop(),
    "AMAZON.CancelIntent": lambda s, x: s.stop(),
    "AMAZON.NavigateHomeIntent": lambda s, x: s.stop(),
}
