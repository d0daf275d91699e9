"""The embedded default store: persistent attributes in a local sqlite file.

Used when no DynamoDB table is configured (``make chat``, ``make serve``, tests). It needs no
server, survives restarts (so a second ``make chat`` resumes where the first one stopped) and is
safe under the web service's concurrent requests: the database runs in WAL mode, every call opens
and closes its own connection with a busy timeout, and a save is a single upsert.

It repairs what it can and keeps answering what it cannot repair:

* a row that is not a JSON object is moved to the ``quarantine`` table (kept for inspection,
  logged) and reads as absent, so that cook starts afresh and their next save replaces it;
* a file that is not a database (or a malformed one) is moved aside, with its ``-wal`` and
  ``-shm``, as ``<name>.corrupt-<UTC time>``, and a new database is created in its place;
* when the file cannot be written (a read-only directory, a full disk), reads still work: they
  fall back to a read-only connection, ``immutable`` when WAL's ``-shm`` cannot be created;
  writes fail with a clear error (the circuit breaker then stops trying for a while), and
  opening for writing is tried again every ``retry_seconds``.

:meth:`SqliteAdapter.health` reports all of it (the web service's ``GET /`` shows it).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
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
CREATE TABLE IF NOT EXISTS quarantine (
    id         TEXT NOT NULL,
    attributes TEXT NOT NULL,
    reason     TEXT NOT NULL,
    at         INTEGER NOT NULL
);
"""
_UPSERT = """
INSERT INTO attributes (id, attributes, expires_at) VALUES (?, ?, ?)
ON CONFLICT (id) DO UPDATE SET attributes = excluded.attributes, expires_at = excluded.expires_at
"""


_SELECT = "SELECT attributes FROM attributes WHERE id = ? AND expires_at > ?"
#: sqlite's result codes for a file that is not (or no longer) a database.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26

logger = logging.getLogger(__name__)


def _corrupt(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error)
    return "file is not a database" in text or "disk image is malformed" in text


