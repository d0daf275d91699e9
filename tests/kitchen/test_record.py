"""cookalong.record.Record behaves as the frozen dataclasses it replaced."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass

import pytest

from cookalong.record import Record, replace


class Timer(Record):
    timer_id: str
    step: int = 1
    label: str = "bake"


@dataclass(frozen=True)
class TimerDataclass:
    timer_id: str
    step: int = 1
    label: str = "bake"


def test_a_record_is_built_compared_hashed_and_shown_like_a_frozen_dataclass():
    record, same = Timer("t1", 2), Timer(timer_id="t1", step=2, label="bake")
    assert record == same and hash(record) == hash(same)
    assert record != Timer("t1", 3) and record != ("t1", 2, "bake")
    assert repr(record) == repr(TimerDataclass("t1", 2)).replace("TimerDataclass", "Timer")
    assert (record.timer_id, record.step, record.label) == ("t1", 2, "bake")
    assert Timer.__match_args__ == ("timer_id", "step", "label")


def test_a_record_is_frozen_and_refuses_wrong_arguments():
    record = Timer("t1")
    with pytest.raises(FrozenInstanceError):
        record.step = 5
    with pytest.raises(FrozenInstanceError):
        del record.step
    for bad in ((), ("t1", 1, "x", "extra")):
        with pytest.raises(TypeError):
            Timer(*bad)
    with pytest.raises(TypeError):
        Timer("t1", timer_id="t2")
    with pytest.raises(TypeError):
        Timer("t1", colour="red")


class Reading(Record):
    degrees: int
    scale: str = "F"
    notes: dict | None = None

    _uncompared = frozenset({"notes"})

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", self.scale.upper())
        if self.degrees < 0:
            raise ValueError("no negative readings")


def test_a_record_runs_its_post_init_and_replace_makes_a_checked_copy():
    reading = Reading(275, "f")
    assert reading.scale == "F"  # normalised after the fields were set
    warmer = replace(reading, degrees=300)
    assert warmer == Reading(300) and reading == Reading(275)
    with pytest.raises(ValueError):
        replace(reading, degrees=-1)  # through __init__ and __post_init__, as a new one
    with pytest.raises(TypeError):
        replace(reading, colour="red")
    # a dataclass is replaced by dataclasses.replace
    assert replace(TimerDataclass("t1"), step=2) == TimerDataclass("t1", 2)


def test_uncompared_fields_are_shown_but_neither_compared_nor_hashed():
    one, other = Reading(275, notes={"a": 1}), Reading(275, notes={"b": 2})
    assert one == other and hash(one) == hash(other)
    assert repr(one) == "Reading(degrees=275, scale='F', notes={'a': 1})"
