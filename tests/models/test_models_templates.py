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
