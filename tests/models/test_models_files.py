"""The committed interaction models: fresh, complete, and acceptable to Alexa's model build."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from cookalong.recipe.loader import shipped_recipes
from cookalong.recipe.slots import speakable
from cookalong.speech.lang import language_of, letters
from tools import models

LOCALES = models.LOCALES
ENGLISH = tuple(locale for locale in LOCALES if locale.startswith("en-"))
ALL_INTENTS = set(models.BUILT_IN_INTENTS) | set(models.CUSTOM_INTENTS)
AMAZON_TYPES = {"AMAZON.NUMBER", "AMAZON.Ordinal", "AMAZON.DURATION"}
# What Alexa's build accepts in a sample: lower-case words, spaces, apostrophes, and {slot}
# references. No digits, no other punctuation (periods only in abbreviations, and we have none).
SAMPLE = re.compile(r"^(?:[a-z']+|\{[A-Za-z_]+\})(?: (?:[a-z']+|\{[A-Za-z_]+\}))*$")


def sample_pattern(locale: str) -> re.Pattern[str]:
    """:data:`SAMPLE` with the letters of the locale's language (German: ä, ö, ü, ß)."""
    word = f"[{letters(language_of(locale))}']+"
    return re.compile(rf"^(?:{word}|\{{[A-Za-z_]+\}})(?: (?:{word}|\{{[A-Za-z_]+\}}))*$")


def committed(locale: str) -> dict:
    return json.loads(models.model_path(locale).read_text(encoding="utf-8"))


def language(locale: str) -> dict:
    return committed(locale)["interactionModel"]["languageModel"]


@pytest.mark.parametrize("locale", LOCALES)
def test_committed_model_is_what_the_generator_makes_now(locale: str) -> None:
    # given the recipes and templates as they are now
    recipes = list(shipped_recipes().values())
    # when the model is generated in memory
    fresh = models.render(models.build_model(locale, recipes))
    # then the committed file is byte for byte the same (else: run `make models`)
    on_disk = models.model_path(locale).read_text(encoding="utf-8")
    assert on_disk == fresh, f"{models.model_path(locale)} is stale: run `make models`"


def test_generator_is_deterministic() -> None:
    # given one recipe set, when the model is generated twice, then the text is identical
    recipes = list(shipped_recipes().values())
    first = models.render(models.build_model("en-GB", recipes))
    second = models.render(models.build_model("en-GB", list(reversed(recipes))))
    assert first == second


@pytest.mark.parametrize("locale", LOCALES)
def test_every_intent_has_a_handler_and_every_handler_an_intent(locale: str) -> None:
    # given the skill's handlers
    from cookalong.alexa.skill import handled_intents

    handled = handled_intents()
    # when the model's intents are listed
    declared = {intent["name"] for intent in language(locale)["intents"]}
    # then they are the same set, and the contract's
    assert declared - handled == set(), "intents in the model that no handler answers"
    assert handled - declared == set(), "handlers for intents the model never sends"
    assert declared == ALL_INTENTS


@pytest.mark.parametrize("locale", LOCALES)
def test_slots_are_the_contract_and_their_types_are_declared(locale: str) -> None:
    lm = language(locale)
    types = {slot_type["name"] for slot_type in lm["types"]}
    for intent in lm["intents"]:
        slots = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        assert slots == models.CUSTOM_INTENTS.get(intent["name"], {}), intent["name"]
        for slot_type in slots.values():
            assert slot_type in types | AMAZON_TYPES, f"{intent['name']}: {slot_type} undeclared"
    used = {slot["type"] for intent in lm["intents"] for slot in intent.get("slots", [])}
    assert types == used - AMAZON_TYPES, "every declared type is used, every used type declared"


