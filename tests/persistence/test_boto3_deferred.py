"""boto3 without s3transfer at start-up (:mod:`cookalong.compat.deferred_s3transfer`).

Each case runs in a new interpreter (the deferral acts at import) with the pinned boto3 the
artifact ships; the import-graph test in tests/ship checks the built artifact itself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import boto3.compat

from cookalong.compat import deferred_s3transfer
from tests.probe import LAMBDA, run_probe

_PROBE = r"""
import json, sys
deferring = sys.argv[1] == "deferred"
if deferring:
    from cookalong.compat import deferred_s3transfer
    installed = deferred_s3transfer.install()
import boto3, boto3.compat

dynamodb = boto3.client("dynamodb", region_name="eu-west-1")
after_dynamodb = sorted(name for name in sys.modules if name.split(".")[0] == "s3transfer")
names = sorted(name for name in vars(boto3.compat) if not name.startswith("__"))
s3 = boto3.client("s3", region_name="eu-west-1")
print(json.dumps({
    "installed": deferring and installed,
    "s3transfer_after_dynamodb": after_dynamodb,
    "names": names,
    "supports_crt": boto3.compat.TRANSFER_CONFIG_SUPPORTS_CRT,
    "transfer_config": boto3.compat.TransferConfig.__module__,
    "s3_upload_file": hasattr(s3, "upload_file"),
}))
"""


def _probe(mode: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(LAMBDA), "AWS_ACCESS_KEY_ID": "k"}
    env["AWS_SECRET_ACCESS_KEY"] = "s"
    return json.loads(run_probe(_PROBE, [mode], env=env))


def test_a_dynamodb_client_needs_no_s3transfer_and_s3_still_gets_its_transfer_methods():
    # given a process that defers s3transfer, and one that imports boto3 as published
    deferred, published = _probe("deferred"), _probe("published")
    # then the deferral was installed, and a DynamoDB client loaded nothing of s3transfer
    assert deferred["installed"] is True
    assert deferred["s3transfer_after_dynamodb"] == []
    assert published["s3transfer_after_dynamodb"] != []
    # and boto3.compat says the same as the published module, names and values
    for key in ("supports_crt", "transfer_config", "s3_upload_file"):
        assert deferred[key] == published[key]
    assert set(published["names"]) - set(deferred["names"]) <= {
        "TransferConfig",
        "TRANSFER_CONFIG_SUPPORTS_CRT",
    }
    assert deferred["s3_upload_file"] is True


def test_any_other_boto3_compat_source_is_left_as_published():
    # given the pinned boto3's compat source, and the same source edited by a later release
    source = Path(boto3.compat.__file__).read_text(encoding="utf-8")
    edited = source.replace("SOCKET_ERROR = ConnectionError", "SOCKET_ERROR = OSError")
    # then only the pinned source is deferred
    assert deferred_s3transfer.deferred_source(source) is not None
    assert deferred_s3transfer.deferred_source(edited) is None
