"""Generate the Alexa interaction models (ASK CLI format) from the recipes and sample templates.

``make models`` runs ``python -m tools.models``: it writes ``interaction_model/<locale>.json`` for
every supported locale, deterministically (sorted, stable ids), so the committed files change only
when the recipes or the templates change. ``python -m tools.models --check`` exits 1 when a
committed model is stale.

One source of truth:

* the intents and their slots are the contract in ``docs/CONTRACTS.md`` (``CUSTOM_INTENTS``,
  ``BUILT_IN_INTENTS`` below);
* the sample utterances are templates in ``tools/model_samples/<folder>/<Intent>.txt``
  (``(a|b)`` one of, ``[x]`` optional, ``{slot}`` a slot of the intent), expanded here;
* the slot types INGREDIENT, COMPONENT, STEP_ACTION and TIP_TOPIC come from the recipes
  (``cookalong.recipe.loader.shipped_recipes()``); TEMPERATURE_SCALE, UNIT_SYSTEM and MULTIPLIER
  from ``tools/model_samples/slot_types.json``;
* what Alexa's model build refuses is refused here first, naming the template: characters it
  does not take, slots side by side, samples too long, the invocation name in a sample, one
  request in two intents (or claimed from a built-in intent), slot values too long or too many;
* the locales differ only by word substitutions and extra synonyms in
  ``tools/model_samples/locales.json`` (en-GB, en-AU and en-IN say "grill" where the recipe says
  "broil", and spell "millilitres");
* another language takes all of this from its pack (``cookalong/speech/lang/<language>/``):
  ``samples/``, ``builtins.json``, ``slot_types.json``, ``model.json`` (the invocation name, the
  letters a sample may have), ``words.json`` → ``lookup`` (what Alexa hears alike) and the
  locale's overlay → ``model`` (de-AT: Backrohr, Kaffeelöffel). A model takes the slot values
  of the recipes in its language only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cookalong.recipe.slots import speakable
from cookalong.speech.lang import language_of, pack_dir
from cookalong.speech.lang import words as pack_words

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "tools" / "model_samples"
MODEL_DIR = ROOT / "interaction_model"

INVOCATION_NAME = "cook along"
LOCALES: tuple[str, ...] = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE", "de-AT")

BUILT_IN_INTENTS: tuple[str, ...] = (
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.HelpIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.NextIntent",
    "AMAZON.NoIntent",
    "AMAZON.PauseIntent",
    "AMAZON.PreviousIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.ResumeIntent",
    "AMAZON.StartOverIntent",
    "AMAZON.StopIntent",
    "AMAZON.YesIntent",
)

# intent -> {slot name: slot type}, exactly as docs/CONTRACTS.md fixes them.
CUSTOM_INTENTS: dict[str, dict[str, str]] = {
    "StartCookingIntent": {"component": "COMPONENT"},
    "HowMuchIntent": {"ingredient": "INGREDIENT", "component": "COMPONENT", "unit": "UNIT"},
    "IngredientsIntent": {"component": "COMPONENT"},
    "StepIngredientsIntent": {},
    "GoToStepIntent": {
        "number": "AMAZON.NUMBER",
        "component": "COMPONENT",
        "ordinal": "AMAZON.Ordinal",
        "position": "STEP_POSITION",
    },
    "FindStepIntent": {"ingredient": "INGREDIENT", "action": "STEP_ACTION"},
    "WhereAmIIntent": {},
    "StepsLeftIntent": {},
    "TimeLeftIntent": {},
    "WaitStatusIntent": {"action": "STEP_ACTION"},
    "TemperatureIntent": {"scale": "TEMPERATURE_SCALE", "action": "STEP_ACTION"},
    "HowLongIntent": {"action": "STEP_ACTION"},
    "ScaleIntent": {"servings": "AMAZON.NUMBER", "multiplier": "MULTIPLIER"},
    "UnitsIntent": {"system": "UNIT_SYSTEM"},
    "TipsIntent": {"topic": "TIP_TOPIC"},
    "MoreIntent": {},
    "RecipeInfoIntent": {},
    "MeanwhileIntent": {},
    "FollowUpIntent": {
        "ingredient": "INGREDIENT",
        "component": "COMPONENT",
        "unit": "UNIT",
        "number": "AMAZON.NUMBER",
        "recipe": "RECIPE",
    },
    "AcknowledgeIntent": {},
    "DonenessIntent": {"action": "STEP_ACTION"},
    "EquipmentIntent": {"component": "COMPONENT"},
    "ServingIntent": {},
    "ReadRecipeIntent": {"component": "COMPONENT"},
    "StepDetailIntent": {"detail": "STEP_DETAIL"},
    "NutritionIntent": {},
    "SetTimerIntent": {"duration": "AMAZON.DURATION", "action": "STEP_ACTION"},
    "TimerStatusIntent": {"action": "STEP_ACTION"},
    "CancelTimerIntent": {"action": "STEP_ACTION"},
    "PauseTimerIntent": {},
    "ResumeTimerIntent": {},
    "ListRecipesIntent": {},
    "ChooseRecipeIntent": {"recipe": "RECIPE"},
}

# The fewest samples each custom intent must have (the core ones: 30).
MIN_SAMPLES: dict[str, int] = {
    **dict.fromkeys(
        (
            "HowMuchIntent",
            "IngredientsIntent",
            "GoToStepIntent",
            "FindStepIntent",
            "TemperatureIntent",
            "HowLongIntent",
            "ScaleIntent",
            "UnitsIntent",
            "TipsIntent",
            "StartCookingIntent",
        ),
        30,
    ),
    **dict.fromkeys(
        (
            "TimeLeftIntent",
            "WhereAmIIntent",
            "StepsLeftIntent",
            "StepIngredientsIntent",
            "RecipeInfoIntent",
            "MeanwhileIntent",
            "WaitStatusIntent",
            "FollowUpIntent",
            "DonenessIntent",
            "EquipmentIntent",
            "ServingIntent",
            "SetTimerIntent",
            "TimerStatusIntent",
            "ListRecipesIntent",
            "ChooseRecipeIntent",
        ),
        20,
    ),
    **dict.fromkeys(
        (
            "MoreIntent",
            "AcknowledgeIntent",
            "ReadRecipeIntent",
            "StepDetailIntent",
            "NutritionIntent",
            "CancelTimerIntent",
            "PauseTimerIntent",
            "ResumeTimerIntent",
        ),
        10,
    ),
}

RECIPE_SLOT_TYPES = ("COMPONENT", "INGREDIENT", "RECIPE", "STEP_ACTION", "TIP_TOPIC")

_SLOT_REF = re.compile(r"\{([^{}]*)\}")

# Alexa's limits and rules for what a model may hold, checked at generation time so that the
# model build never refuses what `make models` wrote:
#: characters in one sample utterance (slot references included)
MAX_SAMPLE_CHARS = 200
#: characters in one slot value or synonym
MAX_SLOT_VALUE_CHARS = 140
#: custom slot values and synonyms, all types together
MAX_SLOT_VALUES = 50_000
#: samples of one intent. No published figure for Alexa was found; this is a guard against a
#: template that explodes (it is the per-intent limit of Amazon Lex, Alexa's sibling NLU)
MAX_SAMPLES_PER_INTENT = 1_500
#: characters of one locale's model as written: the skill management API refuses a model
#: definition longer than this ("Member must have length less than or equal to 1000000",
#: alexa/ask-cli issue 9)
MAX_MODEL_CHARS = 1_000_000


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


class ModelError(ValueError):
    """A template or a slot value that Alexa would refuse; the message names the file and line."""


# --------------------------------------------------------------------------------------------
# Templates


def expand(template: str) -> list[str]:
    """Expand one sample template into the utterances it stands for.

    Parameters
    ----------
    template
        ``(a|b)`` is one of the alternatives (an empty one makes the group optional), ``[x]``
        is optional (``[a|b]`` is an optional choice), ``{slot}`` is kept as it is. Groups nest.

    Returns
    -------
    list[str]
        The utterances in template order, spaces collapsed, duplicates removed.

    Raises
    ------
    ModelError
        For an unbalanced bracket or a ``|`` outside any group.
    """
    alternatives, end = _expand(template, 0, None)
    if end != len(template):  # pragma: no cover - _expand consumes everything or raises
        raise ModelError(f"unexpected text at column {end + 1}")
    seen: dict[str, None] = {}
    for text in alternatives:
        text = " ".join(text.split())
        if text:
            seen.setdefault(text, None)
    return list(seen)


def _expand(text: str, i: int, closing: str | None) -> tuple[list[str], int]:
    alternatives: list[str] = []
    current = [""]
    while i < len(text):
        char = text[i]
        if char in "([":
            inner, i = _expand(text, i + 1, ")" if char == "(" else "]")
            if char == "[":
                inner = [*inner, ""]
            current = [head + " " + tail + " " for head in current for tail in inner]
            continue
        if char == "|":
            if closing is None:
                raise ModelError(f"'|' outside a group at column {i + 1}")
            alternatives.extend(current)
            current = [""]
            i += 1
            continue
        if char in ")]":
            if char != closing:
                raise ModelError(f"unbalanced {char!r} at column {i + 1}")
            alternatives.extend(current)
            return alternatives, i + 1
        current = [head + char for head in current]
        i += 1
    if closing is not None:
        raise ModelError(f"missing {closing!r}")
    alternatives.extend(current)
    return alternatives, i


@dataclass(frozen=True)
class LocaleSpec:
    """How one locale differs from the shared English source (``locales.json``)."""

    locale: str
    sample_folders: tuple[str, ...]
    words: Mapping[str, str]
    understands: Mapping[str, Mapping[str, tuple[str, ...]]]
    language: str = "en"

    def sample_dirs(self) -> tuple[Path, ...]:
        if self.language == "en":
            return tuple(SAMPLES_DIR / folder for folder in self.sample_folders)
        return (pack_dir(self.language) / "samples",)


@cache
def language_model(language: str) -> dict[str, Any]:
    """The pack's ``model.json``: ``invocation_name`` and ``letters`` (English: built in)."""
    if language == "en":
        return {"invocation_name": INVOCATION_NAME, "letters": "a-z"}
    return _read_json(pack_dir(language) / "model.json")


