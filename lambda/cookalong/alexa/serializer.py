"""The SDK's serializer, faster per request: same interface, same models, same results.

ask-sdk-core's :class:`~ask_sdk_core.serialize.DefaultSerializer` reads a request envelope
into ``ask_sdk_model`` objects by re-parsing every type string (``"list[ask_sdk_model...]"``
with a regular expression), re-resolving every class name with ``__import__``, re-merging
every model's attribute map, and parsing every timestamp with ``dateutil`` (the slowest part
of a warm turn). :class:`FastSerializer` is a ``DefaultSerializer`` (so it is the SDK's
``Serializer`` wherever one is expected: the skill, the service clients) that does the same
work once per type: each type string or class gets a reader, built on first use and kept;
each model class its (attribute, JSON key, type) triples; a class read or written often (every
request's dozen, 8 times) gets a reader or writer of its own, compiled from those triples
(:mod:`cookalong.alexa.model_code`). Timestamps are read with
:meth:`datetime.fromisoformat` (ISO 8601, as Alexa sends them), falling back to ``dateutil``
for anything else, exactly as the SDK would parse it.

Every failure is a :class:`~ask_sdk_core.exceptions.SerializationException`.
"""

from __future__ import annotations

import copy
import decimal
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import partial
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

from cookalong.alexa import model_code

Reader = model_code.Reader
#: Models of a class read the generic way before the class gets a reader of its own: every
#: request reads the same dozen classes, a cold start reads each once or twice.
COMPILE_AFTER = 8
_PRIMITIVES = (float, bool, bytes, str, int)


def _load_class(name: str) -> Any:
    module_name, _, class_name = name.rpartition(".")
    try:
        if not module_name:
            return getattr(sys.modules[DefaultSerializer.__module__], class_name)
        module = sys.modules.get(module_name) or __import__(module_name, fromlist=[class_name])
        return getattr(module, class_name)
    except Exception as error:
        raise SerializationException(
            f"Unable to resolve class {name} from installed modules: {error}"
        ) from None


def _primitive(kind: Any) -> Reader:
    def read(payload: Any) -> Any:
        try:
            return kind(payload)
        except UnicodeEncodeError:
            return str(payload)
        except TypeError:
            return payload
        except ValueError:
            raise SerializationException(
                f"Failed to parse {payload} into '{kind.__name__}' object"
            ) from None

    return read


def _timestamp(as_date: bool) -> Reader:
    def read(payload: Any) -> Any:
        try:
            parsed = datetime.fromisoformat(payload)
        except (TypeError, ValueError):
            try:
                from dateutil.parser import parse
            except ImportError:
                return payload
            try:
                parsed = parse(payload)
            except (ValueError, OverflowError, TypeError) as error:
                raise SerializationException(
                    f"Failed to parse {payload} into "
                    f"'{'date' if as_date else 'datetime'}' object: {error}"
                ) from None
        return parsed.date() if as_date else parsed

    return read


def _same(payload: Any) -> Any:
    return payload


def _enum(kind: type[Enum]) -> Reader:
    """``kind(payload)``, as the SDK reads an enum, by a look-up of its members' values."""
    members = {member.value: member for member in kind}

    def read(payload: Any) -> Any:
        try:
            return members[payload]
        except (KeyError, TypeError):  # not a member's value: what the SDK's call then does
            return kind(payload)

    return read


_JSON_LEAVES = frozenset((str, int, float, bool, type(None)))


