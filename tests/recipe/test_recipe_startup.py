"""Where the skill finds its recipes, what start-up costs, and the check the build runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cookalong.recipe import loader
from cookalong.recipe.loader import RecipeError, default_recipe_paths
from tests.recipe.recipe_helpers import RECIPE_JSON, REPO, SHIPPED_RECIPE_JSON, write_recipe
from tools import check_recipes

PYTHON = sys.executable


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-W", "error", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _bare_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", loader.ENV_VAR)}
    return env | extra


def test_a_checkout_finds_recipe_json_at_the_repo_root() -> None:
    # given a checkout and no COOKALONG_RECIPES  # when the default paths are asked for
    paths = default_recipe_paths(environ={})
    # then it is the repo's recipe.json
    assert paths[0] == SHIPPED_RECIPE_JSON


def test_cookalong_recipes_lists_files(tmp_path: Path) -> None:
    # given two recipe files listed in the environment variable
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    # when the default paths are asked for  # then those are the files, in order
    listed = {loader.ENV_VAR: os.pathsep.join([str(a), str(b)])}
    assert default_recipe_paths(environ=listed) == [a, b]


def test_the_built_artifact_finds_recipe_json_beside_app_py(tmp_path: Path) -> None:
    # given an artifact laid out as the build does it: cookalong/ and recipe.json side by side,
    # with one more recipe in recipes/
    artifact = tmp_path / "artifact"
    shutil.copytree(
        REPO / "lambda" / "cookalong",
        artifact / "cookalong",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(RECIPE_JSON, artifact / "recipe.json")
    (artifact / "recipes").mkdir()

    def other(d: dict) -> None:
        d["id"] = "another-pork-belly"

    write_recipe(artifact / "recipes", other, name="another.json")
    # when the skill starts there, from another directory, importing only the artifact
    probe = (
        "import sys; from cookalong.recipe.loader import default_recipes; "
        "r = default_recipes(); print(sorted(r)); print(r['maple-glazed-pork-belly'].path); "
        "print('fastjsonschema' in sys.modules)"
    )
    done = _run("-c", probe, cwd=tmp_path, env=_bare_env(PYTHONPATH=str(artifact)))
    # then both recipes load from the artifact, without importing fastjsonschema
    assert done.returncode == 0, done.stderr
    ids, path, imported = done.stdout.splitlines()
    assert ids == "['another-pork-belly', 'maple-glazed-pork-belly']"
    assert path == str(artifact / "recipe.json")
    assert imported == "False"


def test_default_recipes_is_loaded_once() -> None:
    # given the process's recipes  # when asked twice  # then it is the very same object
    assert loader.default_recipes() is loader.default_recipes()
    assert "maple-glazed-pork-belly" in loader.default_recipes()


def test_no_recipe_json_is_a_clear_start_up_error(tmp_path: Path) -> None:
    # given a package copy with no recipe.json beside it or above it
    package = tmp_path / "pkg"
    shutil.copytree(
        REPO / "lambda" / "cookalong",
        package / "cookalong",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    probe = "from cookalong.recipe.loader import default_recipes; default_recipes()"
    # when the skill starts
    done = _run("-c", probe, cwd=tmp_path, env=_bare_env(PYTHONPATH=str(package)))
    # then it stops with a message saying where it looked
    assert done.returncode == 1
    assert "RecipeError: recipe.json: not found in" in done.stderr
    assert str(package) in done.stderr and loader.ENV_VAR in done.stderr


def test_the_generated_validator_matches_schema_json() -> None:
    # given schema.json and the committed, ahead-of-time compiled validator
    committed = loader.VALIDATOR_PATH.read_text(encoding="utf-8")
    # then regenerating it changes nothing
    assert committed == loader.validator_source()


def test_an_edited_schema_is_still_enforced_before_regeneration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a schema edited after the validator was generated: servings at most 2
    schema = json.loads(loader.SCHEMA_PATH.read_text(encoding="utf-8"))
    schema["properties"]["servings"]["maximum"] = 2
    edited = tmp_path / "schema.json"
    edited.write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(loader, "SCHEMA_PATH", edited)
    loader._validator.cache_clear()
    try:
        # when the recipe (serving 4) is loaded
        with pytest.raises(RecipeError, match=r"\$\.servings: must be smaller than or equal to 2"):
            loader.load_recipe(RECIPE_JSON)
    finally:
        loader._validator.cache_clear()
    # then the edited schema, not the stale generated one, was applied


def test_check_recipes_passes_the_skill_recipes(capsys: pytest.CaptureFixture[str]) -> None:
    # when the build's check runs with no arguments
    status = check_recipes.main([])
    # then it succeeds and says what it checked
    out = capsys.readouterr().out
    assert status == 0
    assert f"ok {SHIPPED_RECIPE_JSON} (maple-glazed-pork-belly: 2 components" in out


def test_check_recipes_fails_a_broken_file_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given a recipe with an unknown ingredient in step 3
    broken = write_recipe(
        tmp_path, lambda d: d["components"][0]["steps"][2]["ingredients"].append("misso")
    )
    # when it is checked
    status = check_recipes.main([str(broken)])
    # then the check fails, naming file and JSON path on stderr
    err = capsys.readouterr().err
    assert status == 1
    assert f"{broken}: $.components[0].steps[2].ingredients[4]: unknown ingredient" in err


def test_check_recipes_fails_a_stale_validator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # given a generated validator that no longer matches schema.json
    stale = tmp_path / "_schema_validator.py"
    stale.write_text("SCHEMA_SHA256 = 'old'\n", encoding="utf-8")
    monkeypatch.setattr(loader, "VALIDATOR_PATH", stale)
    # when the check runs
    status = check_recipes.main([])
    # then it fails and says how to regenerate it
    assert status == 1
    assert "--write-validator" in capsys.readouterr().err


def test_check_recipes_runs_as_a_script_and_exits_nonzero(tmp_path: Path) -> None:
    # given a good and a broken file, and no PYTHONPATH (as a newcomer would run it)
    good = write_recipe(tmp_path, name="good.json")
    broken = write_recipe(tmp_path, lambda d: d.update(servings=0), name="broken.json")
    script = str(REPO / "tools" / "check_recipes.py")
    # when the script checks them
    ok = _run(script, str(good), cwd=tmp_path, env=_bare_env())
    bad = _run(script, str(broken), cwd=tmp_path, env=_bare_env())
    usage = _run(script, "--no-such-flag", cwd=tmp_path, env=_bare_env())
    # then the exit status says which is which
    assert (ok.returncode, bad.returncode, usage.returncode) == (0, 1, 2), ok.stderr
    assert f"{broken}: $.servings: must be bigger than or equal to 1" in bad.stderr


def test_a_recipe_the_build_validated_loads_the_same_and_a_changed_one_is_checked_again(
    tmp_path: Path,
) -> None:
    # given a recipe file and the catalog the build writes for it (with the file's hash)
    from cookalong.recipe.catalog import build_catalog, read_catalog, write_catalog

    path = write_recipe(tmp_path)
    (entry,) = read_catalog(write_catalog(build_catalog([path]), tmp_path))
    # when the skill loads it from the catalog
    # then it is the recipe a full load makes
    assert entry.load() == loader.load_recipe(path)
    # and once the file has changed since the build, the schema is enforced again
    write_recipe(tmp_path, lambda d: d.update(servings="eight"))
    with pytest.raises(RecipeError, match=r"recipe\.json: \$\.servings: "):
        entry.load()
