"""Load recipe files: JSON Schema validation, semantic checks, the model and its lookups.

Everything here runs once, at start-up (``default_recipes()`` is cached): a broken recipe is
refused then, with a message naming the file and the JSON path of the problem
(``recipe.json: $.components[1].ingredients[3].amount.value: must match pattern …``), never
with a traceback deep in a conversation.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn

from cookalong.kitchen.amounts import GLYPHS, Amount
from cookalong.kitchen.temperature import Temperature
from cookalong.recipe.model import (
    Component,
    Ingredient,
    Note,
    OvenSetting,
    Recipe,
    Step,
    TimeSpan,
    Tip,
)

SCHEMA_PATH = Path(__file__).with_name("schema.json")
# schema.json compiled ahead of time (fastjsonschema.compile_to_code): compiling at start-up
# costs ~90 ms plus ~25 ms to import fastjsonschema; importing the generated module costs ~1 ms
# from its .pyc, ~9 ms when it must be compiled from source.
# Regenerate with `python tools/check_recipes.py --write-validator` (the check refuses a stale one).
VALIDATOR_PATH = Path(__file__).with_name("_schema_validator.py")
ENV_VAR = "COOKALONG_RECIPES"

# Plausible oven settings; outside them the number is almost surely a typo (or the wrong scale).
_OVEN_RANGE = {"F": (100, 600), "C": (40, 320)}

_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_UNICODE_FRACTIONS = GLYPHS  # one table of ½ ⅓ ¼ … for the whole package
_UF = "".join(_UNICODE_FRACTIONS)
# The quantity an ingredient's source line starts with: "1 1/2", "1/8", "1 ½", "⅛", "4", "2.5".
_QUANTITY = rf"(?:(?:\d+\s+)?\d+/\d+|(?:\d+(?:\.\d+)?)?\s*[{_UF}]|\d+(?:\.\d+)?)"
_LEADING = re.compile(rf"\s*({_QUANTITY})(?:\s*(?:-|–|to)\s*({_QUANTITY}))?")

# What must never be spoken: abbreviations, symbols, digit fractions and ranges, bare degrees.
_UNSPEAKABLE = (
    (re.compile(rf"[{_UF}]"), "a unicode fraction"),
    (re.compile(r"°"), "a degree sign"),
    (re.compile(r"\d\s*/\s*\d"), "a digit fraction"),
    (re.compile(r"\b(?:tbsps?|tbs|tsps?|lbs?|oz)\b\.?", re.IGNORECASE), "a unit abbreviation"),
    (re.compile(r"\d\s*(?:mg|g|kg|ml|cl|dl|l|cm|mm)\b", re.IGNORECASE), "a unit abbreviation"),
    (re.compile(r"\d\s*[-–]\s*\d"), "a range with a dash (say '10 to 15')"),
    (
        re.compile(r"\b\d+\s+degrees?\b(?!\s+(?:Fahrenheit|Celsius)\b)"),
        "degrees without Fahrenheit or Celsius",
    ),
    (re.compile(r"\*"), "an asterisk"),
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class RecipeError(ValueError):
    """A recipe file that cannot be used, with the file and the JSON path of the problem."""


def parse_quantity(text: str) -> Fraction:
    """Read an exact amount as written in a recipe file.

    Parameters
    ----------
    text
        A whole number ``"4"``, a fraction ``"1/8"``, a mixed number ``"1 1/2"`` or a decimal
        ``"2.5"``; also a unicode fraction as in a source line (``"1 ½"``, ``"⅛"``).

    Returns
    -------
    Fraction
        The exact value.

    Raises
    ------
    ValueError
        When the text is not such a number, divides by zero, or is a mixed number whose
        fraction part is not less than one (``"1 3/2"``).
    """
    cleaned = text.strip()
    tail = cleaned[-1:] if cleaned else ""
    if tail in _UNICODE_FRACTIONS:
        whole = cleaned[:-1].strip()
        return (Fraction(whole) if whole else 0) + _UNICODE_FRACTIONS[tail]
    parts = cleaned.split()
    if len(parts) == 2 and "/" in parts[1] and "/" not in parts[0] and "." not in parts[0]:
        part = _simple_fraction(parts[1])
        if part >= 1:
            raise ValueError(f"the fraction part of {text!r} must be less than one")
        return int(parts[0]) + part
    if len(parts) != 1:
        raise ValueError(f"{text!r} is not a number")
    return _simple_fraction(parts[0])


def _simple_fraction(text: str) -> Fraction:
    if not re.fullmatch(r"\d+(?:\.\d+)?|\d+/\d+", text):
        raise ValueError(f"{text!r} is not a number")
    try:
        return Fraction(text)
    except ZeroDivisionError:
        raise ValueError(f"{text!r} divides by zero") from None


def _spell(value: Fraction) -> str:
    """A fraction as a recipe file writes it: "1 1/2", "1/8", "4"."""
    whole, part = divmod(value, 1)
    if not part:
        return str(whole)
    return f"{whole} {part}" if whole else str(part)


def parse_duration(text: str) -> timedelta:
    """Read an ISO 8601 duration of days, hours, minutes and seconds ("PT2H15M").

    Raises
    ------
    ValueError
        When the text is not such a duration.
    """
    match = _DURATION.fullmatch(text)
    if not match or text in ("P", "PT") or text.endswith("T"):
        raise ValueError(f"{text!r} is not an ISO 8601 duration such as 'PT2H15M'")
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _schema_sha256(schema_bytes: bytes) -> str:
    return hashlib.sha256(schema_bytes).hexdigest()


def _validation_schema(schema_text: str) -> dict[str, Any]:
    """schema.json without its annotations (descriptions would bloat the generated code)."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: strip(v)
                for k, v in node.items()
                if not (k in ("title", "description", "$comment") and isinstance(v, str))
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return strip(json.loads(schema_text))


