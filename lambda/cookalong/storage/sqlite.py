"""The embedded default store: persistent attributes in a local sqlite file.

Used when no DynamoDB table is configured (``make chat``, ``make serve``, tests). It needs no
server, survives restarts (so a second ``make chat`` resumes where the first one stopped) and is
safe under the web service's concurrent requests: the database runs in WAL mode, every call opens
and closes its own connection with a busy timeout, and a save is a single upsert.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen
from ask_sdk_model import RequestEnvelope

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attributes (
    id         TEXT PRIMARY KEY,
    attributes TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attributes_expires_at ON attributes (expires_at);
"""
_UPSERT = """
INSERT INTO attributes (id, attributes, expires_at) VALUES (?, ?, ?)
ON CONFLICT (id) DO UPDATE SET attributes = excluded.attributes, expires_at = excluded.expires_at
"""


class SqliteAdapter(AbstractPersistenceAdapter):
    """ASK SDK persistence adapter on a local sqlite database.

    Rows mirror the DynamoDB items: ``id`` (the partition key), ``attributes`` (JSON) and
    ``expires_at`` (epoch seconds); an expired row reads as absent, like DynamoDB's TTL, and
    expired rows are purged when the database is first opened by a process.

    Parameters
    ----------
    path
        The database file. Its directory and the file are created on first use, not here.
    ttl_seconds
        How long a saved state lives after its last save.
    partition_keygen
        Request envelope to row key; the Alexa user id by default, as for DynamoDB.
    busy_timeout
        Seconds a call waits for another writer before giving up.
    clock
        Current epoch seconds (injectable for tests).
    """

    def __init__(
        self,
        path: Path,
        *,
        ttl_seconds: int,
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        busy_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.partition_keygen = partition_keygen
        self.busy_timeout = busy_timeout
        self.clock = clock
        self._ready = False
        self._ready_lock = threading.Lock()

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Return the saved attributes for the request's user, or ``{}`` when there are none."""
        key = self.partition_keygen(request_envelope)
        row = self._run(
            "read",
            lambda db: db.execute(
                "SELECT attributes FROM attributes WHERE id = ? AND expires_at > ?",
                (key, int(self.clock())),
            ).fetchone(),
        )
        if row is None:
            return {}
        try:
            attributes = json.loads(row[0])
        except ValueError as error:
            raise PersistenceException(f"unreadable saved state in {self.path}: {error}") from error
        return attributes if isinstance(attributes, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Replace the request's user's attributes (one upsert) and push their expiry out."""
        key = self.partition_keygen(request_envelope)
        try:
            text = json.dumps(attributes, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as error:
            raise PersistenceException(f"the state cannot be saved as JSON: {error}") from error
        expires_at = int(self.clock()) + self.ttl_seconds
        self._run("write", lambda db: db.execute(_UPSERT, (key, text, expires_at)))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the request's user's attributes."""
        key = self.partition_keygen(request_envelope)
        self._run("delete", lambda db: db.execute("DELETE FROM attributes WHERE id = ?", (key,)))

    # -- connections -----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        # Autocommit (isolation_level=None): every statement here is its own transaction.
        return sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)

    def _prepare(self) -> None:
        """Create the directory, the file and the table once per process, on first use."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(self._connect()) as db:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                db.execute("DELETE FROM attributes WHERE expires_at <= ?", (int(self.clock()),))
            self._ready = True

    def _run(self, op: str, work: Callable[[sqlite3.Connection], Any]) -> Any:
        try:
            self._prepare()
            with closing(self._connect()) as db:
                return work(db)
        except (OSError, sqlite3.Error) as error:
            raise PersistenceException(
                f"could not {op} the cooking state in {self.path} ({error}); "
                "set COOKALONG_STATE_DB to a writable file to use another place"
            ) from error
