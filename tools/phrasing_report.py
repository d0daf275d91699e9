"""How well the interaction models understand cooks' own words: ``python -m tools.phrasing_report``.

Three corpora of utterances live in ``tests/models/phrasing/``, each line an utterance, the intent
it means and the slots it carries:

* ``dev.tsv`` — the phrasings the sample templates were tuned on; ``tests/models/test_phrasing.py``
  requires every one of them to resolve as expected;
* ``heldout.tsv`` — the older held-out set, written apart, in other words; only reported here;
* ``heldout2.tsv`` — the held-out set for issue 10, written before any tuning for it by someone
  who had not seen the samples; only reported here, never read to write samples, so its number
  says honestly how far the models generalise to conversations they have not seen.

``--misses`` lists what was not understood, for every set shown or (``--misses dev``) for the
sets named. ``--strict`` counts a built-in intent (AMAZON.NextIntent ...) only when one of its
samples matched exactly: Alexa extends a built-in intent with a skill's samples by exact matches
only, so the strict figure is the floor of what Alexa understands.

Each utterance goes through the project's resolver (:mod:`tools.resolver`) for every locale it is
meant for. A slot is right when what the skill would make of it is what was expected: its resolved
id, its raw words, or what the recipe look-up finds from those words (as the handlers do, so
"resting" means the rest step and "salt" both salts).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cookalong.cooking.lookup import RecipeIndex, build_index
from cookalong.kitchen.units import match_unit
from cookalong.recipe.loader import shipped_recipes
from tools.models import BUILT_IN_INTENTS, CUSTOM_INTENTS, ROOT
from tools.resolver import Resolution, resolver_for

CORPUS_DIR = ROOT / "tests" / "models" / "phrasing"
CORPORA: dict[str, Path] = {
    "dev": CORPUS_DIR / "dev.tsv",
    "heldout": CORPUS_DIR / "heldout.tsv",
    "heldout2": CORPUS_DIR / "heldout2.tsv",
    "de_dev": CORPUS_DIR / "de_dev.tsv",
    "de_heldout": CORPUS_DIR / "de_heldout.tsv",
}
DEFAULT_LOCALES: tuple[str, ...] = ("en-US", "en-GB")
#: The locales of a German corpus line that names none (``de_*.tsv``).
GERMAN_LOCALES: tuple[str, ...] = ("de-DE",)
_INTENT_SLOTS: dict[str, dict[str, str]] = {
    **{name: {} for name in BUILT_IN_INTENTS},
    **CUSTOM_INTENTS,
}


class CorpusError(ValueError):
    """A corpus line that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Case:
    """One utterance of a corpus and what it must mean.

    Attributes
    ----------
    utterance
        What the cook says.
    intent
        The intent it must reach.
    slots
        Per slot, the acceptable meanings (a slot id, raw words, or digits for a number); a slot
        of the intent not named here must stay empty.
    locales
        The locales the utterance is checked in.
    where
        ``file:line``, for messages.
    """

    utterance: str
    intent: str
    slots: dict[str, tuple[str, ...]]
    locales: tuple[str, ...]
    where: str


def read_corpus(path: Path, default_locales: tuple[str, ...] | None = None) -> list[Case]:
    """Read a corpus file (tab-separated: utterance, intent, slots, optional locales).

    Raises
    ------
    CorpusError
        For a line with too few columns, an unknown intent, a slot the intent does not have, a
        malformed slot or the same utterance twice.
    """
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        columns = line.split("\t")
        if len(columns) not in (3, 4):
            raise CorpusError(f"{where}: expected 3 or 4 tab-separated columns, got {len(columns)}")
        utterance, intent, slot_text = (column.strip() for column in columns[:3])
        if intent not in _INTENT_SLOTS:
            raise CorpusError(f"{where}: no intent {intent!r} in the contract")
        slots: dict[str, tuple[str, ...]] = {}
        if slot_text != "-":
            for item in slot_text.split():
                name, equals, value = item.partition("=")
                if not equals or not value:
                    raise CorpusError(f"{where}: slot {item!r} is not name=value")
                if name not in _INTENT_SLOTS[intent]:
                    raise CorpusError(f"{where}: {intent} has no slot {name!r}")
                slots[name] = tuple(value.split("|"))
        fallback = default_locales or (
            GERMAN_LOCALES if path.name.startswith("de_") else DEFAULT_LOCALES
        )
        locales = tuple(columns[3].split()) if len(columns) == 4 else fallback
        key = utterance.lower()
        if key in seen:
            raise CorpusError(f"{where}: {utterance!r} is already at {seen[key]}")
        seen[key] = where
        cases.append(Case(utterance, intent, slots, locales, where))
    return cases


# --------------------------------------------------------------------------------------------
# What the skill makes of a slot


@cache
def _indexes() -> tuple[RecipeIndex, ...]:
    return tuple(build_index(recipe) for recipe in shipped_recipes().values())


def _resolved_ids(resolution: Resolution, name: str) -> set[str]:
    ids: set[str] = set()
    slot = resolution.slots.get(name, {})
    for authority in slot.get("resolutions", {}).get("resolutionsPerAuthority", []):
        if authority["status"]["code"] == "ER_SUCCESS_MATCH":
            ids.update(value["value"]["id"] for value in authority["values"])
    return ids


