"""Timers tied to the steps: offering, setting, reading, pausing and cancelling them.

Pure: every method returns a :class:`~cookalong.cooking.messages.Reply` whose effects the Alexa
adapter carries out (:mod:`cookalong.cooking.effects`); the adapter then reports back how it
went through :meth:`Timers.timer_started`, :meth:`Timers.timer_failed` and
:meth:`Timers.timers_read`, and a permission answer through :meth:`Timers.permission_answered`.
"""

from __future__ import annotations

from datetime import timedelta

from cookalong.cooking.base import SessionBase
from cookalong.cooking.effects import Effect, StartTimer, TimerReading
from cookalong.cooking.messages import Reply


class Timers(SessionBase):
    """The cook's Alexa timers, each tied to the wait of one step."""

    def set_timer(
        self,
        duration: timedelta | None = None,
        action_words: str | None = None,
        action_key: str | None = None,
    ) -> Reply:
        """ "Set a timer" (this step's wait), "... for the broil", "set a ten minute timer"."""
        raise NotImplementedError

    def timer_status(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        """ "How long is left on the timer": a :class:`ReadTimers` effect, then timers_read."""
        raise NotImplementedError

    def timers_read(self, readings: list[TimerReading]) -> Reply:
        """The answer once the adapter has read the timers (gone ones are known as done)."""
        raise NotImplementedError

    def cancel_timer(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        raise NotImplementedError

    def pause_timer(self) -> Reply:
        raise NotImplementedError

    def resume_timer(self) -> Reply:
        raise NotImplementedError

    def timer_started(self, effect: StartTimer, timer_id: str) -> None:
        """The adapter set the timer: remember its id on the activity it times."""
        raise NotImplementedError

    def timer_failed(self, effect: Effect, reason: str) -> Reply:
        """An effect could not be carried out (``reason`` in
        :data:`~cookalong.cooking.effects.FAILURE_REASONS`): what to say instead.

        ``no_permission`` for a :class:`StartTimer` returns a reply carrying
        :class:`~cookalong.cooking.effects.AskTimerPermission` and keeps the timer as the
        pending ``timer`` offer.
        """
        raise NotImplementedError

    def permission_answered(self, accepted: bool | None) -> Reply:
        """Alexa's Connections.Response to the permission ask: ``True`` accepted (the reply
        carries the pending timer's :class:`StartTimer`), ``False`` denied, ``None`` not
        answered (a clear spoken fallback and :class:`ShowPermissionCard`)."""
        raise NotImplementedError
