"""Structured cooking amounts."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Amount:
    """A structured cooking amount: 1 ½ pounds, 2–3 tablespoons, 4 drops, 1 small garlic clove.

    Parameters
    ----------
    value
        The exact amount (the lower bound of a range), as a fraction: never a float.
    unit
        A key of the unit table (``"pound"``, ``"teaspoon"``, ``"gram"`` …), or ``None`` when
        the amount counts things (``noun``) or is a bare number.
    upper
        The upper bound of a range ("2 to 3 tablespoons"), else ``None``.
    noun
        What is counted when there is no unit, singular: ``"drop"``, ``"garlic clove"``.
    noun_plural
        Its plural when not regular (``None``: derived).
    size
        A size word said before the noun: ``"small"``, ``"large"``.
    """

    value: Fraction
    unit: str | None = None
    upper: Fraction | None = None
    noun: str | None = None
    noun_plural: str | None = None
    size: str | None = None
