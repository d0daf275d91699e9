"""The skill's serializer reads and writes exactly what the SDK's DefaultSerializer does."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope, ResponseEnvelope
from ask_sdk_model.interfaces.connections import SendRequestDirective
from ask_sdk_model.services.timer_management import (
    AnnounceOperation,
    CreationBehavior,
    DisplayExperience,
    NotificationConfig,
    TextToAnnounce,
    TimerRequest,
    TriggeringBehavior,
    Visibility,
)
from ask_sdk_model.ui import SimpleCard
from hypothesis import given, settings

from cookalong.alexa.serializer import COMPILE_AFTER, FastSerializer
from tests.alexa.strategies import EXAMPLES, envelopes

EVENTS = sorted((Path(__file__).resolve().parents[2] / "events").glob("*.json"))


@pytest.mark.parametrize("path", EVENTS, ids=lambda p: p.stem)
def test_every_sample_event_reads_as_the_sdk_reads_it(path: Path):
    # given an Alexa request as it arrives
    text = path.read_text(encoding="utf-8")
    # when both serializers read it
    sdk = DefaultSerializer().deserialize(text, RequestEnvelope)
    fast = FastSerializer().deserialize(text, RequestEnvelope)
    # then they build the same models, which write back to the same JSON
    assert type(fast.request) is type(sdk.request)
    assert fast.request.timestamp == sdk.request.timestamp
    assert FastSerializer().serialize(fast) == DefaultSerializer().serialize(sdk)
    assert json.dumps(FastSerializer().serialize(sdk)) == json.dumps(
        DefaultSerializer().serialize(sdk)
    )


def test_a_serializer_that_read_many_requests_still_reads_each_as_the_sdk_does():
    # given one serializer, as a warm Lambda container keeps it, that has read every sample
    # event often enough for the models it reads to get readers of their own
    serializer = FastSerializer()
    texts = [path.read_text(encoding="utf-8") for path in EVENTS]
    for _ in range(COMPILE_AFTER + 1):
        for text in texts:
            serializer.serialize(serializer.deserialize(text, RequestEnvelope))
    assert serializer._compiled and serializer._writers  # they are the ones used below
    for text in texts:
        # when it reads each event again
        fast = serializer.deserialize(text, RequestEnvelope)
        sdk = DefaultSerializer().deserialize(text, RequestEnvelope)
        # then it builds what the SDK builds, and refuses what the SDK's models cannot hold
        assert type(fast.request) is type(sdk.request)
        assert serializer.serialize(fast) == DefaultSerializer().serialize(sdk)
    envelope = json.loads(texts[0])
    envelope["request"] = ["not", "an", "object"]
    with pytest.raises(SerializationException):
        serializer.read(envelope, RequestEnvelope)
    envelope["request"] = {"type": "LaunchRequest", "requestId": "r", "extra": {"kept": 1}}
    assert serializer.read(envelope, RequestEnvelope).request.extra == {"kept": 1}


#: One serializer for the whole run, as a warm container keeps it: its readers are compiled.
_WARM = FastSerializer()


def _shape(value: Any) -> Any:
    """Everything a model holds, its attributes (unknown ones kept) and their types."""
    if hasattr(type(value), "deserialized_types"):
        return (type(value).__name__, {k: _shape(v) for k, v in sorted(vars(value).items())})
    if isinstance(value, dict):
        return (type(value).__name__, {k: _shape(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return (type(value).__name__, repr(value))


def _outcome(serializer: FastSerializer, body: Any) -> Any:
    try:
        envelope = serializer.read(body, RequestEnvelope)
    except SerializationException:
        return "refused"
    try:
        return _shape(envelope)
    except RecursionError:  # a free-form value nested deeper than Python recurses
        return "too deep to compare"


@settings(max_examples=EXAMPLES, deadline=None)
@given(body=envelopes())
def test_a_hostile_envelope_reads_the_same_through_compiled_and_generic_readers(body):
    # given a warm serializer (every sample event read often) and a fresh one
    if not _WARM._compiled:
        for _ in range(COMPILE_AFTER + 1):
            for path in EVENTS:
                _WARM.deserialize(path.read_text(encoding="utf-8"), RequestEnvelope)
    # then a hostile envelope reads to the same models through both, or both refuse it
    assert _outcome(_WARM, body) == _outcome(FastSerializer(), body)


def test_a_response_written_often_is_written_as_the_sdk_writes_it():
    # given responses as the handlers build them: speech, reprompt, a card, a directive
    def response(n: int) -> ResponseEnvelope:
        factory = ResponseFactory().speak(f"<speak>step {n}</speak>").ask("next?")
        factory.set_card(SimpleCard(title="Pork", content=f"Step {n}"))
        factory.add_directive(SendRequestDirective(name="AskFor", payload={"n": n}, token="t"))
        return ResponseEnvelope(
            version="1.0",
            session_attributes={"state": {"at": {"pork-belly": n}}, "turn": None},
            user_agent="test",
            response=factory.response,
        )

    serializer = FastSerializer()
    # when one serializer writes them often enough to write each model class its own way
    for n in range(COMPILE_AFTER + 2):
        written = serializer.serialize(response(n))
        # then each is what the SDK writes
        assert written == DefaultSerializer().serialize(response(n))
    assert ResponseEnvelope in serializer._writers
    assert written["response"]["card"] == {"type": "Simple", "title": "Pork", "content": "Step 9"}


def test_a_timer_request_and_response_go_through_the_service_client_types():
    # given a timer request the skill sends
    request = TimerRequest(
        duration="PT10M",
        timer_label="bake",
        creation_behavior=CreationBehavior(DisplayExperience(Visibility.VISIBLE)),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(text_to_announce=[TextToAnnounce("en-US", "Done")]),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )
    # then it is written as the SDK writes it
    assert FastSerializer().serialize(request) == DefaultSerializer().serialize(request)
    # and a response body with a string type reads the same
    body = json.dumps(
        {"id": "t1", "status": "ON", "duration": "PT10M", "createdTime": "2026-01-01T10:00:00Z"}
    )
    kind = "ask_sdk_model.services.timer_management.timer_response.TimerResponse"
    fast = FastSerializer().deserialize(body, kind)
    sdk = DefaultSerializer().deserialize(body, kind)
    assert FastSerializer().serialize(fast) == DefaultSerializer().serialize(sdk)
    assert fast.created_time == datetime(2026, 1, 1, 10, tzinfo=UTC)


def test_a_timestamp_that_is_not_iso_is_parsed_as_the_sdk_would():
    envelope = json.loads(EVENTS[0].read_text(encoding="utf-8"))
    envelope["request"]["timestamp"] = "Tue, 12 May 2026 10:00:00 GMT"
    fast = FastSerializer().read(envelope, RequestEnvelope)
    sdk = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    assert fast.request.timestamp == sdk.request.timestamp


@pytest.mark.parametrize(
    "broken",
    [{"request": "launch"}, {"request": {"type": "NoSuchRequest"}}, {"request": []}],
)
def test_an_unreadable_envelope_is_a_serialization_exception(broken):
    with pytest.raises(SerializationException):
        FastSerializer().read(broken, RequestEnvelope)


@pytest.mark.parametrize("status", ["NONE", "CONFIRMED", "MAYBE", ["NONE"], 7])
def test_an_enum_reads_as_the_sdk_reads_it_whatever_the_value(status):
    # given an intent whose confirmation status is a member's value, or not one at all
    envelope = json.loads((EVENTS[0].parent / "how_much_maple_syrup.json").read_text("utf-8"))
    envelope["request"]["intent"]["confirmationStatus"] = status
    text = json.dumps(envelope)
    try:
        sdk = DefaultSerializer().deserialize(text, RequestEnvelope).request.intent
    except SerializationException:
        # then what the SDK refuses, the skill's serializer refuses too
        with pytest.raises(SerializationException):
            FastSerializer().read(envelope, RequestEnvelope)
        return
    # then the same member (or the same refusal)
    fast = FastSerializer().read(envelope, RequestEnvelope).request.intent
    assert fast.confirmation_status is sdk.confirmation_status


def test_nulls_stay_none_as_the_sdk_reads_them():
    envelope = json.loads(EVENTS[0].read_text(encoding="utf-8"))
    envelope["request"]["locale"] = None
    envelope["context"]["System"]["apiAccessToken"] = None
    fast = FastSerializer().read(envelope, RequestEnvelope)
    assert fast.request.locale is None
    assert fast.context.system.api_access_token is None


def test_session_attributes_deep_copy_as_the_sdk_copies_them():
    # given a request whose session carries nested attributes, as a cook mid-recipe sends
    event = json.loads((EVENTS[0].parent / "how_much_maple_syrup.json").read_text("utf-8"))
    event["session"]["attributes"] = {
        "state": {"recipes": {"pork": {"at": {"aioli": 2}, "running": [{"s": 5}]}}, "v": 2},
        "turn": {"last": "Step 5.", "n": 1.5, "done": False, "none": None},
    }
    attributes = FastSerializer().read(event, RequestEnvelope).session.attributes
    # when the SDK's AttributesManager deep-copies them and a handler changes the copy
    copied = copy.deepcopy(attributes)
    copied["state"]["recipes"]["pork"]["running"][0]["s"] = 6
    copied["turn"]["last"] = "Step 6."
    # then the copy started equal, and the request's attributes are untouched
    assert copy.deepcopy(attributes) == event["session"]["attributes"]
    assert attributes["state"]["recipes"]["pork"]["running"][0]["s"] == 5
    assert attributes["turn"]["last"] == "Step 5."
    # and a value that is not JSON is still copied deeply
    attributes["turn"]["odd"] = {1, 2}
    assert copy.deepcopy(attributes)["turn"]["odd"] is not attributes["turn"]["odd"]
