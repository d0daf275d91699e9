"""Load the cook's place at the start of a session and save it when it changed.

The cooking state travels in ``session_attributes["state"]`` (a JSON-able dict with a ``"v"``
schema version, or ``None`` when the cook has nothing going; :mod:`cookalong.cooking` owns and
repairs it). The store is read at most once per session and written only when the state
differs from what the store holds, which the session remembers as a fingerprint in
``session_attributes["saved"]``:

* a fingerprint string: the store holds that state (``fingerprint(None)`` when it holds none);
* ``None``: the store could not be read, so what it holds is unknown.

Faults never cost the cook an answer: a failed read leaves the state ``None`` and the next turn
of the session tries the read again; a failed (or deferred) write leaves ``saved`` behind the
state, so every later turn of the session tries again, Stop and SessionEndedRequest included.
While the store is unknown nothing is written, so a place built blind during an outage cannot
overwrite the cook's real one; when the store comes back mid-session, the stored place is
adopted if the cook has not started anything in this session, and the session's (newer) place
is kept and saved if they have.

A state whose save fails as its session ends (a one-shot request, or Stop during an outage)
would be lost with the session attributes, so it is also kept in this process (an
:class:`UnsavedStates`, bounded and short-lived) and adopted by the next session of the same
cook that this process serves, provided the store still holds what it held when the save
failed (otherwise another container has saved something newer since, and that wins).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from typing import Any

from ask_sdk_core.dispatch_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen
from ask_sdk_model import RequestEnvelope, Response

from cookalong.storage import STATE_KEY
from cookalong.storage.values import fingerprint

logger = logging.getLogger(__name__)

#: Session attribute holding the cooking state (the contract with the handlers).
STATE = STATE_KEY
#: Session attribute holding the fingerprint of what the store holds (``None``: unknown).
SAVED = "saved"
#: A read slower than this (seconds) means the store is struggling: skip this request's write.
SLOW_READ_SECONDS = 1.0
# Request attributes shared by the two interceptors within one request.
_READ_SECONDS = "cookalong.persistence.read_seconds"
_READ_FAILED = "cookalong.persistence.read_failed"


class UnsavedStates:
    """Cooking states whose save failed, kept in this process for the cook's next session.

    Thread-safe, bounded to ``max_entries`` (oldest dropped first) and to ``max_age`` seconds.

    Parameters
    ----------
    max_entries
        How many cooks' unsaved states to keep at most.
    max_age
        Seconds after which an unsaved state is dropped rather than adopted.
    clock
        Monotonic seconds (injectable for tests).
    """

    def __init__(
        self,
        max_entries: int = 1024,
        max_age: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.max_age = max_age
        self.clock = clock
        self._entries: OrderedDict[str, tuple[str, Any, float]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, base: str, state: Any) -> None:
        """Remember ``state`` for ``key``; ``base`` is the fingerprint the store held then."""
        with self._lock:
            self._entries.pop(key, None)
            self._entries[key] = (base, state, self.clock())
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def take(self, key: str, stored: str) -> tuple[bool, Any]:
        """Remove ``key``'s entry; return ``(True, state)`` if the store still holds its base.

        Parameters
        ----------
        key
            The cook's partition key.
        stored
            Fingerprint of what the store holds now.

        Returns
        -------
        tuple[bool, Any]
            ``(True, state)`` when an entry exists, is younger than ``max_age`` and was based on
            ``stored``; ``(False, None)`` otherwise (a stale entry is dropped).
        """
        with self._lock:
            entry = self._entries.pop(key, None)
        if entry is None:
            return False, None
        base, state, at = entry
        if base != stored or self.clock() - at > self.max_age:
            logger.info("dropping an unsaved cooking state: the store has moved on or it is old")
            return False, None
        return True, state

    def discard(self, key: str) -> None:
        """Forget ``key``'s entry (its state has been saved)."""
        with self._lock:
            self._entries.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def _key(keygen: Callable[[RequestEnvelope], str], envelope: RequestEnvelope) -> str | None:
    try:
        return keygen(envelope)
    except Exception:
        return None


