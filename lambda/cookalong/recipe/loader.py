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

from cookalong.kitchen.amounts import GLYPHS, Amount, leading_quantity, parse_quantity
from cookalong.kitchen.durations import parse_duration
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

_UF = "".join(GLYPHS)  # one table of ½ ⅓ ¼ … for the whole package (the kitchen's)

# What hand-written spoken fields (names, speech, tips, notes) must never hold: abbreviations,
# symbols, digit fractions and ranges, bare degrees. Step text is faithful to its source and
# not checked: the voice layer says "350°F", "2 tbsp" and "10–15 minutes" in words.
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


def _spell(value: Fraction) -> str:
    """A fraction as a recipe file writes it: "1 1/2", "1/8", "4"."""
    whole, part = divmod(value, 1)
    if not part:
        return str(whole)
    return f"{whole} {part}" if whole else str(part)


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


def load_recipe(path: str | os.PathLike[str], checked: str | None = None) -> Recipe:
    """Load, validate and index one recipe file.

    Parameters
    ----------
    path
        A recipe JSON file following ``schema.json``.
    checked
        The SHA-256 (hex) of the file as the build validated it (the catalog's): when the file
        still has it, the JSON Schema check is not made again; the semantic checks are.

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
    if checked is not None:
        data = _checked_json(file, checked)
        if data is not None:
            return _build(data, name)
    data = _read_json(file, name)
    _schema_check(data, name)
    return _build(data, name)


def _checked_json(file: Path, sha256: str) -> Any | None:
    """The file's JSON when its bytes are the ones the build validated, else ``None``."""
    try:
        raw = file.read_bytes()
    except OSError:
        return None  # _read_json says what is wrong
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    return json.loads(raw)


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
    order = catalog_order([(r.id, r.translation_of) for r in recipes.values()])
    return {rid: recipes[rid] for rid in order}


def catalog_order(recipes: list[tuple[str, str | None]]) -> list[str]:
    """Recipe ids in the catalog's order: the first recipe, then its translations, then the
    rest as listed, so that every language's first recipe is the same dish (a German locale
    opens on the Schweinebauch, as an English one on the pork belly).

    ``recipes``: (id, the id it is a translation of) in the order the files are listed."""
    if not recipes:
        return []
    first = recipes[0][0]
    rest = recipes[1:]
    return [
        first,
        *(rid for rid, of in rest if of == first),
        *(rid for rid, of in rest if of != first),
    ]


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


@functools.cache
def shipped_recipes() -> dict[str, Recipe]:
    """The recipes the skill ships (``recipe.json`` and ``recipes/``), whatever
    ``$COOKALONG_RECIPES`` says: what the interaction models and the build are made from."""
    return load_recipes(default_recipe_paths(environ={}))


def unspeakable(text: str) -> str | None:
    """What a voice cannot say as written in a hand-written spoken field, or ``None``.

    Parameters
    ----------
    text
        A name, a short title, a tip: ``"1 ½ lb pork"``.

    Returns
    -------
    str or None
        ``"a unicode fraction ('½')"``; ``None`` when it is speakable.
    """
    for pattern, what in _UNSPEAKABLE:
        found = pattern.search(text)
        if found:
            return f"{what} ({found.group(0).strip()!r})"
    return None