def slot_meanings(resolution: Resolution, name: str, type_name: str) -> set[str]:
    """Everything the slot ``name`` of ``resolution`` can stand for in the skill.

    The raw words, every resolved id, and what the recipe look-up finds from them: ingredient
    keys, the component id, the action words that lead to the same steps, tip ids, the unit (or
    its system) a cook named.
    """
    words = resolution.slot_value(name)
    if not words:
        return set()
    ids = _resolved_ids(resolution, name)
    meanings = {words, *ids}
    first = resolution.slot_id(name)
    for index in _indexes():
        if type_name == "INGREDIENT":
            meanings.update(i.key for i in index.find_ingredients(words, first))
        elif type_name == "COMPONENT":
            component = index.find_component(words, first)
            if component is not None:
                meanings.add(component.id)
        elif type_name == "STEP_ACTION":
            steps = set(index.find_action(words, first))
            if steps:
                meanings.update(
                    action for action, found in index.actions.items() if set(found) == steps
                )
        elif type_name == "TIP_TOPIC":
            meanings.update(tip.id for tip in index.find_tips(words, first))
    if type_name in ("UNIT", "UNIT_SYSTEM"):
        # the handlers read a unit the cook named ("use grams": the metric system)
        found = match_unit(words.removeprefix("in ").strip())
        if found is not None:
            meanings.add(found[0].key if type_name == "UNIT" else found[0].system)
    return meanings


def miss(case: Case, locale: str) -> str | None:
    """Why ``case`` is not understood in ``locale`` (``None`` when it is)."""
    return _judge(case, resolver_for(locale).resolve(case.utterance))


def _judge(case: Case, resolution: Resolution) -> str | None:
    heard = resolution.describe()
    if resolution.kind != "intent" or resolution.intent != case.intent:
        return f"wanted {case.intent}, got {heard}"
    for name, type_name in sorted(_INTENT_SLOTS[case.intent].items()):
        expected = case.slots.get(name)
        if expected is None:
            if resolution.slot_value(name):
                return f"{name} should be empty, got {heard}"
        elif not slot_meanings(resolution, name, type_name) & set(expected):
            return f"wanted {name}={'|'.join(expected)}, got {heard}"
    return None


@dataclass(frozen=True)
class Score:
    """How many utterances of a corpus one locale understands."""

    locale: str
    total: int
    intents_right: int
    all_right: int
    misses: tuple[tuple[Case, str], ...]


def score(cases: Iterable[Case], locale: str, *, strict: bool = False) -> Score:
    """Resolve every case meant for ``locale``; count the right intents and the full matches.

    ``strict``: a built-in intent counts only when one of its samples matched exactly, as Alexa
    extends a built-in intent with our samples by exact matches only (what Alexa's own model of
    the built-in understands besides is unknown here, so this is the lower bound).
    """
    total = intents_right = all_right = 0
    misses: list[tuple[Case, str]] = []
    resolver = resolver_for(locale)
    for case in cases:
        if locale not in case.locales:
            continue
        total += 1
        resolution = resolver.resolve(case.utterance)
        if strict and resolution.cost > 0 and (resolution.intent or "").startswith("AMAZON."):
            resolution = Resolution("intent", "AMAZON.FallbackIntent", {}, cost=resolution.cost)
        intents_right += resolution.intent == case.intent
        why = _judge(case, resolution)
        if why is None:
            all_right += 1
        else:
            misses.append((case, why))
    return Score(locale, total, intents_right, all_right, tuple(misses))


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "  n/a"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tools.phrasing_report [--set SET] [--locale L] [--misses [SET ...]]``."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.phrasing_report", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--set", choices=sorted(CORPORA), action="append", dest="sets")
    parser.add_argument("--locale", action="append", dest="locales")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a built-in intent only by an exact sample (how Alexa extends built-in intents)",
    )
    parser.add_argument(
        "--misses",
        nargs="*",
        choices=sorted(CORPORA),
        metavar="SET",
        help="list what was not understood (in every set shown, or only in the sets named)",
    )
    args = parser.parse_args(argv)
    try:
        corpora = {name: read_corpus(CORPORA[name]) for name in args.sets or list(CORPORA)}
    except (CorpusError, OSError) as error:
        print(f"phrasing_report: {error}", file=sys.stderr)
        return 2
    print(f"{'set':8} {'locale':6} {'utterances':>10} {'intent':>7} {'intent+slots':>13}")
    for name, cases in corpora.items():
        german = name.startswith("de_")
        for locale in args.locales or (("de-DE", "de-AT") if german else DEFAULT_LOCALES):
            result = score(cases, locale, strict=args.strict)
            print(
                f"{name:8} {locale:6} {result.total:10d} "
                f"{_percent(result.intents_right, result.total):>7} "
                f"{_percent(result.all_right, result.total):>13}"
            )
            if args.misses is not None and (not args.misses or name in args.misses):
                for case, why in result.misses:
                    print(f"    {case.where}: {case.utterance!r}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
