"""A slow, hung or failing DynamoDB: the circuit breaker keeps the store out of every turn.

Real servers: dynalite behind a TCP proxy that can stop answering (a hung endpoint), and an
HTTP server that answers every DynamoDB call with an error. No timing is asserted: the tests
count the calls that reached the store (latencies are in ``python -m bench.outage``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from cookalong.storage.breaker import CircuitBreaker, Permit
from tests.persistence.kit import Talk, deploy, stats
from tests.services import Dynalite
from tools.dynalite import FAKE_AWS
from tools.faults import ErrorServer, SlowProxy

__all__ = ["deploy"]  # a fixture


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_on_a_slow_failure_probes_alone_and_backs_off():
    clock = Clock()
    breaker = CircuitBreaker(slow_failure_seconds=0.5, cooldown=5, max_cooldown=20, clock=clock)
    # a fast failure alone does not open it; a slow one does
    breaker.record(breaker.permit(), ok=False, seconds=0.01)
    assert breaker.state == "closed"
    breaker.record(breaker.permit(), ok=False, seconds=2.0)
    assert (breaker.state, breaker.permit()) == ("open", Permit.REFUSE)
    # after the cooldown one call probes, and every other call is still refused meanwhile
    clock.now += 5
    probe = breaker.permit()
    assert (probe, breaker.permit()) == (Permit.PROBE, Permit.REFUSE)
    # a failed probe doubles the wait (up to the maximum)
    breaker.record(probe, ok=False, seconds=0.25)
    clock.now += 5
    assert breaker.permit() is Permit.REFUSE
    clock.now += 5
    probe = breaker.permit()
    breaker.record(probe, ok=False, seconds=0.25)
    clock.now += 20
    probe = breaker.permit()
    assert probe is Permit.PROBE
    # a successful probe closes it
    breaker.record(probe, ok=True, seconds=0.01)
    assert (breaker.state, breaker.permit()) == ("closed", Permit.CALL)


def test_three_fast_failures_in_a_row_open_it_too():
    breaker = CircuitBreaker(failures_to_open=3, clock=Clock())
    for _ in range(3):
        breaker.record(breaker.permit(), ok=False, seconds=0.001)
    assert breaker.state == "open"


@pytest.fixture
def proxied(own_dynalite: Dynalite) -> Iterator[tuple[SlowProxy, dict[str, str]]]:
    """A table on dynalite, reached through a proxy that can hang."""
    environ = own_dynalite.environ(own_dynalite.create_table())
    with SlowProxy(own_dynalite.port) as proxy:
        yield proxy, {**environ, "AWS_ENDPOINT_URL_DYNAMODB": proxy.endpoint}


def test_with_dynamodb_hung_questions_answer_without_touching_it_and_the_place_is_saved_later(
    deploy, proxied
):
    # given a cook on step 2, saved, talking to a store that then stops answering
    proxy, environ = proxied
    app = deploy(environ)
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")
    cook.say("AMAZON.NextIntent")
    proxy.hang()

    # when they move on (that save hangs), then ask questions and move on again
    moved = cook.say("AMAZON.NextIntent")
    before = stats(app)
    answers = [
        cook.say("HowMuchIntent", ingredient="maple syrup"),
        cook.say("WhereAmIIntent"),
        cook.say("AMAZON.NextIntent"),
    ]
    during = stats(app)

    # then every turn was answered, and after the one slow failure no call reached the store
    assert "Step 3 of 7" in moved
    assert "two tablespoons" in answers[0].lower()
    assert "step 3 of 7" in answers[1].lower()
    assert "Step 4 of 7" in answers[2]
    breaker = app._skill.persistence_adapter.breaker
    assert breaker.state == "open"
    assert (during["reads"], during["writes"]) == (before["reads"], before["writes"])
    assert during["refused"] - before["refused"] == 3  # one deferred save per turn, refused

    # when the store answers again and the breaker's wait is over
    proxy.restore()
    breaker.clock = lambda: time.monotonic() + 3600
    cook.say("WhereAmIIntent")
    cook.say("AMAZON.StopIntent")

    # then that turn's probe saved the place, and a fresh container resumes at step 4
    assert breaker.state == "closed"
    welcome = Talk.same_cook(cook, deploy(environ)).launch()
    assert "step 4 of 7" in welcome.lower()


def test_a_dynamodb_answering_errors_is_left_alone_after_it_fails(deploy):
    # given a DynamoDB endpoint that answers every call with InternalServerError
    with ErrorServer() as server:
        environ = {"TABLE_NAME": "cookalong", "AWS_ENDPOINT_URL_DYNAMODB": server.endpoint}
        app = deploy({**FAKE_AWS, **environ})
        cook = Talk(app)

        breaker = app._skill.persistence_adapter.breaker

        # when a cook opens the skill and keeps talking
        said = [cook.launch(), cook.say("StartCookingIntent")]
        while breaker.state == "closed" and len(said) < 5:
            said.append(cook.say("AMAZON.NextIntent"))
        reached = server.requests
        said += [cook.say("AMAZON.NextIntent") for _ in range(3)]

    # then every turn was answered (told once that the place cannot be reached), the breaker
    # opened within three failed calls, and after that no call reached the server
    assert "can't reach your saved place" in said[0]
    assert sum("can't reach your saved place" in s for s in said) == 1
    assert all("Step" in s for s in said[1:])
    assert len(said) <= 6
    assert breaker.state == "open"
    assert server.requests == reached


def test_an_outage_at_session_open_is_told_and_never_overwrites_the_saved_place(
    deploy, own_dynalite: Dynalite
):
    # given a cook saved on step 3
    app = deploy(own_dynalite.environ(own_dynalite.create_table()))
    cook = Talk(app)
    cook.launch()
    cook.say("StartCookingIntent")
    cook.say("AMAZON.NextIntent")
    cook.say("AMAZON.NextIntent")
    cook.say("AMAZON.StopIntent")

    # when they open the skill during an outage, start, and go on once the store is back
    own_dynalite.stop()
    welcome = cook.launch()
    started = cook.say("StartCookingIntent")
    own_dynalite.start()
    later = cook.say("AMAZON.NextIntent")
    cook.say("AMAZON.StopIntent")

    # then they heard their place could not be read, were still walked through the recipe, and
    # the saved step 3, never read in that session, is where the next session resumes
    assert "can't reach your saved place" in welcome
    assert "Step 1 of 7" in started
    assert "Step 2 of 7" in later
    back = cook.launch()
    assert back.startswith("Welcome back")
    assert "step 3 of 7" in back.lower()
