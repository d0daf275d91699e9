"""Preparing each message's values: the structure a template cannot express.

Each function turns a :class:`~cookalong.cooking.messages.Msg`'s domain values into the strings
its locale template names (lists joined, counts in words, amounts in the cook's units).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from cookalong.cooking.messages import Quantity, StepView
from cookalong.recipe.model import Tip

if TYPE_CHECKING:
    from cookalong.speech.voice import Prefs, Voice


def _parts(voice: Voice, parts: list[tuple[str, int]]) -> str:
    return voice.join([_part_with_steps(voice, name, n) for name, n in parts])


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


def _ingredients(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    lists: list[tuple[str, list[Quantity]]] = p["lists"]
    said = [
        voice.t(
            "ingredients_part", part=name, items=voice.join([voice.quantity(q, prefs) for q in qs])
        )
        for name, qs in lists
    ]
    return {"lists": " ".join(said)}


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
    scale = _scale_word(p.get("scale")) or prefs.scale
    values = {
        "setting": voice.oven(p["oven"], scale),
        "number": str(p.get("number", "")),
        "part": p.get("part", ""),
        "other": p.get("other", ""),
        "when": "",
    }
    if "when" in p:
        values["when"] = voice.t(
            f"oven_{p['when']}",
            number=values["number"],
            setting=values["setting"],
            temperature=voice.temperature(p["oven"].temperature, scale),
        )
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
    factor_words = {
        Fraction(2): "double",
        Fraction(3): "triple",
        Fraction(1, 2): "half",
        Fraction(1): "the original",
    }.get(factor)
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
        "tips": " ".join(voice.words(t.text) for t in tips),
        "more": voice.t("more_tips") if p["more"] else "",
    }


def _not_in_part(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {
        "ingredient": p["ingredient"],
        "part": p["part"],
        "elsewhere": voice.join(p["elsewhere"]),
    }


def _hint(voice: Voice, p: dict[str, Any], prefs: Prefs) -> dict[str, str]:
    return {"part": p.get("part", ""), "spans": voice.spans(p.get("spans", []))}


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
    "welcome_back": _with_view,
    "welcome_back_idle": _welcome_back_idle,
    "step": _with_view,
    "where": _with_view,
    "goodbye_keep_place": _with_view,
    "paused": _with_view,
    "fallback_cooking": _with_view,
    "step_needs_nothing": _with_view,
    "step_ingredients": _with_view,
    "how_much": _how_much,
    "ingredients": _ingredients,
    "step_uses": _step_uses,
    "steps_left": _steps_left,
    "oven": _oven,
    "oven_elsewhere": _oven,
    "how_long": _how_long,
    "how_long_untimed": _how_long,
    "scaled": _scaled,
    "scaled_original": _scaled,
    "units_us": _units,
    "units_metric": _units,
    "tips": _tips,
    "not_in_part": _not_in_part,
    "hint_meanwhile": _hint,
    "meanwhile_now": _hint,
    "meanwhile_nothing": _hint,
    "hint_wait": _hint,
    "verbatim": _verbatim,
}