def invocation_name(locale: str) -> str:
    return language_model(language_of(locale))["invocation_name"]


@cache
def locale_spec(locale: str) -> LocaleSpec:
    """Read the locale's entry of ``tools/model_samples/locales.json``.

    Raises
    ------
    ModelError
        When the locale is not described there.
    """
    language = language_of(locale)
    if language != "en":
        path = pack_dir(language) / "locales" / f"{locale}.json"
        if not path.exists():
            raise ModelError(f"no locale {locale!r} in the {language} pack")
        entry = _read_json(path).get("model", {})
        return LocaleSpec(
            locale=locale,
            sample_folders=("samples",),
            words=dict(entry.get("words", {})),
            understands={
                type_name: {value_id: tuple(extra) for value_id, extra in values.items()}
                for type_name, values in entry.get("understands", {}).items()
            },
            language=language,
        )
    spec = _read_json(SAMPLES_DIR / "locales.json")["locales"]
    if locale not in spec:
        raise ModelError(f"locales.json: no locale {locale!r} (known: {', '.join(sorted(spec))})")
    entry = spec[locale]
    return LocaleSpec(
        locale=locale,
        sample_folders=tuple(entry["samples"]),
        words=dict(entry.get("words", {})),
        understands={
            type_name: {value_id: tuple(extra) for value_id, extra in values.items()}
            for type_name, values in entry.get("understands", {}).items()
        },
    )


