"""Real services the tests run: dynalite, a DynamoDB-compatible server from node_modules.

``make setup`` installs it (``npm ci``). The fixtures start it (:mod:`tools.dynalite`, shared with
the benchmark) on a free loopback port, wait until it accepts connections, and stop it at the end.
Tests may create tables (the skill never does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.dynalite import FAKE_AWS, DynaliteError, free_port
from tools.dynalite import Dynalite as _Server


class Dynalite(_Server):
    """A :class:`tools.dynalite.Dynalite` backed by LevelDB in ``data_dir`` (the server's log goes
    there too), so that it can be stopped and restarted (an outage) without losing what was
    saved; a server that cannot start fails the test.
    """

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir / "dynalite.log", data_dir)

    def start(self, timeout: float = 20.0) -> None:
        try:
            super().start(timeout)
        except DynaliteError as error:
            pytest.fail(str(error))


def _started(data_dir: Path) -> Iterator[Dynalite]:
    server = Dynalite(data_dir)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def dynalite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dynalite]:
    """One dynalite for the whole run. Do not stop it: use ``own_dynalite`` for outages."""
    yield from _started(tmp_path_factory.mktemp("dynalite"))


@pytest.fixture
def own_dynalite(tmp_path: Path) -> Iterator[Dynalite]:
    """A dynalite for one test, which it may stop and restart (an outage)."""
    yield from _started(tmp_path)


@pytest.fixture
def dynamo_env(dynalite: Dynalite) -> dict[str, str]:
    """The skill's environment for a fresh table on the shared dynalite."""
    return dynalite.environ(dynalite.create_table())


def closed_port_env() -> dict[str, str]:
    """An environment pointing at a loopback port nothing listens on (the store is down)."""
    return {
        "TABLE_NAME": "cookalong-state",
        "AWS_ENDPOINT_URL_DYNAMODB": f"http://127.0.0.1:{free_port()}",
        **FAKE_AWS,
    }


def hermetic_environment(state_dir: Path) -> None:
    """Keep a test run away from real state: a throwaway sqlite file, no DynamoDB table."""
    os.environ["COOKALONG_STATE_DB"] = str(state_dir / "state.sqlite3")
    # the tests cook with their own fixture recipes, never the shipped catalog
    from tests.fixtures.recipes import environment_value

    os.environ["COOKALONG_RECIPES"] = environment_value()
    for name in ("TABLE_NAME", "AWS_ENDPOINT_URL_DYNAMODB", "STATE_TTL_DAYS"):
        os.environ.pop(name, None)
