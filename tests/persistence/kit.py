"""Test kit: real Alexa request envelopes and a tiny skill around the persistence interceptors.

The tiny skill stands in for the real handlers: "NextIntent" moves the cook one step on (a
change worth saving), "HowMuchIntent" only answers (no change), "StopIntent" ends the session.
"""

from __future__ import annotations

import importlib
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import RequestEnvelope, Response, ResponseEnvelope

from cookalong.alexa.persistence import SLOW_READ_SECONDS, persistence_interceptors

SERIALIZER = DefaultSerializer()
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000c00c"


def request_event(
    request: dict[str, Any],
    *,
    user: str,
    session_attributes: dict[str, Any] | None = None,
    new: bool = True,
    session_id: str = "amzn1.echo-api.session.test",
    in_session: bool = True,
) -> dict[str, Any]:
    """An Alexa request as the service sends it (JSON-shaped dict)."""
    system = {
        "application": {"applicationId": SKILL_ID},
        "user": {"userId": user},
        "device": {"deviceId": "amzn1.ask.device.KITCHEN", "supportedInterfaces": {}},
        "apiEndpoint": "https://api.amazonalexa.com",
    }
    event: dict[str, Any] = {
        "version": "1.0",
        "context": {"System": system},
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2025-11-25T12:00:00Z",
            "locale": "en-US",
            **request,
        },
    }
    if in_session:
        event["session"] = {
            "new": new,
            "sessionId": session_id,
            "application": {"applicationId": SKILL_ID},
            "user": {"userId": user},
            "attributes": session_attributes or {},
        }
    return event


def envelope(event: dict[str, Any]) -> RequestEnvelope:
    """Deserialize an event the way the SDK's lambda handler does."""
    return SERIALIZER.deserialize(json.dumps(event), RequestEnvelope)


def launch() -> dict[str, Any]:
    return {"type": "LaunchRequest"}


def intent(name: str) -> dict[str, Any]:
    return {"type": "IntentRequest", "intent": {"name": name, "confirmationStatus": "NONE"}}


def session_ended() -> dict[str, Any]:
    return {"type": "SessionEndedRequest", "reason": "USER_INITIATED"}


def _step(state: Any) -> int:
    return state["step"] if isinstance(state, dict) else 0


