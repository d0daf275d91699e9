"""Preparing each message's values: the structure a template cannot express.

Each function turns a :class:`~cookalong.cooking.messages.Msg`'s domain values into the strings
its locale template names (lists joined, counts in words, amounts in the cook's units).
"""

from __future__ import annotations

import re
from datetime import timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from cookalong.cooking.messages import Quantity, StepView
from cookalong.recipe.model import Tip

if TYPE_CHECKING:
    from cookalong.speech.voice import Prefs, Voice


class Listed(str):
    """A list said as one value ("the pork belly and the aioli") that keeps its items, for a
    language that says each with its article or preposition ("für den Schweinebauch")."""

    items: tuple[str, ...]

    def __new__(cls, said: str, items: tuple[str, ...]) -> Listed:
        value = super().__new__(cls, said)
        value.items = items
        return value


def _parts(voice: Voice, parts: list[tuple[str, int]]) -> str:
    """How the recipe is laid out: "in five steps", or "in two parts: the pork belly, seven
    steps and the chipotle aioli, one step"."""
    if len(parts) == 1:
        ((_, steps),) = parts
        return voice.t(
            "parts_one",
            steps=voice.t(
                "step_count_one" if steps == 1 else "step_count_many", count=voice.number(steps)
            ),
        )
    listed = voice.join([_part_with_steps(voice, name, n) for name, n in parts])
    return voice.t("parts_many", count=voice.number(len(parts)), parts=listed)


def _part_with_steps(voice: Voice, name: str, steps: int) -> str:
    key = "part_with_one_step" if steps == 1 else "part_with_steps"
    return voice.t(key, part=name, steps=voice.number(steps))


