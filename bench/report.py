"""Summaries, budgets, the printed table and the machine description of a bench run."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

#: Ratios to the floor measured in the same run (the project's performance budgets; issue 13
#: set the cold start, in wall time and in callgrind instructions, at 0.7 and the warm turn at 1.0).
COLD_START_BUDGET = 0.7
WARM_TURN_BUDGET = 1.0
PEAK_RSS_BUDGET = 1.15


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (0 < q <= 100) of ``values``.

    Examples
    --------
    >>> percentile([5, 1, 4, 2, 3], 50)
    3
    >>> percentile(list(range(1, 101)), 99)
    99
    """
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def spread(values: Sequence[float], digits: int = 3) -> dict[str, Any]:
    """Median, minimum, maximum and count of ``values``, rounded to ``digits`` decimals."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "n": len(values),
    }


def pair_ratios(numerators: Sequence[float], denominators: Sequence[float]) -> list[float]:
    """``a / b`` for each interleaved pair of runs (robust to the machine drifting)."""
    return [a / b for a, b in zip(numerators, denominators, strict=False) if b > 0]


@dataclass
class Budget:
    """One line of the verdict: a measured value against its limit."""

    name: str
    value: float
    limit: float
    unit: str = "x"

    @property
    def passed(self) -> bool:
        return self.value <= self.limit

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": round(self.value, 3),
            "limit": self.limit,
            "unit": self.unit,
            "pass": self.passed,
        }


def machine(child_python: str) -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    version = subprocess.run(
        [child_python, "-I", "-S", "-c", "import sys; print(sys.version)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {
        "uname": " ".join(platform.uname()),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": child_python,
        "python_version": version,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def table(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as aligned text columns (first column left, the others right)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def mib(kib_or_bytes: float, *, from_bytes: bool = False) -> str:
    value = kib_or_bytes / (1024 * 1024 if from_bytes else 1024)
    return f"{value:.1f} MiB"
