"""Real saved pages imported: each page's own facts come out as the skill's structure.

The expectations are what the pages say (their ingredient lines and steps, quoted in the
tests), not what the importer happens to produce.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from cookalong.kitchen.amounts import parse_amount
from tests.importer.importer_helpers import (
    by_text,
    fixture,
    imported,
    ingredients,
    step_saying,
    steps,
)
from tools.importer.__main__ import import_page


def test_garlic_butter_shrimp_reads_the_pages_ingredients_and_steps() -> None:
    # given acouplecooks' garlic butter shrimp, whose site scraper no longer finds the
    # ingredients in the page's markup (the page's schema.org Recipe still has them)
    data, page, _ = imported("acouplecooks.html")
    # then all six ingredient lines and five steps are read, in one component
    assert page.read_from["ingredients"] == "schema.org"
    assert len(ingredients(data)) == 6 and len(steps(data)) == 5
    assert [c["name"] for c in data["components"]] == ["garlic butter shrimp"]
    # and the title a cook says drops the claim in brackets
    assert data["title"] == "Garlic Butter Shrimp (Fast & Easy Dinner!)"
    assert data["short_title"] == "garlic butter shrimp"
    assert data["id"] == "garlic-butter-shrimp"
    assert data["language"] == "en" and data["servings"] == 4
    assert data["url"] == "https://www.acouplecooks.com/garlic-butter-shrimp/"
    assert (data["prep_time"], data["cook_time"], data["total_time"]) == ("PT5M", "PT3M", "PT8M")
    assert data["nutrition"]["calories"] == "176"


def test_garlic_butter_shrimp_amounts_names_and_preparation() -> None:
    data, _, _ = imported("acouplecooks.html")
    shrimp = by_text(data, "1 pound large shrimp, deveined (peeled or unpeeled)")
    assert shrimp["amount"] == {"value": "1", "unit": "pound"}
    assert shrimp["name"] == "large shrimp" and "shrimp" in shrimp["synonyms"]
    assert shrimp["preparation"] == "deveined" and shrimp["comment"] == "peeled or unpeeled"
    garlic = by_text(data, "3 garlic cloves")
    assert garlic["amount"] == {"value": "3", "noun": "garlic clove"}
    assert "garlic" in garlic["synonyms"]
    assert by_text(data, "1/2 teaspoon kosher salt")["amount"] == {
        "value": "1/2",
        "unit": "teaspoon",
    }
    garnish = by_text(data, "Fresh cilantro or parsley, for garnish")
    assert "amount" not in garnish and garnish["comment"] == "for garnish"
    assert {"cilantro", "parsley"} <= set(garnish["synonyms"])


def test_garlic_butter_shrimp_steps_times_and_links() -> None:
    data, _, _ = imported("acouplecooks.html")
    cook = step_saying(data, "Cook the shrimp for 1 to 2 minutes per side")
    assert cook["durations"] == [
        {"min": "PT1M", "max": "PT2M", "label": "cook", "until": "opaque and cooked through"}
    ]
    assert cook["ingredients"] == ["large-shrimp", "butter"]
    assert "large skillet" in cook["equipment"] and "cook" in cook["actions"]
    mix = step_saying(data, "mix the shrimp with the garlic and salt")
    assert mix["ingredients"] == ["large-shrimp", "garlic-clove", "kosher-salt"]
    # the garnish is named by no step: it goes with the serving step
    serve = step_saying(data, "serve immediately")
    assert serve["ingredients"] == ["lemon-wedge", "fresh-cilantro-or-parsley"]
    assert all("oven" not in s and "in_oven" not in s for s in steps(data))


def test_a_json_ld_file_is_read_like_the_page() -> None:
    # given the same recipe's schema.org JSON-LD, saved on its own
    data, _, _ = import_page(str(fixture("garlic-butter-shrimp.jsonld")))
    page_data, _, _ = imported("acouplecooks.html")
    # then the same ingredients and steps come out
    assert [i["text"] for i in ingredients(data)] == [i["text"] for i in ingredients(page_data)]
    assert [s["text"] for s in steps(data)] == [s["text"] for s in steps(page_data)]


def test_brownies_a_british_oven_with_three_scales_and_a_bake() -> None:
    data, _, _ = imported("jamieoliver.html")
    preheat = step_saying(data, "Preheat the oven to 180°C/350°F/gas 4.")
    assert preheat["oven"] == {"mode": "preheat", "degrees": 180, "scale": "C", "gas_mark": 4}
    bake = step_saying(data, "place in the oven for around 25 minutes")
    assert bake["durations"] == [{"min": "PT25M", "label": "bake"}]
    assert bake["passive"] is True and bake["in_oven"] is True
    eggs = by_text(data, "4 large free-range eggs")
    assert eggs["name"] == "egg"  # "free-range" praises what to buy; a cook says "egg"
    assert eggs["amount"] == {"value": "4", "noun": "egg", "size": "large"}
    assert by_text(data, "200 g quality dark chocolate (70%)")["amount"] == {
        "value": "200",
        "unit": "gram",
    }
    assert data["servings"] == 20


def test_pork_steak_bake_an_oven_without_a_scale_and_abbreviations() -> None:
    data, _, _ = imported("cookeatshare.html")
    bake = step_saying(data, "bake in 350 degree oven for 1 hour")
    assert bake["oven"] == {"mode": "bake", "degrees": 350, "scale": "F"}
    assert bake["durations"][0] == {"min": "PT1H", "label": "bake"}
    assert bake["in_oven"] is True and bake["passive"] is True
    potatoes = by_text(data, '4 med. potatoes, pared & cut lengthwise, in 1/4" slices')
    assert potatoes["amount"] == {"value": "4", "noun": "potato", "size": "medium"}
    assert by_text(data, "1/2 c. water")["amount"] == {"value": "1/2", "unit": "cup"}
    assert by_text(data, "2 tbsp. soy sauce")["amount"] == {"value": "2", "unit": "tablespoon"}


def test_crab_cake_bites_unicode_fractions_a_range_and_a_star_of_degrees() -> None:
    data, _, _ = imported("littlespicejar.html")
    assert step_saying(data, "preheat the oven to 400ºF")["oven"] == {
        "mode": "preheat",
        "degrees": 400,
        "scale": "F",
    }
    bake = step_saying(data, "14-18 minutes")
    assert bake["durations"] == [  # "…until the edges begin to turn golden, 14-18 minutes"
        {"min": "PT14M", "max": "PT18M", "label": "bake", "until": "the edges begin to turn golden"}
    ]
    cheese = by_text(data, "¾ brick (6 ounces) cream cheese, softened to room temp")
    assert parse_amount("¾ brick").value == Fraction(cheese["amount"]["value"])
    assert by_text(data, "½ cup parmesan cheese (shredded or grated)")["amount"] == {
        "value": "1/2",
        "unit": "cup",
    }


def test_chicken_strips_oil_temperature_is_no_oven_and_twin_lines_get_their_own_ids() -> None:
    data, _, _ = imported("kennymcgovern.html")
    # "Heat oil for deep frying to around 180c" is the oil's temperature, not the oven's
    assert all("oven" not in s for s in steps(data))
    fry = step_saying(data, "fry for around 6 minutes")
    assert fry["durations"][0]["min"] == "PT6M" and fry["durations"][0]["label"] == "fry"
    # the page lists "4 tablespoons plain flour" twice (the breading and the seasoned flour)
    ids = [i["id"] for i in ingredients(data)]
    assert len(ids) == len(set(ids))
    flours = [i for i in ingredients(data) if i["text"] == "4 tablespoons plain flour"]
    assert [f["id"] for f in flours] == ["plain-flour", "plain-flour-2"]
    assert by_text(data, "Pinch black pepper")["amount"] == {"value": "1", "unit": "pinch"}
    # the first step that names them uses the first lines, the seasoned flour the second
    breading = step_saying(data, "In a large bowl, add panko breadcrumbs, plain flour")
    assert {"plain-flour", "sea-salt", "black-pepper"} <= set(breading["ingredients"])
    assert not {"plain-flour-2", "sea-salt-2"} & set(breading["ingredients"])
    mix = step_saying(data, "On a plate, mix plain flour, sea salt & black pepper.")
    assert mix["ingredients"] == ["plain-flour-2", "sea-salt-2", "black-pepper-2"]
    # "can be refrigerated for up to 24 hours" says how long they keep: no wait
    assert "durations" not in step_saying(data, "Cut the chicken into 6-7 strips.")


@pytest.mark.parametrize(
    "page",
    [
        "acouplecooks.html",
        "jamieoliver.html",
        "cookeatshare.html",
        "littlespicejar.html",
        "fifteenspatulas.html",
        "bakingmischeif.html",
    ],
)
def test_every_imported_step_has_actions_and_every_amount_agrees_with_its_line(page: str) -> None:
    data, _, _ = imported(page)
    for step in steps(data):
        assert step["actions"], step["text"]
    for item in ingredients(data):
        if "amount" in item and item["text"][:1].isdigit():
            assert item["text"].startswith(item["amount"]["value"].split()[0]), item


def test_fixtures_are_small_real_pages() -> None:
    # the saved pages are copied as they are (the import cares about real markup)
    folder = fixture("")
    sizes = {p.name: p.stat().st_size for p in Path(folder).glob("*.html")}
    assert sizes and all(size < 400_000 for size in sizes.values()), sizes


def test_creme_brulee_waits_in_the_fridge_ranges_and_cues() -> None:
    data, _, _ = imported("fifteenspatulas.html")
    # "let it sit in the fridge for 2 hours": a chill, a wait
    infuse = step_saying(data, "let it sit in the fridge for 2 hours")
    assert infuse["durations"] == [{"min": "PT2H", "label": "chill"}] and infuse["passive"]
    assert step_saying(data, "Preheat the oven to 300 degrees F.")["oven"] == {
        "mode": "preheat",
        "degrees": 300,
        "scale": "F",
    }
    # "Bake for 35-40 minutes, until the creme brulees jiggle slightly … refrigerate until
    # they firm up, 4-6 hours": the bake and the chill, each with its cue
    bake = step_saying(data, "Bake for 35-40 minutes")
    assert bake["durations"] == [
        {
            "min": "PT35M",
            "max": "PT40M",
            "label": "bake",
            "until": "the creme brulees jiggle slightly when shaken",
        },
        {"min": "PT4H", "max": "PT6H", "label": "chill", "until": "they firm up"},
    ]
    assert bake["passive"] and bake["in_oven"]
    # "Heat the orange zest cream … until 180F" is the cream's temperature, not the oven's
    assert "oven" not in step_saying(data, "Heat the orange zest cream")
    # "adjust bake time" puts nothing in the oven
    assert "in_oven" not in step_saying(data, "Pour the strained custard")
    # "zest of 4 oranges* (about 2 tsp)": the zest, counted in oranges
    zest = by_text(data, "zest of 4 oranges* (about 2 tsp)")
    assert zest["name"] == "orange zest"
    assert zest["amount"] == {"value": "4", "noun": "orange"}
    assert by_text(data, "5 large egg yolks")["amount"] == {
        "value": "5",
        "noun": "egg yolk",
        "size": "large",
    }


def test_burrito_bowls_components_from_the_pages_groups_and_sections() -> None:
    data, page, _ = imported("bakingmischeif.html")
    # the page groups its ingredients (Barbacoa, Cilantro Lime Rice, Burrito Bowls) and its
    # steps (Barbacoa, Stovetop Barbacoa, Slow Cooker Barbacoa, Shred, Cilantro Lime Rice,
    # Burrito Bowls): a section goes with the group it names, "Shred" with the one before
    assert [(c["name"], len(c["ingredients"]), len(c["steps"])) for c in data["components"]] == [
        ("barbacoa", 13, 6),
        ("cilantro lime rice", 7, 3),
        ("burrito bowls", 6, 1),
    ]
    assert sum(len(lines) for _, lines in page.ingredient_groups) == 26
    rice = data["components"][1]
    juice = next(i for i in rice["ingredients"] if i["text"].startswith("Juice from 1 lime"))
    assert juice["name"] == "lime juice" and juice["amount"] == {"value": "1", "noun": "lime"}
    broth = next(i for i in rice["ingredients"] if i["text"] == "Scant 2 cups chicken broth")
    assert broth["amount"] == {"value": "2", "unit": "cup"} and broth["comment"] == "scant"
    onion = by_text(data, "1 medium white or yellow onion diced")
    assert onion["name"] == "white or yellow onion" and onion["preparation"] == "diced"
    # "Cook … for 2 1/2 to 3 hours, until meat is very tender": a long wait with its cue
    braise = step_saying(data, "bring mixture to a low simmer")
    assert braise["durations"][0]["min"] == "PT2H30M"
    assert braise["durations"][0]["max"] == "PT3H" and braise["passive"]
