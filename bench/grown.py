"""``make chat``'s resolver on grown interaction models, for ``make bench-scale``
(:mod:`bench.scale`): the committed model with 1,000 ingredient values, or with its samples
repeated, timed with the phrase indexes and with the exhaustive scan they replaced."""

from __future__ import annotations

import copy
import json
import statistics
import time
from collections.abc import Mapping, Sequence
from typing import Any


def _words(text: str) -> list[str]:
    return text.split()


# --------------------------------------------------------------------------------------------
# A grown interaction model (for the resolver)

_ADJECTIVES = _words(
    "smoked fresh dried ground toasted roasted pickled candied frozen raw sweet hot mild "
    "wild baby red green yellow white black brown golden crushed chopped sliced minced "
    "whole light dark spiced salted unsalted organic aged young crispy creamy"
)
_NOUNS = _words(
    "paprika basil thyme cumin fennel ginger garlic onion shallot leek carrot parsnip beet "
    "turnip radish celery pepper chili lime lemon orange apple pear plum cherry grape melon "
    "mango papaya banana coconut almond walnut pecan cashew hazelnut pistachio peanut "
    "sesame poppy oat barley rice quinoa millet rye wheat corn bean lentil pea chickpea "
    "tofu tempeh butter cream cheese yogurt milk egg honey sugar molasses syrup vinegar "
    "mustard ketchup salsa pesto tahini anchovy tuna salmon cod shrimp crab lobster clam "
    "mussel oyster squid octopus beef pork lamb veal chicken turkey duck goose venison "
    "bacon ham sausage salami"
)
#: Words the extra copies of each sample add (words nobody says: each copy is a sample of its
#: own that every utterance must still be told apart from).
_SAMPLE_WORDS = ("zub", "quim", "frell", "yarp", "glim", "snorf", "blick", "wemp", "drov")


def grown_model(
    model: Mapping[str, Any], ingredient_values: int = 0, sample_factor: int = 1
) -> dict[str, Any]:
    """``model`` with its INGREDIENT type grown to ``ingredient_values`` values (made-up
    two-word ingredients such as "smoked paprika", each with a plural synonym), and every
    intent's samples repeated ``sample_factor`` times in all (each copy with one more word)."""
    grown = copy.deepcopy(dict(model))
    language = grown["interactionModel"]["languageModel"]
    if ingredient_values:
        kind = next(t for t in language["types"] if t["name"] == "INGREDIENT")
        known = {v["name"]["value"] for v in kind["values"]}
        names = [f"{a} {n}" for n in _NOUNS for a in _ADJECTIVES if f"{a} {n}" not in known]
        missing = max(0, ingredient_values - len(kind["values"]))
        if missing > len(names):
            raise ValueError(f"at most {len(names) + len(kind['values'])} ingredient values")
        kind["values"] = kind["values"] + [
            {"id": n.replace(" ", "-"), "name": {"value": n, "synonyms": [f"{n}s"]}}
            for n in names[:missing]
        ]
    if sample_factor > len(_SAMPLE_WORDS) + 1:
        raise ValueError(f"at most {len(_SAMPLE_WORDS) + 1}× the samples")
    for intent in language["intents"]:
        samples = intent.get("samples", [])
        intent["samples"] = samples + [
            f"{sample} {_SAMPLE_WORDS[k]}" for k in range(sample_factor - 1) for sample in samples
        ]
    return grown


#: Utterances whose slot words are not values (or misspelt ones): the near-miss search runs.
UNKNOWN_UTTERANCES = (
    "how much saffron",
    "how much of the mayonaise",
    "what about the quinces",
    "how much shallotts",
    "what about the gooseberry jam",
    "which step uses the kumquat",
)


def _unknown_ms(resolver: Any, utterances: Sequence[str], repeats: int) -> float:
    """Median over ``utterances`` of the fastest of ``repeats`` resolutions, memo cleared."""
    per: list[float] = []
    for utterance in utterances:
        best = float("inf")
        for _ in range(repeats):
            resolver._fill_memo.clear()  # each time as the first time the words are heard
            started = time.perf_counter()
            resolver.resolve(utterance)
            best = min(best, time.perf_counter() - started)
        per.append(best * 1000)
    return statistics.median(per)


def _throughput(resolver: Any, utterances: Sequence[str], seconds: float) -> float:
    for utterance in utterances:  # one pass unmeasured: memo tables fill as in a chat
        resolver.resolve(utterance)
    resolved, started = 0, time.perf_counter()
    while True:
        for utterance in utterances:
            resolver.resolve(utterance)
        resolved += len(utterances)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return resolved / elapsed


#: The models the resolver is measured on: name → (ingredient values, sample factor).
RESOLVER_MODELS = {
    "committed": (0, 1),
    "1,000 ingredient values": (1000, 1),
    "5× samples": (0, 5),
}


def resolver_figures(
    utterances: Sequence[str], *, seconds: float = 1.0, repeats: int = 5, locale: str = "en-US"
) -> dict[str, Any]:
    """Per grown model, with the phrase indexes and with the exhaustive scan: the build time,
    the unknown-word time and the utterances per second."""
    from tools.models import model_path
    from tools.resolver import Resolver

    base = json.loads(model_path(locale).read_text(encoding="utf-8"))
    figures: dict[str, Any] = {}
    for name, (values, factor) in RESOLVER_MODELS.items():
        model = grown_model(base, values, factor)
        language = model["interactionModel"]["languageModel"]
        row: dict[str, Any] = {
            "samples": sum(len(i.get("samples", [])) for i in language["intents"]),
            "ingredient_values": next(
                len(t["values"]) for t in language["types"] if t["name"] == "INGREDIENT"
            ),
        }
        for how, exhaustive in (("indexed", False), ("exhaustive", True)):
            started = time.perf_counter()
            resolver = Resolver(model, exhaustive=exhaustive)
            build_ms = (time.perf_counter() - started) * 1000
            row[how] = {
                "build_ms": round(build_ms, 1),
                "unknown_word_ms": round(_unknown_ms(resolver, UNKNOWN_UTTERANCES, repeats), 2),
                "per_second": round(_throughput(resolver, utterances, seconds), 0),
            }
        figures[name] = row
    figures["unknown_utterances"] = list(UNKNOWN_UTTERANCES)
    figures["utterances"] = len(utterances)
    return figures
