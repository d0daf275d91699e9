"""A unit asked for once: "how many grams of pork belly", "how much mayo in cups".

:func:`to_unit` says an amount in the unit the cook named, rounded to how that unit is
measured, without touching the cook's preference (the caller asks once per question). Rules
(each one is tested in ``tests/kitchen/test_kitchen_asked.py``):

==================  ==========================================================================
asked for           rounded to
==================  ==========================================================================
teaspoon            eighths below 1 ("half a teaspoon plus an eighth"), quarters below 3,
                    halves below 10, then whole; below 3/32 teaspoon a pinch
tablespoon          halves below 10, then whole; an Australian cook's is 20 ml: whole
                    teaspoons from four (said "two tablespoons plus one teaspoon")
cup                 quarters and thirds (nearest), eighths below ¼ cup
fluid ounce         halves below 16, then whole
pint, quart, gallon quarters
millilitre          whole millilitres from 5 ml below 60 ml, 10 ml below 250 ml, then 50 ml
                    (never a fraction of a millilitre)
litre               hundredths below ¼ litre, then twentieths (50 ml)
gram                tenths below 1 g, whole grams below 100 g, 5 g below 1 kg, then 10 g
kilogram            hundredths below 1 kg, then twentieths (50 g)
ounce               quarters below 1 oz, halves below 4 oz, then whole
pound               eighths below ½ lb, then quarters
inch; centimetre;   quarters; halves; whole
millimetre
==================  ==========================================================================

When the nearest measure of the asked unit is more than an eighth away from the amount ("one
teaspoon in cups"), the amount is said in the next smaller measure instead: tablespoons and
cups fall back to teaspoons and spoons, litres to millilitres, millilitres below 5 ml to metric
spoons, kilograms and ounces to grams, pounds to ounces. A cook asking for the impossible still
hears something they can measure.

Volume and weight convert into each other only through :func:`~cookalong.kitchen.densities.
density_for`, and the result is always "about". Counted things ("1 garlic clove"), pinches and
dashes, bare numbers and a missing amount cannot be converted: :func:`to_unit` returns
``None`` and the caller says so.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from cookalong.kitchen.amounts import (
    METRIC_SPOONS,
    Amount,
    _kitchen_ml,
    _measure_metric_volume,
    _measure_us_volume,
    _Measured,
    _nearest,
    _one_metric_unit,
    _rebuild,
)
from cookalong.kitchen.units import (
    INFORMAL,
    METRIC_TABLESPOON_ML,
    UNITS,
    VOLUME,
    WEIGHT,
    Unit,
    unit_for,
)

_CLOSE = Fraction(1, 8)  # an asked measure further off than this falls back to a smaller one
_F = Fraction


def _steps(*bands: tuple[Fraction | int | None, Fraction]) -> Callable[[Fraction], Fraction]:
    """A rounding rule: (below this value, round to this step) …, the last band unbounded.

    The result is never below the smallest step."""

    def rounded(value: Fraction) -> Fraction:
        for limit, step in bands:
            if limit is None or value < limit:
                return max(_nearest(value, step), bands[0][1])
        raise AssertionError("unreachable")  # pragma: no cover - the last band is unbounded

    return rounded


def _cups(value: Fraction) -> Fraction:
    if value < _F(1, 4):
        return max(_nearest(value, _F(1, 8)), _F(1, 8))
    by_quarter, by_third = _nearest(value, _F(1, 4)), _nearest(value, _F(1, 3))
    return min((by_quarter, by_third), key=lambda c: (abs(c - value), c.denominator != 4))


def _millilitres(value: Fraction) -> Fraction:
    if value < 5:
        return _F(0)  # never a fraction of a millilitre: spoons say it (the fallback)
    return _steps((60, _F(1)), (250, _F(10)), (None, _F(50)))(value)


#: How an asked unit is measured: its value in that unit → the nearest measurable value.
GRIDS: dict[str, Callable[[Fraction], Fraction]] = {
    "teaspoon": _steps((1, _F(1, 8)), (3, _F(1, 4)), (10, _F(1, 2)), (None, _F(1))),
    "tablespoon": _steps((10, _F(1, 2)), (None, _F(1))),
    "cup": _cups,
    "fluid_ounce": _steps((16, _F(1, 2)), (None, _F(1))),
    "pint": _steps((None, _F(1, 4))),
    "quart": _steps((None, _F(1, 4))),
    "gallon": _steps((None, _F(1, 4))),
    "millilitre": _millilitres,
    "litre": _steps((_F(1, 4), _F(1, 100)), (None, _F(1, 20))),
    "gram": _steps((1, _F(1, 10)), (100, _F(1)), (1000, _F(5)), (None, _F(10))),
    "kilogram": _steps((1, _F(1, 100)), (None, _F(1, 20))),
    "ounce": _steps((1, _F(1, 4)), (4, _F(1, 2)), (None, _F(1))),
    "pound": _steps((_F(1, 2), _F(1, 8)), (None, _F(1, 4))),
    "inch": _steps((None, _F(1, 4))),
    "centimetre": _steps((None, _F(1, 2))),
    "millimetre": _steps((None, _F(1))),
}

#: Where an asked unit falls back when its nearest measure is not close: a smaller unit, or
#: ``"spoons"`` (US spoons and cups) / ``"metric spoons"``; ``None`` keeps the unit's own.
FALLBACK: dict[str, str | None] = {
    "teaspoon": None,
    "tablespoon": "teaspoon",
    "cup": "spoons",
    "fluid_ounce": "spoons",
    "pint": "cup",
    "quart": "cup",
    "gallon": "cup",
    "millilitre": "metric spoons",
    "litre": "millilitre",
    "gram": None,
    "kilogram": "gram",
    "ounce": "gram",
    "pound": "ounce",
    "inch": None,
    "centimetre": "millimetre",
    "millimetre": None,
}


def _size(unit: Unit) -> Fraction:
    """A unit in base measures: kitchen millilitres for volumes, grams, millimetres."""
    return _kitchen_ml(unit.key) if unit.dimension == VOLUME else unit.base


def _australian_teaspoons(value: Fraction) -> Fraction:
    """Teaspoons for a 20 ml tablespoon: whole teaspoons from one tablespoon (four)."""
    return GRIDS["teaspoon"](value) if value < 4 else _nearest(value, _F(1))


def _measure(base: Fraction, key: str, tablespoon_ml: int, australian: bool) -> _Measured:
    """``base`` millilitres / grams / millimetres in the asked unit, or the fallback's."""
    while True:
        if key == "teaspoon" and base / _size(UNITS[key]) < _F(3, 32):
            return _F(1), "pinch"
        exact = base / _size(UNITS[key])
        value = (_australian_teaspoons if australian else GRIDS[key])(exact)
        fallback = FALLBACK[key]
        if fallback is None or (value > 0 and abs(value - exact) <= exact * _CLOSE):
            return value, key
        if fallback == "spoons":
            return _measure_us_volume(base / 5)
        if fallback == "metric spoons":
            return _measure_metric_volume(base, tablespoon_ml)
        key = fallback


