"""Timers tied to the steps: offering, setting, reading, pausing and cancelling them.

Pure: every method returns a :class:`~cookalong.cooking.messages.Reply` whose effects the Alexa
adapter carries out (:mod:`cookalong.cooking.effects`); the adapter then reports back how it
went through :meth:`Timers.timer_started`, :meth:`Timers.timer_failed` and
:meth:`Timers.timers_read`, and a permission answer through :meth:`Timers.permission_answered`.

A timer belongs to the :class:`~cookalong.cooking.state.Activity` it times (the bake); the
activity's own clock keeps counting whether or not Alexa's timer could be set, so the skill can
always say how long is left.
"""

from __future__ import annotations

from datetime import timedelta

from cookalong.cooking.base import SessionBase
from cookalong.cooking.effects import (
    AskTimerPermission,
    CancelTimer,
    Effect,
    PauseTimer,
    ReadTimers,
    ResumeTimer,
    ShowPermissionCard,
    StartTimer,
    TimerReading,
)
from cookalong.cooking.messages import Msg, Reply
from cookalong.cooking.now import Clock, clock_of, timer_length
from cookalong.cooking.state import MAX_TIMER_SECONDS, Activity
from cookalong.recipe.model import Step


class Timers(SessionBase):
    """The cook's Alexa timers, each tied to the wait of one step."""

    # -- setting ---------------------------------------------------------------------------
    def set_timer(
        self,
        duration: timedelta | None = None,
        action_words: str | None = None,
        action_key: str | None = None,
    ) -> Reply:
        """ "Set a timer" (this step's wait), "... for the broil", "set a ten minute timer"."""
        if duration is not None and not timedelta() < duration <= timedelta(
            seconds=MAX_TIMER_SECONDS
        ):
            return self._ask(Msg.of("timer_too_long"), "reprompt_step")
        step = self._timer_step(action_words, action_key)
        if step is None and (action_words or action_key):
            return self._ask(
                Msg.of("no_time_for", words=action_words or action_key or ""), "reprompt_step"
            )
        if step is None:
            if duration is None:
                return self._ask(Msg.of("timer_what"), "reprompt_step")
            place = self.state.step
            if place < 1:
                return self._ask(Msg.of("timer_not_started"), "reprompt_start")
            step = self._step_of(self.progress.front, place)
        return self.set_timer_for(step.component_id, step.number, duration)

    def _timer_step(self, action_words: str | None, action_key: str | None) -> Step | None:
        """The step a timer is for: the one named, else this step's wait, else the wait that
        runs (the bake, while the cook makes the aioli)."""
        if action_words or action_key:
            steps = [s for s in self.index.find_action(action_words, action_key) if s.durations]
            return self._prefer_current(tuple(steps)) if steps else None
        step = self.step
        if step is not None and step.durations:
            return step
        clock = self._current_clock()
        if clock is not None and clock.phase == "running":
            return clock.step
        return None

    def set_timer_for(
        self, component_id: str, number: int, duration: timedelta | None = None
    ) -> Reply:
        """A timer for the wait of one step: the time still to go (a range's low end), or the
        time the cook asked for."""
        progress = self.progress
        step = self._step_of(component_id, number)
        activity = progress.activity(component_id, number)
        if activity is None:
            activity = Activity(component_id, number, self.now)
            progress.running.append(activity)
        if duration is not None:
            activity.length = int(duration.total_seconds())
            activity.elapsed, activity.since = 0, self.now
        clock = clock_of(self.recipe, activity, self.now)
        if activity.timer and duration is None and clock.phase != "done":
            return self._ask(Msg.of("timer_exists", clock=clock), "reprompt_step")
        left = clock.left_low if clock.phase == "running" else clock.left_high
        if left <= timedelta():
            return self._ask(Msg.of(f"wait_{clock.phase}", clock=clock), "reprompt_step")
        length = timer_length(clock)
        effect = StartTimer(
            component_id,
            number,
            length,
            label=Msg.of("timer_label", clock=clock),
            announce=self._announcement(clock),
        )
        self._touch()
        key = "timer_set_range" if clock.high > clock.low and not activity.length else "timer_set"
        lines = [Msg.of(key, clock=clock, length=length)]
        meanwhile = self._meanwhile_offer(step) if self.state.step == number else None
        if meanwhile is not None and progress.front == component_id:
            lines.append(meanwhile)
            return Reply(tuple(lines), Msg.of("reprompt_meanwhile"), effects=(effect,))
        return Reply(tuple(lines), Msg.of("reprompt_step"), effects=(effect,))

    def _announcement(self, clock: Clock) -> Msg:
        """What Alexa says when the timer goes off: the next thing to do."""
        step, component = clock.step, clock.component
        if clock.high > clock.low and not clock.activity.length:
            return Msg.of("timer_announce_check", clock=clock, more=clock.high - clock.low)
        if step.number < len(component.steps):
            following = self._view(component, step.number + 1)
            return Msg.of("timer_announce_next", clock=clock, view=following)
        if self._other_parts_left(component.id):
            return Msg.of("timer_announce_done", clock=clock)
        return Msg.of("timer_announce_serve", clock=clock, serving=self.recipe.serving)

    def timer_started(self, effect: StartTimer, timer_id: str) -> None:
        """The adapter set the timer: remember its id on the activity it times."""
        activity = self.progress.activity(effect.component, effect.step)
        if activity is not None:
            activity.timer = timer_id[:200]
            self._touch()

    # -- reading ---------------------------------------------------------------------------
    def timer_status(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        """ "How long is left on the timer": read the real timers (a ReadTimers effect)."""
        timed = self._timed(action_words, action_key)
        if not timed:
            return self._no_timer_running()
        ids = tuple(a.timer for a in timed if a.timer)
        return Reply(
            (Msg.of("timer_reading"),), Msg.of("reprompt_step"), effects=(ReadTimers(ids),)
        )

    def _timed(self, action_words: str | None, action_key: str | None) -> list[Activity]:
        running = [a for a in self.progress.running if a.timer]
        if action_words or action_key:
            steps = {
                (s.component_id, s.number) for s in self.index.find_action(action_words, action_key)
            }
            named = [a for a in running if a.key in steps]
            return named or running
        return running

    def _no_timer_running(self) -> Reply:
        clock = self._current_clock()
        if clock is not None and clock.phase == "running":
            self._offer("timer", component=clock.component.id, step=clock.step.number)
            return self._ask(Msg.of("no_timer_but_clock", clock=clock), "reprompt_timer")
        return self._ask(Msg.of("no_timer"), "reprompt_step")

    def timers_read(self, readings: list[TimerReading]) -> Reply:
        """The answer once the adapter has read the timers (gone ones are known as done)."""
        by_id = {r.timer_id: r for r in readings}
        lines: list[Msg] = []
        for activity in [a for a in self.progress.running if a.timer in by_id]:
            reading = by_id[activity.timer or ""]
            clock = clock_of(self.recipe, activity, self.now)
            if reading.gone or reading.status == "OFF":
                activity.timer = None
                activity.told = True
                self._touch()
                lines.append(Msg.of("timer_gone_off", clock=clock))
            elif reading.status == "PAUSED":
                lines.append(Msg.of("timer_paused_left", clock=clock, left=reading.remaining))
            else:
                lines.append(Msg.of("timer_left", clock=clock, left=reading.remaining))
        if not lines:
            return self._no_timer_running()
        return Reply(tuple(lines[:2]), Msg.of("reprompt_step"))

    # -- acting on a timer -----------------------------------------------------------------
    def cancel_timer(self, action_words: str | None = None, action_key: str | None = None) -> Reply:
        timed = self._timed(action_words, action_key)
        if not timed:
            return self._ask(Msg.of("no_timer"), "reprompt_step")
        activity = timed[0]
        clock = clock_of(self.recipe, activity, self.now)
        effect = CancelTimer(activity.timer or "", activity.component, activity.step)
        activity.timer = None
        activity.told = True
        self._touch()
        return Reply(
            (Msg.of("timer_cancelled", clock=clock),), Msg.of("reprompt_step"), effects=(effect,)
        )

    def pause_timer(self) -> Reply:
        timed = [a for a in self._timed(None, None) if not a.paused]
        if not timed:
            return self._ask(Msg.of("no_timer"), "reprompt_step")
        activity = timed[0]
        activity.pause(self.now)
        self._touch()
        clock = clock_of(self.recipe, activity, self.now)
        effect = PauseTimer(activity.timer or "", activity.component, activity.step)
        return Reply(
            (Msg.of("timer_paused", clock=clock),), Msg.of("reprompt_step"), effects=(effect,)
        )

    def resume_timer(self) -> Reply:
        timed = [a for a in self._timed(None, None) if a.paused]
        if not timed:
            running = self._timed(None, None)
            if running:
                clock = clock_of(self.recipe, running[0], self.now)
                return self._ask(Msg.of("timer_not_paused", clock=clock), "reprompt_step")
            return self._ask(Msg.of("no_timer"), "reprompt_step")
        activity = timed[0]
        activity.resume(self.now)
        self._touch()
        clock = clock_of(self.recipe, activity, self.now)
        effect = ResumeTimer(activity.timer or "", activity.component, activity.step)
        return Reply(
            (Msg.of("timer_resumed", clock=clock),), Msg.of("reprompt_step"), effects=(effect,)
        )

    # -- when the outside world says no ----------------------------------------------------
    def timer_failed(self, effect: Effect, reason: str) -> Reply:
        """An effect could not be carried out (``reason`` in
        :data:`~cookalong.cooking.effects.FAILURE_REASONS`): what to say instead.

        ``no_permission`` for a :class:`StartTimer` returns a reply carrying
        :class:`~cookalong.cooking.effects.AskTimerPermission` and keeps the timer as the
        pending ``timer`` offer; any other failure keeps the wait's own clock running.
        """
        if isinstance(effect, StartTimer):
            activity = self.progress.activity(effect.component, effect.step)
            clock = clock_of(self.recipe, activity, self.now) if activity else None
            if reason == "no_permission":
                self._offer("timer", component=effect.component, step=effect.step)
                return Reply(
                    (Msg.of("timer_permission_ask"),),
                    Msg.of("reprompt_step"),
                    effects=(AskTimerPermission(),),
                )
            return self._ask(Msg.of("timer_unavailable", clock=clock), "reprompt_step")
        if isinstance(effect, ReadTimers):
            clock = self._current_clock()
            return self._ask(Msg.of("timer_read_unavailable", clock=clock), "reprompt_step")
        activity = self.progress.activity(effect.component, effect.step)
        if activity is not None and reason == "not_found":
            activity.timer = None
            self._touch()
            return self._ask(Msg.of("timer_not_found"), "reprompt_step")
        return self._ask(Msg.of("timer_action_unavailable"), "reprompt_step")

    def permission_answered(self, accepted: bool | None) -> Reply:
        """Alexa's Connections.Response to the permission ask: ``True`` accepted (the reply
        carries the pending timer's :class:`StartTimer`), ``False`` denied, ``None`` not
        answered (a clear spoken fallback and :class:`ShowPermissionCard`)."""
        offer = self.pending
        pending = offer if offer is not None and offer.kind == "timer" else None
        if accepted and pending is not None and pending.component in self._components:
            return self.set_timer_for(pending.component, pending.step or 1)
        if accepted:
            return self._ask(Msg.of("timer_permission_thanks"), "reprompt_step")
        clock = self._current_clock()
        key = "timer_permission_denied" if accepted is False else "timer_permission_unanswered"
        return Reply(
            (Msg.of(key, clock=clock),), Msg.of("reprompt_step"), effects=(ShowPermissionCard(),)
        )
