"""Oven temperatures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Temperature:
    """An oven temperature as the recipe gives it: 275 °F is ``Temperature(275, "F")``."""

    degrees: int
    scale: str  # "F" or "C"
