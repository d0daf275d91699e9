"""The DynamoDB store against a real DynamoDB-compatible server (dynalite)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import PersistenceException

from cookalong.storage import TTL_ATTRIBUTE, MeteredAdapter, adapter_from_env
from tests.persistence.kit import envelope, intent, request_event
from tests.services import closed_port_env

ROOT = Path(__file__).resolve().parents[2]
STATE = {
    "v": 1,
    "recipe": "maple-glazed-pork-belly",
    "component": "pork-belly",
    "step": 4,
    "servings": "8",
    "oven": 275,
    "scale": 1.5,
    "third": 1 / 3,
    "done": ["aioli"],
    "back_to": ["pork-belly", 3],
    "started": True,
}


def _for(user: str):
    return envelope(request_event(intent("NextIntent"), user=user))


def test_a_state_with_numbers_reads_back_equal(dynamo_env):
    # given the skill's adapter on a table the template would have made
    adapter = adapter_from_env(dynamo_env)

    # when a cook's state is saved and read back
    adapter.save_attributes(_for("cook"), {"state": STATE})
    back = adapter.get_attributes(_for("cook"))

    # then it is equal, with plain Python numbers (no Decimal)
    assert back == {"state": STATE}
    assert type(back["state"]["step"]) is int
    assert type(back["state"]["scale"]) is float
    assert adapter.get_attributes(_for("someone-else")) == {}


def test_the_item_carries_an_expiry_for_dynamodb_ttl(dynalite, dynamo_env):
    # given a two-day lifetime
    adapter = adapter_from_env({**dynamo_env, "STATE_TTL_DAYS": "2"})

    # when a cook saves
    before = int(time.time())
    adapter.save_attributes(_for("amzn1.ask.account.COOK"), {"state": {"v": 1, "step": 1}})
    after = int(time.time())

    # then the raw item is keyed by the user id and has a numeric expires_at two days out
    client = dynalite.client()
    item = client.get_item(
        TableName=dynamo_env["TABLE_NAME"], Key={"id": {"S": "amzn1.ask.account.COOK"}}
    )["Item"]
    assert set(item) == {"id", "attributes", TTL_ATTRIBUTE}
    assert before + 2 * 86400 <= int(item[TTL_ATTRIBUTE]["N"]) <= after + 2 * 86400
    assert item["attributes"]["M"]["state"]["M"]["step"] == {"N": "1"}


def test_the_skill_never_creates_its_table(dynalite):
    # given a table name that does not exist
    environ = dynalite.environ("cookalong-missing")

    # when the adapter is built and used
    adapter = adapter_from_env(environ)
    with pytest.raises(PersistenceException):
        adapter.get_attributes(_for("cook"))
    with pytest.raises(PersistenceException):
        adapter.save_attributes(_for("cook"), {"state": {"v": 1}})

    # then still no such table, and both failures were counted
    client = dynalite.client()
    assert "cookalong-missing" not in client.list_tables()["TableNames"]
    assert adapter.stats.snapshot()["failures"] == 2


def test_a_store_that_is_down_fails_quickly_with_a_persistence_error():
    # given the store at a port nothing listens on
    adapter = adapter_from_env(closed_port_env())

    # when / then the SDK's exception, counted and logged, not a botocore one
    with pytest.raises(PersistenceException, match="Could not connect"):
        adapter.get_attributes(_for("cook"))
    assert adapter.stats.snapshot()["reads"] == 1
    assert adapter.stats.snapshot()["failures"] == 1


def test_the_adapter_is_an_sdk_persistence_adapter_on_one_client_with_short_timeouts(dynamo_env):
    # given
    from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter

    # when
    adapter = adapter_from_env(dynamo_env)

    # then
    assert isinstance(adapter, MeteredAdapter)
    assert isinstance(adapter.inner, AbstractPersistenceAdapter)
    config = adapter.inner.client.meta.config
    assert config.connect_timeout <= 1.0
    assert config.read_timeout <= 2.0
    assert config.retries == {"mode": "standard", "total_max_attempts": 2}
    assert adapter.inner.client.meta.endpoint_url == dynamo_env["AWS_ENDPOINT_URL_DYNAMODB"]


@pytest.mark.parametrize(
    ("region_env", "expected"),
    [({}, "us-east-1"), ({"AWS_REGION": "eu-west-1"}, "eu-west-1")],
)
def test_the_client_finds_a_region_without_aws_default_region(region_env, expected):
    # given a fresh interpreter with no AWS_DEFAULT_REGION
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE"}
    }
    env |= region_env | {"AWS_CONFIG_FILE": os.devnull}
    env["PYTHONPATH"] = f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"
    code = (
        "from cookalong.storage import adapter_from_env; import os; "
        "a = adapter_from_env({**os.environ, 'TABLE_NAME': 't'}); "
        "print(a.inner.client.meta.region_name)"
    )

    # when
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], env=env, capture_output=True, text=True
    )

    # then
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == expected


def test_after_a_snapstart_restore_the_store_gets_a_new_client_and_keeps_the_cooks_place(
    dynamo_env,
):
    # given a store that saved a cook's place with the client built at start-up
    adapter = adapter_from_env(dynamo_env)
    adapter.save_attributes(_for("restored-cook"), {"state": {"v": 1, "step": 3}})
    before = adapter.inner.client
    # when the environment is restored from a snapshot
    adapter.renew(dynamo_env)
    # then a new client, with the same short timeouts, reads the same place
    assert adapter.inner.client is not before
    assert adapter.inner.client.meta.config.read_timeout == before.meta.config.read_timeout
    assert adapter.get_attributes(_for("restored-cook")) == {"state": {"v": 1, "step": 3}}
