"""The deployed store: one boto3 DynamoDB client behind the SDK's persistence-adapter interface.

:class:`TtlDynamoDbAdapter` is an ask-sdk ``AbstractPersistenceAdapter`` that keeps items the
way the SDK's own ``ask_sdk_dynamodb`` adapter does (``{"id": ..., "attributes": {...}}``),
plus a TTL attribute and plain numbers. It talks to DynamoDB through one low-level boto3 client,
built once at start-up (:func:`dynamodb_client`) and reused by every request. It does not import
``ask_sdk_dynamodb.adapter``: that module builds a ``boto3.resource("dynamodb")`` as an argument
default when it is imported (a second session, the resource model, and a region required at
import time), which would cost every cold start for a resource the skill never uses.

The client's region is ``AWS_REGION`` (Lambda sets it), else ``AWS_DEFAULT_REGION``, else
``us-east-1`` (a developer's machine).

Fault budget
------------
Alexa waits 8 seconds for an answer. Each DynamoDB call gets at most 2 attempts (botocore
"standard" retries, which also retry throttling with jittered back-off of at most 1 s before the
second attempt) of at most ``connect_timeout + read_timeout`` = 2 s each, so one call gives up
after about 5 s at the very worst and after about 2 s in the usual outage shapes (connection
refused: milliseconds; no route: 2 x 1 s connect; a hung server: 2 x 1 s read). The save
interceptor never writes after a read that failed or was slow in the same request, so a request
spends at most one slow call plus one fast one on the store.

During an outage the circuit breaker (:mod:`cookalong.storage.breaker`) stops even that: after a
slow failure no call is made until a probe, which uses :data:`PROBE_CONFIG` (0.25 s connect and
read timeouts, one attempt), finds the table answering again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from cookalong.compat import deferred_http2, deferred_s3transfer

deferred_http2.install()  # before botocore imports urllib3: see that module
deferred_s3transfer.install()  # before boto3 imports s3transfer: see that module

import boto3  # noqa: E402
from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter  # noqa: E402
from ask_sdk_core.exceptions import PersistenceException  # noqa: E402
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen  # noqa: E402
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer  # noqa: E402
from botocore.config import Config  # noqa: E402

from cookalong.storage.values import from_store, to_store  # noqa: E402

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope

deferred_http2.attach()

DEFAULT_REGION = "us-east-1"

#: botocore builds client classes at run time; there is no importable type to name.
DynamoDBClient = Any

PARTITION_KEY = "id"
ATTRIBUTES = "attributes"
TTL_ATTRIBUTE = "expires_at"

#: Short client timeouts and bounded retries: see "Fault budget" in the module docstring.
CLIENT_CONFIG = Config(
    connect_timeout=1.0,
    read_timeout=1.0,
    retries={"mode": "standard", "total_max_attempts": 2},  # the first try and one retry
    tcp_keepalive=True,
)
#: The call that probes a store the circuit breaker has given up on: short, and never retried.
PROBE_CONFIG = Config(
    connect_timeout=0.25,
    read_timeout=0.25,
    retries={"mode": "standard", "total_max_attempts": 1},
    tcp_keepalive=True,
)


def dynamodb_client(environ: Mapping[str, str], config: Config = CLIENT_CONFIG) -> DynamoDBClient:
    """Build the one DynamoDB client the skill uses, at start-up.

    Parameters
    ----------
    environ
        Where to read ``AWS_REGION`` / ``AWS_DEFAULT_REGION`` (else :data:`DEFAULT_REGION`),
        ``AWS_ENDPOINT_URL_DYNAMODB`` (passed explicitly as ``endpoint_url``, e.g. a local
        DynamoDB for development) and, when present, ``AWS_ACCESS_KEY_ID`` /
        ``AWS_SECRET_ACCESS_KEY`` / ``AWS_SESSION_TOKEN``; without keys boto3's usual
        credential chain applies (the Lambda role).
    config
        botocore client configuration; :data:`CLIENT_CONFIG` by default.

    Returns
    -------
    DynamoDBClient
        A low-level boto3 client. Building it makes no network call; its connection pool is
        kept for the life of the process.
    """
    # boto3's default session: a second client (the breaker's probe) reuses its loaded model.
    if boto3.DEFAULT_SESSION is None:
        boto3.setup_default_session()
    return boto3.DEFAULT_SESSION.client(
        "dynamodb",
        region_name=environ.get("AWS_REGION")
        or environ.get("AWS_DEFAULT_REGION")
        or DEFAULT_REGION,
        endpoint_url=environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None,
        aws_access_key_id=environ.get("AWS_ACCESS_KEY_ID") or None,
        aws_secret_access_key=environ.get("AWS_SECRET_ACCESS_KEY") or None,
        aws_session_token=environ.get("AWS_SESSION_TOKEN") or None,
        config=config,
    )


_SERIALIZE = TypeSerializer().serialize
_DESERIALIZE = TypeDeserializer().deserialize


class TtlDynamoDbAdapter(AbstractPersistenceAdapter):
    """The cook's attributes in DynamoDB, with an expiry attribute and JSON-plain numbers.

    Items are ``{"id": <partition key>, "attributes": {...}, "expires_at": <epoch seconds>}``
    (the SDK adapter's layout plus the TTL), written in one PutItem; DynamoDB's TTL (enabled on
    ``expires_at`` by the SAM template) drops a cook's state ``ttl_seconds`` after their last
    save. Numbers are stored as DynamoDB numbers and read back as ``int``/``float``, so what is
    read equals what was saved. The table is never created here: the template owns it. Every
    failure is the SDK's :class:`~ask_sdk_core.exceptions.PersistenceException`, naming the
    botocore error.

    Items are keyed by the Alexa ``userId`` (``user_id_partition_keygen``) rather than the
    device id. A ``userId`` identifies one Amazon account's enablement of this skill: it is the
    same on every Echo, the Alexa phone app and any other device of that account, so a cook who
    starts on the kitchen Echo can ask the phone "what's next". It is not a person: everyone in
    a household who uses the same account shares one place in the recipe (Alexa voice profiles
    give a separate ``personId``, but only to recognised speakers, so keying on it would split a
    cook's place whenever recognition fails). Disabling and re-enabling the skill yields a new
    ``userId``, which starts afresh; the old item then simply expires.

    Parameters
    ----------
    table_name
        The existing table (``TABLE_NAME`` from the template).
    client
        The boto3 DynamoDB client, built once at start-up (:func:`dynamodb_client`).
    ttl_seconds
        Lifetime of a saved state after its last save.
    partition_keygen
        Request envelope to partition key; the Alexa user id by default.
    clock
        Current epoch seconds (injectable for tests).
    """

    def __init__(
        self,
        table_name: str,
        *,
        client: DynamoDBClient,
        ttl_seconds: int,
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.table_name = table_name
        self.client = client
        self.partition_key_name = PARTITION_KEY
        self.attribute_name = ATTRIBUTES
        self.ttl_attribute = TTL_ATTRIBUTE
        self.ttl_seconds = ttl_seconds
        self.partition_keygen = partition_keygen
        self.clock = clock

    def renew(self, environ: Mapping[str, str]) -> None:
        """A new client, same configuration: after a SnapStart restore, the snapshot's pooled
        connections and resolved credentials belong to another execution environment."""
        self.client = dynamodb_client(environ, self.client.meta.config)

    def _key(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        return {self.partition_key_name: {"S": self.partition_keygen(request_envelope)}}

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Read the cook's attributes (one consistent GetItem), numbers as ``int``/``float``."""
        try:
            response = self.client.get_item(
                TableName=self.table_name, Key=self._key(request_envelope), ConsistentRead=True
            )
        except Exception as error:
            raise PersistenceException(
                f"Failed to retrieve attributes from DynamoDb table {self.table_name}: "
                f"{type(error).__name__}: {error}"
            ) from error
        stored = response.get("Item", {}).get(self.attribute_name)
        attributes = from_store(_DESERIALIZE(stored)) if stored is not None else {}
        return attributes if isinstance(attributes, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Write the cook's attributes and a fresh ``expires_at`` in a single PutItem."""
        try:
            item = {
                **self._key(request_envelope),
                self.attribute_name: _SERIALIZE(to_store(attributes)),
                self.ttl_attribute: {"N": str(int(self.clock()) + self.ttl_seconds)},
            }
            self.client.put_item(TableName=self.table_name, Item=item)
        except Exception as error:
            raise PersistenceException(
                f"Failed to save attributes to DynamoDb table {self.table_name}: "
                f"{type(error).__name__}: {error}"
            ) from error

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        """Delete the cook's item (one DeleteItem)."""
        try:
            self.client.delete_item(TableName=self.table_name, Key=self._key(request_envelope))
        except Exception as error:
            raise PersistenceException(
                f"Failed to delete attributes from DynamoDb table {self.table_name}: "
                f"{type(error).__name__}: {error}"
            ) from error
