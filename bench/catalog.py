"""A large catalog for ``make bench``: the shared recipe pages imported, then repeated under
other slugs until the catalog holds as many recipes as asked (200 by default).

``python -m bench.catalog [--pages ../shared/recipe-pages] [--count 200] OUT`` writes
``OUT/<slug>.json`` (the recipes beside ``recipe.json``, which is the catalog's first recipe, so
``OUT`` holds ``count - 1`` files). Each page is imported with the project's importer, as
``make import`` does (``python -m tools.importer PAGE --url ADDRESS --out DIR``); a page it
refuses is left out. The copies keep their content and get a new id, title and short title
("garlic butter shrimp two"), as a cookbook of many different recipes would have.

The pages are not part of the repository: the bench needs ``../shared/recipe-pages`` (or
``--pages``) and says so when it is missing. ``make test`` never needs them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "recipe-pages"
DEFAULT_COUNT = 200


def _words(text: str) -> list[str]:
    return text.split()


_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _words("- - twenty thirty forty fifty sixty seventy eighty ninety")


class CatalogError(Exception):
    """The catalog cannot be made (no pages, nothing imported)."""


def number_words(n: int) -> str:
    """1..999 in words, the way a cook would say a copy's number ("a hundred and two")."""
    if n < 20:
        return _NUMBER_WORDS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _TENS[tens] + (f" {_NUMBER_WORDS[units]}" if units else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_NUMBER_WORDS[hundreds]} hundred"
    return head + (f" and {number_words(rest)}" if rest else "")


@dataclass(frozen=True)
class Imported:
    page: str
    path: Path | None  # the recipe written, or None when refused
    reason: str


def pages_of(folder: Path) -> list[tuple[Path, str | None]]:
    """The saved pages of ``folder`` with their addresses from ``pages.json`` (where known)."""
    if not folder.is_dir():
        raise CatalogError(
            f"{folder}: no saved recipe pages; the 200-recipe bench needs the shared pages "
            "(../shared/recipe-pages beside the project, or --pages DIR)"
        )
    urls: dict[str, str | None] = {}
    listed = folder / "pages.json"
    if listed.exists():
        for row in json.loads(listed.read_text(encoding="utf-8")):
            urls[row["page"]] = row.get("url")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm"))
    return [(p, urls.get(p.name)) for p in files]


def import_pages(folder: Path, out: Path, jobs: int | None = None) -> list[Imported]:
    """Import every page of ``folder`` into ``out`` with ``python -m tools.importer``."""
    out.mkdir(parents=True, exist_ok=True)
    environ = {**os.environ, "PYTHONPATH": f"{ROOT / 'lambda'}{os.pathsep}{ROOT}"}

    def one(page: tuple[Path, str | None]) -> Imported:
        path, url = page
        with tempfile.TemporaryDirectory() as scratch:
            command = [sys.executable, "-m", "tools.importer", str(path), "--out", scratch]
            if url:
                command += ["--url", url]
            done = subprocess.run(
                command, capture_output=True, text=True, cwd=ROOT, env=environ, check=False
            )
            written = sorted(Path(scratch).glob("*.json"))
            if done.returncode != 0 or len(written) != 1:
                reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
                return Imported(path.name, None, reason)
            target = out / written[0].name
            if target.exists():  # two pages with one slug: the second under its page's name
                target = out / f"{written[0].stem}-{path.stem}.json"
            shutil.move(written[0], target)
            return Imported(path.name, target, "")

    with ThreadPoolExecutor(max_workers=jobs or min(8, os.cpu_count() or 1)) as pool:
        return list(pool.map(one, pages_of(folder)))


def repeat_to(recipes: Sequence[Path], out: Path, total: int, taken: set[str]) -> list[Path]:
    """Copies of ``recipes`` under new ids until ``out`` has ``total`` recipe files."""
    made: list[Path] = []
    originals = [(p, json.loads(p.read_text(encoding="utf-8"))) for p in recipes]
    if not originals:
        raise CatalogError("no page was imported: nothing to repeat")
    copy = 2
    while len(recipes) + len(made) < total:
        for _, data in originals:
            if len(recipes) + len(made) >= total:
                break
            rid = f"{data['id'][: 60 - len(str(copy))].rstrip('-')}-{copy}"  # ids: 64 at most
            if rid in taken:
                continue
            taken.add(rid)
            words = number_words(copy)
            twin = {
                **data,
                "id": rid,
                "title": f"{data['title']} {words}",
                "short_title": f"{data['short_title']} {words}",
                "aliases": [f"{alias} {words}" for alias in data.get("aliases", ())],
            }
            target = out / f"{rid}.json"
            target.write_text(json.dumps(twin, indent=1, ensure_ascii=False), encoding="utf-8")
            made.append(target)
        copy += 1
    return made


def build(out: Path, pages: Path = DEFAULT_PAGES, count: int = DEFAULT_COUNT) -> dict[str, object]:
    """Write a catalog of ``count`` recipes (``recipe.json`` and ``count - 1`` files in ``out``).

    Returns
    -------
    dict
        What was imported and refused, and how many copies were made.
    """
    if out.exists():
        shutil.rmtree(out)
    imported = import_pages(pages, out)
    good = [i.path for i in imported if i.path is not None]
    taken = {json.loads((ROOT / "recipe.json").read_text(encoding="utf-8"))["id"]}
    taken |= {json.loads(p.read_text(encoding="utf-8"))["id"] for p in good}
    good = good[: count - 1]
    for extra in sorted(set(out.glob("*.json")) - set(good)):
        extra.unlink()
    copies = repeat_to(good, out, count - 1, taken)
    refused: dict[str, int] = {}
    for item in imported:
        if item.path is None:
            refused[item.reason] = refused.get(item.reason, 0) + 1
    return {
        "pages": len(imported),
        "imported": len(good),
        "refused": sum(refused.values()),
        "refused_by_reason": refused,
        "copies": len(copies),
        "recipes": 1 + len(good) + len(copies),
        "dir": str(out),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalog", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    args = parser.parse_args(argv)
    try:
        summary = build(args.out, args.pages, args.count)
    except CatalogError as error:
        print(f"bench.catalog: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
