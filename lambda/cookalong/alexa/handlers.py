"""Request handlers: each translates one kind of request into the cooking session and back."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import IntentRequest, Response
from ask_sdk_model.interfaces.connections import ConnectionsResponse

from cookalong.alexa.actions import ACTIONS
from cookalong.alexa.effects import PERMISSION_ACCEPTED
from cookalong.alexa.fulfil import can_fulfill
from cookalong.alexa.gate import CAN_FULFILL, speaks
from cookalong.alexa.respond import speak, speak_key
from cookalong.alexa.slots import Slots
from cookalong.alexa.state import SESSION_KEY, cooking_session
from cookalong.cooking.session import Cookbook

log = logging.getLogger(__name__)


class LaunchHandler(AbstractRequestHandler):
    """ "Alexa, open cook along": greet a new cook, or welcome back to the saved place."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return speak(handler_input, cooking_session(handler_input).launch())


class IntentHandler(AbstractRequestHandler):
    """Every intent of the model, through the :data:`~cookalong.alexa.actions.ACTIONS` table.

    ``can_handle`` is one dictionary look-up; one-shot requests ("ask cook along how much salt")
    arrive here like any other intent, in a new session whose state was loaded before.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return isinstance(request, IntentRequest) and request.intent.name in ACTIONS

    def handle(self, handler_input: HandlerInput) -> Response:
        name = handler_input.request_envelope.request.intent.name
        reply = ACTIONS[name](cooking_session(handler_input), Slots(handler_input))
        return speak(handler_input, reply)


#: Alexa's answers to the permission question, as the session takes them.
_PERMISSION_ANSWERS = {"ACCEPTED": True, "DENIED": False}


class PermissionResponseHandler(AbstractRequestHandler):
    """Alexa's answer to the timers permission question (``Connections.Response``, AskFor).

    ``payload.status`` ACCEPTED, DENIED or NOT_ANSWERED goes to the session as ``True``,
    ``False`` or ``None``; a response that reports an error (``status.code`` other than 200)
    counts as not answered. Accepted, the pending timer is set in this same request.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return isinstance(handler_input.request_envelope.request, ConnectionsResponse)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        session = cooking_session(handler_input)
        if request.name != "AskFor":
            log.warning("Connections.Response %r is not ours; answering as fallback", request.name)
            return speak(handler_input, session.fallback())
        payload = request.payload if isinstance(request.payload, dict) else {}
        code = str(getattr(request.status, "code", "200") or "200")
        accepted = _PERMISSION_ANSWERS.get(payload.get("status")) if code == "200" else None
        if code != "200":
            log.warning("the permission request failed: %s", request.status)
        if accepted:
            handler_input.attributes_manager.request_attributes[PERMISSION_ACCEPTED] = True
        return speak(handler_input, session.permission_answered(accepted))


class UnknownIntentHandler(AbstractRequestHandler):
    """An intent this code does not know (a model newer than the code): answer like Fallback."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        name = handler_input.request_envelope.request.intent.name
        log.warning("no handler for intent %s; answering as fallback", name)
        return speak(handler_input, cooking_session(handler_input).fallback())


class SessionEndedHandler(AbstractRequestHandler):
    """The session closed (timeout, user exit, error): nothing to say; the place is saved."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        if error is not None:
            log.warning("session ended with error: %s", error)
        return handler_input.response_builder.response


class ExceptionEncounteredHandler(AbstractRequestHandler):
    """Alexa could not use the last response: log why. Alexa allows no speech in reply."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("System.ExceptionEncountered")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        cause = getattr(request, "cause", None)
        log.error(
            "Alexa could not use a response (request %s): %s %s",
            getattr(cause, "request_id", None),
            getattr(
                getattr(error, "object_type", None), "value", getattr(error, "object_type", None)
            ),
            str(getattr(error, "message", "") or "")[:500],
        )
        return handler_input.response_builder.response


class CanFulfillHandler(AbstractRequestHandler):
    """Whether a name-free request is one the skill can serve; says nothing, changes nothing."""

    def __init__(self, cookbook: Cookbook) -> None:
        self.cookbook = cookbook

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type(CAN_FULFILL)(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        intent = handler_input.request_envelope.request.intent
        answer = can_fulfill(self.cookbook, intent.name, Slots(handler_input))
        return handler_input.response_builder.set_can_fulfill_intent(answer).response


class SystemRequestHandler(AbstractRequestHandler):
    """Any other request that no person spoke (interface events): nothing to say."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return not speaks(getattr(request, "object_type", None))

    def handle(self, handler_input: HandlerInput) -> Response:
        log.info(
            "no handler for %s: answered with silence",
            handler_input.request_envelope.request.object_type,
        )
        return handler_input.response_builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Anything unexpected: log it and still say something useful, keeping the session open.

    A request that allows no speech (see :func:`cookalong.alexa.gate.speaks`) gets silence,
    and a CanFulfillIntentRequest ``NO``.
    """

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.exception("request failed: %s", exception)
        kind = getattr(handler_input.request_envelope.request, "object_type", None)
        if kind == CAN_FULFILL:
            from ask_sdk_model.canfulfill import CanFulfillIntent, CanFulfillIntentValues

            no = CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO)
            return handler_input.response_builder.set_can_fulfill_intent(no).response
        if not speaks(kind):
            return handler_input.response_builder.response
        if SESSION_KEY not in handler_input.attributes_manager.request_attributes:
            return speak_key(handler_input, "request_malformed")
        return speak_key(handler_input, "error_generic")


def request_handlers(cookbook: Cookbook) -> tuple[AbstractRequestHandler, ...]:
    """Every request handler, in the order the SDK tries them; build once, at start-up."""
    return (
        LaunchHandler(),
        IntentHandler(),
        PermissionResponseHandler(),
        SessionEndedHandler(),
        CanFulfillHandler(cookbook),
        ExceptionEncounteredHandler(),
        UnknownIntentHandler(),
        SystemRequestHandler(),
    )
