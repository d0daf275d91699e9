"""The session state a request carries back is kept only when the skill could have written it.

:func:`cookalong.alexa.inbound.clean_event` bounds its depth before it measures its JSON (so a
cycle, which no JSON parser makes but a caller of the handler might pass, is refused as too
deep rather than looping), and the skill answers either way.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cookalong.alexa.inbound import MAX_DEPTH, MAX_STATE_DEPTH, clean_event, within_depth
from tests.alexa.rules import assert_alexa_accepts, event, intent, said

PLACE = {
    "v": 2,
    "recipe": "maple-glazed-pork-belly",
    "recipes": {
        "maple-glazed-pork-belly": {"front": "pork-belly", "at": {"pork-belly": 2}, "started": True}
    },
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner),
    max_leaves=30,
)


def depth_of(value: object) -> int:
    """How deeply ``value`` nests, counted plainly (the reference the check is held to)."""
    if isinstance(value, dict):
        return 1 + max(map(depth_of, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth_of, value), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(json_values, st.integers(min_value=-1, max_value=12))
def test_within_depth_counts_as_a_plain_count_of_the_nesting(value, depth):
    assert within_depth(value, depth) == (depth_of(value) <= depth)


def test_a_body_nested_deeper_than_python_recurses_is_refused_without_a_recursion_error():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert not within_depth({"request": deep}, MAX_DEPTH)
    assert within_depth({"request": {"intent": {"slots": {}}}}, MAX_DEPTH)


def nested(levels: int) -> dict:
    """A state whose ``recipes`` nest ``levels`` dicts deep in all."""
    inner: dict = {"at": {"pork-belly": 2}}
    for _ in range(levels - 4):
        inner = {"x": inner}
    return {**PLACE, "recipes": {"maple-glazed-pork-belly": inner}}


def kept_state(state: object) -> object:
    cleaned = clean_event(event(intent("WhereAmIIntent"), attributes={"state": state}, new=False))
    return cleaned["session"]["attributes"].get("state", "dropped")


def test_a_state_as_deep_as_the_skill_writes_is_kept_and_a_deeper_one_dropped():
    assert depth_of(nested(MAX_STATE_DEPTH)) == MAX_STATE_DEPTH
    assert kept_state(nested(MAX_STATE_DEPTH)) == nested(MAX_STATE_DEPTH)
    assert kept_state(nested(MAX_STATE_DEPTH + 1)) == "dropped"
    assert kept_state(PLACE) is not None


def test_a_state_that_contains_itself_is_dropped_and_the_cook_still_gets_an_answer(lambda_app):
    state: dict = dict(PLACE)
    state["recipes"] = {"maple-glazed-pork-belly": state}
    assert kept_state(state) == "dropped"
    out = lambda_app.lambda_handler(
        event(intent("WhereAmIIntent"), attributes={"state": state}, new=False), None
    )
    assert_alexa_accepts(out, "IntentRequest")
    assert said(out)
