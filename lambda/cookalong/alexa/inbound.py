"""Cleaning an incoming Alexa request before the SDK reads it (see :mod:`cookalong.alexa.gate`).

Cleaning keeps the envelope's shape and repairs the only parts of it that the skill says or
echoes back: slot values (strings only, without characters XML cannot hold, at most
:data:`~cookalong.alexa.text.MAX_SLOT_CHARS` long) and the session attributes (only what the
skill itself keeps there: ``state``, a small plain dict, else dropped so that the place is read
from the store again; ``turn``, the cooking state's ``TURN_FIELDS`` as cleaned strings;
``saved``, a short token). The rest is only ever read by the SDK's typed reader, which refuses
what does not fit (:func:`cookalong.alexa.gate.read_envelope`), and by code that never repeats
it. This costs a few microseconds per request: no pass over the whole event.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from cookalong.alexa.persistence import SAVED
from cookalong.alexa.state import STATE_ATTRIBUTE, TURN_ATTRIBUTE
from cookalong.alexa.text import MAX_SLOT_CHARS, MAX_SPEECH_CHARS, clean_text, xml_safe
from cookalong.cooking.state import TURN_FIELDS

__all__ = ["MAX_DEPTH", "Malformed", "clean_event", "within_depth"]

log = logging.getLogger(__name__)

#: Deepest nesting the web service accepts in a body (a real envelope is about 8 levels deep).
MAX_DEPTH = 32
#: The cooking state the skill writes is a few hundred bytes and two levels deep; a larger or
#: deeper one did not come from us.
MAX_STATE_BYTES = 8 * 1024
MAX_STATE_DEPTH = 6
#: Longest text kept of a ``turn`` value (what was last said: at most one speech).
MAX_TURN_CHARS = MAX_SPEECH_CHARS


class Malformed(ValueError):
    """The request cannot be served as an Alexa request envelope; the message says why."""


def clean_event(event: Any) -> dict[str, Any]:
    """A copy of ``event`` whose slots and session attributes are repaired (see the module).

    Only the parts it changes are copied; the caller's event is left as it was.

    Raises
    ------
    Malformed
        When it is not a JSON object.
    """
    if not isinstance(event, dict):
        raise Malformed("the request is not a JSON object")
    return _repair(dict(event))


def _repair(event: dict[str, Any]) -> dict[str, Any]:
    """The slot and session-attribute repairs, on copies of the parts they change."""
    request = event.get("request")
    if isinstance(request, dict):
        intent = request.get("intent")
        if isinstance(intent, dict):
            intent = dict(intent)
            _clean_slots(intent)
            event["request"] = {**request, "intent": intent}
    session = event.get("session")
    if isinstance(session, dict):
        event["session"] = {**session, "attributes": _session_attributes(session.get("attributes"))}
    return event


def _clean_slots(intent: dict[str, Any]) -> None:
    """Slots whose values are strings (cleaned, bounded), on new dicts: the input is not changed."""
    slots = intent.get("slots")
    if not isinstance(slots, dict):
        intent.pop("slots", None)
        return
    if all(_tidy_slot(slot) for slot in slots.values()):
        return  # what Alexa sends: nothing to change, nothing to copy
    fixed: dict[str, Any] = {}
    for name, slot in slots.items():
        if not isinstance(slot, dict):
            continue
        slot = dict(slot)
        value = slot.get("value")
        if value is not None and not isinstance(value, str):
            del slot["value"]  # {"a": 1} or true was never said
        elif isinstance(value, str):
            slot["value"] = clean_text(value, MAX_SLOT_CHARS)
        resolutions = slot.get("resolutions")
        if isinstance(resolutions, dict):
            slot["resolutions"] = _clean_resolutions(resolutions)
        fixed[name] = slot
    intent["slots"] = fixed


def _tidy_slot(slot: Any) -> bool:
    """Whether a slot is already as :func:`_clean_slots` would leave it (the usual case)."""
    if not isinstance(slot, dict):
        return False
    value = slot.get("value")
    if value is not None and (
        not isinstance(value, str) or clean_text(value, MAX_SLOT_CHARS) != value
    ):
        return False
    resolutions = slot.get("resolutions")
    if resolutions is None:
        return True
    if not isinstance(resolutions, dict):
        return False
    authorities = resolutions.get("resolutionsPerAuthority")
    if authorities is None:
        return True
    if not isinstance(authorities, list):
        return False
    for authority in authorities:
        if not isinstance(authority, dict):
            return False
        values = authority.get("values")
        if values is None:
            continue
        if not isinstance(values, list):
            return False
        for item in values:
            resolved = item.get("value") if isinstance(item, dict) else None
            if not isinstance(resolved, dict) or not all(
                isinstance(resolved.get(k, ""), str) for k in ("name", "id")
            ):
                return False
    return True


def _clean_resolutions(resolutions: dict[str, Any]) -> dict[str, Any]:
    authorities = []
    for authority in _list(resolutions.get("resolutionsPerAuthority")):
        if not isinstance(authority, dict):
            continue
        values = []
        for item in _list(authority.get("values")):
            resolved = _dict(_dict(item).get("value"))
            kept = {
                k: v for k, v in resolved.items() if k not in ("name", "id") or isinstance(v, str)
            }
            values.append({**_dict(item), "value": kept})
        authorities.append({**authority, "values": values})
    return {**resolutions, "resolutionsPerAuthority": authorities}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _session_attributes(attributes: Any) -> dict[str, Any]:
    """Only what the skill itself keeps in the session, each checked and bounded."""
    if not isinstance(attributes, dict):
        return {}
    kept: dict[str, Any] = {}
    state = attributes.get(STATE_ATTRIBUTE, ...)
    if isinstance(state, dict):
        state = _checked_state(state)
        if state is None:
            log.warning("a session state that the skill did not write was dropped")
        else:
            kept[STATE_ATTRIBUTE] = state
    elif state is None:
        kept[STATE_ATTRIBUTE] = None
    turn = attributes.get(TURN_ATTRIBUTE)
    if isinstance(turn, dict):
        fields: dict[str, Any] = {}
        for k in TURN_FIELDS:
            value = turn.get(k)
            if isinstance(value, str):
                fields[k] = xml_safe(value)[:MAX_TURN_CHARS]
            elif isinstance(value, dict):  # a typed offer or topic: small, checked like a state
                checked = _checked_state(value)
                if checked is not None:
                    fields[k] = checked
        if fields:
            kept[TURN_ATTRIBUTE] = fields
    saved = attributes.get(SAVED)
    if saved is None and SAVED in attributes:
        kept[SAVED] = None
    elif isinstance(saved, str) and len(saved) <= 32 and saved.isascii() and saved.isalnum():
        kept[SAVED] = saved
    return kept


def _checked_state(state: dict[str, Any]) -> dict[str, Any] | None:
    """The session's state if the skill could have written it, cleaned; ``None`` if not.

    Small (:data:`MAX_STATE_BYTES` of JSON), at most :data:`MAX_STATE_DEPTH` deep, numbers
    finite. Its text is what the skill writes (ids, words), so the usual state passes as it is;
    one whose JSON shows an escape (``\\u``, ``\\b``, ``\\f``) is copied without the
    characters XML cannot hold. The depth is checked first, so the encoder needs no guard
    against cycles (a cycle is infinitely deep).
    """
    if not within_depth(state, MAX_STATE_DEPTH):
        return None
    try:
        text = _STATE_ENCODER.encode(state)
    except (TypeError, ValueError, RecursionError):  # NaN or Infinity, or not JSON at all
        return None
    if len(text) > MAX_STATE_BYTES:
        return None
    if "\\u" in text or "\\b" in text or "\\f" in text:
        return _xml_safe_copy(state)
    return state


#: ``json.dumps(..., allow_nan=False)`` made once, not per call, and without the cycle check
#: (:func:`_checked_state` bounds the depth first).
_STATE_ENCODER = json.JSONEncoder(allow_nan=False, check_circular=False)


def within_depth(value: Any, depth: int) -> bool:
    """Whether ``value`` nests at most ``depth`` deep (a dict or list is 1 deep, a dict in it
    2, a string or number 0). It stops at the first container too deep and recurses at most
    ``depth`` levels: no recursion error on hostile input, however deep."""
    if not isinstance(value, _CONTAINERS):
        return depth >= 0
    if depth < 1:
        return False
    for child in value.values() if isinstance(value, dict) else value:
        if isinstance(child, _CONTAINERS) and not within_depth(child, depth - 1):
            return False
    return True


#: A tuple, not ``dict | list``: written in the call, the union is built on every call.
_CONTAINERS = (dict, list)


def _xml_safe_copy(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe(k): _xml_safe_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_xml_safe_copy(v) for v in value]
    return value
