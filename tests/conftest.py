"""Fixtures shared by every test directory. Each part keeps its own clearly delimited section."""

# ==== persistence: real services and a hermetic state store ===============================
# Owner: persistence. dynalite fixtures live in tests/services.py; the hook below points the
# embedded sqlite store at a throwaway file and unsets TABLE_NAME, so no test run touches a
# developer's real ~/.local/state/cookalong/state.sqlite3 or a real DynamoDB table. Another
# section needing pytest_configure: call _persistence_configure(config) from a shared hook.
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.services import dynalite, dynamo_env, hermetic_environment, own_dynalite

__all__ = ["dynalite", "dynamo_env", "own_dynalite"]  # fixtures, re-exported for pytest

_STATE_DIR = Path(tempfile.mkdtemp(prefix="cookalong-tests-"))


def _persistence_configure(config: pytest.Config) -> None:
    hermetic_environment(_STATE_DIR)


def pytest_configure(config: pytest.Config) -> None:
    _persistence_configure(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_STATE_DIR, ignore_errors=True)


# ==== end persistence ======================================================================
