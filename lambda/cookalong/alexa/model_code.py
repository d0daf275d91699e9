"""Readers and writers written out for one ask-sdk-model class (see :mod:`.serializer`).

The serializer's generic reader walks a payload and looks up, for each key, the attribute and
the reader of its type; its generic writer walks a model's (attribute, key, type) triples. For a
class read or written often, these functions write that walk out as Python source for the
class: one comparison per JSON key and the attribute stored directly; each attribute read
directly and a leaf value kept without a call. The source holds only the class's JSON keys as
literals (``repr``) and attribute names that are plain identifiers (checked); anything else
keeps the generic way.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Collection
from datetime import date, datetime
from typing import Any

from ask_sdk_core.exceptions import SerializationException

Reader = Callable[[Any], Any]
#: The Python types the SDK's type strings name ("str", "datetime", ...).
NATIVE: dict[str, Any] = {
    "int": int,
    "long": int,
    "float": float,
    "str": str,
    "bool": bool,
    "date": date,
    "datetime": datetime,
    "object": object,
}
#: Field types whose reader returns a value of exactly that type as it is (``str(s)`` is ``s``).
INLINE: dict[str, type] = {name: NATIVE[name] for name in ("str", "bool", "int", "long", "float")}


def plain(attr: str) -> bool:
    """Whether ``model.attr`` can be written as such in the source."""
    return attr.isidentifier() and not keyword.iskeyword(attr) and not attr.startswith("__")


def list_item(kind: Any) -> str | None:
    """The item type of ``"list[X]"`` (one type), else ``None``."""
    if isinstance(kind, str) and kind.startswith("list[") and kind.endswith("]"):
        inner = kind[len("list[") : -1].strip()
        return inner if inner and "," not in inner else None
    return None


def reader(
    cls: type,
    by_key: dict[str, tuple[str, Any]],
    reader_of: Callable[[Any], Reader],
    bind: Callable[[dict[str, Any], str, Reader], None],
) -> Reader:
    """The generic fill of ``cls`` written out: the same models, the same failures.

    Parameters
    ----------
    cls
        The model class.
    by_key
        JSON key -> (attribute, field type or ``None``).
    reader_of
        The serializer's reader of a field type (built now: a model's reader reads its fields
        only when called, so nothing recurses here).
    bind
        Puts a reader into the source's namespace (the serializer swaps a model class's
        reader for its compiled one when there is one).
    """
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_refuse": SerializationException,
        "_isinstance": isinstance,
        "_dict": dict,
        "_setattr": setattr,
    }
    lines = [
        "def fill(payload):",
        "    if not _isinstance(payload, _dict):",
        "        raise _refuse(f'{_cls.__name__} needs an object, not {payload!r:.80}')",
        "    model = _cls()",
        "    for key, value in payload.items():",
    ]
    for n, (key, (attr, kind)) in enumerate(by_key.items()):
        lines.append(f"        {'if' if n == 0 else 'elif'} key == {key!r}:")
        value = "value"
        item = list_item(kind)
        if item is not None:  # a list of one type, read inline (as the list reader reads it)
            bind(namespace, f"_read{n}", reader_of(item))
            each = f"_read{n}(i) if i is not None else None"
            value = f"None if value is None else [{each} for i in value]"
        elif kind in INLINE:
            namespace[f"_type{n}"] = INLINE[kind]
            bind(namespace, f"_read{n}", reader_of(kind))
            value = f"value if value is None or value.__class__ is _type{n} else _read{n}(value)"
        elif kind == "object":
            pass  # kept as it is
        elif kind is not None:
            bind(namespace, f"_read{n}", reader_of(kind))
            value = f"None if value is None else _read{n}(value)"
        if plain(attr):
            lines.append(f"            model.{attr} = {value}")
        else:
            lines.append(f"            _setattr(model, {attr!r}, {value})")
    lines.append("        else:" if by_key else "        if True:")
    lines.append("            _setattr(model, key, value)  # kept, as the SDK keeps them")
    lines.append("    return model")
    exec(compile("\n".join(lines), f"<reader {cls.__qualname__}>", "exec"), namespace)
    return namespace["fill"]


def writer(
    kind: type,
    fields: list[tuple[str, str]],
    leaves: Collection[type],
    write: Callable[[Any], Any],
    generic: Callable[[type, Any], Any],
) -> Callable[[Any], Any] | None:
    """The generic writing of ``kind``'s ``fields`` ((attribute, JSON key) pairs) written out,
    or ``None`` when an attribute name cannot be written as such.

    A value of a type in ``leaves`` is kept as it is, any other is ``write``'s; a model that
    lacks one of the attributes is written by ``generic(kind, model)``.
    """
    if not all(plain(attr) for attr, _ in fields):
        return None
    namespace: dict[str, Any] = {
        "_kind": kind,
        "_leaves": leaves,
        "_type": type,
        "_write": write,
        "_generic": generic,
    }
    reads = [f"        v{n} = obj.{attr}" for n, (attr, _) in enumerate(fields)]
    lines = ["def write(obj):", "    try:", *(reads or ["        pass"])]
    lines += ["    except AttributeError:", "        return _generic(_kind, obj)"]
    lines.append("    out = {}")
    for n, (_, key) in enumerate(fields):
        lines.append(f"    if v{n} is not None:")
        lines.append(f"        out[{key!r}] = v{n} if _type(v{n}) in _leaves else _write(v{n})")
    lines.append("    return out")
    exec(compile("\n".join(lines), f"<writer {kind.__qualname__}>", "exec"), namespace)
    return namespace["write"]
