"""Fixtures shared by every test directory. Each part keeps its own clearly delimited section."""

# ==== persistence: real services and a hermetic state store ===============================
# Owner: persistence. dynalite fixtures live in tests/services.py; the hook below points the
# embedded sqlite store at a throwaway file and unsets TABLE_NAME, so no test run touches a
# developer's real ~/.local/state/cookalong/state.sqlite3 or a real DynamoDB table. Another
# section needing pytest_configure: call _persistence_configure(config) from a shared hook.
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.artifact import artifact, lambda_artifact, sam_build
from tests.services import dynalite, dynamo_env, hermetic_environment, own_dynalite

# fixtures, re-exported for pytest
__all__ = ["artifact", "dynalite", "dynamo_env", "lambda_artifact", "own_dynalite", "sam_build"]

_STATE_DIR = Path(tempfile.mkdtemp(prefix="cookalong-tests-"))


def _persistence_configure(config: pytest.Config) -> None:
    hermetic_environment(_STATE_DIR)


def pytest_configure(config: pytest.Config) -> None:
    _persistence_configure(config)
    _workers_configure(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_STATE_DIR, ignore_errors=True)


# ==== end persistence ======================================================================


# ==== the deployable artifact: one build per run =========================================
# Owner: ship. ``sam build`` (tests/ship) and the bench harness (tests/bench) share it: the
# fixtures ``sam_build``, ``artifact`` and ``lambda_artifact`` (tests/artifact.py, imported above).

# ==== end the deployable artifact ========================================================


# ==== pytest -n (pytest-xdist): workers run under this interpreter's -W options =========
# Owner: test infrastructure. xdist starts each worker as a bare ``python -u -c``; `make test`
# runs ``python -W error -m pytest -n ...``, and a warning must fail a worker's test (or its
# collection, or a session fixture) exactly as it would in a single process.


def _workers_configure(config: pytest.Config) -> None:
    if not sys.warnoptions or config.getoption("dist", "no") == "no":
        return
    python = shlex.join([sys.executable, *(f"-W{option}" for option in sys.warnoptions)])
    config.option.tx = [_with_python(spec, python) for spec in config.getoption("tx") or []]


def _with_python(spec: str, python: str) -> str:
    """``popen`` or ``N*popen`` (what ``-n`` makes) with ``//python=`` set; others as given."""
    count, star, rest = spec.rpartition("*")
    if rest.split("//")[0] != "popen" or "python=" in rest:
        return spec
    return f"{count}{star}{rest}//python={python}"


# A worker sends each report to the controller as UTF-8; what a test captured may hold lone
# surrogates (the hostile-request and fuzz tests log what they were sent), which that encoding
# refuses, and the worker would die. They travel backslash-escaped instead, as the report shows
# them anyway.
@pytest.hookimpl(wrapper=True)
def pytest_report_to_serializable(config: pytest.Config, report: pytest.TestReport):
    data = yield
    return _utf8(data) if hasattr(config, "workerinput") else data


def _utf8(value: object) -> object:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_utf8(key): _utf8(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_utf8(item) for item in value)
    return value


# ==== end pytest -n =======================================================================
