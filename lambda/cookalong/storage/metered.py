"""Counting and logging every store call, so cost and latency are observable.

:class:`MeteredAdapter` wraps any ASK SDK persistence adapter. Each read, write and delete adds
to a :class:`StoreStats` (what a benchmark reports as reads and writes per session) and leaves
one structured log line; a failure is logged at WARNING and re-raised as the SDK's
``PersistenceException`` for the interceptors to handle.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

logger = logging.getLogger("cookalong.storage")


@dataclass
class StoreStats:
    """Running totals of the store calls made by one adapter (thread-safe).

    ``reads``, ``writes`` and ``deletes`` count calls made, successful or not; ``failures``
    counts the calls of any kind that raised. ``*_seconds`` add up the time they took.
    """

    reads: int = 0
    writes: int = 0
    deletes: int = 0
    failures: int = 0
    read_seconds: float = 0.0
    write_seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def record(self, op: str, seconds: float, ok: bool) -> None:
        """Add one call of kind ``op`` ("read", "write" or "delete") to the totals."""
        with self._lock:
            if op == "read":
                self.reads += 1
                self.read_seconds += seconds
            elif op == "write":
                self.writes += 1
                self.write_seconds += seconds
            else:
                self.deletes += 1
            if not ok:
                self.failures += 1

    def snapshot(self) -> dict[str, int | float]:
        """The totals as a plain dict (a consistent copy, for a report or a test)."""
        with self._lock:
            return {
                "reads": self.reads,
                "writes": self.writes,
                "deletes": self.deletes,
                "failures": self.failures,
                "read_seconds": round(self.read_seconds, 6),
                "write_seconds": round(self.write_seconds, 6),
            }


class MeteredAdapter(AbstractPersistenceAdapter):
    """A persistence adapter that counts, times and logs the calls it passes to another.

    Parameters
    ----------
    inner
        The adapter doing the work (DynamoDB or sqlite).
    store
        A short name for log lines: "dynamodb" or "sqlite".
    stats
        Where to add the counts; a fresh :class:`StoreStats` when omitted.
    """

    def __init__(
        self, inner: AbstractPersistenceAdapter, store: str, stats: StoreStats | None = None
    ) -> None:
        self.inner = inner
        self.store = store
        self.stats = stats if stats is not None else StoreStats()

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Read the cook's persistent attributes (one GetItem or SELECT)."""
        return self._call("read", self.inner.get_attributes, request_envelope)

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Write the cook's persistent attributes (one PutItem or upsert)."""
        self._call("write", self.inner.save_attributes, request_envelope, attributes)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the cook's persistent attributes."""
        self._call("delete", self.inner.delete_attributes, request_envelope)

    def _call(self, op: str, method: Any, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            result = method(*args)
        except Exception as error:
            seconds = time.perf_counter() - started
            self.stats.record(op, seconds, ok=False)
            fields = {"event": f"store.{op}", "store": self.store, "ok": False}
            fields |= {"ms": round(seconds * 1000, 1), "error": str(error)[:300]}
            logger.warning(json.dumps(fields), extra={"store": fields})
            if isinstance(error, PersistenceException):
                raise
            raise PersistenceException(f"{self.store} {op} failed: {error}") from error
        seconds = time.perf_counter() - started
        self.stats.record(op, seconds, ok=True)
        fields = {"event": f"store.{op}", "store": self.store, "ok": True}
        fields["ms"] = round(seconds * 1000, 1)
        if op == "read":
            fields["found"] = bool(result)
        logger.info(json.dumps(fields), extra={"store": fields})
        return result
