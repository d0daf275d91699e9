"""Load the cook's place at the start of a session and save it when it changed.

The cooking state travels in ``session_attributes["state"]`` (a JSON-able dict with a ``"v"``
schema version, or ``None`` when the cook has nothing going; :mod:`cookalong.cooking` owns and
repairs it). The store is read at most once per session and written only when the state
differs from what the store holds, which the session remembers as a fingerprint in
``session_attributes["saved"]``:

* a fingerprint string: the store holds that state (``fingerprint(None)`` when it holds none);
* ``None``: the store could not be read, so what it holds is unknown;
* :data:`UNREAD`: the store holds a place this session never read (it came back after the
  session had already started blind), so this session must never write.

Faults never cost the cook an answer: a failed read leaves the state ``None`` and the next turn
of the session tries the read again (the cook hears once, briefly, that their saved place could
not be reached: :func:`place_unreachable`); a failed (or deferred) write leaves ``saved`` behind
the state, so every later turn of the session tries again, Stop and SessionEndedRequest
included. While the store is unknown nothing is written, so a place built blind during an outage
cannot overwrite the cook's real one. When the store comes back mid-session, the stored place is
adopted if the cook has not started anything in this session; if they have, their session's
place is saved only when the store holds no place (or the same one): a place that was never
read is never overwritten.

A state whose save fails as its session ends (a one-shot request, or Stop during an outage)
would be lost with the session attributes, so it is also kept in this process (an
:class:`UnsavedStates`, bounded and short-lived). It is written back by the first later request
of this process that finds the store answering (one kept state per request), or adopted by the
cook's next session here, provided the store still holds what it held when the save failed
(otherwise another container has saved something newer since, and that wins).

Only conversation turns (LaunchRequest, IntentRequest, SessionEndedRequest) touch the store:
CanFulfillIntentRequest must change nothing, and system requests have no place to keep.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.dispatch_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen
from ask_sdk_model import RequestEnvelope, Response

from cookalong.storage import STATE_KEY
from cookalong.storage.metered import StoreUnavailable
from cookalong.storage.values import fingerprint

logger = logging.getLogger(__name__)

#: Session attribute holding the cooking state (the contract with the handlers).
STATE = STATE_KEY
#: Session attribute holding the fingerprint of what the store holds (``None``: unknown).
SAVED = "saved"
#: ``saved`` when the store holds a place this session did not read: never write it over.
UNREAD = "unread"
#: The request types that read and save the cook's place.
CONVERSATION_TYPES = frozenset({"LaunchRequest", "IntentRequest", "SessionEndedRequest"})
#: A read slower than this (seconds) means the store is struggling: skip this request's write.
SLOW_READ_SECONDS = 1.0
# Request attributes shared by the two interceptors within one request.
_READ_SECONDS = "cookalong.persistence.read_seconds"
_READ_FAILED = "cookalong.persistence.read_failed"
_STORE_ANSWERED = "cookalong.persistence.store_answered"


def place_unreachable(handler_input: HandlerInput) -> bool:
    """Whether the cook should hear that their saved place could not be read.

    True on the first request of a session (a launch or a one-shot) whose read failed: the
    answer comes from a fresh start, and the cook should know their saved place is untouched.
    """
    envelope = handler_input.request_envelope
    return bool(
        handler_input.attributes_manager.request_attributes.get(_READ_FAILED)
        and envelope.session is not None
        and envelope.session.new
    )


def _conversation(envelope: RequestEnvelope) -> bool:
    request = envelope.request
    return envelope.session is not None and getattr(request, "object_type", None) in (
        CONVERSATION_TYPES
    )


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
        self._entries: OrderedDict[str, tuple[str, Any, float, RequestEnvelope | None]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def put(self, key: str, base: str, state: Any, envelope: RequestEnvelope | None = None) -> None:
        """Remember ``state`` for ``key``; ``base`` is the fingerprint the store held then.

        ``envelope`` (the request that could not save) lets a later request write it back.
        """
        with self._lock:
            self._entries.pop(key, None)
            self._entries[key] = (base, state, self.clock(), envelope)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def pop_other(self, key: str | None) -> tuple[str, str, Any, RequestEnvelope] | None:
        """Remove and return the oldest young entry of another cook that can be written back.

        Returns
        -------
        tuple or None
            ``(key, base, state, envelope)``; ``None`` when there is none (old entries met on
            the way are dropped).
        """
        with self._lock:
            for other in list(self._entries):
                if other == key:
                    continue
                base, state, at, envelope = self._entries[other]
                if envelope is None:
                    continue
                del self._entries[other]
                if self.clock() - at <= self.max_age:
                    return other, base, state, envelope
        return None

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
        base, state, at, _ = entry
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
        if not _conversation(envelope):
            return  # no session attributes to fill, or a request that must change nothing
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
                "cooking state not loaded, answering from the session: %s",
                error,
                exc_info=not isinstance(error, StoreUnavailable),
            )
            return
        finally:
            manager.request_attributes[_READ_SECONDS] = time.perf_counter() - started
        manager.request_attributes[_STORE_ANSWERED] = True

        if session.get(STATE) is None:
            state = stored
            key = _key(self.partition_keygen, envelope)
            if self.unsaved is not None and key is not None:
                found, pending = self.unsaved.take(key, stored_print)
                if found:
                    logger.info("resuming from a state whose save failed earlier")
                    state = pending
            session[STATE] = state
        elif stored is not None and stored_print != _print_or_none(session[STATE], self.ignore):
            # The cook started something while the store was unreadable, and the store holds
            # another place, which this session never read: keep both as they are.
            logger.warning(
                "the store is back holding a place this session did not read: this session's "
                "place will not be saved over it"
            )
            session[SAVED] = UNREAD
            return
        else:
            logger.info("the store is back holding no other place: saving this session's place")
        session[SAVED] = stored_print


def _print_or_none(state: Any, ignore: Collection[str]) -> str | None:
    try:
        return fingerprint(state, ignore)
    except (TypeError, ValueError):
        return None


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
    adapter
        The skill's persistence adapter, to write back one kept unsaved state of another cook
        after a request that found the store answering; none: kept states wait for their
        cook's next session in this process.
    """

    def __init__(
        self,
        unsaved: UnsavedStates | None = None,
        ignore: Collection[str] = (),
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        slow_read_seconds: float = SLOW_READ_SECONDS,
        adapter: AbstractPersistenceAdapter | None = None,
    ) -> None:
        self.unsaved = unsaved
        self.ignore = frozenset(ignore)
        self.partition_keygen = partition_keygen
        self.slow_read_seconds = slow_read_seconds
        self.adapter = adapter

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        """Save ``session_attributes["state"]`` if it changed; never raise."""
        envelope = handler_input.request_envelope
        if not _conversation(envelope):
            return
        self._save(handler_input)
        if handler_input.attributes_manager.request_attributes.get(_STORE_ANSWERED):
            self._write_back_one(_key(self.partition_keygen, envelope))

    def _save(self, handler_input: HandlerInput) -> None:
        envelope = handler_input.request_envelope
        manager = handler_input.attributes_manager
        session = manager.session_attributes
        if not session or STATE not in session:
            return
        state = session[STATE]
        saved = session.get(SAVED)
        if saved == UNREAD:
            return  # the store holds a place this session never read
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
            self._keep(key, saved, state, envelope)
            return
        try:
            manager.persistent_attributes = {STATE: state}
            manager.save_persistent_attributes()
        except Exception as error:
            logger.warning(
                "cooking state not saved, a later turn will retry: %s",
                error,
                exc_info=not isinstance(error, StoreUnavailable),
            )
            self._keep(key, saved, state, envelope)
            return
        manager.request_attributes[_STORE_ANSWERED] = True
        session[SAVED] = state_print
        if self.unsaved is not None and key is not None:
            self.unsaved.discard(key)

    def _keep(
        self, key: str | None, saved: str | None, state: Any, envelope: RequestEnvelope
    ) -> None:
        if self.unsaved is not None and key is not None and saved not in (None, UNREAD):
            self.unsaved.put(key, saved, state, envelope)

    def _write_back_one(self, key: str | None) -> None:
        """The store answers: write back one state kept for another cook, if still current."""
        if self.unsaved is None or self.adapter is None:
            return
        entry = self.unsaved.pop_other(key)
        if entry is None:
            return
        other, base, state, envelope = entry
        try:
            stored = self.adapter.get_attributes(envelope)
            held = stored.get(STATE) if isinstance(stored, dict) else None
            if fingerprint(held, self.ignore) != base:
                logger.info("a kept unsaved state was dropped: the store has moved on since")
                return
            self.adapter.save_attributes(envelope, {STATE: state})
        except Exception as error:
            logger.info("a kept unsaved state is still not saved: %s", error)
            self.unsaved.put(other, base, state, envelope)
            return
        logger.info("a kept unsaved state was written back")


