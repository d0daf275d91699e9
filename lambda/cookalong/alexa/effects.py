"""Carrying out what a reply asks of the outside world, before the reply is said.

A :class:`~cookalong.cooking.messages.Reply` may carry effects
(:mod:`cookalong.cooking.effects`). Two kinds:

* calls to the Timer API, which :func:`carry_out` makes in order, telling the cooking session
  how each went; the session may then answer differently, and that answer's calls are made in
  turn:

  - :class:`StartTimer`: create the timer (label and announcement rendered in the request's
    locale), then ``session.timer_started(effect, id)``;
  - :class:`ReadTimers`: read each timer, then answer ``session.timers_read(readings)``;
  - :class:`PauseTimer`, :class:`ResumeTimer`, :class:`CancelTimer`: call the API;
  - a call that fails answers ``session.timer_failed(effect, reason)`` instead, and the rest
    of the failed reply's calls are dropped (that answer replaces it);

* parts of the response, which :mod:`cookalong.alexa.respond` adds to the reply finally said:
  :class:`AskTimerPermission` (the ``Connections.SendRequest`` AskFor directive),
  :class:`ShowPermissionCard` (the permissions card), :class:`UseRecipeEntities` and
  :class:`ClearEntities` (``Dialog.UpdateDynamicEntities``; kept even from a reply that a
  failed call replaced, since the recipe chosen stays chosen).

The timers permission is checked in the request (``context.System.user.permissions``) before any
call: without it the effect fails as ``no_permission`` at once. A 401 from the API means the
same. The Timer API client (and with it ``requests``) is only imported when an effect needs it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.permission_status import PermissionStatus

from cookalong.alexa.state import cooking_session, locale_of, request_time
from cookalong.cooking.effects import (
    CancelTimer,
    ClearEntities,
    Effect,
    PauseTimer,
    ReadTimers,
    ResumeTimer,
    StartTimer,
    UseRecipeEntities,
)
from cookalong.cooking.messages import Reply
from cookalong.record import Record
from cookalong.speech import voice_for

log = logging.getLogger(__name__)

#: The permission the skill asks for (and the manifest declares).
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
#: Request attribute: the cook has just accepted the permission (Connections.Response).
PERMISSION_ACCEPTED = "cookalong.timers.accepted"
#: How many answers one request may go through (a failure's answer, its calls' answer ...).
MAX_ROUNDS = 4
#: The effects that are calls to the Timer API.
CALLS = (StartTimer, ReadTimers, PauseTimer, ResumeTimer, CancelTimer)


class Outcome(Record):
    """The reply to say once its calls are made, and the entity effects of replies it replaced."""

    reply: Reply
    replaced: tuple[Effect, ...] = ()


def timers_granted(handler_input: HandlerInput) -> bool:
    """Whether the request says the cook lets the skill set timers."""
    if handler_input.attributes_manager.request_attributes.get(PERMISSION_ACCEPTED):
        return True
    system = getattr(getattr(handler_input.request_envelope, "context", None), "system", None)
    permissions = getattr(getattr(system, "user", None), "permissions", None)
    scope = (getattr(permissions, "scopes", None) or {}).get(TIMERS_SCOPE)
    return getattr(scope, "status", None) == PermissionStatus.GRANTED


def carry_out(handler_input: HandlerInput, reply: Reply) -> Outcome:
    """Make ``reply``'s Timer API calls; returns the reply to say (its own response effects
    still on it)."""
    if not any(isinstance(effect, CALLS) for effect in reply.effects):
        return Outcome(reply)
    runner = _Runner(handler_input)
    replaced: list[Effect] = []
    for _ in range(MAX_ROUNDS):
        instead: Reply | None = None
        for effect in reply.effects:
            if isinstance(effect, CALLS):
                instead = runner.run(effect)
                if instead is not None:
                    break
        if instead is None:
            return Outcome(reply, tuple(replaced))
        replaced.extend(
            e for e in reply.effects if isinstance(e, UseRecipeEntities | ClearEntities)
        )
        reply = instead
    log.error("timer calls still pending after %d answers; saying the last", MAX_ROUNDS)
    return Outcome(reply, tuple(replaced))


class _Runner:
    """One request's effects: the session, the cook's words, and the Timer API when needed."""

    def __init__(self, handler_input: HandlerInput) -> None:
        self.handler_input = handler_input
        self.session = cooking_session(handler_input)
        self.granted = timers_granted(handler_input)
        self._service = None

    @property
    def service(self):
        if self._service is None:
            from cookalong.alexa.timers import TimerService  # imports requests on first use

            factory = self.handler_input.service_client_factory
            client = factory.get_timer_management_service() if factory is not None else None
            now = datetime.fromtimestamp(request_time(self.handler_input), UTC)
            self._service = TimerService(client, locale_of(self.handler_input), now)
        return self._service

    def run(self, effect: Effect) -> Reply | None:
        """Carry out one effect; a reply when the session answers differently because of it."""
        if not self.granted:
            return self.session.timer_failed(effect, "no_permission")
        from cookalong.alexa.timers import TimerApiError

        try:
            if isinstance(effect, StartTimer):
                voice = voice_for(locale_of(self.handler_input))
                prefs = voice.prefs(self.session.state.units)
                timer_id = self.service.create(
                    effect.duration,
                    voice.render(effect.label, prefs),
                    voice.render(effect.announce, prefs),
                )
                self.session.timer_started(effect, timer_id)
                return None
            if isinstance(effect, ReadTimers):
                readings = [self.service.read(timer_id) for timer_id in effect.timer_ids]
                return self.session.timers_read(readings)
            if isinstance(effect, PauseTimer):
                self.service.pause(effect.timer_id)
            elif isinstance(effect, ResumeTimer):
                self.service.resume(effect.timer_id)
            elif isinstance(effect, CancelTimer):
                self.service.cancel(effect.timer_id)
            else:
                log.error("no way to carry out %r", effect)
            return None
        except TimerApiError as error:
            if error.reason == "no_permission":
                self.granted = False  # the token says otherwise: ask, as if it were missing
            return self.session.timer_failed(effect, error.reason)


__all__ = [
    "CALLS",
    "MAX_ROUNDS",
    "PERMISSION_ACCEPTED",
    "TIMERS_SCOPE",
    "Outcome",
    "carry_out",
    "timers_granted",
]
