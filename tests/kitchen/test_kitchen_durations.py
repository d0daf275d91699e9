"""Durations: read from what recipe pages publish, written as ISO 8601, said naturally."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cookalong.kitchen.durations import format_iso_duration, parse_duration, parse_duration_range
from cookalong.speech.lang.en.speak import speak_duration, speak_duration_range


def hm(hours: int = 0, minutes: int = 0, seconds: int = 0, days: int = 0) -> timedelta:
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO 8601, as schema.org Recipe publishes it
        ("PT2H15M", hm(2, 15)),
        ("PT10M", hm(0, 10)),
        ("PT2H25M", hm(2, 25)),
        ("P1DT2H", hm(2, days=1)),
        ("PT45S", hm(seconds=45)),
        ("PT1M30S", hm(0, 1, 30)),
        ("PT0.5S", timedelta(milliseconds=500)),
        ("P2D", hm(days=2)),
        ("P1W", hm(days=7)),
        ("PT0S", hm()),
        ("pt10m", hm(0, 10)),
        # the malformed forms real pages publish
        ("PT0D4H45M", hm(4, 45)),
        ("PT 35 minutes", hm(0, 35)),
        ("PT35M ", hm(0, 35)),
        (" PT 2H 15M ", hm(2, 15)),
        ("P0DT1H", hm(1)),
        ("P0Y0M0DT0H20M", hm(0, 20)),
        ("PT90M", hm(1, 30)),
        # plain English
        ("2 hours, 15 mins", hm(2, 15)),
        ("2 hours 25 mins", hm(2, 25)),
        ("2 hours and 15 minutes", hm(2, 15)),
        ("10 mins", hm(0, 10)),
        ("1 hr", hm(1)),
        ("1 hr.", hm(1)),
        ("2 hrs 15 min", hm(2, 15)),
        ("90 minutes", hm(1, 30)),
        ("1h 30m", hm(1, 30)),
        ("1h30m", hm(1, 30)),
        ("45 sec", hm(seconds=45)),
        ("1 ½ hours", hm(1, 30)),
        ("1.5 hours", hm(1, 30)),
        ("an hour and a half", hm(1, 30)),
        ("2 and a half hours", hm(2, 30)),
        ("half an hour", hm(0, 30)),
        ("a minute", hm(0, 1)),
        ("1 day", hm(days=1)),
        ("Two Hours", hm(2)),
    ],
)
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("soon", "cannot read a duration from 'soon'"),
        ("2 parsecs", "cannot read a duration"),
        ("15", "cannot read a duration"),  # no unit
        ("P", "ISO 8601"),
        ("PT", "ISO 8601"),
        ("PT2X", "ISO 8601"),
        ("P1M", "years and months"),
        ("P1Y", "years and months"),
        ("10–15 minutes", "cannot read a duration"),  # a range: parse_duration_range
        ("about 2 minutes", "cannot read a duration"),  # "about" is the caller's
    ],
)
def test_parse_duration_refuses_nonsense(text, says):
    with pytest.raises(ValueError, match=says):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("10–15 minutes", hm(0, 10), hm(0, 15)),
        ("10-15 mins", hm(0, 10), hm(0, 15)),
        ("10 to 15 minutes", hm(0, 10), hm(0, 15)),
        ("1-2 hours", hm(1), hm(2)),
        ("45 minutes to 1 hour", hm(0, 45), hm(1)),
        ("1 ½ to 2 hours", hm(1, 30), hm(2)),
        ("15 minutes", hm(0, 15), None),
        ("PT15M", hm(0, 15), None),
    ],
)
def test_parse_duration_range(text, low, high):
    assert parse_duration_range(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("15–10 minutes", "must go up"),
        ("10–10 minutes", "must go up"),
        ("10–15–20 minutes", "two ends"),
        ("soon–later", "cannot read a duration"),
    ],
)
def test_parse_duration_range_refuses_nonsense(text, says):
    with pytest.raises(ValueError, match=says):
        parse_duration_range(text)


@pytest.mark.parametrize(
    ("duration", "iso"),
    [
        (hm(2, 15), "PT2H15M"),
        (hm(0, 10), "PT10M"),
        (hm(2, days=1), "P1DT2H"),
        (hm(days=1), "P1D"),
        (hm(), "PT0S"),
        (hm(0, 1, 30), "PT1M30S"),
        (timedelta(seconds=1, milliseconds=250), "PT1.25S"),
    ],
)
def test_format_iso_duration_round_trips(duration, iso):
    assert format_iso_duration(duration) == iso
    assert parse_duration(iso) == duration


def test_a_negative_duration_cannot_be_written_or_said():
    with pytest.raises(ValueError, match="negative"):
        format_iso_duration(-hm(0, 1))
    with pytest.raises(ValueError, match="negative"):
        speak_duration(-hm(0, 1))


@pytest.mark.parametrize(
    ("duration", "said"),
    [
        (hm(2), "two hours"),
        (hm(1), "one hour"),
        (hm(0, 15), "fifteen minutes"),
        (hm(0, 1), "one minute"),
        (hm(0, 20), "twenty minutes"),
        (hm(0, 25), "25 minutes"),
        (hm(0, 30), "30 minutes"),
        (hm(2, 15), "two hours and fifteen minutes"),
        (hm(2, 25), "two hours and 25 minutes"),
        (hm(1, 1), "one hour and one minute"),
        (hm(1, 30), "an hour and a half"),
        (hm(2, 30), "two and a half hours"),
        (hm(0, 1, 30), "one minute and 30 seconds"),
        (hm(2, 10, days=1), "one day, two hours and ten minutes"),
        (hm(12, days=1), "one day and twelve hours"),
        (hm(days=1, minutes=30), "one day and 30 minutes"),
        (hm(), "zero minutes"),
        (timedelta(seconds=59.6), "one minute"),  # to the nearest second
    ],
)
def test_speak_duration(duration, said):
    assert speak_duration(duration) == said


@pytest.mark.parametrize(
    ("low", "high", "said"),
    [
        (hm(0, 10), hm(0, 15), "ten to fifteen minutes"),
        (hm(1), hm(2), "one to two hours"),
        (hm(0, 20), hm(0, 25), "twenty to 25 minutes"),
        (hm(1, 30), hm(2), "an hour and a half to two hours"),
        (hm(0, 45), hm(1), "45 minutes to one hour"),
        (hm(0, 50), hm(1, 10), "50 to 70 minutes"),
        (hm(1), hm(1, 30), "one hour to an hour and a half"),
        (hm(0, 0, 30), hm(0, 1), "30 seconds to one minute"),
        (hm(0, 10), hm(0, 10), "ten minutes"),
        (hm(), hm(0, 5), "zero minutes to five minutes"),
    ],
)
def test_speak_duration_range(low, high, said):
    assert speak_duration_range(low, high) == said


def test_a_range_that_goes_down_is_refused():
    with pytest.raises(ValueError, match="must go up"):
        speak_duration_range(hm(0, 15), hm(0, 10))


def test_only_durations_can_be_said():
    with pytest.raises(ValueError, match="timedelta"):
        speak_duration(15)  # type: ignore[arg-type]
