"""What ``sam build`` puts in the deployable artifact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.artifact import make_lambda_artifact
from tests.ship.lambda_runtime import ROOT

_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;#]+)")


def _pins(requirements: Path) -> dict[str, str]:
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line.strip())
        if match:
            pins[_normal(match.group(1))] = match.group(2)
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _installed(artifact: Path) -> dict[str, str]:
    found = {}
    for dist_info in artifact.glob("*.dist-info"):
        name, _, version = dist_info.name.removesuffix(".dist-info").partition("-")
        found[_normal(name)] = version
    return found


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_the_artifact_carries_the_recipes_from_outside_codeuri(sam_build: Path, artifact: Path):
    # given the repository's recipes (recipe.json lives at the root, outside CodeUri: lambda/)
    recipes = [ROOT / "recipe.json", *sorted((ROOT / "recipes").glob("*.json"))]
    # when sam build has run
    # then each one sits beside the package, byte for byte
    for recipe in recipes:
        shipped = artifact / recipe.relative_to(ROOT)
        assert shipped.read_bytes() == recipe.read_bytes(), f"{shipped} differs from {recipe}"
    # and the built template points the function at this artifact
    assert "CodeUri: SkillFunction" in (sam_build / "template.yaml").read_text(encoding="utf-8")


def test_the_build_indexes_the_catalog_so_a_cold_start_loads_no_recipe(artifact: Path):
    # given the built artifact
    catalog = json.loads((artifact / "catalog.json").read_text(encoding="utf-8"))
    names = json.loads((artifact / "catalog-names.json").read_text(encoding="utf-8"))
    # then the catalog lists every recipe shipped, and the names file what each one's look-up
    # knows (a CanFulfillIntentRequest reads it instead of loading every recipe)
    shipped = [artifact / "recipe.json", *sorted((artifact / "recipes").glob("*.json"))]
    assert sorted(artifact / row["path"] for row in catalog["recipes"]) == sorted(shipped)
    assert set(names["recipes"]) == {row["id"] for row in catalog["recipes"]}
    first = names["recipes"][catalog["recipes"][0]["id"]]
    assert first["ingredients"] and first["servings"] >= 1


def test_the_artifact_carries_every_locale_and_the_whole_package(artifact: Path):
    # given the Lambda sources in the checkout
    source = ROOT / "lambda"
    wanted = {
        f
        for f in _files(source)
        if "__pycache__" not in f and not f.endswith(".pyc") and "/tests/" not in f"/{f}"
    }
    # when sam build has run
    shipped = _files(artifact)
    # then every source file is shipped, the locale files among them
    assert wanted <= shipped, sorted(wanted - shipped)
    packs = {f for f in wanted if f.startswith("cookalong/speech/lang/") and f.endswith(".json")}
    assert {
        "cookalong/speech/lang/en/messages.json",
        "cookalong/speech/lang/en/locales/en-GB.json",
        "cookalong/speech/lang/de/messages.json",
        "cookalong/speech/lang/de/words.json",
        "cookalong/speech/lang/de/locales/de-AT.json",
    } <= packs
    # and its bytecode was compiled by the build for 3.13, not copied from the checkout's caches:
    # unchecked hash-based .pyc (flags == 1), since a zip keeps mtimes only to two seconds
    compiled = list((artifact / "cookalong").rglob("*.pyc"))
    assert compiled
    for pyc in compiled:
        assert ".cpython-313." in pyc.name, pyc
        assert int.from_bytes(pyc.read_bytes()[4:8], "little") == 1, pyc


def test_the_artifact_holds_exactly_the_pinned_requirements(artifact: Path):
    # given lambda/requirements.txt, the complete list of what the function imports
    pins = _pins(ROOT / "lambda" / "requirements.txt")
    # when sam build has installed them for the Lambda platform
    installed = _installed(artifact)
    # then every pin is there at its version, and nothing else was pulled in
    assert installed == pins


@pytest.mark.slow
def test_ship_boto3_0_leaves_the_runtime_provided_sdk_out(tmp_path: Path):
    # given the build target SAM calls, with SHIP_BOTO3=0 (the Lambda runtime has boto3)
    out = tmp_path / "artifact"
    # when it builds an artifact
    make_lambda_artifact(out, "SHIP_BOTO3=0")
    # then boto3 and its own dependencies stay out, everything else is pinned as listed
    pins = _pins(ROOT / "lambda" / "requirements.txt")
    runtime = {"boto3", "botocore", "s3transfer", "jmespath"}
    assert _installed(out) == {name: v for name, v in pins.items() if name not in runtime}
    assert (out / "app.py").is_file()
    assert (out / "recipe.json").is_file()
