"""Frozen value classes that are cheap to define: :class:`Record`.

``@dataclass(frozen=True)`` writes and compiles its methods' source for every class it
decorates (about 4 million instructions each, at import: a cold start pays it for every
value class of the skill). A :class:`Record` subclass gets the same behaviour from methods
defined once, here:

- fields are the class's own annotations, in order (after its base records' fields), with the
  class attribute of the same name as the default;
- ``__init__`` takes them positionally or by name (a missing or unknown one is a ``TypeError``);
- a ``__post_init__`` method, when the class has one, runs after the fields are set (it
  normalises with ``object.__setattr__``, as in a frozen dataclass);
- instances are frozen (assignment raises :class:`dataclasses.FrozenInstanceError`), equal when
  of the same class with equal fields, hashed by their fields, and shown as
  ``Name(field=value, ...)``; the fields named in a class's ``_uncompared`` (a dataclass's
  ``field(compare=False)``) are shown but neither compared nor hashed;
- :func:`replace` is ``dataclasses.replace`` for records (and dataclasses).

Defaults must be immutable (they are shared, as a dataclass's are): a class that needs a fresh
mutable value per instance (a dataclass's ``default_factory``) makes it itself, in
``__post_init__`` or in an ``__init__`` of its own.
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import FrozenInstanceError
from typing import Any, ClassVar


class Record:
    """Base of frozen value classes (see the module)."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    #: Fields shown but neither compared nor hashed (set by a class; inherited).
    _uncompared: ClassVar[frozenset[str]] = frozenset()
    _compared: ClassVar[tuple[str, ...]] = ()
    _post_init: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [
            name
            for name, kind in inspect.get_annotations(cls).items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        ]
        fields = (*cls._fields, *(name for name in own if name not in cls._fields))
        defaults = dict(cls._defaults)
        defaults.update({name: cls.__dict__[name] for name in own if name in cls.__dict__})
        cls._fields = fields
        cls._defaults = defaults
        cls._compared = tuple(name for name in fields if name not in cls._uncompared)
        cls._post_init = hasattr(cls, "__post_init__")
        cls.__match_args__ = fields

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(
                f"{type(self).__name__}() takes {len(fields)} arguments, {len(args)} given"
            )
        values = self.__dict__
        values.update(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields or name in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated {name!r}")
            values[name] = value
        if len(values) < len(fields):
            for name in fields:
                if name not in values:
                    if name not in self._defaults:
                        raise TypeError(f"{type(self).__name__}() is missing {name!r}")
                    values[name] = self._defaults[name]
        if self._post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in self._compared)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"


def replace[R](obj: R, /, **changes: Any) -> R:
    """A copy of the record ``obj`` with ``changes`` (``dataclasses.replace`` for a record):
    made through its ``__init__`` (and ``__post_init__``), so it is checked as a new one is.
    A dataclass is handed to :func:`dataclasses.replace`."""
    if not isinstance(obj, Record):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    values = obj.__dict__
    return type(obj)(**{name: values[name] for name in obj._fields} | changes)
