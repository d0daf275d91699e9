"""A translated recipe is the same recipe: its source's parts, ingredients, amounts and ovens."""

from __future__ import annotations

from cookalong.recipe.loader import shipped_recipes


def test_every_translation_names_a_shipped_recipe_in_another_language():
    recipes = shipped_recipes()
    translations = [r for r in recipes.values() if r.translation_of]
    assert translations, "the German pork belly is a translation"
    for recipe in translations:
        source = recipes[recipe.translation_of]
        assert source.language != recipe.language


def test_the_german_pork_belly_is_faithful_to_the_english_one():
    recipes = shipped_recipes()
    german = recipes["schweinebauch-mit-ahornglasur"]
    english = recipes[german.translation_of]
    assert german.language == "de" and german.servings == english.servings
    assert [c.id for c in german.components] == [c.id for c in english.components]
    for de, en in zip(german.components, english.components, strict=True):
        # the same ingredients (keys, so densities and the Alexa ids are shared) and amounts
        # (a counted noun is the language's own: "Tropfen" for "drops")
        def measured(ingredients):
            return [(i.key, i.amount and (i.amount.value, i.amount.unit)) for i in ingredients]

        assert measured(de.ingredients) == measured(en.ingredients)
        assert len(de.steps) == len(en.steps)
        for a, b in zip(de.steps, en.steps, strict=True):
            assert (a.oven and (a.oven.mode, a.oven.temperature)) == (
                b.oven and (b.oven.mode, b.oven.temperature)
            )
            assert [(d.minimum, d.maximum) for d in a.durations] == [
                (d.minimum, d.maximum) for d in b.durations
            ]
            assert a.ingredient_ids == b.ingredient_ids


def test_the_first_recipes_translation_comes_right_after_it_in_the_catalog():
    # given the first recipe, another German recipe listed before the translation, then it
    from cookalong.recipe.catalog import build_catalog
    from tests.fixtures.recipes import paths as fixture_paths

    paths = fixture_paths(
        ("maple-glazed-pork-belly", "hackbraten-supersaftig", "schweinebauch-mit-ahornglasur")
    )

    # when the build writes the catalog
    order = [entry.id for entry in build_catalog(paths)]

    # then every language opens on the same dish: the pork belly, then its translation
    assert order == [
        "maple-glazed-pork-belly",
        "schweinebauch-mit-ahornglasur",
        "hackbraten-supersaftig",
    ]
