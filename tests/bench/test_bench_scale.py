"""The scale bench's parts work without the shared pages: the repeated catalog is one the skill
loads, a grown model has what it says, and a refused model is still measured. No timing here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.catalog import CatalogError, number_words, pages_of, repeat_to
from bench.grown import grown_model
from bench.scale import model_figures
from cookalong.recipe.catalog import build_catalog
from tools import models

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "recipes"


def test_number_words() -> None:
    assert [number_words(n) for n in (2, 20, 42, 100, 199)] == [
        "two",
        "twenty",
        "forty two",
        "one hundred",
        "one hundred and ninety nine",
    ]


def test_copies_load_as_recipes_of_their_own(tmp_path: Path) -> None:
    originals = []
    for name in ("garlic-butter-shrimp", "crispy-chicken-strips"):
        originals.append(Path(shutil.copy(FIXTURES / f"{name}.json", tmp_path)))
    long_id = json.loads(originals[0].read_text(encoding="utf-8"))
    long_id["id"] = "a-" * 31 + "b"  # 63 characters: a copy's id must still fit in 64
    long_id["title"] = long_id["short_title"] = "long shrimp"
    long_id["aliases"] = []
    (tmp_path / "long.json").write_text(json.dumps(long_id), encoding="utf-8")
    originals.append(tmp_path / "long.json")
    taken = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in originals}
    made = repeat_to(originals, tmp_path, 11, taken)
    assert len(made) == 8
    entries = build_catalog(sorted(tmp_path.glob("*.json")))  # validated by the loader
    assert len(entries) == 11
    assert len({e.title for e in entries}) == 11
    assert all(len(e.id) <= 64 for e in entries)
    assert "garlic butter shrimp two" in {e.title for e in entries}


def test_without_the_pages_the_catalog_says_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="shared pages"):
        pages_of(tmp_path / "missing")


def test_a_grown_model_has_the_values_and_samples_asked_for() -> None:
    base = json.loads(models.model_path("en-US").read_text(encoding="utf-8"))
    grown = grown_model(base, ingredient_values=1000, sample_factor=3)
    language = grown["interactionModel"]["languageModel"]
    kind = next(t for t in language["types"] if t["name"] == "INGREDIENT")
    assert len(kind["values"]) == 1000
    before = sum(
        len(i.get("samples", [])) for i in base["interactionModel"]["languageModel"]["intents"]
    )
    assert sum(len(i.get("samples", [])) for i in language["intents"]) == 3 * before


def test_model_figures_measure_the_catalog(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "garlic-butter-shrimp.json", tmp_path)
    figures = model_figures(tmp_path)
    assert figures["recipes"] == 2
    us = figures["locales"]["en-US"]
    assert us["recipes"] == 2
    assert us["model_chars"] > 0 and us["slot_values"]["RECIPE"] == 2
