"""The benchmark harness works: it measures, counts and reports. No timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import pick_python
from bench.artifact import RUNTIME_PROVIDED, artifact_size
from bench.lambda_bench import LambdaProcess, Side
from bench.report import pair_ratios, percentile, spread

ROOT = Path(__file__).resolve().parents[2]

ECHO_FUNCTION = """
import logging

log = logging.getLogger("cookalong.storage")


def handler(event, context):
    if event.get("read"):
        log.info("read", extra={"store": {"event": "store.read", "ok": True}})
    return {"version": "1.0", "echo": event["say"], "sessionAttributes": {"n": event.get("n", 0)}}
"""


def _run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}"}
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=600,
        check=False,
    )


# --- the figures' arithmetic -------------------------------------------------------------------


def test_percentiles_are_nearest_rank():
    # given a hundred turns of 1 ms to 100 ms, shuffled
    values = [float(v) for v in range(100, 0, -1)]
    # when the p50 and p99 are taken
    p50, p99 = percentile(values, 50), percentile(values, 99)
    # then they are turns that happened, not interpolations
    assert (p50, p99) == (50.0, 99.0)


def test_a_spread_reports_median_min_max_and_count():
    # given five cold starts
    runs = [510.0, 480.0, 900.0, 495.0, 505.0]
    # when summarised
    summary = spread(runs, 1)
    # then one slow outlier moves the maximum, not the median
    assert summary == {"median": 505.0, "min": 480.0, "max": 900.0, "n": 5}


def test_ratios_are_taken_pair_by_pair():
    # given a machine that slowed down half way through, for both sides alike
    skill, floor = [110.0, 220.0], [100.0, 200.0]
    # when the ratios are taken
    ratios = pair_ratios(skill, floor)
    # then each pair says 1.1, whatever the drift
    assert ratios == pytest.approx([1.1, 1.1])


def test_percentile_of_nothing_is_refused():
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


# --- the artifact's size ------------------------------------------------------------------------


def test_the_artifact_size_separates_the_runtime_provided_sdk(tmp_path: Path):
    # given an artifact with the skill, boto3 with its metadata, and botocore
    (tmp_path / "app.py").write_text("print('hi')\n" * 100)
    for package in ("boto3", "botocore", "cookalong"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("x = 1\n" * 2000)
    (tmp_path / "boto3-1.44.8.dist-info").mkdir()
    (tmp_path / "boto3-1.44.8.dist-info" / "RECORD").write_text("boto3/__init__.py\n")
    # when it is measured
    size = artifact_size(tmp_path)
    # then boto3 (with its dist-info) and botocore count as what the runtime provides
    assert size.runtime_provided.files == 3
    assert set(size.parts) == {"app", "boto3", "botocore", "cookalong"}
    assert size.total.files == 5
    # and the zip of these repetitive files is smaller than the files
    assert 0 < size.zip_bytes < size.total.bytes
    assert set(RUNTIME_PROVIDED) >= {"boto3", "botocore"}


def test_a_missing_artifact_is_named(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="make build"):
        artifact_size(tmp_path / "nowhere")


# --- one Lambda execution environment -------------------------------------------------------


def test_a_function_process_answers_counts_store_calls_and_reports_its_memory(tmp_path: Path):
    # given a function whose handler logs a store read when asked to
    (tmp_path / "echo.py").write_text(ECHO_FUNCTION)
    side = Side("echo", "echo", (tmp_path,), "echo.handler", {"PATH": os.environ["PATH"]})
    # when it is started and sent two requests
    process = LambdaProcess(pick_python(), side, tmp_path / "echo.log")
    try:
        first = process({"say": "hello", "read": True})
        second = process({"say": "again", "n": 2})
    finally:
        peak = process.close()
    # then each answer comes back, with the store calls made during its request only
    assert first["echo"] == "hello"
    assert second["sessionAttributes"] == {"n": 2}
    assert [i.store for i in process.invocations] == [["store.read"], []]
    # and the first answer carries the import time, and the process its own peak memory
    assert process.invocations[0].import_ms is not None
    assert process.invocations[1].import_ms is None
    assert process.first_reply_s is not None and process.first_reply_s > 0
    assert peak is not None and peak > 1024


# --- the command --------------------------------------------------------------------------------


def test_the_bench_without_an_artifact_says_how_to_get_one():
    # when make bench's command is run with no artifact
    result = _run_bench()
    # then it refuses, naming the options
    assert result.returncode == 2
    assert "--ship-boto3" in result.stderr


def test_the_bench_refuses_a_directory_that_is_not_an_artifact(tmp_path: Path):
    result = _run_bench("--ship-boto3", str(tmp_path), "--quick", "--out", str(tmp_path / "b.json"))
    assert result.returncode == 2
    assert "not a built artifact" in result.stderr
    assert not (tmp_path / "b.json").exists()


@pytest.fixture(scope="module")
def artifacts(lambda_artifact: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The deployable artifact as `sam build` makes it (the run's one build, shared with
    tests/ship), and the same without the runtime-provided SDK (linked, not rebuilt)."""
    ship = lambda_artifact
    runtime = tmp_path_factory.mktemp("artifact") / "runtime"
    runtime.mkdir()
    for entry in ship.iterdir():
        if entry.name.split("-")[0].lower() not in RUNTIME_PROVIDED:
            (runtime / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return ship, runtime


@pytest.mark.slow
def test_a_tiny_bench_run_writes_every_figure(artifacts: tuple[Path, Path], tmp_path: Path):
    # given both artifacts
    ship, runtime = artifacts
    out = tmp_path / "results" / "bench.json"
    # when a tiny bench run is made
    result = _run_bench(
        "--ship-boto3", str(ship), "--runtime-boto3", str(runtime), "--quick", "--out", str(out)
    )
    # then it succeeds and writes the figures
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text())
    machine = figures["machine"]
    assert machine["python_version"].startswith("3.13")
    assert machine["cpu"] and machine["uname"] and machine["date"]
    for side in ("floor", "ship", "runtime"):
        cold = figures["cold_start"][side]
        assert 0 < cold["wall_ms"]["min"] <= cold["wall_ms"]["median"] <= cold["wall_ms"]["max"]
        assert cold["wall_ms"]["n"] == 2
        assert 0 < cold["import_ms"]["median"] < cold["wall_ms"]["max"]
        assert figures["peak_rss"][side]["peak_rss_kib"]["median"] > 1024
    assert figures["cold_start"]["floor"]["launch_store_calls"] == []
    assert figures["cold_start"]["ship"]["launch_store_calls"] == ["store.read"]
    assert set(figures["cold_start"]["ratio"]) == {"ship", "runtime"}
    for side in ("floor", "ship"):
        warm = figures["warm_turn"][side]
        assert 0 < warm["p50_ms"] <= warm["p99_ms"]
        assert warm["n"] == 40
    assert figures["warm_turn"]["ratio"]["p50"] > 0
    sizes = figures["artifact"]
    assert 0 < sizes["runtime"]["du_bytes"] < sizes["ship"]["du_bytes"]
    assert sizes["ship"]["runtime_provided_sdk_du_bytes"] > 0
    assert sizes["runtime"]["runtime_provided_sdk_du_bytes"] == 0
    assert 0 < sizes["ship"]["zip_bytes"] < sizes["ship"]["bytes"]
    store = figures["store"]
    assert store["sessions"] == 2
    assert all(reads >= 1 for reads in store["reads_per_session"])
    assert store["move_turn_writes"] > 0
    assert any(turn["said"] == "let's make the aioli" for turn in store["turns"])
    assert figures["resolver"]["utterances"] > 10 and figures["resolver"]["per_second"] > 0
    for mode in ("unverified", "verified"):
        assert figures["web"][mode]["requests"] == 20
        assert figures["web"][mode]["per_second"] > 0
    assert [e["memory_mb"] for e in figures["memory"]["estimates"]][:2] == [128, 256]
    names = [budget["name"] for budget in figures["budgets"]]
    assert names[:4] == ["cold start", "warm turn p50", "warm turn p99", "peak RSS"]
    # and the printed table gives a verdict for every budget
    verdicts = [line for line in result.stdout.splitlines() if line.strip()[:4] in ("PASS", "FAIL")]
    assert len(verdicts) == len(figures["budgets"])
