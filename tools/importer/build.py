"""From what recipe-scrapers read to a recipe file: components, ids, links, the refusals.

:func:`build_recipe` turns a :class:`~tools.importer.read.Page` into the JSON the loader reads
(``recipe.json``'s shape), and a :class:`Report` of what it read and what it inferred. A page
it cannot use raises :class:`~tools.importer.read.Refused` with one of the reasons in
:data:`REASONS`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

from cookalong.kitchen.durations import format_iso_duration
from cookalong.recipe.loader import short_title_for
from tools.importer.ingredients import Line, read_line
from tools.importer.lines_de import read_german_line, rules
from tools.importer.links import link_ingredients
from tools.importer.read import Page, Refused
from tools.importer.steps import StepFacts, read_step
from tools.importer.words import COMMON_WORDS, TABLES, Words, words_for

NO_RECIPE, NO_INGREDIENTS, NO_STEPS, LANGUAGE = (
    "no recipe found",
    "no ingredients",
    "no steps",
    "language not served by any locale",
)
REASONS = (NO_RECIPE, NO_INGREDIENTS, NO_STEPS, LANGUAGE)
_PHRASE = re.compile(r"^[^\s,;.!?]([^,;.!?]*[^\s,;.!?])?$")


@dataclass
class Report:
    """What an import read and inferred, for the short report and the figures."""

    lines: int = 0
    amounts: int = 0
    steps: int = 0
    timed_steps: int = 0
    oven_steps: int = 0
    cued_steps: int = 0
    passive_steps: int = 0
    linked: int = 0
    garnish: int = 0
    unnamed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def served_languages() -> set[str]:
    """The languages the skill speaks: the primary tags of the locales its language packs have."""
    from cookalong.speech.voice import known_locales

    return {locale.split("-")[0].lower() for locale in known_locales()}


def slug(text: str, limit: int = 64) -> str:
    """``"Garlic Butter Shrimp"`` → ``"garlic-butter-shrimp"`` (accents dropped, at most 64)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "recipe"


