"""The built function's import graph: a cold start loads what its first request needs, no more.

Not a timing (those are in ``make bench``): what a cold start builds and imports, seen from
inside the function's own process. Importing ``app`` must build the one DynamoDB client the
skill uses and nothing else from boto3, and must not import ``requests`` or any Alexa service
client, nor boto3's S3 transfer manager (s3transfer); the Alexa clients load when a request
first calls an Alexa API (a timer).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.ship.lambda_runtime import load_event, run_in_lambda_python, with_api_endpoint
from tools.timer_api import TimerApi

# Counts the boto3 clients and resources made, then imports the function and answers one
# event per line of standard input, printing after the import and after each event what is
# loaded.
_PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import boto3.session, botocore.session

made = []
_client = botocore.session.Session.create_client
_resource = boto3.session.Session.resource


def create_client(self, service_name, *args, **kwargs):
    made.append(["client", service_name])
    return _client(self, service_name, *args, **kwargs)


def resource(self, service_name, *args, **kwargs):
    made.append(["resource", service_name])
    return _resource(self, service_name, *args, **kwargs)


botocore.session.Session.create_client = create_client
boto3.session.Session.resource = resource
#: What a new cook's launch does not need: loaded with the first request that does.
DEFERRED = ("cookalong.kitchen.densities", "cookalong.recipe.slots")
BASE = {"api_client", "api_client_message", "api_client_request", "api_client_response",
        "api_configuration", "serializer"}


def loaded(answer=None):
    services = sorted(
        name.split(".")[2] for name in sys.modules
        if name.startswith("ask_sdk_model.services.") and name.split(".")[2] not in BASE
    )
    print(json.dumps({
        "made": list(made),
        "requests": "requests" in sys.modules,
        "sdk_api_client": "ask_sdk_core.api_client" in sys.modules,
        "service_modules": sorted(set(services)),
        "deferred": [name for name in DEFERRED if name in sys.modules],
        "language_packs": sorted(
            name.split(".")[3] for name in sys.modules
            if name.startswith("cookalong.speech.lang.") and name.count(".") == 3
        ),
        "speech": answer and json.dumps(answer.get("response", {}).get("outputSpeech")),
    }), flush=True)


import app
loaded()
attributes = {}
for line in sys.stdin:  # one session: attributes carried from each answer, as Alexa does
    event = json.loads(line)
    event["session"]["attributes"] = attributes
    answer = app.lambda_handler(event, None)
    attributes = answer.get("sessionAttributes") or {}
    loaded(answer)
"""


def _loaded(artifact: Path, environ: dict[str, str], events: list[dict]) -> list[dict[str, Any]]:
    stdin = "".join(json.dumps(event) + "\n" for event in events)
    out = run_in_lambda_python(_PROBE, [str(artifact)], environ, stdin)
    return [json.loads(line) for line in out.splitlines()]


def _session(names: list[str], api: str) -> list[dict]:
    return [with_api_endpoint(load_event(name), api) for name in names]


def test_a_cold_start_builds_one_dynamodb_client_and_no_alexa_service_client(
    artifact: Path, function_env: dict[str, str], timer_api: TimerApi
):
    # given the built function, a table, and a cook who will grant the timers permission
    timer_api.grant(load_event("permission_accepted")["context"]["System"]["apiAccessToken"])
    # when it is imported, launched, started, asked for a timer, and Alexa reports the yes
    names = ["launch", "start_cooking", "set_timer", "permission_accepted"]
    after_import, after_launch, _, _, after_timer = _loaded(
        artifact, function_env, _session(names, timer_api.url)
    )
    # then the import built the one DynamoDB client and nothing else from boto3
    assert after_import["made"] == [["client", "dynamodb"]]
    # and loaded neither requests nor any Alexa service client
    assert after_import["requests"] is False
    assert after_import["sdk_api_client"] is False
    assert after_import["service_modules"] == []
    # and the launch (which read the store) reused that client and needed no Alexa API
    assert after_launch["speech"]
    assert after_launch["made"] == [["client", "dynamodb"]]
    assert after_launch["requests"] is False
    assert after_launch["service_modules"] == []
    # and the timer request loaded the timer client and requests when it needed them
    assert len(timer_api.timers) == 1
    assert after_timer["made"] == [["client", "dynamodb"]]
    assert after_timer["requests"] is True
    assert "timer_management" in after_timer["service_modules"]


