"""The resolver's phrase indexes find what the full scan finds: every utterance resolves exactly
as with ``Resolver(exhaustive=True)`` (every sample, every value compared), on the committed
models and on a model grown to 1,000 ingredient values and more samples."""

from __future__ import annotations

import json
import random

import pytest

from bench.grown import UNKNOWN_UTTERANCES, grown_model
from tests.dialogs.harness import load_dialogs
from tools import models
from tools.phrase_index import NearIndex, SampleTrie, deletions, tolerant_keys
from tools.resolver import Resolver, _within_edits


def _model(locale: str) -> dict:
    return json.loads(models.model_path(locale).read_text(encoding="utf-8"))


def _misspelt(text: str, rng: random.Random) -> str:
    """``text`` with one or two letters dropped, doubled or swapped."""
    chars = list(text)
    for _ in range(rng.choice((1, 2))):
        i = rng.randrange(len(chars))
        how = rng.choice(("drop", "double", "swap", "change"))
        if how == "drop" and len(chars) > 2:
            del chars[i]
        elif how == "double":
            chars.insert(i, chars[i])
        elif how == "swap" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice("aeioulnrst")
    return "".join(chars)


def utterances(model: dict, locale: str, count: int, seed: int = 14) -> list[str]:
    """What cooks say in the dialog tests, plus slot values said right, misspelt and unknown in
    the samples that carry them, and a few lines with extra or missing words."""
    rng = random.Random(seed)
    said = [
        turn.said
        for dialog in load_dialogs()
        if locale in dialog.locales
        for turn in dialog.turns
        if turn.said
    ]
    said = sorted(set(said))
    lines = rng.sample(said, min(len(said), count)) + list(UNKNOWN_UTTERANCES)
    language = model["interactionModel"]["languageModel"]
    values = {
        t["name"]: [
            p for v in t["values"] for p in (v["name"]["value"], *v["name"].get("synonyms", ()))
        ]
        for t in language["types"]
    }
    carriers = [
        ("how much {}", "INGREDIENT"),
        ("how much of the {} do i need", "INGREDIENT"),
        ("what about the {}", "INGREDIENT"),
        ("which step uses the {}", "INGREDIENT"),
        ("let's make the {}", "COMPONENT"),
        ("how long do i {} it", "STEP_ACTION"),
        ("any tips on {}", "TIP_TOPIC"),
        ("let's make the {}", "RECIPE"),
    ]
    for template, type_name in carriers:
        for value in rng.sample(values[type_name], min(6, len(values[type_name]))):
            lines.append(template.format(value))
            lines.append(template.format(_misspelt(value, rng)))
    for line in rng.sample(said, min(len(said), count // 4)):
        words = line.split()
        if len(words) > 2:
            i = rng.randrange(len(words))
            lines.append(" ".join(words[:i] + words[i + 1 :]))  # a word missing
            lines.append(
                " ".join(words[:i] + ["um", "so", "like"][: rng.randint(1, 2)] + words[i:])
            )
    return lines


@pytest.mark.parametrize("locale", models.LOCALES)
def test_the_indexed_resolver_agrees_with_the_full_scan(locale: str) -> None:
    model = _model(locale)
    indexed, reference = Resolver(model), Resolver(model, exhaustive=True)
    lines = utterances(model, locale, 250)
    assert len(lines) > 300
    differ = [
        (line, indexed.resolve(line).describe(), reference.resolve(line).describe())
        for line in lines
        if indexed.resolve(line) != reference.resolve(line)
    ]
    assert not differ, differ[:5]


def test_they_agree_on_a_grown_model_too() -> None:
    """1,000 ingredient values (near misses among many) and twice the samples."""
    model = grown_model(_model("en-US"), ingredient_values=1000, sample_factor=2)
    indexed, reference = Resolver(model), Resolver(model, exhaustive=True)
    lines = utterances(model, "en-US", 120, seed=4)
    differ = [
        (line, indexed.resolve(line).describe(), reference.resolve(line).describe())
        for line in lines
        if indexed.resolve(line) != reference.resolve(line)
    ]
    assert not differ, differ[:5]


def test_near_index_finds_every_text_within_reach() -> None:
    rng = random.Random(3)
    texts = ["".join(rng.choice("abcde ") for _ in range(rng.randint(1, 30))) for _ in range(400)]
    index = NearIndex(texts, _within_edits)
    for _ in range(300):
        query = _misspelt(rng.choice(texts), rng) if rng.random() < 0.7 else "abcab"
        for most in (1, 2):
            expected = {t for t in texts if _within_edits(t, query, most)}
            found = {t for t in index.candidates(query, most) if _within_edits(t, query, most)}
            assert found == expected, (query, most)


def test_deletions() -> None:
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert "" in deletions("ab", 2)


def test_tolerant_keys_are_the_rarest_words_the_match_cannot_all_miss() -> None:
    postings = {"how": [1, 2, 3], "much": [1, 2], "saffron": [1], "the": [1, 2, 3, 4]}
    assert tolerant_keys(frozenset({"how"}), postings) == ["how"]
    assert tolerant_keys(frozenset({"how", "much", "saffron"}), postings) == ["saffron", "much"]
    four = frozenset({"how", "much", "saffron", "the"})
    assert tolerant_keys(four, postings) == ["saffron", "much", "how"]


def test_the_trie_finds_samples_said_word_for_word() -> None:
    trie = SampleTrie()
    trie.add(0, ("how", "much", "{ingredient}"), {"ingredient": "INGREDIENT"})
    trie.add(
        1,
        ("how", "much", "{ingredient}", "for", "{component}"),
        {
            "ingredient": "INGREDIENT",
            "component": "COMPONENT",
        },
    )
    trie.add(2, ("how", "much", "{nope}"), {})  # a slot its intent lacks: never exact
    values = {"INGREDIENT": {("salt",), ("maple", "syrup")}, "COMPONENT": {("aioli",)}}

    def matches(line: str) -> set[int]:
        return trie.matches(line.split(), lambda t, w: w in values[t], lambda t: 4)

    assert matches("how much maple syrup") == {0}
    assert matches("how much salt for aioli") == {1}
    assert matches("how much saffron") == set()
    assert matches("how much") == set()
