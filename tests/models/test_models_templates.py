"""The sample template language and the generator's refusals."""

from __future__ import annotations

import pytest

from tools import models


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("how much {ingredient}", ["how much {ingredient}"]),
        ("how (much|many) salt", ["how much salt", "how many salt"]),
        ("how much [of the] salt", ["how much of the salt", "how much salt"]),
        ("[a|b] c", ["a c", "b c", "c"]),
        ("(go (back|on)|stay)", ["go back", "go on", "stay"]),
        ("(x|) y", ["x y", "y"]),
        ("a  [b]  c", ["a b c", "a c"]),
    ],
)
def test_templates_expand_to_every_phrasing(template: str, expected: list[str]) -> None:
    # given a template, when it is expanded, then every phrasing appears once, in order
    assert models.expand(template) == expected


@pytest.mark.parametrize("template", ["(a|b", "a]", "a|b", "[a)", "((a)"])
def test_broken_templates_are_refused_clearly(template: str) -> None:
    with pytest.raises(models.ModelError):
        models.expand(template)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Chinese five spice", "chinese five spice"),
        ("5 spice", "five spice"),
        ("store-bought mayonnaise", "store bought mayonnaise"),
        ("purée", "puree"),
        ("salt & pepper", "salt and pepper"),
        ("crackling rule one: oil the skin", "crackling rule one oil the skin"),
        ("24 hours", "twenty four hours"),
        ("Maldon salt", "maldon salt"),
    ],
)
def test_slot_values_are_written_the_way_alexa_hears_them(text: str, spoken: str) -> None:
    assert models.speakable(text) == spoken


def test_contractions_and_ignored_words_make_the_same_request() -> None:
    assert models.canonical_sample("what's next") == models.canonical_sample("what is next")
    assert models.canonical_sample("grams please") == "grams"
    assert models.canonical_sample("okay what now") == models.canonical_sample("ok what now")


def test_a_sample_with_a_digit_or_an_undeclared_slot_is_refused(tmp_path, monkeypatch) -> None:
    # given a locale whose templates break Alexa's rules
    folder = tmp_path / "en"
    folder.mkdir()
    (tmp_path / "locales.json").write_text(
        '{"locales": {"en-US": {"samples": ["en"], "words": {}, "understands": {}}}}'
    )
    (tmp_path / "amazon_builtins.json").write_text('{"intents": {}}')
    monkeypatch.setattr(models, "SAMPLES_DIR", tmp_path)
    models.locale_spec.cache_clear()
    models.builtin_phrases.cache_clear()
    try:
        for bad, message in [
            ("go to step 4", "numbers as words"),
            ("how much {colour}", "not declared"),
            ("how much salt?", "only lower-case"),
        ]:
            (folder / "HowMuchIntent.txt").write_text(bad + "\n")
            # when the samples are generated, then the file and line are named
            with pytest.raises(models.ModelError, match=message) as error:
                models.samples_for("en-US")
            assert "HowMuchIntent.txt:1" in str(error.value)
        # and one request in two intents is refused
        (folder / "HowMuchIntent.txt").write_text("what's next\n")
        (folder / "AMAZON.NextIntent.txt").write_text("what is next\n")
        with pytest.raises(models.ModelError, match=r"AMAZON\.NextIntent"):
            models.samples_for("en-US")
        # and a file for an intent the contract does not have
        (folder / "AMAZON.NextIntent.txt").unlink()
        (folder / "DanceIntent.txt").write_text("dance\n")
        with pytest.raises(models.ModelError, match="DanceIntent"):
            models.samples_for("en-US")
    finally:
        models.locale_spec.cache_clear()
        models.builtin_phrases.cache_clear()