def _in(measured: _Measured, key: str | None, base: Fraction) -> _Measured:
    """A range end in the other end's unit (so the unit is said once)."""
    if key is None or measured[1] == key or UNITS[key].dimension == INFORMAL:
        return measured
    value = GRIDS[key](base / _size(UNITS[key]))
    return (value, key) if value > 0 else measured


def to_unit(
    amount: Amount | None,
    unit: str,
    *,
    ingredient: str | None = None,
    tablespoon_ml: int = METRIC_TABLESPOON_ML,
) -> Amount | None:
    """An amount in the unit a cook asked for, rounded to how that unit is measured.

    Parameters
    ----------
    amount
        The (scaled) amount, as the recipe has it; ``None`` for an ingredient without one.
    unit
        A canonical unit key of :data:`~cookalong.kitchen.units.UNITS` (``"gram"``,
        ``"cup"``, ``"millilitre"`` …) or any alias the unit table knows (``"grams"``).
    ingredient
        What is measured (``"flaky sea salt"``): needed only between volume and weight.
    tablespoon_ml
        The cook's tablespoon: 15 ml, or 20 ml in Australia, where "tablespoon" means the
        20 ml spoon (:func:`~cookalong.kitchen.units.tablespoon_ml_for`): the amount comes
        back in teaspoons, which en-AU says as its tablespoons plus teaspoons.

    Returns
    -------
    Amount | None
        The amount in that unit (see the module notes for the rounding and the fallback to a
        smaller measure), ``approximate`` when rounding or a density changed it; ``None`` when
        it cannot be converted: a count, a pinch, a bare number, no amount, another dimension
        (a length in cups), or between volume and weight without a known density.

    Raises
    ------
    ValueError
        For a unit the table does not know, an informal one (a pinch is not a unit to
        convert to), or a tablespoon of neither 15 nor 20 ml.

    Examples
    --------
    ``1 ½ lb`` in grams → ``about 680 g``; in ounces → ``24 oz``; ``4 tbsp`` in cups →
    ``¼ cup``; ``1 tsp`` of salt in grams → ``about 6 g``; ``⅛ tsp`` in millilitres → a
    pinch; ``1 garlic clove`` in grams → ``None``.
    """
    target = unit_for(unit)
    if tablespoon_ml not in METRIC_SPOONS:
        raise ValueError(f"a tablespoon holds 15 or 20 ml, not {tablespoon_ml}")
    if target.dimension == INFORMAL:
        raise ValueError(f"{target.singular!r} is not a unit an amount converts to")
    australian = tablespoon_ml != METRIC_TABLESPOON_ML and target.key == "tablespoon"
    if australian:  # kept in teaspoons, said as 20 ml tablespoons in en-AU
        target = UNITS["teaspoon"]
    if amount is None or amount.unit is None:
        return None
    source = UNITS[amount.unit]
    if source.dimension == INFORMAL:
        return None
    if source.key == target.key and target.key != "millilitre":
        return amount
    if source.dimension == target.dimension:
        per_base, density = _size(source), False
    elif {source.dimension, target.dimension} == {VOLUME, WEIGHT}:
        from cookalong.kitchen.densities import density_for  # the table, when first needed

        grams_per_ml = density_for(ingredient)
        if grams_per_ml is None:
            return None
        density = True
        if source.dimension == VOLUME:  # the figures are per real measure, not the kitchen one
            per_base = source.base * grams_per_ml
        else:  # to kitchen millilitres of the real volume
            per_base = source.base / grams_per_ml * (_size(target) / target.base)
    else:
        return None
    bounds = [amount.value * per_base]
    if amount.upper is not None:
        bounds.append(amount.upper * per_base)
    measured = [_measure(base, target.key, tablespoon_ml, australian) for base in bounds]
    if len(measured) == 1:
        lo, hi = measured[0], None
    else:
        lo, hi = _one_unit(measured, bounds, target, tablespoon_ml)
    ends = [lo] + ([hi] if hi is not None else [])
    about = (
        amount.approximate
        or density
        or any(not _exact(end, base) for end, base in zip(ends, bounds, strict=True))
    )
    return _rebuild(amount, lo, hi, approximate=about)


