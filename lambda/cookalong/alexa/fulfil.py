"""Answering CanFulfillIntentRequest: could the skill understand and serve this request?

Alexa asks before it routes a name-free request ("Alexa, how much maple syrup for the pork
belly?") to a skill; the answer must change nothing and say nothing. It comes from the interaction
model (which intents and slots the skill has) and what the recipes' look-up indexes know (the
cookbook's names, :mod:`cookalong.cooking.names`: written by the build, so that asking about
every recipe loads none of them), following the ASK definitions:

* per slot, ``canUnderstand``: YES for a value the recipe knows exactly (or Alexa resolved to one
  of our ids), MAYBE for a near miss the look-up still matches ("mayonaise"), NO otherwise;
  ``canFulfill``: YES when the skill can act on it, NO otherwise;
* overall: NO for an intent that is not ours (the ``AMAZON.*`` built-ins, such as Stop or Next,
  only make sense inside a session) or a slot the skill cannot understand or serve; MAYBE when
  a slot is only partly understood; YES otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from fractions import Fraction

from ask_sdk_model.canfulfill import (
    CanFulfillIntent,
    CanFulfillIntentValues,
    CanFulfillSlot,
    CanFulfillSlotValues,
    CanUnderstandSlotValues,
)

from cookalong.alexa.actions import ACTIONS
from cookalong.alexa.slots import Slots
from cookalong.cooking.lookup import normalise
from cookalong.cooking.names import RecipeNames
from cookalong.cooking.session import MAX_SERVINGS, Cookbook
from cookalong.speech.lang import pack

__all__ = ["INTENT_SLOTS", "can_fulfill"]

YES, MAYBE, NO = (
    CanUnderstandSlotValues.YES,
    CanUnderstandSlotValues.MAYBE,
    CanUnderstandSlotValues.NO,
)
#: How well a slot value is understood, and whether it can be acted on.
Verdict = tuple[CanUnderstandSlotValues, bool]
Judge = Callable[[Cookbook, Slots, str], Verdict]


def _named(
    found: Callable[[RecipeNames, str | None, str | None], object],
    table: Callable[[RecipeNames], Collection[str]],
    ids: Callable[[RecipeNames], Collection[str]] | None = None,
) -> Judge:
    """A judge for a slot the recipe look-up answers (ingredients, parts, steps, tips).

    YES: Alexa resolved the value to one of the recipe's ids, or the words are one of its
    names exactly; MAYBE: the look-up still finds something (a near miss, a plural, a longer
    phrase); NO: nothing in any recipe.
    """
    ids = ids or table

    def judge(cookbook: Cookbook, slots: Slots, name: str) -> Verdict:
        words, key = slots.words(name), slots.id(name)
        indexes = [cookbook.names(rid) for rid in cookbook.recipes]
        if any(
            (key and key in ids(i)) or (words and i.rules.normalise(words) in table(i))
            for i in indexes
        ):
            return YES, True
        if any(found(i, words, key) for i in indexes):
            return MAYBE, True
        return NO, False

    return judge


def _number(maximum: int | None) -> Judge:
    def judge(cookbook: Cookbook, slots: Slots, name: str) -> Verdict:
        number = slots.number(name)
        if number is None:
            return NO, False
        return YES, number >= 1 and (maximum is None or number <= maximum)

    return judge


def _choice(
    values: frozenset[str], from_words: Callable[[str, str], str | None] | None = None
) -> Judge:
    def judge(cookbook: Cookbook, slots: Slots, name: str) -> Verdict:
        key = slots.id(name)
        words = slots.words(name)
        if key in values:
            return YES, True
        if words is not None:
            guess = from_words(words, slots.language) if from_words else normalise(words)
            if guess in values:
                return YES, True
        return NO, False

    return judge


def _multiplier(cookbook: Cookbook, slots: Slots, name: str) -> Verdict:
    key = slots.id(name)
    try:
        factor = Fraction(key) if key else None
    except (ValueError, ZeroDivisionError):
        factor = None
    if factor is None or factor <= 0:
        return NO, False
    fits = any(factor * cookbook.names(rid).servings <= MAX_SERVINGS for rid in cookbook.recipes)
    return YES, fits


def _system_words(words: str, language: str) -> str | None:
    return pack(language).heard_system(words)


def _scale_words(words: str, language: str) -> str | None:
    said = set(normalise(words).split())
    if said & {"celsius", "centigrade", "c"}:
        return "celsius"
    if said & {"fahrenheit", "f"}:
        return "fahrenheit"
    return None


_ingredient = _named(
    lambda i, w, k: i.finds_ingredient(w, k), lambda i: i.ingredients, lambda i: i.by_key
)
_component = _named(lambda i, w, k: i.finds_component(w, k), lambda i: i.components)
_action = _named(lambda i, w, k: i.finds_action(w, k), lambda i: i.actions)
_topic = _named(lambda i, w, k: i.finds_tip(w, k), lambda i: i.tips)

#: The slots of each custom intent in the interaction model, and how to judge each.
INTENT_SLOTS: dict[str, dict[str, Judge]] = {
    "StartCookingIntent": {"component": _component},
    "HowMuchIntent": {"ingredient": _ingredient, "component": _component},
    "IngredientsIntent": {"component": _component},
    "StepIngredientsIntent": {},
    "GoToStepIntent": {"number": _number(None), "component": _component},
    "FindStepIntent": {"ingredient": _ingredient, "action": _action},
    "WhereAmIIntent": {},
    "StepsLeftIntent": {},
    "TimeLeftIntent": {},
    "TemperatureIntent": {
        "scale": _choice(frozenset({"celsius", "fahrenheit"}), _scale_words),
        "action": _action,
    },
    "HowLongIntent": {"action": _action},
    "ScaleIntent": {"servings": _number(MAX_SERVINGS), "multiplier": _multiplier},
    "UnitsIntent": {"system": _choice(frozenset({"metric", "us"}), _system_words)},
    "TipsIntent": {"topic": _topic},
    "RecipeInfoIntent": {},
    "MeanwhileIntent": {},
}


def can_fulfill(cookbook: Cookbook, intent_name: str | None, slots: Slots) -> CanFulfillIntent:
    """The answer to a CanFulfillIntentRequest for ``intent_name`` with these slots.

    Parameters
    ----------
    cookbook
        The recipes and their look-up indexes (built at start-up).
    intent_name
        The intent Alexa detected.
    slots
        Its slots, as the handlers read them.

    Returns
    -------
    CanFulfillIntent
        The overall answer and one entry per slot that carried a value.
    """
    judges = INTENT_SLOTS.get(intent_name or "")
    if judges is None or intent_name not in ACTIONS:
        return CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO)
    answers: dict[str, CanFulfillSlot] = {}
    overall = CanFulfillIntentValues.YES
    for name in slots.names():
        if slots.words(name) is None and slots.id(name) is None:
            continue  # a slot Alexa did not fill was not detected
        judge = judges.get(name)
        if judge is None:  # not in the model: not understood (and its name is not echoed)
            overall = CanFulfillIntentValues.NO
            continue
        understood, fulfils = judge(cookbook, slots, name)
        answers[name] = CanFulfillSlot(
            can_understand=understood,
            can_fulfill=CanFulfillSlotValues.YES if fulfils else CanFulfillSlotValues.NO,
        )
        if understood is NO or not fulfils:
            overall = CanFulfillIntentValues.NO
        elif understood is MAYBE and overall is CanFulfillIntentValues.YES:
            overall = CanFulfillIntentValues.MAYBE
    return CanFulfillIntent(can_fulfill=overall, slots=answers or None)
