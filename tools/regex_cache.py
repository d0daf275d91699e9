"""Build step: record the regular expressions a cold start compiles, and ship them compiled.

``python tools/regex_cache.py ARTIFACT_DIR`` (``make lambda-artifact`` runs it with the Python
the artifact is for) starts that Python isolated (``-I -S``) with only the artifact importable,
counts every pattern ``re`` compiles while the process imports ``app`` and answers the events in
:data:`EVENTS` as one session, and writes ``ARTIFACT_DIR/regex-cache.marshal``: each pattern
with its flags and its compiled form, under the header of
:func:`cookalong.compat.regex_cache.header` (what :func:`cookalong.compat.regex_cache.install`
reads at start-up; see that module for why).

Importable after the artifact are the building Python's own packages, for what the Lambda
runtime provides when the artifact leaves it out (``SHIP_BOTO3=0``: boto3). The recording
process talks to DynamoDB as the artifact does (``TABLE_NAME`` set, one boto3
client), so botocore's request path compiles its patterns too; its endpoint is a stand-in
server in the same process that answers every call with an empty JSON object, which is how
DynamoDB answers a GetItem for a cook it has never seen and a PutItem. Nothing leaves the
machine.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The session recorded: a launch, then the turns a cook says first most often.
EVENTS = (
    "launch.json",
    "how_much_maple_syrup.json",
    "start_cooking.json",
    "next.json",
    "temperature.json",
    "repeat.json",
    "help.json",
    "stop.json",
)

# Runs in the artifact's interpreter: argv = [artifact, provided packages, out file, events...].
_RECORDER = r"""
import json, marshal, os, re, socket, sys, threading

artifact, provided, out, *events = sys.argv[1:]
sys.path[:0] = [artifact, provided]
from re import _compiler, _parser

seen = {}
_compile = re._compile


def recording(pattern, flags):
    if isinstance(flags, re.RegexFlag):
        flags = flags.value
    if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
        seen.setdefault((type(pattern), pattern, flags), None)
    return _compile(pattern, flags)


re._compile = recording
ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
    b"Content-Length: 2\r\n\r\n{}"
)


def store(connection):  # the stand-in DynamoDB: a plain socket, so it compiles no pattern
    with connection, connection.makefile("rb") as stream:
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if not line:
                return
            stream.read(length)
            connection.sendall(ANSWER)


listener = socket.create_server(("127.0.0.1", 0))


def serve():
    while True:
        threading.Thread(target=store, args=(listener.accept()[0],), daemon=True).start()


threading.Thread(target=serve, daemon=True).start()
os.environ.update(
    TABLE_NAME="cookalong-regex-cache",
    AWS_REGION="us-east-1",
    AWS_ACCESS_KEY_ID="build",
    AWS_SECRET_ACCESS_KEY="build",
    AWS_ENDPOINT_URL_DYNAMODB=f"http://127.0.0.1:{listener.getsockname()[1]}",
)
import app
from cookalong.compat.regex_cache import header

attributes = {}
for name in events:
    with open(name, encoding="utf-8") as stream:
        event = json.load(stream)
    if "session" in event:
        event["session"]["attributes"] = attributes
    answer = app.lambda_handler(event, None)
    attributes = answer.get("sessionAttributes") or {}

entries = []
for kind, pattern, flags in seen:
    pattern, flags = kind(pattern), int(flags)  # plain str/bytes and int: marshal takes no subclass
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    state = parsed.state
    entries.append(
        (
            pattern,
            flags,
            int(flags | state.flags),
            code,
            state.groups - 1,
            {str(name): int(index) for name, index in state.groupdict.items()},
        )
    )
with open(out + ".part", "wb") as stream:
    stream.write(marshal.dumps((header(), entries)))
os.replace(out + ".part", out)
print(f"regex cache: {len(entries)} patterns", file=sys.stderr)
"""


def build(artifact: Path, python: str = sys.executable) -> Path:
    """Write ``artifact/regex-cache.marshal`` from one recorded cold start; return its path."""
    out = artifact / "regex-cache.marshal"
    events = [str(ROOT / "events" / name) for name in EVENTS]
    # After the artifact, what the Lambda runtime provides when the artifact leaves it out
    # (SHIP_BOTO3=0): the same pinned boto3 from the building Python's own packages.
    provided = sysconfig.get_path("purelib")
    environ = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    subprocess.run(
        [python, "-I", "-S", "-B", "-c", _RECORDER, str(artifact), provided, str(out), *events],
        check=True,
        env=environ,
        stdout=subprocess.DEVNULL,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python tools/regex_cache.py ARTIFACT_DIR", file=sys.stderr)
        return 2
    build(Path(args[0]).resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