def _one_unit(
    measured: list[_Measured], bounds: list[Fraction], target: Unit, tablespoon_ml: int
) -> tuple[_Measured, _Measured]:
    """The two ends of a range in units that say it once: "three to 30 grams"."""
    if target.dimension == VOLUME:  # metric spoons meeting millilitres
        lo, hi = _one_metric_unit(measured, bounds, tablespoon_ml)
        assert hi is not None
    else:
        lo, hi = measured
    if lo[1] != hi[1] and not _whole_ratio(lo[1], hi[1]):  # "3 g to 1 oz" needs odd fractions
        in_hi = _in(lo, hi[1], bounds[0])
        if _close(in_hi, bounds[0]):
            return in_hi, hi
        return lo, _in(hi, lo[1], bounds[1])
    return lo, hi


def _exact(measured: _Measured, base: Fraction) -> bool:
    value, key = measured
    return key is None or UNITS[key].dimension == INFORMAL or value * _size(UNITS[key]) == base


def _whole_ratio(a: str | None, b: str | None) -> bool:
    """Whether one unit is a whole number of the other (3 teaspoons, 16 ounces, 1000 g)."""
    if a is None or b is None or INFORMAL in (UNITS[a].dimension, UNITS[b].dimension):
        return True  # a pinch at one end: _rebuild keeps what can be measured
    small, big = sorted((UNITS[a].base, UNITS[b].base))
    return (big / small).denominator == 1


def _close(measured: _Measured, base: Fraction) -> bool:
    value, key = measured
    return key is not None and abs(value * _size(UNITS[key]) - base) <= base * _CLOSE


class CannotConvert(ValueError):
    """An amount cannot be said in the unit asked for (a count, a pinch, no known density).

    Raised by :func:`~cookalong.speech.lang.en.speak.speak_ingredient_amount` and
    ``Voice.quantity`` when given such a unit; check with :func:`to_unit` (``None``) first.
    """

    def __init__(self, amount: Amount | None, unit: str, ingredient: str | None) -> None:
        self.amount, self.unit, self.ingredient = amount, unit, ingredient
        super().__init__(f"cannot say {amount} of {ingredient or 'it'} in {unit}")


__all__ = ["FALLBACK", "GRIDS", "CannotConvert", "to_unit"]
