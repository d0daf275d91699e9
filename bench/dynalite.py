"""The benchmark's local DynamoDB: :mod:`tools.dynalite` (shared with the tests), in memory, plus
what only the harness needs: :class:`BenchError` and seeding a table the way the SDK does."""

from __future__ import annotations

from typing import Any

from tools import dynalite
from tools.dynalite import DynaliteError


class BenchError(RuntimeError):
    """The benchmark cannot run; the message says what to do."""


class Dynalite(dynalite.Dynalite):
    """An in-memory dynalite on a free loopback port, started on entry and stopped on exit; one
    that cannot start raises :class:`BenchError`.

    Parameters
    ----------
    log
        Where the server's output goes.
    """

    def __enter__(self) -> Dynalite:
        try:
            self.start()
        except DynaliteError as error:
            raise BenchError(str(error)) from error
        return self

    def put_attributes(self, table: str, key: str, attributes: dict[str, Any]) -> None:
        """Store ``attributes`` for ``key`` the way the SDK's DynamoDB adapter does."""
        from boto3.dynamodb.types import TypeSerializer

        item = {"id": key, "attributes": attributes}
        serializer = TypeSerializer()
        self.client().put_item(
            TableName=table, Item={k: serializer.serialize(v) for k, v in item.items()}
        )
