"""A step as the skill uses it: its times, its oven, its waits, its ingredients and verbs.

From ``"Bake at 350°F for 25 to 30 minutes, until golden. Remove from the oven."``: a duration
of 25 to 30 minutes labelled "bake" with the cue "golden"; the oven at 350 °F (bake); a wait
(passive); the dish in and then out of the oven (``in_oven: false`` at the end); the actions
"bake" and "remove". Times are read by the kitchen's duration parser and temperatures by the
finder the voice uses, so what the importer finds is what the voice says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from cookalong.kitchen.durations import format_iso_duration, parse_duration, parse_duration_range
from cookalong.kitchen.temperature import Temperature
from cookalong.speech.text import temperatures_in
from tools.importer.words import Words

_OVEN_RANGE = {"F": (150, 600), "C": (60, 320)}  # the loader's plausible oven settings, or less
# Where an imperative verb stands in an English step: first in its clause.
_LEADS = re.compile(
    r"(?:^|[.;:!?,(]\s*|\b(?:then|and|or|to|gently|carefully|quickly|well|also|again|"
    r"immediately|until|occasionally|just|lightly|finely|roughly|evenly|let|it|them|"
    r"continue to|now)\s+)$"
)
# "Preheat oven to 350." (no degrees written): the number an oven is heated to
_BARE_PREHEAT = re.compile(
    r"\b(?:pre-?heat|heat)\s+(?:the\s+|your\s+)?oven\s+to\s+(\d{3})(?![\d,]|\.\d)"
    r"(?!\s*(?:g|kg|ml|l|oz|ounces?|lbs?|pounds?|minutes?|mins?|seconds?|%)\b)",
    re.IGNORECASE,
)
_OVERNIGHT = timedelta(hours=8)
#: A time this long is a wait whatever the verb: nobody stirs a stew for half an hour.
_LONG_WAIT = timedelta(minutes=30)
_SPEAKABLE_CUE = re.compile(r"^[^\W\d_][^\d°*/()\[\]{}½¼¾⅓⅔⅛:;]{0,78}$")
_NUMBER = r"(?:\d+(?:[.,]\d+)?(?:\s+\d+/\d+)?|\d+/\d+|[½¼¾⅓⅔]|\d+\s*[½¼¾⅓⅔]|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?)"  # noqa: E501


@dataclass
class StepFacts:
    """What enrichment found in one step."""

    durations: list[dict[str, str]] = field(default_factory=list)
    oven: dict[str, Any] | None = None
    passive: bool = False
    in_oven: bool | None = None
    actions: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)


def _time_pattern(words: Words) -> re.Pattern[str]:
    units = [
        "hours?", "hrs?\\.?", "minutes?", "mins?\\.?", "seconds?", "secs?\\.?",
        *(re.escape(u) for u in sorted(words.time_units, key=len, reverse=True)),
    ]  # fmt: skip
    unit = "(?:" + "|".join(units) + ")"
    one = rf"{_NUMBER}\s*-?\s*{unit}"
    joined = rf"{one}(?:\s*(?:,|and|{re.escape(words.and_word)}|&)?\s*{one})*"
    return re.compile(
        rf"(?<![\w/.])(?:{_NUMBER}\s*(?:-|–|—|to|or|bis)\s*)?{joined}(?![\w])",
        re.IGNORECASE,
    )


def durations_in(text: str, words: Words) -> list[tuple[int, timedelta, timedelta | None]]:
    """Times a step gives: ``(position, shortest, longest or None)``.

    "25 to 30 minutes", "10-15 min", "1 hour 30 minutes", "1 ½ hours", "20 Minuten".
    """
    found = []
    for m in _time_pattern(words).finditer(text):
        written = m.group(0)
        for word, english in words.time_units.items():
            written = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", english, written, flags=re.I)
        written = re.sub(r"(\d),(\d)", r"\1.\2", written)
        written = re.sub(r"\bbis\b", "to", written)
        written = re.sub(r"(\d)\s*-\s*(hours?|hrs?|minutes?|mins?|seconds?)", r"\1 \2", written)
        try:
            low, high = parse_duration_range(written.replace(" or ", " to "))
        except ValueError:
            try:
                low, high = parse_duration(written), None
            except ValueError:
                continue
        if low > timedelta(0):
            found.append((m.start(), low, high))
    lowered = text.lower()
    for phrase, written in words.said_durations.items():  # "ca. eine halbe Stunde"
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", lowered):
            if not any(start <= m.start() < start + 12 for start, _, _ in found):
                found.append((m.start(), parse_duration(written), None))
    return sorted(found, key=lambda hit: hit[0])


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9])|;\s+", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def _has(text: str, phrases: tuple[str, ...] | frozenset[str]) -> list[tuple[int, str]]:
    lowered = text.lower()
    hits = []
    for phrase in phrases:
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w])", lowered):
            hits.append((m.start(), phrase))
    return sorted(hits)


def read_step(text: str, words: Words, *, default_scale: str) -> StepFacts:
    """Read one step's text.

    Parameters
    ----------
    text
        The step as the page wrote it.
    words
        The page language's tables.
    default_scale
        The scale of a temperature given without one ("350 degrees").
    """
    facts = StepFacts()
    lowered = text.lower()
    # durations, each labelled by the verb before it in its sentence
    for _, sentence in _sentences(text):
        for position, low, high in durations_in(sentence, words):
            if _keeping(sentence, position, words):  # "can be refrigerated for up to 24 hours"
                continue
            span: dict[str, str] = {"min": format_iso_duration(low)}
            if high is not None and high > low:
                span["max"] = format_iso_duration(high)
            label = _label(sentence, position, words)
            if label:
                span["label"] = words.wait_said_as.get(label, label)
            cue = _until(sentence[position:], words) or _until_before(sentence, position, words)
            if cue:
                span["until"] = cue
            facts.durations.append(span)
    for position, phrase in _has(text, words.overnight):
        if facts.durations and re.search(r"\bor\s+(?:up\s+to\s+)?$", lowered[:position]):
            # "marinate for at least 20 minutes (or overnight)": the longest it may take
            last = facts.durations[-1]
            if parse_duration(last.get("max", last["min"])) < _OVERNIGHT:
                facts.durations[-1] = {
                    "min": last["min"],
                    "max": format_iso_duration(_OVERNIGHT),
                    **{k: v for k, v in last.items() if k not in ("min", "max")},
                }
            break
        waits = _has(text, words.waits)
        label = waits[0][1] if waits else phrase
        span = {"min": "PT8H", "label": words.wait_said_as.get(label, label)}
        facts.durations.append(span)
        break

    facts.oven = _oven(text, words, default_scale)
    into = [(p, w) for p, w in _has(text, words.into_oven) if _verb_at(text, p, w, words)]
    if into or (facts.oven and facts.oven["mode"] != "preheat"):
        # "place in the oven for 25 minutes": that time is the bake
        baking = _has(text, (*words.broil, *words.roast))
        oven_verb = baking[0][1] if baking else words.into_oven[0]
        for span in facts.durations:
            if span.get("label") not in words.waits:
                span["label"] = oven_verb
    for _, place in _has(text, tuple(words.wait_places)):  # "place in the fridge for 2 hours"
        for span in facts.durations:
            label = span.get("label")  # "let it sit in the fridge" is a chill, not a rest
            if label not in words.waits or label in words.wait_said_as or label == "rest":
                span["label"] = words.wait_places[place]
        break
    waits = {label for d in facts.durations if (label := d.get("label")) in words.waits}
    facts.passive = (
        bool(waits)
        or (bool(facts.durations) and _has(text, words.overnight) != [])
        or any(parse_duration(d["min"]) >= _LONG_WAIT for d in facts.durations)
    )

    # into the oven, out of it: the last mention wins
    moves = [
        (p, True) for p, phrase in _has(text, words.into_oven) if _verb_at(text, p, phrase, words)
    ]
    moves += [(p, False) for p, _ in _has(text, words.out_of_oven)]
    if facts.oven and facts.oven["mode"] != "preheat":
        moves.append((0, True))
    if moves:
        facts.in_oven = max(moves, key=lambda m: (m[0], not m[1]))[1]
    if facts.in_oven and not into and facts.oven is None:
        facts.in_oven = None

    seen: list[str] = []
    for position, verb in _has(text, words.verbs):
        leads = _LEADS.search(lowered[:position])
        if verb not in seen and (leads or not words.verb_first or verb in words.waits):
            seen.append(verb)
    facts.actions = seen[:6]
    if not facts.actions:  # the first word that is not a joining one ("To ensure …, use")
        first = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in words.function_words]
        facts.actions = first[:1] or ["step"]
    taken: list[tuple[int, int]] = []
    for phrase in sorted(words.equipment, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", lowered):
            if not any(a <= m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                if phrase not in facts.equipment:
                    facts.equipment.append(phrase)
    return facts


def _verb_at(text: str, position: int, phrase: str, words: Words) -> bool:
    """Whether a one-word oven verb stands as a verb ("bake for 20 minutes", not "adjust
    the bake time"); longer phrases ("into the oven") always count."""
    if " " in phrase or not words.verb_first:
        return True
    lowered = text.lower()
    return bool(_LEADS.search(lowered[:position])) and not lowered[:position].endswith("the ")


def _keeping(sentence: str, position: int, words: Words) -> bool:
    """A time that says how long a dish keeps, not a wait: "for up to 3 days"."""
    before = sentence[:position].lower()
    return bool(re.search(r"\bup to\s*$", before)) and bool(_has(sentence, words.keeping))


def _label(sentence: str, position: int, words: Words) -> str | None:
    """What a time in a sentence times: the verb of its clause ("Cover and allow to rise in a
    warm place, about 90 minutes" is the rise, not the place), else a wait after it."""
    before = _has(sentence[:position], words.verbs)
    if words.verb_first:
        lowered = sentence.lower()
        leading = [
            (p, v)
            for p, v in before
            if _LEADS.search(lowered[:p]) and not lowered[:p].endswith(("until ", "till "))
        ]  # "until butter is browned": a noun after "until"
        before = leading or before
    if before:
        return before[-1][1]
    after = _has(sentence[position:], words.waits)
    return after[0][1] if after else None


_CUE_TO_TIME = re.compile(
    r"^(?:\s*(?:,|—|–|-|\(|or)\s*)*(?:for\s+)?(?:about|approximately|around|roughly)?\s*$",
    re.IGNORECASE,
)


def _until_before(sentence: str, position: int, words: Words) -> str | None:
    """The cue written before its time: "Bake until golden, about 10 minutes"."""
    before = sentence[:position]
    for word in words.until:
        for m in reversed(list(re.finditer(rf"\b{re.escape(word)}\s+", before, re.IGNORECASE))):
            cue = before[m.end() :]
            cut = re.search(
                r"\s*(?:[,;(—–]|\s-\s|\bfor\s+(?:about|approximately|around)?\b|"
                r"\b(?:about|approximately|around)\b)",
                cue,
                re.IGNORECASE,
            )
            if cut is None or not _CUE_TO_TIME.match(cue[cut.start() :]):
                break
            said = " ".join(cue[: cut.start()].split()).strip()
            if _SPEAKABLE_CUE.fullmatch(said) and len(said.split()) <= 14:
                return said
            break
    return None


def _until(text: str, words: Words) -> str | None:
    for word in words.until:
        m = re.search(rf"\b{re.escape(word)}\s+([^.;,(]+)", text, re.IGNORECASE)
        if m:
            cue = " ".join(m.group(1).split()).strip()
            if _SPEAKABLE_CUE.fullmatch(cue):
                return cue
    return None


def _oven(text: str, words: Words, default_scale: str) -> dict[str, Any] | None:
    """The oven setting a step gives, when a temperature goes with an oven word."""
    lowered = text.lower()
    if not _has(lowered, words.oven):
        return None
    for word in words.degrees:
        text = re.sub(rf"(?<=\d)\s*{re.escape(word)}\b", " degrees", text, flags=re.IGNORECASE)
    found = temperatures_in(text, default_scale=default_scale)
    if not found and (bare := _BARE_PREHEAT.search(text)):  # "Preheat oven to 350."
        degrees = int(bare.group(1))  # below 250 it is no Fahrenheit oven: "to 180 fan"
        scale = "C" if default_scale == "F" and degrees < 250 else default_scale
        found = [(Temperature(degrees, scale), None)]
    chosen: Temperature | None = None
    gas_mark: int | None = None
    for temperature, mark in found:
        if mark is not None:
            gas_mark = gas_mark or (int(mark) if mark == int(mark) and mark >= 1 else None)
            if chosen is None:
                chosen = temperature
            continue
        low, high = _OVEN_RANGE[temperature.scale]
        if low <= temperature.degrees <= high and (chosen is None or _was_gas(found, chosen)):
            chosen = temperature
    if chosen is None:
        return None
    fan = bool(_has(lowered, words.fan))
    if fan and len({t for t, mark in found if mark is None and t.scale == chosen.scale}) > 1:
        fan = False  # "200C/180C fan": the fan oven's is the other temperature
    mode = "bake"
    if _has(lowered, words.preheat):
        mode = "preheat"
    elif _has(lowered, words.broil):
        mode = "broil"
    elif _has(lowered, words.roast):
        mode = "convection roast" if fan else "roast"
    elif fan:
        mode = "convection bake"
    setting: dict[str, Any] = {"mode": mode, "degrees": chosen.degrees, "scale": chosen.scale}
    if fan:
        setting["fan"] = True
    if _has(lowered, words.top_bottom):
        setting["heat"] = "top-bottom"
    if gas_mark:
        setting["gas_mark"] = gas_mark
    return setting


def _was_gas(found: list[tuple[Temperature, Any]], chosen: Temperature) -> bool:
    return any(t == chosen and mark is not None for t, mark in found)


__all__ = ["StepFacts", "durations_in", "read_step"]
