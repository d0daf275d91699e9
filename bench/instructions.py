"""Cold start as an instruction count: valgrind's callgrind, stable on a noisy machine.

One cold start per side under ``valgrind --tool=callgrind``: the process starts, imports the
function and answers one LaunchRequest whose state is read from the store; then it is
terminated (SIGTERM), so the count runs up to the first answer: the interpreter's start, the
imports, the initialisation and the first request, not the interpreter's shutdown.

A warm turn is counted the same way (:func:`warm_turn_instructions`): the difference between
two processes that stop after the warm-up and some turns later.

``python -m bench.instructions --skill DIR [--floor-libs DIR]`` measures a built artifact and
the floor on a dynalite of its own and prints the counts and their ratios.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.lambda_bench import WARM_UTTERANCE, LambdaProcess, Side, conversation

_COLLECTED = re.compile(r"^summary:\s+(\d+)", re.MULTILINE)


def valgrind() -> str | None:
    """The valgrind executable, or ``None`` when this machine has none."""
    return shutil.which("valgrind")


@dataclass(frozen=True)
class Instructions:
    side: str
    instructions: int


def cold_start_instructions(python: str, side: Side, user_id: str, log: Path) -> Instructions:
    """The instructions of one cold start of ``side`` (spawn, imports, one launch answered)."""
    return Instructions(side.name, _counted(python, side, user_id, log, turns=0))


def _counted(python: str, side: Side, user_id: str, log: Path, turns: int) -> int:
    """Instructions of a process under callgrind that launches, says :data:`WARM_UTTERANCE`
    ``turns`` times and is then terminated (SIGTERM: up to its last answer, not the
    interpreter's shutdown)."""
    tool = valgrind()
    if tool is None:
        raise FileNotFoundError("valgrind is not installed")
    with tempfile.TemporaryDirectory(prefix="callgrind-") as scratch:
        out = Path(scratch) / "callgrind.out"
        wrapper = (tool, "--tool=callgrind", f"--callgrind-out-file={out}", "-q")
        process = LambdaProcess(python, side, log, wrapper=wrapper)
        try:
            talk = conversation(process, user_id)
            talk.launch()
            for _ in range(turns):
                if talk.say(WARM_UTTERANCE).ends_session:
                    raise RuntimeError(f"{side.label} closed the session")
        finally:
            process.terminate()
        match = _COLLECTED.search(out.read_text(encoding="utf-8", errors="replace"))
        if match is None:
            raise RuntimeError(f"no instruction count in {out}")
        return int(match.group(1))


def warm_turn_instructions(
    python: str, side: Side, user_id: str, log: Path, *, turns: int = 200, warmup: int = 50
) -> Instructions:
    """The instructions of one warm turn of ``side``: a mid-session :data:`WARM_UTTERANCE`, as
    :func:`bench.lambda_bench.warm_turns` times it (the request parsed, answered, the answer
    written), averaged over ``turns`` turns after ``warmup``. Two processes under callgrind,
    run side by side: one stops after the warm-up, the other ``turns`` turns later; the
    difference is the turns' own."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        short = pool.submit(_counted, python, side, user_id, log, warmup)
        long = pool.submit(_counted, python, side, user_id, log, warmup + turns)
        return Instructions(side.name, round((long.result() - short.result()) / turns))


def main(argv: list[str] | None = None) -> int:
    from bench.__main__ import (
        FLOOR_TABLE,
        SKILL_ID,
        SKILL_TABLE,
        floor_code,
        function_environ,
        pick_python,
        seed_skill_state,
    )
    from bench.dynalite import Dynalite
    from bench.lambda_bench import new_user

    parser = argparse.ArgumentParser(prog="python -m bench.instructions")
    parser.add_argument("--skill", type=Path, required=True, help="a built artifact")
    parser.add_argument(
        "--floor-libs", type=Path, help="the floor's libraries (default: the skill's)"
    )
    parser.add_argument("--no-floor", action="store_true")
    args = parser.parse_args(argv)
    del SKILL_ID
    python = pick_python()
    with tempfile.TemporaryDirectory(prefix="bench-instr-") as scratch:
        work = Path(scratch)
        log = work / "lambda.log"
        home = work / "home"
        home.mkdir()
        with Dynalite(work / "dynalite.log") as dynamo:
            dynamo.create_table(SKILL_TABLE)
            dynamo.create_table(FLOOR_TABLE)
            skill = Side(
                "skill",
                "skill",
                (args.skill.resolve(),),
                "app.lambda_handler",
                function_environ(dynamo.environ(SKILL_TABLE), home),
            )
            user = new_user()
            seed_skill_state(python, skill, user, log)
            counts = {"skill": cold_start_instructions(python, skill, user, log).instructions}
            warm = {"skill": warm_turn_instructions(python, skill, user, log).instructions}
            if not args.no_floor:
                libs = (args.floor_libs or args.skill).resolve()
                floor = Side(
                    "floor",
                    "floor",
                    (floor_code(work, python), libs),
                    "lambda_function.lambda_handler",
                    function_environ(dynamo.environ(FLOOR_TABLE), home),
                )
                floor_user = new_user()
                dynamo.put_attributes(FLOOR_TABLE, floor_user, {"visits": 3})
                counts["floor"] = cold_start_instructions(
                    python, floor, floor_user, log
                ).instructions
                warm["floor"] = warm_turn_instructions(python, floor, floor_user, log).instructions
    for name, count in counts.items():
        print(f"{name}: {count:,} instructions, warm turn {warm[name]:,}")
    if "floor" in counts:
        print(f"ratio: {counts['skill'] / counts['floor']:.3f}")
        print(f"warm turn ratio: {warm['skill'] / warm['floor']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
