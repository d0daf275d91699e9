"""The commands people run: ``make serve`` (python -m cookalong.web) and gunicorn."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.web.conftest import SKILL_ID, body_of, envelope
from tests.web.servers import http
from tools.dynalite import free_port
from tools.faults import SlowClient

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


@dataclass
class Service:
    url: str
    output: str = ""  # everything it printed, once it has stopped


@contextmanager
def running(command: list[str], env: dict[str, str], port: int) -> Iterator[Service]:
    """Start ``command``, wait until its health check answers, stop it afterwards."""
    environ = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}", **env}
    process = subprocess.Popen(
        command, cwd=ROOT, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    service = Service(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while not healthy(service.url):
            if process.poll() is not None:
                output, _ = process.communicate()
                pytest.fail(f"{command} exited with {process.returncode}:\n{output}")
            if time.monotonic() > deadline:
                pytest.fail(f"{command} did not answer its health check within 60 seconds")
            time.sleep(0.2)
        yield service
    finally:
        process.terminate()
        try:
            service.output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            service.output, _ = process.communicate()


def healthy(url: str) -> bool:
    try:
        return http("GET", url + "/").status == 200
    except OSError:
        return False


def test_make_serve_runs_the_real_skill_with_verification_on(tmp_path: Path) -> None:
    # given `make serve`'s command, on a free port, with SKILL_ID set
    port = free_port()
    env = {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "SKILL_ID": SKILL_ID,
        "COOKALONG_STATE_DB": str(tmp_path / "state.sqlite3"),
    }
    # when it is asked for its health and sent an unsigned request
    command = [sys.executable, "-W", "error", "-m", "cookalong.web"]
    with running(command, env, port) as service:
        health = http("GET", service.url + "/")
        unsigned = http("POST", service.url + "/", body_of(envelope()))
    # then it serves the recipes, checks everything, and refuses the unsigned request
    assert health.body["recipes_loaded"] >= 1
    assert health.body["verification"] == {
        "signature": True,
        "timestamp": True,
        "application_id": True,
    }
    assert unsigned.status == 400
    assert "SignatureCertChainUrl header is missing" in unsigned.body["error"]
    assert "Traceback" not in service.output


def test_make_serve_refuses_a_bad_port() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cookalong.web"],
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}", "PORT": "http"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "PORT must be a port number" in result.stderr


def test_gunicorn_serves_the_app_factory(tmp_path: Path) -> None:
    # given the documented production command, verification switched off for the test
    port = free_port()
    env = {
        "ASK_SDK_VERIFY_SIGNATURE": "false",
        "SKILL_ID": SKILL_ID,
        "COOKALONG_STATE_DB": str(tmp_path / "state.sqlite3"),
    }
    command = [
        str(GUNICORN),  # pinned in requirements-web.txt
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "cookalong.web:create_app()",
    ]
    # when a launch request arrives
    with running(command, env, port) as service:
        reply = http("POST", service.url + "/", body_of(envelope()))
    # then the real skill welcomes the cook, and the log warned that verification is off
    assert reply.status == 200
    assert "maple glazed pork belly" in reply.body["response"]["outputSpeech"]["ssml"]
    assert "SIGNATURE VERIFICATION IS OFF" in service.output


def gunicorn_command(*options: str) -> list[str]:
    return [str(GUNICORN), *options, "cookalong.web:create_app()"]


@pytest.mark.parametrize("part", ["headers", "body"])
def test_gunicorn_with_the_shipped_settings_keeps_serving_while_slow_clients_trickle(
    tmp_path: Path, part: str
) -> None:
    # given the documented production command: the shipped settings, two workers
    port = free_port()
    env = {
        "ASK_SDK_VERIFY_SIGNATURE": "false",
        "SKILL_ID": SKILL_ID,
        "COOKALONG_STATE_DB": str(tmp_path / "state.sqlite3"),
        "BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "2",
    }
    command = gunicorn_command("-c", "python:cookalong.gunicorn_conf")
    with running(command, env, port) as service:
        # when eight clients send their request a byte a second
        slow = [SlowClient(port, part=part) for _ in range(8)]
        try:
            time.sleep(0.5)  # they are connected and trickling
            # then a normal request is still answered (http() waits at most 10 seconds)
            reply = http("POST", service.url + "/", body_of(envelope()))
            health = http("GET", service.url + "/")
        finally:
            for client in slow:
                client.close()
    assert reply.status == 200
    assert "maple glazed pork belly" in reply.body["response"]["outputSpeech"]["ssml"]
    assert health.body["status"] == "ok"
