"""Shipping fixtures: one real ``sam build`` per run, and Alexa in front of its artifact."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ship.lambda_runtime import (
    FUNCTION_ID,
    ROOT,
    Alexa,
    LambdaContainer,
    load_event,
    require_sam_venv,
    sam_environ,
)
from tools.timer_api import TimerApi


@pytest.fixture(scope="session")
def sam_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run ``sam build`` once into a temporary build dir; returns that dir."""
    sam = require_sam_venv() / "sam"
    build_dir = tmp_path_factory.mktemp("sam") / "build"
    template = ROOT / "template.yaml"
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
    return build_dir


@pytest.fixture(scope="session")
def artifact(sam_build: Path) -> Path:
    """The skill function's built artifact (what SAM zips and deploys)."""
    return sam_build / FUNCTION_ID


@pytest.fixture
def timer_api() -> Iterator[TimerApi]:
    """A local Timer API (real HTTPS, real clock) for the function to call."""
    with TimerApi() as api:
        yield api


@pytest.fixture
def function_env(dynamo_env: dict[str, str], timer_api: TimerApi) -> dict[str, str]:
    """The function's environment as the template sets it, on a fresh dynalite table; its
    HTTP client trusts the local Timer API's certificate (``REQUESTS_CA_BUNDLE``)."""
    skill_id = load_event("launch")["context"]["System"]["application"]["applicationId"]
    return {**dynamo_env, "SKILL_ID": skill_id, "REQUESTS_CA_BUNDLE": timer_api.ca_file}


@pytest.fixture
def alexa(
    artifact: Path, function_env: dict[str, str], tmp_path: Path, timer_api: TimerApi
) -> Iterator[Alexa]:
    """Alexa in front of the built function (cold-started for this test, on its own table),
    sending the skill to the local Timer API for Alexa's APIs."""
    count = iter(range(1, 100))

    def start() -> LambdaContainer:
        return LambdaContainer(artifact, function_env, tmp_path / f"function-{next(count)}.log")

    talk = Alexa(start, api_endpoint=timer_api.url)
    try:
        yield talk
    finally:
        talk.container.close()
