"""What a reply asks the outside world to do: effects the Alexa adapter carries out.

The cooking session never calls a service. A :class:`~cookalong.cooking.messages.Reply` may
carry effects (start, pause, resume or cancel an Alexa timer); the adapter performs them, then
tells the session how it went (:meth:`~cookalong.cooking.timers.Timers.timer_started`,
:meth:`~cookalong.cooking.timers.Timers.timer_failed`, ...), which may change what is said.

Facts the adapter reads from a service come back in as values too (:class:`TimerReading`).
"""

from __future__ import annotations

from datetime import timedelta

from cookalong.cooking.messages import Msg
from cookalong.record import Record


class StartTimer(Record):
    """Start an Alexa timer for the wait of a step.

    Attributes
    ----------
    component, step
        The step whose wait it times (the activity it belongs to).
    duration
        How long it runs (a range's low end).
    label
        What it times, to be rendered in the cook's words: the ``timer_label`` message.
    announce
        What Alexa says when it goes off (the next action), to be rendered likewise.
    """

    component: str
    step: int
    duration: timedelta
    label: Msg
    announce: Msg


class CancelTimer(Record):
    timer_id: str
    component: str
    step: int


class PauseTimer(Record):
    timer_id: str
    component: str
    step: int


class ResumeTimer(Record):
    timer_id: str
    component: str
    step: int


class ReadTimers(Record):
    """Read these Alexa timers (GET), then answer with
    :meth:`~cookalong.cooking.timers.Timers.timers_read`."""

    timer_ids: tuple[str, ...]


class AskTimerPermission(Record):
    """Ask the cook, by voice, to let the skill set timers (Alexa's AskFor request).

    The timer waits as the session's pending ``timer`` offer; the answer comes back through
    :meth:`~cookalong.cooking.timers.Timers.permission_answered`.
    """


class ShowPermissionCard(Record):
    """Put the timers permission card in the Alexa app (after a denied or unanswered ask)."""


class UseRecipeEntities(Record):
    """Tell Alexa this recipe's ingredient and part names (Dialog.UpdateDynamicEntities), so
    that "the salt" or "the sauce" resolve to this recipe's own."""

    recipe: str


class ClearEntities(Record):
    """Forget the dynamic entities (the recipe is finished)."""


Effect = (
    StartTimer
    | CancelTimer
    | PauseTimer
    | ResumeTimer
    | ReadTimers
    | AskTimerPermission
    | ShowPermissionCard
    | UseRecipeEntities
    | ClearEntities
)


class TimerReading(Record):
    """What the Timer API says of one of the skill's timers.

    ``status`` is "ON", "PAUSED" or "OFF"; ``gone`` when the API no longer knows the timer
    (it went off and was dismissed, or the cook cancelled it on the device).
    """

    timer_id: str
    status: str = "ON"
    remaining: timedelta = timedelta()
    gone: bool = False


#: Why an effect could not be carried out.
FAILURE_REASONS = ("no_permission", "unavailable", "not_found")


__all__ = [
    "FAILURE_REASONS",
    "AskTimerPermission",
    "CancelTimer",
    "ClearEntities",
    "Effect",
    "PauseTimer",
    "ReadTimers",
    "ResumeTimer",
    "ShowPermissionCard",
    "StartTimer",
    "TimerReading",
    "UseRecipeEntities",
]
