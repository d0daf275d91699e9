"""The skill manifest (ASK CLI format) agrees with the interaction models and the skill's voice."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.ship.lambda_runtime import ROOT

MODELS = ROOT / "interaction_model"
MANIFEST = json.loads((MODELS / "skill.json").read_text(encoding="utf-8"))["manifest"]
PUBLISHING = MANIFEST["publishingInformation"]
INVOCATION = "cook along"


def _models() -> dict[str, dict[str, Any]]:
    models = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
        for path in sorted(MODELS.glob("*.json"))
        if path.name != "skill.json"
    }
    if not models:
        pytest.skip("interaction_model/<locale>.json do not exist yet (make models)")
    return models


def _understands(model: dict[str, Any], utterance: str) -> list[str]:
    """The intents with a sample utterance that matches ``utterance``, each {slot} standing
    for any of the words of its slot type (any words for the built-in types)."""
    words = {
        slot_type["name"]: "|".join(
            re.escape(spoken)
            for value in slot_type["values"]
            for spoken in [value["name"]["value"], *value["name"].get("synonyms", [])]
        )
        for slot_type in model.get("types", [])
    }
    matching = []
    for intent in model["intents"]:
        slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}

        def slot(match: re.Match[str], slot_types: dict[str, str] = slot_types) -> str:
            spoken = words.get(slot_types.get(match.group(1), ""))
            return f"(?:{spoken})" if spoken else ".+"

        for sample in intent.get("samples", []):
            if not all(part.strip() in utterance for part in re.split(r"\{\w+\}", sample)):
                continue  # cheap test first: the sample's own words are not all there
            if re.fullmatch(re.sub(r"\\\{(\w+)\\\}", slot, re.escape(sample)), utterance):
                matching.append(intent["name"])
                break
    return matching


def test_the_manifest_publishes_the_locales_the_models_cover():
    # given the interaction models and the manifest
    models = _models()
    # when we compare their locales
    published = set(PUBLISHING["locales"])
    # then they are the same five English locales
    assert published == set(models) == {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}


def test_every_published_locale_has_the_skills_words():
    # given the locale resources the skill speaks from
    voices = {p.stem for p in (ROOT / "lambda" / "cookalong" / "locales").glob("*.json")}
    # then every locale the store offers has them
    assert set(PUBLISHING["locales"]) <= voices


def test_every_model_is_invoked_as_cook_along():
    # given the interaction models
    # then each one's invocation name is the one the example phrases use
    for locale, model in _models().items():
        assert model["invocationName"] == INVOCATION, locale


def test_each_locale_names_the_skill_and_starts_with_opening_it():
    # given the store text of each locale
    for locale, text in PUBLISHING["locales"].items():
        # then the name is Cook Along and the first example opens it, as certification requires
        assert text["name"] == "Cook Along", locale
        assert text["examplePhrases"][0] == f"Alexa, open {INVOCATION}", locale
        assert 1 <= len(text["examplePhrases"]) <= 3, locale
        assert text["summary"] and len(text["summary"]) <= 160, locale
        assert text["description"] and text["keywords"], locale


def test_example_phrases_are_things_the_model_understands():
    # given each locale's example phrases and its model
    for locale, model in _models().items():
        for phrase in PUBLISHING["locales"][locale]["examplePhrases"][1:]:
            # when we take the words after "Alexa, ask cook along"
            prefix = f"Alexa, ask {INVOCATION} "
            assert phrase.startswith(prefix), phrase
            utterance = phrase.removeprefix(prefix).rstrip(".?").lower()
            # then some sample utterance of some intent matches them
            matches = _understands(model, utterance)
            assert matches, f"{locale}: no sample utterance matches {phrase!r}"


def test_the_skill_is_offered_where_its_locales_are_spoken():
    # given the publishing information
    # then it is a cooking skill, offered in the countries of its locales and not worldwide
    assert PUBLISHING["category"] == "COOKING_AND_RECIPE"
    assert PUBLISHING["isAvailableWorldwide"] is False
    countries = {locale.split("-")[1] for locale in PUBLISHING["locales"]}
    assert set(PUBLISHING["distributionCountries"]) == countries


def test_the_endpoint_is_a_lambda_arn_to_replace_with_the_stack_output():
    # given the custom skill's endpoint
    uri = MANIFEST["apis"]["custom"]["endpoint"]["uri"]
    # then it has the shape of a Lambda function ARN (the deploy's SkillFunctionArn goes here)
    assert re.fullmatch(r"arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+", uri)
    assert MANIFEST["manifestVersion"] == "1.0"
    assert "permissions" not in MANIFEST  # the skill asks for no personal data
    assert MANIFEST["privacyAndCompliance"]["usesPersonalInfo"] is False
