"""The German pack: amounts, durations, temperatures and names as a German cook hears them."""

from __future__ import annotations

import string
from datetime import timedelta as T
from fractions import Fraction as F

import pytest

from cookalong.kitchen.amounts import Amount
from cookalong.kitchen.temperature import Temperature
from cookalong.recipe.model import OvenSetting
from cookalong.recipe.slots import speakable
from cookalong.speech.lang import pack
from cookalong.speech.lang.de import grammar, heard
from cookalong.speech.voice import voice_for

GERMAN = pack("de")


@pytest.mark.parametrize(
    ("amount", "name", "metric", "said"),
    [
        (Amount(F(2), "tablespoon"), "Ahornsirup", True, "zwei Esslöffel Ahornsirup"),
        (Amount(F(1, 2), "teaspoon"), "Dijon-Senf", True, "ein halber Teelöffel Dijon-Senf"),
        (Amount(F(1, 8), "teaspoon"), "Meersalz", True, "eine Prise Meersalz"),
        (Amount(F(1, 8), "teaspoon"), "Meersalz", False, "ein achtel Teelöffel Meersalz"),
        (Amount(F(3, 2), "pound"), "Schweinebauch", True, "etwa 680 Gramm Schweinebauch"),
        (Amount(F(3, 2), "pound"), "Schweinebauch", False,
         "anderthalb amerikanische Pfund Schweinebauch"),
        (Amount(F(1), "pinch"), "Salz", True, "eine Prise Salz"),
        (Amount(F(4), noun="Tropfen", noun_plural="Tropfen"), "Flüssigrauch", True,
         "vier Tropfen Flüssigrauch"),
        (Amount(F(1), noun="Knoblauchzehe", size="small"), "Knoblauchzehe", True,
         "eine kleine Knoblauchzehe"),
        (Amount(F(2), noun="Knoblauchzehe", size="small"), "Knoblauchzehe", True,
         "zwei kleine Knoblauchzehen"),
        (None, "Pfeffer", True, "etwas Pfeffer"),
    ],
)  # fmt: skip
def test_amounts_as_german_cooks_say_them(amount, name, metric, said):
    assert GERMAN.amount(amount, name, locale="de-DE", metric=metric) == said


def test_an_austrian_teaspoon_is_a_kaffeeloeffel():
    said = GERMAN.amount(Amount(F(1), "teaspoon"), "Limettensaft", locale="de-AT", metric=True)
    assert said == "ein Kaffeelöffel Limettensaft"


@pytest.mark.parametrize(
    ("duration", "said", "dative"),
    [
        (T(minutes=1), "eine Minute", "einer Minute"),
        (T(minutes=15), "fünfzehn Minuten", "fünfzehn Minuten"),
        (T(minutes=30), "eine halbe Stunde", "einer halben Stunde"),
        (T(hours=1), "eine Stunde", "einer Stunde"),
        (T(hours=1, minutes=25), "eine Stunde und 25 Minuten", "einer Stunde und 25 Minuten"),
        (T(hours=1, minutes=30), "anderthalb Stunden", "anderthalb Stunden"),
        (T(hours=2), "zwei Stunden", "zwei Stunden"),
        (T(hours=2, minutes=30), "zweieinhalb Stunden", "zweieinhalb Stunden"),
    ],
)
def test_durations(duration, said, dative):
    assert GERMAN.duration(duration) == said
    assert GERMAN.duration(duration, "dat") == dative


def test_ranges_name_their_unit_once():
    assert GERMAN.duration_range(T(minutes=10), T(minutes=15)) == "zehn bis fünfzehn Minuten"
    assert GERMAN.duration_range(T(hours=1), T(hours=2)) == "ein bis zwei Stunden"
    assert GERMAN.duration_range(T(minutes=90), T(hours=2)) == "anderthalb bis zwei Stunden"


def test_timer_lengths_are_compounds():
    assert GERMAN.duration_adjective(T(hours=2)) == "Zwei-Stunden"
    assert GERMAN.duration_adjective(T(minutes=10)) == "Zehn-Minuten"
    assert GERMAN.duration_adjective(T(hours=1)) == "Ein-Stunden"
    assert GERMAN.duration_adjective(T(hours=1, minutes=25)) is None


def test_temperatures_and_oven_heat():
    assert GERMAN.temperature(Temperature(275, "F"), "C") == "135 Grad"
    assert GERMAN.temperature(Temperature(275, "F"), "F") == "275 Grad Fahrenheit"
    bake = OvenSetting("bake", Temperature(275, "F"), heat="top-bottom")
    assert GERMAN.oven_fields(bake) == {"mode_prep": "bei", "heat": "Ober- und Unterhitze"}
    fan = OvenSetting("bake", Temperature(180, "C"), fan=True)
    assert GERMAN.oven_fields(fan)["heat"] == "Umluft"
    broil = OvenSetting("broil", Temperature(420, "F"), heat="top-bottom")
    assert GERMAN.oven_fields(broil)["heat"] == ""  # the grill is its own element
    austrian = voice_for("de-AT")
    assert austrian.oven_fields(fan)["heat"] == "Heißluft"


