"""Which ingredients each step uses: the names and aliases its text says.

Longest names win ("olive oil" is not also "sesame oil"'s "oil"); a word two ingredients share
goes to the one the other steps do not name more precisely; two lines of one name are used in
turn; a garnish no step names goes to the serving step; an ingredient no step names is marked
``in_steps: false``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tools.importer.ingredients import Line
from tools.importer.words import Words

if TYPE_CHECKING:
    from tools.importer.build import Report


def _mentions(text: str, phrase: str) -> list[tuple[int, int]]:
    pattern = rf"(?<![\w-]){re.escape(phrase)}(?:e?s)?(?![\w-])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _key(item: dict[str, Any]) -> str:
    """Lines of one name are twins ("plain flour" twice), whatever their ids."""
    return item["name"]


def _one_per_span(
    taken: list[tuple[tuple[int, int], str]],
    ingredients: list[tuple[dict[str, Any], Line]],
    text: str,
    texts: list[str],
) -> list[tuple[tuple[int, int], str]]:
    """A word two ingredients share ("onion" of "yellow onion" and "green onions") is the one
    the other steps do not name more precisely; when all or none are, it stays with all."""
    by_id = {item["id"]: item for item, _ in ingredients}
    spans: dict[tuple[int, int], list[str]] = {}
    for span, ingredient_id in taken:
        spans.setdefault(span, []).append(ingredient_id)
    others = " | ".join(t.lower() for t in texts if t != text)
    kept: list[tuple[tuple[int, int], str]] = []
    for span, ids in spans.items():
        if len({_key(by_id[i]) for i in ids}) > 1:
            said = text[span[0] : span[1]].lower()

            def elsewhere(ingredient_id: str, said: str = said) -> bool:
                item = by_id[ingredient_id]
                return any(
                    len(p.split()) > len(said.split()) and _mentions(others, p.lower())
                    for p in (item["name"], *item.get("synonyms", ()))
                )

            precise = [i for i in ids if not elsewhere(i)]
            ids = precise or ids
        kept += [(span, i) for i in ids]
    return kept


def _twins_in_turn(
    mentions: list[list[str]], ingredients: list[tuple[dict[str, Any], Line]]
) -> list[list[str]]:
    """Two lines of one name ("4 tablespoons plain flour" for the breading and again for the
    seasoned flour): the first step that names it uses the first line, the next the next; the
    last step that names it takes the lines left, and a later one the last line."""
    by_id = {item["id"]: item for item, _ in ingredients}
    groups: dict[str, list[str]] = {}
    for item, _ in ingredients:
        groups.setdefault(_key(item), []).append(item["id"])
    naming: dict[str, list[int]] = {}
    for index, refs in enumerate(mentions):
        for key in dict.fromkeys(_key(by_id[i]) for i in refs):
            naming.setdefault(key, []).append(index)
    out: list[list[str]] = []
    for index, refs in enumerate(mentions):
        step_refs: list[str] = []
        for ingredient_id in refs:
            key = _key(by_id[ingredient_id])
            twins = groups[key]
            if len(twins) < 2:
                step_refs.append(ingredient_id)
                continue
            turn = naming[key].index(index)
            if turn == len(naming[key]) - 1:
                step_refs += twins[min(turn, len(twins) - 1) :]
            else:
                step_refs.append(twins[min(turn, len(twins) - 1)])
        out.append(list(dict.fromkeys(step_refs)))
    return out


def link_ingredients(
    ingredients: list[tuple[dict[str, Any], Line]],
    steps: list[dict[str, Any]],
    texts: list[str],
    words: Words,
    report: Report,
) -> None:
    """Each step lists the ingredients its text names (longest names first, so "olive oil"
    is not also "sesame oil"'s "oil"); a garnish goes to the serving step."""
    linked: set[str] = set()
    mentions: list[list[str]] = []
    for text in texts:
        lowered = text.lower()
        candidates = []
        for item, _ in ingredients:
            for phrase in (item["name"], *item.get("synonyms", ())):
                for span in _mentions(lowered, phrase.lower()):
                    candidates.append((span[1] - span[0], span, item["id"]))
        taken: list[tuple[tuple[int, int], str]] = []
        for _, span, ingredient_id in sorted(candidates, key=lambda c: -c[0]):
            longer = [
                owner
                for other, owner in taken
                if other[0] <= span[0] < other[1] and other[1] - other[0] > span[1] - span[0]
            ]  # "olive oil" keeps its "oil" from "sesame oil"; two "plain flour" lines share
            if longer and ingredient_id not in longer:
                continue
            taken.append((span, ingredient_id))
        taken = _one_per_span(taken, ingredients, text, texts)
        mentions.append(list(dict.fromkeys(i for _, i in sorted(taken))))
    mentions = _twins_in_turn(mentions, ingredients)
    order = [item["id"] for item, _ in ingredients]
    for step, text, refs in zip(steps, texts, mentions, strict=True):
        lowered = text.lower()
        if any(phrase in lowered for phrase in words.all_ingredients):
            refs = refs + [item["id"] for item, _ in ingredients if item["id"] not in linked]
        if refs:
            step["ingredients"] = sorted(set(refs), key=order.index)
            linked.update(refs)
    for item, line in ingredients:
        if item["id"] in linked:
            report.linked += 1
            continue
        serving = [
            step for step, text in zip(steps, texts, strict=True)
            if any(p in text.lower() for p in words.serve_steps)
        ]  # fmt: skip
        if line.garnish and serving:
            target = serving[-1]
            order = [i["id"] for i, _ in ingredients]
            target["ingredients"] = sorted(
                {*target.get("ingredients", ()), item["id"]}, key=order.index
            )
            report.garnish += 1
            continue
        item["in_steps"] = False
        report.unnamed.append(item["name"])


__all__ = ["link_ingredients"]
