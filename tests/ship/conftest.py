"""Shipping fixtures: Alexa in front of the artifact of the run's one real ``sam build``
(``sam_build`` and ``artifact`` live in tests/artifact.py, shared with tests/bench)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ship.lambda_runtime import Alexa, LambdaContainer, load_event
from tools.timer_api import TimerApi


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
