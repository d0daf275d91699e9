"""``make bench``: cookalong's performance against an ask-sdk-core hello-world floor.

``python -m bench --ship-boto3 DIR --runtime-boto3 DIR --default ship`` measures, in one run and
side by side, the ``sam build`` artifact(s) and the floor skill (:mod:`bench.floor`), both on the
Lambda runtime's interpreter and the same local DynamoDB (dynalite), and prints a table with
the ratios and the budget verdicts; the figures go to ``bench-results/bench.json``.

- cold start: spawn -> imports -> first LaunchRequest answered with its state read from the
  store; interleaved repetitions, median / min / max;
- warm turn: p50 and p99 of a mid-session "how much maple syrup", session attributes carried;
- peak RSS after a cold start and a few questions; the artifact's size, with and without the
  runtime-provided boto3; store reads and writes per turn over the whole recipe;
- ``make chat``'s resolver (utterances per second over the dialog tests' utterances) and
  ``make serve``'s web service (requests per second, verification off and on).

Benchmarks are not tests: nothing here asserts a timing except the printed budgets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import report
from bench.artifact import RUNTIME_PROVIDED, artifact_size
from bench.dynalite import BenchError, Dynalite
from bench.instructions import (
    Instructions,
    cold_start_instructions,
    valgrind,
    warm_turn_instructions,
)
from bench.lambda_bench import (
    SKILL_ID,
    ColdRun,
    LambdaProcess,
    Side,
    Walk,
    WarmTurns,
    cold_starts,
    conversation,
    new_user,
    walk_recipe,
    warm_turns,
)
from bench.report import Budget, pair_ratios, percentile, spread

ROOT = Path(__file__).resolve().parent.parent
FLOOR_SOURCE = Path(__file__).resolve().parent / "floor" / "lambda_function.py"
SKILL_TABLE = "cookalong-bench"
FLOOR_TABLE = "hello-floor"
#: Lambda memory sizes considered; at 1769 MB a function has one full vCPU.
MEMORY_SIZES = (128, 256, 512, 768, 1024, 1536, 1769)
FULL_VCPU_MB = 1769


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--ship-boto3", type=Path, help="artifact built with SHIP_BOTO3=1")
    parser.add_argument("--runtime-boto3", type=Path, help="artifact built with SHIP_BOTO3=0")
    parser.add_argument(
        "--default",
        choices=("ship", "runtime"),
        default="ship",
        help="which of the two `make build` ships (the budgets apply to it)",
    )
    parser.add_argument(
        "--untrimmed",
        type=Path,
        help="the pinned libraries as pip installs them (make lambda-artifact TRIM_BOTOCORE=0):"
        " the floor's, and the runtime-provided boto3's; by default the shipped artifact's",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "bench.json")
    parser.add_argument("--reps", type=int, default=20, help="cold starts per side")
    parser.add_argument("--warm-rounds", type=int, default=4, help="processes per side")
    parser.add_argument("--warm-iterations", type=int, default=1000, help="turns per process")
    parser.add_argument("--warmup", type=int, default=100, help="unmeasured turns per process")
    parser.add_argument("--web-requests", type=int, default=1500)
    parser.add_argument("--resolver-seconds", type=float, default=1.5)
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run that checks the harness works"
    )
    parser.add_argument(
        "--callgrind",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="count a cold start's and a warm turn's instructions under valgrind (default: when"
        " valgrind is installed, and not with --quick)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget fails")
    args = parser.parse_args(argv)
    if args.callgrind is None:
        args.callgrind = not args.quick and valgrind() is not None
    if args.quick:
        args.reps, args.warm_rounds, args.warm_iterations, args.warmup = 2, 2, 20, 5
        args.web_requests, args.resolver_seconds = 20, 0.05
    if args.ship_boto3 is None and args.runtime_boto3 is None:
        parser.error("give --ship-boto3 DIR and/or --runtime-boto3 DIR (make bench builds both)")
    if getattr(args, f"{args.default}_boto3") is None:
        parser.error(f"--default {args.default} needs --{args.default}-boto3 DIR")
    if args.runtime_boto3 is not None and args.ship_boto3 is None:
        parser.error("--runtime-boto3 needs --ship-boto3 too (the runtime's boto3 comes from it)")
    for name in ("reps", "warm_rounds", "warm_iterations", "web_requests"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def pick_python() -> str:
    """The Lambda runtime's stand-in interpreter (CPython 3.13), as the Makefile picks it."""
    picked = subprocess.run(
        [str(ROOT / "scripts" / "pick-python")], capture_output=True, text=True, check=False
    )
    python = picked.stdout.strip()
    if picked.returncode != 0 or not python:
        raise BenchError(f"scripts/pick-python found no interpreter: {picked.stderr.strip()}")
    return python