_GENERATED_HEADER = '''\
# Generated from schema.json by `python tools/check_recipes.py --write-validator`: do not edit.
# ruff: noqa
# fmt: off
SCHEMA_SHA256 = "{sha}"


class JsonSchemaValueException(ValueError):
    """fastjsonschema's error, without importing fastjsonschema at start-up."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)
        self.message = message
        self.value = value
        self.name = name
        self.definition = definition
        self.rule = rule


class JsonSchemaValuesException(ValueError):
    def __init__(self, errors):
        self.message = "; ".join(error.message for error in errors)
        super().__init__(self.message)
        self.errors = errors


'''
_FASTJSONSCHEMA_IMPORT = (
    "from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException\n"
)


def validator_source(schema_bytes: bytes | None = None) -> str:
    """The Python source of the ahead-of-time compiled validator for ``schema.json``.

    Parameters
    ----------
    schema_bytes
        The schema file's bytes (default: read ``schema.json``).

    Returns
    -------
    str
        Module source defining ``validate(data)`` and ``SCHEMA_SHA256``; it does not import
        ``fastjsonschema``.
    """
    import fastjsonschema  # a build-time tool here, not a start-up cost

    if schema_bytes is None:
        schema_bytes = SCHEMA_PATH.read_bytes()
    code = fastjsonschema.compile_to_code(_validation_schema(schema_bytes.decode("utf-8")))
    if _FASTJSONSCHEMA_IMPORT not in code:
        raise RuntimeError("fastjsonschema's generated code changed shape; update validator_source")
    code = code.replace(_FASTJSONSCHEMA_IMPORT, "")
    # Each raise embeds its whole sub-schema; dropping them makes the module 60 % smaller and
    # 3 times faster to compile where no .pyc can be written (Lambda: ~9 ms instead of ~25 ms).
    code = re.sub(r"definition=\{.*?\}, rule=", "definition=None, rule=", code)
    return _GENERATED_HEADER.format(sha=_schema_sha256(schema_bytes)) + code.rstrip() + "\n"


@functools.cache
def _validator() -> Callable[[Any], Any]:
    """The JSON Schema validator: the generated module when it matches schema.json.

    When schema.json was edited after the module was generated, compile at run time instead
    (correct, ~100 ms slower); ``tools/check_recipes.py`` refuses the stale module.
    """
    schema_bytes = SCHEMA_PATH.read_bytes()
    try:
        from cookalong.recipe import _schema_validator as generated
    except ImportError:
        generated = None
    if generated is not None and _schema_sha256(schema_bytes) == generated.SCHEMA_SHA256:
        return generated.validate
    import fastjsonschema

    return fastjsonschema.compile(_validation_schema(schema_bytes.decode("utf-8")))