def localise(text: str, words: Mapping[str, str]) -> str:
    """Substitute the locale's words in ``text`` (whole words only; ``{slot}`` left alone)."""
    if not words:
        return text
    phrases = sorted((k for k in words if " " in k), key=len, reverse=True)
    if phrases:  # "der backofen" → "das backrohr": the article changes with the noun
        said = f" {text} "
        for phrase in phrases:
            said = said.replace(f" {phrase} ", f" {words[phrase]} ")
        text = said.strip()
    return " ".join(words.get(word, word) for word in text.split())


def samples_for(locale: str) -> dict[str, list[str]]:
    """The sample utterances of every intent for ``locale``, expanded, localised and sorted.

    Raises
    ------
    ModelError
        For a template Alexa would refuse (a character it does not accept, an undeclared slot,
        two slots side by side, a sample over 200 characters or with the invocation name in it,
        the same utterance in two intents or claimed from a built-in intent, an unknown intent
        file, an intent past ``MAX_SAMPLES_PER_INTENT``), naming the file and line.
    """
    spec = locale_spec(locale)
    known = set(BUILT_IN_INTENTS) | set(CUSTOM_INTENTS)
    found: dict[str, dict[str, str]] = {name: {} for name in sorted(known)}
    language = spec.language
    for directory in spec.sample_dirs():
        if not directory.is_dir():
            raise ModelError(f"locales.json: {locale}: no sample folder {directory}")
        for path in sorted(directory.glob("*.txt")):
            intent = path.stem
            if intent not in known:
                raise ModelError(f"{path}: no intent {intent!r} in the contract")
            declared = set(CUSTOM_INTENTS.get(intent, {}))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                where = f"{_shown(path)}:{number}"
                try:
                    utterances = expand(line)
                except ModelError as error:
                    raise ModelError(f"{where}: {error}") from None
                for utterance in utterances:
                    said = [localise(utterance, spec.words)]
                    if language != "en" and said[0] != utterance:
                        # an Austrian cook also says "Backofen" and "Umluft": both stay
                        said.append(utterance)
                    for utterance in said:
                        _check_sample(utterance, declared, where, language)
                        found[intent].setdefault(utterance, where)
    owner: dict[str, str] = {}
    for intent, utterances in found.items():
        for utterance, where in utterances.items():
            canonical = canonical_sample(utterance, language)
            if canonical in owner and owner[canonical] != intent:
                raise ModelError(
                    f"{where}: {utterance!r} is in {intent} and (as {canonical!r}) in "
                    f"{owner[canonical]}"
                )
            owner[canonical] = intent
    for intent, phrases in builtin_phrases(language).items():
        for phrase in phrases:
            if owner.get(canonical_sample(phrase, language), intent) != intent:
                raise ModelError(
                    f"{owner[canonical_sample(phrase, language)]} has a sample {phrase!r} that "
                    "Alexa's "
                    f"built-in {intent} already understands"
                )
    for intent, utterances in found.items():
        if len(utterances) > MAX_SAMPLES_PER_INTENT:
            raise ModelError(
                f"{intent}: {len(utterances)} samples in {locale}, more than "
                f"{MAX_SAMPLES_PER_INTENT} (a template expands too far)"
            )
    return {intent: sorted(utterances) for intent, utterances in found.items()}