@pytest.mark.parametrize("locale", LOCALES)
def test_samples_are_well_formed(locale: str) -> None:
    lm = language(locale)
    owner: dict[str, str] = {}
    pattern = sample_pattern(locale)
    for intent in lm["intents"]:
        declared = {slot["name"] for slot in intent.get("slots", [])}
        samples = intent.get("samples", [])
        duplicates = [s for s, n in Counter(samples).items() if n > 1]
        assert not duplicates, f"{intent['name']}: duplicate samples {duplicates}"
        for sample in samples:
            assert pattern.match(sample), (
                f"{intent['name']}: {sample!r} has a character Alexa refuses"
            )
            assert not re.search(r"\d", sample), sample
            used = re.findall(r"\{(\w+)\}", sample)
            assert set(used) <= declared, f"{intent['name']}: {sample!r} uses an undeclared slot"
            assert len(used) == len(set(used)), f"{sample!r} repeats a slot"
            assert sample.strip() == sample and "  " not in sample
            assert len(sample) <= models.MAX_SAMPLE_CHARS, sample
            assert not re.search(r"\}\s*\{", sample), f"{sample!r}: slots side by side"
            assert lm["invocationName"] not in sample, f"{sample!r} has the invocation name"
            other = owner.setdefault(sample, intent["name"])
            assert other == intent["name"], f"{sample!r} is in {other} and {intent['name']}"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_model_is_within_alexas_limits(locale: str) -> None:
    text = models.model_path(locale).read_text(encoding="utf-8")
    assert len(text) <= models.MAX_MODEL_CHARS
    lm = language(locale)
    for intent in lm["intents"]:
        assert len(intent.get("samples", [])) <= models.MAX_SAMPLES_PER_INTENT, intent["name"]
    values = [
        phrase
        for slot_type in lm["types"]
        for value in slot_type["values"]
        for phrase in (value["name"]["value"], *value["name"].get("synonyms", []))
    ]
    assert len(values) <= models.MAX_SLOT_VALUES
    assert all(len(phrase) <= models.MAX_SLOT_VALUE_CHARS for phrase in values)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_request_belongs_to_two_intents_even_worded_differently(locale: str) -> None:
    # "what's next" and "what is next" are the same request to Alexa's matcher
    owner: dict[str, str] = {}
    for intent in language(locale)["intents"]:
        for sample in intent.get("samples", []):
            key = models.canonical_sample(sample, language_of(locale))
            assert owner.setdefault(key, intent["name"]) == intent["name"], (
                f"{sample!r} ({intent['name']}) is {owner[key]}'s {key!r}"
            )


@pytest.mark.parametrize("locale", LOCALES)
def test_custom_intents_have_rich_samples(locale: str) -> None:
    counts = {i["name"]: len(i.get("samples", [])) for i in language(locale)["intents"]}
    for intent, minimum in models.MIN_SAMPLES.items():
        assert counts[intent] >= minimum, f"{intent}: {counts[intent]} samples, want {minimum}"
    assert set(models.MIN_SAMPLES) == set(models.CUSTOM_INTENTS)
    for core in ("HowMuchIntent", "ScaleIntent", "TemperatureIntent", "HowLongIntent"):
        assert models.MIN_SAMPLES[core] >= 30


@pytest.mark.parametrize("locale", ["de-DE", "de-AT"])
def test_the_german_cooking_phrasings_of_the_built_in_intents_are_there(locale: str) -> None:
    samples = {i["name"]: set(i.get("samples", [])) for i in language(locale)["intents"]}
    expected = {
        "AMAZON.NextIntent": {"fertig", "erledigt", "der nächste schritt", "bin fertig"},
        "AMAZON.RepeatIntent": {"bitte was", "kannst du das noch mal sagen"},
        "AMAZON.PreviousIntent": {"einen schritt zurück", "geh zurück"},
        "AMAZON.PauseIntent": {"einen moment", "augenblick mal"},
    }
    for intent, phrases in expected.items():
        assert phrases <= samples[intent], f"{intent} lacks {phrases - samples[intent]}"


