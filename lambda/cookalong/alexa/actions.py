"""What each intent does: the map from an intent and its slots to the cooking session.

Each entry only translates; the cooking session does the work.
"""

from __future__ import annotations

from collections.abc import Callable

from cookalong.alexa.slots import Slots
from cookalong.cooking.messages import Reply
from cookalong.cooking.session import CookingSession
from cookalong.kitchen.durations import parse_duration
from cookalong.speech.lang import pack

Action = Callable[[CookingSession, Slots], Reply]


def _units(session: CookingSession, slots: Slots) -> Reply:
    return session.units(
        slots.id("system") or pack(slots.language).heard_system(slots.words("system"))
    )


def _unit(slots: Slots) -> str | None:
    """The unit asked for in a question ("in grams", "how many tablespoons"): a kitchen key."""
    key = slots.id("unit")
    if key:
        return key
    words = slots.words("unit")
    if not words:
        return None
    return pack(slots.language).heard_unit(words)


def _scale(session: CookingSession, slots: Slots) -> Reply:
    if slots.unreadable("servings"):
        return session.scale(None, None)
    return session.scale(slots.number("servings"), slots.id("multiplier"))


def _temperature(session: CookingSession, slots: Slots) -> Reply:
    return session.temperature(
        slots.id("scale") or slots.words("scale"), slots.words("action"), slots.id("action")
    )


def _go_to_step(session: CookingSession, slots: Slots) -> Reply:
    number = slots.number("number")
    if number is None:
        number = slots.number("ordinal")
    return session.go_to_step(
        number, slots.words("component"), slots.id("component"), slots.id("position")
    )


def _how_much(session: CookingSession, slots: Slots) -> Reply:
    words, unit = slots.words("ingredient"), _unit(slots)
    key = slots.id("ingredient")
    if unit is None and words:  # "wie viel Gramm Meersalzflocken": the unit inside the words
        found = pack(slots.language).leading_unit(words)
        if found is not None:
            unit, words = found
            key = None
    return session.how_much(words, key, slots.words("component"), slots.id("component"), unit)


def _follow_up(session: CookingSession, slots: Slots) -> Reply:
    return session.follow_up(
        slots.words("ingredient"),
        slots.id("ingredient"),
        slots.words("component"),
        slots.id("component"),
        _unit(slots),
        slots.number("number"),
        slots.words("recipe"),
        slots.id("recipe"),
    )


def _set_timer(session: CookingSession, slots: Slots) -> Reply:
    words = slots.words("duration")
    duration = None
    if words:
        try:
            duration = parse_duration(words)
        except ValueError:
            duration = None
    return session.set_timer(duration, slots.words("action"), slots.id("action"))


ACTIONS: dict[str, Action] = {
    "StartCookingIntent": lambda s, x: s.start(x.words("component"), x.id("component")),
    "HowMuchIntent": _how_much,
    "IngredientsIntent": lambda s, x: s.ingredients(x.words("component"), x.id("component")),
    "StepIngredientsIntent": lambda s, x: s.step_ingredients(),
    "GoToStepIntent": _go_to_step,
    "FindStepIntent": lambda s, x: s.find_step(
        x.words("ingredient"), x.id("ingredient"), x.words("action"), x.id("action")
    ),
    "WhereAmIIntent": lambda s, x: s.where_am_i(),
    "StepsLeftIntent": lambda s, x: s.steps_left(),
    "TimeLeftIntent": lambda s, x: s.time_left(),
    "WaitStatusIntent": lambda s, x: s.wait_status(x.words("action"), x.id("action")),
    "TemperatureIntent": _temperature,
    "HowLongIntent": lambda s, x: s.how_long(x.words("action"), x.id("action")),
    "ScaleIntent": _scale,
    "UnitsIntent": _units,
    "TipsIntent": lambda s, x: s.tips(x.words("topic"), x.id("topic")),
    "MoreIntent": lambda s, x: s.more(),
    "RecipeInfoIntent": lambda s, x: s.recipe_info(),
    "MeanwhileIntent": lambda s, x: s.meanwhile(),
    "FollowUpIntent": _follow_up,
    "AcknowledgeIntent": lambda s, x: s.acknowledge(),
    "DonenessIntent": lambda s, x: s.doneness(x.words("action"), x.id("action")),
    "EquipmentIntent": lambda s, x: s.equipment(x.words("component"), x.id("component")),
    "ServingIntent": lambda s, x: s.serving(),
    "ReadRecipeIntent": lambda s, x: s.read_recipe(x.words("component"), x.id("component")),
    "StepDetailIntent": lambda s, x: s.step_detail(x.id("detail"), x.words("detail")),
    "NutritionIntent": lambda s, x: s.nutrition(),
    "SetTimerIntent": _set_timer,
    "TimerStatusIntent": lambda s, x: s.timer_status(x.words("action"), x.id("action")),
    "CancelTimerIntent": lambda s, x: s.cancel_timer(x.words("action"), x.id("action")),
    "PauseTimerIntent": lambda s, x: s.pause_timer(),
    "ResumeTimerIntent": lambda s, x: s.resume_timer(),
    "ListRecipesIntent": lambda s, x: s.list_recipes(),
    "ChooseRecipeIntent": lambda s, x: s.choose_recipe(x.words("recipe"), x.id("recipe")),
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