def _check_sample(utterance: str, declared: set[str], where: str, language: str = "en") -> None:
    bare = _SLOT_REF.sub("", utterance)
    letters = language_model(language)["letters"]
    if re.search(f"[^{letters}' ]", bare):
        raise ModelError(
            f"{where}: {utterance!r}: only lower-case letters, spaces and apostrophes "
            "(write numbers as words)"
        )
    for slot in _SLOT_REF.findall(utterance):
        if slot not in declared:
            raise ModelError(f"{where}: {utterance!r}: slot {{{slot}}} is not declared")
    slots = _SLOT_REF.findall(utterance)
    if len(slots) != len(set(slots)):
        raise ModelError(f"{where}: {utterance!r}: a slot appears twice")
    if re.search(r"\}\s*\{", utterance):
        raise ModelError(
            f"{where}: {utterance!r}: two slots side by side (Alexa cannot tell where one "
            "value ends; put a word between them)"
        )
    if len(utterance) > MAX_SAMPLE_CHARS:
        raise ModelError(f"{where}: {utterance!r}: longer than {MAX_SAMPLE_CHARS} characters")
    name = language_model(language)["invocation_name"]
    if re.search(rf"(^| ){re.escape(name)}( |$)", utterance):
        raise ModelError(
            f"{where}: {utterance!r}: has the invocation name (Alexa would open the skill again)"
        )


_CONTRACTIONS = {
    "what's": "what is",
    "that's": "that is",
    "it's": "it is",
    "i'm": "i am",
    "we're": "we are",
    "there's": "there is",
    "where's": "where is",
    "how's": "how is",
    "let's": "let us",
    "i've": "i have",
    "i'll": "i will",
    "i'd": "i would",
    "didn't": "did not",
    "long's": "long is",
    "hot's": "hot is",
    "oven's": "oven is",
    "timer's": "timer is",
    "pork's": "pork is",
    "dinner's": "dinner is",
    "everything's": "everything is",
    "who's": "who is",
    "when's": "when is",
    "don't": "do not",
    "okay": "ok",
}
_IGNORED_WORDS = frozenset({"please", "alexa", "um", "uh", "er", "erm", "hmm"})


