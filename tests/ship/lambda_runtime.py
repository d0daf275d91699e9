"""The built artifact run as Lambda would run it, and the SAM CLI's environment.

There is no Docker here, so ``sam local invoke`` cannot run. Instead :class:`LambdaContainer`
starts the interpreter of the Lambda runtime (CPython 3.13) with *only* the built artifact on
``sys.path`` (``-I -S``: no site-packages, no PYTHONPATH), imports ``app`` once (the cold
start) and feeds it the request envelopes from ``events/``, one per invocation, as a warm
Lambda execution environment would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.probe import run_probe

ROOT = Path(__file__).resolve().parents[2]
SAM_VENV = ROOT / ".venv-sam"
EVENTS = ROOT / "events"
FUNCTION_ID = "SkillFunction"

# The Lambda execution environment, reduced to what the skill can notice: the handler is
# imported once, then called with (event, context); stdout is the function's log, so replies
# travel on a separate descriptor.
_RUNTIME = r"""
import json, os, sys, traceback
reply = os.fdopen(int(sys.argv[2]), "w")
sys.path.insert(0, sys.argv[1])

class Context:
    function_name = "cookalong-skill"
    memory_limit_in_mb = 1024
    aws_request_id = "00000000-0000-4000-8000-000000000000"
    def get_remaining_time_in_millis(self):
        return 8000

import app  # the cold start
for line in sys.stdin:
    try:
        answer = app.lambda_handler(json.loads(line), Context())
    except Exception as error:  # what Lambda reports for an unhandled exception
        answer = {"errorType": type(error).__name__, "errorMessage": str(error),
                  "stackTrace": traceback.format_exc().splitlines()}
    reply.write(json.dumps(answer) + "\n")
    reply.flush()
"""


@cache
def lambda_python() -> str:
    """The CPython 3.13 that stands in for the Lambda runtime (skips the test without one)."""
    picked = subprocess.run(
        [str(ROOT / "scripts" / "pick-python")], capture_output=True, text=True, check=False
    )
    python = picked.stdout.strip()
    if picked.returncode != 0 or not python:
        pytest.skip(f"no Python for the Lambda runtime: {picked.stderr.strip()}")
    version = subprocess.run(
        [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if version != "3.13":
        pytest.skip(f"the Lambda runtime is python3.13; this machine offers only {version}")
    return python


def run_in_lambda_python(
    script: str, args: list[str], environ: Mapping[str, str], stdin: str = ""
) -> str:
    """``script`` run by the Lambda's Python (``-I -S``: only what the script puts on
    ``sys.path`` is importable) with ``environ``; its standard output."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": os.devnull, **environ}
    return run_probe(
        script, args, python=lambda_python(), flags=("-I", "-S"), env=env, stdin=stdin, timeout=120
    )


def sam_environ() -> dict[str, str]:
    """Environment for the SAM CLI: no telemetry, the real python3.13 first on PATH."""
    python_dir = str(Path(lambda_python()).parent)
    return {
        **os.environ,
        "SAM_CLI_TELEMETRY": "0",
        "PATH": os.pathsep.join([python_dir, os.environ.get("PATH", "")]),
    }


def require_sam_venv() -> Path:
    """The SAM venv's bin directory, or skip: only there can SAM and cfn-lint run."""
    bin_dir = SAM_VENV / "bin"
    if not (bin_dir / "sam").exists():
        pytest.skip(".venv-sam is missing: run `make setup-sam` (CI does) to test the SAM build")
    return bin_dir


def load_event(name: str) -> dict[str, Any]:
    """A request envelope from ``events/`` (a fresh copy each time)."""
    return json.loads((EVENTS / f"{name}.json").read_text(encoding="utf-8"))


def with_api_endpoint(event: dict[str, Any], endpoint: str | None) -> dict[str, Any]:
    """``event`` with its ``context.System.apiEndpoint`` set to ``endpoint`` (if given)."""
    if endpoint is not None:
        event["context"]["System"]["apiEndpoint"] = endpoint
    return event


