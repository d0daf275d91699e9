"""A local DynamoDB: dynalite, a DynamoDB-compatible server from node_modules (``make setup``).

One implementation for the tests (``tests/services.py``, whose fixtures wrap it) and the
benchmark (``bench/dynalite.py``): start it on a free loopback port, wait until it accepts
connections, stop it; a boto3 client with fake credentials; tables keyed like the SAM template's.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DYNALITE = ROOT / "node_modules" / "dynalite" / "cli.js"
#: Fake credentials: dynalite checks that requests are signed, not by whom.
FAKE_AWS = {
    "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "cookalong-local",
    "AWS_SECRET_ACCESS_KEY": "cookalong-local",
}


class DynaliteError(RuntimeError):
    """dynalite cannot be started; the message says why (and what to do)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Dynalite:
    """One dynalite server on a free loopback port.

    In memory, or backed by LevelDB in ``data_dir`` so that it can be stopped and restarted (an
    outage) without losing what was saved. As a context manager: started on entry, closed on exit.

    Parameters
    ----------
    log
        Where the server's output goes (appended to).
    data_dir
        Where the LevelDB files go; None keeps everything in memory, lost when it stops.
    """

    def __init__(self, log: Path, data_dir: Path | None = None) -> None:
        self.log = log
        self.data_dir = data_dir
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None
        self._client: Any = None

    def start(self, timeout: float = 20.0) -> None:
        """Start the server on :attr:`port` and return once it accepts connections.

        Raises
        ------
        DynaliteError
            node or node_modules is missing, or the server exited or did not listen in time.
        """
        node = shutil.which("node")
        if node is None or not DYNALITE.exists():
            raise DynaliteError("dynalite needs node and node_modules: run `make setup` (npm ci)")
        storage = () if self.data_dir is None else ("--path", str(self.data_dir / "db"))
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    *(node, str(DYNALITE), "--host", "127.0.0.1", "--port", str(self.port)),
                    *storage,
                    *("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                tail = self.log.read_text(errors="replace")[-2000:]
                raise DynaliteError(f"dynalite exited at start (log: {self.log}):\n{tail}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise DynaliteError(f"dynalite did not listen on port {self.port} within {timeout} s")

    def stop(self) -> None:
        """Stop the server (an outage); with a :attr:`data_dir`, the saved items stay there."""
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

    def close(self) -> None:
        """Stop the server and close its client."""
        self.stop()
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Dynalite:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def environ(self, table: str) -> dict[str, str]:
        """The skill's environment for ``table`` on this server (fake credentials)."""
        return {"TABLE_NAME": table, "AWS_ENDPOINT_URL_DYNAMODB": self.endpoint, **FAKE_AWS}

    def client(self) -> Any:  # a botocore DynamoDB client (boto3 is imported here: it is slow)
        """A low-level DynamoDB client for checks and set-up, not for the skill.

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

    def create_table(self, name: str | None = None) -> str:
        """Create a state table keyed like the SAM template's and the SDK adapter's (``id``
        string hash key, on demand); a fresh random name if none is given. Returns the name."""
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
