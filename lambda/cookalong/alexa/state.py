"""The cooking session of the current request: built before the handler, stored after it.

The cooking state travels in the session attributes (``"state"`` is what is saved between
sessions; ``"turn"`` what only this session needs, such as the last words for "repeat"). The
persistence interceptors, which run around these, fill ``"state"`` from the store once per
session and write it back only when it changed.
"""

from __future__ import annotations

import logging
import time

from ask_sdk_core.dispatch_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import IntentRequest, Response

from cookalong.cooking.session import Cookbook, CookingSession

log = logging.getLogger(__name__)

SESSION_KEY = "cooking"
STATE_ATTRIBUTE = "state"
TURN_ATTRIBUTE = "turn"


def locale_of(handler_input: HandlerInput) -> str:
    request = handler_input.request_envelope.request
    return getattr(request, "locale", None) or "en-US"


def request_time(handler_input: HandlerInput) -> int:
    """The request's own timestamp (epoch seconds), else the clock."""
    stamp = getattr(handler_input.request_envelope.request, "timestamp", None)
    try:
        return int(stamp.timestamp())
    except (AttributeError, TypeError, ValueError, OverflowError, OSError):
        return int(time.time())


def cooking_session(handler_input: HandlerInput) -> CookingSession:
    return handler_input.attributes_manager.request_attributes[SESSION_KEY]


class LoadCookingSession(AbstractRequestInterceptor):
    """Builds the cook's session from the state in the session attributes (repairing old ones)."""

    def __init__(self, cookbook: Cookbook) -> None:
        self.cookbook = cookbook

    def _cookbook(self, locale: str) -> Cookbook:
        """The recipes this locale's language can speak."""
        try:
            return self.cookbook.for_language(locale.split("-")[0])
        except LookupError:
            log.error("no recipe in the language of %s: serving the whole catalog", locale)
            return self.cookbook

    def process(self, handler_input: HandlerInput) -> None:
        attributes = handler_input.attributes_manager.session_attributes
        session = self._cookbook(locale_of(handler_input)).session(
            attributes.get(STATE_ATTRIBUTE),
            attributes.get(TURN_ATTRIBUTE),
            now=request_time(handler_input),
        )
        if session.state.repaired:
            log.warning("a saved cooking state could not be read as it was: starting it afresh")
        envelope = handler_input.request_envelope
        opened = getattr(envelope.session, "new", False)
        session.one_shot = bool(opened) and isinstance(envelope.request, IntentRequest)
        handler_input.attributes_manager.request_attributes[SESSION_KEY] = session


class StoreCookingSession(AbstractResponseInterceptor):
    """Puts the session's state back into the session attributes for the next turn."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        session = handler_input.attributes_manager.request_attributes.get(SESSION_KEY)
        if session is None:
            return
        attributes = handler_input.attributes_manager.session_attributes
        attributes[STATE_ATTRIBUTE] = session.saved_state(attributes.get(STATE_ATTRIBUTE))
        turn = session.state.turn_dict()
        if turn:
            attributes[TURN_ATTRIBUTE] = turn
        else:
            attributes.pop(TURN_ATTRIBUTE, None)
