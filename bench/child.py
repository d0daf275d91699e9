"""One Lambda execution environment, as ``make bench`` runs it: a new process per cold start.

Run by the Lambda runtime's interpreter (CPython 3.13) with ``-I -S -B``: no site-packages, no
PYTHONPATH, no bytecode written (``/var/task`` is read-only on Lambda). Only the standard
library may be imported here before the handler: the code under test comes from the directories
named on the command line, first one first, as ``/var/task`` comes before the runtime's own
packages on Lambda::

    python3.13 -I -S -B bench/child.py REPLY_FD HANDLER DIR [DIR ...]

``HANDLER`` is ``module.function`` (``app.lambda_handler``). The module is imported at once
(the cold start); then each line on standard input is one request envelope (JSON), answered
by one line on the file descriptor ``REPLY_FD``::

    {"ms": <handler time>, "cpu_ms": <process CPU so far>, "import_ms": <first line only>,
     "store": [...], "response": {...}}

``ms`` covers what the runtime does per invocation: decode the event, call the handler, encode
the response. ``store`` lists the store calls the skill logged during the invocation (the
``store`` field of the records of ``cookalong.storage``'s metered adapter), e.g.
``["store.read"]``. Like the Lambda runtime, a root log handler writes every record to standard
error, at the level ``AWS_LAMBDA_LOG_LEVEL`` (default INFO, the template's
``ApplicationLogLevel``). When standard input closes, a last line
``{"exit": true, "peak_rss_kb": ...}`` gives the process's peak resident memory (see
:func:`_peak_rss_kb`), and the process exits.
"""

import sys
import time

_STARTED = time.perf_counter()

import importlib  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402


class _StoreCalls(logging.Handler):
    """Collects the ``store`` fields that cookalong's metered adapter attaches to its records."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.calls: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        fields = getattr(record, "store", None)
        if isinstance(fields, dict):
            event = str(fields.get("event"))
            self.calls.append(event if fields.get("ok", True) else event + ".failed")


class _Context:
    """The parts of the Lambda context object a handler may look at."""

    function_name = "bench-skill"
    memory_limit_in_mb = 512
    aws_request_id = "00000000-0000-4000-8000-000000000000"

    def get_remaining_time_in_millis(self) -> int:
        return 8000


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print("usage: child.py REPLY_FD module.function DIR [DIR ...]", file=sys.stderr)
        return 2
    reply = os.fdopen(int(argv[0]), "w", encoding="utf-8")
    module_name, _, function_name = argv[1].rpartition(".")
    for directory in reversed(argv[2:]):
        sys.path.insert(0, directory)

    root = logging.getLogger()
    root.setLevel(os.environ.get("AWS_LAMBDA_LOG_LEVEL") or "INFO")
    runtime_log = logging.StreamHandler(sys.stderr)
    runtime_log.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(runtime_log)
    store_calls = _StoreCalls()
    root.addHandler(store_calls)

    handler = getattr(importlib.import_module(module_name), function_name)
    import_ms = (time.perf_counter() - _STARTED) * 1000
    context = _Context()

    for line in sys.stdin:
        if not line.strip():
            continue
        store_calls.calls.clear()
        started = time.perf_counter()
        try:
            answer = json.dumps(handler(json.loads(line), context))
        except Exception as error:  # what Lambda reports for an unhandled exception
            answer = json.dumps({"errorType": type(error).__name__, "errorMessage": str(error)})
        ms = (time.perf_counter() - started) * 1000
        meta = {"ms": ms, "cpu_ms": time.process_time() * 1000, "store": list(store_calls.calls)}
        if import_ms is not None:
            meta["import_ms"] = import_ms
            import_ms = None
        reply.write(json.dumps(meta)[:-1] + ', "response": ' + answer + "}\n")
        reply.flush()
    reply.write(json.dumps({"exit": True, "peak_rss_kb": _peak_rss_kb()}) + "\n")
    reply.flush()
    return 0


def _peak_rss_kb() -> int | None:
    """This process's own peak resident set (``VmHWM``), in KiB.

    Not ``ru_maxrss``: Linux carries the parent's high-water mark across fork and exec into
    the child's ``ru_maxrss``, so a child of a large harness would report the harness's size.
    ``VmHWM`` belongs to the address space made at exec: the function's own peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
