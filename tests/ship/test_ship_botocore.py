"""The artifact's trimmed botocore (tools/trim_botocore.py) still finds and calls DynamoDB.

The build keeps only DynamoDB's service data and endpoints. These tests run the built artifact
alone on ``sys.path``, as Lambda does, and compare what it resolves with the full pinned
botocore this checkout's venv has.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import botocore
import pytest

from tests.ship.lambda_runtime import lambda_python
from tools.dynalite import FAKE_AWS

# Where a DynamoDB call in each region (plain, FIPS, dual-stack) would go: the URL of the
# request botocore is about to send, captured before it is sent.
_RESOLVE = r"""
import json, sys
import boto3
from botocore.config import Config


class Captured(Exception):
    pass


def capture(request, **_):
    raise Captured(request.url)


out = {}
for region in json.loads(sys.argv[1]):
    for fips, dualstack in ((False, False), (True, False), (False, True)):
        config = Config(use_fips_endpoint=fips, use_dualstack_endpoint=dualstack)
        key = f"{region} fips={fips} dualstack={dualstack}"
        try:
            client = boto3.client("dynamodb", region_name=region, config=config)
            client.meta.events.register("before-send", capture)
            client.get_item(TableName="t", Key={"id": {"S": "x"}})
            out[key] = "sent"
        except Captured as sent:
            out[key] = str(sent)
        except Exception as error:
            out[key] = type(error).__name__
print(json.dumps(out))
"""

_CALL = r"""
import json, os, boto3
client = boto3.client("dynamodb")
table = os.environ["TABLE_NAME"]
client.put_item(TableName=table, Item={"id": {"S": "cook"}, "attributes": {"M": {"n": {"N": "3"}}}})
item = client.get_item(TableName=table, Key={"id": {"S": "cook"}}, ConsistentRead=True)["Item"]
print(json.dumps({"item": item, "services": boto3.session.Session().get_available_services()}))
"""


def _run_in_artifact(artifact: Path, script: str, *args: str, env: dict[str, str]) -> dict:
    runner = f"import sys; sys.path.insert(0, {str(artifact)!r}); exec(sys.argv.pop(1))"
    result = subprocess.run(
        [lambda_python(), "-I", "-S", "-c", runner, script, *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent", **env},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def _dynamodb_regions() -> list[str]:
    endpoints = json.loads(
        (Path(botocore.__file__).parent / "data" / "endpoints.json").read_text(encoding="utf-8")
    )
    regions = set()
    for partition in endpoints["partitions"]:
        regions.update(partition["regions"])
        regions.update(partition["services"].get("dynamodb", {}).get("endpoints", {}))
    return sorted(regions)


def test_the_trimmed_artifact_resolves_dynamodb_like_the_full_botocore(artifact: Path):
    # given the artifact's botocore is the pinned one, trimmed
    shipped = (artifact / "botocore" / "__init__.py").read_text(encoding="utf-8")
    assert f"__version__ = '{botocore.__version__}'" in shipped
    assert len((artifact / "botocore" / "data" / "endpoints.json").read_bytes()) < 100_000
    regions = _dynamodb_regions()
    assert len(regions) > 30
    # when a DynamoDB call is about to go out in every partition's every region
    env = {**FAKE_AWS, "AWS_EC2_METADATA_DISABLED": "true"}
    env.pop("AWS_DEFAULT_REGION", None)
    trimmed = _run_in_artifact(artifact, _RESOLVE, json.dumps(regions), env=env)
    full = subprocess.run(
        [sys.executable, "-c", "import sys; exec(sys.argv.pop(1))", _RESOLVE, json.dumps(regions)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", **env},
        timeout=120,
        check=True,
    )
    # then it goes where the full botocore sends it, FIPS and dual-stack included
    assert trimmed == json.loads(full.stdout)
    assert trimmed["us-east-1 fips=False dualstack=False"].startswith(
        "https://dynamodb.us-east-1.amazonaws.com"
    )
    assert trimmed["cn-north-1 fips=False dualstack=False"].startswith(
        "https://dynamodb.cn-north-1.amazonaws.com.cn"
    )


@pytest.mark.usefixtures("dynalite")
def test_the_trimmed_artifact_reads_and_writes_a_table(artifact: Path, dynamo_env: dict):
    # given the built artifact alone, and a table on a local DynamoDB
    # when it writes an item and reads it back with its own boto3
    answer = _run_in_artifact(artifact, _CALL, env=dynamo_env)
    # then the item comes back, and DynamoDB is the only service the artifact knows
    assert answer["item"] == {"id": {"S": "cook"}, "attributes": {"M": {"n": {"N": "3"}}}}
    assert answer["services"] == ["dynamodb"]
