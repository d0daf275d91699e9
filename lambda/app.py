"""AWS Lambda entry point: the skill is built once per container, at import (cold start)."""

from __future__ import annotations

import json
import logging
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_model import RequestEnvelope

from cookalong.alexa.respond import ssml
from cookalong.alexa.skill import build_skill
from cookalong.speech import voice_for

logging.getLogger().setLevel(logging.INFO)
log = logging.getLogger(__name__)

_skill = build_skill()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one Alexa request envelope.

    A request the SDK cannot even read (not JSON-shaped, no ``request``) still gets a spoken
    answer rather than a Lambda error, which Alexa would turn into "there was a problem".
    """
    try:
        envelope = _skill.serializer.deserialize(json.dumps(event), RequestEnvelope)
        if envelope is None or envelope.request is None:
            raise ValueError("no request in the envelope")
    except (SerializationException, TypeError, ValueError, AttributeError) as error:
        log.warning("malformed request: %s", error)
        return _malformed(event)
    response = _skill.invoke(request_envelope=envelope, context=context)
    return _skill.serializer.serialize(response)


def _malformed(event: Any) -> dict[str, Any]:
    request = event.get("request") if isinstance(event, dict) else None
    locale = request.get("locale") if isinstance(request, dict) else None
    voice = voice_for(locale if isinstance(locale, str) else None)
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": ssml(voice.t("request_malformed"))},
            "reprompt": {"outputSpeech": {"type": "SSML", "ssml": ssml(voice.t("reprompt_help"))}},
            "shouldEndSession": False,
        },
    }