def _check_speakable(problems: _Problems, path: list[str | int], text: str) -> None:
    problem = unspeakable(text)
    if problem:
        problems.fail(path, f"is spoken but contains {problem}")


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
    leading = leading_quantity(text)
    if leading is None or amount is None:
        return
    written, said, said_upper = leading
    if said != amount.value:
        problems.fail(
            [*path, "text"],
            f"starts with {written!r} but amount.value is {_spell(amount.value)!r}; "
            "correct one of them (and record a correction of the source in a note)",
        )
    if said_upper != amount.upper:
        problems.fail(
            [*path, "text"],
            f"gives the range {written!r} but amount.upper is "
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


_PARENTHETICAL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def short_title_for(title: str) -> str:
    """What a voice calls a recipe when its file gives no ``short_title``.

    Parameters
    ----------
    title
        The published title: ``"Garlic Butter Shrimp (Fast & Easy Dinner!)"``.

    Returns
    -------
    str
        Without parentheticals, "&" said "and", lower-cased: ``"garlic butter shrimp"``.
    """
    said = _PARENTHETICAL.sub("", title).replace("&", " and ")
    said = re.sub(r"[!?*#|]+", " ", said)
    said = " ".join(said.split()).strip(" ,;:.-–—").lower()
    return said or " ".join(title.split()).lower()


def _build(data: dict[str, Any], name: str) -> Recipe:
    problems = _Problems(name)
    short_title = data.get("short_title") or short_title_for(data["title"])
    _check_speakable(problems, ["short_title"], short_title)
    if "serving" in data:
        _check_speakable(problems, ["serving"], data["serving"])
    times = {
        key: _duration(problems, [key], data[key])
        for key in ("prep_time", "cook_time", "total_time")
        if key in data
    }
    prep, cook = times.get("prep_time", timedelta(0)), times.get("cook_time", timedelta(0))
    if "total_time" in times and times["total_time"] < prep + cook:
        problems.fail(["total_time"], "is less than prep_time plus cook_time")
    tips_data, notes_data = data.get("tips", []), data.get("notes", [])

    _unique(problems, data["components"], ["components"])
    _unique(problems, tips_data, ["tips"])
    _unique(problems, notes_data, ["notes"])
    component_ids = [c["id"] for c in data["components"]]
    note_ids = {n["id"] for n in notes_data}

    notes = []
    for index, raw in enumerate(notes_data):
        for key in ("title", "text"):
            if key in raw:
                _check_speakable(problems, ["notes", index, key], raw[key])
        notes.append(Note(id=raw["id"], text=raw["text"], title=raw.get("title", "")))

    tips = []
    for index, raw in enumerate(tips_data):
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
    total = times.get("total_time") or prep + cook or _steps_time(components)

    recipe = Recipe(
        id=data["id"],
        title=data["title"],
        short_title=short_title,
        author=data.get("author", ""),
        source=data["source"],
        description=data.get("description", ""),
        servings=data["servings"],
        prep_time=prep,
        cook_time=cook,
        total_time=total,
        category=data.get("category", ""),
        method=data.get("method", ""),
        cuisine=data.get("cuisine", ""),
        components=tuple(components),
        tips=tuple(tips),
        notes=tuple(notes),
        serving=data.get("serving", ""),
        language=data.get("language", "en"),
        translation_of=data.get("translation_of"),
        url=data.get("url"),
        nutrition=dict(data.get("nutrition", {})),
        path=name,
        aliases=tuple(data.get("aliases", ())),
    )
    _index(recipe)
    return recipe


def _steps_time(components: list[Component]) -> timedelta:
    """The steps' longest times added up: the total a page without one implies."""
    return sum(
        (
            max(span.maximum or span.minimum for span in step.durations)
            for component in components
            for step in component.steps
            if step.durations
        ),
        timedelta(0),
    )


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
        unnamed = item.get("in_steps") is False
        if item["id"] not in used and not unnamed:
            problems.fail(
                [*path, "ingredients", index],
                f"{item['id']!r} is not used by any step (list it in a step's ingredients, "
                'or say "in_steps": false when the source\'s steps never name it)',
            )
        if item["id"] in used and unnamed:
            problems.fail(
                [*path, "ingredients", index, "in_steps"],
                f"is false but a step lists {item['id']!r}",
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
            mode=setting["mode"],
            temperature=Temperature(setting["degrees"], setting["scale"]),
            fan=setting.get("fan"),
            heat=setting.get("heat"),
            gas_mark=setting.get("gas_mark"),
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

    return Step(
        component_id=component_id,
        number=number,
        text=raw["text"],
        ingredient_ids=tuple(refs),
        durations=tuple(durations),
        oven=oven,
        passive=passive,
        meanwhile=meanwhile,
        equipment=tuple(raw.get("equipment", ())),
        actions=tuple(raw["actions"]),
        speech=speech,
        in_oven=raw.get("in_oven"),
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
