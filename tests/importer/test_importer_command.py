"""``make import`` / ``python -m tools.importer``: what the cook at the terminal sees.

A page that cannot be used is refused with one line and exit status 2, and nothing is left
behind; an existing recipe is replaced only with FORCE=1; what is written loads in the skill
and every step and amount is said in words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cookalong.cooking.messages import Quantity
from cookalong.recipe.loader import load_recipe
from cookalong.speech.voice import Voice, voice_for
from tests.importer.importer_helpers import (
    REPO,
    URLS,
    fixture,
    imported,
    run_import,
    start_import,
)
from tools.importer.write import write_recipe

SHRIMP = "acouplecooks.html"


REFUSALS = [
    ("biggirlssmallkitchen.html", "no recipe found"),
    ("akispetretzikis.html", "no ingredients"),
    ("kptncook.html", "no steps"),
    ("latelierderoxane.html", "language not served by any locale"),
]


def test_a_page_that_cannot_be_used_is_refused_with_one_line(tmp_path: Path) -> None:
    # given saved pages without a recipe, ingredients or steps, and one in French
    # when each is imported (the commands run side by side: each starts a Python)
    running = []
    for page, reason in REFUSALS:
        out = tmp_path / page
        out.mkdir()
        url = URLS[page]
        args = [str(fixture(page)), *(["--url", url] if url else []), "--out", str(out)]
        running.append((page, reason, out, start_import(*args)))
    for page, reason, out, process in running:
        stdout, stderr = process.communicate(timeout=120)
        # then it is refused: exit status 2, one line saying why, nothing written
        assert process.returncode == 2, (page, stderr)
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"import refused: {reason}: "), lines
        assert stdout == "" and list(out.iterdir()) == [], page
        if reason.startswith("language"):
            assert lines[0].endswith("the page is in 'fr'; the locales speak de, en"), lines


def test_an_existing_recipe_is_replaced_only_with_force(tmp_path: Path) -> None:
    page = [str(fixture(SHRIMP)), "--url", URLS[SHRIMP] or "", "--out", str(tmp_path)]
    # given the recipe imported before, and edited since
    data, _, _ = imported(SHRIMP)
    written, _ = write_recipe(data, tmp_path)
    written.write_text(written.read_text(encoding="utf-8").replace("shrimp", "prawn"), "utf-8")
    kept = written.read_text(encoding="utf-8")
    # when the page is imported again without FORCE
    again = run_import(*page)
    # then it is refused and the file is as it was
    assert again.returncode == 2
    assert again.stderr.strip() == f"import refused: {written} exists; FORCE=1 replaces it"
    assert written.read_text(encoding="utf-8") == kept
    # and with FORCE it is replaced, with no temporary file left behind, and a report
    forced = run_import(*page, "--force")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.startswith(f"wrote {written} (garlic-butter-shrimp)")
    assert "inferred: amounts for 5 of 6 lines" in forced.stdout
    assert "prawn" not in written.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garlic-butter-shrimp.json"]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_import_passes_src_url_force_and_out(tmp_path: Path) -> None:
    # given a recipe already imported there
    (tmp_path / "garlic-butter-shrimp.json").write_text("{}", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    command = ["make", "--no-print-directory", "import", f"SRC={fixture(SHRIMP)}"]
    command += [f"URL={URLS[SHRIMP]}", f"OUT={tmp_path}", "FORCE=1"]
    # when make import runs with FORCE=1
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    # then the page's recipe replaces it, with the address given
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "garlic-butter-shrimp.json").read_text(encoding="utf-8"))
    assert data["url"] == URLS[SHRIMP] and data["title"].startswith("Garlic Butter Shrimp")


# What a voice must never read out: symbols, abbreviations, digit fractions, dashed ranges.
UNSPEAKABLE = re.compile(
    r"[°½¼¾⅓⅔⅛*]|\d\s*/\s*\d|\b(?:tbsps?|tbs|tsps?|lbs?|oz|kg|ml|g)\b\.?|\d\s*[-–]\s*\d"
    r"|\d+(?:g|ml|kg|cm)\b|\bmins?\b|\bhrs?\b|\d\s*[FC]\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "page", ["acouplecooks.html", "jamieoliver.html", "cookeatshare.html", "littlespicejar.html"]
)
def test_an_imported_recipe_loads_and_every_step_and_amount_is_said_in_words(
    tmp_path: Path, page: str
) -> None:
    # given a page imported into a recipes folder (what the command writes)
    data, _, _ = imported(page)
    written, _ = write_recipe(data, tmp_path)
    # when the skill loads it
    recipe = load_recipe(written)
    # then every step and every amount is said without symbols, in each cook's units
    said = []
    for locale in ("en-US", "en-GB"):
        voice = voice_for(locale)
        for units in (None, "metric", "us"):
            prefs = voice.prefs(units)
            for component in recipe.components:
                said += [voice.step_text(step, prefs) for step in component.steps]
                said += [
                    voice.quantity(Quantity(i, i.amount), prefs) for i in component.ingredients
                ]
    assert said and [s for s in said if UNSPEAKABLE.search(s)] == []


def test_the_shrimp_steps_and_amounts_as_a_cook_hears_them(tmp_path: Path) -> None:
    # given the imported shrimp, loaded by the skill
    data, _, _ = imported(SHRIMP)
    _, recipe = write_recipe(data, tmp_path)
    us, gb = voice_for("en-US"), voice_for("en-GB")
    steps = recipe.components[0].steps
    # then the step is said as written ("1 to 2 minutes" needs no words) and amounts in words
    assert us.step_text(steps[3], us.prefs(None)).endswith(
        "Cook the shrimp for 1 to 2 minutes per side until opaque and cooked through, "
        "turning them with tongs."
    )
    part = recipe.components[0].id

    def said(voice: Voice, ingredient: str, units: str | None = None) -> str:
        item = recipe.ingredients_by_id[f"{part}.{ingredient}"]
        return voice.quantity(Quantity(item, item.amount), voice.prefs(units))

    assert said(us, "large-shrimp") == "one pound of large shrimp"
    assert said(us, "garlic-clove") == "three garlic cloves"
    assert said(us, "kosher-salt") == "half a teaspoon of kosher salt"
    assert said(gb, "large-shrimp", "metric") == "about 455 grams of large shrimp"
    assert said(us, "fresh-cilantro-or-parsley") == "some fresh cilantro or parsley"
