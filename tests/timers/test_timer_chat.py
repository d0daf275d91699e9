"""``make chat`` with timers: it starts its own local Timer API, and timers work end to end."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from tests.timers.conftest import START
from tools import chat as chat_module
from tools.chat import Conversation
from tools.models import ROOT
from tools.timer_api import TimerApi

BAKE = "go to step five"


def chat_env(state_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COOKALONG_STATE_DB", "TABLE_NAME")}
    env.pop("REQUESTS_CA_BUNDLE", None)  # the chat trusts its own Timer API by itself
    env.update(
        XDG_STATE_HOME=str(state_home),
        PYTHONPATH=f"{ROOT / 'lambda'}{os.pathsep}{ROOT}",
        PYTHONWARNINGS="error",
    )
    return env


def chat(lines: str, state_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.chat", *args],
        input=lines,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=chat_env(state_home),
        timeout=60,
    )


def test_the_chat_sets_and_reads_a_real_timer(tmp_path: Path) -> None:
    result = chat("go to step five\nyes\nhow long is left on the timer\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    _, offered, set_, left = result.stdout.splitlines()
    assert "timer" in offered.lower()
    assert "two-hour timer" in set_.lower() or "two hour timer" in set_.lower()
    assert "timer has" in left.lower() and "left" in left.lower()


def test_without_the_permission_the_chat_shows_alexas_question(tmp_path: Path) -> None:
    result = chat("go to step five\nyes\nI approve\n", tmp_path, "--no-timer-permission")
    assert result.returncode == 0, result.stderr
    _, _, asked, accepted = result.stdout.splitlines()
    assert "permission" in asked.lower()
    assert "Alexa: Do you give Cook Along permission to update your timers?" in asked
    assert "timer" in accepted.lower() and "permission" not in accepted.lower()


def test_a_timer_going_off_while_the_chat_runs_is_announced(lambda_handler, capsys) -> None:
    # given the chat's Timer API and its ticking, on a clock this test moves
    now = [START]
    with TimerApi(clock=lambda: now[0], on_expiry=lambda a: chat_module._announce(a, False)) as api:
        os.environ["REQUESTS_CA_BUNDLE"] = api.ca_file
        try:
            talk = Conversation("en-GB", handler=lambda_handler, clock=lambda: now[0], timers=api)
            talk.launch()
            talk.say(BAKE)
            talk.say("yes")
            capsys.readouterr()
            ticking = chat_module._tick(api)
            # when the bake's two hours pass while the chat waits for the cook's next line
            now[0] += timedelta(hours=2, seconds=1)
            deadline = time.monotonic() + 10
            while not api.announcements and time.monotonic() < deadline:
                time.sleep(0.1)
            ticking.set()
        finally:
            del os.environ["REQUESTS_CA_BUNDLE"]
    # then the chat printed what Alexa announced: the next action, in the cook's words
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("[timer] ") and "grill" in line.lower()