def floor_code(workdir: Path, python: str) -> Path:
    """The floor's function code, compiled like the artifact (unchecked-hash .pyc)."""
    code = workdir / "floor"
    shutil.rmtree(code, ignore_errors=True)
    code.mkdir(parents=True)
    target = code / FLOOR_SOURCE.name
    shutil.copy2(FLOOR_SOURCE, target)
    subprocess.run(
        [python, "-I", "-S", "-c", _COMPILE, str(target)], check=True, capture_output=True
    )
    return code


_COMPILE = (
    "import py_compile, sys; py_compile.compile(sys.argv[1], doraise=True, "
    "invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)"
)


def runtime_sdk(workdir: Path, ship_artifact: Path) -> Path:
    """Where the Lambda runtime's own boto3 stands: the SDK packages of the SHIP_BOTO3=1
    artifact (same pins, same compiled bytecode), linked into a directory of their own that
    comes after the function's code on ``sys.path``, as ``/var/runtime`` does on Lambda."""
    sdk = workdir / "runtime-sdk"
    shutil.rmtree(sdk, ignore_errors=True)
    sdk.mkdir(parents=True)
    for entry in ship_artifact.iterdir():
        top = entry.name.split("-")[0].lower()
        if top in RUNTIME_PROVIDED:
            (sdk / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    if not (sdk / "boto3").exists():
        raise BenchError(f"{ship_artifact} holds no boto3: build it with SHIP_BOTO3=1")
    return sdk


def function_environ(extra: dict[str, str], home: Path) -> dict[str, str]:
    """A Lambda-like environment: nothing from the developer's shell or ~/.aws."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "TZ": "UTC",
        "HOME": str(home),
        "AWS_CONFIG_FILE": str(home / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(home / "no-aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "SKILL_ID": SKILL_ID,
        **extra,
    }


def seed_skill_state(python: str, side: Side, user: str, log: Path) -> None:
    """Put a cook mid-recipe into the store, through the skill itself (start, next, next)."""
    process = LambdaProcess(python, side, log)
    try:
        talk = conversation(process, user)
        talk.launch()
        for utterance in ("start", "next", "next"):
            talk.say(utterance)
    finally:
        process.close()
    writes = sum(call == "store.write" for i in process.invocations for call in i.store)
    if writes == 0:
        raise BenchError(f"{side.label} saved nothing while seeding; see {log}")


def dialog_utterances() -> list[str]:
    """Every line a cook says in the dialog tests (``tests/dialogs/*.dialog``), for en-US."""
    from tests.dialogs.harness import load_dialogs

    return [
        turn.said for dialog in load_dialogs() if "en-US" in dialog.locales for turn in dialog.turns
    ]


# --- the run ------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    workdir = args.out.resolve().parent
    workdir.mkdir(parents=True, exist_ok=True)
    logs = {name: workdir / f"bench-{name}.log" for name in ("lambda", "dynalite", "web")}
    for log in logs.values():
        log.write_bytes(b"")
    python = pick_python()
    home = workdir / "home"
    home.mkdir(exist_ok=True)

    artifacts = {"ship": args.ship_boto3, "runtime": args.runtime_boto3}
    artifacts = {name: path.resolve() for name, path in artifacts.items() if path is not None}
    for path in artifacts.values():
        if not (path / "app.py").exists():
            raise BenchError(f"{path}: not a built artifact (no app.py); run `make build`")
    untrimmed = args.untrimmed.resolve() if args.untrimmed else None
    sdk_source = untrimmed or artifacts["ship"]
    sdk = runtime_sdk(workdir, sdk_source) if "runtime" in artifacts else None
    code = {
        name: (path, sdk) if name == "runtime" and sdk is not None else (path,)
        for name, path in artifacts.items()
    }
    labels = {"ship": "skill (ships boto3)", "runtime": "skill (runtime boto3)"}
    default = args.default

    results: dict[str, Any] = {"machine": report.machine(python)}
    results["settings"] = {
        key: value for key, value in vars(args).items() if not isinstance(value, Path)
    } | {name: str(path) for name, path in artifacts.items()}

    print("artifact sizes ...", file=sys.stderr)
    sizes = {name: artifact_size(path) for name, path in artifacts.items()}
    results["artifact"] = {
        name: {
            "dir": str(artifacts[name]),
            "ships_boto3": name == "ship",
            "bytes": size.total.bytes,
            "du_bytes": size.total.du_bytes,
            "files": size.total.files,
            "zip_bytes": size.zip_bytes,
            "runtime_provided_sdk_du_bytes": size.runtime_provided.du_bytes,
            "parts_du_bytes": size.parts,
        }
        for name, size in sizes.items()
    }

    with Dynalite(logs["dynalite"]) as dynamo:
        dynamo.create_table(SKILL_TABLE)
        dynamo.create_table(FLOOR_TABLE)
        skill_env = function_environ(dynamo.environ(SKILL_TABLE), home)
        floor_env = function_environ(dynamo.environ(FLOOR_TABLE), home)
        floor_dir = floor_code(workdir, python)
        skills = {
            name: Side(name, labels[name], code[name], "app.lambda_handler", skill_env)
            for name in artifacts
        }
        floor = Side(
            "floor",
            "floor (hello world)",
            (floor_dir, untrimmed) if untrimmed else (floor_dir, *code[default]),
            "lambda_function.lambda_handler",
            floor_env,
        )
        skill = skills[default]
        users = {"floor": new_user(), **{name: new_user() for name in artifacts}}
        skill_user = users[default]
        for name in artifacts:
            users[name] = skill_user  # every skill build reads the same saved cook
        seed_skill_state(python, skill, skill_user, logs["lambda"])
        dynamo.put_attributes(FLOOR_TABLE, users["floor"], {"visits": 3})

        print("store calls over the whole recipe ...", file=sys.stderr)
        results["store"] = _store_figures(walk_recipe(python, skill, logs["lambda"]))

        print("cold starts ...", file=sys.stderr)
        sides = [floor, *(skills[name] for name in ("ship", "runtime") if name in skills)]
        runs = cold_starts(python, sides, users, args.reps, logs["lambda"])
        results["cold_start"] = _cold_figures(runs, default)
        results["peak_rss"] = _rss_figures(runs, default)
        if args.callgrind:

            def per_side(what: str, measure: Callable[..., Instructions]) -> dict[str, int]:
                print(f"{what} instructions (callgrind) ...", file=sys.stderr)
                return {
                    side.name: measure(python, side, users[side.name], logs["lambda"]).instructions
                    for side in (floor, skill)
                }

            counts = per_side("cold start", cold_start_instructions)
            warm_counts = per_side("warm turn", warm_turn_instructions)
            results["instructions"] = {
                "cold_start": counts,
                "ratio": round(counts[skill.name] / counts["floor"], 3),
                "measure": "valgrind --tool=callgrind: spawn to the first LaunchRequest answered",
                "warm_turn": warm_counts,
                "warm_ratio": round(warm_counts[skill.name] / warm_counts["floor"], 3),
                "warm_measure": "valgrind --tool=callgrind: one mid-session turn (mean of 200)",
            }

        print("warm turns ...", file=sys.stderr)
        warm = warm_turns(
            python,
            floor,
            skill,
            users,
            rounds=args.warm_rounds,
            iterations=args.warm_iterations,
            warmup=args.warmup,
            log=logs["lambda"],
        )
        results["warm_turn"] = _warm_figures(warm, default)

        print("resolver and web service ...", file=sys.stderr)
        from bench.services import resolver_throughput, web_figures

        utterances = dialog_utterances()
        figures = resolver_throughput(utterances, min_seconds=args.resolver_seconds)
        results["resolver"] = {
            "source": "tests/dialogs/*.dialog (en-US)",
            "utterances": figures.utterances,
            "build_ms": round(figures.build_ms, 1),
            "resolved": figures.resolved,
            "per_second": round(figures.per_second, 1),
        }
        web = web_figures(
            dynamo.environ(SKILL_TABLE),
            workdir,
            logs["web"],
            requests=args.web_requests,
            warmup=max(5, args.web_requests // 20),
        )
        results["web"] = {
            name: {
                "requests": fig.requests,
                "per_second": round(fig.per_second, 1),
                "latency_ms": {
                    "p50": round(percentile(fig.latencies_ms, 50), 3),
                    "p99": round(percentile(fig.latencies_ms, 99), 3),
                },
            }
            for name, fig in web.items()
        }

    results["memory"] = _memory_figures(results, default)
    cold_ratio = results["cold_start"]["ratio"][default]["median"]
    budgets = [
        Budget(
            "cold start",
            cold_ratio,
            report.COLD_START_BUDGET,
        ),
        Budget("warm turn p50", results["warm_turn"]["ratio"]["p50"], report.WARM_TURN_BUDGET),
        Budget("warm turn p99", results["warm_turn"]["ratio"]["p99"], report.WARM_TURN_BUDGET),
        Budget("peak RSS", results["peak_rss"]["ratio"][default], report.PEAK_RSS_BUDGET),
        *(
            [
                Budget(
                    "cold start, instructions",
                    results["instructions"]["ratio"],
                    report.COLD_START_BUDGET,
                ),
                Budget(
                    "warm turn, instructions",
                    results["instructions"]["warm_ratio"],
                    report.WARM_TURN_BUDGET,
                ),
            ]
            if "instructions" in results
            else []
        ),
        Budget(
            "store writes on question turns",
            results["store"]["question_turn_writes"],
            0,
            unit="writes",
        ),
        Budget(
            "store reads per session (max)",
            max(results["store"]["reads_per_session"]),
            1,
            unit="reads",
        ),
    ]
    if min(results["store"]["reads_per_session"]) < 1:
        budgets.append(Budget("a session that read nothing", 1, 0, unit="sessions"))
    results["budgets"] = [budget.as_dict() for budget in budgets]
    results["seconds"] = round(time.monotonic() - started, 1)
    return results


def _store_figures(walk: Walk) -> dict[str, Any]:
    sessions = sorted({turn.session for turn in walk.turns})
    questions = [turn for turn in walk.turns if turn.kind == "question"]
    moves = [turn for turn in walk.turns if turn.kind == "move"]
    return {
        "turns": [asdict(turn) | {"speech": turn.speech[:120]} for turn in walk.turns],
        "sessions": len(sessions),
        "reads_per_session": [sum(t.reads for t in walk.turns if t.session == s) for s in sessions],
        "question_turns": len(questions),
        "question_turn_writes": sum(t.writes for t in questions),
        "move_turns": len(moves),
        "move_turn_writes": sum(t.writes for t in moves),
        "reads": sum(t.reads for t in walk.turns),
        "writes": sum(t.writes for t in walk.turns),
        "turn_count": len(walk.turns),
    }


def _cold_figures(runs: dict[str, list[ColdRun]], default: str) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name, side_runs in runs.items():
        figures[name] = {
            "wall_ms": spread([r.wall_ms for r in side_runs], 1),
            "import_ms": spread([r.import_ms for r in side_runs], 1),
            "first_request_ms": spread([r.first_request_ms for r in side_runs], 2),
            "cpu_ms": spread([r.cpu_ms for r in side_runs], 1),
            "launch_store_calls": sorted({c for r in side_runs for c in r.launch_store}),
            "runs_ms": [round(r.wall_ms, 1) for r in side_runs],
        }
    floor = [r.wall_ms for r in runs["floor"]]
    figures["ratio"] = {}
    for name in runs:
        if name == "floor":
            continue
        pairs = pair_ratios([r.wall_ms for r in runs[name]], floor)
        figures["ratio"][name] = spread(pairs, 3) | {
            "of_medians": round(
                figures[name]["wall_ms"]["median"] / figures["floor"]["wall_ms"]["median"], 3
            )
        }
    figures["default"] = default
    return figures


def _rss_figures(runs: dict[str, list[ColdRun]], default: str) -> dict[str, Any]:
    figures: dict[str, Any] = {
        name: {"peak_rss_kib": spread([r.peak_rss_kb for r in side_runs], 0)}
        for name, side_runs in runs.items()
    }
    figures["ratio"] = {
        name: round(
            figures[name]["peak_rss_kib"]["median"] / figures["floor"]["peak_rss_kib"]["median"], 3
        )
        for name in runs
        if name != "floor"
    }
    figures["measure"] = (
        "VmHWM of the function's process after a cold start and three questions "
        "(ru_maxrss of a child carries its parent's high-water mark across fork+exec)"
    )
    return figures


def _warm_figures(warm: WarmTurns, default: str) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for name, values in warm.samples.items():
        figures[name] = {
            "p50_ms": round(percentile(values, 50), 4),
            "p99_ms": round(percentile(values, 99), 4),
            "mean_ms": round(sum(values) / len(values), 4),
            "n": len(values),
        }
    figures["ratio"] = {
        q: round(figures[default][f"{q}_ms"] / figures["floor"][f"{q}_ms"], 3)
        for q in ("p50", "p99")
    }
    figures["ratio"]["batch_p50"] = spread(warm.batch_ratios, 3)
    return figures


def _memory_figures(results: dict[str, Any], default: str) -> dict[str, Any]:
    """Lambda gives CPU in proportion to memory (one vCPU at 1769 MB): estimate the cold start
    and the warm p99 at each size from the CPU time measured here (this machine's CPU)."""
    cpu_ms = results["cold_start"][default]["cpu_ms"]["median"]
    p99_ms = results["warm_turn"][default]["p99_ms"]
    rss_mib = results["peak_rss"][default]["peak_rss_kib"]["median"] / 1024
    estimates = []
    for size in MEMORY_SIZES:
        factor = max(1.0, FULL_VCPU_MB / size)
        estimates.append(
            {
                "memory_mb": size,
                "vcpu": round(min(1.0, size / FULL_VCPU_MB), 3),
                "cold_start_cpu_bound_ms": round(cpu_ms * factor),
                "warm_p99_ms": round(p99_ms * factor, 2),
                "memory_headroom": round(size / rss_mib, 1),
            }
        )
    return {"peak_rss_mib": round(rss_mib, 1), "cold_start_cpu_ms": cpu_ms, "estimates": estimates}


# --- printing ---------------------------------------------------------------------------------


def print_report(results: dict[str, Any]) -> None:
    """The table and the verdicts, for a person."""
    m, default = results["machine"], results["cold_start"]["default"]
    cold, warm, rss = results["cold_start"], results["warm_turn"], results["peak_rss"]
    print(f"\nmachine: {m['uname']}")
    print(
        f"cpu: {m['cpu']} x{m['cpus']}  python: {m['python_version'].split()[0]}"
        f"  date: {m['date']}  load: {m['load_average']}"
    )
    names = ["floor", *(n for n in ("ship", "runtime") if n in cold)]
    skills = names[1:]

    def ms(name: str, figure: str, digits: int = 0) -> str:
        return f"{cold[name][figure]['median']:.{digits}f}"

    def wall(name: str) -> str:
        w = cold[name]["wall_ms"]
        return f"{w['median']:.0f} ({w['min']:.0f}-{w['max']:.0f})"

    def size(name: str, figure: str) -> str:
        return report.mib(results["artifact"][name][figure], from_bytes=True)

    def turn(name: str, quantile: str) -> str:
        return f"{warm[name][quantile]:.3f}" if name in warm else "-"

    rows = [
        ["figure", *(_label(n, default) for n in names)],
        ["cold start, median ms (min-max)", *(wall(n) for n in names)],
        ["  imports, median ms", *(ms(n, "import_ms") for n in names)],
        ["  first request, median ms", *(ms(n, "first_request_ms", 1) for n in names)],
        ["  CPU to first answer, median ms", *(ms(n, "cpu_ms") for n in names)],
        [
            "  ratio to floor, median of pairs",
            "1",
            *(_x(cold["ratio"][n]["median"]) for n in skills),
        ],
        ["peak RSS, median", *(report.mib(rss[n]["peak_rss_kib"]["median"]) for n in names)],
        ["  ratio to floor", "1", *(_x(rss["ratio"][n]) for n in skills)],
        ["warm turn p50, ms", *(turn(n, "p50_ms") for n in names)],
        ["warm turn p99, ms", *(turn(n, "p99_ms") for n in names)],
        ["artifact, du", "-", *(size(n, "du_bytes") for n in skills)],
        ["artifact, zipped", "-", *(size(n, "zip_bytes") for n in skills)],
    ]
    print()
    print(report.table(rows))
    print(
        f"\nwarm turn ratio to floor: p50 {_x(warm['ratio']['p50'])}, "
        f"p99 {_x(warm['ratio']['p99'])}; median of interleaved batch p50 ratios "
        f"{_x(warm['ratio']['batch_p50']['median'])} ({warm[default]['n']} turns per side)"
    )
    if "instructions" in results:
        instructions = results["instructions"]
        for what, counts, ratio in (
            ("cold start", instructions["cold_start"], instructions["ratio"]),
            ("warm turn", instructions["warm_turn"], instructions["warm_ratio"]),
        ):
            print(
                f"{what} instructions (callgrind): "
                + ", ".join(f"{name} {count:,}" for name, count in counts.items())
                + f"; ratio {_x(ratio)}"
            )
    store = results["store"]
    print(
        f"store calls over the whole recipe ({store['turn_count']} turns, "
        f"{store['sessions']} sessions): {store['reads']} reads, {store['writes']} writes; "
        f"reads per session {store['reads_per_session']}; {store['question_turn_writes']} "
        f"writes on {store['question_turns']} question turns, {store['move_turn_writes']} "
        f"on {store['move_turns']} other turns"
    )
    res = results["resolver"]
    print(
        f"resolver: {res['per_second']:.0f} utterances/s over {res['utterances']} dialog "
        f"utterances (tables built in {res['build_ms']:.0f} ms)"
    )
    for name, fig in results["web"].items():
        latency = fig["latency_ms"]
        print(
            f"web service, {name}: {fig['per_second']:.0f} requests/s "
            f"(p50 {latency['p50']:.2f} ms, p99 {latency['p99']:.2f} ms)"
        )
    mem = results["memory"]
    print(
        f"Lambda memory: peak RSS {mem['peak_rss_mib']} MiB; CPU-bound cold start at each size "
        f"(from {mem['cold_start_cpu_ms']:.0f} ms CPU to the first answer here):"
    )
    print(
        "  "
        + ", ".join(
            f"{e['memory_mb']} MB ~{e['cold_start_cpu_bound_ms']} ms" for e in mem["estimates"]
        )
    )
    print("\nbudgets (ratios to the floor measured in this run):")
    for budget in results["budgets"]:
        verdict = "PASS" if budget["pass"] else "FAIL"
        unit = "x" if budget["unit"] == "x" else f" {budget['unit']}"
        print(
            f"  {verdict}  {budget['name']}: {budget['value']:g}{unit} (limit {budget['limit']:g})"
        )
    print(f"\n({results['seconds']:.0f} s)")


def _x(ratio: float) -> str:
    return f"{ratio:.2f}x"


def _label(name: str, default: str) -> str:
    if name == "floor":
        return "floor"
    text = "skill, ships boto3" if name == "ship" else "skill, runtime boto3"
    return text + (" *" if name == default else "")


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        results = run(args)
    except (BenchError, FileNotFoundError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    import json

    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_report(results)
    print(f"figures written to {args.out}")
    failed = [b for b in results["budgets"] if not b["pass"]]
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
