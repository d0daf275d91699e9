"""The skill's front door, shared by the Lambda entry point and the web service.

What comes in is cleaned before the SDK sees it (:mod:`cookalong.alexa.inbound`); what goes out
is checked against Alexa's rules (:func:`bounded`), whatever came in:

* every response is valid JSON (no NaN or Infinity, no lone surrogates) and under 24 KB;
* speech is valid SSML of at most 8,000 characters (:mod:`cookalong.alexa.text`);
* a request that cannot be read still gets the answer its type allows: spoken words for what a
  person said (LaunchRequest, IntentRequest, or a request too broken to tell), ``canFulfill:
  NO`` for a CanFulfillIntentRequest, and an empty response, never speech, for
  SessionEndedRequest, System.ExceptionEncountered and the other system requests.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.skill import CustomSkill
from ask_sdk_model import RequestEnvelope

from cookalong.alexa.inbound import (
    MAX_DEPTH,
    Malformed,
    clean_event,
    within_depth,
)
from cookalong.alexa.state import TURN_ATTRIBUTE
from cookalong.alexa.text import MAX_SPEECH_CHARS, ssml
from cookalong.speech import voice_for

__all__ = [
    "MAX_DEPTH",
    "MAX_RESPONSE_BYTES",
    "Malformed",
    "answer",
    "answer_envelope",
    "bounded",
    "clean_event",
    "read_envelope",
    "request_type_of",
    "speaks",
    "within_depth",
]

log = logging.getLogger(__name__)

#: Alexa refuses a response larger than this (the whole JSON envelope, UTF-8).
MAX_RESPONSE_BYTES = 24 * 1024
CAN_FULFILL = "CanFulfillIntentRequest"
#: Request types answered with an empty response: Alexa allows no speech in reply to them.
SILENT_TYPES = frozenset({"SessionEndedRequest", "System.ExceptionEncountered"})
#: Interface events the skill answers with speech: the answer to its own permission question
#: (Alexa hands the session back to the skill, which carries on talking).
SPOKEN_EVENTS = frozenset({"Connections.Response"})


# -- what comes in -------------------------------------------------------------------------


def request_type_of(event: Any) -> str | None:
    """The ``request.type`` of a raw event, if it has a readable one."""
    request = event.get("request") if isinstance(event, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if isinstance(kind, str) and len(kind) <= 100 else None


def speaks(kind: str | None) -> bool:
    """Whether a request of this type may be answered with speech.

    Only what a person said is: LaunchRequest and IntentRequest, or a request too broken to
    tell (it most likely was one). SessionEndedRequest, System.ExceptionEncountered and every
    interface event (``AudioPlayer.…``, ``AlexaSkillEvent.…``: a dotted type) but a
    Connections.Response get silence, and a CanFulfillIntentRequest gets its own answer.
    """
    if kind in SPOKEN_EVENTS:
        return True
    return kind not in SILENT_TYPES and kind != CAN_FULFILL and "." not in (kind or "")


def read_envelope(skill: CustomSkill, event: dict[str, Any]) -> RequestEnvelope:
    """The SDK's envelope for a cleaned event (:func:`~cookalong.alexa.inbound.clean_event`).

    Raises
    ------
    Malformed
        When the SDK cannot read it, or it lacks what every Alexa request has (a ``request``
        with a type, ``context.System``).
    """
    try:
        envelope = _from_dict(skill.serializer, event)
    except (SerializationException, TypeError, ValueError, AttributeError, RecursionError) as e:
        raise Malformed(f"the SDK cannot read it ({str(e)[:200]})") from None
    if envelope is None or envelope.request is None:
        raise Malformed("there is no request in the envelope")
    kind = getattr(envelope.request, "object_type", None)
    if kind is None:
        raise Malformed("the request has no type")
    if kind in ("IntentRequest", CAN_FULFILL) and (
        envelope.request.intent is None or not isinstance(envelope.request.intent.name, str)
    ):
        raise Malformed(f"the {kind} names no intent")
    if envelope.context is None or envelope.context.system is None:
        raise Malformed("the envelope has no context.System")
    return envelope


def _from_dict(serializer: Any, event: dict[str, Any]) -> RequestEnvelope:
    """The SDK's ``deserialize`` without its text round trip (the event is parsed already).

    ``DefaultSerializer.deserialize`` is ``json.loads`` and then its private model reader;
    the reader is called directly: :meth:`FastSerializer.read
    <cookalong.alexa.serializer.FastSerializer.read>`, or the SDK's private one when the
    serializer has it (the pinned ask-sdk-core does).
    """
    read = getattr(serializer, "read", None)  # cookalong's FastSerializer
    if read is not None:
        return read(event, RequestEnvelope)
    reader = getattr(serializer, "_DefaultSerializer__deserialize", None)
    if reader is None:
        return serializer.deserialize(json.dumps(event), RequestEnvelope)
    return reader(event, RequestEnvelope)


# -- what goes out -------------------------------------------------------------------------


def fallback(kind: str | None, locale: Any, key: str = "request_malformed") -> dict[str, Any]:
    """The answer to a request that could not be served, as its type allows (see module)."""
    if kind == CAN_FULFILL:
        return {"version": "1.0", "response": {"canFulfillIntent": {"canFulfill": "NO"}}}
    if not speaks(kind):
        return {"version": "1.0", "response": {}}
    voice = voice_for(locale)
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": ssml(voice.t(key))},
            "reprompt": {"outputSpeech": {"type": "SSML", "ssml": ssml(voice.t("reprompt_help"))}},
            "shouldEndSession": False,
        },
    }


def bounded(out: dict[str, Any], kind: str | None, locale: Any) -> dict[str, Any]:
    """``out`` if it keeps Alexa's rules, else the closest response that does.

    What was last said (``turn``) is dropped first, then the session attributes (the next
    turn reads the place from the store again); failing that, the type's :func:`fallback`.
    """
    response = out.get("response")
    if not isinstance(response, dict):
        return fallback(kind, locale, "error_generic")
    if not speaks(kind):
        if kind == CAN_FULFILL and isinstance(response.get("canFulfillIntent"), dict):
            out = {"version": "1.0", "response": {"canFulfillIntent": response["canFulfillIntent"]}}
        else:
            out = {"version": "1.0", "response": {}}
    if _fits(out):
        return out
    attributes = out.get("sessionAttributes")
    if isinstance(attributes, dict):
        for smaller in (
            {k: v for k, v in attributes.items() if k != TURN_ATTRIBUTE},
            {},
        ):
            trimmed = {**out, "sessionAttributes": smaller}
            if _fits(trimmed):
                log.warning("response trimmed to Alexa's limits (session attributes dropped)")
                return trimmed
    log.error("response replaced: it broke Alexa's limits")
    return fallback(kind, locale, "error_generic")


#: ``json.dumps(..., allow_nan=False)``, made once. The skill's own attributes hold no cycle
#: (one would fail as a RecursionError: the response is then trimmed, as for any other).
_ATTRIBUTES_ENCODER = json.JSONEncoder(allow_nan=False, check_circular=False)
#: The response keys whose size :func:`_fits` bounds without serializing the whole response.
_USUAL_RESPONSE_KEYS = frozenset({"outputSpeech", "reprompt", "card", "shouldEndSession"})


def _fits(out: dict[str, Any]) -> bool:
    """Whether ``out`` keeps Alexa's limits; cheap for the usual response.

    The usual response is speech, a reprompt, a card and session attributes: its size is at
    most the attributes' JSON plus four bytes for each character of its texts (UTF-8 takes at
    most four, a JSON escape of a quote two) plus the envelope's few fixed fields. Only a
    response that this bound does not clear is serialized whole and measured exactly.
    """
    response = out.get("response")
    if not isinstance(response, dict):
        return False
    texts = 0
    reprompt = response.get("reprompt")
    for speech in (
        response.get("outputSpeech"),
        reprompt.get("outputSpeech") if isinstance(reprompt, dict) else None,
    ):
        if speech is None:
            continue
        if not isinstance(speech, dict):
            return False
        said = speech.get("ssml") or speech.get("text") or ""
        if not isinstance(said, str) or len(said) > MAX_SPEECH_CHARS:
            return False
        texts += len(said)
    card = response.get("card")
    if isinstance(card, dict):
        texts += sum(len(v) for v in card.values() if isinstance(v, str))
    if response.keys() <= _USUAL_RESPONSE_KEYS:
        try:
            attributes = _ATTRIBUTES_ENCODER.encode(out.get("sessionAttributes"))
        except (TypeError, ValueError, RecursionError):
            return False
        if "\\ud" not in attributes and len(attributes) + 4 * texts + 2048 <= MAX_RESPONSE_BYTES:
            return True
    try:
        size = len(json.dumps(out, ensure_ascii=False, allow_nan=False).encode("utf-8"))
    except (TypeError, ValueError, RecursionError):  # NaN, a lone surrogate, a non-JSON value
        return False
    return size <= MAX_RESPONSE_BYTES


# -- the whole way -------------------------------------------------------------------------


def answer_envelope(
    skill: CustomSkill, envelope: RequestEnvelope, context: Any, kind: str | None, locale: Any
) -> dict[str, Any]:
    """Run the skill on a read envelope and bound its response; never raise."""
    try:
        response = skill.invoke(request_envelope=envelope, context=context)
        out = skill.serializer.serialize(response)
    except Exception:
        log.exception("the skill failed outside its handlers")
        return fallback(kind, locale, "error_generic")
    if not isinstance(out, dict):
        return fallback(kind, locale, "error_generic")
    return bounded(out, kind, locale)


def answer(skill: CustomSkill, event: Any, context: Any = None) -> dict[str, Any]:
    """Answer one raw Alexa request (a parsed JSON event) with a response Alexa accepts.

    Parameters
    ----------
    skill
        The skill, built once at start-up.
    event
        The request as the Lambda runtime parsed it: anything at all.
    context
        The Lambda context, passed to the handlers.

    Returns
    -------
    dict
        A response envelope within Alexa's limits (see the module docstring).
    """
    kind = request_type_of(event)
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    try:
        envelope = read_envelope(skill, clean_event(event))
    except Malformed as error:
        log.warning("malformed request (%s): %s", kind or "no type", error)
        return fallback(kind, locale)
    return answer_envelope(skill, envelope, context, kind, locale)
