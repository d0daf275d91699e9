"""What is happening in the kitchen now: the oven, the waits running on their own clocks, and
how long is left. Pure functions over a recipe, a cook's :class:`Progress` and the time.
"""

from __future__ import annotations

from datetime import timedelta

from cookalong.cooking.state import Activity, Progress
from cookalong.recipe.model import Component, OvenSetting, Recipe, Step
from cookalong.record import Record

_ZERO = timedelta()


def shortest(step: Step) -> timedelta:
    """The low end of a step's time (a range's minimum)."""
    return sum((span.minimum for span in step.durations), _ZERO)


def longest(step: Step) -> timedelta:
    """The high end of a step's time (a range's maximum)."""
    return sum(((span.maximum or span.minimum) for span in step.durations), _ZERO)


class Clock(Record):
    """A running wait as the cook would want to hear it."""

    component: Component
    step: Step
    activity: Activity
    elapsed: timedelta
    low: timedelta  # the step's time, low end
    high: timedelta  # ... and high end (== low unless a range)

    @property
    def phase(self) -> str:
        """ "running" before the low end, "check" inside a range, "done" past the high end."""
        if self.elapsed < self.low:
            return "running"
        if self.elapsed < self.high:
            return "check"
        return "done"

    @property
    def left_low(self) -> timedelta:
        return max(self.low - self.elapsed, _ZERO)

    @property
    def left_high(self) -> timedelta:
        return max(self.high - self.elapsed, _ZERO)

    @property
    def label(self) -> str:
        """What it times, in the recipe's words ("bake")."""
        for span in self.step.durations:
            if span.label:
                return span.label
        return self.step.actions[0] if self.step.actions else ""

    @property
    def until(self) -> str | None:
        for span in self.step.durations:
            if span.until:
                return span.until
        return None


def clock_of(recipe: Recipe, activity: Activity, now: int) -> Clock:
    component = recipe.components_by_id[activity.component]
    step = component.steps[activity.step - 1]
    if activity.length:
        low = high = timedelta(seconds=activity.length)
    else:
        low, high = shortest(step), longest(step)
    return Clock(component, step, activity, timedelta(seconds=activity.seconds(now)), low, high)


def clocks(recipe: Recipe, progress: Progress, now: int) -> list[Clock]:
    """Every running wait, the most recently started first."""
    found = [clock_of(recipe, a, now) for a in progress.running]
    return sorted(found, key=lambda c: -(c.activity.since or 0))


class OvenNow(Record):
    """The oven as it is: its setting (``None``: never set), since when, and what is in it."""

    setting: OvenSetting | None
    step: Step | None
    since: int
    contents: tuple[Component, ...]
    upcoming: Step | None  # the next oven step ahead, in the part in front, else any part


def in_oven(component: Component, place: int) -> bool:
    """Whether the part is in the oven once the cook has reached step ``place``."""
    for step in reversed(component.steps[:place]):
        if step.in_oven is not None:
            return step.in_oven
    return False


def oven_now(recipe: Recipe, progress: Progress) -> OvenNow:
    contents = tuple(
        c
        for c in recipe.components
        if c.id not in progress.done or progress.place(c.id) == len(c.steps)
        if in_oven(c, progress.place(c.id))
    )
    setting_step = None
    since = 0
    if progress.oven is not None:
        setting_step = recipe.components_by_id[progress.oven.component].steps[
            progress.oven.step - 1
        ]
        since = progress.oven.since
    return OvenNow(
        setting_step.oven if setting_step else None,
        setting_step,
        since,
        contents,
        _upcoming_oven(recipe, progress),
    )


def _upcoming_oven(recipe: Recipe, progress: Progress) -> Step | None:
    """The next step that sets the oven, or puts something in it (a bake in the oven
    preheated earlier), in the part in front first."""
    front = recipe.components_by_id[progress.front]
    ordered = [front, *(c for c in recipe.components if c.id != front.id)]
    for component in ordered:
        if component.id in progress.done:
            continue
        place = progress.place(component.id)
        for step in component.steps[place:]:
            if step.oven is not None or step.in_oven:
                return step
    return None


def remaining(component: Component, progress: Progress, now: int) -> timedelta:
    """The timed work left in one part: what its current wait still needs, then the rest."""
    if component.id in progress.done:
        return _ZERO
    place = progress.place(component.id)
    if place == 0:
        return sum((longest(s) for s in component.steps), _ZERO)
    current = component.steps[place - 1]
    activity = progress.activity(component.id, place)
    if activity is not None:
        left = max(longest(current) - timedelta(seconds=activity.seconds(now)), _ZERO)
    else:
        left = longest(current)
    return left + sum((longest(s) for s in component.steps[place:]), _ZERO)


def time_to_ready(recipe: Recipe, progress: Progress, now: int) -> timedelta:
    """How long until the dish is ready, counting what runs in parallel once.

    The part with the most time left sets the pace; a part made during one of its waits
    (``meanwhile``: the aioli while the pork bakes) adds only what does not fit in that wait.
    """
    left = {c.id: remaining(c, progress, now) for c in recipe.components}
    if not left:
        return _ZERO
    main = max(recipe.components, key=lambda c: left[c.id])
    total = left[main.id]
    place = max(progress.place(main.id), 1)
    waits = {s.meanwhile: s for s in main.steps[place - 1 :] if s.meanwhile}
    for component in recipe.components:
        if component.id == main.id:
            continue
        wait = waits.get(component.id)
        if wait is not None:
            total += max(left[component.id] - longest(wait), _ZERO)
        else:
            total += left[component.id]
    return total


def timer_length(clock: Clock) -> timedelta:
    """How long a timer for this wait runs: the time still to go (a range's low end, or its
    high end once inside the range), in whole minutes, at least one."""
    left = clock.left_low if clock.phase == "running" else clock.left_high
    minutes = max(round(left.total_seconds() / 60), 1)
    return timedelta(minutes=minutes)


def round_duration(total: timedelta) -> timedelta:
    """Round to what a cook would say: five minutes under an hour, a quarter hour above."""
    minutes = total.total_seconds() / 60
    step = 5 if minutes < 60 else 15
    return timedelta(minutes=max(step, round(minutes / step) * step))


def round_remaining(left: timedelta) -> timedelta:
    """A wait's time left as said: whole minutes under 20, then to five, then a quarter hour."""
    minutes = left.total_seconds() / 60
    if minutes <= 0:
        return _ZERO
    if minutes < 20:
        return timedelta(minutes=max(1, round(minutes)))
    if minutes < 60:
        return timedelta(minutes=round(minutes / 5) * 5)
    return timedelta(minutes=round(minutes / 5) * 5)


__all__ = [
    "Clock",
    "OvenNow",
    "clock_of",
    "clocks",
    "in_oven",
    "longest",
    "oven_now",
    "remaining",
    "round_duration",
    "round_remaining",
    "shortest",
    "time_to_ready",
    "timer_length",
]
