"""cookalong.record.Record behaves as the frozen dataclasses it replaced."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass

import pytest

from cookalong.record import Record


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
