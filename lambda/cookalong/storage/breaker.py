"""A per-container circuit breaker for the store: an outage costs one slow call, not every turn.

Without it, a hung DynamoDB costs every turn its full timeout (about 2 s), questions included,
because each turn retries the write the last one could not make. With it:

* **closed** (normal): every call goes to the store. A failure that took longer than
  ``slow_failure_seconds``, or ``failures_to_open`` failures in a row, open the breaker.
* **open**: calls fail at once, without touching the store (the interceptors already answer
  from the session and keep the unsaved place), until ``cooldown`` seconds have passed.
* **half-open**: the next call is let through alone, as a *probe* (the store adapter gives it
  short timeouts and no retry). Success closes the breaker, so the turn that probed has saved;
  failure opens it again for twice as long, up to ``max_cooldown``.

Pure logic, thread-safe, no I/O; the clock is injectable for tests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import StrEnum

__all__ = ["CircuitBreaker", "Permit"]


class Permit(StrEnum):
    """What :meth:`CircuitBreaker.permit` allows this call to do."""

    CALL = "call"  # closed: an ordinary call
    PROBE = "probe"  # half-open: this call alone tests the store, with short timeouts
    REFUSE = "refuse"  # open: do not touch the store


class CircuitBreaker:
    """Decides whether a store call may be made, from how the last ones went.

    Parameters
    ----------
    slow_failure_seconds
        A failed call that took at least this long opens the breaker at once (a hung store).
    failures_to_open
        This many failures in a row open it, however fast (a store that refuses quickly costs
        little per call, so a couple of retries are cheap and ride out a blip).
    cooldown
        Seconds the breaker stays open after it first opens.
    max_cooldown
        The longest it stays open; the cooldown doubles after each failed probe up to this.
    clock
        Monotonic seconds.
    """

    def __init__(
        self,
        *,
        slow_failure_seconds: float = 0.5,
        failures_to_open: int = 3,
        cooldown: float = 5.0,
        max_cooldown: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.slow_failure_seconds = slow_failure_seconds
        self.failures_to_open = failures_to_open
        self.base_cooldown = cooldown
        self.max_cooldown = max_cooldown
        self.clock = clock
        self._lock = threading.Lock()
        self._failures = 0  # in a row
        self._open_until: float | None = None  # None: closed
        self._cooldown = cooldown
        self._probing = False
        self._opened = 0  # times it opened (for health reports)
        self._refused = 0  # calls refused while open

    def permit(self) -> Permit:
        """Whether the next call may go to the store, and how."""
        with self._lock:
            if self._open_until is None:
                return Permit.CALL
            if self._probing or self.clock() < self._open_until:
                self._refused += 1
                return Permit.REFUSE
            self._probing = True
            return Permit.PROBE

    def record(self, permit: Permit, ok: bool, seconds: float) -> None:
        """Report how a permitted call went.

        Parameters
        ----------
        permit
            What :meth:`permit` returned for it.
        ok
            Whether it succeeded.
        seconds
            How long it took.
        """
        with self._lock:
            if permit is Permit.PROBE:
                self._probing = False
            if ok:
                self._failures = 0
                self._open_until = None
                self._cooldown = self.base_cooldown
                return
            self._failures += 1
            if permit is Permit.PROBE:
                self._cooldown = min(self._cooldown * 2, self.max_cooldown)
                self._open_until = self.clock() + self._cooldown
            elif self._open_until is None and (
                seconds >= self.slow_failure_seconds or self._failures >= self.failures_to_open
            ):
                self._opened += 1
                self._cooldown = self.base_cooldown
                self._open_until = self.clock() + self._cooldown

    @property
    def state(self) -> str:
        """``"closed"``, ``"open"`` or ``"half-open"`` (a probe is due or under way)."""
        with self._lock:
            if self._open_until is None:
                return "closed"
            if self._probing or self.clock() >= self._open_until:
                return "half-open"
            return "open"

    def snapshot(self) -> dict[str, object]:
        """The breaker's state for a health report."""
        state = self.state
        with self._lock:
            retry_in = (
                max(self._open_until - self.clock(), 0.0) if self._open_until is not None else 0.0
            )
            return {
                "state": state,
                "failures_in_a_row": self._failures,
                "times_opened": self._opened,
                "calls_refused": self._refused,
                "probe_in_seconds": round(retry_in, 1),
            }
