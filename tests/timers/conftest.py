"""Fixtures for the timer tests: the local Timer API (real HTTPS), trusted by the skill's client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tools.timer_api import TimerApi

#: The time the tests' Timer API starts from (its clock moves only when a test moves it).
START = datetime(2025, 11, 23, 18, 0, 0, tzinfo=UTC)


@pytest.fixture
def timer_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[TimerApi]:
    """A local Timer API on a free port, its clock stopped at :data:`START`; ``requests`` in
    this process trusts its certificate."""
    with TimerApi(clock=lambda: START) as api:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", api.ca_file)
        yield api
