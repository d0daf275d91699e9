"""Timers through the whole skill: real request envelopes into ``lambda_handler``, whose Timer
API calls go (``apiEndpoint``) to the local Timer API server; the permission flow as Alexa runs
it (the AskFor directive, then a Connections.Response in the same session).
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from cookalong.alexa.effects import TIMERS_SCOPE
from tools.chat import Conversation
from tools.timer_api import TimerApi

BAKE = "go to step five"


def permission_directive(reply) -> dict:
    (directive,) = reply.response["response"]["directives"]
    return directive


def test_yes_to_the_offered_timer_sets_a_real_labelled_timer(cook, timer_api: TimerApi) -> None:
    # given a cook at the two-hour bake, who is offered a timer
    talk = cook("en-GB")
    talk.launch()
    offered = talk.say(BAKE)
    assert "timer" in offered.speech.lower()
    # when they say yes
    reply = talk.say("yes")
    # then Alexa holds a two-hour timer labelled with what it times, announcing what comes next
    (timer,) = timer_api.timers
    assert timer["duration"] == "PT2H" and "bake" in timer["timerLabel"].lower()
    (create,) = [c for c in timer_api.calls if c.method == "POST"]
    (announce,) = create.body["triggeringBehavior"]["operation"]["textToAnnounce"]
    assert announce["locale"] == "en-GB"
    assert "grill" in announce["text"].lower() and "broil" not in announce["text"].lower()
    assert "timer" in reply.speech.lower() and not reply.ends_session and reply.reprompt


def test_a_ten_minute_timer_on_request(cook, timer_api: TimerApi) -> None:
    talk = cook()
    talk.launch()
    talk.say("start")
    reply = talk.say("set a ten minute timer")
    assert reply.intent == "SetTimerIntent"
    (timer,) = timer_api.timers
    assert timer["duration"] == "PT10M"
    assert "ten-minute timer" in reply.speech.lower()


def test_the_time_left_is_read_from_the_real_timer(cook, timer_api: TimerApi) -> None:
    talk = cook()
    talk.launch()
    talk.say(BAKE)
    talk.say("yes")
    # when 47 minutes pass and the cook asks
    talk.advance(timedelta(minutes=47))
    calls = len(timer_api.calls)
    reply = talk.say("how long is left on the timer")
    # then the skill read the timer (GET) and says what it says
    assert [c.method for c in timer_api.calls[calls:]] == ["GET"]
    assert "timer has one hour and" in reply.speech.lower()  # 1:13, said to the nearest five


def test_pause_resume_and_cancel_act_on_the_real_timer(cook, timer_api: TimerApi) -> None:
    talk = cook()
    talk.launch()
    talk.say(BAKE)
    talk.say("yes")
    talk.say("pause the timer")
    assert [t["status"] for t in timer_api.timers] == ["PAUSED"]
    talk.advance(timedelta(minutes=30))
    talk.say("resume the timer")
    (timer,) = timer_api.timers
    assert timer["status"] == "ON"
    talk.say("cancel the timer")
    assert timer_api.timers == []


def test_a_timer_that_went_off_is_known_as_done(cook, timer_api: TimerApi) -> None:
    talk = cook()
    talk.launch()
    talk.say(BAKE)
    talk.say("yes")
    (announced,) = talk.advance(timedelta(hours=2, minutes=1)) or timer_api.announcements
    assert "broil" in announced.text.lower()
    reply = talk.say("how long is left on the timer")
    assert "gone off" in reply.speech.lower() or "done" in reply.speech.lower()


def test_without_the_permission_alexa_is_asked_and_yes_sets_the_timer(
    cook, timer_api: TimerApi
) -> None:
    # given a cook who never granted the timers permission
    talk = cook(permission="missing")
    talk.launch()
    talk.say(BAKE)
    # when they want the timer
    asked = talk.say("yes")
    # then the skill says why and hands over to Alexa's permission question: the AskFor
    # directive, no reprompt, no shouldEndSession, and no call to the Timer API
    body = asked.response["response"]
    directive = permission_directive(asked)
    assert directive["type"] == "Connections.SendRequest" and directive["name"] == "AskFor"
    assert directive["payload"] == {
        "@type": "AskForPermissionsConsentRequest",
        "@version": "2",
        "permissionScopes": [{"permissionScope": TIMERS_SCOPE, "consentLevel": "ACCOUNT"}],
    }
    assert directive["token"]
    assert "reprompt" not in body and "shouldEndSession" not in body
    assert "permission" in asked.speech.lower()
    assert timer_api.calls == []
    # and when the cook approves, Alexa's Connections.Response sets the timer in that session
    accepted = talk.say("I approve")
    assert accepted.request["request"]["type"] == "Connections.Response"
    assert accepted.request["session"]["new"] is False
    (timer,) = timer_api.timers
    assert timer["duration"] == "PT2H"
    assert "timer" in accepted.speech.lower() and accepted.reprompt


@pytest.mark.parametrize(("answer", "status"), [("no", "DENIED"), ("what", "NOT_ANSWERED")])
def test_a_refused_or_unanswered_permission_gets_a_fallback_and_the_card(
    cook, timer_api: TimerApi, answer: str, status: str
) -> None:
    talk = cook(permission="missing")
    talk.launch()
    talk.say(BAKE)
    talk.say("yes")
    reply = talk.say(answer)
    assert reply.request["request"]["payload"]["status"] == status
    card = reply.response["response"]["card"]
    assert card == {"type": "AskForPermissionsConsent", "permissions": [TIMERS_SCOPE]}
    assert timer_api.timers == []
    assert reply.speech and reply.reprompt and not reply.ends_session
    # and the recipe carries on
    assert "step 6" in talk.say("next").speech.lower()


def test_a_token_the_api_refuses_asks_for_the_permission(cook, timer_api: TimerApi) -> None:
    # given a request that says granted, but a token the Timer API refuses (401)
    talk = cook()
    timer_api.revoke(talk.api_token)
    talk.launch()
    talk.say(BAKE)
    reply = talk.say("yes")
    assert [c.status for c in timer_api.calls] == [401]
    assert permission_directive(reply)["name"] == "AskFor"


@pytest.mark.parametrize("outage", ["fail", "hang"])
def test_a_timer_api_outage_gets_a_clear_answer_and_the_recipe_carries_on(
    cook, timer_api: TimerApi, caplog, outage: str
) -> None:
    caplog.set_level(logging.WARNING)
    talk = cook()
    talk.launch()
    talk.say(BAKE)
    getattr(timer_api, outage)()
    reply = talk.say("yes")
    timer_api.restore()
    assert "couldn't set the timer" in reply.speech.lower()
    assert reply.reprompt and not reply.ends_session
    assert "went wrong" not in reply.speech.lower()
    assert "step 6" in talk.say("next").speech.lower()
    assert any("Timer API" in r.getMessage() for r in caplog.records)


def test_an_answer_from_another_connection_is_not_taken_for_the_permission(
    cook, timer_api: TimerApi
) -> None:
    talk: Conversation = cook()
    talk.launch()
    request = {"type": "Connections.Response", "name": "Buy", "status": {"code": "200"}}
    reply = talk._send(request, said=None, resolution=None)
    assert reply.speech and reply.reprompt
    assert timer_api.calls == []
