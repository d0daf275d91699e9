"""Fixtures for the conversation tests: the real skill, a fresh cook and an empty store each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest

from tests.fixtures import recipes as fixture_recipes
from tools.chat import Conversation, Handler, load_lambda_handler, new_user_id
from tools.timer_api import TimerApi


@pytest.fixture
def lambda_handler(tmp_path, monkeypatch) -> Handler:
    """``lambda_handler`` of ``lambda/app.py``, built for this test on its own sqlite file."""
    monkeypatch.setenv("COOKALONG_STATE_DB", str(tmp_path / "state.sqlite3"))
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.delenv("SKILL_ID", raising=False)
    return load_lambda_handler(fresh=True)


@pytest.fixture
def timer_api(monkeypatch) -> Iterator[TimerApi]:
    """A local Timer API for this test (real clock), trusted by the skill's HTTP client."""
    with TimerApi() as api:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", api.ca_file)
        yield api


def _handler_for(recipes: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> Handler:
    """``lambda_handler`` built for a cookbook of these fixture recipes."""
    from cookalong.recipe.loader import default_recipes

    monkeypatch.setenv("COOKALONG_RECIPES", fixture_recipes.environment_value(recipes))
    default_recipes.cache_clear()
    try:
        return load_lambda_handler(fresh=True)
    finally:
        default_recipes.cache_clear()


@pytest.fixture
def talk(lambda_handler, caplog, timer_api, monkeypatch) -> Iterator[Callable[..., Conversation]]:
    """Start conversations with the skill; each test's cook is a new user.

    The envelopes point at this test's local Timer API; ``timers`` is a dialog's ``timers:``
    setting (granted, missing, denied, or down: granted but every call answered 503).

    After the test, no request may have logged an error: the skill's catch-all handler would
    hide an exception behind a polite reply, so the log is where a crash shows.
    """
    caplog.set_level(logging.WARNING)

    def start(
        locale: str = "en-US",
        *,
        user_id: str | None = None,
        timers: str = "granted",
        recipes: tuple[str, ...] | None = None,
    ) -> Conversation:
        if timers == "down":
            timer_api.fail(503)
        handler = lambda_handler
        if recipes is not None:
            handler = _handler_for(recipes, monkeypatch)
        resolver = fixture_recipes.resolver(locale, recipes or fixture_recipes.DEFAULT)
        return Conversation(
            locale,
            handler=handler,
            user_id=user_id or new_user_id(),
            resolver=resolver,
            timers=timer_api,
            timer_permission="granted" if timers == "down" else timers,
        )

    yield start
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, "the skill logged errors:\n" + "\n".join(
        f"{r.name}: {r.getMessage()}" for r in errors
    )
