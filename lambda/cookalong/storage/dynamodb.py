"""The deployed store: the ASK SDK's DynamoDB adapter, with a TTL attribute and plain numbers.

Import this module only when a table is configured: it imports boto3 and
``ask_sdk_dynamodb.adapter``, and that module builds ``boto3.resource("dynamodb")`` as a default
argument at import time, which fails without a region. So before importing it we set
``AWS_DEFAULT_REGION`` (from ``AWS_REGION``, else ``us-east-1``) when neither is set. Lambda sets
both, so this matters only on a developer's machine.

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

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

DEFAULT_REGION = "us-east-1"

if not (os.environ.get("AWS_DEFAULT_REGION") or os.environ.get("AWS_REGION")):
    os.environ["AWS_DEFAULT_REGION"] = DEFAULT_REGION
elif not os.environ.get("AWS_DEFAULT_REGION"):
    os.environ["AWS_DEFAULT_REGION"] = os.environ["AWS_REGION"]

import boto3  # noqa: E402  (the region must be set first, see above)
from ask_sdk_core.exceptions import PersistenceException  # noqa: E402
from ask_sdk_dynamodb.adapter import DynamoDbAdapter  # noqa: E402
from ask_sdk_dynamodb.partition_keygen import user_id_partition_keygen  # noqa: E402
from ask_sdk_model import RequestEnvelope  # noqa: E402
from botocore.config import Config  # noqa: E402

from cookalong.storage.values import from_store, to_store  # noqa: E402

#: boto3 builds resource classes at run time; there is no importable type to name.
DynamoDBServiceResource = Any

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


def dynamodb_resource(
    environ: Mapping[str, str], config: Config = CLIENT_CONFIG
) -> DynamoDBServiceResource:
    """Build the one DynamoDB resource the skill uses, at start-up.

    Parameters
    ----------
    environ
        Where to read ``AWS_REGION`` / ``AWS_DEFAULT_REGION``, ``AWS_ENDPOINT_URL_DYNAMODB``
        (passed explicitly as ``endpoint_url``, e.g. a local DynamoDB for development) and,
        when present, ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` / ``AWS_SESSION_TOKEN``;
        without keys boto3's usual credential chain applies (the Lambda role).
    config
        botocore client configuration; :data:`CLIENT_CONFIG` by default.

    Returns
    -------
    DynamoDBServiceResource
        A boto3 resource. Building it makes no network call.
    """
    # The SDK adapter's import already built boto3's default session and loaded the DynamoDB
    # service model into it; a resource from the same session reuses that (about 0.2 s less
    # cold start than a second session). Region, keys and endpoint are passed per resource.
    if boto3.DEFAULT_SESSION is None:
        boto3.setup_default_session()
    return boto3.DEFAULT_SESSION.resource(
        "dynamodb",
        region_name=environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or None,
        endpoint_url=environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None,
        aws_access_key_id=environ.get("AWS_ACCESS_KEY_ID") or None,
        aws_secret_access_key=environ.get("AWS_SECRET_ACCESS_KEY") or None,
        aws_session_token=environ.get("AWS_SESSION_TOKEN") or None,
        config=config,
    )


class TtlDynamoDbAdapter(DynamoDbAdapter):
    """The SDK's ``DynamoDbAdapter`` plus an expiry attribute and JSON-plain numbers.

    Items are ``{"id": <partition key>, "attributes": {...}, "expires_at": <epoch seconds>}``,
    written in one PutItem; DynamoDB's TTL (enabled on ``expires_at`` by the SAM template) drops
    a cook's state ``ttl_seconds`` after their last save. Numbers are stored as ``Decimal`` and
    read back as ``int``/``float``, so what is read equals what was saved. The table is never
    created here (``create_table=False``): the template owns it.

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
    resource
        The boto3 DynamoDB resource, built once at start-up (:func:`dynamodb_resource`).
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
        resource: DynamoDBServiceResource,
        ttl_seconds: int,
        partition_keygen: Callable[[RequestEnvelope], str] = user_id_partition_keygen,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            table_name=table_name,
            partition_key_name=PARTITION_KEY,
            attribute_name=ATTRIBUTES,
            create_table=False,
            partition_keygen=partition_keygen,
            dynamodb_resource=resource,
        )
        self.ttl_attribute = TTL_ATTRIBUTE
        self.ttl_seconds = ttl_seconds
        self.clock = clock

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        """Read the cook's attributes (one consistent GetItem), numbers as ``int``/``float``."""
        attributes = super().get_attributes(request_envelope)
        return from_store(attributes) if isinstance(attributes, dict) else {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict) -> None:
        """Write the cook's attributes and a fresh ``expires_at`` in a single PutItem."""
        try:
            item = {
                self.partition_key_name: self.partition_keygen(request_envelope),
                self.attribute_name: to_store(attributes),
                self.ttl_attribute: int(self.clock()) + self.ttl_seconds,
            }
            self.dynamodb.Table(self.table_name).put_item(Item=item)
        except PersistenceException:
            raise
        except Exception as error:
            raise PersistenceException(
                f"Failed to save attributes to DynamoDb table {self.table_name}: "
                f"{type(error).__name__}: {error}"
            ) from error
