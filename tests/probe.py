"""Run a probe script in a new interpreter and read what it printed (imports act once per
process, so what an import does or defers is seen from a fresh one)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

LAMBDA = Path(__file__).resolve().parents[1] / "lambda"


def run_probe(
    script: str,
    args: Sequence[str] = (),
    *,
    python: str = sys.executable,
    flags: Sequence[str] = ("-W", "error"),
    env: Mapping[str, str] | None = None,
    stdin: str = "",
    timeout: float = 300,
) -> str:
    """``python flags -c script args``; its standard output (the test fails on a non-zero exit).

    ``env`` defaults to this process's environment with ``lambda/`` importable.
    """
    environ = dict(env) if env is not None else {**os.environ, "PYTHONPATH": str(LAMBDA)}
    result = subprocess.run(
        [python, *flags, "-c", script, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
