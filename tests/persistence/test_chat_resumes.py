"""`make chat` run twice resumes: the local sqlite default in the user's state directory."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def chat(lines: str, state_home: Path) -> list[str]:
    """One `make chat` run (``python -m tools.chat``) with nothing but a state directory set."""
    env = {k: v for k, v in os.environ.items() if k not in {"COOKALONG_STATE_DB", "TABLE_NAME"}}
    env |= {
        "XDG_STATE_HOME": str(state_home),
        "HOME": str(state_home),
        "PYTHONPATH": f"{ROOT / 'lambda'}{os.pathsep}{ROOT}",
    }
    out = subprocess.run(
        [sys.executable, "-W", "error", "-m", "tools.chat", "--locale", "en-US"],
        input=lines,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_a_second_chat_welcomes_the_cook_back_where_the_first_stopped(tmp_path):
    # given a first chat that started cooking, moved on once and stopped
    first = chat("start\nnext\nstop\n", tmp_path)
    assert "Step 2 of 7" in first[2]

    # when the cook runs the chat again
    second = chat("where am I\n", tmp_path)

    # then it welcomes them back at step 2, from the state file in the XDG state directory
    assert second[0].startswith("Welcome back")
    assert "step 2 of 7" in second[0].lower()
    assert (tmp_path / "cookalong" / "state.sqlite3").is_file()