def guess_language(texts: list[str]) -> tuple[str | None, float]:
    """The language whose common words a text uses most, and how sure (share of hits)."""
    text = " ".join(texts)
    letters = re.findall(r"[^\W\d_]", text)
    cjk = re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)
    if letters and len(cjk) > 0.3 * len(letters):  # Chinese, Japanese or Korean script
        kana = re.search(r"[\u3040-\u30ff]", text)
        hangul = re.search(r"[\uac00-\ud7af]", text)
        return ("ja" if kana else "ko" if hangul else "zh"), 1.0
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    if not tokens:
        return None, 0.0
    scores = {code: sum(t in common for t in tokens) for code, common in COMMON_WORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < 3 or hits < 1.3 * second:
        return None, 0.0
    return best, hits / len(tokens)


def _language(page: Page, texts: list[str], report: Report) -> str:
    declared = (page.language or "").replace("_", "-").split("-")[0].strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", declared):
        declared = ""
    guessed, share = guess_language(texts)
    if declared and guessed and guessed != declared and share > 0.12:
        report.notes.append(f"the page says {page.language!r} but its text reads as {guessed}")
        return guessed
    if declared:
        return declared
    if guessed:
        report.notes.append(f"language: not on the page; the text reads as {guessed}")
        return guessed
    raise Refused(LANGUAGE, "the page does not say its language and its text does not tell")


def short_title(title: str, words: Words) -> str:
    """What a cook calls it: without site names, parentheticals and claims ("easy"); in
    a language whose pack keeps case (German nouns), with the page's capitals."""
    main = re.split(r"\s+[|–—]\s+|\s+-\s+|:\s+", title)[0]
    if len(main.split()) < 2:
        main = title
    said = short_title_for(main)
    if (pack_rules := rules(words.language)) and pack_rules.get("keep_case"):
        said = _cased_like(said, main)
    claims = sorted(words.claims, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for claim in claims:
            for pattern in (rf"^{re.escape(claim)}\s+", rf"\s+{re.escape(claim)}$"):
                trimmed = re.sub(pattern, "", said, flags=re.IGNORECASE)
                if trimmed != said and len(trimmed.split()) >= 1:
                    said, changed = trimmed, True
    said = re.sub(r"[^\w\s'-]", " ", said)
    return " ".join(said.split()) or short_title_for(title)


def _cased_like(said: str, written: str) -> str:
    """``said`` (lower-cased) with each word as ``written`` spells it."""
    spelled = {w.lower(): w for w in re.findall(r"[^\W\d_][\w'-]*", written)}
    return " ".join(spelled.get(w, w) for w in said.split())


def _servings(text: str | None, report: Report) -> int:
    if text:
        m = re.search(r"\d+", text)
        if m and 1 <= int(m.group(0)) <= 100:
            return int(m.group(0))
    report.notes.append(f"servings: {'not on the page' if not text else repr(text)}; 4 assumed")
    return 4


def _component_name(purpose: str | None, fallback: str) -> str:
    if not purpose:
        return fallback
    said = re.sub(
        r"^(?:for|make|making|prepare|to make)\s+(?:the\s+)?", "", purpose.strip(), flags=re.I
    )
    said = re.sub(r"[:：]+$", "", said)
    said = re.sub(r"[^\w\s'-]", " ", said).lower()
    said = " ".join(said.split()[:6])
    return said if _PHRASE.match(said or "") else fallback


_NOT_NAMING = {"for", "the", "and", "with", "make", "making", "prepare", "cook", "cooking", "to"}


def _words_of(name: str | None) -> set[str]:
    """The naming words of a heading: "Make the Glaze" → {"glaze"}; plurals as singulars."""
    found = set()
    for word in re.findall(r"[^\W\d_]{3,}", (name or "").lower()):
        if word not in _NOT_NAMING:
            found.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return found


def _pairs(page: Page) -> list[tuple[str | None, list[str], list[str]]]:
    """(name, ingredient lines, steps) per component, from the page's ingredient groups and
    instruction sections (HowToSection).

    Groups and sections pair one to one when there are as many of each; otherwise a section
    goes with the group its heading names ("Make the Glaze" with "Buttermilk Glaze"), a
    section that names none with the part before it (a first one with the part after it), and
    a group no section names with the last part. One component when fewer than two groups are
    named, or when the page has no groups or sections."""
    groups, sections = page.ingredient_groups, page.sections
    all_lines = [line for _, lines in groups for line in lines]
    all_steps = [step for _, steps in sections for step in steps]
    one = [(None, all_lines, all_steps)]
    if len(groups) < 2 or len(sections) < 2:
        return one
    if len(groups) == len(sections):
        pairs = [
            (heading or purpose, lines, steps)
            for (purpose, lines), (heading, steps) in zip(groups, sections, strict=True)
        ]
        named = zip(groups, sections, strict=True)
        if all(_words_of(g[0]) & _words_of(s[0]) for g, s in named):
            return pairs
        if all(g[0] and s[0] for g, s in zip(groups, sections, strict=True)):
            return pairs
    owner: list[int | None] = []
    for heading, _ in sections:
        scores = [len(_words_of(heading) & _words_of(purpose)) for purpose, _ in groups]
        best = max(range(len(groups)), key=lambda i: scores[i])
        owner.append(best if scores[best] else None)
    matched = [o for o in owner if o is not None]
    if len(set(matched)) < 2 or matched != sorted(matched):
        return one
    for index in range(len(owner)):  # a section naming no group: the part before (or after)
        if owner[index] is None:
            before = [o for o in owner[:index] if o is not None]
            owner[index] = before[-1] if before else matched[0]
    parts: dict[int, tuple[str | None, list[str], list[str]]] = {}
    for group, (_, steps) in zip(owner, sections, strict=True):
        assert group is not None
        if group not in parts:
            parts[group] = (groups[group][0], list(groups[group][1]), [])
        parts[group][2].extend(steps)
    last = list(parts)[-1]
    for index, (_, lines) in enumerate(groups):
        if index not in parts:  # "To serve", "Toppings": with the last part
            parts[last][1].extend(lines)
    return [parts[group] for group in sorted(parts)]


def build_recipe(page: Page, *, served: set[str] | None = None) -> tuple[dict[str, Any], Report]:
    """The recipe file's content for a page, and what was read and inferred.

    Parameters
    ----------
    page
        What recipe-scrapers read.
    served
        The languages the skill speaks (default: from the locale files).

    Raises
    ------
    Refused
        With one of :data:`REASONS`.
    """
    report = Report()
    served = served_languages() if served is None else served
    lines_total = sum(len(lines) for _, lines in page.ingredient_groups)
    steps_total = sum(len(steps) for _, steps in page.sections)
    if not page.title and not lines_total and not steps_total:
        raise Refused(NO_RECIPE, "the page's recipe has no title, ingredients or steps")
    if not lines_total:
        raise Refused(NO_INGREDIENTS, f"{page.title or 'the recipe'} lists no ingredients")
    texts = [line for _, lines in page.ingredient_groups for line in lines]
    texts += [step for _, steps in page.sections for step in steps]
    headings = "|".join(f"(?:{table.step_heading})" for table in TABLES.values())
    sections = [
        (name, [s for s in steps if not re.fullmatch(headings, s, re.IGNORECASE)])
        for name, steps in page.sections
    ]
    page.sections = [(name, steps) for name, steps in sections if steps]
    if not page.sections:
        raise Refused(NO_STEPS, f"{page.title or 'the recipe'} has no steps")
    language = _language(page, texts, report)
    words = words_for(language)
    if language not in served:
        raise Refused(
            LANGUAGE,
            f"the page is in {language!r}; the locales speak {', '.join(sorted(served))}",
        )
    title = page.title or "Untitled recipe"
    said_title = short_title(title, words)
    default_scale = "F" if language == "en" else "C"

    used_ids: set[str] = set()
    components = []
    for index, (heading, lines, steps) in enumerate(_pairs(page)):
        name = _component_name(heading, said_title)
        component_id = slug(name, 40)
        while component_id in {c["id"] for c in components}:
            component_id = f"{component_id}-{index + 1}"
        components.append(
            _component(component_id, name, lines, steps, words, default_scale, used_ids, report)
        )
    if not any(c["ingredients"] for c in components):
        raise Refused(NO_INGREDIENTS, f"no ingredient line of {title!r} names an ingredient")
    components = [c for c in components if c["ingredients"] and c["steps"]]

    data: dict[str, Any] = {
        "$schema": "../lambda/cookalong/recipe/schema.json",
        "id": slug(said_title),
        "title": title,
        "short_title": said_title,
        "source": page.site or (urlparse(page.url).hostname or "a web page"),
        "language": language,
        "servings": _servings(page.servings, report),
    }
    if page.url and page.url.startswith("http") and "recipe.invalid" not in page.url:
        data["url"] = page.url
    for key, value in (
        ("author", page.author),
        ("description", page.description),
        ("category", page.category),
        ("method", page.method),
        ("cuisine", page.cuisine),
    ):
        if value and value.strip():
            data[key] = value.strip()
    times = {}
    for key, minutes in (
        ("prep_time", page.prep_minutes),
        ("cook_time", page.cook_minutes),
        ("total_time", page.total_minutes),
    ):
        if minutes:
            times[key] = timedelta(minutes=minutes)
    if "total_time" in times and times["total_time"] < times.get(
        "prep_time", timedelta(0)
    ) + times.get("cook_time", timedelta(0)):
        report.notes.append("total time: shorter than prep plus cook on the page; left out")
        del times["total_time"]
    data.update({key: format_iso_duration(value) for key, value in times.items()})
    if page.nutrition:
        data["nutrition"] = page.nutrition
    data["components"] = components
    return data, report


def _component(
    component_id: str,
    name: str,
    lines: list[str],
    steps: list[str],
    words: Words,
    default_scale: str,
    used_ids: set[str],
    report: Report,
) -> dict[str, Any]:
    ingredients: list[tuple[dict[str, Any], Line]] = []
    keys: set[str] = set()
    for text in lines:
        report.lines += 1
        pack_rules = rules(words.language)
        line = read_german_line(text, words, pack_rules) if pack_rules else read_line(text, words)
        if line is None:
            continue
        ingredient_id = slug(line.name, 48)
        base, n = ingredient_id, 2
        while ingredient_id in used_ids:
            ingredient_id, n = f"{base}-{n}", n + 1
        used_ids.add(ingredient_id)
        key = base if base not in keys else ingredient_id
        keys.add(key)
        item: dict[str, Any] = {"id": ingredient_id}
        if key != ingredient_id:
            item["key"] = key
        item["name"] = line.name
        if line.synonyms:
            item["synonyms"] = line.synonyms
        amount = line.amount_json()
        if amount:
            item["amount"] = amount
            report.amounts += 1
        if line.preparation:
            item["preparation"] = line.preparation
        if line.comment:
            item["comment"] = line.comment
        item["text"] = line.text
        ingredients.append((item, line))

    built_steps = []
    for text in steps:
        facts = read_step(text, words, default_scale=default_scale)
        built_steps.append(_step(text, facts))
        report.steps += 1
        report.timed_steps += bool(facts.durations)
        report.oven_steps += facts.oven is not None
        report.cued_steps += any("until" in span for span in facts.durations)
        report.passive_steps += bool(facts.passive and facts.durations)
    link_ingredients(ingredients, built_steps, steps, words, report)
    names = {
        p.lower() for item, _ in ingredients for p in (item["name"], *item.get("synonyms", ()))
    }
    for step in built_steps:  # "cream" in "cream cheese", "oil" in "2 tbsp oil" are no verbs
        kept = [a for a in step["actions"] if a not in names]
        step["actions"] = kept or step["actions"]
        for span in step.get("durations", ()):
            if span.get("label") in names:  # "dribble the hot cream … over a minute"
                del span["label"]
    return {
        "id": component_id,
        "name": name,
        "ingredients": [item for item, _ in ingredients],
        "steps": built_steps,
    }


def _step(text: str, facts: StepFacts) -> dict[str, Any]:
    step: dict[str, Any] = {"text": text}
    if facts.durations:
        step["durations"] = facts.durations
    if facts.oven:
        step["oven"] = facts.oven
    if facts.passive and facts.durations:
        step["passive"] = True
    if facts.in_oven is not None:
        step["in_oven"] = facts.in_oven
    equipment = [e for e in facts.equipment if _PHRASE.match(e)]
    if equipment:
        step["equipment"] = equipment
    actions = [a for a in dict.fromkeys(facts.actions) if _PHRASE.match(a)] or ["step"]
    step["actions"] = actions
    return step


__all__ = ["REASONS", "Report", "build_recipe", "guess_language", "served_languages", "slug"]
