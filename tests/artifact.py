"""The deployable artifact, built once per test run and shared by every test that needs it.

``sam build`` (tests/ship) and the bench harness (tests/bench) test the same artifact: the
Makefile's ``lambda-artifact`` recipe, which ``sam build`` runs. It is built once per run, also
under ``pytest -n`` (pytest-xdist): the first worker to ask builds it into the run's shared
temporary directory, holding a lock, and the others wait for it and reuse it. Tests only read it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ship.lambda_runtime import FUNCTION_ID, ROOT, SAM_VENV, require_sam_venv, sam_environ


def once_per_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """``make(path)`` into a directory of this run's temporary tree, once for all workers.

    Without xdist the directory is the session's own. Under xdist, ``getbasetemp().parent`` is
    the directory all workers of this run share: the first worker makes it under a file lock,
    the rest reuse what it made (a failed ``make`` leaves no mark, so the next one retries).
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        path = tmp_path_factory.mktemp(name)
        make(path)
        return path
    shared = tmp_path_factory.getbasetemp().parent
    path, done = shared / name, shared / f"{name}.done"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(path, ignore_errors=True)
            path.mkdir()
            make(path)
            done.touch()
    return path


def _sam_build(path: Path) -> None:
    sam = require_sam_venv() / "sam"
    template, build_dir = ROOT / "template.yaml", path / "build"
    result = subprocess.run(
        [str(sam), "build", "--template", str(template), "--build-dir", str(build_dir)],
        cwd=ROOT,
        env=sam_environ(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert result.returncode == 0, f"sam build failed:\n{output}"


def make_lambda_artifact(out: Path, *settings: str) -> None:
    """The Makefile's ``lambda-artifact`` into ``out`` (``settings``: ``"SHIP_BOTO3=0"``, ...)."""
    result = subprocess.run(
        ["make", "--no-print-directory", "lambda-artifact", f"ARTIFACTS_DIR={out}", *settings],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def _lambda_artifact(path: Path) -> None:
    make_lambda_artifact(path / FUNCTION_ID)


@pytest.fixture(scope="session")
def sam_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sam build`` once per run into a temporary build dir; returns that dir."""
    require_sam_venv()
    return once_per_run(tmp_path_factory, "sam", _sam_build) / "build"


@pytest.fixture(scope="session")
def artifact(sam_build: Path) -> Path:
    """The skill function's built artifact (what SAM zips and deploys)."""
    return sam_build / FUNCTION_ID


@pytest.fixture(scope="session")
def lambda_artifact(request: pytest.FixtureRequest) -> Path:
    """The deployable artifact as ``sam build`` makes it (the Makefile's recipe): the one
    ``sam build`` made this run; without ``.venv-sam``, ``make lambda-artifact``'s own."""
    if (SAM_VENV / "bin" / "sam").exists():
        return request.getfixturevalue("artifact")
    factory = request.getfixturevalue("tmp_path_factory")
    return once_per_run(factory, "lambda-artifact", _lambda_artifact) / FUNCTION_ID
