"""``python -m tools.importer SRC [--url URL] [--force] [--out recipes/]``: what make import runs.

Exit status: 0 written; 2 refused (one line on stderr: no recipe found, no ingredients, no
steps, language not served by any locale; or the file exists and FORCE=1 was not given);
1 when the enrichment made a recipe the loader refuses (a bug to report, nothing written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tools.importer.build import Report, build_recipe
from tools.importer.read import Page, Refused, load_source, read_page
from tools.importer.write import Exists, RecipeError, write_recipe

REPO = Path(__file__).resolve().parents[2]


def import_page(source: str, url: str | None = None) -> tuple[dict[str, Any], Page, Report]:
    """Read and enrich one page (nothing written).

    Raises
    ------
    Refused
        When the page cannot be used.
    """
    html, fetched_url = load_source(source)
    page = read_page(html, url or fetched_url)
    data, report = build_recipe(page)
    return data, page, report


def summary(data: dict[str, Any], page: Page, report: Report) -> list[str]:
    """The short report: what was read, and what was inferred."""
    schema_fields = sorted(k for k, v in page.read_from.items() if v == "schema.org")
    read = f"read: {page.scraper} ({page.url or 'no address'})"
    if schema_fields:
        read += f"; from schema.org: {', '.join(schema_fields)}"
    components = data["components"]
    parts = ", ".join(
        f"{c['name']} ({len(c['ingredients'])}, {len(c['steps'])})" for c in components
    )
    lines = [
        read,
        f"  title {data['title']!r} -> {data['short_title']!r}; language {data['language']}; "
        f"serves {data['servings']}",
        f"  {report.lines} ingredient lines, {report.steps} steps; components: {parts}",
        f"inferred: amounts for {report.amounts} of {report.lines} lines; durations in "
        f"{report.timed_steps} of {report.steps} steps; oven settings in {report.oven_steps}",
        f"  ingredients named in steps: {report.linked}"
        + (f", garnishes at the serving step: {report.garnish}" if report.garnish else "")
        + (f", named in no step: {', '.join(report.unnamed)}" if report.unnamed else ""),
    ]
    lines += [f"  {note}" for note in report.notes]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Import one page into ``recipes/``; see the module docstring for the exit status."""
    parser = argparse.ArgumentParser(prog="import", description="Import a recipe page.")
    parser.add_argument("src", help="a saved page (.html), a URL or a schema.org JSON-LD file")
    parser.add_argument("--url", default=None, help="the page's original address")
    parser.add_argument("--force", action="store_true", help="replace an existing recipe file")
    parser.add_argument("--out", type=Path, default=REPO / "recipes", help="where recipes live")
    args = parser.parse_args(argv)
    try:
        data, page, report = import_page(args.src, args.url or None)
        path, recipe = write_recipe(data, args.out, force=args.force)
    except Refused as refused:
        print(f"import refused: {refused.reason}: {refused.detail}", file=sys.stderr)
        return 2
    except Exists as exists:
        print(f"import refused: {exists} exists; FORCE=1 replaces it", file=sys.stderr)
        return 2
    except RecipeError as error:
        print(f"import failed: the enriched recipe is invalid: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({recipe.id})")
    for line in summary(data, page, report):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
