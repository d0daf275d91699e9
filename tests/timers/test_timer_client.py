"""The skill's Timer API client (ask-sdk's service client) against the local Timer API server.

Real HTTPS requests through ask-sdk-core's DefaultApiClient (with our timeouts) to
:class:`tools.timer_api.TimerApi`; nothing is mocked. Each test's server clock stands still
until the test moves it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.services import ApiConfiguration
from ask_sdk_model.services.service_client_factory import ServiceClientFactory

from cookalong.alexa.api_client import TimedApiClient
from cookalong.alexa.timers import TimerApiError, TimerService, iso_duration
from tests.timers.conftest import START
from tools.dynalite import free_port
from tools.models import ROOT
from tools.timer_api import DEFAULT_TOKEN, TimerApi

TWO_HOURS = timedelta(hours=2)


def service(
    api: TimerApi | str, *, token: str = DEFAULT_TOKEN, read_timeout: float = 2.5
) -> TimerService:
    """The service a request of the skill would get, pointed at ``api`` (or a URL)."""
    configuration = ApiConfiguration(
        serializer=DefaultSerializer(),
        api_client=TimedApiClient(read_timeout=read_timeout),
        authorization_value=token,
        api_endpoint=api if isinstance(api, str) else api.url,
    )
    client = ServiceClientFactory(configuration).get_timer_management_service()
    now = START if isinstance(api, str) else api.now()
    return TimerService(client, "en-GB", now)


def test_a_timer_is_created_labelled_announcing_the_next_action(timer_api: TimerApi) -> None:
    # when the skill sets the bake timer
    timer_id = service(timer_api).create(
        TWO_HOURS, "Pork belly bake", "The bake is done: turn the oven up to grill."
    )
    # then Alexa holds a two-hour timer with that label, shown on screens, announced in en-GB
    (timer,) = timer_api.timers
    assert timer["id"] == timer_id and timer["status"] == "ON"
    assert timer["duration"] == "PT2H" and timer["timerLabel"] == "Pork belly bake"
    (call,) = timer_api.calls
    assert (call.method, call.path, call.token) == ("POST", "/v1/alerts/timers", DEFAULT_TOKEN)
    assert call.body["creationBehavior"] == {"displayExperience": {"visibility": "VISIBLE"}}
    trigger = call.body["triggeringBehavior"]
    assert trigger["operation"] == {
        "type": "ANNOUNCE",
        "textToAnnounce": [
            {"locale": "en-GB", "text": "The bake is done: turn the oven up to grill."}
        ],
    }
    assert trigger["notificationConfig"] == {"playAudible": True}


def test_the_time_left_follows_the_clock(timer_api: TimerApi) -> None:
    timer_id = service(timer_api).create(TWO_HOURS, "bake", "done")
    # when 47 minutes pass and the skill reads the timer in a later request
    timer_api.advance(timedelta(minutes=47))
    reading = service(timer_api).read(timer_id)
    # then an hour and 13 minutes are left, as the real timer says
    assert reading.status == "ON" and not reading.gone
    assert reading.remaining == timedelta(hours=1, minutes=13)


def test_a_paused_timer_keeps_its_time_and_resumes_from_it(timer_api: TimerApi) -> None:
    timers = service(timer_api)
    timer_id = timers.create(timedelta(minutes=10), "broil", "done")
    timer_api.advance(timedelta(minutes=4))
    service(timer_api).pause(timer_id)
    # when time passes while it is paused
    timer_api.advance(timedelta(minutes=30))
    paused = service(timer_api).read(timer_id)
    # then it still has six minutes, and it never went off
    assert paused.status == "PAUSED" and paused.remaining == timedelta(minutes=6)
    assert timer_api.announcements == []
    # and resumed, it counts down from there
    service(timer_api).resume(timer_id)
    timer_api.advance(timedelta(minutes=5))
    resumed = service(timer_api).read(timer_id)
    assert resumed.status == "ON" and resumed.remaining == timedelta(minutes=1)


def test_a_cancelled_timer_is_gone(timer_api: TimerApi) -> None:
    timer_id = service(timer_api).create(TWO_HOURS, "bake", "done")
    service(timer_api).cancel(timer_id)
    assert timer_api.timers == []
    assert service(timer_api).read(timer_id).gone
    with pytest.raises(TimerApiError) as failed:
        service(timer_api).cancel(timer_id)
    assert failed.value.reason == "not_found"


def test_a_timer_that_went_off_announced_the_next_action_and_reads_as_gone(
    timer_api: TimerApi,
) -> None:
    timer_id = service(timer_api).create(TWO_HOURS, "bake", "Turn the oven up to broil.")
    # when the two hours pass
    (announcement,) = timer_api.advance(TWO_HOURS + timedelta(seconds=1))
    # then Alexa announced the next action, and the timer is done
    assert announcement.text == "Turn the oven up to broil." and announcement.locale == "en-GB"
    reading = service(timer_api).read(timer_id)
    assert reading.gone and reading.remaining == timedelta()


def test_a_timer_kept_as_off_after_it_went_off_reads_as_off(monkeypatch) -> None:
    with TimerApi(clock=lambda: START, expired="off") as api:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", api.ca_file)
        timer_id = service(api).create(timedelta(minutes=10), "broil", "done")
        api.advance(timedelta(minutes=11))
        reading = service(api).read(timer_id)
    assert reading.status == "OFF" and not reading.gone and reading.remaining == timedelta()


def test_without_the_permission_the_api_answers_401_and_we_say_no_permission(
    timer_api: TimerApi,
) -> None:
    timer_api.revoke()
    for call in (
        lambda s: s.create(TWO_HOURS, "bake", "done"),
        lambda s: s.read("any"),
        lambda s: s.pause("any"),
    ):
        with pytest.raises(TimerApiError) as failed:
            call(service(timer_api))
        assert failed.value.reason == "no_permission"
    assert {c.status for c in timer_api.calls} == {401}
    with pytest.raises(TimerApiError) as unknown:
        service(timer_api, token="someone-else").create(TWO_HOURS, "bake", "done")
    assert unknown.value.reason == "no_permission"


def test_an_unknown_timer_is_not_found(timer_api: TimerApi) -> None:
    for call in (lambda s: s.pause("nope"), lambda s: s.resume("nope"), lambda s: s.cancel("nope")):
        with pytest.raises(TimerApiError) as failed:
            call(service(timer_api))
        assert failed.value.reason == "not_found"
    assert service(timer_api).read("nope").gone


@pytest.mark.parametrize("status", [500, 503, 504])
def test_a_server_error_is_unavailable_and_the_request_makes_no_second_call(
    timer_api: TimerApi, status: int
) -> None:
    timer_api.fail(status)
    timers = service(timer_api)
    with pytest.raises(TimerApiError) as failed:
        timers.read("a")
    assert failed.value.reason == "unavailable"
    with pytest.raises(TimerApiError):
        timers.read("b")
    assert len(timer_api.calls) == 1, "a second call on the same request would only wait again"
    # and when the API is back, the next request works
    timer_api.restore()
    assert service(timer_api).create(TWO_HOURS, "bake", "done")


def test_an_api_that_never_answers_is_given_up_on_well_within_alexas_eight_seconds(
    timer_api: TimerApi,
) -> None:
    timer_api.hang()  # it would hold the request for 30 seconds
    started = time.monotonic()
    with pytest.raises(TimerApiError) as failed:
        service(timer_api, read_timeout=0.5).create(TWO_HOURS, "bake", "done")
    assert failed.value.reason == "unavailable"
    assert time.monotonic() - started < 8


def test_the_default_client_times_out_too() -> None:
    client = TimedApiClient()
    assert client.timeout[0] + client.timeout[1] < 8


def test_nothing_listening_is_unavailable() -> None:
    with pytest.raises(TimerApiError) as failed:
        service(f"https://127.0.0.1:{free_port()}").create(TWO_HOURS, "bake", "done")
    assert failed.value.reason == "unavailable"


def test_plain_http_is_refused_by_the_sdk_client(timer_api: TimerApi) -> None:
    with pytest.raises(TimerApiError) as failed:
        service(timer_api.url.replace("https:", "http:")).create(TWO_HOURS, "bake", "done")
    assert failed.value.reason == "unavailable"
    assert timer_api.calls == []


def test_an_invalid_create_body_is_refused(timer_api: TimerApi) -> None:
    # the server checks what the real API requires; our request passes (see above), this not
    status, body = timer_api._answer("POST", "/v1/alerts/timers", DEFAULT_TOKEN, {"duration": "x"})
    assert status == 400 and body["code"] == "INVALID_REQUEST"


@pytest.mark.parametrize(
    ("duration", "iso"),
    [(timedelta(hours=2), "PT2H"), (timedelta(minutes=10), "PT10M"),
     (timedelta(hours=1, minutes=30, seconds=5), "PT1H30M5S"), (timedelta(), "PT1S")],
)  # fmt: skip
def test_iso_durations(duration: timedelta, iso: str) -> None:
    assert iso_duration(duration) == iso


def test_importing_the_skill_does_not_import_requests() -> None:
    # the HTTP client is only loaded when a request first needs the Timer API
    code = "import sys, app; assert 'requests' not in sys.modules, 'requests was imported'"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "lambda"), "COOKALONG_STATE_DB": ":memory:", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
