"""Import every saved page of a folder and print how the importer does on them.

Usage::

    python -m tools.import_report ../shared/recipe-pages [--verbose]

The folder's ``pages.json`` (``[{"page": "x.html", "url": "https://…"}]``) gives each page's
original address where known. Nothing is written to ``recipes/``: each recipe is validated by
the loader in a scratch folder. Printed: how many pages were imported and refused (grouped by
reason), and for the imported ones the share of ingredient lines with a structured amount, of
steps with durations, with an oven temperature, with a doneness cue ("until golden") and of
steps that are a wait.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from tools.importer.__main__ import import_page
from tools.importer.read import Refused
from tools.importer.write import RecipeError, write_recipe


def _pages(folder: Path) -> list[tuple[Path, str | None]]:
    listed = folder / "pages.json"
    urls: dict[str, str | None] = {}
    if listed.exists():
        for row in json.loads(listed.read_text(encoding="utf-8")):
            urls[row["page"]] = row.get("url")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm", ".json"))
    return [(p, urls.get(p.name)) for p in files if p.name != "pages.json"]


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f} %)" if whole else "0 of 0"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the import report for a folder of saved pages; 0 unless the folder is missing."""
    parser = argparse.ArgumentParser(prog="import_report", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"import_report: {args.folder} is not a folder", file=sys.stderr)
        return 2
    refused: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()
    imported = 0
    with tempfile.TemporaryDirectory() as scratch:
        for path, url in _pages(args.folder):
            try:
                data, _, report = import_page(str(path), url)
                write_recipe(data, Path(scratch), force=True)
            except Refused as error:
                refused[error.reason].append(path.name)
                if args.verbose:
                    print(f"refused {path.name}: {error}")
                continue
            except RecipeError as error:
                refused["invalid recipe (an importer bug)"].append(path.name)
                if args.verbose:
                    print(f"invalid {path.name}: {error}")
                continue
            imported += 1
            totals.update(
                lines=report.lines,
                amounts=report.amounts,
                steps=report.steps,
                timed=report.timed_steps,
                oven=report.oven_steps,
                cued=report.cued_steps,
                passive=report.passive_steps,
                linked=report.linked,
            )
            if args.verbose:
                print(
                    f"ok {path.name}: {data['id']}, {report.amounts}/{report.lines} amounts, "
                    f"{report.timed_steps}/{report.steps} timed, {report.oven_steps} oven"
                )
    pages = imported + sum(len(v) for v in refused.values())
    print(f"pages: {pages}; imported: {imported}; refused: {pages - imported}")
    for reason, names in sorted(refused.items(), key=lambda kv: -len(kv[1])):
        print(f"  refused, {reason}: {len(names)} ({', '.join(names)})")
    print(
        f"ingredient lines with a structured amount: {_share(totals['amounts'], totals['lines'])}"
    )
    print(f"ingredient lines named in a step: {_share(totals['linked'], totals['lines'])}")
    print(f"steps with durations: {_share(totals['timed'], totals['steps'])}")
    print(f"steps with an oven temperature: {_share(totals['oven'], totals['steps'])}")
    print(f"steps with a doneness cue: {_share(totals['cued'], totals['steps'])}")
    print(f"steps that are a wait (passive): {_share(totals['passive'], totals['steps'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