def persistence_interceptors(
    ignore: Collection[str] = (),
    slow_read_seconds: float = SLOW_READ_SECONDS,
    adapter: AbstractPersistenceAdapter | None = None,
) -> tuple[LoadStateInterceptor, SaveStateInterceptor]:
    """The two interceptors, sharing one :class:`UnsavedStates`; build once, at start-up.

    Parameters
    ----------
    ignore
        Top-level state keys whose change alone should not cost a write (for example the last
        thing said, which "repeat that" needs only within the session).
    slow_read_seconds
        A request whose read took longer leaves its write to the next turn.
    adapter
        The skill's persistence adapter: with it, states whose save failed as their session
        ended are written back as soon as the store answers again (see the module docstring).

    Returns
    -------
    tuple[LoadStateInterceptor, SaveStateInterceptor]
        Register the first as a global request interceptor and the second as a global
        response interceptor.
    """
    unsaved = UnsavedStates()
    return (
        LoadStateInterceptor(unsaved, ignore),
        SaveStateInterceptor(unsaved, ignore, slow_read_seconds=slow_read_seconds, adapter=adapter),
    )


__all__ = [
    "CONVERSATION_TYPES",
    "SAVED",
    "STATE",
    "UNREAD",
    "LoadStateInterceptor",
    "SaveStateInterceptor",
    "UnsavedStates",
    "persistence_interceptors",
    "place_unreachable",
]
