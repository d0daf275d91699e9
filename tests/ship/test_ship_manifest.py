"""The skill manifest (ASK CLI format) agrees with the interaction models and the skill's voice."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.ship.lambda_runtime import ROOT
from tools.resolver import resolver_for

MODELS = ROOT / "interaction_model"
MANIFEST = json.loads((MODELS / "skill.json").read_text(encoding="utf-8"))["manifest"]
PUBLISHING = MANIFEST["publishingInformation"]
#: The invocation name of each language, and the words that open a skill in it.
INVOCATION = {"en": "cook along", "de": "kochbegleiter"}
OPEN = {"en": "open", "de": "öffne"}
NAME = {"en": "Cook Along", "de": "Kochbegleiter"}


def _models() -> dict[str, dict[str, Any]]:
    models = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["interactionModel"]["languageModel"]
        for path in sorted(MODELS.glob("*.json"))
        if path.name != "skill.json"
    }
    if not models:
        pytest.skip("interaction_model/<locale>.json do not exist yet (make models)")
    return models


def test_the_manifest_publishes_the_locales_the_models_cover():
    # given the interaction models and the manifest
    models = _models()
    # when we compare their locales
    published = set(PUBLISHING["locales"])
    # then they are the same five English and two German locales
    english = {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    assert published == set(models) == english | {"de-DE", "de-AT"}


def test_every_published_locale_has_the_skills_words():
    # given the locale resources the skill speaks from (one overlay per locale in its pack)
    voices = {p.stem for p in (ROOT / "lambda/cookalong/speech/lang").glob("*/locales/*.json")}
    # then every locale the store offers has them
    assert set(PUBLISHING["locales"]) <= voices


def test_every_model_is_invoked_by_its_languages_name():
    # given the interaction models
    # then each one's invocation name is its language's, the one the example phrases use
    for locale, model in _models().items():
        assert model["invocationName"] == INVOCATION[locale[:2]], locale


def test_each_locale_names_the_skill_and_starts_with_opening_it():
    # given the store text of each locale
    for locale, text in PUBLISHING["locales"].items():
        # then the name is Cook Along and the first example opens it, as certification requires
        language = locale[:2]
        assert text["name"] == NAME[language], locale
        assert text["examplePhrases"][0] == f"Alexa, {OPEN[language]} {INVOCATION[language]}"
        assert 1 <= len(text["examplePhrases"]) <= 3, locale
        assert text["summary"] and len(text["summary"]) <= 160, locale
        assert text["description"] and text["keywords"], locale


def test_example_phrases_are_things_the_model_understands():
    # given each locale's example phrases and the local stand-in for Alexa's understanding,
    # compiled from that locale's interaction model
    for locale in _models():
        resolver = resolver_for(locale)
        opening, *requests = PUBLISHING["locales"][locale]["examplePhrases"]
        # when Alexa hears them
        # then the first opens the skill, and every other is a one-shot request that matches a
        # sample utterance exactly (certification tries each one)
        assert resolver.resolve(opening).kind == "launch", f"{locale}: {opening!r}"
        for phrase in requests:
            heard = resolver.resolve(phrase)
            assert heard.kind == "intent" and heard.new_session, f"{locale}: {phrase!r}"
            assert heard.intent != "AMAZON.FallbackIntent", f"{locale}: {phrase!r}"
            assert heard.cost == 0, f"{locale}: {phrase!r} matched only loosely ({heard.sample})"


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
    assert MANIFEST["privacyAndCompliance"]["usesPersonalInfo"] is False


def test_the_only_permission_is_timers_the_scope_the_skill_asks_for():
    # given the manifest's permissions and the scope the skill's AskFor request names
    from cookalong.alexa.respond import permission_request

    payload = permission_request().payload
    asked = [scope["permissionScope"] for scope in payload["permissionScopes"]]
    # then the skill declares exactly that one (timers: no personal data), so a cook can grant
    # it by voice or in the Alexa app
    assert MANIFEST["permissions"] == [{"name": scope} for scope in asked]
    assert asked == ["alexa::alerts:timers:skill:readwrite"]
    assert "timer" in PUBLISHING["testingInstructions"].lower()
