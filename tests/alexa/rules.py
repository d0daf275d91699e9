"""Alexa's rules for a response, checked the way Alexa would: whatever the request was.

Used by the hostile-request tests and the property-based fuzz of the Lambda entry point and the
web service.
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from typing import Any

MAX_RESPONSE_BYTES = 24 * 1024
MAX_SPEECH_CHARS = 8000
SILENT = ("SessionEndedRequest", "System.ExceptionEncountered")
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000c00c"


def speeches(out: dict[str, Any]) -> list[str]:
    """Every SSML string of the response (speech and reprompt)."""
    response = out.get("response") or {}
    found = []
    for holder in (response, response.get("reprompt") or {}):
        speech = holder.get("outputSpeech")
        if speech is not None:
            assert speech["type"] == "SSML", speech
            found.append(speech["ssml"])
    return found


def said(out: dict[str, Any]) -> str:
    """The words of the speech, tags removed."""
    texts = speeches(out)
    return "".join(ET.fromstring(texts[0]).itertext()) if texts else ""


def assert_alexa_accepts(out: Any, kind: Any) -> None:
    """``out`` is a response Alexa accepts for a request of type ``kind``.

    Valid JSON (no NaN, no lone surrogate) of at most 24 KB; every speech valid SSML of at most
    8,000 characters; no speech at all for SessionEndedRequest and System.ExceptionEncountered;
    a canFulfillIntent answer (and no speech) for CanFulfillIntentRequest; speech, and a
    reprompt while the session stays open, for what a person said.
    """
    assert isinstance(out, dict)
    text = json.dumps(out, ensure_ascii=False, allow_nan=False)
    assert len(text.encode("utf-8")) <= MAX_RESPONSE_BYTES
    assert json.loads(text) == out
    assert out["version"] == "1.0"
    response = out["response"]
    assert isinstance(response, dict)
    for ssml in speeches(out):
        assert len(ssml) <= MAX_SPEECH_CHARS
        assert ET.fromstring(ssml).tag == "speak"
    if kind in SILENT:
        assert not ({"outputSpeech", "reprompt", "card", "directives"} & response.keys()), out
    elif kind == "CanFulfillIntentRequest":
        answer = response["canFulfillIntent"]
        assert answer["canFulfill"] in ("YES", "NO", "MAYBE")
        for slot in (answer.get("slots") or {}).values():
            assert slot["canUnderstand"] in ("YES", "NO", "MAYBE")
            assert slot["canFulfill"] in ("YES", "NO")
        assert "outputSpeech" not in response
    elif kind in ("LaunchRequest", "IntentRequest"):
        assert speeches(out), out
        if response.get("shouldEndSession") is False:
            assert len(speeches(out)) == 2, "an open session needs a reprompt"


def event(
    request: dict[str, Any],
    *,
    attributes: Any = None,
    user: str | None = None,
    new: bool = True,
    context: bool = True,
) -> dict[str, Any]:
    """A request envelope as Alexa sends it, with ``request`` merged over a LaunchRequest."""
    user_id = user or f"amzn1.ask.account.{uuid.uuid4().hex}"
    body: dict[str, Any] = {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
            "application": {"applicationId": SKILL_ID},
            "user": {"userId": user_id},
            "attributes": {} if attributes is None else attributes,
        },
        "request": {
            "type": "LaunchRequest",
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2025-11-25T12:00:00Z",
            "locale": "en-US",
            **request,
        },
    }
    if context:
        body["context"] = {
            "System": {
                "application": {"applicationId": SKILL_ID},
                "user": {"userId": user_id},
                "device": {"deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        }
    return body


def intent(name: str, **slots: Any) -> dict[str, Any]:
    """An IntentRequest body; each slot value is sent as given (any JSON)."""
    return {
        "type": "IntentRequest",
        "intent": {
            "name": name,
            "confirmationStatus": "NONE",
            "slots": {
                k: {"name": k, "value": v, "confirmationStatus": "NONE"} for k, v in slots.items()
            },
        },
    }