@pytest.mark.parametrize("locale", ENGLISH)
def test_the_cooking_phrasings_of_the_built_in_intents_are_there(locale: str) -> None:
    samples = {i["name"]: set(i.get("samples", [])) for i in language(locale)["intents"]}
    expected = {
        "AMAZON.NextIntent": {"done", "i did that", "finished", "ok what's next", "next step",
                              "go on", "ready", "and then"},
        "AMAZON.RepeatIntent": {"say that again", "what did you say", "come again"},
        "AMAZON.PreviousIntent": {"go back", "previous step", "back up"},
        "AMAZON.PauseIntent": {"wait", "hold on"},
        "AMAZON.StartOverIntent": {"start from the beginning"},
    }  # fmt: skip
    for intent, phrases in expected.items():
        assert phrases <= samples[intent], f"{intent} lacks {phrases - samples[intent]}"


def test_the_brief_carrier_phrases_are_samples() -> None:
    samples = {i["name"]: set(i.get("samples", [])) for i in language("en-US")["intents"]}
    expected = {
        "HowMuchIntent": [
            # "how many tablespoons of miso" carries the unit (issue 10): tablespoons is a UNIT
            "how much {ingredient} do i need", "how many {unit} of {ingredient}",
            "how much {ingredient} in {unit}", "what amount of {ingredient}",
            "how much {ingredient} goes in the {component}",
            "how much {ingredient} for the {component}", "how much {ingredient} in the {component}",
            "quantity of {ingredient}", "{ingredient} how much",
            "remind me how much {ingredient}", "wait how much {ingredient} was it",
        ],
        "ScaleIntent": ["i'm cooking for {servings}", "we're {servings} people",
                        "make it for {servings}", "{multiplier} it", "{multiplier} the recipe"],
        "UnitsIntent": ["use {system}", "{system} please"],
        "TemperatureIntent": ["in {scale}", "what's the oven temperature", "how hot",
                              "what temperature in {scale}"],
        "HowLongIntent": ["how long does it {action}", "how long do i {action} it",
                          "how long for the {action}"],
        "GoToStepIntent": ["skip to step {number}", "go to step {number} of the {component}"],
        "FindStepIntent": ["go to the {action} step", "which step uses the {ingredient}",
                           "when do i add the {ingredient}"],
        "StartCookingIntent": ["let's make the {component}"],
    }  # fmt: skip
    for intent, phrases in expected.items():
        missing = set(phrases) - samples[intent]
        assert not missing, f"{intent} lacks {missing}"
    units = {t["name"]: t["values"] for t in language("en-US")["types"]}["UNIT"]
    heard = {p for v in units for p in (v["name"]["value"], *v["name"].get("synonyms", []))}
    assert {"tablespoons", "teaspoons", "grams", "cups", "ounces"} <= heard


@pytest.mark.parametrize("locale", ["de-DE", "de-AT"])
def test_the_german_invocation_name_meets_alexas_requirements(locale: str) -> None:
    # one word only as a compound of real German words (German skills only); no launch or
    # connecting word a German cook says around it, no wake word
    name = language(locale)["invocationName"]
    assert name == "kochbegleiter"
    assert re.fullmatch(r"[a-zäöüß ]+", name), "lower-case letters and spaces only"
    assert name == "koch" + "begleiter", "a compound of two real words"
    words = set(name.split())
    assert not {"alexa", "amazon", "echo", "skill", "app"} & words
    launch = {"öffne", "starte", "frag", "frage", "sag", "sage", "lade", "benutze", "spiele"}
    connecting = {"mit", "nach", "von", "vom", "ob", "dass", "für", "und", "der", "die", "das"}
    assert not (launch | connecting) & words