def test_a_sample_claiming_an_alexa_built_in_phrase_for_another_intent_is_refused(
    tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "en"
    folder.mkdir()
    (tmp_path / "locales.json").write_text(
        '{"locales": {"en-US": {"samples": ["en"], "words": {}, "understands": {}}}}'
    )
    (tmp_path / "amazon_builtins.json").write_text('{"intents": {"AMAZON.StopIntent": ["stop"]}}')
    (folder / "AMAZON.NextIntent.txt").write_text("stop\n")
    monkeypatch.setattr(models, "SAMPLES_DIR", tmp_path)
    models.locale_spec.cache_clear()
    models.builtin_phrases.cache_clear()
    try:
        with pytest.raises(models.ModelError, match=r"built-in AMAZON\.StopIntent"):
            models.samples_for("en-US")
    finally:
        models.locale_spec.cache_clear()
        models.builtin_phrases.cache_clear()


def test_check_mode_reports_a_stale_model(tmp_path, monkeypatch, capsys) -> None:
    # given committed models copied aside, one of them edited by hand
    for locale in models.LOCALES:
        (tmp_path / f"{locale}.json").write_text(models.model_path(locale).read_text())
    edited = tmp_path / "en-GB.json"
    edited.write_text(edited.read_text().replace('"cook along"', '"cook alone"'))
    monkeypatch.setattr(models, "MODEL_DIR", tmp_path)
    monkeypatch.setattr(models, "ROOT", tmp_path)
    # when `python -m tools.models --check` runs, then it fails naming the stale file only
    assert models.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert "en-GB.json is stale" in out and "en-US" not in out
    # and regenerating fixes it, after which the check passes
    assert models.main([]) == 0
    assert models.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("how much {ingredient}{component}", "side by side"),
        ("how much {ingredient} {component}", "side by side"),
        ("ask cook along how much {ingredient}", "invocation name"),
        ("how much " + "very " * 40 + "{ingredient}", "longer than 200"),
    ],
)
def test_a_sample_alexa_would_refuse_is_refused(tmp_path, monkeypatch, bad, message) -> None:
    # given a template that breaks one of Alexa's rules for samples
    folder = tmp_path / "en"
    folder.mkdir()
    (tmp_path / "locales.json").write_text(
        '{"locales": {"en-US": {"samples": ["en"], "words": {}, "understands": {}}}}'
    )
    (tmp_path / "amazon_builtins.json").write_text('{"intents": {}}')
    (folder / "HowMuchIntent.txt").write_text(bad + "\n")
    monkeypatch.setattr(models, "SAMPLES_DIR", tmp_path)
    models.locale_spec.cache_clear()
    models.builtin_phrases.cache_clear()
    try:
        # when the samples are generated, then the file and line and the rule are named
        with pytest.raises(models.ModelError, match=message) as error:
            models.samples_for("en-US")
        assert "HowMuchIntent.txt:1" in str(error.value)
    finally:
        models.locale_spec.cache_clear()
        models.builtin_phrases.cache_clear()


def test_a_template_that_expands_past_the_guard_is_refused(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "en"
    folder.mkdir()
    (tmp_path / "locales.json").write_text(
        '{"locales": {"en-US": {"samples": ["en"], "words": {}, "understands": {}}}}'
    )
    (tmp_path / "amazon_builtins.json").write_text('{"intents": {}}')
    words = "(a|b|c|d|e|f|g|h|i|j|k|l)"
    (folder / "HowMuchIntent.txt").write_text(f"{words} {words} {words} {{ingredient}}\n")
    monkeypatch.setattr(models, "SAMPLES_DIR", tmp_path)
    models.locale_spec.cache_clear()
    models.builtin_phrases.cache_clear()
    try:
        with pytest.raises(models.ModelError, match="HowMuchIntent: 1728 samples"):
            models.samples_for("en-US")
    finally:
        models.locale_spec.cache_clear()
        models.builtin_phrases.cache_clear()


def test_a_slot_value_longer_than_alexa_takes_is_refused() -> None:
    types = [{"name": "INGREDIENT", "values": [{"id": "x", "name": {"value": "salt " * 30}}]}]
    with pytest.raises(models.ModelError, match="longer than 140"):
        models._check_slot_limits(types)


@pytest.mark.parametrize(
    ("action", "third", "past"),
    [("bake", "bakes", "baked"), ("rest", "rests", "rested"), ("mix", "mixes", "mixed"),
     ("dry", "dries", "dried"), ("rub", "rubs", "rubbed"), ("sit", "sits", "sat"),
     ("heat the oven", "heats the oven", "heated the oven"), ("fridge", None, None)],
)  # fmt: skip
def test_actions_are_heard_in_every_form_a_cook_says_them(action, third, past) -> None:
    # "while it bakes", "when it's baked"
    assert models.third_person(action) == third
    assert models.past_participle(action) == past
