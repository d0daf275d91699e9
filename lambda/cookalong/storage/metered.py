"""Counting, logging and guarding every store call, so cost and latency are observable.

:class:`MeteredAdapter` wraps any ASK SDK persistence adapter. Each read, write and delete adds
to a :class:`StoreStats` (what a benchmark reports as reads and writes per session) and leaves
one structured log line; a failure is logged at WARNING and re-raised as the SDK's
``PersistenceException`` for the interceptors to handle.

With a :class:`~cookalong.storage.breaker.CircuitBreaker`, a store that is failing is not called
at all while the breaker is open (the call raises :class:`StoreUnavailable` at once and counts as
``refused``), and the call that probes it goes to the ``probe`` adapter (the same store with
short timeouts and no retry).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.exceptions import PersistenceException
from ask_sdk_model import RequestEnvelope

from cookalong.storage.breaker import CircuitBreaker, Permit

logger = logging.getLogger("cookalong.storage")


class StoreStats:
    """Running totals of the store calls made by one adapter (thread-safe).

    ``reads``, ``writes`` and ``deletes`` count calls made, successful or not; ``failures``
    counts the calls of any kind that raised. ``*_seconds`` add up the time they took.
    ``refused`` counts the calls not made because the circuit breaker was open.

    A plain class, not a dataclass (whose code generation would cost every cold start): the
    totals are read through :meth:`snapshot`.
    """

    def __init__(self) -> None:
        self.reads = 0
        self.writes = 0
        self.deletes = 0
        self.failures = 0
        self.refused = 0
        self.read_seconds = 0.0
        self.write_seconds = 0.0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"StoreStats({self.snapshot()})"

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

    def record_refused(self) -> None:
        """Add one call that the circuit breaker kept from the store."""
        with self._lock:
            self.refused += 1

    def snapshot(self) -> dict[str, int | float]:
        """The totals as a plain dict (a consistent copy, for a report or a test)."""
        with self._lock:
            return {
                "reads": self.reads,
                "writes": self.writes,
                "deletes": self.deletes,
                "failures": self.failures,
                "refused": self.refused,
                "read_seconds": round(self.read_seconds, 6),
                "write_seconds": round(self.write_seconds, 6),
            }


class StoreUnavailable(PersistenceException):
    """The circuit breaker is open: the store was not called (it failed recently)."""


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
    breaker
        Keeps calls away from a failing store; none: every call is made.
    probe
        Builds (once, when first needed) the adapter a probing call uses: the same store with
        short timeouts. None: probes use ``inner``.
    """

    def __init__(
        self,
        inner: AbstractPersistenceAdapter,
        store: str,
        stats: StoreStats | None = None,
        *,
        breaker: CircuitBreaker | None = None,
        probe: Callable[[], AbstractPersistenceAdapter] | None = None,
    ) -> None:
        self.inner = inner
        self.store = store
        self.stats = stats if stats is not None else StoreStats()
        self.breaker = breaker
        self._probe_factory = probe
        self._probe: AbstractPersistenceAdapter | None = None
        self._probe_lock = threading.Lock()

    def renew(self, environ: Mapping[str, str]) -> None:
        """Re-create the store's connections (after a SnapStart restore); the breaker's probe is
        built again on the next outage."""
        renew = getattr(self.inner, "renew", None)
        if renew is not None:
            renew(environ)
        with self._probe_lock:
            self._probe = None

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Read the cook's persistent attributes (one GetItem or SELECT)."""
        return self._call("read", "get_attributes", request_envelope)

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Write the cook's persistent attributes (one PutItem or upsert)."""
        self._call("write", "save_attributes", request_envelope, attributes)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Forget the cook's persistent attributes."""
        self._call("delete", "delete_attributes", request_envelope)

    def health(self) -> dict[str, Any]:
        """What a health check reports about the store: no store call is made.

        Returns
        -------
        dict
            ``ok`` (the breaker is closed and the store reports no fault), ``store``, the
            breaker's state, the call counts, and whatever the store itself reports
            (the sqlite store: whether it can write, rows quarantined, files moved aside).
        """
        report: dict[str, Any] = {"store": self.store, "ok": True}
        inner_health = getattr(self.inner, "health", None)
        if callable(inner_health):
            report |= inner_health()
        if self.breaker is not None:
            report["breaker"] = self.breaker.snapshot()
            report["ok"] = bool(report["ok"]) and report["breaker"]["state"] == "closed"
        report["calls"] = self.stats.snapshot()
        return report

    def _target(self, permit: Permit) -> AbstractPersistenceAdapter:
        if permit is not Permit.PROBE or self._probe_factory is None:
            return self.inner
        with self._probe_lock:
            if self._probe is None:
                self._probe = self._probe_factory()
            return self._probe

    def _call(self, op: str, name: str, *args: Any) -> Any:
        permit = self.breaker.permit() if self.breaker is not None else Permit.CALL
        if permit is Permit.REFUSE:
            self.stats.record_refused()
            fields = {"event": f"store.{op}", "store": self.store, "ok": False, "refused": True}
            logger.info(json.dumps(fields), extra={"store": fields})
            raise StoreUnavailable(
                f"{self.store} {op} not attempted: the store failed recently (circuit open)"
            )
        started = time.perf_counter()
        try:
            result = getattr(self._target(permit), name)(*args)
        except Exception as error:
            seconds = time.perf_counter() - started
            self.stats.record(op, seconds, ok=False)
            if self.breaker is not None:
                self.breaker.record(permit, ok=False, seconds=seconds)
            fields = {"event": f"store.{op}", "store": self.store, "ok": False}
            fields |= {"ms": round(seconds * 1000, 1), "error": str(error)[:300]}
            if permit is Permit.PROBE:
                fields["probe"] = True
            logger.warning(json.dumps(fields), extra={"store": fields})
            if isinstance(error, PersistenceException):
                raise
            raise PersistenceException(f"{self.store} {op} failed: {error}") from error
        seconds = time.perf_counter() - started
        self.stats.record(op, seconds, ok=True)
        if self.breaker is not None:
            self.breaker.record(permit, ok=True, seconds=seconds)
        fields = {"event": f"store.{op}", "store": self.store, "ok": True}
        fields["ms"] = round(seconds * 1000, 1)
        if permit is Permit.PROBE:
            fields["probe"] = True
        if op == "read":
            fields["found"] = bool(result)
        logger.info(json.dumps(fields), extra={"store": fields})
        return result
