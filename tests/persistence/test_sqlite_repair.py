"""The sqlite store repairs or quarantines what it cannot read, and reads when it cannot write.

Real files, real faults: a row holding bad JSON, a file that is not a database, a directory
that cannot be written (a read-only bind mount when the tests run as root, who ignores file
modes; ``chmod`` otherwise) and a disk that takes no more bytes (``RLIMIT_FSIZE`` in a child
process).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cookalong.alexa.skill import build_skill
from cookalong.storage import adapter_from_env
from tests.persistence.kit import Cook, intent, launch, speech

ROOT = Path(__file__).resolve().parents[2]


def real_skill(path: Path):
    adapter = adapter_from_env({"COOKALONG_STATE_DB": str(path)})
    return adapter, build_skill(persistence_adapter=adapter)


def saved_step(path: Path, user: str) -> int | None:
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT attributes FROM attributes WHERE id = ?", (user,)).fetchone()
    db.close()
    return place(json.loads(row[0])["state"]) if row else None


def place(state: dict) -> int:
    """The step the cook is on in the recipe in front (a saved state, schema version 2)."""
    progress = state["recipes"][state["recipe"]]
    return progress["at"][progress["front"]]


def test_a_row_with_bad_json_is_quarantined_and_the_cook_starts_afresh(tmp_path):
    # given a cook whose saved row holds bad JSON
    path = tmp_path / "state.sqlite3"
    adapter, skill = real_skill(path)
    cook = Cook(skill)
    cook.turn(launch())
    cook.say("StartCookingIntent")
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE attributes SET attributes = '{\"state\": [1,' WHERE id = ?", (cook.user,)
        )
    db.close()

    # when they come back in a new session and start
    cook.attributes = None
    welcome = speech(cook.turn(launch()))
    started = speech(cook.turn(intent("StartCookingIntent")))

    # then they were answered as a new cook, the row now holds their new place, and the bad
    # row is kept in the quarantine table and counted in the store's health
    assert "Welcome back" not in welcome
    assert "Step 1 of 7" in started
    assert saved_step(path, cook.user) == 1
    with sqlite3.connect(path) as db:
        kept = db.execute("SELECT id, attributes FROM quarantine").fetchall()
    db.close()
    assert kept == [(cook.user, '{"state": [1,')]
    assert adapter.health()["quarantined_rows"] == 1


def test_a_corrupt_file_is_moved_aside_and_saving_works_again(tmp_path):
    # given a state file that is not a database
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list " * 200)
    adapter, skill = real_skill(path)
    cook = Cook(skill)

    # when a cook opens the skill and starts
    cook.turn(launch())
    started = speech(cook.turn(intent("StartCookingIntent")))

    # then they were served, their place is saved in a new file, and the old one is kept aside
    assert "Step 1 of 7" in started
    assert saved_step(path, cook.user) == 1
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")
    assert adapter.health()["moved_aside"] == [aside[0].name]


_CHILD = """
import json, os, resource, signal, sys
if sys.argv[2] == "full":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.RLIM_INFINITY))
from cookalong.storage import adapter_from_env
from tests.persistence.kit import envelope, intent, request_event

adapter = adapter_from_env({"COOKALONG_STATE_DB": sys.argv[1]})
cook = envelope(request_event(intent("AMAZON.NextIntent"), user=sys.argv[3]))
read = adapter.get_attributes(cook)
try:
    adapter.save_attributes(cook, {"state": {"v": 1, "step": 9}})
    saved = "saved"
except Exception as error:
    saved = type(error).__name__
print(json.dumps({"read": read, "saved": saved, "health": adapter.health()}))
"""


def in_child(path: Path, fault: str, user: str) -> dict:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}:{ROOT}", "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", _CHILD, str(path), fault, user],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def a_saved_place(directory: Path) -> tuple[Path, str]:
    path = directory / "state.sqlite3"
    _, skill = real_skill(path)
    cook = Cook(skill)
    cook.turn(launch())
    cook.say("StartCookingIntent")
    cook.say("AMAZON.NextIntent")
    return path, cook.user


@pytest.fixture
def read_only_directory() -> Iterator[Path]:
    """A directory whose files this process can read but not write or create."""
    work = Path(tempfile.mkdtemp(prefix="cookalong-ro-"))
    data = work / "data"
    data.mkdir()
    yield data
    if os.geteuid() == 0:
        subprocess.run(["umount", str(data)], check=False, capture_output=True)
    data.chmod(0o755)
    subprocess.run(["rm", "-rf", str(work)], check=False)


def make_read_only(directory: Path) -> None:
    if os.geteuid() != 0:
        directory.chmod(0o555)
        return
    bind = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(directory), str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    if bind.returncode != 0:
        pytest.skip(f"root ignores file modes and a read-only mount failed: {bind.stderr}")


def test_a_read_only_directory_still_reads_the_saved_place(read_only_directory):
    # given a cook saved on step 2, and then a directory that cannot be written any more
    path, user = a_saved_place(read_only_directory)
    make_read_only(read_only_directory)

    # when a new process reads their place and tries to save
    report = in_child(path, "read-only", user)

    # then the place was read, the save failed cleanly, and the store reports it cannot write
    assert place(report["read"]["state"]) == 2
    assert report["saved"] == "PersistenceException"
    assert report["health"]["writable"] is False
    assert report["health"]["ok"] is False


def test_a_full_disk_still_reads_the_saved_place(tmp_path):
    # given a cook saved on step 2, and then a disk that takes no more bytes
    path, user = a_saved_place(tmp_path)

    # when a new process reads their place and tries to save
    report = in_child(path, "full", user)

    # then the place was read and the save failed cleanly
    assert place(report["read"]["state"]) == 2
    assert report["saved"] == "PersistenceException"
    assert saved_step(path, user) == 2