@pytest.mark.parametrize("locale", ENGLISH)
def test_invocation_name_meets_alexas_requirements(locale: str) -> None:
    name = language(locale)["invocationName"]
    words = name.split()
    assert name == "cook along"
    assert len(words) >= 2, "two or more words"
    assert re.fullmatch(r"[a-z ]+", name), "lower-case letters and spaces only"
    forbidden = {"alexa", "amazon", "echo", "skill", "app", "computer"}
    assert not forbidden & set(words)
    launch = {"launch", "ask", "tell", "open", "load", "begin", "enable", "start", "run", "use",
              "play", "resume"}  # fmt: skip
    assert not launch & set(words), "no launch phrase"
    connecting = {"to", "from", "in", "using", "with", "about", "for", "that", "by", "if", "and",
                  "whether", "the", "a", "an", "of", "on"}  # fmt: skip
    assert words[0] not in connecting and words[-1] not in connecting


@pytest.mark.parametrize("locale", LOCALES)
def test_slot_values_cover_every_name_the_recipe_uses(locale: str) -> None:
    types = {t["name"]: t["values"] for t in language(locale)["types"]}

    def heard(type_name: str) -> dict[str, set[str]]:
        """value id -> every phrase that resolves to it"""
        return {
            value["id"]: {value["name"]["value"], *value["name"].get("synonyms", [])}
            for value in types[type_name]
        }

    ingredients, components = heard("INGREDIENT"), heard("COMPONENT")
    actions, topics = heard("STEP_ACTION"), heard("TIP_TOPIC")
    tongue = language_of(locale)

    class models:
        @staticmethod
        def speakable(text: str) -> str:
            return speakable(text, tongue)

    by_name = {value["name"]["value"]: value["id"] for value in types["INGREDIENT"]}
    for recipe in shipped_recipes().values():
        if recipe.language != tongue:
            continue  # a model has the recipes of its language only
        for component in recipe.components:
            assert models.speakable(component.name) in components[component.id]
            for synonym in component.synonyms:
                assert models.speakable(synonym) in components[component.id], synonym
            for ingredient in component.ingredients:
                # twin lines of one name ("plain flour" twice) are one value
                own = (
                    ingredients.get(ingredient.key)
                    or ingredients[by_name[models.speakable(ingredient.name)]]
                )
                for word in (ingredient.name, *ingredient.synonyms):
                    said = models.speakable(word)
                    # a word another recipe's ingredient is called ("salt") means that value;
                    # the handlers match it against the recipe being cooked
                    assert said in own or said in by_name, f"{ingredient.id}: {word!r}"
            for step in component.steps:
                for action in step.actions:
                    assert models.speakable(action) in actions
        named = {phrase for phrases in ingredients.values() for phrase in phrases}
        for tip in recipe.tips:
            for keyword in tip.keywords:
                if models.speakable(keyword) in named:
                    # an ingredient's name means the ingredient ("what about the salt")
                    assert models.speakable(keyword) not in topics[tip.id], keyword
                    continue
                assert models.speakable(keyword) in topics[tip.id], f"{tip.id}: {keyword!r}"


@pytest.mark.parametrize(
    ("locale", "maple_name"), [("en-US", "maple syrup"), ("de-DE", "ahornsirup")]
)
def test_one_value_per_ingredient_key_with_stable_ids(locale: str, maple_name: str) -> None:
    # each language's model holds its own recipes' ingredients (two German recipes may both
    # have "Zwiebel": one value, as two English recipes with "salt")
    lang = locale.split("-")[0]
    values = {t["name"]: t["values"] for t in language(locale)["types"]}["INGREDIENT"]
    ids = [value["id"] for value in values]
    shipped = [
        i
        for r in shipped_recipes().values()
        if r.language == lang
        for c in r.components
        for i in c.ingredients
    ]
    names = {value["name"]["value"] for value in values}
    # maple syrup is in both components: one value; twin lines of one name are one value too
    assert len(ids) == len(set(ids)) and set(ids) <= {i.key for i in shipped}
    assert all(i.key in ids or models.speakable(i.name, lang) in names for i in shipped)
    maple = next(value for value in values if value["id"] == "maple-syrup")
    assert maple["name"]["value"] == maple_name
    names = [value["name"]["value"] for value in values]
    assert len(names) == len(set(names)), "each value has its own name"