def copy_json(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """A deep copy of JSON data (dicts, lists, strings, numbers): what ``copy.deepcopy``
    makes of it, without its generic machinery; anything else is left to ``deepcopy``."""
    kind = type(value)
    if kind in _JSON_LEAVES:
        return value
    leaves = _JSON_LEAVES
    if kind is dict or kind is JsonObject:  # a leaf is kept as it is, without a call
        return {
            key: item if type(item) in leaves else copy_json(item, memo)
            for key, item in value.items()
        }
    if kind is list:
        return [item if type(item) in leaves else copy_json(item, memo) for item in value]
    return copy.deepcopy(value, memo)


class JsonObject(dict):
    """A free-form JSON object of a request (``dict(str, object)`` in the SDK's models).

    The SDK's ``AttributesManager`` deep-copies the session attributes on every request
    (``copy.deepcopy``: about a tenth of a warm turn, most of it the generic machinery).
    Read from JSON, they hold only dicts, lists, strings and numbers, which :func:`copy_json`
    copies directly: the copy is equal, and as independent of the request, as ``deepcopy``'s.
    """

    __slots__ = ()

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return copy_json(self, memo)


class FastSerializer(DefaultSerializer):
    """``DefaultSerializer`` with readers and writers built once per type (see module)."""

    def __init__(self) -> None:
        self._readers: dict[Any, Reader] = {}
        self._fields: dict[type, tuple[tuple[str, str, Any], ...]] = {}
        self._by_key: dict[type, dict[str, tuple[str, Any]]] = {}
        self._uses: dict[type, int] = {}  # models read the generic way, per class
        self._compiled: dict[type, Reader] = {}  # classes read often: their own reader
        #: Where a class's generic reader sits until the class has its compiled one.
        self._pending: dict[type, list[tuple[dict[Any, Any], Any]]] = {}
        self._written: dict[type, int] = {}  # models written the generic way, per class
        self._writers: dict[type, Callable[[Any], Any]] = {}  # classes written often: theirs

    # -- reading ---------------------------------------------------------------------------

    def deserialize(self, payload: Any, obj_type: Any) -> Any:
        """Parse the JSON text ``payload`` into ``obj_type`` (a class or an SDK type string)."""
        if payload is None:
            return None
        try:
            data = json.loads(payload)
        except Exception:
            raise SerializationException(f"Couldn't parse response body: {payload}") from None
        return self.read(data, obj_type)

    def read(self, payload: Any, obj_type: Any) -> Any:
        """The model for already parsed JSON (a request envelope as Lambda hands it over)."""
        if payload is None:
            return None
        try:
            return self._reader(obj_type)(payload)
        except SerializationException:
            raise
        except Exception as error:
            raise SerializationException(f"{type(error).__name__}: {error}") from None

    def _reader(self, obj_type: Any) -> Reader:
        reader = self._readers.get(obj_type)
        if reader is None:
            self._bind(self._readers, obj_type, self._build_reader(obj_type))
            reader = self._readers[obj_type]
        return reader

    def _build_reader(self, obj_type: Any) -> Reader:
        if isinstance(obj_type, str):
            if obj_type.startswith("list["):
                return self._list_reader(obj_type)
            if obj_type.startswith("dict("):
                return self._dict_reader(obj_type)
            obj_type = model_code.NATIVE.get(obj_type) or _load_class(obj_type)
        if obj_type in _PRIMITIVES:
            return _primitive(obj_type)
        if obj_type is object:
            return _same
        if obj_type is date or obj_type is datetime:
            return _timestamp(obj_type is date)
        if isinstance(obj_type, type) and issubclass(obj_type, Enum):
            return _enum(obj_type)
        if hasattr(obj_type, "deserialized_types"):
            if hasattr(obj_type, "get_real_child_model"):
                return self._by_discriminator(obj_type)
            return self._model_reader(obj_type)
        return _same

    def _list_reader(self, obj_type: str) -> Reader:
        inner = obj_type[len("list[") : -1] if obj_type.endswith("]") else None
        if not inner:
            return lambda payload: []
        if "," in inner:
            types = [t.strip() for t in inner.split(",")]
            return lambda payload: [
                None if item is None else self._reader(t)(item)
                for item, t in zip(payload, types, strict=False)
            ]
        read = self._reader(inner.strip())
        return lambda payload: [None if item is None else read(item) for item in payload]

    def _dict_reader(self, obj_type: str) -> Reader:
        inside = obj_type[len("dict(") : -1] if obj_type.endswith(")") else ""
        _, comma, value_type = inside.partition(", ")
        if not comma:
            return lambda payload: {}
        read = self._reader(value_type)
        if read is _same:  # a free-form JSON object (session attributes, a payload)
            return lambda payload: JsonObject(payload)
        return lambda payload: {
            key: None if value is None else read(value) for key, value in payload.items()
        }

    def _by_discriminator(self, base: type) -> Reader:
        classes: dict[str, type] = {}  # the subclass named by each discriminator value seen

        def read(payload: Any) -> Any:
            name = base.get_real_child_model(payload)  # type: ignore[attr-defined]
            if not name:
                raise SerializationException(
                    f"Couldn't resolve object by discriminator type for {base} class"
                )
            cls = classes.get(name)
            if cls is None:
                cls = classes[name] = _load_class(name)
            return self._fill(cls, payload)

        return read

    def _model_reader(self, cls: type) -> Reader:
        return partial(self._fill, cls)

    def _model_fields(self, cls: type) -> tuple[tuple[str, str, Any], ...]:
        fields = self._fields.get(cls)
        if fields is None:
            types = cls.deserialized_types  # type: ignore[attr-defined]
            names = getattr(cls, "attribute_map", {})
            fields = tuple((attr, names.get(attr, attr), types[attr]) for attr in types)
            fields += tuple((attr, key, None) for attr, key in names.items() if attr not in types)
            self._fields[cls] = fields
        return fields

    def _fill(self, cls: type, payload: Any) -> Any:
        compiled = self._compiled.get(cls)
        if compiled is not None:
            return compiled(payload)
        if not isinstance(payload, dict):
            raise SerializationException(f"{cls.__name__} needs an object, not {payload!r:.80}")
        by_key = self._by_key.get(cls)
        if by_key is None:
            by_key = self._by_key[cls] = {
                key: (attr, kind) for attr, key, kind in self._model_fields(cls)
            }
        uses = self._uses[cls] = self._uses.get(cls, 0) + 1
        if uses == COMPILE_AFTER:
            compiled = self._compiled[cls] = self._compiled_fill(cls, by_key)
            return compiled(payload)
        model = cls()
        readers = self._readers
        # A payload names a few of a model's many fields: walk the payload, not the model.
        for key, value in payload.items():
            field = by_key.get(key)
            if field is None:
                setattr(model, key, value)  # kept, as the SDK keeps them
                continue
            attr, kind = field
            if value is not None and kind is not None:
                read = readers.get(kind)
                value = (read or self._reader(kind))(value)
            setattr(model, attr, value)
        return model

    def _compiled_fill(self, cls: type, by_key: dict[str, tuple[str, Any]]) -> Reader:
        """:meth:`_fill` written out for ``cls`` (:func:`~cookalong.alexa.model_code.reader`);
        the readers that went through :meth:`_fill` for it now call it directly."""
        fill = model_code.reader(cls, by_key, self._reader, self._bind)
        for table, name in self._pending.pop(cls, ()):
            table[name] = fill
        return fill

    def _bind(self, table: dict[Any, Any], name: Any, reader: Reader) -> None:
        """``table[name] = reader``; for a model class's reader, its compiled reader as soon
        as there is one (now, or when it is compiled)."""
        cls = reader.args[0] if isinstance(reader, partial) and reader.func == self._fill else None
        compiled = self._compiled.get(cls) if cls is not None else None
        table[name] = compiled or reader
        if cls is not None and compiled is None:
            self._pending.setdefault(cls, []).append((table, name))

    # -- writing ---------------------------------------------------------------------------

    def serialize(self, obj: Any) -> Any:
        """JSON-able data for ``obj``, exactly as ``DefaultSerializer.serialize`` makes it."""
        kind = type(obj)
        if kind in _JSON_LEAVES:  # most values: a string, a number, None
            return obj
        if kind is dict:
            leaves = _JSON_LEAVES
            return {
                key: value if type(value) in leaves else self.serialize(value)
                for key, value in obj.items()
            }
        writer = self._writers.get(kind)
        if writer is not None:  # a model class written often
            return writer(obj)
        if isinstance(obj, _PRIMITIVES):
            return obj
        if isinstance(obj, dict):
            return {key: self.serialize(value) for key, value in obj.items()}
        if isinstance(obj, list):
            return [self.serialize(item) for item in obj]
        if isinstance(obj, tuple):
            return tuple(self.serialize(item) for item in obj)
        if isinstance(obj, (datetime, date)):
            return obj.isoformat()
        if isinstance(obj, Enum):
            return obj.value
        if isinstance(obj, decimal.Decimal):
            return int(obj) if obj % 1 == 0 else float(obj)
        if not hasattr(kind, "deserialized_types"):
            return super().serialize(obj)
        uses = self._written[kind] = self._written.get(kind, 0) + 1
        if uses == COMPILE_AFTER:
            writer = self._writers[kind] = self._compiled_writer(kind)
            return writer(obj)
        return self._write_model(kind, obj)

    def _write_model(self, kind: type, obj: Any) -> dict[str, Any]:
        out = {}
        for attr, key, field_type in self._model_fields(kind):
            value = getattr(obj, attr, None)
            if value is not None and field_type is not None:
                out[key] = self.serialize(value)
        return out

    def _compiled_writer(self, kind: type) -> Callable[[Any], Any]:
        """:meth:`_write_model` written out for ``kind`` (:func:`~cookalong.alexa.model_code.
        writer`), or the generic one where its attributes cannot be written out."""
        fields = [
            (attr, key)
            for attr, key, field_type in self._model_fields(kind)
            if field_type is not None  # as _write_model: an untyped attribute is not written
        ]
        written = model_code.writer(kind, fields, _JSON_LEAVES, self.serialize, self._write_model)
        return written or partial(self._write_model, kind)