class _Next(AbstractRequestHandler):
    def __init__(self, during: Callable[[], None] | None = None) -> None:
        self.during = during  # runs inside the handler: after the read, before the write

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("NextIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        session = handler_input.attributes_manager.session_attributes
        state = dict(session.get("state") or {"v": 1, "step": 0})
        state["step"] = _step(state) + 1
        state["last"] = f"step {state['step']}"
        session["state"] = state
        if self.during is not None:
            self.during()
        return handler_input.response_builder.speak(f"step {state['step']}").response


class _Answer(AbstractRequestHandler):
    """A pure question: answers from the state, changes nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("HowMuchIntent")(handler_input) or is_request_type("LaunchRequest")(
            handler_input
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        state = handler_input.attributes_manager.session_attributes.get("state")
        return handler_input.response_builder.speak(f"on step {_step(state)}").response


class _SayOnly(AbstractRequestHandler):
    """Changes only what was last said (a key the skill may mark as not worth a write)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        session = handler_input.attributes_manager.session_attributes
        state = dict(session.get("state") or {"v": 1, "step": 0})
        state["last"] = "two tablespoons of maple syrup"
        session["state"] = state
        return handler_input.response_builder.speak(state["last"]).response


class _Stop(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("StopIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        builder = handler_input.response_builder.speak("goodbye")
        return builder.set_should_end_session(True).response


class _Ended(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


def tiny_skill(
    adapter: AbstractPersistenceAdapter,
    ignore: tuple[str, ...] = (),
    during_next: Callable[[], None] | None = None,
    slow_read_seconds: float = SLOW_READ_SECONDS,
) -> CustomSkill:
    """A skill with the real persistence interceptors and the stand-in handlers above.

    ``during_next`` runs inside the NextIntent handler (to stop the store between the read
    and the write of one request).
    """
    builder = CustomSkillBuilder(persistence_adapter=adapter)
    for handler in (_Next(during_next), _Answer(), _SayOnly(), _Stop(), _Ended()):
        builder.add_request_handler(handler)
    load, save = persistence_interceptors(
        ignore=ignore, slow_read_seconds=slow_read_seconds, adapter=adapter
    )
    builder.add_global_request_interceptor(load)
    builder.add_global_response_interceptor(save)
    return builder.create()


@dataclass
class Cook:
    """One cook talking to a skill: keeps the session attributes between turns like Alexa."""

    skill: CustomSkill
    user: str = field(default_factory=lambda: f"amzn1.ask.account.{uuid.uuid4().hex}")
    attributes: dict[str, Any] | None = None
    last: ResponseEnvelope | None = None

    def turn(self, request: dict[str, Any]) -> ResponseEnvelope:
        """One request in the current session (a new session if none is open)."""
        new = self.attributes is None
        event = request_event(request, user=self.user, session_attributes=self.attributes, new=new)
        reply = self.skill.invoke(request_envelope=envelope(event), context=None)
        ended = request["type"] == "SessionEndedRequest" or (
            reply.response is not None and reply.response.should_end_session
        )
        self.attributes = None if ended else dict(reply.session_attributes or {})
        self.last = reply
        return reply

    def say(self, name: str) -> str:
        return speech(self.turn(intent(name)))

    def one_shot(self, name: str) -> str:
        """ "Alexa, ask cook along <...>": a new session that ends with the answer."""
        self.attributes = None
        text = self.say(name)
        self.attributes = None
        return text

    @property
    def state(self) -> Any:
        return (self.last.session_attributes or {}).get("state") if self.last else None


def speech(reply: ResponseEnvelope) -> str:
    """The words the cook hears (SSML tags removed)."""
    if reply.response is None or reply.response.output_speech is None:
        return ""
    ssml = reply.response.output_speech.ssml or ""
    return ssml.removeprefix("<speak>").removesuffix("</speak>").strip()


# -- the real Lambda entry point ------------------------------------------------------------


class Talk:
    """A cook talking to the deployed entry point; carries the session like Alexa does."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.user = f"amzn1.ask.account.{uuid.uuid4().hex}"
        self.attributes: dict[str, Any] | None = None

    def _send(self, request: dict[str, Any]) -> str:
        event = request_event(
            request, user=self.user, session_attributes=self.attributes, new=self.attributes is None
        )
        out = self.app.lambda_handler(event, None)
        ended = out["response"].get("shouldEndSession") is True
        self.attributes = None if ended else out.get("sessionAttributes") or {}
        speech = out["response"].get("outputSpeech", {}).get("ssml", "")
        return re.sub(r"<[^>]+>", "", speech)

    @classmethod
    def same_cook(cls, other: Talk, app: Any) -> Talk:
        """The same cook talking to another container (a fresh ``app``)."""
        talk = cls(app)
        talk.user = other.user
        return talk

    def launch(self) -> str:
        return self._send(launch())

    def say(self, name: str, **slots: str) -> str:
        request = intent(name)
        request["intent"]["slots"] = {k: {"name": k, "value": v} for k, v in slots.items()}
        return self._send(request)

    def one_shot(self, name: str, **slots: str) -> str:
        """ "Alexa, ask Cook Along ...": its own session, which ends with the answer."""
        self.attributes = None
        said = self.say(name, **slots)
        self.attributes = None
        return said


@pytest.fixture
def deploy(monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], Any]:
    """Load the Lambda entry point with a given environment, as a cold start would."""

    def load(environ: dict[str, str]) -> Any:
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("SKILL_ID", raising=False)
        import app

        return importlib.reload(app)

    return load


def stats(app: Any) -> dict[str, Any]:
    return app._skill.persistence_adapter.stats.snapshot()
