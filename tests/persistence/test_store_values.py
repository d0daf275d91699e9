"""Numbers survive the store: Decimals come back as plain ints and floats; fingerprints agree."""

from decimal import Decimal
from fractions import Fraction

import pytest

from cookalong.storage.values import fingerprint, from_store, to_store

STATE = {
    "v": 1,
    "recipe": "maple-glazed-pork-belly",
    "step": 4,
    "servings": "8",
    "oven": 275,
    "scale": 1.5,
    "third": 1 / 3,
    "done": ["aioli"],
    "back_to": ["pork-belly", 3],
    "started": True,
    "pending": None,
}


def test_a_state_round_trips_through_dynamodb_number_types():
    # given the state as boto3 would store it
    stored = to_store(STATE)
    assert isinstance(stored["scale"], Decimal)

    # when it comes back
    back = from_store(stored)

    # then it equals what was saved, with plain Python numbers again
    assert back == STATE
    assert type(back["step"]) is int
    assert type(back["scale"]) is float
    assert back["third"] == 1 / 3
    assert type(back["started"]) is bool


def test_integral_decimals_become_ints_and_others_floats():
    # given numbers as DynamoDB returns them, nested
    raw = {"a": Decimal("3"), "b": [Decimal("2.50"), {"c": Decimal("-0.125")}], "s": {"x"}}

    # when normalised
    plain = from_store(raw)

    # then
    assert plain == {"a": 3, "b": [2.5, {"c": -0.125}], "s": ["x"]}
    assert type(plain["a"]) is int


@pytest.mark.parametrize(
    ("bad", "error", "words"),
    [
        ({"x": float("nan")}, ValueError, "not finite"),
        ({"x": Fraction(1, 2)}, TypeError, "Fraction"),
        ({1: "x"}, TypeError, "key of type int"),
    ],
)
def test_values_the_store_cannot_hold_are_refused_with_a_clear_reason(bad, error, words):
    # when / then
    with pytest.raises(error, match=words):
        to_store(bad)


def test_fingerprint_ignores_how_the_numbers_came_back():
    # given the state and the same state after a store round trip (2.0 comes back as 2)
    saved = {**STATE, "scale": 2.0, "done": ("aioli",)}
    back = from_store(to_store({**saved, "scale": Decimal("2")}))

    # then their fingerprints agree, and a real change shows
    assert fingerprint(saved) == fingerprint(back)
    assert fingerprint({**saved, "step": 5}) != fingerprint(saved)
    assert fingerprint(None) != fingerprint({})


def test_fingerprint_can_ignore_keys_that_alone_are_not_worth_a_write():
    # given two states differing only in what was last said
    said = {**STATE, "last": "two tablespoons of maple syrup"}

    # then
    assert fingerprint(said, ignore={"last"}) == fingerprint(STATE, ignore={"last"})
    assert fingerprint(said) != fingerprint(STATE)


def test_fingerprint_refuses_a_state_that_is_not_json():
    with pytest.raises(TypeError, match="Fraction"):
        fingerprint({"servings": Fraction(8)})