@cache
def _same_request(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """A pack's forms Alexa hears alike (``lookup.same_request``) and the words it ignores."""
    lookup = pack_words(language).get("lookup", {})
    same = {k: v for k, v in lookup.get("same_request", {}).items() if k != "note"}
    return same, frozenset(lookup.get("ignored_by_alexa", ()))


def canonical_sample(text: str, language: str = "en") -> str:
    """The form two utterances share when Alexa would hear them alike.

    Contractions are expanded ("what's" and "what is" are the same request), "okay" is "ok", and
    the words Alexa ignores for matching ("please", "um" ...) are dropped. Used to keep one
    utterance from belonging to two intents, and by the local resolver. Another language's
    forms are its pack's (German "wieviel" is "wie viel", "nochmal" "noch mal").
    """
    if language != "en":
        same, ignored = _same_request(language)
        said = f" {text.lower()} "
        for phrase in sorted((p for p in same if " " in p), key=len, reverse=True):
            said = said.replace(f" {phrase} ", f" {same[phrase]} ")
        out = []
        for word in said.split():
            out.extend(same.get(word, word).split())
        return " ".join(word for word in out if word not in ignored)
    words: list[str] = []
    for word in text.lower().split():
        words.extend(_CONTRACTIONS.get(word, word).split())
    return " ".join(word for word in words if word not in _IGNORED_WORDS)


@cache
def builtin_phrases(language: str = "en") -> dict[str, tuple[str, ...]]:
    """What Alexa's built-in intents understand without samples (``amazon_builtins.json``;
    another language's pack: ``builtins.json``)."""
    if language == "en":
        data = _read_json(SAMPLES_DIR / "amazon_builtins.json")["intents"]
    else:
        data = _read_json(pack_dir(language) / "builtins.json")["intents"]
    return {intent: tuple(phrases) for intent, phrases in sorted(data.items())}


# --------------------------------------------------------------------------------------------
# Slot types


@dataclass
class _Value:
    id: str
    name: str
    synonyms: list[str]
    language: str = "en"

    def add(self, *phrases: str) -> None:
        for phrase in phrases:
            phrase = speakable(phrase, self.language)
            if phrase and phrase != self.name and phrase not in self.synonyms:
                self.synonyms.append(phrase)


#: The languages whose recipe titles end in their head noun: "six-minute seared ahi tuna
#: steaks" is said "the tuna steaks". (A German title, "Rotkohlsuppe mit Kokosmilch", is not
#: shortened: its head comes first and what follows it is not droppable word by word.)
_TITLE_HEAD_LAST = frozenset({"en"})
_TITLE_JOINS = frozenset({"and", "with", "or", "of", "in", "on", "a", "an", "the", "&"})


def _title_shortenings(recipes: Iterable[Any], language: str) -> dict[str, list[str]]:
    """The shorter names a cook gives a title ("seared ahi tuna steaks", "ahi tuna steaks",
    "tuna steaks", and the head noun alone), each kept only when no other recipe's title
    shortens to it too (two recipes that both say "pizza" are asked about by the handlers)."""
    if language not in _TITLE_HEAD_LAST:
        return {}
    found: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for recipe in recipes:
        words = speakable(re.sub(r"\([^)]*\)", " ", recipe.short_title), language).split()
        phrases = [
            " ".join(words[i:])
            for i in range(1, len(words))
            if words[i] not in _TITLE_JOINS  # not "and spinach frittata"
        ]
        found[recipe.id] = phrases
        for phrase in phrases:
            owners[phrase].add(recipe.id)
    return {
        rid: [p for p in phrases if owners[p] == {rid} and len(p) > 2]
        for rid, phrases in found.items()
    }


def recipe_slot_values(recipes: Iterable[Any], language: str = "en") -> dict[str, list[_Value]]:
    """The recipe-derived slot types: INGREDIENT, COMPONENT, STEP_ACTION, TIP_TOPIC.

    Parameters
    ----------
    recipes
        ``cookalong.recipe.model.Recipe`` objects (all the recipes the skill serves).

    Returns
    -------
    dict[str, list[_Value]]
        Per type, one value per stable id: an ingredient ``key`` (maple syrup, in both components,
        key), a component id, an action word (synonyms: its "-ing", "-s" and "-ed" forms, as in
        "the resting step", "while it rests", "when it's rested"), a tip id (synonyms: the tip's
        keywords).

    Notes
    -----
    A synonym two ingredients share ("salt" for the flaky sea salt and the sea salt) stays on
    both values: Alexa accepts that and then resolves the word to both entities, in the order
    of the values. The handlers match the spoken words against the recipe in any case.
    """
    types: dict[str, dict[str, _Value]] = {name: {} for name in RECIPE_SLOT_TYPES}

    def value(type_name: str, value_id: str, name: str) -> _Value:
        values = types[type_name]
        if value_id not in values:
            values[value_id] = _Value(value_id, speakable(name, language), [], language)
        return values[value_id]

    forms = _action_forms(language)
    recipes = [recipe for recipe in recipes if recipe.language == language]
    by_name: dict[str, _Value] = {}
    seen_keys: set[str] = set()
    shortened = _title_shortenings(recipes, language)
    for recipe in sorted(recipes, key=lambda recipe: recipe.id):
        value("RECIPE", recipe.id, recipe.short_title).add(
            recipe.short_title,
            *recipe.aliases,
            re.sub(r"\([^)]*\)", " ", recipe.title),
            *shortened.get(recipe.id, ()),
        )
        for component in recipe.components:
            value("COMPONENT", component.id, component.name).add(
                component.name, *component.synonyms
            )
            for ingredient in component.ingredients:
                entry = value("INGREDIENT", ingredient.key, ingredient.name)
                if (
                    ingredient.key not in seen_keys
                    and speakable(ingredient.name, language) in by_name
                ):
                    # twin lines of one name ("plain flour" for the breading, again for the
                    # seasoned flour) are one value: Alexa wants each value's name once
                    del types["INGREDIENT"][ingredient.key]
                    entry = by_name[speakable(ingredient.name, language)]
                by_name.setdefault(entry.name, entry)
                seen_keys.add(ingredient.key)
                entry.add(ingredient.name, *ingredient.synonyms)
            for step in component.steps:
                for action in step.actions:
                    value("STEP_ACTION", speakable(action, language), action).add(
                        *(form for form in forms(action) if form)
                    )
        for tip in recipe.tips:
            value("TIP_TOPIC", tip.id, tip.title).add(*tip.keywords)
    # A tip keyword that is an ingredient's name ("salt", "sesame oil") stays an ingredient for
    # Alexa: "what about the salt" asks how much; the handlers still find the tip by its words.
    named = {p for item in types["INGREDIENT"].values() for p in (item.name, *item.synonyms)}
    for item in types["TIP_TOPIC"].values():
        item.synonyms[:] = [phrase for phrase in item.synonyms if phrase not in named]
    if not types["TIP_TOPIC"]:
        # a catalog without tips (pages rarely have any): Alexa refuses an empty slot type,
        # and "any tips" must still be understood, to be answered plainly
        if language == "en":
            value("TIP_TOPIC", "general", "tips").add("advice", "hints", "tricks")
        else:
            value("TIP_TOPIC", "general", "tipps").add("ratschläge", "tricks", "hinweise")
    return {name: list(values.values()) for name, values in types.items()}


def _english_forms(action: str) -> tuple[str | None, ...]:
    return (gerund(action), third_person(action), past_participle(action))


def _german_forms(action: str) -> tuple[str | None, ...]:
    """What a German cook says for an action besides its infinitive ("vorheizen"): the forms
    of ``words.json`` → ``lookup.step_action_forms`` ("heize vor", "vorgeheizt") and the
    participle ("gegrillt", "gebacken")."""
    table = pack_words("de")["lookup"]["step_action_forms"]
    verb = speakable(action, "de")
    forms: list[str | None] = list(table.get("separable", {}).get(verb, ()))
    irregular = table.get("irregular_participles", {})
    if verb in irregular:
        forms.append(irregular[verb])
    elif " " not in verb and verb.endswith("en") and not verb.startswith(_PREFIXES):
        stem = verb[:-2]
        if verb.endswith("ieren"):
            forms.append(stem + "t")  # mariniert
        else:
            forms.append("ge" + stem + ("et" if stem.endswith(("t", "d")) else "t"))
    return tuple(forms)


# A verb with one of these prefixes has no ge- participle of the simple kind (listed in the pack).
_PREFIXES = ("an", "auf", "ab", "aus", "ein", "vor", "zu", "be", "ver", "er", "zer", "ent", "über")


def _action_forms(language: str) -> Any:
    return _german_forms if language == "de" else _english_forms


def gerund(action: str) -> str:
    """The "-ing" form of an action: "slice" → "slicing", "heat the oven" → "heating the oven".

    English spelling rules for regular verbs: a silent final "e" goes ("serve" → "serving"), a
    one-syllable verb ending in consonant-vowel-consonant doubles its last letter ("cut" →
    "cutting"); otherwise "-ing" is added ("broil" → "broiling", "dry" → "drying").
    """
    verb, _, rest = speakable(action).partition(" ")
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        stem = verb[:-1]
    elif re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        stem = verb + verb[-1]
    else:
        stem = verb
    return " ".join((stem + "ing", rest)).strip()


# Verbs whose past form is not the regular "-ed" one (cooking words only).
_IRREGULAR_PAST = {
    "sit": "sat", "cut": "cut", "put": "put", "set": "set", "let": "let", "leave": "left",
    "make": "made", "take": "taken", "freeze": "frozen", "beat": "beaten", "shake": "shaken",
    "grind": "ground", "fry": "fried", "dry": "dried",
}  # fmt: skip
# Nouns a recipe uses as an action ("fridge" it): no other forms.
_NOUN_ACTIONS = frozenset({"fridge", "freezer", "oven"})


def third_person(action: str) -> str | None:
    """The "-s" form, as in "while it bakes": "bake" → "bakes", "mix" → "mixes",
    "dry" → "dries", "heat the oven" → "heats the oven"; ``None`` for a noun ("fridge")."""
    verb, _, rest = speakable(action).partition(" ")
    if verb in _NOUN_ACTIONS:
        return None
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        form = verb + "es"
    elif re.search(r"[^aeiou]y$", verb):
        form = verb[:-1] + "ies"
    else:
        form = verb + "s"
    return " ".join((form, rest)).strip()


def past_participle(action: str) -> str | None:
    """The "-ed" form, as in "when it's baked": "bake" → "baked", "rub" → "rubbed",
    "sit" → "sat", "heat the oven" → "heated the oven"; ``None`` for a noun ("fridge")."""
    verb, _, rest = speakable(action).partition(" ")
    if verb in _NOUN_ACTIONS:
        return None
    if verb in _IRREGULAR_PAST:
        form = _IRREGULAR_PAST[verb]
    elif verb.endswith("e"):
        form = verb + "d"
    elif re.search(r"[^aeiou]y$", verb):
        form = verb[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        form = verb + verb[-1] + "ed"
    else:
        form = verb + "ed"
    return " ".join((form, rest)).strip()


def fixed_slot_values(language: str = "en") -> dict[str, list[_Value]]:
    """TEMPERATURE_SCALE, UNIT_SYSTEM and MULTIPLIER, from ``slot_types.json`` (another
    language's pack: its ``slot_types.json``)."""
    if language == "en":
        data = _read_json(SAMPLES_DIR / "slot_types.json")["types"]
    else:
        data = _read_json(pack_dir(language) / "slot_types.json")["types"]
    types: dict[str, list[_Value]] = {}
    for type_name, values in data.items():
        types[type_name] = []
        for entry in values:
            item = _Value(entry["id"], speakable(entry["name"], language), [], language)
            item.add(*entry.get("synonyms", ()))
            types[type_name].append(item)
    return types


def slot_types(recipes: Iterable[Any], locale: str) -> list[dict[str, Any]]:
    """Every custom slot type of the model for ``locale``, in ASK CLI form, sorted.

    The locale's words rename a value ("broil" is "grill" in en-GB) unless that would clash with
    another value of the type; the recipe's word then stays understood as a synonym.
    """
    spec = locale_spec(locale)
    language = spec.language
    merged = {**recipe_slot_values(recipes, language), **fixed_slot_values(language)}
    result = []
    for type_name in sorted(merged):
        values = merged[type_name]
        names = {item.name for item in values}
        rendered = []
        for item in sorted(values, key=lambda item: item.id):
            name = localise(item.name, spec.words)
            if name != item.name and name in names:
                name = item.name
            phrases = [item.name, *item.synonyms]
            phrases += [localise(phrase, spec.words) for phrase in phrases]
            phrases += spec.understands.get(type_name, {}).get(item.id, ())
            # a word that names another value of the type means that value, not this one
            others = names - {item.name}
            synonyms = sorted({speakable(p, language) for p in phrases} - {name, ""} - others)
            entry: dict[str, Any] = {"id": item.id, "name": {"value": name}}
            if synonyms:
                entry["name"]["synonyms"] = synonyms
            rendered.append(entry)
        if not rendered:
            raise ModelError(f"slot type {type_name} has no values (is the recipe empty?)")
        result.append({"name": type_name, "values": rendered})
    _check_slot_limits(result)
    return result


def _check_slot_limits(types: list[dict[str, Any]]) -> None:
    total = 0
    for slot_type in types:
        for value in slot_type["values"]:
            for phrase in (value["name"]["value"], *value["name"].get("synonyms", ())):
                total += 1
                if len(phrase) > MAX_SLOT_VALUE_CHARS:
                    raise ModelError(
                        f"slot type {slot_type['name']}: {phrase!r} is longer than "
                        f"{MAX_SLOT_VALUE_CHARS} characters"
                    )
    if total > MAX_SLOT_VALUES:
        raise ModelError(f"{total} slot values and synonyms, more than Alexa's {MAX_SLOT_VALUES}")


# --------------------------------------------------------------------------------------------
# Models


def build_model(locale: str, recipes: Iterable[Any] | None = None) -> dict[str, Any]:
    """The interaction model for ``locale`` as the ASK CLI expects it.

    Parameters
    ----------
    locale
        One of ``LOCALES``.
    recipes
        The recipes to take the slot values from; by default the shipped ones.

    Returns
    -------
    dict
        ``{"interactionModel": {"languageModel": {"invocationName", "intents", "types"}}}``.
    """
    if recipes is None:
        recipes = _default_recipes()
    recipes = list(recipes)
    samples = samples_for(locale)
    intents = []
    for name in sorted(set(BUILT_IN_INTENTS) | set(CUSTOM_INTENTS)):
        intent: dict[str, Any] = {"name": name}
        slots = CUSTOM_INTENTS.get(name, {})
        if slots:
            intent["slots"] = [{"name": slot, "type": slots[slot]} for slot in sorted(slots)]
        intent["samples"] = samples.get(name, [])
        intents.append(intent)
    model = {
        "interactionModel": {
            "languageModel": {
                "invocationName": invocation_name(locale),
                "intents": intents,
                "types": slot_types(recipes, locale),
            }
        }
    }
    size = len(render(model))
    if size > MAX_MODEL_CHARS:
        raise ModelError(f"{locale}: the model has {size} characters, more than {MAX_MODEL_CHARS}")
    return model


def render(model: Mapping[str, Any]) -> str:
    """The exact text of a committed model file."""
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def model_path(locale: str) -> Path:
    """Where the model of ``locale`` is committed."""
    return MODEL_DIR / f"{locale}.json"


def stale_models(recipes: Iterable[Any] | None = None) -> list[str]:
    """The locales whose committed model differs from what the generator makes now."""
    recipes = list(_default_recipes() if recipes is None else recipes)
    stale = []
    for locale in LOCALES:
        path = model_path(locale)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != render(build_model(locale, recipes)):
            stale.append(locale)
    return stale


def write_models(recipes: Iterable[Any] | None = None) -> list[Path]:
    """Write every locale's model; returns the files that changed."""
    recipes = list(_default_recipes() if recipes is None else recipes)
    changed = []
    MODEL_DIR.mkdir(exist_ok=True)
    for locale in LOCALES:
        path = model_path(locale)
        text = render(build_model(locale, recipes))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def _default_recipes() -> list[Any]:
    """The shipped recipes (``COOKALONG_RECIPES`` does not change what ``make models`` makes)."""
    from cookalong.recipe.loader import shipped_recipes

    return list(shipped_recipes().values())


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.models [--check]``."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.models", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a committed model is stale; write nothing"
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            stale = stale_models()
            for locale in stale:
                print(f"{_shown(model_path(locale))} is stale: run `make models`")
            return 1 if stale else 0
        changed = write_models()
    except ModelError as error:
        print(f"models: {error}", file=sys.stderr)
        return 1
    for path in changed:
        print(f"wrote {_shown(path)}")
    if not changed:
        print("interaction models are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
