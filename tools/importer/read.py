"""Read a recipe page with recipe-scrapers: its site scraper, then its schema.org reading.

A site scraper knows a site's markup; when the saved page no longer matches it (a field empty
or failing), the same scraper's schema.org reading (JSON-LD and microdata, ``scraper.schema``)
gives the field. Nothing here parses HTML or JSON-LD itself: a JSON-LD file is handed to
recipe-scrapers inside a page, as a site would publish it.
"""

from __future__ import annotations

import ast
import json
import re
import urllib.request
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLACEHOLDER_URL = "https://recipe.invalid/"
_FETCH_TIMEOUT = 30


class Refused(Exception):
    """A page the importer cannot use; the message is the one line the cook sees."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass
class Page:
    """What recipe-scrapers read from a page, before enrichment."""

    url: str
    title: str
    ingredient_groups: list[tuple[str | None, list[str]]]
    sections: list[tuple[str | None, list[str]]]
    language: str | None = None
    servings: str | None = None
    author: str | None = None
    site: str | None = None
    description: str | None = None
    category: str | None = None
    cuisine: str | None = None
    method: str | None = None
    prep_minutes: int | None = None
    cook_minutes: int | None = None
    total_minutes: int | None = None
    nutrition: dict[str, str] = field(default_factory=dict)
    scraper: str = ""
    read_from: dict[str, str] = field(default_factory=dict)  # field -> "site" | "schema.org"


def load_source(source: str) -> tuple[str, str | None]:
    """The HTML of a saved page, a JSON-LD file (wrapped in a page) or a URL (fetched).

    Returns
    -------
    tuple
        ``(html, url)``: the URL when the source was one.

    Raises
    ------
    Refused
        When the file cannot be read or the address fetched.
    """
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "cookalong-import"})
        try:
            with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT) as response:
                charset = response.headers.get_content_charset() or "utf-8"
                return response.read().decode(charset, errors="replace"), source
        except OSError as error:
            raise Refused("cannot fetch the page", f"{source}: {error}") from None
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise Refused("cannot read the file", f"{source}: {error.strerror or error}") from None
    if path.suffix.lower() in (".json", ".jsonld") or text.lstrip().startswith(("{", "[")):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise Refused("no recipe found", f"{source} is not JSON ({error.msg})") from None
        script = text.replace("</", "<\\/")
        text = (
            '<!DOCTYPE html><html><head><script type="application/ld+json">'
            f"{script}</script></head><body></body></html>"
        )
    return text, None


def _call(scraper: Any, name: str) -> Any:
    try:
        return getattr(scraper, name)()
    except Exception:  # recipe-scrapers raises many kinds for a missing field
        return None


def _first(
    page: Page, name: str, *readers: tuple[str, Callable[[], Any]], empty: Any = None
) -> Any:
    for origin, read in readers:
        try:
            value = read()
        except Exception:  # a scraper whose selectors no longer match the page
            value = None
        if value not in (None, "", [], {}, empty):
            page.read_from[name] = origin
            return value
    return None


def read_page(html: str, url: str | None) -> Page:
    """Read a page's recipe with recipe-scrapers.

    Parameters
    ----------
    html
        The page.
    url
        Its original address: it chooses the site scraper. Without one, the page's canonical
        address (as recipe-scrapers reads it) is used, else only schema.org is read.

    Raises
    ------
    Refused
        "no recipe found" when recipe-scrapers finds none.
    """
    with warnings.catch_warnings():
        # recipe-scrapers warns about fields a site does not publish: that is what we ask
        warnings.simplefilter("ignore")
        return _read(html, url)


def _read(html: str, url: str | None) -> Page:
    from recipe_scrapers import scrape_html
    from recipe_scrapers._exceptions import RecipeScrapersExceptions
    from recipe_scrapers._factory import SchemaScraperFactory

    try:
        if url is None:  # the page's own address, as recipe-scrapers reads it
            probe = SchemaScraperFactory.generate(html=html, url=PLACEHOLDER_URL)
            canonical = _call(probe, "canonical_url")
            if canonical and canonical != PLACEHOLDER_URL and canonical.startswith("http"):
                url = canonical
        scraper = scrape_html(html, org_url=url or PLACEHOLDER_URL, supported_only=False)
    except RecipeScrapersExceptions:
        raise Refused("no recipe found", "the page has no schema.org Recipe") from None
    schema = scraper.schema

    def site(name: str) -> tuple[str, Callable[[], Any]]:
        return "site", lambda: getattr(scraper, name)()

    def org(name: str) -> tuple[str, Callable[[], Any]]:
        return "schema.org", lambda: getattr(schema, name)()

    page = Page(url=url or "", title="", ingredient_groups=[], sections=[])
    page.scraper = type(scraper).__name__
    page.title = _text(_first(page, "title", site("title"), org("title"))) or ""
    ingredients = _first(page, "ingredients", site("ingredients"), org("ingredients")) or []
    if isinstance(ingredients, str):  # a scraper that returns the list as one text
        ingredients = ingredients.split("\n")
    ingredients = _ingredient_lines(ingredients, schema.data.get("recipeIngredient"))
    groups = _call(scraper, "ingredient_groups") if page.read_from.get("ingredients") else None
    if groups and sum(len(g.ingredients) for g in groups) == len(ingredients) and len(groups) > 1:
        page.ingredient_groups = [
            (g.purpose, [" ".join(line.split()) for line in g.ingredients]) for g in groups
        ]
    elif ingredients:
        page.ingredient_groups = [(None, ingredients)]

    steps = _first(page, "instructions", site("instructions_list"), org("instructions"))
    if isinstance(steps, str):
        steps = steps.split("\n")
    steps = [" ".join(str(s).split()) for s in steps or [] if str(s).strip()]
    page.sections = _sections(steps, schema.data.get("recipeInstructions"))

    page.language = _first(page, "language", site("language"), org("language"))
    yields = _first(page, "yields", site("yields"), org("yields"))
    page.servings = str(yields) if yields else None
    page.author = _text(_first(page, "author", site("author"), org("author")))
    page.site = _text(_first(page, "site_name", site("site_name"), org("site_name")))
    page.description = _text(_first(page, "description", site("description"), org("description")))
    page.category = _text(_first(page, "category", site("category"), org("category")))
    page.cuisine = _text(_first(page, "cuisine", site("cuisine"), org("cuisine")))
    page.method = _text(
        _first(page, "cooking_method", site("cooking_method"), org("cooking_method"))
    )
    for name in ("prep_time", "cook_time", "total_time"):
        value = _first(page, name, site(name), org(name))
        minutes = int(value) if isinstance(value, int | float) and value > 0 else None
        setattr(page, name.replace("_time", "_minutes"), minutes)
    nutrition = _first(page, "nutrients", site("nutrients"), org("nutrients")) or {}
    page.nutrition = {
        str(k): " ".join(str(v).split())
        for k, v in nutrition.items()
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", str(k)) and str(v).strip()
    }
    return page


def _ingredient_lines(lines: list[Any], raw: Any) -> list[str]:
    """Lines as text; where recipe-scrapers passed a schema.org ingredient object through as
    its repr (``{'@type': 'RecipeIngredient', 'amount': '2 tablespoons', 'name': 'butter'}``),
    the object's own amount and name."""
    objects = [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []
    out = []
    for line in lines:
        text = " ".join(str(line).split())
        if text.startswith("{'@type'"):
            item = objects.pop(0) if objects else _literal(text)
            text = " ".join(str(item.get(k, "")) for k in ("amount", "name")).strip()
        if text and not text.endswith(":"):  # "For the sauce:" heads a group, names nothing
            out.append(text)
    return out


def _literal(text: str) -> dict[str, Any]:
    """The ingredient object recipe-scrapers printed as a Python dict, read back as data."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    said = " ".join(str(value).split())
    return said or None


def _sections(steps: list[str], raw: Any) -> list[tuple[str | None, list[str]]]:
    """Steps grouped by the page's HowToSection names (recipe-scrapers lists the names as
    lines among the steps); one unnamed section when the page has none."""
    names = set()
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and "HowToSection" in str(item.get("@type", "")):
            name = item.get("name") or item.get("Name")
            if isinstance(name, str) and name.strip():
                names.add(" ".join(name.split()))
    sections: list[tuple[str | None, list[str]]] = []
    for step in steps:
        if step in names:
            sections.append((step, []))
        elif sections:
            sections[-1][1].append(step)
        else:
            sections.append((None, [step]))
    return [(name, body) for name, body in sections if body]


__all__ = ["Page", "Refused", "load_source", "read_page"]