def test_a_language_pack_and_the_tables_load_with_the_first_request_that_needs_them(
    artifact: Path, function_env: dict[str, str]
):
    # given the built function, and a German launch after an English one (another cook)
    german = load_event("launch")
    german["request"]["locale"] = "de-DE"
    german["session"]["user"]["userId"] += "-de"
    german["context"]["System"]["user"]["userId"] += "-de"
    # when it is imported and answers both
    after_import, after_english, after_german = _loaded(
        artifact, function_env, [load_event("launch"), german]
    )
    # then the import loaded only the English pack (the kitchen's own words are English)
    assert after_import["language_packs"] == ["en"]
    # and the English launch no other, nor the density table or the slot values
    assert after_english["speech"]
    assert after_english["language_packs"] == ["en"]
    assert after_import["deferred"] == after_english["deferred"] == []
    # and the German one, answered in German, loaded the German pack
    assert "Willkommen" in after_german["speech"]
    assert after_german["language_packs"] == ["de", "en"]


# Imports the function as Lambda does (nothing imported before it) and answers one launch.
_CLEAN = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import app

answer = app.lambda_handler(json.loads(sys.stdin.read()), None)
print(json.dumps({
    "packages": sorted({name.split(".")[0] for name in sys.modules}),
    "models": sorted(name for name in sys.modules if name.startswith("ask_sdk_model.")),
    "speech": answer["response"]["outputSpeech"]["ssml"],
}))
"""


def test_a_cold_start_loads_no_s3_transfer_machinery_and_only_the_models_it_uses(
    artifact: Path, function_env: dict[str, str]
):
    # given the built function and a table
    # when it is imported and launched, as a new Lambda container does
    launch = json.dumps(load_event("launch"))
    out = json.loads(run_in_lambda_python(_CLEAN, [str(artifact)], function_env, launch))
    # then the cook was greeted, and neither s3transfer nor what it pulls in was imported
    assert "<speak>" in out["speech"]
    assert "boto3" in out["packages"]
    assert not {"s3transfer", "multiprocessing"} & set(out["packages"])
    # and of the SDK's models only what the launch used (no display templates, no reminders)
    assert "ask_sdk_model.request_envelope" in out["models"]
    assert "ask_sdk_model.interfaces.display.body_template1" not in out["models"]
    assert not any(name.startswith("ask_sdk_model.services.reminder") for name in out["models"])


_RESTORE = r"""
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import app
import snapshot_restore_py as runtime

german_at_import = "cookalong.speech.lang.de" in sys.modules
for hook in runtime.before_snapshot:
    hook()
german_in_snapshot = "cookalong.speech.lang.de" in sys.modules
before = app._store.inner.client
for hook in runtime.after_restore:
    hook()
answer = app.lambda_handler(json.loads(sys.stdin.read()), None)
print(json.dumps({
    "german": [german_at_import, german_in_snapshot],
    "hooks": [len(runtime.before_snapshot), len(runtime.after_restore)],
    "new_client": app._store.inner.client is not before,
    "speech": answer["response"]["outputSpeech"]["ssml"],
}))
"""


def test_a_snapstart_snapshot_holds_every_locale_and_a_restore_answers_on_a_new_client(
    artifact: Path, function_env: dict[str, str], tmp_path: Path
):
    # given the Lambda runtime's SnapStart hooks module (here a stand-in that keeps the hooks)
    (tmp_path / "snapshot_restore_py.py").write_text(
        "before_snapshot, after_restore = [], []\n"
        "def register_before_snapshot(hook, *args, **kwargs):\n"
        "    before_snapshot.append(hook)\n"
        "    return hook\n"
        "def register_after_restore(hook, *args, **kwargs):\n"
        "    after_restore.append(hook)\n"
        "    return hook\n",
        encoding="utf-8",
    )
    # when the initialised function is restored and then launched
    out = run_in_lambda_python(
        _RESTORE, [str(artifact), str(tmp_path)], function_env, json.dumps(load_event("launch"))
    )
    restored = json.loads(out)
    # then the snapshot held every locale's words (a plain cold start loads only English)
    assert restored["hooks"] == [1, 1]
    assert restored["german"] == [False, True]
    # and the restore hook made a new DynamoDB client, and the launch is answered through it
    assert restored["new_client"] is True
    assert "<speak>" in restored["speech"]
