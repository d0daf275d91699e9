"""The Lambda entry point, loaded as a cold start would with a throwaway sqlite store."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def lambda_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    mp = pytest.MonkeyPatch()
    mp.setenv("COOKALONG_STATE_DB", str(tmp_path_factory.mktemp("state") / "state.sqlite3"))
    mp.delenv("TABLE_NAME", raising=False)
    mp.delenv("SKILL_ID", raising=False)
    import app as module

    yield importlib.reload(module)
    mp.undo()
