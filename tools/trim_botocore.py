"""Trim the pinned botocore/boto3 in a built Lambda artifact to the one service the skill uses.

The build runs this after installing lambda/requirements.txt into the artifact::

    python tools/trim_botocore.py ARTIFACT_DIR

botocore ships the models of about 450 AWS services (28 MB) and an ``endpoints.json`` of every
service in every partition (1.25 MB). Creating a DynamoDB client scans the service folders and
parses the whole endpoints file, and the zip carries all of it. The skill only ever talks to
DynamoDB, so the artifact keeps:

- ``botocore/data``: the top-level files botocore loads for any client (``_retry.json``,
  ``sdk-default-configuration.json``, ``partitions.json``), ``endpoints.json`` with every
  partition's own data but only the services in :data:`SERVICES`, and those services' newest
  API version (model, endpoint rule set, paginators, waiters; not the documentation examples),
  stored as plain JSON where botocore ships it gzipped (botocore looks for ``.json`` first; the
  first client then parses the model without decompressing it, and the zip compresses it anyway);
- ``boto3/data``: only :data:`SERVICES` (their resource models).

A client for any other service then fails with botocore's ``UnknownServiceError``; the ship
tests check that the trimmed artifact still resolves DynamoDB's endpoints in every partition
exactly as the full botocore does, and still reads and writes a table.

Exit status: 0 trimmed (or no botocore in the artifact: ``SHIP_BOTO3=0``); 2 bad usage.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path

#: The AWS services whose botocore data the artifact keeps.
SERVICES = ("dynamodb",)
#: Files in a service's API version folder that clients never load.
UNUSED_IN_VERSION = ("examples-1.json",)


def trim_endpoints(endpoints: dict, services: tuple[str, ...] = SERVICES) -> dict:
    """``endpoints.json`` with every partition's services cut down to ``services``."""
    trimmed = dict(endpoints)
    trimmed["partitions"] = [
        {
            **partition,
            "services": {
                name: data
                for name, data in partition.get("services", {}).items()
                if name in services
            },
        }
        for partition in endpoints["partitions"]
    ]
    return trimmed


def _keep_only(folder: Path, names: tuple[str, ...]) -> None:
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name not in names:
            shutil.rmtree(entry)


def trim(artifact: Path, services: tuple[str, ...] = SERVICES) -> bool:
    """Trim ``artifact``'s botocore and boto3 data in place; False when it has no botocore."""
    data = artifact / "botocore" / "data"
    if not data.is_dir():
        return False
    _keep_only(data, services)
    for service in services:
        versions = sorted(p for p in (data / service).iterdir() if p.is_dir())
        for old in versions[:-1]:  # botocore loads the newest API version
            shutil.rmtree(old)
        for name in UNUSED_IN_VERSION:
            (versions[-1] / name).unlink(missing_ok=True)
        for packed in versions[-1].glob("*.json.gz"):  # botocore reads .json before .json.gz
            packed.with_suffix("").write_bytes(gzip.decompress(packed.read_bytes()))
            packed.unlink()
    endpoints = data / "endpoints.json"
    trimmed = trim_endpoints(json.loads(endpoints.read_text(encoding="utf-8")), services)
    endpoints.write_text(json.dumps(trimmed, separators=(",", ":")), encoding="utf-8")
    boto3_data = artifact / "boto3" / "data"
    if boto3_data.is_dir():
        _keep_only(boto3_data, services)
    return True


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python tools/trim_botocore.py ARTIFACT_DIR", file=sys.stderr)
        return 2
    artifact = Path(argv[0])
    if trim(artifact):
        print(f"trim_botocore: {artifact} keeps the botocore data of {', '.join(SERVICES)}")
    else:
        print(f"trim_botocore: no botocore in {artifact} (the runtime provides it)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
