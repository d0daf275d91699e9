"""Shared helpers for the importer tests: the saved pages and one import of each, cached."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tools.importer.__main__ import import_page
from tools.importer.build import Report
from tools.importer.read import Page

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
URLS: dict[str, str | None] = {
    row["page"]: row["url"]
    for row in json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))
}


def fixture(page: str) -> Path:
    return FIXTURES / page


@functools.cache
def imported(page: str) -> tuple[dict[str, Any], Page, Report]:
    """A fixture page read and enriched, with its original address (nothing written)."""
    return import_page(str(fixture(page)), URLS[page])


def ingredients(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for c in data["components"] for i in c["ingredients"]]


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for c in data["components"] for s in c["steps"]]


def by_text(data: dict[str, Any], text: str) -> dict[str, Any]:
    found = [i for i in ingredients(data) if i["text"] == text]
    assert len(found) == 1, (text, [i["text"] for i in ingredients(data)])
    return found[0]


def step_saying(data: dict[str, Any], words: str) -> dict[str, Any]:
    found = [s for s in steps(data) if words in s["text"]]
    assert len(found) == 1, words
    return found[0]


_ENV = os.environ | {"PYTHONPATH": f"{REPO / 'lambda'}{os.pathsep}{REPO}"}
_COMMAND = [sys.executable, "-W", "error", "-m", "tools.importer"]


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command, ``python -m tools.importer``, as make import runs it."""
    return subprocess.run(
        [*_COMMAND, *args], cwd=REPO, env=_ENV, capture_output=True, text=True, timeout=120
    )


def start_import(*args: str) -> subprocess.Popen[str]:
    """The real command, started (several run side by side)."""
    return subprocess.Popen(
        [*_COMMAND, *args],
        cwd=REPO,
        env=_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
