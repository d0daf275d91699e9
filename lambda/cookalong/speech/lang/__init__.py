"""Language packs: everything that depends on a language, one package per language.

A pack (``speech/lang/<language>/``) holds the language's message templates, the sample
templates and vocabulary its interaction models are made of, and a small Python module that
implements :class:`Language`: how numbers, amounts, durations and temperatures are said, how
lists are joined, which article a name takes, and how words are normalised for look-up. A locale
is a small overlay on its language (``locales/<locale>.json``: units, oven words, spelling).

Adding a language is a new pack (``__init__.py`` with ``LANGUAGE``, ``messages.json``,
``locales/<locale>.json``, ``words.json``, ``samples/``, ``builtins.json``, ``slot_types.json``)
and its models; nothing in ``kitchen``, ``cooking`` or the Alexa adapter changes.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from datetime import timedelta
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from cookalong.kitchen.amounts import Amount
    from cookalong.kitchen.temperature import Temperature
    from cookalong.recipe.model import OvenSetting

PACKS_DIR = Path(__file__).resolve().parent
#: The languages the skill speaks, each a pack folder (listed here, never built from a request).
LANGUAGES: tuple[str, ...] = ("en", "de")


class Language(Protocol):
    """What the rest of the skill asks a language for."""

    code: str

    def number(self, value: Fraction | int) -> str: ...

    def amount(
        self, amount: Amount | None, name: str, *, locale: str, metric: bool, unit: str | None
    ) -> str: ...

    def temperature(self, t: Temperature, scale: str) -> str: ...

    def oven_fields(self, oven: OvenSetting) -> dict[str, str]: ...

    def duration(self, d: timedelta, case: str = "nom") -> str: ...

    def duration_range(self, low: timedelta, high: timedelta) -> str: ...

    def duration_adjective(self, d: timedelta) -> str | None: ...

    def unit_name(self, key: str, spelling: str | None) -> str: ...

    def join(self, items: list[str], word: str) -> str: ...

    def spoken_text(self, text: str) -> str: ...

    def metric_lengths(self, text: str, spelling: str | None) -> str: ...

    def recipe_text(self, text: str) -> str: ...

    def nutrient(self, value: str) -> str: ...

    def factor_word(self, factor: Fraction) -> str | None: ...

    def fields(self, values: Mapping[str, Any]) -> Mapping[str, Any]: ...

    def symbols(self) -> Mapping[str, str]: ...

    def cardinal(self, n: int) -> str: ...

    def heard_system(self, words: str | None) -> str | None: ...

    def heard_unit(self, words: str) -> str | None: ...

    def leading_unit(self, words: str) -> tuple[str, str] | None: ...

    def heard_number(self, words: str) -> int | None: ...


def language_of(locale: str) -> str:
    """``"de-AT"`` → ``"de"``."""
    return locale.split("-")[0].lower()


@cache
def pack(language: str) -> Language:
    """The pack of ``language`` (one of :data:`LANGUAGES`), imported once."""
    if language not in LANGUAGES:
        raise KeyError(f"no language pack {language!r}")
    module = importlib.import_module(f"{__name__}.{language}")
    return module.LANGUAGE


def pack_dir(language: str) -> Path:
    if language not in LANGUAGES:
        raise KeyError(f"no language pack {language!r}")
    return PACKS_DIR / language


@cache
def words(language: str) -> dict[str, Any]:
    """The pack's ``words.json`` (``{}`` when it has none)."""
    path = pack_dir(language) / "words.json"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def letters(language: str) -> str:
    """The letters speech recognition writes in ``language``, as a regex class body
    (``"a-z"``; German ``"a-zäöüß"``), from the pack's ``model.json``."""
    path = pack_dir(language) / "model.json"
    if not path.exists():
        return "a-z"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle).get("letters", "a-z")


def locale_files() -> dict[str, tuple[Path, Path | None]]:
    """Every locale the packs speak → (its language's messages, its overlay or ``None``)."""
    found: dict[str, tuple[Path, Path | None]] = {}
    for language in LANGUAGES:
        base = pack_dir(language) / "messages.json"
        for overlay in sorted((pack_dir(language) / "locales").glob("*.json")):
            found[overlay.stem] = (base, overlay)
    return found