@pytest.mark.parametrize(
    ("name", "acc", "bei", "fuer", "zu"),
    [
        ("Schweinebauch", "den Schweinebauch", "beim Schweinebauch", "für den Schweinebauch",
         "zum Schweinebauch"),
        ("Chipotle-Aioli", "die Chipotle-Aioli", "bei der Chipotle-Aioli",
         "für die Chipotle-Aioli", "zur Chipotle-Aioli"),
        ("braune Misopaste", "die braune Misopaste", "bei der braunen Misopaste",
         "für die braune Misopaste", "zur braunen Misopaste"),
        ("chinesisches Fünf-Gewürze-Pulver", "das chinesische Fünf-Gewürze-Pulver",
         "beim chinesischen Fünf-Gewürze-Pulver", "fürs chinesische Fünf-Gewürze-Pulver",
         "zum chinesischen Fünf-Gewürze-Pulver"),
        ("Meersalzflocken", "die Meersalzflocken", "bei den Meersalzflocken",
         "für die Meersalzflocken", "zu den Meersalzflocken"),
        ("Backen", "das Backen", "beim Backen", "fürs Backen", "zum Backen"),
    ],
)  # fmt: skip
def test_names_with_their_article_and_fused_prepositions(name, acc, bei, fuer, zu):
    assert grammar.with_article(name, "acc") == acc
    assert grammar.with_preposition("bei", name) == bei
    assert grammar.with_preposition("fuer", name) == fuer
    assert grammar.with_preposition("zu", name) == zu


def test_template_fields_are_built_from_the_names():
    fields = GERMAN.fields({"part": "Schweinebauch", "label": "Backen", "servings": "acht"})
    assert fields["bei_part"] == "beim Schweinebauch"
    assert fields["fuer_label"] == "fürs Backen"
    assert fields["servings"] == "acht Personen"
    assert GERMAN.fields({"servings": "eins"})["servings"] == "eine Person"


def test_numbers_and_lists():
    assert [GERMAN.number(n) for n in (1, 12, 20, 21, 135)] == [
        "eins",
        "zwölf",
        "zwanzig",
        "21",
        "135",
    ]
    assert GERMAN.number(F(3, 2)) == "anderthalb"
    assert GERMAN.number(F(5, 2)) == "zweieinhalb"
    assert GERMAN.number(F(27, 20)) == "1,35"
    assert grammar.cardinal(135) == "einhundertfünfunddreißig"
    assert grammar.cardinal(21) == "einundzwanzig"
    assert GERMAN.join(["Misopaste", "Ahornsirup", "Fünf-Gewürze-Pulver"], "und") == (
        "Misopaste, Ahornsirup und Fünf-Gewürze-Pulver"
    )


def test_words_heard_as_alexa_reads_them():
    assert heard.number(["fünfundzwanzig"]) == 25
    assert heard.number(["acht"]) == 8
    assert heard.ordinal(["dritten"]) == 3
    assert heard.ordinal(["3."]) == 3
    assert heard.duration(["zehn", "minuten"]) == "PT10M"
    assert heard.duration(["eine", "halbe", "stunde"]) == "PT30M"
    assert heard.duration(["anderthalb", "stunden"]) == "PT1H30M"
    assert heard.duration(["zwei", "stunden", "und", "fünfzehn", "minuten"]) == "PT2H15M"
    assert heard.duration(["das", "backen"]) is None


def test_slot_values_keep_german_letters():
    assert speakable("Sesamöl", "de") == "sesamöl"
    assert speakable("Chipotle-Chilis in Adobo-Soße", "de") == "chipotle chilis in adobo soße"
    assert speakable("5 Gewürze", "de") == "fünf gewürze"
    assert speakable("Sesamöl") == "sesamol"  # English folds accents, as before


def test_a_printed_german_step_is_said_in_words():
    said = GERMAN.recipe_text("Bei 180 °C Ober-/Unterhitze ca. 10-15 Min. backen, 1 EL Öl.")
    assert (
        said == "Bei 180 Grad Ober- und Unterhitze etwa 10 bis 15 Minuten backen, 1 Esslöffel Öl."
    )


def test_units_heard_in_german():
    assert GERMAN.heard_unit("in Esslöffeln") == "tablespoon"
    assert GERMAN.leading_unit("Gramm Meersalzflocken") == ("gram", "Meersalzflocken")
    assert GERMAN.heard_system("metrisch bitte") == "metric"
    assert GERMAN.heard_system("in Tassen") == "us"


def _fields(value) -> set[str]:
    templates = value if isinstance(value, list) else [value]
    return {f for t in templates for _, f, _, _ in string.Formatter().parse(t) if f}


def test_every_german_field_is_one_the_code_fills():
    # a German template may name an English field with its article or preposition
    # ({part_acc}, {bei_part}) or a value the German voice adds; nothing else (a KeyError
    # at run time would be a crash behind a polite reply)
    german, english = voice_for("de-DE").messages, voice_for("en-US").messages
    added = {"elapsed_dat", "mode_prep", "heat"}
    clock = {"label", "clock_part", "doing", "elapsed", "left", "left_high", "left_range"}
    prepositions = set(grammar._PREPOSITIONS)
    unknown = []
    for key, value in german.items():
        known = _fields(english[key]) | clock
        for field in _fields(value) - known - added:
            base, _, case = field.rpartition("_")
            first, _, rest = field.partition("_")
            if not (
                (case in ("nom", "acc", "dat") and base in known)
                or (first in prepositions and rest in known)
            ):
                unknown.append(f"{key}: {{{field}}}")
    assert unknown == []