class LoadStateInterceptor(AbstractRequestInterceptor):
    """Put the stored cooking state into the session, once per session.

    Parameters
    ----------
    unsaved
        Shared with the :class:`SaveStateInterceptor`: states whose save failed.
    ignore
        Top-level state keys that alone do not make the state worth saving (see
        :func:`cookalong.storage.values.fingerprint`); must match the save side.
    partition_keygen
        Request envelope to the cook's key, as the adapter computes it.
    """

    def __init__(
        self,
        unsaved: UnsavedStates | None = None,
        ignore: Collection[str] = (),
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
    ) -> None:
        self.unsaved = unsaved
        self.ignore = frozenset(ignore)
        self.partition_keygen = partition_keygen

    def process(self, handler_input: HandlerInput) -> None:
        """Read the store when the session has no state yet (or the last read failed)."""
        envelope = handler_input.request_envelope
        if envelope.session is None:
            return  # not a conversation turn (no session attributes to fill)
        manager = handler_input.attributes_manager
        session = manager.session_attributes
        if STATE in session and session.get(SAVED) is not None:
            return  # already loaded in this session: no read
        started = time.perf_counter()
        try:
            persistent = manager.persistent_attributes
            stored = persistent.get(STATE) if isinstance(persistent, dict) else None
            stored_print = fingerprint(stored, self.ignore)
        except Exception as error:
            manager.request_attributes[_READ_FAILED] = True
            session.setdefault(STATE, None)
            session[SAVED] = None
            logger.warning(
                "cooking state not loaded, answering from the session: %s", error, exc_info=True
            )
            return
        finally:
            manager.request_attributes[_READ_SECONDS] = time.perf_counter() - started

        if session.get(STATE) is None:
            state = stored
            key = _key(self.partition_keygen, envelope)
            if self.unsaved is not None and key is not None:
                found, pending = self.unsaved.take(key, stored_print)
                if found:
                    logger.info("resuming from a state whose save failed earlier")
                    state = pending
            session[STATE] = state
        else:
            logger.warning("the store is back: keeping the place the cook reached in this session")
        session[SAVED] = stored_print


class SaveStateInterceptor(AbstractResponseInterceptor):
    """Write the cooking state once, after the handler, when it differs from the store.

    Parameters
    ----------
    unsaved
        Shared with the :class:`LoadStateInterceptor`: where a state whose save failed waits.
    ignore
        Top-level state keys that alone do not make the state worth saving; must match the
        load side.
    partition_keygen
        Request envelope to the cook's key, as the adapter computes it.
    slow_read_seconds
        Skip the write (and leave it to a later turn) when this request's read took longer:
        the store is struggling and Alexa's 8 seconds are running.
    """

    def __init__(
        self,
        unsaved: UnsavedStates | None = None,
        ignore: Collection[str] = (),
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        slow_read_seconds: float = SLOW_READ_SECONDS,
    ) -> None:
        self.unsaved = unsaved
        self.ignore = frozenset(ignore)
        self.partition_keygen = partition_keygen
        self.slow_read_seconds = slow_read_seconds

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        """Save ``session_attributes["state"]`` if it changed; never raise."""
        envelope = handler_input.request_envelope
        if envelope.session is None:
            return
        manager = handler_input.attributes_manager
        session = manager.session_attributes
        if not session or STATE not in session:
            return
        state = session[STATE]
        saved = session.get(SAVED)
        try:
            state_print = fingerprint(state, self.ignore)
        except (TypeError, ValueError) as error:
            logger.error("the cooking state cannot be saved: %s", error)
            return
        if state_print == saved:
            return  # unchanged: no write
        if manager.request_attributes.get(_READ_FAILED):
            # The store could not be read, so what it holds is unknown: writing now could put a
            # place built blind over the cook's real one (and would spend more of Alexa's 8
            # seconds on a store that just failed). The next turn reads first, then saves.
            logger.info("cooking state not saved: the store could not be read on this request")
            return
        key = _key(self.partition_keygen, envelope)
        if manager.request_attributes.get(_READ_SECONDS, 0.0) > self.slow_read_seconds:
            logger.warning("cooking state save deferred: the store was slow on this request")
            self._keep(key, saved, state)
            return
        try:
            manager.persistent_attributes = {STATE: state}
            manager.save_persistent_attributes()
        except Exception as error:
            logger.warning(
                "cooking state not saved, a later turn will retry: %s", error, exc_info=True
            )
            self._keep(key, saved, state)
            return
        session[SAVED] = state_print
        if self.unsaved is not None and key is not None:
            self.unsaved.discard(key)

    def _keep(self, key: str | None, saved: str | None, state: Any) -> None:
        if self.unsaved is not None and key is not None and saved is not None:
            self.unsaved.put(key, saved, state)


def persistence_interceptors(
    ignore: Collection[str] = (), slow_read_seconds: float = SLOW_READ_SECONDS
) -> tuple[LoadStateInterceptor, SaveStateInterceptor]:
    """The two interceptors, sharing one :class:`UnsavedStates`; build once, at start-up.

    Parameters
    ----------
    ignore
        Top-level state keys whose change alone should not cost a write (for example the last
        thing said, which "repeat that" needs only within the session).
    slow_read_seconds
        A request whose read took longer leaves its write to the next turn.

    Returns
    -------
    tuple[LoadStateInterceptor, SaveStateInterceptor]
        Register the first as a global request interceptor and the second as a global
        response interceptor.
    """
    unsaved = UnsavedStates()
    return (
        LoadStateInterceptor(unsaved, ignore),
        SaveStateInterceptor(unsaved, ignore, slow_read_seconds=slow_read_seconds),
    )


__all__ = [
    "SAVED",
    "STATE",
    "LoadStateInterceptor",
    "SaveStateInterceptor",
    "UnsavedStates",
    "persistence_interceptors",
]
