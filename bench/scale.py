"""``make bench``'s scale figures: does the skill stay flat as the catalog grows (issue 14)?

``python -m bench.scale --one DIR --many DIR --recipes DIR --out scale.json`` measures, side by
side:

- the Lambda artifact with 1 recipe (``--one``) and with a large catalog (``--many``, built by
  ``make bench`` from :mod:`bench.catalog` with ``RECIPES_DIR``): cold start (spawn to the first
  LaunchRequest answered, state read from a local dynalite) and peak RSS after a cold start and
  a few questions, interleaved repetitions; and the same after a CanFulfillIntentRequest, the
  one request that asks about every recipe;
- ``make chat``'s resolver (:mod:`tools.resolver`) on the committed en-US model, on that model
  with 1,000 ingredient values, and with 5× the samples: the time to resolve utterances whose
  slot words are unknown or misspelt (the near-miss search), and utterances per second over
  the dialog tests' lines; each with the phrase indexes and with the exhaustive scan they
  replaced (``Resolver(exhaustive=True)``), so before and after stand in one table;
- the interaction model the large catalog makes (``--recipes``), per locale, against Alexa's
  documented limits (``tools.models``'s constants).

Benchmarks are not tests: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.grown import RESOLVER_MODELS, resolver_figures
from bench.report import spread

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------------
# The interaction model of a large catalog against Alexa's limits


def model_figures(recipes_dir: Path) -> dict[str, Any]:
    """The model each locale would have with ``recipe.json`` and ``recipes_dir/*.json``."""
    from cookalong.recipe.loader import load_recipes
    from tools import models

    paths = [ROOT / "recipe.json", *sorted(recipes_dir.glob("*.json"))]
    recipes = list(load_recipes(paths).values())
    figures: dict[str, Any] = {
        "recipes": len(recipes),
        "limits": {
            "model_chars": models.MAX_MODEL_CHARS,
            "slot_values_and_synonyms": models.MAX_SLOT_VALUES,
            "slot_value_chars": models.MAX_SLOT_VALUE_CHARS,
        },
        "locales": {},
    }
    for locale in models.LOCALES:
        language = locale.split("-")[0]
        served = [r for r in recipes if r.language == language]
        if not served:
            continue
        figures["locales"][locale] = _one_model(models, locale, served)
    # The copies share their originals' ingredients, so they add little more than a title:
    # what one more *different* recipe adds, and how many different recipes fit the limit.
    distinct = list({_content(r): r for r in reversed(recipes)}.values())[::-1]
    first = [r for r in recipes if r.path and Path(r.path).name == "recipe.json"] or recipes[:1]
    if len(distinct) > 1:
        one = _one_model(models, "en-US", first)["model_chars"]
        many = _one_model(models, "en-US", distinct)["model_chars"]
        per = (many - one) / (len(distinct) - 1)
        figures["distinct"] = {
            "recipes": len(distinct),
            "model_chars_en_US": many,
            "model_chars_one_recipe": one,
            "chars_per_recipe": round(per),
            "recipes_within_model_limit": 1 + int((models.MAX_MODEL_CHARS - one) // per),
            "model_chars_if_all_different": round(one + per * (len(recipes) - 1)),
        }
    return figures


def _content(recipe: Any) -> tuple[Any, ...]:
    """What tells a copy from a different recipe: its ingredients and steps."""
    return tuple((tuple(i.key for i in c.ingredients), len(c.steps)) for c in recipe.components)


def _one_model(models: Any, locale: str, recipes: list[Any]) -> dict[str, Any]:
    """Sizes of ``locale``'s model for ``recipes``, whether or not the generator accepts it."""
    row: dict[str, Any] = {"recipes": len(recipes)}
    try:
        model = models.build_model(locale, recipes)
        row["accepted"] = True
    except models.ModelError as error:
        row["accepted"] = False
        row["refused"] = str(error)
        model = _model_without_checks(models, locale, recipes)
    language = model["interactionModel"]["languageModel"]
    phrases = {
        t["name"]: sum(1 + len(v["name"].get("synonyms", ())) for v in t["values"])
        for t in language["types"]
    }
    longest = max(
        (
            len(p)
            for t in language["types"]
            for v in t["values"]
            for p in (v["name"]["value"], *v["name"].get("synonyms", ()))
        ),
        default=0,
    )
    row |= {
        "model_chars": len(models.render(model)),
        "samples": sum(len(i.get("samples", [])) for i in language["intents"]),
        "slot_values": {t["name"]: len(t["values"]) for t in language["types"]},
        "slot_values_and_synonyms": sum(phrases.values()),
        "longest_slot_value_chars": longest,
    }
    over = []
    if row["model_chars"] > models.MAX_MODEL_CHARS:
        over.append(f"model {row['model_chars']:,} chars > {models.MAX_MODEL_CHARS:,}")
    if row["slot_values_and_synonyms"] > models.MAX_SLOT_VALUES:
        over.append(f"{row['slot_values_and_synonyms']:,} slot values > {models.MAX_SLOT_VALUES:,}")
    if longest > models.MAX_SLOT_VALUE_CHARS:
        over.append(f"a slot value of {longest} chars > {models.MAX_SLOT_VALUE_CHARS}")
    row["over_limits"] = over
    return row


def _model_without_checks(models: Any, locale: str, recipes: list[Any]) -> dict[str, Any]:
    """The model the generator refused, built with its limit checks off (to measure it)."""
    saved = models._check_slot_limits, models.MAX_MODEL_CHARS
    models._check_slot_limits, models.MAX_MODEL_CHARS = (lambda types: None), float("inf")
    try:
        return models.build_model(locale, recipes)
    finally:
        models._check_slot_limits, models.MAX_MODEL_CHARS = saved


# --------------------------------------------------------------------------------------------
# Cold start and memory with 1 and with many recipes


def _can_fulfill(user: str) -> dict[str, Any]:
    """A name-free "how much saffron" Alexa asks about before routing (it asks every recipe)."""
    from bench.lambda_bench import SKILL_ID

    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.bench-can-fulfill",
            "application": {"applicationId": SKILL_ID},
            "attributes": {},
            "user": {"userId": user},
        },
        "context": {
            "System": {
                "application": {"applicationId": SKILL_ID},
                "user": {"userId": user},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "type": "CanFulfillIntentRequest",
            "requestId": "amzn1.echo-api.request.bench-can-fulfill",
            "locale": "en-US",
            "timestamp": "2026-01-01T00:00:00Z",
            "intent": {
                "name": "HowMuchIntent",
                "slots": {"ingredient": {"name": "ingredient", "value": "saffron"}},
            },
        },
    }


def _can_fulfill_run(python: str, side: Any, user: str, log: Path) -> dict[str, float]:
    from bench.lambda_bench import LambdaProcess

    process = LambdaProcess(python, side, log)
    try:
        started = time.perf_counter()
        process(_can_fulfill(user))
        wall = (time.perf_counter() - started) * 1000
    finally:
        rss = process.close()
    first = process.invocations[0]
    return {"wall_ms": wall, "handler_ms": first.ms, "peak_rss_kb": float(rss or 0)}


def cold_figures(artifacts: Mapping[str, Path], reps: int, workdir: Path) -> dict[str, Any]:
    """Cold start and peak RSS of each artifact (interleaved), and a CanFulfill each."""
    from bench.__main__ import SKILL_TABLE, function_environ, pick_python, seed_skill_state
    from bench.dynalite import BenchError, Dynalite
    from bench.lambda_bench import Side, cold_starts, new_user

    for path in artifacts.values():
        if not (path / "app.py").exists():
            raise BenchError(f"{path}: not a built artifact (no app.py)")
    python = pick_python()
    log = workdir / "bench-scale-lambda.log"
    log.write_bytes(b"")
    home = workdir / "home"
    home.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {}
    with Dynalite(workdir / "bench-scale-dynalite.log") as dynamo:
        dynamo.create_table(SKILL_TABLE)
        environ = function_environ(dynamo.environ(SKILL_TABLE), home)
        sides = [
            Side(name, name, (path.resolve(),), "app.lambda_handler", environ)
            for name, path in artifacts.items()
        ]
        user = new_user()
        seed_skill_state(python, sides[0], user, log)  # mid-recipe in the first recipe
        users = {side.name: user for side in sides}
        runs = cold_starts(python, sides, users, reps, log)
        for side in sides:
            fulfil = [_can_fulfill_run(python, side, user, log) for _ in range(max(1, reps // 4))]
            side_runs = runs[side.name]
            figures[side.name] = {
                "recipes": _recipes_of(artifacts[side.name]),
                "cold_start_ms": spread([r.wall_ms for r in side_runs], 1),
                "import_ms": spread([r.import_ms for r in side_runs], 1),
                "first_request_ms": spread([r.first_request_ms for r in side_runs], 2),
                "peak_rss_kib": spread([r.peak_rss_kb for r in side_runs], 0),
                "can_fulfill": {
                    "wall_ms": spread([f["wall_ms"] for f in fulfil], 1),
                    "handler_ms": spread([f["handler_ms"] for f in fulfil], 1),
                    "peak_rss_kib": spread([f["peak_rss_kb"] for f in fulfil], 0),
                },
            }
    return figures


def _recipes_of(artifact: Path) -> int:
    catalog = artifact / "catalog.json"
    if catalog.exists():
        return len(json.loads(catalog.read_text(encoding="utf-8"))["recipes"])
    return 1 + len(list((artifact / "recipes").glob("*.json")))


# --------------------------------------------------------------------------------------------
# The report


def print_report(results: Mapping[str, Any]) -> None:
    cold = results.get("cold")
    if cold:
        names = list(cold)
        print("\nscale: the artifact with 1 and with many recipes (median, min-max)")
        print(f"  {'':34}" + "".join(f"{cold[n]['recipes']:>10} recipes" for n in names))

        def row(label: str, get: Any, unit: str) -> None:
            cells = "".join(f"{get(cold[n]):>12.1f} {unit:<5}" for n in names)
            print(f"  {label:34}{cells}")

        row("cold start", lambda f: f["cold_start_ms"]["median"], "ms")
        row("  imports", lambda f: f["import_ms"]["median"], "ms")
        row("  first request", lambda f: f["first_request_ms"]["median"], "ms")
        row(
            "peak RSS (cold start + 3 questions)",
            lambda f: f["peak_rss_kib"]["median"] / 1024,
            "MiB",
        )
        row("CanFulfill (cold): handler", lambda f: f["can_fulfill"]["handler_ms"]["median"], "ms")
        row(
            "CanFulfill (cold): peak RSS",
            lambda f: f["can_fulfill"]["peak_rss_kib"]["median"] / 1024,
            "MiB",
        )
    resolver = results.get("resolver")
    if resolver:
        print("\nscale: make chat's resolver, indexed (exhaustive scan before the indexes)")
        for name in RESOLVER_MODELS:
            fig = resolver[name]
            new, old = fig["indexed"], fig["exhaustive"]
            print(
                f"  {name:24} {fig['samples']:>6} samples {fig['ingredient_values']:>5} "
                f"ingredients: unknown word {new['unknown_word_ms']:6.2f} ms "
                f"({old['unknown_word_ms']:.2f}); {new['per_second']:>6.0f} utterances/s "
                f"({old['per_second']:.0f}); build {new['build_ms']:.0f} ms ({old['build_ms']:.0f})"
            )
    model = results.get("model")
    if model:
        print(f"\nscale: the interaction model with {model['recipes']} recipes (Alexa's limits)")
        limits = model["limits"]
        for locale, fig in model["locales"].items():
            verdict = "; ".join(fig["over_limits"]) or "within the limits"
            print(
                f"  {locale}: {fig['recipes']} recipes, {fig['model_chars']:,} chars "
                f"(limit {limits['model_chars']:,}), {fig['slot_values_and_synonyms']:,} slot "
                f"values and synonyms (limit {limits['slot_values_and_synonyms']:,}), "
                f"{fig['samples']:,} samples: {verdict}"
            )
        distinct = model.get("distinct")
        if distinct:
            print(
                f"  of these, {distinct['recipes']} are different recipes (the rest copies): each "
                f"adds about {distinct['chars_per_recipe']:,} chars to the model, so about "
                f"{distinct['recipes_within_model_limit']} different recipes fit "
                f"{limits['model_chars']:,} chars; {model['recipes']} different ones would make "
                f"about {distinct['model_chars_if_all_different']:,}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument("--one", type=Path, help="the artifact with one recipe")
    parser.add_argument("--many", type=Path, help="the artifact with the large catalog")
    parser.add_argument("--recipes", type=Path, help="the large catalog's recipes (for models)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "scale.json")
    parser.add_argument("--reps", type=int, default=10, help="cold starts per artifact")
    parser.add_argument("--resolver-seconds", type=float, default=1.0)
    parser.add_argument("--no-resolver", action="store_true")
    parser.add_argument("--quick", action="store_true", help="a tiny run")
    args = parser.parse_args(argv)
    if args.quick:
        args.reps, args.resolver_seconds = 2, 0.05
    from bench.dynalite import BenchError

    results: dict[str, Any] = {}
    try:
        if args.one and args.many:
            print("scale: cold starts with 1 and with many recipes ...", file=sys.stderr)
            artifacts = {"one": args.one, "many": args.many}
            results["cold"] = cold_figures(artifacts, args.reps, args.out.resolve().parent)
        if not args.no_resolver:
            print("scale: the resolver on grown models ...", file=sys.stderr)
            from bench.__main__ import dialog_utterances

            results["resolver"] = resolver_figures(
                dialog_utterances(),
                seconds=args.resolver_seconds,
                repeats=2 if args.quick else 5,
            )
        if args.recipes:
            print("scale: the interaction model of the large catalog ...", file=sys.stderr)
            results["model"] = model_figures(args.recipes)
    except BenchError as error:
        print(f"bench.scale: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(results)
    print(f"\nfigures: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
