"""Lambda-side figures: cold start, warm turn, peak memory and store calls per turn.

Each "side" is a Lambda function as ``make bench`` stands it up: the runtime's interpreter
(CPython 3.13, ``scripts/pick-python``) started as a new process on :mod:`bench.child`, with
the function's code directories first on ``sys.path``. The requests are real Alexa envelopes
made by ``make chat``'s :class:`tools.chat.Conversation` (utterances resolved by the skill's own
interaction model; session attributes carried from each response into the next request, as
Alexa does), sent to the child one JSON line at a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.dynalite import BenchError
from tools.chat import Conversation

CHILD = Path(__file__).resolve().parent / "child.py"
#: The skill id of the request envelopes and of the functions' ``SKILL_ID``.
SKILL_ID = "amzn1.ask.skill.8f3c2a61-4b7d-4e0a-9c15-2d6e8b0f7a34"
#: Question turns asked after each cold start (they read nothing and write nothing).
COLD_QUESTIONS = ("how much maple syrup", "what temperature", "how long do I bake it")
#: The warm turn: a mid-session question.
WARM_UTTERANCE = "how much maple syrup"


@dataclass(frozen=True)
class Side:
    """One Lambda function to measure.

    Attributes
    ----------
    name
        Its key in the report ("floor", "skill", ...).
    label
        What the table calls it.
    paths
        Code directories, first on ``sys.path`` first (the artifact, then what the runtime
        provides).
    handler
        ``module.function``.
    environ
        The function's environment variables (table, endpoint, region, keys, ``SKILL_ID``).
    """

    name: str
    label: str
    paths: tuple[Path, ...]
    handler: str
    environ: Mapping[str, str]


@dataclass
class Invocation:
    """What the child reported for one request."""

    ms: float
    cpu_ms: float
    store: list[str]
    response: dict[str, Any]
    import_ms: float | None = None


class LambdaProcess:
    """A new Lambda execution environment for ``side``: spawn, invoke line by line, reap.

    It is a ``tools.chat`` handler: ``process(envelope, context)`` returns the response.

    Parameters
    ----------
    python
        The runtime's interpreter.
    side
        The function.
    log
        Where the child's standard error (its log) is appended.
    wrapper
        A command the interpreter runs under (``valgrind --tool=callgrind ...``), if any.
    """

    def __init__(self, python: str, side: Side, log: Path, wrapper: Sequence[str] = ()) -> None:
        self.side = side
        self.invocations: list[Invocation] = []
        self.first_reply_s: float | None = None
        read_fd, write_fd = os.pipe()
        with log.open("ab") as log_file:
            self.spawned = time.perf_counter()
            self._process = subprocess.Popen(
                [*wrapper, python, "-I", "-S", "-B", str(CHILD), str(write_fd), side.handler]
                + [str(path) for path in side.paths],
                stdin=subprocess.PIPE,
                stdout=log_file,
                stderr=log_file,
                pass_fds=(write_fd,),
                env=dict(side.environ),
                cwd=side.paths[0],
            )
        os.close(write_fd)
        self._replies = os.fdopen(read_fd, "r", encoding="utf-8")
        self.peak_rss_kb: int | None = None
        self.ru_maxrss_kb: int | None = None

    def __call__(self, envelope: dict[str, Any], context: Any = None) -> dict[str, Any]:
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(json.dumps(envelope).encode() + b"\n")
        stdin.flush()
        line = self._replies.readline()
        if self.first_reply_s is None:
            self.first_reply_s = time.perf_counter() - self.spawned
        if not line:
            self.close()
            raise BenchError(
                f"{self.side.label} exited without answering (exit status "
                f"{self._process.returncode}); see bench-results/*.log"
            )
        reply = json.loads(line)
        invocation = Invocation(
            reply["ms"], reply["cpu_ms"], reply["store"], reply["response"], reply.get("import_ms")
        )
        if "errorType" in invocation.response:
            self.close()
            raise BenchError(f"{self.side.label} failed: {invocation.response}")
        self.invocations.append(invocation)
        return invocation.response

    def terminate(self) -> None:
        """End the process at once (SIGTERM), as Lambda freezes an environment after an answer:
        no interpreter shutdown (valgrind still writes its counts)."""
        if self._process.returncode is None:
            self._process.terminate()
            self._process.wait()
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._replies.close()

    def close(self) -> int | None:
        """End the process (standard input closes) and return its peak RSS in KiB."""
        if self._process.returncode is None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            for line in self._replies:
                last = json.loads(line)
                if last.get("exit"):
                    self.peak_rss_kb = last.get("peak_rss_kb")
            _, status, usage = os.wait4(self._process.pid, 0)
            self._process.returncode = os.waitstatus_to_exitcode(status)
            self.ru_maxrss_kb = usage.ru_maxrss
            self._replies.close()
        return self.peak_rss_kb


def conversation(process: LambdaProcess, user_id: str) -> Conversation:
    """A ``make chat`` conversation whose skill is ``process``."""
    return Conversation("en-US", handler=process, user_id=user_id, skill_id=SKILL_ID)


def new_user() -> str:
    return f"amzn1.ask.account.BENCH{uuid.uuid4().hex.upper()}"


# --- cold start and peak memory -------------------------------------------------------------


@dataclass
class ColdRun:
    """One cold start: spawn to the launch response, then a few questions, then exit."""

    side: str
    wall_ms: float
    import_ms: float
    first_request_ms: float
    cpu_ms: float
    launch_store: list[str]
    peak_rss_kb: int


def cold_start(python: str, side: Side, user_id: str, log: Path) -> ColdRun:
    """One cold start of ``side``: a new process answers a LaunchRequest, then a few questions.

    Parameters
    ----------
    python
        The Lambda runtime's interpreter.
    side
        The function.
    user_id
        A cook whose state is in the store (so the launch reads something).
    log
        Where the function's log goes.

    Returns
    -------
    ColdRun
        Spawn-to-launch-response time, its import and handler parts, the CPU time to the first
        answer, the store calls of the launch and the process's peak RSS after
        :data:`COLD_QUESTIONS`.
    """
    process = LambdaProcess(python, side, log)
    try:
        talk = conversation(process, user_id)
        talk.launch()
        wall_s = process.first_reply_s
        for utterance in COLD_QUESTIONS:
            talk.say(utterance)
    finally:
        rss = process.close()
    first = process.invocations[0]
    assert wall_s is not None and first.import_ms is not None and rss is not None
    return ColdRun(
        side.name, wall_s * 1000, first.import_ms, first.ms, first.cpu_ms, first.store, rss
    )


def cold_starts(
    python: str, sides: Sequence[Side], users: Mapping[str, str], reps: int, log: Path
) -> dict[str, list[ColdRun]]:
    """``reps`` cold starts of every side, interleaved (A B C, then B C A, ...).

    Interleaving spreads the shared machine's drift over all sides alike; one unmeasured round
    comes first (page cache).

    Parameters
    ----------
    python
        The Lambda runtime's interpreter.
    sides
        The functions, the floor first.
    users
        Side name -> the cook whose saved state its launch reads.
    reps
        Measured cold starts per side.
    log
        Where the functions' logs go.

    Returns
    -------
    dict[str, list[ColdRun]]
        The runs of each side, in order (run ``i`` of every side belongs to one round).
    """
    runs: dict[str, list[ColdRun]] = {side.name: [] for side in sides}
    for side in sides:
        cold_start(python, side, users[side.name], log)  # warm the page cache
    for rep in range(reps):
        shift = rep % len(sides)
        for side in [*sides[shift:], *sides[:shift]]:
            runs[side.name].append(cold_start(python, side, users[side.name], log))
        print(f"\r  cold starts: {rep + 1}/{reps}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return runs


# --- warm turn --------------------------------------------------------------------------------


@dataclass
class WarmTurns:
    """Handler times (ms) per side, and the ratio of each pair of adjacent batches' medians."""

    samples: dict[str, list[float]]
    batch_ratios: list[float]


