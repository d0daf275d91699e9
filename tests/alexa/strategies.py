"""Hypothesis strategies for hostile Alexa requests: valid envelopes, hostile insides.

The shapes are Alexa's; what fills them is not: text with control characters, lone surrogates
and markup, strings of thousands of characters, values of the wrong JSON type, NaN and
Infinity, absurd locales, made-up request types, saved states of the wrong shape.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from cookalong.alexa.actions import ACTIONS
from tests.alexa.rules import event

#: How many examples each fuzz test runs: a few hundred in ``make test``; more for a long run
#: (``FUZZ_EXAMPLES=20000 .venv/bin/python -W error -m pytest tests/alexa/test_fuzz.py``).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))

SPECIAL = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x85",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "\u202e",
    "\u00a0",
    "&",
    "<",
    ">",
    "]]>",
    "<speak>",
    "&amp;",
    '"',
    "'",
    "\\",
    "%s",
    "{}",
    "{0}",
    "{what}",
    "\n",
    "\t",
    "\r",
    " ",
    "½",
    "°F",
    "🍖",
    "../",
    "NaN",
]

hostile_text = st.one_of(
    st.text(max_size=30),
    st.lists(st.one_of(st.text(max_size=8), st.sampled_from(SPECIAL)), max_size=12).map("".join),
    st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(["a", "salt ", "\x00", "é", "<b>"]),
        st.integers(100, 12_000),
    ),
    st.sampled_from(["maple syrup", "the aioli", "garlic", "8", "1e999", "-3", "?", ""]),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**20, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
deep = st.integers(20, 1500).map(lambda n: _nest(n))


def mostly(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual`` four times in five, ``odd`` otherwise: most requests must get past parsing."""
    return st.one_of(usual, usual, usual, usual, odd)


def _nest(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


PARTS = ["pork-belly", "aioli"]
states = st.fixed_dictionaries(
    {},
    optional={
        "v": st.one_of(st.just(1), json_values),
        "recipe": st.one_of(st.just("maple-glazed-pork-belly"), json_values),
        "component": st.one_of(st.sampled_from(PARTS), json_values),
        "step": st.one_of(st.integers(-5, 12), json_values),
        "started": st.one_of(st.booleans(), json_values),
        "finished": st.one_of(st.booleans(), json_values),
        "servings": st.one_of(st.sampled_from(["8", "3/2", "0", "1e99999", "-1"]), json_values),
        "units": st.one_of(st.sampled_from(["us", "metric"]), json_values),
        "done": st.one_of(
            st.lists(st.one_of(st.sampled_from(PARTS), json_values), max_size=6),
            st.builds(lambda part, n: [part] * n, st.sampled_from(PARTS), st.integers(1, 6000)),
            json_values,
        ),
        "back_to": st.one_of(
            st.tuples(st.sampled_from(PARTS), st.integers(-1, 9)).map(list), json_values
        ),
        "timer": st.one_of(
            st.tuples(st.sampled_from(PARTS), st.integers(0, 9), st.integers()).map(list),
            json_values,
        ),
        "updated": st.one_of(st.integers(), json_values),
    },
)
turns = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            k: st.one_of(hostile_text, json_values) for k in ("pending", "last", "last_reprompt")
        },
    ),
    json_values,
)
session_attributes = mostly(
    st.fixed_dictionaries(
        {},
        optional={
            "state": mostly(states, json_values),
            "turn": turns,
            "saved": st.one_of(st.none(), st.text(max_size=40), json_values),
            "junk": json_values,
        },
    ),
    st.one_of(json_values, deep),
)
locales = mostly(
    st.sampled_from(
        [
            "en-US",
            "en-GB",
            "en-IN",
            "en-NZ",
            "fr-FR",
            "EN_gb",
            "en",
            "../../../../tmp/x",
            "/etc/passwd",
            "x" * 300,
            "en-" + "Z" * 5000,
            "",
        ]
    ),
    st.one_of(hostile_text, json_values),
)
#: The request types Alexa sends (and a few it could): most fuzz examples use these.
request_types = st.sampled_from(
    [
        "LaunchRequest",
        "IntentRequest",
        "SessionEndedRequest",
        "CanFulfillIntentRequest",
        "System.ExceptionEncountered",
        "AudioPlayer.PlaybackStarted",
        "IntentRequest",
        "IntentRequest",
        "Bogus",
    ]
)
#: Request types no one sends.
odd_request_types = st.one_of(hostile_text, json_values)
SLOT_NAMES = [
    "ingredient",
    "component",
    "number",
    "action",
    "topic",
    "servings",
    "multiplier",
    "system",
    "scale",
]
slot_values = mostly(hostile_text, json_values)
resolutions = st.fixed_dictionaries(
    {
        "resolutionsPerAuthority": st.lists(
            st.fixed_dictionaries(
                {
                    "authority": st.just("amzn1.er-authority.echo-sdk.x.INGREDIENT"),
                    "status": st.fixed_dictionaries(
                        {
                            "code": st.sampled_from(
                                ["ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH", "BOGUS"]
                            )
                        }
                    ),
                    "values": st.lists(
                        st.fixed_dictionaries(
                            {
                                "value": st.fixed_dictionaries(
                                    {"name": slot_values, "id": slot_values}
                                )
                            }
                        ),
                        max_size=2,
                    ),
                }
            ),
            max_size=2,
        )
    }
)
slots = st.dictionaries(
    st.one_of(st.sampled_from(SLOT_NAMES), st.text(max_size=10)),
    mostly(
        st.fixed_dictionaries(
            {"name": st.text(max_size=10)},
            optional={"value": slot_values, "resolutions": resolutions},
        ),
        json_values,
    ),
    max_size=4,
)
intents = st.fixed_dictionaries(
    {"name": mostly(st.sampled_from([*sorted(ACTIONS), "NoSuchIntent"]), json_values)},
    optional={
        "slots": mostly(slots, json_values),
        "confirmationStatus": st.sampled_from(["NONE", "x"]),
    },
)


@st.composite
def envelopes(draw: st.DrawFn, kinds: st.SearchStrategy[Any] = request_types) -> dict[str, Any]:
    """A request envelope with the shape Alexa sends and hostile values inside."""
    kind = draw(kinds)
    request: dict[str, Any] = {"type": kind, "locale": draw(locales)}
    if kind in ("IntentRequest", "CanFulfillIntentRequest") or draw(st.booleans()):
        request["intent"] = draw(mostly(intents, json_values))
    if draw(st.booleans()):
        request["timestamp"] = draw(mostly(st.just("2025-11-25T12:00:00Z"), json_values))
    if kind == "SessionEndedRequest":
        request["reason"] = draw(
            st.one_of(st.sampled_from(["USER_INITIATED", "ERROR"]), json_values)
        )
    if kind == "System.ExceptionEncountered" or draw(st.booleans()):
        request["error"] = draw(
            st.one_of(
                st.fixed_dictionaries(
                    {"type": st.just("INVALID_RESPONSE"), "message": hostile_text}
                ),
                json_values,
            )
        )
    body = event(
        request,
        attributes=draw(session_attributes),
        user=draw(st.sampled_from(["amzn1.ask.account.FUZZ1", "amzn1.ask.account.FUZZ2"])),
        new=draw(st.booleans()),
        context=draw(st.booleans().map(lambda b: b or kind != "Bogus")),
    )
    return body
