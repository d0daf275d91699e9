"""DynamoDB outages in the middle of cooking: the cook keeps getting answers and loses nothing.

Each test runs its own dynalite (LevelDB-backed, so a stop and restart keeps what was saved)
and stops it to make the outage real.
"""

import pytest

from cookalong.storage import adapter_from_env
from tests.persistence.kit import Cook, launch, session_ended, speech, tiny_skill
from tests.services import Dynalite


@pytest.fixture
def store(own_dynalite: Dynalite) -> tuple[Dynalite, dict[str, str]]:
    return own_dynalite, own_dynalite.environ(own_dynalite.create_table())


def test_an_outage_mid_conversation_loses_nothing(store):
    # given a cook on step 1, saved
    server, environ = store
    adapter = adapter_from_env(environ)
    cook = Cook(tiny_skill(adapter))
    cook.turn(launch())
    cook.say("NextIntent")

    # when the store goes down while they move on twice, then comes back for a question
    server.stop()
    during = [cook.say("NextIntent"), cook.say("NextIntent")]
    server.start()
    question = cook.say("HowMuchIntent")
    cook.say("StopIntent")

    # then every turn was answered, the failed saves were retried once it was back,
    # and the next session resumes at the latest place, read from the store
    assert during == ["step 2", "step 3"]
    assert question == "on step 3"
    assert adapter.stats.snapshot()["failures"] == 2
    assert speech(Cook(tiny_skill(adapter_from_env(environ)), user=cook.user).turn(launch())) == (
        "on step 3"
    )


def test_the_session_ending_is_the_last_chance_to_save(store):
    # given a change that could not be saved during an outage
    server, environ = store
    adapter = adapter_from_env(environ)
    cook = Cook(tiny_skill(adapter))
    cook.turn(launch())
    server.stop()
    cook.say("NextIntent")
    server.start()

    # when Alexa ends the session because the cook went quiet
    cook.turn(session_ended())

    # then that request saved it, and the next session resumes there
    assert speech(cook.turn(launch())) == "on step 1"


def test_a_session_opened_during_an_outage_picks_up_the_stored_place_once_it_is_back(store):
    # given a cook saved on step 2 yesterday
    server, environ = store
    adapter = adapter_from_env(environ)
    cook = Cook(tiny_skill(adapter))
    cook.one_shot("NextIntent")
    cook.one_shot("NextIntent")

    # when they open the skill during an outage, and ask again once the store is back
    server.stop()
    opened = speech(cook.turn(launch()))
    server.start()
    later = cook.say("HowMuchIntent")

    # then the first answer came from defaults (nothing written blind), the next from the store
    assert opened == "on step 0"
    assert later == "on step 2"
    stats = adapter.stats.snapshot()
    assert (stats["reads"], stats["writes"], stats["failures"]) == (4, 2, 1)


def test_progress_made_blind_never_overwrites_a_stored_place_it_did_not_read(store):
    # given a cook saved on step 3
    server, environ = store
    adapter = adapter_from_env(environ)
    cook = Cook(tiny_skill(adapter))
    for _ in range(3):
        cook.one_shot("NextIntent")

    # when a session opened during an outage moves on blind, and on again once the store is back
    server.stop()
    cook.turn(launch())
    blind = cook.say("NextIntent")
    server.start()
    after = cook.say("NextIntent")
    cook.say("StopIntent")

    # then the cook was answered all along, and the stored place, never read, is still step 3
    assert (blind, after) == ("step 1", "step 2")
    assert speech(cook.turn(launch())) == "on step 3"


def test_progress_made_blind_is_saved_when_the_store_holds_no_place(store):
    # given a new cook, who opens the skill during an outage and moves on
    server, environ = store
    cook = Cook(tiny_skill(adapter_from_env(environ)))
    server.stop()
    cook.turn(launch())
    cook.say("NextIntent")

    # when the store comes back and they move on again, then stop
    server.start()
    cook.say("NextIntent")
    cook.say("StopIntent")

    # then nothing stood in the way: the next session resumes there
    assert speech(cook.turn(launch())) == "on step 2"


class Outage:
    """Stops the server from inside a handler (after the read, before the write) when armed."""

    def __init__(self, server: Dynalite) -> None:
        self.server = server
        self.armed = False

    def __call__(self) -> None:
        if self.armed:
            self.armed = False
            self.server.stop()


def test_a_one_shot_whose_save_fails_is_resumed_by_the_next_session(store):
    # given a cook saved on step 1
    server, environ = store
    outage = Outage(server)
    cook = Cook(tiny_skill(adapter_from_env(environ), during_next=outage))
    cook.one_shot("NextIntent")

    # when a one-shot "what's next" loses the store between its read and its write,
    # and the cook's next one-shot comes once the store is back
    outage.armed = True
    answered = cook.one_shot("NextIntent")
    server.start()
    resumed = cook.one_shot("HowMuchIntent")

    # then the unsaved step was kept in this process, resumed, and is now in the store
    assert answered == "step 2"
    assert resumed == "on step 2"
    elsewhere = Cook(tiny_skill(adapter_from_env(environ)), user=cook.user)
    assert speech(elsewhere.turn(launch())) == "on step 2"


def test_a_kept_unsaved_state_yields_to_newer_progress_saved_elsewhere(store):
    # given a one-shot whose save failed in one Lambda container
    server, environ = store
    outage = Outage(server)
    here = Cook(tiny_skill(adapter_from_env(environ), during_next=outage))
    here.one_shot("NextIntent")
    outage.armed = True
    here.one_shot("NextIntent")
    server.start()

    # when another container serves the cook meanwhile, and then this one again
    there = Cook(tiny_skill(adapter_from_env(environ)), user=here.user)
    moved = [there.one_shot("NextIntent"), there.one_shot("NextIntent")]
    back_here = here.one_shot("HowMuchIntent")

    # then the newer place from the store wins over the stale unsaved one
    assert moved == ["step 2", "step 3"]
    assert back_here == "on step 3"


def test_a_kept_unsaved_state_is_written_back_by_the_next_request_the_container_serves(store):
    # given a one-shot whose save failed in this container (the cook was on step 1)
    server, environ = store
    outage = Outage(server)
    adapter = adapter_from_env(environ)
    here = Cook(tiny_skill(adapter, during_next=outage))
    here.one_shot("NextIntent")
    outage.armed = True
    here.one_shot("NextIntent")
    server.start()

    # when another cook's request is the next this container serves, with the store back
    Cook(here.skill).one_shot("HowMuchIntent")

    # then the kept place was written back: a fresh container sees step 2
    elsewhere = Cook(tiny_skill(adapter_from_env(environ)), user=here.user)
    assert speech(elsewhere.turn(launch())) == "on step 2"
