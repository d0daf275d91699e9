"""The embedded sqlite store: what `make chat` and `make serve` use without a DynamoDB table."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import PersistenceException

from cookalong.storage import (
    MeteredAdapter,
    SqliteAdapter,
    StorageConfigError,
    adapter_from_env,
    state_db_path,
)
from tests.persistence.kit import envelope, intent, request_event

DAY = 86400
ROOT = Path(__file__).resolve().parents[2]


def _for(user: str):
    return envelope(request_event(intent("NextIntent"), user=user))


def test_a_saved_state_reads_back_equal(tmp_path):
    # given a store in a directory that does not exist yet
    store = SqliteAdapter(tmp_path / "deep" / "state.sqlite3", ttl_seconds=DAY)
    state = {"state": {"v": 1, "step": 3, "scale": 1.5, "servings": "8", "done": ["aioli"]}}

    # when one cook saves and both cooks read
    store.save_attributes(_for("cook-1"), state)

    # then the cook gets it back as saved, another cook gets nothing
    assert store.get_attributes(_for("cook-1")) == state
    assert store.get_attributes(_for("cook-2")) == {}


def test_nothing_is_created_until_first_use(tmp_path):
    # given
    path = tmp_path / "cookalong" / "state.sqlite3"

    # when the adapter is built (at start-up)
    store = SqliteAdapter(path, ttl_seconds=DAY)

    # then no file yet; the first read creates it
    assert not path.parent.exists()
    assert store.get_attributes(_for("cook")) == {}
    assert path.exists()


def test_a_state_expires_after_its_ttl(tmp_path):
    # given a clock we control and a one-day lifetime
    now = [1_700_000_000.0]
    store = SqliteAdapter(tmp_path / "s.sqlite3", ttl_seconds=DAY, clock=lambda: now[0])
    store.save_attributes(_for("cook"), {"state": {"v": 1, "step": 2}})

    # when almost a day passes, then more than a day
    now[0] += DAY - 1
    before = store.get_attributes(_for("cook"))
    now[0] += 2
    after = store.get_attributes(_for("cook"))

    # then the state is there, then it is gone
    assert before == {"state": {"v": 1, "step": 2}}
    assert after == {}


def test_each_save_pushes_the_expiry_out(tmp_path):
    # given
    now = [1_700_000_000.0]
    path = tmp_path / "s.sqlite3"
    store = SqliteAdapter(path, ttl_seconds=DAY, clock=lambda: now[0])
    store.save_attributes(_for("cook"), {"state": {"v": 1, "step": 1}})

    # when the cook saves again half a day later
    now[0] += DAY / 2
    store.save_attributes(_for("cook"), {"state": {"v": 1, "step": 2}})

    # then the row expires a full day after the second save
    with sqlite3.connect(path) as db:
        (expires_at,) = db.execute("SELECT expires_at FROM attributes").fetchone()
    db.close()
    assert expires_at == int(now[0]) + DAY


def test_concurrent_cooks_and_concurrent_turns_of_one_cook(tmp_path):
    # given one store shared by 8 threads (the web service's request threads)
    store = SqliteAdapter(tmp_path / "s.sqlite3", ttl_seconds=DAY)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def cook(n: int) -> None:
        try:
            start.wait()
            for step in range(1, 31):
                store.save_attributes(_for(f"cook-{n}"), {"state": {"v": 1, "step": step}})
                store.save_attributes(_for("shared"), {"state": {"v": 1, "by": n, "step": step}})
                seen = store.get_attributes(_for("shared"))["state"]
                assert seen["v"] == 1
                assert 1 <= seen["step"] <= 30
        except BaseException as error:  # collected and re-raised in the test thread
            errors.append(error)

    # when they all save and read at once
    threads = [threading.Thread(target=cook, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then nothing failed, every cook kept their own place, and the shared cook's state is
    # one whole write (the last one of some thread), not a mixture
    assert errors == []
    for n in range(8):
        assert store.get_attributes(_for(f"cook-{n}")) == {"state": {"v": 1, "step": 30}}
    shared = store.get_attributes(_for("shared"))["state"]
    assert shared["step"] == 30
    assert shared["by"] in range(8)


def test_an_unwritable_place_gives_a_clear_error(tmp_path):
    # given a "directory" that is a file
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    store = SqliteAdapter(blocker / "state.sqlite3", ttl_seconds=DAY)

    # when / then
    with pytest.raises(PersistenceException, match="COOKALONG_STATE_DB"):
        store.save_attributes(_for("cook"), {"state": {"v": 1}})


def test_a_state_that_is_not_json_is_refused(tmp_path):
    store = SqliteAdapter(tmp_path / "s.sqlite3", ttl_seconds=DAY)
    with pytest.raises(PersistenceException, match="JSON"):
        store.save_attributes(_for("cook"), {"state": {"v": 1, "oven": float("inf")}})


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"COOKALONG_STATE_DB": "/x/y.db", "XDG_STATE_HOME": "/xdg"}, "/x/y.db"),
        ({"XDG_STATE_HOME": "/xdg", "HOME": "/home/c"}, "/xdg/cookalong/state.sqlite3"),
        (
            {"XDG_STATE_HOME": "rel", "HOME": "/home/c"},
            "/home/c/.local/state/cookalong/state.sqlite3",
        ),
        ({"HOME": "/home/c"}, "/home/c/.local/state/cookalong/state.sqlite3"),
    ],
)
def test_where_the_local_state_lives(environ, expected):
    assert state_db_path(environ) == Path(expected)


def test_without_a_table_the_sqlite_store_is_chosen(tmp_path):
    # given an environment without TABLE_NAME
    environ = {"COOKALONG_STATE_DB": str(tmp_path / "chat.sqlite3")}

    # when
    adapter = adapter_from_env(environ)

    # then
    assert isinstance(adapter, MeteredAdapter)
    assert isinstance(adapter.inner, SqliteAdapter)
    assert adapter.inner.path == tmp_path / "chat.sqlite3"


def test_the_sqlite_path_does_not_import_boto3(tmp_path):
    # given a fresh interpreter (boto3 may already be imported in this one)
    code = (
        "import sys; from cookalong.storage import adapter_from_env; "
        "import cookalong.alexa.persistence; "
        f"adapter_from_env({{'COOKALONG_STATE_DB': {str(tmp_path / 'x.db')!r}}}); "
        "print('boto3' in sys.modules, 'botocore' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"}

    # when
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], env=env, capture_output=True, text=True
    )

    # then
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("days", ["0", "-3", "soon", "99999"])
def test_a_nonsense_lifetime_is_refused_at_start_up(tmp_path, days):
    with pytest.raises(StorageConfigError, match="STATE_TTL_DAYS"):
        adapter_from_env({"COOKALONG_STATE_DB": str(tmp_path / "x"), "STATE_TTL_DAYS": days})


def test_the_lifetime_can_be_set_in_days(tmp_path):
    adapter = adapter_from_env({"COOKALONG_STATE_DB": str(tmp_path / "x"), "STATE_TTL_DAYS": "2"})
    assert adapter.inner.ttl_seconds == 2 * DAY


def test_saved_rows_are_plain_json(tmp_path):
    # given
    path = tmp_path / "s.sqlite3"
    SqliteAdapter(path, ttl_seconds=DAY).save_attributes(_for("cook"), {"state": {"v": 1}})

    # then anyone can inspect the file
    with sqlite3.connect(path) as db:
        (text,) = db.execute("SELECT attributes FROM attributes").fetchone()
    db.close()
    assert json.loads(text) == {"state": {"v": 1}}
