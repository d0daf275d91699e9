"""The artifact's compiled regular expressions (``regex-cache.marshal``, tools/regex_cache.py).

Not timings (``make bench`` has those): that every shipped pattern is exactly what Python would
compile, that a cold start of the built function compiles no pattern itself, and that a cache
written for another interpreter is ignored.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.ship.lambda_runtime import load_event, run_in_lambda_python

# Counts the patterns Python compiles itself (not taken from the cache) while the function is
# imported and answers one session, and what the session heard.
_COLD_START = r"""
import json, re, sys
sys.path.insert(0, sys.argv[1])
from re import _compiler

compiled = []
_compile = _compiler.compile


def counting(pattern, flags=0):
    compiled.append(repr(pattern)[:80])
    return _compile(pattern, flags)


_compiler.compile = counting
import app

attributes, speech = {}, []
for line in sys.stdin:
    event = json.loads(line)
    event["session"]["attributes"] = attributes
    answer = app.lambda_handler(event, None)
    attributes = answer.get("sessionAttributes") or {}
    speech.append(answer["response"]["outputSpeech"]["ssml"])
print(json.dumps({"compiled": compiled, "cached": len(re._cache), "speech": speech}))
"""

# Every entry of the cache against a fresh compilation in the artifact's interpreter.
_EQUAL = r"""
import json, marshal, re, sys
sys.path.insert(0, sys.argv[1])
from re import _compiler
from cookalong.compat import regex_cache

with open(regex_cache.CACHE_FILE, "rb") as stream:
    written, entries = marshal.loads(stream.read())
installed = regex_cache.install()
different = []
for pattern, flags, *_ in entries:
    cached = re._cache[type(pattern), pattern, flags]
    fresh = _compiler.compile(pattern, flags)
    if cached != fresh or cached.groupindex != fresh.groupindex or cached.groups != fresh.groups:
        different.append(repr(pattern)[:80])
print(json.dumps({
    "header_matches": written == regex_cache.header(),
    "entries": len(entries),
    "installed": installed,
    "different": different,
}))
"""

# A cache whose header names another interpreter is not used.
_FOREIGN = r"""
import json, marshal, re, sys
sys.path.insert(0, sys.argv[1])
from cookalong.compat import regex_cache

with open(regex_cache.CACHE_FILE, "rb") as stream:
    written, entries = marshal.loads(stream.read())
foreign = sys.argv[2]
with open(foreign, "wb") as stream:
    stream.write(marshal.dumps(((1, "cpython-399", 0, 4), entries)))
before = len(re._cache)
print(json.dumps({"installed": regex_cache.install(foreign), "grew": len(re._cache) - before}))
"""


def _run(script: str, args: list[str], environ: dict[str, str], stdin: str = "") -> dict:
    return json.loads(run_in_lambda_python(script, args, environ, stdin).splitlines()[-1])


def test_every_shipped_pattern_is_what_python_compiles(artifact: Path):
    # given the built function's regex cache
    # when each entry is installed and compared with the pattern compiled afresh
    report = _run(_EQUAL, [str(artifact)], {})
    # then the cache was written for this interpreter and every pattern is identical
    assert report["header_matches"] is True
    assert report["entries"] > 100
    assert report["installed"] == report["entries"]
    assert report["different"] == []


def test_a_cold_start_compiles_no_pattern_itself(artifact: Path, function_env: dict[str, str]):
    # given the built function on a table, and a cook's first turns
    names = ["launch", "how_much_maple_syrup", "start_cooking", "next", "temperature"]
    stdin = "".join(json.dumps(load_event(name)) + "\n" for name in names)
    # when it cold-starts and answers them
    report = _run(_COLD_START, [str(artifact)], function_env, stdin)
    # then every pattern came from the shipped cache, and the cook was answered as usual
    assert report["compiled"] == []
    assert report["cached"] > 100
    assert "maple syrup" in report["speech"][1]
    assert all("<speak>" in said for said in report["speech"])


def test_a_cache_written_by_another_python_is_ignored(artifact: Path, tmp_path: Path):
    # given the cache's patterns under the header of another interpreter
    # when it is installed
    report = _run(_FOREIGN, [str(artifact), str(tmp_path / "foreign.marshal")], {})
    # then nothing is taken from it: patterns compile as usual
    assert report == {"installed": 0, "grew": 0}


def test_no_cache_or_an_unreadable_one_changes_nothing(tmp_path: Path):
    # given no cache file, and one that is not a cache
    from cookalong.compat import regex_cache

    garbage = tmp_path / "regex-cache.marshal"
    garbage.write_bytes(b"not marshal data")
    # when either is installed, then no pattern is taken from it
    assert regex_cache.install(str(tmp_path / "missing.marshal")) == 0
    assert regex_cache.install(str(garbage)) == 0
