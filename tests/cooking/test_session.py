"""The cooking session as a state machine, without Alexa: moves, answers and what is saved."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from cookalong.cooking.session import Cookbook, CookingSession
from cookalong.recipe.loader import default_recipes

NOW = 1_800_000_000


@pytest.fixture(scope="module")
def cookbook() -> Cookbook:
    return Cookbook.of(default_recipes())


def fresh(cookbook: Cookbook, saved: object = None) -> CookingSession:
    return cookbook.session(saved, now=NOW)


def keys(reply) -> list[str]:
    return [m.key for m in reply.speech]


class Talk:
    """Turns as the adapter takes them: each a new session from the saved state and the turn
    attributes of the one before (the offer, what was said), as Alexa carries them."""

    def __init__(self, cookbook: Cookbook, saved: object = None, now: int = NOW) -> None:
        self.cookbook = cookbook
        self.saved = saved
        self.turn: dict | None = None
        self.now = now
        self.session: CookingSession | None = None

    def __call__(self, method: str, *args, **kwargs):
        session = self.cookbook.session(self.saved, self.turn, now=self.now)
        reply = session.conclude(getattr(session, method)(*args, **kwargs))
        session.remember(" ".join(m.key for m in reply.speech), "")
        self.saved = session.saved_state(self.saved)
        self.turn = session.state.turn_dict()
        self.session = session
        return reply

    @property
    def state(self):
        return self.session.state


def test_next_walks_the_pork_belly_offers_a_timer_then_the_aioli_during_the_bake(cookbook):
    talk = Talk(cookbook)
    talk("start")
    for _ in range(4):
        reply = talk("next")
    assert talk.state.step == 5
    assert "offer_timer" in keys(reply)
    assert talk.state.offer.kind == "timer"

    reply = talk("no")
    assert keys(reply) == ["timer_declined", "hint_meanwhile"]
    assert (talk.state.offer.kind, talk.state.offer.component) == ("part", "aioli")

    reply = talk("yes")
    assert (talk.state.component, talk.state.step) == ("aioli", 1)
    assert talk.state.progress.at["pork-belly"] == 5  # the pork keeps its place

    reply = talk("next")
    assert keys(reply)[0] == "part_done_back"
    assert (talk.state.component, talk.state.step) == ("pork-belly", 5)
    assert "aioli" in talk.state.done
    assert "hint_meanwhile" not in keys(reply)  # the aioli is made: no second offer


def test_the_last_step_says_how_to_serve_and_ends(cookbook):
    session = fresh(
        cookbook,
        {
            "v": 1,
            "recipe": "maple-glazed-pork-belly",
            "component": "pork-belly",
            "step": 7,
            "started": True,
            "done": ["aioli"],
        },
    )
    reply = session.next()
    assert keys(reply) == ["finished"]
    assert reply.end_session
    assert "aioli" in reply.speech[0].params["serving"].lower()
    assert session.state.finished


def test_step_out_of_range_says_how_many_steps_there_are(cookbook):
    session = fresh(cookbook)
    reply = session.go_to_step(99)
    assert keys(reply) == ["no_such_step"]
    assert reply.speech[0].params["total"] == 7
    assert session.state.step == 0  # nothing moved
    assert reply.reprompt is not None


def test_go_to_step_is_component_aware(cookbook):
    session = fresh(cookbook)
    session.go_to_step(1, "aioli")
    assert (session.state.component, session.state.step) == ("aioli", 1)
    reply = session.go_to_step(2, "the aioli")
    assert keys(reply) == ["no_such_step"]
    assert reply.speech[0].params["total"] == 1


def test_maple_syrup_is_in_both_parts_current_part_first(cookbook):
    session = fresh(cookbook)
    session.start("aioli")
    reply = session.how_much("maple syrup")
    quantities = reply.speech[0].params["quantities"]
    assert [q.ingredient.component_id for q, _ in quantities] == ["aioli", "pork-belly"]
    assert [q.amount.value for q, _ in quantities] == [Fraction(1), Fraction(2)]


def test_how_much_for_a_named_part_says_one(cookbook):
    reply = fresh(cookbook).how_much("maple syrup", component_words="aioli")
    ((quantity, _),) = reply.speech[0].params["quantities"]
    assert quantity.amount.unit == "teaspoon" and quantity.amount.value == 1


@pytest.mark.parametrize("words", ["mayo", "five spice powder", "Maldon salt", "limes", "the miso"])
def test_other_names_and_near_misses_find_the_ingredient(cookbook, words):
    reply = fresh(cookbook).how_much(words)
    assert keys(reply) == ["how_much"]


def test_an_unknown_ingredient_is_said_plainly_and_offers_the_list(cookbook):
    talk = Talk(cookbook)
    reply = talk("how_much", "saffron")
    assert keys(reply) == ["not_in_recipe"]
    assert reply.speech[0].params["words"] == "saffron"
    assert keys(talk("yes")) == ["ingredients"]


def test_scaling_changes_amounts_not_times_or_temperatures(cookbook):
    session = fresh(cookbook)
    session.scale(8)
    ((quantity, _),) = session.how_much("brown miso").speech[0].params["quantities"]
    assert (quantity.amount.value, quantity.amount.unit) == (Fraction(1, 4), "cup")  # 4 tbsp
    session.go_to_step(6)
    oven = session.temperature().speech[0].params["oven"]
    assert oven.temperature.degrees == 420
    spans = session.how_long().speech[0].params["spans"]
    assert spans[0].minimum == timedelta(minutes=10)


def test_halving_and_doubling_compose(cookbook):
    session = fresh(cookbook)
    session.scale(multiplier="2")
    session.scale(multiplier="1/2")
    session.scale(multiplier="1/2")
    assert session.state.servings == "2"


@pytest.mark.parametrize("servings", [0, 1000])
def test_impossible_servings_are_refused_and_kept(cookbook, servings):
    session = fresh(cookbook)
    reply = session.scale(servings)
    assert keys(reply) == ["servings_out_of_range"]
    assert session.state.servings is None


def test_time_left_from_the_start_is_about_two_and_a_half_hours(cookbook):
    reply = fresh(cookbook).time_left()
    assert reply.speech[0].params["total"] == timedelta(hours=2, minutes=30)


def test_go_to_the_broil_step_and_which_step_uses_the_miso(cookbook):
    talk = Talk(cookbook)
    talk("find_step", action_words="broil")
    assert talk.state.step == 6
    reply = talk("find_step", ingredient_words="miso")
    ((name, views),) = reply.speech[0].params["uses"]
    assert (name, views[0].step.number) == ("brown miso", 3)
    talk("yes")
    assert talk.state.step == 3


def test_a_pure_question_changes_nothing_that_is_saved(cookbook):
    saved = {
        "v": 2,
        "recipe": "maple-glazed-pork-belly",
        "recipes": {
            "maple-glazed-pork-belly": {
                "front": "pork-belly",
                "at": {"pork-belly": 4},
                "started": True,
                "updated": NOW - 60,
            }
        },
        "updated": NOW - 60,
    }
    session = fresh(cookbook, saved)
    session.how_much("maple syrup")
    session.remember("Two tablespoons.", "Anything else?")
    assert session.saved_state(saved) is saved


def test_a_new_cook_asking_one_question_saves_nothing(cookbook):
    session = fresh(cookbook)
    session.how_much("salt")
    assert session.saved_state(None) is None


def test_moving_saves_with_a_timestamp(cookbook):
    session = fresh(cookbook)
    session.next()
    saved = session.saved_state(None)
    progress = saved["recipes"]["maple-glazed-pork-belly"]
    assert progress["at"] == {"pork-belly": 1}
    assert saved["updated"] == NOW and progress["updated"] == NOW and saved["v"] == 2


@pytest.mark.parametrize(
    "saved",
    [
        None,
        "garbage",
        {"v": 0, "recipe": "no-such-recipe", "step": 3},
        {"v": 1, "recipe": "maple-glazed-pork-belly", "component": "renamed", "step": 3},
        {
            "v": 1,
            "recipe": "maple-glazed-pork-belly",
            "component": "pork-belly",
            "step": 99,
            "started": True,
            "back_to": ["gone", 2],
            "servings": "-3",
            "units": "furlongs",
        },
        {
            "v": 1,
            "recipe": "maple-glazed-pork-belly",
            "component": "pork-belly",
            "step": Decimal("4"),
            "started": True,
            "servings": Decimal("8"),
            "updated": Decimal("1"),
        },
    ],
)
def test_any_saved_state_is_repaired_never_a_crash(cookbook, saved):
    session = fresh(cookbook, saved)
    assert 0 <= session.state.step <= len(session.component.steps)
    assert session.state.servings in (None, "8")
    assert session.state.units is None
    assert keys(session.next())  # the cook can carry on


def test_decimal_state_from_dynamodb_resumes_at_its_step(cookbook):
    saved = {
        "v": Decimal("1"),
        "recipe": "maple-glazed-pork-belly",
        "component": "pork-belly",
        "step": Decimal("4"),
        "started": True,
        "updated": Decimal(NOW),
    }
    session = fresh(cookbook, saved)
    reply = session.launch()
    assert keys(reply) == ["welcome_back", "step"]
    assert reply.card.step.number == 4


def test_after_idle_days_a_fresh_start_is_offered(cookbook):
    saved = {
        "v": 1,
        "recipe": "maple-glazed-pork-belly",
        "component": "pork-belly",
        "step": 4,
        "started": True,
        "updated": NOW - 5 * 86400,
    }
    talk = Talk(cookbook, saved)
    reply = talk("launch")
    assert keys(reply) == ["welcome_back_idle"]
    talk("no")
    assert talk.state.step == 1


def test_salt_is_found_in_both_parts_each_at_its_own_step(cookbook):
    reply = fresh(cookbook).find_step(ingredient_words="salt")
    uses = {name: [v.step.number for v in views] for name, views in reply.speech[0].params["uses"]}
    assert uses == {"flaky sea salt": [4], "sea salt": [1]}


def test_back_to_the_original_amounts(cookbook):
    session = fresh(cookbook)
    session.scale(10)
    session.scale(multiplier="1")
    assert session.state.servings == "4"


def test_temperature_of_a_named_step(cookbook):
    reply = fresh(cookbook).temperature(action_words="broil")
    assert reply.speech[0].params["oven"].temperature.degrees == 420
