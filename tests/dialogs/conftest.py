"""Fixtures for the conversation tests: the real skill, a fresh cook and an empty store each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest

from tools.chat import Conversation, Handler, load_lambda_handler, new_user_id


@pytest.fixture
def lambda_handler(tmp_path, monkeypatch) -> Handler:
    """``lambda_handler`` of ``lambda/app.py``, built for this test on its own sqlite file."""
    monkeypatch.setenv("COOKALONG_STATE_DB", str(tmp_path / "state.sqlite3"))
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.delenv("SKILL_ID", raising=False)
    return load_lambda_handler(fresh=True)


@pytest.fixture
def talk(lambda_handler, caplog) -> Iterator[Callable[..., Conversation]]:
    """Start conversations with the skill; each test's cook is a new user.

    After the test, no request may have logged an error: the skill's catch-all handler would
    hide an exception behind a polite reply, so the log is where a crash shows.
    """
    caplog.set_level(logging.WARNING)

    def start(locale: str = "en-US", *, user_id: str | None = None) -> Conversation:
        return Conversation(locale, handler=lambda_handler, user_id=user_id or new_user_id())

    yield start
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, "the skill logged errors:\n" + "\n".join(
        f"{r.name}: {r.getMessage()}" for r in errors
    )
