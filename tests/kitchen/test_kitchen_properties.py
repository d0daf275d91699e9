"""Properties that must hold for every amount, not only the recipe's (hypothesis)."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from cookalong.kitchen.amounts import US_VOLUME_GRID, Amount, format_amount, parse_amount
from cookalong.kitchen.durations import format_iso_duration, parse_duration
from cookalong.kitchen.temperature import celsius_to_fahrenheit, fahrenheit_to_celsius
from cookalong.kitchen.units import METRIC, UNITS
from cookalong.speech.lang.en.speak import speak_amount, speak_duration
from tests.kitchen.speakable import UNSPEAKABLE

settings.register_profile("kitchen", database=None, deadline=None, max_examples=300)
settings.load_profile("kitchen")

US_KEYS = sorted(k for k, u in UNITS.items() if u.system != METRIC)
METRIC_KEYS = sorted(k for k, u in UNITS.items() if u.system == METRIC)
NOUNS = ["drop", "garlic clove", "egg", "lemon", "cherry", "bay leaf", "tomato", "sprig"]

us_values = st.builds(
    lambda whole, part: whole + part,
    st.integers(0, 40),
    st.sampled_from([F(0), F(1, 2), F(1, 3), F(2, 3), F(1, 4), F(3, 4), F(1, 8), F(3, 8)]),
).filter(lambda v: v > 0)
metric_values = st.builds(
    lambda n, d: F(n, d), st.integers(1, 50_000), st.sampled_from([1, 2, 4, 10, 100])
)


@st.composite
def amounts(draw: st.DrawFn) -> Amount:
    kind = draw(st.sampled_from(["us", "metric", "noun", "bare"]))
    value = draw(metric_values if kind == "metric" else us_values)
    upper = draw(st.none() | st.just(value + draw(us_values)))
    if kind == "us":
        unit = draw(st.sampled_from(US_KEYS))
        if UNITS[unit].dimension == "informal":
            value, upper = F(draw(st.integers(1, 5))), None
        return Amount(value, unit, upper, approximate=draw(st.booleans()))
    if kind == "metric":
        return Amount(value, draw(st.sampled_from(METRIC_KEYS)), approximate=draw(st.booleans()))
    if kind == "noun":
        size = draw(st.none() | st.sampled_from(["small", "large"]))
        return Amount(value, noun=draw(st.sampled_from(NOUNS)), upper=upper, size=size)
    return Amount(value, upper=upper)


@given(amounts())
def test_what_is_written_reads_back_as_the_same_amount(amount):
    assert parse_amount(format_amount(amount)) == amount


@given(amounts(), st.sampled_from(["en-US", "en-GB"]))
def test_nothing_spoken_contains_abbreviations_or_symbols(amount, locale):
    said = speak_amount(amount, locale=locale)
    assert not UNSPEAKABLE.search(said), said


def _teaspoons(amount: Amount) -> F:
    return amount.value * UNITS[amount.unit].base / UNITS["teaspoon"].base


@given(
    st.sampled_from(["teaspoon", "tablespoon", "cup", "fluid_ounce"]),
    us_values,
    st.sampled_from([F(1, 4), F(1, 3), F(1, 2), F(2, 3), F(3, 2), F(2), F(3), F(4), F(6)]),
)
def test_scaled_spoons_and_cups_stay_close_to_the_exact_amount(unit, value, factor):
    # given a US volume and a scaling factor
    amount = Amount(value, unit)
    exact = _teaspoons(amount) * factor
    # when it is scaled and rounded to something measurable
    scaled = amount.scaled(factor)
    # then it is a pinch only for tiny amounts, and otherwise within a fifth (or 1/16 tsp)
    if scaled.unit == "pinch":
        assert exact < F(3, 32)
    else:
        assert abs(_teaspoons(scaled) - exact) <= max(exact / 5, F(1, 16))


@given(st.sampled_from(US_VOLUME_GRID), st.sampled_from([F(2), F(3), F(4)]))
def test_scaling_a_measurable_volume_up_and_back_down_stays_close(row, factor):
    # given a measurable volume (1 3/4 tsp doubles to 1 tbsp, not 3 1/2 tsp: the error compounds)
    teaspoons, unit, value = row
    # when a recipe is scaled up and back down
    back = Amount(value, unit).scaled(factor).scaled(1 / factor)
    # then the cook measures nearly what the recipe said
    assert abs(_teaspoons(back) - teaspoons) <= max(teaspoons / 4, F(1, 16))


@given(
    st.sampled_from(["pound", "ounce", "gram", "kilogram"]),
    us_values,
    st.sampled_from([F(1, 3), F(1, 2), F(2), F(3)]),
)
def test_scaled_weights_stay_close_to_the_exact_weight(unit, value, factor):
    amount = Amount(value, unit)
    exact = amount.value * UNITS[unit].base * factor
    scaled = amount.scaled(factor)
    grams = scaled.value * UNITS[scaled.unit].base
    if UNITS[unit].system == METRIC:  # whole grams below 100 g, then within 2.5 %
        assert abs(grams - exact) <= max(exact / 40, F(1, 2))
    else:  # quarter pounds from a pound: within an eighth, or half an ounce below
        assert abs(grams - exact) <= max(exact / 8, UNITS["ounce"].base / 2)


def _kitchen_ml(key: str) -> F:
    row = UNITS[key]
    return row.kitchen_ml if row.kitchen_ml is not None else row.base


@given(
    st.sampled_from(["teaspoon", "tablespoon", "cup", "fluid_ounce", "pound", "ounce"]),
    us_values,
    st.sampled_from([15, 20]),
)
def test_metric_conversions_are_close_and_flagged_when_rounded(unit, value, tablespoon_ml):
    # given a US amount, and a cook with metric spoons (a 15 ml, or Australian 20 ml, tablespoon)
    amount = Amount(value, unit)
    # when it is converted for a metric kitchen
    metric = amount.to_metric(tablespoon_ml=tablespoon_ml)
    if metric.unit == "pinch":
        assert value * _kitchen_ml(unit) < 1
        return
    # then it is close to the exact amount, and "about" exactly when rounding changed it
    row = UNITS[unit]
    volume = row.dimension == "volume"
    exact = value * (_kitchen_ml(unit) if volume else row.base)
    got = metric.value * (_kitchen_ml(metric.unit) if volume else UNITS[metric.unit].base)
    if not volume:  # grams: half a gram below 100 g, then 2.5 % (50 g in a kilogram)
        tolerance = max(exact / 40, F(1, 2))
    elif got <= 60:  # spoons: within a fifth, as US spoons are, or half a small spoon
        tolerance = max(exact / 5, F(5, 8))
    else:  # a jug's marks: within an eighth
        tolerance = exact / 8
    assert abs(got - exact) <= tolerance
    assert metric.approximate == (got != exact)


@given(
    st.sampled_from(sorted(k for k, u in UNITS.items() if u.dimension == "volume")),
    st.fractions(min_value=F(1, 100), max_value=F(200)),
    st.sampled_from([15, 20]),
)
def test_every_metric_volume_up_to_sixty_millilitres_is_said_in_spoons(unit, value, tbsp):
    # given any volume, US or metric, of at most 60 ml (4 tablespoons)
    amount = Amount(value, unit)
    ml = value * _kitchen_ml(unit)
    if ml > 60:
        return
    # when it is converted for a metric kitchen
    metric = amount.to_metric(tablespoon_ml=tbsp)
    said = speak_amount(metric, locale="en-AU" if tbsp == 20 else "en-GB")
    # then a cook hears spoons (or a pinch), never millilitres
    assert metric.unit in {"teaspoon", "tablespoon", "pinch"}
    assert "millilitre" not in said and ("spoon" in said or said.endswith("a pinch")), said
    # and an Australian cook is never told a 15 ml "tablespoon": theirs holds 20 ml, so the
    # amount is in teaspoons, said as their tablespoons from four teaspoons up
    if tbsp == 20:
        assert metric.unit != "tablespoon"
        assert ("tablespoon" in said) == (metric.unit == "teaspoon" and metric.value >= 4), said


@given(amounts(), st.sampled_from([15, 20]))
def test_converted_amounts_are_measurable_and_converting_again_changes_nothing(amount, tbsp):
    # given any amount, converted for a metric kitchen
    metric = amount.to_metric(tablespoon_ml=tbsp)
    ends = [metric.value] + ([metric.upper] if metric.upper is not None else [])
    # then spoons are in quarters, and no fraction of a millilitre is ever said
    if metric.unit in ("teaspoon", "tablespoon"):
        assert all((4 * end).denominator == 1 for end in ends), metric
    if metric.unit == "millilitre" and amount.unit_info.system != METRIC:
        assert all(end.denominator == 1 for end in ends), metric
    # and converting again changes nothing
    assert metric.to_metric(tablespoon_ml=tbsp) == metric
    said = speak_amount(metric, locale="en-AU" if tbsp == 20 else "en-GB")
    assert not UNSPEAKABLE.search(said), said


@given(st.integers(200, 500))
def test_oven_temperatures_survive_a_round_trip_within_a_dial_mark(fahrenheit):
    back = celsius_to_fahrenheit(fahrenheit_to_celsius(fahrenheit))
    assert abs(back - fahrenheit) <= 17  # 2.5 °C of rounding, then to the nearest 25 °F


@given(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)))
def test_iso_durations_round_trip(duration):
    assert parse_duration(format_iso_duration(duration)) == duration


@given(st.integers(0, 3 * 86400))
def test_every_spoken_duration_reads_back(seconds):
    duration = timedelta(seconds=seconds)
    said = speak_duration(duration)
    assert parse_duration(said.replace(",", "")) == duration
