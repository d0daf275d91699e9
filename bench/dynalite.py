"""A local DynamoDB (dynalite, from node_modules) for the benchmark, and the tables it needs."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DYNALITE = ROOT / "node_modules" / "dynalite" / "cli.js"
#: dynalite checks that requests are signed, not by whom.
FAKE_AWS = {
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "cookalong-bench",
    "AWS_SECRET_ACCESS_KEY": "cookalong-bench",
}


class BenchError(RuntimeError):
    """The benchmark cannot run; the message says what to do."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Dynalite:
    """An in-memory dynalite on a free loopback port, stopped on exit.

    Parameters
    ----------
    log
        Where the server's output goes.
    """

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log = log
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Dynalite:
        node = shutil.which("node")
        if node is None or not DYNALITE.exists():
            raise BenchError("dynalite needs node and node_modules: run `make setup` (npm ci)")
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    *(node, str(DYNALITE), "--host", "127.0.0.1", "--port", str(self.port)),
                    *("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BenchError(f"dynalite exited at start; see {self.log}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.__exit__(None, None, None)
        raise BenchError(f"dynalite did not listen on port {self.port} within 20 s")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def environ(self, table: str) -> dict[str, str]:
        """A function's environment for ``table`` on this server (dummy credentials)."""
        return {"TABLE_NAME": table, "AWS_ENDPOINT_URL_DYNAMODB": self.endpoint, **FAKE_AWS}

    def client(self) -> Any:
        """A boto3 DynamoDB client for the harness's own set-up (imported here: it is slow)."""
        import boto3

        return boto3.session.Session(
            region_name=FAKE_AWS["AWS_REGION"],
            aws_access_key_id=FAKE_AWS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_AWS["AWS_SECRET_ACCESS_KEY"],
        ).client("dynamodb", endpoint_url=self.endpoint)

    def create_table(self, name: str) -> str:
        """Create a table keyed like the SAM template's and the SDK adapter's (``id`` string)."""
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

    def put_attributes(self, table: str, key: str, attributes: dict[str, Any]) -> None:
        """Store ``attributes`` for ``key`` the way the SDK's DynamoDB adapter does."""
        from boto3.dynamodb.types import TypeSerializer

        item = {"id": key, "attributes": attributes}
        serializer = TypeSerializer()
        self.client().put_item(
            TableName=table, Item={k: serializer.serialize(v) for k, v in item.items()}
        )
