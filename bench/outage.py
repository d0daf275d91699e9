"""Per-turn latency while DynamoDB is hung or slow, without and with the circuit breaker.

``python -m bench.outage [--turns 12] [--out bench-results/outage.json]``

The real skill (:func:`cookalong.alexa.skill.build_skill`) talks to dynalite through
:class:`tools.faults.SlowProxy`. A cook gets going with the store healthy, then the proxy
**hangs** (accepts, never answers) or turns **slow** (every answer held back 1.5 s), and the
cook keeps cooking: moves and questions alternate. Each turn is timed end to end, as the Lambda
would spend it. *Before* is the store adapter without a breaker (what the skill had: each turn
retries the save the last one could not make); *after* is :func:`cookalong.storage.
adapter_from_env` (with its breaker). A second scenario opens a new session during the outage.

A benchmark, not a test: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tools.dynalite import Dynalite
from tools.faults import SlowProxy

TURNS = [
    ("IntentRequest", "AMAZON.NextIntent", {}),
    ("IntentRequest", "HowMuchIntent", {"ingredient": "maple syrup"}),
    ("IntentRequest", "WhereAmIIntent", {}),
    ("IntentRequest", "TemperatureIntent", {}),
]


class Cook:
    """One cook talking to the skill through ``make chat``'s simulator; each turn is timed
    around the entry point alone (what the Lambda would spend)."""

    def __init__(self, answer: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        from tools.chat import Conversation

        self.seconds = 0.0

        def timed(event: dict[str, Any], context: Any) -> dict[str, Any]:
            started = time.perf_counter()
            try:
                return answer(event)
            finally:
                self.seconds = time.perf_counter() - started

        self.talk = Conversation("en-US", handler=timed)

    def turn(self, kind: str, name: str | None = None, **slots: str) -> float:
        if kind == "LaunchRequest":
            self.talk.launch()
        else:
            self.talk.intent(name or "AMAZON.FallbackIntent", **slots)
        return self.seconds


def _skill(environ: dict[str, str], breaker: bool) -> Callable[[dict[str, Any]], dict[str, Any]]:
    from cookalong.alexa.gate import answer
    from cookalong.alexa.skill import build_skill
    from cookalong.storage import adapter_from_env, ttl_seconds
    from cookalong.storage.metered import MeteredAdapter

    if breaker:
        adapter = adapter_from_env(environ)
    else:
        from cookalong.storage.dynamodb import TtlDynamoDbAdapter, dynamodb_client

        inner = TtlDynamoDbAdapter(
            environ["TABLE_NAME"],
            client=dynamodb_client(environ),
            ttl_seconds=ttl_seconds(environ),
        )
        adapter = MeteredAdapter(inner, store="dynamodb")
    skill = build_skill(persistence_adapter=adapter)
    return lambda event: answer(skill, event)


def _summary(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {
        "turns": len(ms),
        "median_ms": round(statistics.median(ms), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "max_ms": round(max(ms), 1),
        "total_s": round(sum(values), 2),
        "per_turn_ms": [round(v) for v in ms],
    }


def run_mid_session(
    server: Dynalite, fault: str, breaker: bool, turns: int, pace: float = 0.0
) -> dict[str, dict[str, float]]:
    """A cook on step 2 when the store fails; ``turns`` more turns during the outage, one
    every ``pace`` seconds (0: back to back)."""
    environ = server.environ(server.create_table())
    with SlowProxy(server.port) as proxy:
        environ = {**environ, "AWS_ENDPOINT_URL_DYNAMODB": proxy.endpoint}
        cook = Cook(_skill(environ, breaker))
        cook.turn("LaunchRequest")
        cook.turn("IntentRequest", "StartCookingIntent")
        healthy = [cook.turn("IntentRequest", "AMAZON.NextIntent")]
        healthy += [cook.turn(k, n, **s) for k, n, s in TURNS[1:]]
        proxy.hang() if fault == "hung" else proxy.delay(1.5)
        during = []
        for kind, name, slots in (TURNS * turns)[:turns]:
            during.append(cook.turn(kind, name, **slots))
            time.sleep(pace)
    return {"healthy": _summary(healthy), "outage": _summary(during)}


def run_session_open(
    server: Dynalite, fault: str, breaker: bool, turns: int
) -> dict[str, dict[str, float]]:
    """A new session opened during the outage (its read fails), then ``turns`` turns."""
    environ = server.environ(server.create_table())
    with SlowProxy(server.port) as proxy:
        environ = {**environ, "AWS_ENDPOINT_URL_DYNAMODB": proxy.endpoint}
        cook = Cook(_skill(environ, breaker))
        proxy.hang() if fault == "hung" else proxy.delay(1.5)
        opened = [cook.turn("LaunchRequest"), cook.turn("IntentRequest", "StartCookingIntent")]
        during = [cook.turn(k, n, **s) for k, n, s in (TURNS * turns)[:turns]]
    return {"first_two_turns": _summary(opened), "later_turns": _summary(during)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=12, help="turns during the outage")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        help="also run a hung store with a turn every PACE seconds (the breaker's probes show)",
    )
    args = parser.parse_args(argv)
    figures: dict[str, Any] = {}
    with (
        tempfile.TemporaryDirectory() as scratch,
        Dynalite(Path(scratch) / "dynalite.log") as server,
    ):
        for fault in ("hung", "slow"):
            for breaker in (False, True):
                label = f"{fault}/{'after (breaker)' if breaker else 'before (no breaker)'}"
                figures[label] = {
                    "mid_session": run_mid_session(server, fault, breaker, args.turns),
                    "session_open": run_session_open(server, fault, breaker, args.turns),
                }
                print(label, json.dumps(figures[label]))
        if args.pace:
            label = f"hung/after (breaker), a turn every {args.pace:g} s"
            figures[label] = {
                "mid_session": run_mid_session(server, "hung", True, args.turns, args.pace)
            }
            print(label, json.dumps(figures[label]))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
