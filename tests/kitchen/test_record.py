"""cookalong.record.Record behaves as the frozen dataclasses it replaced."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass

import pytest

from cookalong.record import FAST_INIT_AFTER, Record, replace


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
    assert_refuses_wrong_arguments(Timer)


def assert_refuses_wrong_arguments(timer: type) -> None:
    """A timer-shaped record (``timer_id``, ``step``, ``label``) refuses what its fields
    cannot take: too few or too many values, a repeated one, an unknown one."""
    for bad in ((), ("t1", 1, "x", "extra")):
        with pytest.raises(TypeError):
            timer(*bad)
    with pytest.raises(TypeError):
        timer("t1", timer_id="t2")
    with pytest.raises(TypeError):
        timer("t1", colour="red")


def reading_class() -> type[Record]:
    """A record with a default, an uncompared field and a checking ``__post_init__``."""

    class Reading(Record):
        degrees: int
        scale: str = "F"
        notes: dict | None = None

        _uncompared = frozenset({"notes"})

        def __post_init__(self) -> None:
            object.__setattr__(self, "scale", self.scale.upper())
            if self.degrees < 0:
                raise ValueError("no negative readings")

    Reading.__qualname__ = "Reading"  # shown as a module-level class is
    return Reading


Reading = reading_class()


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


# -- the compiled __init__ of a class built often ------------------------------------------


def _built_often(cls, *args, **kwargs):
    for _ in range(FAST_INIT_AFTER + 1):
        made = cls(*args, **kwargs)
    return made


def test_a_record_built_often_gets_its_own_init_that_does_the_same():
    class Often(Record):
        timer_id: str
        step: int = 1
        label: str = "bake"

    assert Often.__init__ is Record.__init__
    generic = Often("t1", 2)
    _built_often(Often, "t1")
    assert Often.__init__ is not Record.__init__  # compiled for its fields
    assert Often("t1", 2) == generic and Often(timer_id="t1", step=2) == generic
    assert Often("t1").label == "bake" and repr(Often("t1", 2)) == repr(generic)
    assert_refuses_wrong_arguments(Often)
    with pytest.raises(FrozenInstanceError):
        Often("t1").step = 3


def test_a_compiled_init_runs_post_init_and_keeps_uncompared_fields():
    Checked = reading_class()  # a class of its own: compiled here, not for the other tests
    _built_often(Checked, 350)
    assert Checked.__init__ is not Record.__init__
    assert Checked(350, "c", {"a": 1}) == Checked(350, "C")
    with pytest.raises(ValueError):
        Checked(-1)


def test_a_base_subclassed_after_its_init_was_compiled_serves_its_subclass_fields():
    class Base(Record):
        a: int
        b: str = "x"

    _built_often(Base, 1)
    assert Base.__init__ is not Record.__init__

    class Child(Base):
        c: int = 3

    class Custom(Base):
        def __init__(self, a: int) -> None:
            super().__init__(a * 10, "y")

    assert Base.__init__ is Record.__init__  # back to the generic, which reads each class's fields
    assert Child(1, "z", 4) == _built_often(Child, 1, "z", 4) and Child(5).c == 3
    assert Custom(2) == _built_often(Custom, 2) and (Custom(2).a, Custom(2).b) == (20, "y")
    assert Base(1) == _built_often(Base, 1) and Base.__init__ is Record.__init__


def test_fields_that_cannot_be_a_signature_keep_the_generic_init():
    class DefaultFirst(Record):  # a default before a required field: no Python signature
        a: int = 1
        b: int

    made = _built_often(DefaultFirst, b=2)
    assert DefaultFirst.__init__ is Record.__init__
    assert (made.a, made.b) == (1, 2) and DefaultFirst(5, 6).a == 5