def warm_turns(
    python: str,
    floor: Side,
    skill: Side,
    users: Mapping[str, str],
    *,
    rounds: int,
    iterations: int,
    warmup: int,
    log: Path,
    batch: int = 50,
) -> WarmTurns:
    """Handler times of :data:`WARM_UTTERANCE`, mid-session, ``iterations`` per side and round.

    Each round starts both functions (new processes), launches a session in each and sends
    ``warmup`` unmeasured turns; then the two take turns in batches of ``batch`` requests
    (floor first, then skill first, ...), so that a slow spell of the shared machine falls on
    both alike rather than on whichever happened to run then. Session attributes are carried
    from each response into the next request, as Alexa does.

    Parameters
    ----------
    python
        The Lambda runtime's interpreter.
    floor, skill
        The two functions.
    users
        Side name -> cook (the skill's has a recipe under way).
    rounds, iterations, warmup, batch
        Processes per side, measured turns per process, unmeasured turns first, batch size.
    log
        Where the functions' logs go.

    Returns
    -------
    WarmTurns
        Every measured handler time per side, and each batch pair's p50 ratio (skill/floor).
    """
    samples: dict[str, list[float]] = {floor.name: [], skill.name: []}
    ratios: list[float] = []
    for round_ in range(rounds):
        processes = {side.name: LambdaProcess(python, side, log) for side in (floor, skill)}
        try:
            talks = {name: conversation(p, users[name]) for name, p in processes.items()}
            for talk in talks.values():
                talk.launch()
                for _ in range(warmup):
                    talk.say(WARM_UTTERANCE)
            done = 0
            while done < iterations:
                size = min(batch, iterations - done)
                order = [floor.name, skill.name]
                if (done // batch) % 2:
                    order.reverse()
                medians: dict[str, float] = {}
                for name in order:
                    process = processes[name]
                    first = len(process.invocations)
                    for _ in range(size):
                        if talks[name].say(WARM_UTTERANCE).ends_session:
                            raise BenchError(f"{process.side.label} closed the session")
                    times = [i.ms for i in process.invocations[first:]]
                    samples[name].extend(times)
                    medians[name] = sorted(times)[len(times) // 2]
                ratios.append(medians[skill.name] / medians[floor.name])
                done += size
        finally:
            for process in processes.values():
                process.close()
        print(f"\r  warm turns: round {round_ + 1}/{rounds}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return WarmTurns(samples, ratios)


# --- store calls over a whole recipe ---------------------------------------------------------


@dataclass
class Turn:
    """One turn of the walk and the store calls it made."""

    session: int
    said: str
    kind: str  # "open", "move" or "question"
    reads: int
    writes: int
    speech: str
    ends_session: bool


@dataclass
class Walk:
    turns: list[Turn] = field(default_factory=list)


#: Questions asked at points of the walk (none of them changes the cook's place).
WALK_QUESTIONS = {
    "start": ("how much maple syrup",),
    "step 3": ("what temperature", "how long do I bake it"),
    "aioli": ("how much maple syrup for the aioli", "what do I need for this step"),
    "finished": ("how much salt", "what are we making"),
}


def walk_recipe(python: str, side: Side, log: Path, max_nexts: int = 60) -> Walk:
    """Cook the whole recipe in one process and count the store calls of every turn.

    Launch, start, next through every step with the aioli detour in the middle and questions
    along the way; then a second session (launch, questions, stop).

    Parameters
    ----------
    python
        The Lambda runtime's interpreter.
    side
        The skill (its metered store logs each call).
    log
        Where its log goes.
    max_nexts
        Give up when the recipe has not finished after this many "next".

    Returns
    -------
    Walk
        Each turn: its session, what was said, its kind ("open", "move" or "question"), the
        reads and writes it made, the speech and whether it ended the session.

    Raises
    ------
    BenchError
        When the recipe never finishes.
    """
    process = LambdaProcess(python, side, log)
    walk = Walk()
    session = 1

    def turn(said: str, kind: str) -> Any:
        nonlocal session
        before = len(process.invocations)
        reply = talk.launch() if said == "(launch)" else talk.say(said)
        calls = [call for i in process.invocations[before:] for call in i.store]
        walk.turns.append(
            Turn(
                session,
                said,
                kind,
                sum(call.startswith("store.read") for call in calls),
                sum(call.startswith("store.write") for call in calls),
                reply.speech,
                reply.ends_session,
            )
        )
        if reply.ends_session:
            session += 1
        return reply

    try:
        talk = conversation(process, new_user())
        turn("(launch)", "open")
        turn("start", "move")
        for question in WALK_QUESTIONS["start"]:
            turn(question, "question")
        turn("next", "move")
        turn("next", "move")
        for question in WALK_QUESTIONS["step 3"]:
            turn(question, "question")
        turn("let's make the aioli", "move")
        for question in WALK_QUESTIONS["aioli"]:
            turn(question, "question")
        for _ in range(max_nexts):
            if turn("next", "move").ends_session:
                break
        else:
            raise BenchError(f"the recipe did not finish after {max_nexts} times 'next'")
        turn("(launch)", "open")
        for question in WALK_QUESTIONS["finished"]:
            turn(question, "question")
        turn("stop", "move")
    finally:
        process.close()
    return walk
