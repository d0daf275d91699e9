"""Where the cook's place is kept between sessions: DynamoDB when deployed, sqlite locally.

:func:`adapter_from_env` picks the store once, at start-up, and returns an ASK SDK persistence
adapter wrapped in a :class:`MeteredAdapter` (whose ``stats`` count reads, writes and failures,
and whose circuit breaker keeps calls away from a store that is failing; ``health()`` reports
both without calling the store).

The persisted item is ``{"state": <cooking state>}``, where the cooking state is a JSON-able
dict with a ``"v"`` schema version, owned and repaired by :mod:`cookalong.cooking`; the stores
do not interpret it. It expires :data:`DEFAULT_TTL_DAYS` days after its last save (override with
``STATE_TTL_DAYS``).

Environment
-----------
``TABLE_NAME``
    Use this existing DynamoDB table (the SAM template sets it). The skill never creates it.
``AWS_ENDPOINT_URL_DYNAMODB``
    Another DynamoDB endpoint (DynamoDB Local, dynalite), passed to boto3 explicitly.
``COOKALONG_STATE_DB``
    Without ``TABLE_NAME``: the sqlite file; by default
    ``$XDG_STATE_HOME/cookalong/state.sqlite3``, else ``~/.local/state/cookalong/state.sqlite3``.
``STATE_TTL_DAYS``
    Days a saved state lives after its last save (default 30).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

from cookalong.storage.breaker import CircuitBreaker
from cookalong.storage.metered import MeteredAdapter, StoreStats, StoreUnavailable

#: Key of the cooking state inside the persisted attributes.
STATE_KEY = "state"
DEFAULT_TTL_DAYS = 30
#: The top-level item attribute holding the expiry (epoch seconds) that DynamoDB's TTL reads.
TTL_ATTRIBUTE = "expires_at"


class StorageConfigError(ValueError):
    """The environment asks for a store that cannot be set up; the message says what to fix."""


def state_db_path(environ: Mapping[str, str]) -> Path:
    """Where the local sqlite store lives.

    Parameters
    ----------
    environ
        The environment: ``COOKALONG_STATE_DB``, ``XDG_STATE_HOME`` and ``HOME`` are consulted.

    Returns
    -------
    Path
        ``COOKALONG_STATE_DB`` if set; else ``$XDG_STATE_HOME/cookalong/state.sqlite3`` when
        ``XDG_STATE_HOME`` is an absolute path (the XDG spec ignores relative ones); else
        ``~/.local/state/cookalong/state.sqlite3``.
    """
    explicit = environ.get("COOKALONG_STATE_DB")
    if explicit:
        return Path(explicit).expanduser()
    xdg = environ.get("XDG_STATE_HOME")
    if xdg and Path(xdg).is_absolute():
        base = Path(xdg)
    else:
        home = environ.get("HOME")
        base = (Path(home) if home else Path.home()) / ".local" / "state"
    return base / "cookalong" / "state.sqlite3"


def ttl_seconds(environ: Mapping[str, str]) -> int:
    """Lifetime of a saved state after its last save, from ``STATE_TTL_DAYS`` (default 30)."""
    raw = environ.get("STATE_TTL_DAYS") or str(DEFAULT_TTL_DAYS)
    try:
        days = float(raw)
    except ValueError:
        days = -1.0
    if not 0 < days <= 3650:
        raise StorageConfigError(
            f"STATE_TTL_DAYS must be a number of days between 0 and 3650, not {raw!r}"
        )
    return round(days * 86400)


def adapter_from_env(environ: Mapping[str, str] = os.environ) -> MeteredAdapter:
    """Build the persistence adapter the environment asks for; call once, at start-up.

    Parameters
    ----------
    environ
        ``TABLE_NAME`` set: DynamoDB through one boto3 client (boto3 is imported only then);
        otherwise the embedded sqlite store at :func:`state_db_path`. See the module docstring.

    Returns
    -------
    MeteredAdapter
        An ``AbstractPersistenceAdapter``; its ``stats`` count the store calls, and its circuit
        breaker (one per adapter, so one per container) stops calling a failing store.

    Raises
    ------
    StorageConfigError
        When ``STATE_TTL_DAYS`` is not a sensible number of days.
    """
    ttl = ttl_seconds(environ)
    table = (environ.get("TABLE_NAME") or "").strip()
    if table:
        from cookalong.storage.dynamodb import PROBE_CONFIG, TtlDynamoDbAdapter, dynamodb_client

        inner: AbstractPersistenceAdapter = TtlDynamoDbAdapter(
            table, client=dynamodb_client(environ), ttl_seconds=ttl
        )

        def probe() -> AbstractPersistenceAdapter:  # built on the first outage, not at start-up
            return TtlDynamoDbAdapter(
                table, client=dynamodb_client(environ, PROBE_CONFIG), ttl_seconds=ttl
            )

        return MeteredAdapter(inner, store="dynamodb", breaker=CircuitBreaker(), probe=probe)
    from cookalong.storage.sqlite import SqliteAdapter  # sqlite3 only when it is the store

    sqlite = SqliteAdapter(state_db_path(environ), ttl_seconds=ttl)
    return MeteredAdapter(sqlite, store="sqlite", breaker=CircuitBreaker())


def __getattr__(name: str) -> object:
    # ``SqliteAdapter`` stays importable from here without importing sqlite3 into the Lambda,
    # which uses DynamoDB (about 3 ms of cold start).
    if name == "SqliteAdapter":
        from cookalong.storage.sqlite import SqliteAdapter

        return SqliteAdapter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_TTL_DAYS",
    "STATE_KEY",
    "TTL_ATTRIBUTE",
    "CircuitBreaker",
    "MeteredAdapter",
    "SqliteAdapter",
    "StorageConfigError",
    "StoreStats",
    "StoreUnavailable",
    "adapter_from_env",
    "state_db_path",
    "ttl_seconds",
]
