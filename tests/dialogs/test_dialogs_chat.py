"""``make chat``: the terminal conversation, scripted and interactive, and what it sends."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.intent_request import IntentRequest

from tools.chat import Conversation, local_user_id, ssml_to_text
from tools.models import ROOT


def chat_env(state_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COOKALONG_STATE_DB", "TABLE_NAME")}
    env.update(
        XDG_STATE_HOME=str(state_home),
        PYTHONPATH=f"{ROOT / 'lambda'}{os.pathsep}{ROOT}",
        PYTHONWARNINGS="error",
    )
    env.pop("MAKEFLAGS", None)
    env.pop("MFLAGS", None)
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


def test_scripted_chat_prints_the_greeting_then_one_line_per_line(tmp_path: Path) -> None:
    # given two utterances piped in
    result = chat("next\nhow much maple syrup\n", tmp_path)
    # then: the greeting, then one reply per line; no banner, no prompt, nothing on stderr
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    greeting, first, second = result.stdout.splitlines()
    assert "maple glazed pork belly" in greeting.lower()
    assert "Step 1" in first and "you>" not in result.stdout
    assert "two tablespoons" in second.lower() and "one teaspoon" in second
    assert "<speak>" not in result.stdout


def test_a_second_run_resumes_where_the_first_stopped(tmp_path: Path) -> None:
    # given a first run that reached step 3 and stopped
    first = chat("start\nnext\nnext\nstop\n", tmp_path)
    assert first.returncode == 0, first.stderr
    assert "step 3" in first.stdout.splitlines()[-1].lower()
    user = (tmp_path / "cookalong" / "chat-user").read_text().strip()
    # when the chat runs again as the same local user
    second = chat("where am I\n", tmp_path)
    # then the skill welcomes the cook back at step 3, from its sqlite store in the state dir
    assert second.returncode == 0, second.stderr
    assert "step 3" in second.stdout.splitlines()[0].lower()
    assert "step 3" in second.stdout.splitlines()[1].lower()
    assert (tmp_path / "cookalong" / "chat-user").read_text().strip() == user
    assert (tmp_path / "cookalong" / "state.sqlite3").exists()


def test_another_locale_speaks_its_units(tmp_path: Path) -> None:
    result = chat("how much pork belly\nhow long do I grill it\n", tmp_path, "--locale", "en-GB")
    assert result.returncode == 0, result.stderr
    _, amounts, grill = result.stdout.splitlines()
    assert "680 grams" in amounts
    assert "ten to fifteen minutes" in grill


def test_show_intent_goes_to_stderr(tmp_path: Path) -> None:
    result = chat("how much maple syrup for the aioli\n", tmp_path, "--show-intent")
    assert len(result.stdout.splitlines()) == 2
    (debug,) = result.stderr.splitlines()
    assert "HowMuchIntent" in debug
    assert "maple-syrup" in debug and "aioli" in debug


def test_exit_ends_the_session_and_the_chat(tmp_path: Path) -> None:
    result = chat("next\nexit\nnext\n", tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines[-1] == "[session ended]"
    assert len(lines) == 3, "nothing is read after exit"


def test_a_blank_line_is_silence_and_alexa_reprompts(tmp_path: Path) -> None:
    result = chat("start\n\n\nwhere am i\n", tmp_path)
    started, reprompt, closed, where = result.stdout.splitlines()[1:]
    assert "step 1" in started.lower()
    assert reprompt == "Say next when you're ready."
    assert closed == "", "the second silence closes the session"
    assert "step 1" in where.lower()


def test_an_unknown_locale_is_refused(tmp_path: Path) -> None:
    result = chat("", tmp_path, "--locale", "fr-FR")
    assert result.returncode == 2
    assert "en-GB" in result.stderr


def test_make_chat_is_quiet_when_set_up(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / ".ready").exists():
        pytest.skip("the venv is not set up with make")
    result = subprocess.run(
        ["make", "--no-print-directory", "chat"],
        input="how much maple syrup\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=chat_env(tmp_path),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert "two tablespoons" in lines[1].lower()


def test_make_chat_speaks_german(tmp_path: Path) -> None:
    # given a catalog with the English and the German pork belly
    if not (ROOT / ".venv" / ".ready").exists():
        pytest.skip("the venv is not set up with make")
    from tests.fixtures import recipes as fixtures

    env = chat_env(tmp_path)
    both = ("maple-glazed-pork-belly", "schweinebauch-mit-ahornglasur")
    env["COOKALONG_RECIPES"] = fixtures.environment_value(both)
    # when a cook talks to it in de-DE
    result = subprocess.run(
        ["make", "--no-print-directory", "chat", "LOCALE=de-DE"],
        input="wie viel Ahornsirup\nlos geht's\nwie heiß\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    # then it answers in German, with the German recipe only
    assert result.returncode == 0, result.stderr
    welcome, syrup, start, oven = result.stdout.splitlines()
    assert "Schweinebauch mit Ahornglasur" in welcome and "maple" not in welcome.lower()
    assert "Zwei Esslöffel Ahornsirup für den Schweinebauch" in syrup
    assert "ein Teelöffel Ahornsirup für die Chipotle-Aioli" in syrup
    assert "135 Grad Ober- und Unterhitze" in start
    assert "Der Backofen" in oven or "135 Grad" in oven


def test_interactive_chat_has_a_banner_and_a_prompt(tmp_path: Path) -> None:
    # given the chat on a terminal
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.chat"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env={**chat_env(tmp_path), "TERM": "dumb"},
        close_fds=True,
    )
    os.close(follower)
    try:
        screen = _read_until(leader, "you> ")
        # then it shows examples and a prompt
        assert "Try:" in screen and "how much maple syrup" in screen
        assert "alexa> " in screen
        os.write(leader, b"how much maple syrup\r")
        screen = _read_until(leader, "you> ")
        assert "two tablespoons" in screen.lower()
        os.write(leader, b"stop\r")
        screen = _read_until(leader, "you> ")
        assert "session closed" in screen
        os.write(leader, b"\x04")  # Ctrl-D
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)


def _read_until(fd: int, marker: str, timeout: float = 30) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {marker!r} in {seen!r}"
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen += os.read(fd, 4096).decode(errors="replace")
            except OSError:
                break
    return seen


def test_envelopes_are_what_ask_sdk_model_reads(lambda_handler) -> None:
    # given a conversation mid-session
    conversation = Conversation("en-GB", handler=lambda_handler)
    conversation.launch()
    reply = conversation.say("how much maple syrup for the aioli")
    # when the request it sent is read by the SDK's own deserialiser
    envelope = DefaultSerializer().deserialize(json.dumps(reply.request), RequestEnvelope)
    # then everything Alexa sends is there
    assert envelope.version == "1.0"
    assert envelope.session.new is False
    assert envelope.session.user.user_id == conversation.user_id
    assert envelope.session.attributes == reply.request["session"]["attributes"] != {}
    assert envelope.context.system.device.device_id
    assert envelope.context.system.api_endpoint and envelope.context.system.api_access_token
    request = envelope.request
    assert isinstance(request, IntentRequest)
    assert request.locale == "en-GB" and request.timestamp.tzinfo is not None
    assert request.intent.name == "HowMuchIntent"
    assert request.intent.slots["ingredient"].value == "maple syrup"
    assert (
        request.intent.slots["component"]
        .resolutions.resolutions_per_authority[0]
        .values[0]
        .value.id
        == "aioli"
    )


def test_session_attributes_travel_and_a_closed_session_starts_anew(lambda_handler) -> None:
    conversation = Conversation("en-US", handler=lambda_handler)
    launch = conversation.launch()
    assert launch.request["session"]["new"] is True
    first = conversation.say("start")
    assert first.request["session"]["new"] is False
    assert first.request["session"]["sessionId"] == launch.request["session"]["sessionId"]
    stop = conversation.say("stop")
    assert stop.ends_session and not conversation.in_session
    again = conversation.say("where am i")
    assert again.request["session"]["new"] is True
    assert again.request["session"]["sessionId"] != launch.request["session"]["sessionId"]
    assert "attributes" not in again.request["session"]


def test_ssml_to_text() -> None:
    assert ssml_to_text("<speak>Salt &amp; pepper.<break time='1s'/>Done.</speak>") == (
        "Salt & pepper. Done."
    )
    assert ssml_to_text('<speak><sub alias="two tablespoons">2 tbsp</sub></speak>') == (
        "two tablespoons"
    )


def test_the_local_user_is_kept(tmp_path: Path) -> None:
    environ = {"XDG_STATE_HOME": str(tmp_path)}
    first = local_user_id(environ)
    assert first.startswith("amzn1.ask.account.")
    assert local_user_id(environ) == first
    assert local_user_id({"HOME": str(tmp_path / "home")}) != first
