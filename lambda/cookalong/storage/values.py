"""Plain-value helpers shared by the stores: Decimal normalisation and state fingerprints.

Pure functions, no SDK imports. DynamoDB hands numbers back as :class:`decimal.Decimal` and
refuses Python floats on the way in; the cooking state must stay a JSON-able dict that compares
equal to what was saved, so numbers are converted at the store's edge in both directions.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any


def from_store(value: Any) -> Any:
    """Turn a value read from DynamoDB back into plain JSON-able Python.

    Parameters
    ----------
    value
        A value as boto3's deserializer returns it: ``Decimal`` numbers, ``dict``, ``list``,
        ``set`` (DynamoDB string/number sets), ``str``, ``bool`` or ``None``.

    Returns
    -------
    Any
        The same structure with every ``Decimal`` made an ``int`` when it is integral and a
        ``float`` otherwise, and sets made sorted lists.

    Examples
    --------
    >>> from_store({"step": Decimal("3"), "scale": Decimal("1.5"), "done": [Decimal("2")]})
    {'step': 3, 'scale': 1.5, 'done': [2]}
    """
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, Mapping):
        return {str(k): from_store(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [from_store(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(from_store(v) for v in value)
    return value


def to_store(value: Any) -> Any:
    """Prepare a JSON-able value for boto3's DynamoDB serializer.

    Parameters
    ----------
    value
        A JSON-able structure (dicts with string keys, lists, str, int, float, bool, None).

    Returns
    -------
    Any
        The same structure with floats as exact ``Decimal`` (``Decimal(repr(f))``, so
        ``float(result) == f``) and tuples as lists.

    Raises
    ------
    ValueError
        For NaN or infinite floats, which neither DynamoDB nor JSON can hold.
    TypeError
        For anything that is not JSON-able (a ``Fraction``, a ``set``, a non-string key), naming
        the type, so a handler that put such a value into the state learns it at once.
    """
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot store the number {value!r} (not finite)")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"cannot store a key of type {type(k).__name__}: {k!r}")
            out[k] = to_store(v)
        return out
    if isinstance(value, list | tuple):
        return [to_store(v) for v in value]
    raise TypeError(f"cannot store a value of type {type(value).__name__}: {value!r}")


def _canonical(value: Any, ignore: Collection[str]) -> Any:
    # Exact types first: what a state read from the session is made of (this runs every turn).
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        return {str(k): _canonical(v, ()) for k, v in value.items() if k not in ignore}
    if kind is list:
        return [_canonical(v, ()) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        value = from_store(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, Mapping):
        return {str(k): _canonical(v, ()) for k, v in value.items() if k not in ignore}
    if isinstance(value, list | tuple):
        return [_canonical(v, ()) for v in value]
    raise TypeError(f"the cooking state holds a {type(value).__name__}, which is not JSON-able")


#: One encoder for every fingerprint (``json.dumps`` with options builds a new one per call).
_FINGERPRINTS: dict[tuple[str, tuple[str, ...]], str] = {}
_FINGERPRINTS_KEPT = 4096
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), allow_nan=False)


def fingerprint(state: Any, ignore: Collection[str] = ()) -> str:
    """A short, stable digest of a cooking state, to tell whether it changed since the last save.

    Parameters
    ----------
    state
        The JSON-able state (or ``None``).
    ignore
        Top-level keys whose change alone does not make the state worth saving (for example
        the last thing said, kept for "repeat that" within a session).

    Returns
    -------
    str
        16 hex characters. Equal for states that compare equal after a store round trip
        (``2.0`` and ``2``, ``Decimal("1.5")`` and ``1.5``, tuples and lists, key order).

    Raises
    ------
    TypeError
        When the state holds something that is not JSON-able.
    ValueError
        When it holds a NaN or infinite number.
    """
    # A session asks about the same state turn after turn: remember digests by the state's
    # repr, which tells JSON values apart exactly (1, 1.0, True, "1", Decimal("1") all differ).
    key = (repr(state), tuple(sorted(ignore)) if ignore else ())
    known = _FINGERPRINTS.get(key)
    if known is not None:
        return known
    text = _CANONICAL_JSON.encode(_canonical(state, ignore))
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    if len(_FINGERPRINTS) >= _FINGERPRINTS_KEPT:
        _FINGERPRINTS.clear()
    _FINGERPRINTS[key] = digest
    return digest