def _welcome(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {
        "recipe": p["recipe"],
        "servings": voice.number(p["servings"]),
        "total": voice.duration(p["total"]),
        "parts": _parts(voice, p["parts"]),
        "description": p.get("description", ""),
    }


def _with_view(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = voice._generic({k: v for k, v in p.items() if k != "view"}, prefs)
    values.update(voice.view(p["view"], prefs))
    return values


def _how_much(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    quantities: list[tuple[Quantity, str]] = p["quantities"]
    if not p["name_parts"]:
        said = [voice.quantity(q, prefs) for q, _ in quantities]
        first = quantities[0][0]
        extra = first.ingredient.preparation or ""
        return {"items": voice.join(said), "extra": f", {extra}" if extra else ""}
    said = [
        voice.t("for_part", quantity=voice.quantity(q, prefs), part=part) for q, part in quantities
    ]
    return {"items": voice.join(said), "extra": ""}


def _not_in_unit(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = _how_much(voice, p, prefs)
    values["unit"] = voice.unit_name(p["unit"])
    return values


def _ingredients(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    """One part's list (or a chunk of it), and the offer of what comes next."""
    quantities: list[Quantity] = p["quantities"]
    if p["continued"]:
        intro = voice.t("ingredients_continued", part=p["part"])
    elif p["count"] == 1:
        intro = voice.t("ingredients_intro_one", part=p["part"])
    else:
        intro = voice.t("ingredients_intro", part=p["part"], count_words=voice.number(p["count"]))
    more = ""
    if p["more"]:
        more = (
            voice.t("ingredients_more_part", next_part=p["next_part"])
            if p["next_part"]
            else voice.t("ingredients_more_same")
        )
    return {
        "intro": intro,
        "items": voice.join([voice.quantity(q, prefs) for q in quantities]),
        "more": more,
    }


def _step_uses(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    uses: list[tuple[str, list[StepView]]] = p["uses"]
    said = [
        voice.t(
            "ingredient_at_steps",
            ingredient=name,
            steps=voice.join(
                [
                    voice.t("step_of_part", number=v.step.number, part=v.component_name)
                    for v in views
                ]
            ),
        )
        for name, views in uses
    ]
    return {"uses": voice.join(said)}


def _steps_left(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    others = [_part_with_steps(voice, n, c) for n, c in p["others"]]
    left = p["left"]
    key = "steps_left_none" if left == 0 else ("steps_left_one" if left == 1 else "steps_left_many")
    main = voice.t(key, left=voice.number(left), part=p["part"])
    also = voice.t("steps_left_also", others=voice.join(others)) if others else ""
    return {"main": main, "also": also}


def _oven(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    """Oven messages: the setting ("bake at 275 degrees Fahrenheit"), its temperature, where."""
    scale = _scale_word(p.get("scale")) or prefs.scale
    values = voice._generic(
        {k: v for k, v in p.items() if k not in ("oven", "scale", "parts", "clock")}, prefs
    )
    values["setting"] = voice.oven(p["oven"], scale)
    values["temperature"] = voice.temperature(p["oven"].temperature, scale)
    values.update(voice.oven_fields(p["oven"]))
    values["parts"] = Listed(voice.join(list(p.get("parts", ()))), tuple(p.get("parts", ())))
    return values


def _scale_word(scale: str | None) -> str | None:
    if not scale:
        return None
    s = scale.lower()
    if s.startswith(("c", "cent")):
        return "C"
    if s.startswith("f"):
        return "F"
    return None


def _how_long(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = {"spans": voice.spans(p["spans"]), "number": str(p["number"])}
    if "next_number" in p:
        values["next_number"] = str(p["next_number"])
    return values


def _scaled(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    example = p.get("example")
    factor: Fraction = p["factor"]
    factor_words = voice.lang.factor_word(factor)
    return {
        "servings": voice.number(p["servings"]),
        "factor": voice.t("factor_named", word=factor_words)
        if factor_words
        else voice.t("factor_times", times=voice.number(factor)),
        "example": voice.t("for_example", quantity=voice.quantity(example, prefs))
        if example
        else "",
    }


def _units(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    example = p.get("example")
    return {
        "example": voice.t("for_example", quantity=voice.quantity(example, prefs))
        if example
        else ""
    }


def _tips(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    tips: list[Tip] = p["tips"]
    return {
        "tips": " ".join(_short(voice.words(t.text)) for t in tips),
        "more": voice.t("more_tips") if p["more"] else "",
    }


#: About as many words as one breath holds: a tip is cut to the sentences that fit.
BREATH_WORDS = 35


def _short(text: str, limit: int = BREATH_WORDS) -> str:
    """The sentences of ``text`` that fit in ``limit`` words (at least the first)."""
    kept: list[str] = []
    count = 0
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        words = len(sentence.split())
        if kept and count + words > limit:
            break
        kept.append(sentence)
        count += words
    return " ".join(kept)


def _tips_group(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    """Tips that go together, by their titles: "oil the skin, salt the skin, a blast of heat"."""
    tips: list[Tip] = p["tips"]
    titles = [voice.words(t.title.split(":", 1)[-1].strip()) for t in tips]
    return {
        "group": voice.words(p["group"]),
        "count_words": voice.number(len(tips)),
        "titles": voice.join(titles),
    }


def _timer(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    """A timer's length as a cook says it: "two-hour timer", "timer for an hour and 25 minutes"."""
    values = voice._generic({k: v for k, v in p.items() if k != "length"}, prefs)
    length: timedelta = p["length"]
    adjective = voice.duration_adjective(length)
    values["timer"] = (
        voice.t("timer_phrase_single", length=adjective)
        if adjective
        else voice.t("timer_phrase_compound", length=voice.duration(length))
    )
    return values


def _timer_left(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = voice._generic({k: v for k, v in p.items() if k != "left"}, prefs)
    values["timer_left"] = voice.left(p["left"])
    return values


def _equipment(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    lists: list[tuple[str, list[str]]] = p["lists"]
    said = [
        voice.t("equipment_part", part=name, items=voice.join([voice.words(i) for i in items]))
        for name, items in lists
    ]
    return {"lists": " ".join(said)}


def _detail(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    where = (
        voice.t("detail_here")
        if p["here"]
        else voice.t("detail_there", number=p["number"], part=p["part"])
    )
    return {"where": where, "text": voice.spoken_text(p["text"], prefs)}


def _detail_unknown(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    key = f"detail_asked_{p['detail']}"
    asked = voice.t(key) if key in voice.messages else (p.get("words") or p["detail"])
    values = {"asked": asked}
    if "text" in p:
        values["text"] = voice.spoken_text(p["text"], prefs)
        values["number"] = str(p["number"])
    return values


def _nutrition(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"facts": voice.nutrition(p["facts"])}


def _part_info(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    step_words = voice.t(
        "step_count_one" if p["steps"] == 1 else "step_count_many",
        count=voice.number(p["steps"]),
    )
    text = voice.step_text(p["first"], prefs)
    return {
        "part": p["part"],
        "ingredients": voice.number(p["ingredients"]),
        "steps": step_words,
        "first": text if p["steps"] == 1 else _first(text),
        "offer": voice.t("part_info_offer") if p["offer"] else "",
    }


def _first(text: str) -> str:
    end = text.find(". ")
    return text[: end + 1] if end > 0 else text


def _read_step(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = voice.view(p["view"], prefs)
    values["more"] = voice.t("read_more") if p["more"] else ""
    values["part"] = values["part"][:1].upper() + values["part"][1:]
    return values


def _read_intro(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"recipe": p["recipe"], "parts": _parts(voice, p["parts"])}


def _recipes(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    intro = (
        voice.t("recipes_intro", count_words=voice.number(p["count"]))
        if p["first"]
        else voice.t("recipes_also")
    )
    return {
        "intro": intro,
        "titles": voice.join(p["titles"]),
        "more": voice.t("recipes_more") if p["more"] else voice.t("recipes_which"),
    }


def _count_titles(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {
        "count_words": voice.number(p["count"]),
        "titles": voice.join(list(p.get("titles", ()))),
    }


def _which_titles(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"titles": voice.join(p["titles"], voice.t("or"))}


def _alone(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = {}
    if "number" in p:
        values["number"] = voice.number(p["number"])
    if "unit" in p:
        values["unit"] = voice.unit_name(p["unit"])
    return values


def _how_long_running(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = voice._generic(p, prefs)
    values["spans"] = voice.spans(p["spans"])
    return values


def _not_in_part(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {
        "ingredient": p["ingredient"],
        "part": p["part"],
        "elsewhere": Listed(voice.join(p["elsewhere"]), tuple(p["elsewhere"])),
    }


def _hint(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"part": p.get("part", ""), "spans": voice.spans(p.get("spans", []))}


def _hint_numbered(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = _hint(voice, p, prefs)
    values["number"] = str(p["number"])
    return values


def _verbatim(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"text": p["text"]}


def _welcome_back_idle(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = _with_view(voice, {"view": p["view"]}, prefs)
    values["days"] = voice.number(p["days"])
    return values


def _step_count(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    values = voice._generic(p, prefs)
    total = p["total"]
    key = "step_count_one" if total == 1 else "step_count_many"
    values["steps"] = voice.t(key, count=voice.number(total))
    return values


PREPARERS = {
    "which_step": _step_count,
    "no_such_step": _step_count,
    "welcome_new": _welcome,
    "recipe_info": _welcome,
    "recipe_chosen": _welcome,
    "welcome_back_idle": _welcome_back_idle,
    "how_much": _how_much,
    "not_in_unit": _not_in_unit,
    "ingredients": _ingredients,
    "step_uses": _step_uses,
    "steps_left": _steps_left,
    "oven_step": _oven,
    "oven_holds": _oven,
    "oven_now": _oven,
    "oven_preheated": _oven,
    "oven_next": _oven,
    "how_long": _how_long,
    "how_long_untimed": _how_long,
    "how_long_running": _how_long_running,
    "scaled": _scaled,
    "scaled_original": _scaled,
    "units_us": _units,
    "units_metric": _units,
    "tips": _tips,
    "tips_group": _tips_group,
    "not_in_part": _not_in_part,
    "hint_meanwhile": _hint,
    "meanwhile_now": _hint,
    "meanwhile_nothing": _hint,
    "meanwhile_later": _hint_numbered,
    "meanwhile_later_wait": _hint_numbered,
    "hint_meanwhile_wait": _hint,
    "hint_wait": _hint,
    "verbatim": _verbatim,
    "offer_timer": _timer,
    "timer_set": _timer,
    "timer_set_range": _timer,
    "timer_left": _timer_left,
    "timer_paused_left": _timer_left,
    "equipment": _equipment,
    "detail": _detail,
    "detail_unknown": _detail_unknown,
    "detail_unknown_related": _detail_unknown,
    "nutrition": _nutrition,
    "part_info": _part_info,
    "read_step": _read_step,
    "read_intro": _read_intro,
    "recipes": _recipes,
    "welcome_catalog": _count_titles,
    "recipes_no_more": _count_titles,
    "recipe_which": _which_titles,
    "number_alone": _alone,
    "unit_alone": _alone,
}