class SqliteAdapter(AbstractPersistenceAdapter):
    """ASK SDK persistence adapter on a local sqlite database.

    Rows mirror the DynamoDB items: ``id`` (the partition key), ``attributes`` (JSON) and
    ``expires_at`` (epoch seconds); an expired row reads as absent, like DynamoDB's TTL, and
    expired rows are purged when the database is first opened by a process. See the module
    docstring for what happens to bad rows, corrupt files and unwritable places.

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
    retry_seconds
        After the file could not be opened for writing, how long before trying again.
    """

    def __init__(
        self,
        path: Path,
        *,
        ttl_seconds: int,
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        busy_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
        retry_seconds: float = 30.0,
    ) -> None:
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.partition_keygen = partition_keygen
        self.busy_timeout = busy_timeout
        self.clock = clock
        self.retry_seconds = retry_seconds
        self._ready = False  # opened for writing: directory, file, WAL and tables in place
        self._ready_lock = threading.Lock()
        self._unwritable: str | None = None  # why the last attempt to open for writing failed
        self._unwritable_at = 0.0
        self._quarantined = 0
        self._moved_aside: list[str] = []

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Return the saved attributes for the request's user, or ``{}`` when there are none.

        A row that is not a JSON object is quarantined and reads as ``{}``.
        """
        key = self.partition_keygen(request_envelope)
        row = self._read(lambda db: db.execute(_SELECT, (key, int(self.clock()))).fetchone())
        if row is None:
            return {}
        text = row[0]
        try:
            attributes = json.loads(text) if isinstance(text, str) else None
        except ValueError as error:
            attributes, reason = None, f"not JSON: {error}"
        else:
            reason = "not a JSON object"
        if isinstance(attributes, dict):
            return attributes
        self._quarantine(key, text, reason)
        return {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Replace the request's user's attributes (one upsert) and push their expiry out."""
        key = self.partition_keygen(request_envelope)
        try:
            text = json.dumps(attributes, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as error:
            raise PersistenceException(f"the state cannot be saved as JSON: {error}") from error
        expires_at = int(self.clock()) + self.ttl_seconds
        self._write("write", lambda db: db.execute(_UPSERT, (key, text, expires_at)))

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the request's user's attributes."""
        key = self.partition_keygen(request_envelope)
        self._write("delete", lambda db: db.execute("DELETE FROM attributes WHERE id = ?", (key,)))

    def health(self) -> dict[str, Any]:
        """The store's own report: where it is, whether it can write, what it has repaired."""
        return {
            "ok": self._unwritable is None,
            "path": str(self.path),
            "writable": None if not (self._ready or self._unwritable) else self._ready,
            "problem": self._unwritable,
            "quarantined_rows": self._quarantined,
            "moved_aside": list(self._moved_aside),
        }

    # -- connections -----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        # Autocommit (isolation_level=None): every statement here is its own transaction.
        return sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)

    def _connect_read_only(self, immutable: bool) -> sqlite3.Connection:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?{flags}"
        return sqlite3.connect(uri, uri=True, timeout=self.busy_timeout, isolation_level=None)

    def _prepare(self) -> None:
        """Open for writing once per process: directory, file, WAL mode and tables.

        Never raises: a place that cannot be written is remembered (and tried again after
        ``retry_seconds``); a corrupt file is moved aside and replaced.
        """
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            now = time.monotonic()
            if self._unwritable is not None and now - self._unwritable_at < self.retry_seconds:
                return
            for attempt in range(2):
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    with closing(self._connect()) as db:
                        db.execute("PRAGMA journal_mode=WAL")
                        db.executescript(_SCHEMA)
                        self._purge(db)
                except (OSError, sqlite3.Error) as error:
                    if attempt == 0 and isinstance(error, sqlite3.Error) and _corrupt(error):
                        self._move_aside(error)
                        continue
                    if self._unwritable is None:
                        logger.error(
                            "the cooking state store %s cannot be written (%s): reading only",
                            self.path,
                            error,
                        )
                    self._unwritable, self._unwritable_at = str(error), now
                    return
                self._ready, self._unwritable = True, None
                return

    def _purge(self, db: sqlite3.Connection) -> None:
        try:
            db.execute("DELETE FROM attributes WHERE expires_at <= ?", (int(self.clock()),))
        except sqlite3.Error as error:  # a full disk: expired rows read as absent anyway
            logger.warning("expired cooking states not purged from %s: %s", self.path, error)

    def _move_aside(self, error: BaseException) -> None:
        """Rename a corrupt database (and its -wal and -shm) so a fresh one can take its place."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.replace(target)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.replace(target.with_name(target.name + suffix))
        except OSError as move_error:
            logger.error(
                "corrupt cooking state store %s could not be moved aside: %s", self.path, move_error
            )
            return
        self._moved_aside.append(target.name)
        logger.error(
            "the cooking state store %s was corrupt (%s): moved aside to %s, starting a new one",
            self.path,
            error,
            target,
        )

    def _read(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        self._prepare()
        if self._ready:
            try:
                with closing(self._connect()) as db:
                    return work(db)
            except sqlite3.Error as error:
                if _corrupt(error):
                    self._recover(error)
                    return None  # the cook's place was in the file just moved aside
                logger.warning("reading %s for writing failed (%s): reading only", self.path, error)
        if not self.path.exists():
            return None  # nothing was ever saved here
        problem: BaseException | None = None
        for immutable in (False, True):  # WAL needs -shm; without it only immutable reads work
            try:
                with closing(self._connect_read_only(immutable)) as db:
                    return work(db)
            except sqlite3.Error as error:
                problem = error
        raise PersistenceException(
            f"could not read the cooking state in {self.path} ({problem}); "
            "set COOKALONG_STATE_DB to a readable file to use another place"
        )

    def _write(self, op: str, work: Callable[[sqlite3.Connection], Any]) -> Any:
        self._prepare()
        if not self._ready:
            raise PersistenceException(
                f"could not {op} the cooking state in {self.path} ({self._unwritable}); "
                "set COOKALONG_STATE_DB to a writable file to use another place"
            )
        try:
            with closing(self._connect()) as db:
                return work(db)
        except (OSError, sqlite3.Error) as error:
            if isinstance(error, sqlite3.Error) and _corrupt(error):
                self._recover(error)
            raise PersistenceException(
                f"could not {op} the cooking state in {self.path} ({error}); "
                "set COOKALONG_STATE_DB to a writable file to use another place"
            ) from error

    def _recover(self, error: BaseException) -> None:
        with self._ready_lock:
            if not self._ready:
                return  # another thread is already at it
            self._ready = False
            self._move_aside(error)

    def _quarantine(self, key: str, text: Any, reason: str) -> None:
        """Keep a row that cannot be read where it harms no one, and say so in the log."""
        logger.warning(
            "the saved cooking state of one cook is unreadable (%s): quarantined", reason
        )
        self._prepare()
        if not self._ready:
            return  # cannot write: the row stays, and reads as absent
        try:
            with closing(self._connect()) as db:
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO quarantine (id, attributes, reason, at) VALUES (?, ?, ?, ?)",
                    (key, str(text), reason, int(self.clock())),
                )
                db.execute("DELETE FROM attributes WHERE id = ?", (key,))
                db.execute("COMMIT")
        except sqlite3.Error as error:
            logger.warning("the unreadable row could not be quarantined: %s", error)
            return
        self._quarantined += 1