@pytest.mark.parametrize("locale", LOCALES)
def test_slot_values_are_speakable(locale: str) -> None:
    for slot_type in language(locale)["types"]:
        for value in slot_type["values"]:
            phrases = [value["name"]["value"], *value["name"].get("synonyms", [])]
            assert value["id"], f"{slot_type['name']}: a value without id"
            assert len(phrases) == len(set(phrases)), f"{value['id']}: a synonym twice"
            word = f"[{letters(language_of(locale))}']+"
            for phrase in phrases:
                assert re.fullmatch(rf"{word}(?: {word})*", phrase), f"{phrase!r}"


def test_fixed_slot_types_have_the_contract_ids() -> None:
    types = {t["name"]: t["values"] for t in language("en-US")["types"]}
    ids = {name: {value["id"] for value in values} for name, values in types.items()}
    assert ids["TEMPERATURE_SCALE"] == {"celsius", "fahrenheit"}
    assert ids["UNIT_SYSTEM"] == {"metric", "us"}
    assert {"2", "3", "1/2"} <= ids["MULTIPLIER"]
    unit_words = {
        value["id"]: {value["name"]["value"], *value["name"].get("synonyms", [])}
        for value in types["UNIT_SYSTEM"]
    }
    assert {"metric", "grams and milliliters", "the metric system"} <= unit_words["metric"]
    assert {"imperial", "us", "american", "cups and spoons", "ounces and pounds"} <= unit_words[
        "us"
    ]
    # a single unit is a UNIT (asked for once, issue 10), never a whole system as well
    units = {p for v in types["UNIT"] for p in (v["name"]["value"], *v["name"].get("synonyms", []))}
    assert not units & (unit_words["metric"] | unit_words["us"])


@pytest.mark.parametrize("locale", ["en-GB", "en-AU", "en-IN"])
def test_grill_locales_say_grill_and_understand_broil(locale: str) -> None:
    lm = language(locale)
    samples = [s for intent in lm["intents"] for s in intent.get("samples", [])]
    assert not any("broil" in sample for sample in samples), "samples say grill here"
    assert "how hot should the grill be" in samples
    # millilitres are a unit value (the samples say "{unit}"): spelt the British way
    units = {v["id"]: v for t in lm["types"] if t["name"] == "UNIT" for v in t["values"]}
    assert units["millilitre"]["name"]["value"] == "millilitres"
    assert not any("milliliters" in sample for sample in samples)
    actions = {v["id"]: v for t in lm["types"] if t["name"] == "STEP_ACTION" for v in t["values"]}
    heard = {
        p for v in actions.values() for p in (v["name"]["value"], *v["name"].get("synonyms", []))
    }
    assert {"broil", "grill"} <= heard


@pytest.mark.parametrize("locale", ["en-US", "en-CA"])
def test_broil_locales_say_broil_and_canada_understands_grill(locale: str) -> None:
    lm = language(locale)
    samples = [s for intent in lm["intents"] for s in intent.get("samples", [])]
    assert "how hot should the broiler be" in samples
    actions = {v["id"] for t in lm["types"] if t["name"] == "STEP_ACTION" for v in t["values"]}
    assert "broil" in actions


def test_locales_differ_only_by_their_words() -> None:
    # one source: strip the locale's substitutions and every model is en-US's
    def shape(locale: str) -> list[tuple[str, int]]:
        return [(i["name"], len(i.get("samples", []))) for i in language(locale)["intents"]]

    for locale in ENGLISH:
        assert shape(locale) == shape("en-US"), locale
    # German: de-AT says das Backrohr and Heißluft, and understands Backofen and Umluft too
    german, austrian = dict(shape("de-DE")), dict(shape("de-AT"))
    assert german.keys() == austrian.keys()
    assert all(austrian[name] >= count for name, count in german.items())
