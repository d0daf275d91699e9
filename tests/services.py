"""Real services the tests run: dynalite, a DynamoDB-compatible server from node_modules.

``make setup`` installs it (``npm ci``). The fixtures start it on a free loopback port, wait until
it accepts connections, and stop it at the end. Tests may create tables (the skill never does).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DYNALITE = ROOT / "node_modules" / "dynalite" / "cli.js"
#: Fake credentials: dynalite checks that requests are signed, not by whom.
FAKE_AWS = {
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "cookalong-test",
    "AWS_SECRET_ACCESS_KEY": "cookalong-test",
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Dynalite:
    """One dynalite server, backed by LevelDB in ``data_dir`` so it can be stopped and restarted
    (an outage) without losing what was saved.

    Parameters
    ----------
    data_dir
        Where the LevelDB files and the server's log go.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None
        self._client = None
        self._log = data_dir / "dynalite.log"

    def start(self, timeout: float = 20.0) -> None:
        """Start the server on :attr:`port` and return once it accepts connections."""
        node = shutil.which("node")
        if node is None or not DYNALITE.exists():
            pytest.fail("dynalite needs node and node_modules: run `make setup` (npm ci)")
        with self._log.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    *(node, str(DYNALITE), "--host", "127.0.0.1", "--port", str(self.port)),
                    *("--path", str(self.data_dir / "db"), "--createTableMs", "0"),
                    *("--deleteTableMs", "0", "--updateTableMs", "0"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                pytest.fail(f"dynalite exited at start:\n{self._log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"dynalite did not listen on port {self.port} within {timeout} s")

    def stop(self) -> None:
        """Stop the server (an outage); the saved items stay in :attr:`data_dir`."""
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def environ(self, table: str) -> dict[str, str]:
        """The skill's environment for ``table`` on this server (fake credentials)."""
        return {"TABLE_NAME": table, "AWS_ENDPOINT_URL_DYNAMODB": self.endpoint, **FAKE_AWS}

    def client(self):  # -> botocore DynamoDB client (imported lazily: boto3 is slow to import)
        """A low-level DynamoDB client for the test's own checks and table set-up.

        One per server, closed with it: callers need not (and should not) close it.
        """
        if self._client is None:
            import boto3

            self._client = boto3.session.Session(
                region_name=FAKE_AWS["AWS_REGION"],
                aws_access_key_id=FAKE_AWS["AWS_ACCESS_KEY_ID"],
                aws_secret_access_key=FAKE_AWS["AWS_SECRET_ACCESS_KEY"],
            ).client("dynamodb", endpoint_url=self.endpoint)
        return self._client

    def close(self) -> None:
        """Stop the server and close the test client."""
        self.stop()
        if self._client is not None:
            self._client.close()
            self._client = None

    def create_table(self, name: str | None = None) -> str:
        """Create a state table shaped like the SAM template's (``id`` string hash key)."""
        name = name or f"cookalong-{uuid.uuid4().hex[:12]}"
        client = self.client()
        client.create_table(
            TableName=name,
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            BillingMode="PAY_PER_REQUEST",
        )
        client.get_waiter("table_exists").wait(
            TableName=name, WaiterConfig={"Delay": 0.05, "MaxAttempts": 100}
        )
        return name


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
    for name in ("TABLE_NAME", "AWS_ENDPOINT_URL_DYNAMODB", "STATE_TTL_DAYS"):
        os.environ.pop(name, None)
