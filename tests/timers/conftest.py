"""Fixtures for the timer tests: the local Timer API (real HTTPS), trusted by the skill's client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from tools.chat import Conversation, Handler, load_lambda_handler, new_user_id
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


@pytest.fixture
def lambda_handler(tmp_path, monkeypatch) -> Handler:
    """``lambda_handler`` of ``lambda/app.py``, built for this test on its own sqlite file."""
    monkeypatch.setenv("COOKALONG_STATE_DB", str(tmp_path / "state.sqlite3"))
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.delenv("SKILL_ID", raising=False)
    return load_lambda_handler(fresh=True)


@pytest.fixture
def cook(lambda_handler, timer_api) -> Callable[..., Conversation]:
    """A new cook talking to the skill, whose envelopes point at the local Timer API; the
    conversation's clock is the Timer API's (``conversation.advance`` moves both)."""

    def start(locale: str = "en-US", permission: str = "granted") -> Conversation:
        return Conversation(
            locale,
            handler=lambda_handler,
            user_id=new_user_id(),
            clock=lambda: START,
            timers=timer_api,
            timer_permission=permission,
        )

    return start
