"""A German page (chefkoch.de, trimmed of scripts and styles) read with the German pack's rules."""

from __future__ import annotations

from tests.importer.importer_helpers import by_text, imported, step_saying
from tools.importer.lines_de import read_german_line, rules
from tools.importer.steps import read_step
from tools.importer.words import GERMAN

PAGE = "chefkoch.html"


def test_the_title_keeps_the_capitals_the_page_writes() -> None:
    data, _, _ = imported(PAGE)
    assert data["language"] == "de"
    assert data["title"] == "Hackbraten supersaftig"
    assert data["short_title"] == "Hackbraten supersaftig"


def test_a_size_word_is_the_amount_s_size_not_the_name() -> None:
    data, _, _ = imported(PAGE)
    onion = by_text(data, "2 kleine Zwiebel(n)")
    assert onion["name"] == "Zwiebel"
    assert onion["amount"] == {
        "value": "2",
        "noun": "Zwiebel",
        "noun_plural": "Zwiebeln",
        "size": "small",
    }
    assert "Zwiebeln" in onion["synonyms"]
    eggs = by_text(data, "2 kleine Ei(er)")
    assert eggs["name"] == "Ei"
    assert eggs["amount"]["noun_plural"] == "Eier"
    assert "comment" not in eggs  # "(er)" is the plural, no comment


def test_an_abbreviated_size_and_a_counted_measure() -> None:
    data, _, _ = imported(PAGE)
    parsley = by_text(data, "1 kl. Bund Petersilie")
    assert parsley["name"] == "Petersilie"
    assert parsley["amount"] == {
        "value": "1",
        "noun": "Bund",
        "noun_plural": "Bund",
        "size": "small",
    }


def test_a_plural_mark_and_a_comment_after_the_comma() -> None:
    data, _, _ = imported(PAGE)
    roll = by_text(data, "1 ½ Semmel(n) , altbacken")
    assert roll["name"] == "Semmel"
    assert roll["amount"]["value"] == "1 1/2"
    assert roll["amount"]["noun_plural"] == "Semmeln"
    assert roll["comment"] == "altbacken"
    mince = by_text(data, "600 g Hackfleisch, gemischt")
    assert (mince["name"], mince["amount"]["unit"], mince["comment"]) == (
        "Hackfleisch",
        "gram",
        "gemischt",
    )


def test_what_the_line_is_for_is_a_comment_and_two_joined_names_are_each_an_alias() -> None:
    data, _, _ = imported(PAGE)
    fat = by_text(data, "Fett für die Form")
    assert fat["name"] == "Fett" and fat["comment"] == "für die Form"
    assert "synonyms" not in fat  # never "die Form"
    seasoning = by_text(data, "Salz und Pfeffer, schwarzer")
    assert seasoning["name"] == "Salz und Pfeffer"
    assert seasoning["synonyms"] == ["Salz", "Pfeffer"]


def test_ingredients_are_found_in_the_steps_by_their_plurals() -> None:
    data, _, _ = imported(PAGE)
    first = step_saying(data, "Die Semmeln in Scheiben schneiden")
    assert {"semmel", "gewurzgurke", "zwiebel"} <= set(first["ingredients"])


def test_the_oven_and_the_times_of_the_german_steps() -> None:
    data, _, _ = imported(PAGE)
    baking = step_saying(data, "Umluft 180 °C")
    assert baking["oven"] == {"mode": "convection bake", "degrees": 180, "scale": "C", "fan": True}
    assert baking["durations"] == [{"min": "PT30M", "label": "backen"}]
    assert baking["passive"] is True
    sauce = step_saying(data, "weitere 10 - 15 Minuten garen")
    assert sauce["durations"] == [{"min": "PT10M", "max": "PT15M", "label": "garen"}]


def test_lines_of_other_german_pages() -> None:
    data = rules("de")
    assert data is not None
    garlic = read_german_line("3 mittelgroße Knoblauchzehen, frisch", GERMAN, data)
    assert garlic is not None and garlic.name == "Knoblauchzehe"
    assert garlic.amount is not None and garlic.amount.size == "medium"
    assert garlic.comment == "frisch"
    pepper = read_german_line("1 Msp. Cayennepfeffer", GERMAN, data)
    assert pepper is not None and pepper.name == "Cayennepfeffer"
    assert pepper.amount is not None and pepper.amount.noun == "Messerspitze"
    ginger = read_german_line("1 kleines Stück Ingwer", GERMAN, data)
    assert ginger is not None and ginger.name == "Ingwer"
    assert ginger.amount is not None and (ginger.amount.noun, ginger.amount.size) == (
        "Stück",
        "small",
    )
    salt = read_german_line("etwas Salz", GERMAN, data)
    assert salt is not None and salt.name == "Salz" and salt.amount is None
    assert salt.comment == "etwas"


def test_german_step_facts_said_in_words_and_waits() -> None:
    warm = read_step(
        "Das Fleisch ca. eine halbe Stunde vorher herausnehmen.", GERMAN, default_scale="C"
    )
    assert warm.durations == [{"min": "PT30M"}]
    swell = read_step(
        "Mit Wasser übergießen und 10 Minuten quellen lassen.", GERMAN, default_scale="C"
    )
    assert swell.durations == [{"min": "PT10M", "label": "quellen"}]
    assert swell.passive
    chill = read_step("Den Kuchen 2 Stunden kühl stellen.", GERMAN, default_scale="C")
    assert chill.durations == [{"min": "PT2H", "label": "kühl stellen"}] and chill.passive
    oven = read_step(
        "Den Backofen auf 180 °C Ober-/Unterhitze vorheizen.", GERMAN, default_scale="C"
    )
    assert oven.oven == {"mode": "preheat", "degrees": 180, "scale": "C", "heat": "top-bottom"}
    fan = read_step("Bei Umluft 160 Grad ca. 45 Min. backen.", GERMAN, default_scale="C")
    assert fan.oven == {"mode": "convection bake", "degrees": 160, "scale": "C", "fan": True}
    assert fan.durations == [{"min": "PT45M", "label": "backen"}] and fan.passive