def event_names() -> list[str]:
    """Every event in ``events/``, by file stem."""
    return sorted(path.stem for path in EVENTS.glob("*.json"))


_TAGS = re.compile(r"<[^>]+>")


def _words(output_speech: dict[str, Any] | None) -> str:
    """The words of an outputSpeech object, SSML tags removed."""
    speech = output_speech or {}
    text = speech.get("ssml") or speech.get("text") or ""
    return " ".join(_TAGS.sub(" ", text).split())


@dataclass(frozen=True)
class Reply:
    """What the cook hears, and whether the microphone stays open."""

    raw: dict[str, Any]

    @property
    def response(self) -> dict[str, Any]:
        return self.raw.get("response") or {}

    @property
    def speech(self) -> str:
        return _words(self.response.get("outputSpeech"))

    @property
    def reprompt(self) -> str:
        return _words((self.response.get("reprompt") or {}).get("outputSpeech"))

    def says(self, words: str) -> bool:
        """Whether the speech contains ``words`` (ignoring case: sentences start upper-case)."""
        return words.lower() in self.speech.lower()

    @property
    def ends_session(self) -> bool:
        return bool(self.response.get("shouldEndSession"))


class LambdaContainer:
    """One Lambda execution environment running the built artifact.

    Parameters
    ----------
    artifact
        The built function directory; it alone goes on ``sys.path``.
    environ
        The function's environment variables (``TABLE_NAME``, ``SKILL_ID``, ...).
    log
        File that receives the function's stdout and stderr (its CloudWatch log).
    """

    def __init__(self, artifact: Path, environ: Mapping[str, str], log: Path) -> None:
        self.log = log
        read_fd, write_fd = os.pipe()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(log.parent), "LANG": "C.UTF-8", **environ}
        with log.open("wb") as log_file:
            self._process = subprocess.Popen(
                [lambda_python(), "-I", "-S", "-c", _RUNTIME, str(artifact), str(write_fd)],
                stdin=subprocess.PIPE,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                env=env,
                pass_fds=(write_fd,),
                text=True,
            )
        os.close(write_fd)
        self._replies = os.fdopen(read_fd, "r")

    def invoke(self, event: Mapping[str, Any]) -> dict[str, Any]:
        """Send one event and return the handler's JSON answer."""
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(event) + "\n")
            self._process.stdin.flush()
        except BrokenPipeError:
            pass
        line = self._replies.readline()
        if not line:
            self._process.wait(timeout=10)
            pytest.fail(f"the function died:\n{self.log.read_text()[-4000:]}")
        answer = json.loads(line)
        assert "errorType" not in answer, f"unhandled error:\n{json.dumps(answer, indent=1)}"
        return answer

    def close(self) -> None:
        """End the execution environment (Lambda recycles it)."""
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._replies.close()


class Alexa:
    """Alexa talking to the deployed function: carries session attributes from one reply into
    the next request of the same session, as the Alexa service does.

    Parameters
    ----------
    start
        Starts a :class:`LambdaContainer` (a cold start) when called.
    api_endpoint
        Where the envelopes send the skill for Alexa's APIs (the local Timer API), instead of
        the events' own ``apiEndpoint``.
    """

    def __init__(
        self, start: Callable[[], LambdaContainer], api_endpoint: str | None = None
    ) -> None:
        self._start = start
        self.container: LambdaContainer = start()
        self._attributes: dict[str, Any] = {}
        self.api_endpoint = api_endpoint

    def send(self, name: str) -> Reply:
        """Send ``events/<name>.json`` within the current session and return the reply."""
        event = with_api_endpoint(load_event(name), self.api_endpoint)
        if event["session"]["new"]:
            self._attributes = {}
        event["session"]["attributes"] = self._attributes
        reply = Reply(self.container.invoke(event))
        self._attributes = reply.raw.get("sessionAttributes") or {}
        if reply.ends_session or event["request"]["type"] == "SessionEndedRequest":
            self._attributes = {}
        return reply

    def cold_start(self) -> None:
        """Recycle the execution environment: nothing in memory survives, only the table."""
        self.container.close()
        self.container = self._start()