@functools.cache
def _hints() -> dict[str, str]:
    """What schema.json says about its patterns and enums, keyed by the validator's complaint
    ("must match pattern ^…$"), to explain a refusal. Read only when a recipe is refused."""
    hints: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            described = node.get("description")
            if isinstance(described, str):
                if "pattern" in node:
                    hints.setdefault(f"must match pattern {node['pattern']}", described)
                if "enum" in node:
                    hints.setdefault(f"must be one of {node['enum']}", described)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    return hints


def _json_path(parts: Iterable[str | int]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


class _Problems:
    """The semantic checker's reporter: the first problem ends the load."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, path: Iterable[str | int], message: str) -> NoReturn:
        raise RecipeError(f"{self.name}: {_json_path(path)}: {message}")


def _schema_check(data: Any, name: str) -> None:
    try:
        _validator()(data)
    except ValueError as error:  # fastjsonschema's JsonSchemaValueException, or ours
        where = getattr(error, "name", None) or "data"
        message = getattr(error, "message", None) or str(error)
        if message.startswith(where):
            message = message[len(where) :].strip()
        parts = [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", where) if p][1:]
        hint = _hints().get(message)
        if hint:
            message = f"{message} ({hint})"
        raise RecipeError(f"{name}: {_json_path(parts)}: {message}") from None


def _read_json(path: Path, name: str) -> Any:
    def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise RecipeError(f"{name}: the key {key!r} appears twice in one object")
            result[key] = value
        return result

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RecipeError(f"{name}: cannot read the file: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise RecipeError(f"{name}: not UTF-8 text: {error.reason}") from None
    try:
        return json.loads(text, object_pairs_hook=no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise RecipeError(
            f"{name}: line {error.lineno} column {error.colno}: not valid JSON: {error.msg}"
        ) from None


def load_recipe(path: str | os.PathLike[str]) -> Recipe:
    """Load, validate and index one recipe file.

    Parameters
    ----------
    path
        A recipe JSON file following ``schema.json``.

    Returns
    -------
    Recipe
        The recipe with its lookups filled (``ingredients_by_id``, ``steps_by_action`` …).

    Raises
    ------
    RecipeError
        When the file cannot be read, is not JSON, breaks the schema or a semantic rule
        (unique ids, references that resolve, ranges, speakable text). The message names
        the file and the JSON path: ``recipe.json: $.components[0].steps[2].ingredients[1]: …``.
    """
    file = Path(path)
    name = str(path)
    data = _read_json(file, name)
    _schema_check(data, name)
    return _build(data, name)


def load_recipes(paths: Iterable[str | os.PathLike[str]]) -> dict[str, Recipe]:
    """Load several recipe files into a dict keyed by recipe id.

    Raises
    ------
    RecipeError
        For the first broken file, or when two files use the same recipe id.
    """
    recipes: dict[str, Recipe] = {}
    for path in paths:
        recipe = load_recipe(path)
        if recipe.id in recipes:
            raise RecipeError(
                f"{path}: $.id: the recipe id {recipe.id!r} is already used by "
                f"{recipes[recipe.id].path}"
            )
        recipes[recipe.id] = recipe
    return recipes


def default_recipe_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where the skill's recipes are.

    ``$COOKALONG_RECIPES`` (files separated by ``os.pathsep``) when set; else ``recipe.json``
    next to the ``cookalong`` package (the built Lambda artifact, beside ``app.py``), else at
    the root of a checkout (``lambda/..``); plus ``recipes/*.json`` beside it when that folder
    exists.

    Raises
    ------
    RecipeError
        When there is no recipe.json in either place.
    """
    environ = os.environ if environ is None else environ
    listed = [p for p in environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    if listed:
        return [Path(p) for p in listed]
    package_parent = Path(__file__).resolve().parents[2]  # .../cookalong/recipe/loader.py
    candidates = (package_parent, package_parent.parent)
    for base in candidates:
        main = base / "recipe.json"
        if main.is_file():
            return [main, *sorted((base / "recipes").glob("*.json"))]
    raise RecipeError(
        "recipe.json: not found in "
        + " or ".join(str(c) for c in candidates)
        + f" (set {ENV_VAR} to list recipe files)"
    )


@functools.cache
def default_recipes() -> dict[str, Recipe]:
    """The skill's recipes, loaded, validated and indexed once per process.

    Returns
    -------
    dict[str, Recipe]
        Recipe id to recipe; shared, treat as read-only.

    Raises
    ------
    RecipeError
        At start-up, when a recipe is missing or broken.
    """
    return load_recipes(default_recipe_paths())


# --- semantic checks and building --------------------------------------------------------------


def _check_speakable(problems: _Problems, path: list[str | int], text: str, hint: str = "") -> None:
    for pattern, what in _UNSPEAKABLE:
        found = pattern.search(text)
        if found:
            problems.fail(path, f"is spoken but contains {what} ({found.group(0).strip()!r}){hint}")


def _amount(problems: _Problems, path: list[str | int], raw: dict[str, Any]) -> Amount:
    def quantity(key: str) -> Fraction:
        try:
            value = parse_quantity(raw[key])
        except ValueError as error:
            problems.fail([*path, key], str(error))
        if value <= 0:
            problems.fail([*path, key], "must be more than zero")
        return value

    if "unit" in raw and "noun" in raw:
        problems.fail(
            path, "has both a unit and a noun: measured things take a unit, counted a noun"
        )
    value = quantity("value")
    upper = quantity("upper") if "upper" in raw else None
    if upper is not None and upper <= value:
        problems.fail([*path, "upper"], f"must be more than value ({raw['value']})")
    return Amount(
        value=value,
        unit=raw.get("unit"),
        upper=upper,
        noun=raw.get("noun"),
        noun_plural=raw.get("noun_plural"),
        size=raw.get("size"),
    )


def _check_source_line(
    problems: _Problems, path: list[str | int], text: str, amount: Amount | None
) -> None:
    """The source line's leading quantity must agree with the structured amount."""
    match = _LEADING.match(text)
    if match is None or amount is None:
        return
    said = parse_quantity(match.group(1))
    if said != amount.value:
        problems.fail(
            [*path, "text"],
            f"starts with {match.group(1)!r} but amount.value is {_spell(amount.value)!r}; "
            "correct one of them (and record a correction of the source in a note)",
        )
    said_upper = parse_quantity(match.group(2)) if match.group(2) else None
    if said_upper != amount.upper:
        problems.fail(
            [*path, "text"],
            f"gives the range {match.group(0).strip()!r} but amount.upper is "
            f"{_spell(amount.upper) if amount.upper else 'absent'}",
        )


def _duration(problems: _Problems, path: list[str | int], text: str) -> timedelta:
    try:
        value = parse_duration(text)
    except ValueError as error:
        problems.fail(path, str(error))
    if not value:
        problems.fail(path, "must be longer than zero")
    return value


def _unique(problems: _Problems, items: list[dict[str, Any]], path: list[str | int]) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        key = item["id"]
        if key in seen:
            problems.fail(
                [*path, index, "id"],
                f"duplicate id {key!r} (also at {_json_path([*path, seen[key]])})",
            )
        seen[key] = index


def _build(data: dict[str, Any], name: str) -> Recipe:
    problems = _Problems(name)
    for key in ("short_title", "serving"):
        _check_speakable(problems, [key], data[key])
    times = {
        key: _duration(problems, [key], data[key])
        for key in ("prep_time", "cook_time", "total_time")
    }
    if times["total_time"] < times["prep_time"] + times["cook_time"]:
        problems.fail(["total_time"], "is less than prep_time plus cook_time")

    _unique(problems, data["components"], ["components"])
    _unique(problems, data["tips"], ["tips"])
    _unique(problems, data["notes"], ["notes"])
    component_ids = [c["id"] for c in data["components"]]
    note_ids = {n["id"] for n in data["notes"]}

    notes = []
    for index, raw in enumerate(data["notes"]):
        for key in ("title", "text"):
            if key in raw:
                _check_speakable(problems, ["notes", index, key], raw[key])
        notes.append(Note(id=raw["id"], text=raw["text"], title=raw.get("title", "")))

    tips = []
    for index, raw in enumerate(data["tips"]):
        for key in ("title", "text"):
            _check_speakable(problems, ["tips", index, key], raw[key])
        tips.append(
            Tip(
                id=raw["id"],
                title=raw["title"],
                text=raw["text"],
                keywords=tuple(raw["keywords"]),
                group=raw.get("group"),
            )
        )

    components = [
        _component(problems, ["components", index], raw, component_ids, note_ids)
        for index, raw in enumerate(data["components"])
    ]

    recipe = Recipe(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        author=data["author"],
        source=data["source"],
        description=data["description"],
        servings=data["servings"],
        prep_time=times["prep_time"],
        cook_time=times["cook_time"],
        total_time=times["total_time"],
        category=data["category"],
        method=data["method"],
        cuisine=data["cuisine"],
        components=tuple(components),
        tips=tuple(tips),
        notes=tuple(notes),
        serving=data["serving"],
        path=name,
        aliases=tuple(data.get("aliases", ())),
    )
    _index(recipe)
    return recipe


def _component(
    problems: _Problems,
    path: list[str | int],
    raw: dict[str, Any],
    component_ids: list[str],
    note_ids: set[str],
) -> Component:
    component_id = raw["id"]
    _check_speakable(problems, [*path, "name"], raw["name"])
    _unique(problems, raw["ingredients"], [*path, "ingredients"])

    ingredients: dict[str, Ingredient] = {}
    keys: dict[str, int] = {}
    for index, item in enumerate(raw["ingredients"]):
        here = [*path, "ingredients", index]
        _check_speakable(problems, [*here, "name"], item["name"])
        key = item.get("key", item["id"])
        if key in keys:
            problems.fail([*here, "key"], f"the key {key!r} is already used in this component")
        keys[key] = index
        amount = _amount(problems, [*here, "amount"], item["amount"]) if "amount" in item else None
        _check_source_line(problems, here, item["text"], amount)
        for n, note in enumerate(item.get("notes", ())):
            if note not in note_ids:
                problems.fail([*here, "notes", n], f"no note has the id {note!r}")
        ingredients[item["id"]] = Ingredient(
            id=f"{component_id}.{item['id']}",
            key=key,
            name=item["name"],
            synonyms=tuple(item.get("synonyms", ())),
            amount=amount,
            component_id=component_id,
            preparation=item.get("preparation"),
            comment=item.get("comment"),
            text=item["text"],
            note_ids=tuple(item.get("notes", ())),
        )

    steps = []
    used: set[str] = set()
    for index, item in enumerate(raw["steps"]):
        steps.append(
            _step(
                problems,
                [*path, "steps", index],
                item,
                index + 1,
                component_id,
                ingredients,
                component_ids,
            )
        )
        used.update(item.get("ingredients", ()))
    for index, item in enumerate(raw["ingredients"]):
        if item["id"] not in used:
            problems.fail(
                [*path, "ingredients", index],
                f"{item['id']!r} is not used by any step (list it in a step's ingredients)",
            )

    return Component(
        id=component_id,
        name=raw["name"],
        synonyms=tuple(raw.get("synonyms", ())),
        ingredients=tuple(ingredients.values()),
        steps=tuple(steps),
    )


def _step(
    problems: _Problems,
    path: list[str | int],
    raw: dict[str, Any],
    number: int,
    component_id: str,
    ingredients: dict[str, Ingredient],
    component_ids: list[str],
) -> Step:
    refs = []
    for index, ref in enumerate(raw.get("ingredients", ())):
        if ref not in ingredients:
            problems.fail(
                [*path, "ingredients", index],
                f"unknown ingredient {ref!r}: the ingredients of {component_id!r} are "
                + ", ".join(sorted(ingredients)),
            )
        refs.append(ingredients[ref].id)

    oven = None
    if "oven" in raw:
        setting = raw["oven"]
        low, high = _OVEN_RANGE[setting["scale"]]
        if not low <= setting["degrees"] <= high:
            problems.fail(
                [*path, "oven", "degrees"],
                f"{setting['degrees']} degrees {setting['scale']} is not an oven temperature "
                f"(expected {low} to {high})",
            )
        oven = OvenSetting(
            mode=setting["mode"], temperature=Temperature(setting["degrees"], setting["scale"])
        )

    durations = []
    for index, span in enumerate(raw.get("durations", ())):
        here = [*path, "durations", index]
        minimum = _duration(problems, [*here, "min"], span["min"])
        maximum = _duration(problems, [*here, "max"], span["max"]) if "max" in span else None
        if maximum is not None and maximum <= minimum:
            problems.fail([*here, "max"], f"must be longer than min ({span['min']})")
        if "until" in span:
            _check_speakable(problems, [*here, "until"], span["until"])
        durations.append(
            TimeSpan(
                minimum=minimum, maximum=maximum, label=span.get("label"), until=span.get("until")
            )
        )

    passive = raw.get("passive", False)
    if passive and not durations:
        problems.fail([*path, "passive"], "a passive step (a wait) needs a duration")

    meanwhile = raw.get("meanwhile")
    if meanwhile is not None:
        if meanwhile not in component_ids:
            problems.fail(
                [*path, "meanwhile"],
                f"no component has the id {meanwhile!r} (components: {', '.join(component_ids)})",
            )
        if meanwhile == component_id:
            problems.fail([*path, "meanwhile"], "must name another component")
        if not passive:
            problems.fail(
                [*path, "meanwhile"], "only a passive step leaves time for another component"
            )

    speech = raw.get("speech")
    if speech is not None:
        for found in _PLACEHOLDER.finditer(speech):
            if found.group(1) != "oven":
                problems.fail(
                    [*path, "speech"], f"unknown placeholder {found.group(0)!r} (only {{oven}})"
                )
            if oven is None:
                problems.fail([*path, "speech"], "uses {oven} but the step has no oven setting")
        if re.search(r"[{}]", _PLACEHOLDER.sub("", speech)):
            problems.fail([*path, "speech"], "has an unmatched brace")
        _check_speakable(problems, [*path, "speech"], _PLACEHOLDER.sub("", speech))
    else:
        _check_speakable(
            problems, [*path, "text"], raw["text"], "; add a speakable 'speech' to the step"
        )

    return Step(
        component_id=component_id,
        number=number,
        text=raw["text"],
        ingredient_ids=tuple(refs),
        durations=tuple(durations),
        oven=oven,
        in_oven=raw.get("in_oven"),
        passive=passive,
        meanwhile=meanwhile,
        equipment=tuple(raw.get("equipment", ())),
        actions=tuple(raw["actions"]),
        speech=speech,
    )


def _index(recipe: Recipe) -> None:
    """Fill the recipe's lookup tables (keys lower-case; values in recipe order)."""
    by_name: dict[str, list[Ingredient]] = {}
    by_key: dict[str, list[Ingredient]] = {}
    by_ingredient: dict[str, list[Step]] = {}
    by_action: dict[str, list[Step]] = {}
    by_keyword: dict[str, list[Tip]] = {}

    def add[T](table: dict[str, list[T]], word: str, item: T) -> None:
        bucket = table.setdefault(word.lower(), [])
        if item not in bucket:
            bucket.append(item)

    for component in recipe.components:
        recipe.components_by_id[component.id] = component
        for ingredient in component.ingredients:
            recipe.ingredients_by_id[ingredient.id] = ingredient
            add(by_key, ingredient.key, ingredient)
            for word in (ingredient.name, *ingredient.synonyms):
                add(by_name, word, ingredient)
        for step in component.steps:
            for ingredient_id in step.ingredient_ids:
                add(by_ingredient, ingredient_id, step)
            for action in step.actions:
                add(by_action, action, step)
    for tip in recipe.tips:
        recipe.tips_by_id[tip.id] = tip
        for word in tip.keywords:
            add(by_keyword, word, tip)
    for note in recipe.notes:
        recipe.notes_by_id[note.id] = note

    for table, lists in (
        (recipe.ingredients_by_name, by_name),
        (recipe.ingredients_by_key, by_key),
        (recipe.steps_by_ingredient, by_ingredient),
        (recipe.steps_by_action, by_action),
        (recipe.tips_by_keyword, by_keyword),
    ):
        table.update((word, tuple(items)) for word, items in lists.items())
