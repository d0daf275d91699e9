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

The shared ``__init__`` is generic, so about four times slower than a written one. A class
built often (:data:`FAST_INIT_AFTER` times: the values of every answer, a recipe's
ingredients) gets an ``__init__`` of its own then, compiled from its fields, which does the
same: the values, by position or name, with the same defaults, then ``__post_init__``. A class
that has subclasses, whose fields cannot be a Python signature (a field without a default after
one with) or whose names are not plain identifiers keeps the generic one.
"""

from __future__ import annotations

import dataclasses
import inspect
import keyword
from dataclasses import FrozenInstanceError
from typing import Any, ClassVar

#: Instances a class makes with the generic ``__init__`` before it gets a compiled one.
FAST_INIT_AFTER = 16


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
        cls._built = 0
        for base in cls.__mro__[1:-1]:
            if issubclass(base, Record) and base is not Record:
                # A base's compiled __init__ knows only the base's fields, and its subclasses'
                # own __init__ may reach it through super(): back to the generic one, for good.
                base._subclassed = True
                if getattr(base.__dict__.get("__init__"), "_compiled", False):
                    base.__init__ = Record.__init__

    #: Instances made with the generic ``__init__``; whether the class has subclasses (its own).
    _built: ClassVar[int] = 0
    _subclassed: ClassVar[bool] = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if cls.__init__ is Record.__init__:  # not a subclass's own __init__ calling this one
            cls._built += 1
            if cls._built == FAST_INIT_AFTER and not cls.__dict__.get("_subclassed"):
                compiled = _compiled_init(cls)
                if compiled is not None:
                    cls.__init__ = compiled
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
        # Frozen, so hashed once (a recipe's amounts key the spoken-quantity cache every turn);
        # kept beside the fields, which are what is compared and shown.
        values = self.__dict__
        found = values.get("_rec_hash")
        if found is None:
            found = values["_rec_hash"] = hash(self._values())
        return found

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"


def _compiled_init(cls: type[Record]) -> Any:
    """An ``__init__`` written for ``cls``'s fields (see the module), or ``None`` if its fields
    cannot be a signature."""
    fields, defaults = cls._fields, cls._defaults
    if not fields or any(
        not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_rec_")
        for name in fields
    ):
        return None
    required = [name for name in fields if name not in defaults]
    if fields[: len(required)] != tuple(required):
        return None  # a field without a default after one with a default
    params = ", ".join(
        name if name not in defaults else f"{name}=_rec_defaults[{name!r}]" for name in fields
    )
    body = "".join(f"    _rec_values[{name!r}] = {name}\n" for name in fields)
    post = "    _rec_self.__post_init__()\n" if cls._post_init else ""
    source = (
        f"def __init__(_rec_self, {params}):\n    _rec_values = _rec_self.__dict__\n{body}{post}"
    )
    namespace: dict[str, Any] = {"_rec_defaults": dict(defaults)}
    # The source holds only the field names (checked identifiers) and the class name.
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init._compiled = True
    return init


def replace[R](obj: R, /, **changes: Any) -> R:
    """A copy of the record ``obj`` with ``changes`` (``dataclasses.replace`` for a record):
    made through its ``__init__`` (and ``__post_init__``), so it is checked as a new one is.
    A dataclass is handed to :func:`dataclasses.replace`."""
    if not isinstance(obj, Record):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    values = obj.__dict__
    return type(obj)(**{name: values[name] for name in obj._fields} | changes)
