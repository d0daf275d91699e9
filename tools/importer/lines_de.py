"""A German ingredient line, read with the German pack's rules (``words.json`` → ``importer``).

``"1 ½ Semmel(n), altbacken"`` is 1 ½ × Semmel (plural Semmeln), named "Semmel", with the
comment "altbacken"; ``"1 kl. Bund Petersilie"`` is one small Bund of "Petersilie"; ``"Fett
für die Form"`` is "Fett" with the comment "für die Form". Names keep the page's capitals.
The words are the pack's data; the order of reading is here.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from typing import Any

from cookalong.kitchen.amounts import Amount
from cookalong.speech.lang import words as pack_words_json
from tools.importer.ingredients import Line, number_at
from tools.importer.words import Words

_BULLETS = re.compile(r"^[\s▢☐□■•·*\-–—]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_PLURAL_MARK = re.compile(r"(?<=[^\W\d_])\((n|en|er|e|s|nen|se)\)", re.IGNORECASE)
_PARENS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_RANGE = re.compile(r"^\s*(?:-|–|—|bis)\s*")
_NOT_IN_NAME = re.compile(r"[,;.!?:*\"“”„/®™©]+")


@cache
def rules(language: str) -> dict[str, Any] | None:
    """The pack's ``importer`` section for a language, or ``None`` when it has none."""
    try:
        data = pack_words_json(language)
    except KeyError:  # no pack for that language
        return None
    section = data.get("importer")
    if section is None:
        return None
    plurals = {
        noun: entry["plural"]
        for noun, entry in data.get("counted_nouns", {}).items()
        if isinstance(entry, dict) and "plural" in entry
    }
    plurals.update(section.get("more_counted_nouns", {}))
    return {**section, "plurals": plurals}


def _take(text: str, table: dict[str, str]) -> tuple[str, str] | None:
    """The longest key of ``table`` that starts ``text`` as a whole word, and the rest."""
    lowered = text.lower()
    for key in sorted((k for k in table if k != "note"), key=len, reverse=True):
        if lowered.startswith(key) and (
            len(text) == len(key) or not text[len(key)].isalnum() or key.endswith(".")
        ):
            return table[key], text[len(key) :].lstrip(" .")
    return None


def _number(text: str) -> tuple[Fraction, Fraction | None, str] | None:
    taken = number_at(text)
    if taken is None:
        return None
    value, rest = taken
    upper = None
    if m := _RANGE.match(rest):
        second = number_at(rest[m.end() :])
        if second is not None and second[0] > value:
            upper, rest = second
    return value, upper, rest.strip()


def _singular(word: str, mark: str | None, plurals: dict[str, str]) -> tuple[str, str]:
    """A noun and its plural: from a plural mark ("Ei(er)"), the pack's table, or as written."""
    if mark:
        return word, word + mark
    for noun, plural in plurals.items():
        if word == plural:
            return noun, plural
        if word == noun:
            return noun, plural
    return word, word


def _comments(head: str, phrases: list[str]) -> tuple[str, list[str]]:
    found = []
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = rf"(?<![\w]){re.escape(phrase)}(?![\w])"
        if m := re.search(pattern, head, re.IGNORECASE):
            rest = (head[: m.start()] + " " + head[m.end() :]).strip()
            if rest:
                found.append(m.group(0))
                head = " ".join(rest.split())
    return head, found


def read_german_line(text: str, words: Words, data: dict[str, Any]) -> Line | None:
    """Read one ingredient line by the pack's rules (``data``: :func:`rules`)."""
    source = " ".join(_INVISIBLE.sub("", text).split())
    work = _BULLETS.sub("", source).strip()
    if not work:
        return None
    if data.get("decimal_comma"):
        work = re.sub(r"(?<=\d),(?=\d)", ".", work)
    marks: dict[str, str] = {}

    def unmark(match: re.Match[str]) -> str:
        word = re.findall(r"[^\W\d_]+$", work[: match.start()])
        if word:
            marks[word[0]] = match.group(1).lower()
        return ""

    work = _PLURAL_MARK.sub(unmark, work)
    comments: list[str] = []
    for found in _PARENS.finditer(work):
        comments.append(found.group(1).strip())
    work = _PARENS.sub("", work).strip()
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", work) if p.strip()]
    if not parts:
        return None
    head, tail = parts[0], parts[1:]
    preparation = []
    prep_words = [p.lower() for p in data.get("preparation", ())]
    for part in tail:
        if part.lower() in prep_words or part.lower().split()[0] in prep_words:
            preparation.append(part)
        else:
            comments.append(part)

    value = upper = None
    if number := _number(head):
        value, upper, head = number
    size = None
    if taken := _take(head, data["sizes"]):
        size, head = taken
    unit = noun = noun_plural = None
    if value is not None:
        if taken := _take(head, data["units"]):
            unit, head = taken
        elif taken := _take(head, data["measures"]):
            noun, head = taken
            noun_plural = data["plurals"].get(noun, noun)
    if unit is None and noun is None and size is None and (taken := _take(head, data["sizes"])):
        size, head = taken

    head, said = _comments(head, data.get("comments", ()))
    comments = said + comments
    head = re.sub(r"^(?:von|vom)\s+", "", head)
    name = " ".join(_NOT_IN_NAME.sub(" ", head).split()[:8]).strip(" -")
    if not name or not re.search(r"[^\W\d_]", name):
        if noun:
            name = noun
        else:
            return None
    if value is not None and unit is None and noun is None and len(name.split()) == 1:
        noun, noun_plural = _singular(name, marks.get(name), data["plurals"])
        name = noun
    amount = None
    if value is not None:
        try:
            amount = Amount(
                value=value,
                unit=unit,
                upper=upper,
                noun=noun,
                noun_plural=noun_plural if noun and noun_plural != noun else None,
                size=size if (noun or unit is None) else None,
            )
        except ValueError:
            amount = None
        if amount is not None and noun and noun_plural == noun:
            amount = _with_plural(amount, noun)
    if size and (amount is None or amount.size is None):
        comments.insert(0, _size_word(source, size))
    comment = "; ".join(c for c in comments if c) or None
    line = Line(
        text=source,
        name=name,
        amount=amount,
        preparation=", ".join(preparation) or None,
        comment=comment,
    )
    lowered = (comment or "").lower()
    line.garnish = any(w in lowered for w in data.get("garnish", ()))
    line.synonyms = german_aliases(name, amount, data)
    return line


def _with_plural(amount: Amount, noun: str) -> Amount:
    """An unchanging plural ("zwei Bund") is written out, not derived by English rules."""
    return Amount(
        value=amount.value,
        unit=amount.unit,
        upper=amount.upper,
        noun=noun,
        noun_plural=noun,
        size=amount.size,
    )


def _size_word(source: str, size: str) -> str:
    m = re.search(r"\b(kl\.|gr\.|klein\w*|mittel\w*|groß\w*)", source, re.IGNORECASE)
    return m.group(1) if m else size


def german_aliases(name: str, amount: Amount | None, data: dict[str, Any]) -> list[str]:
    """Other names: each of two joined ("Salz und Pfeffer"), the noun after its adjectives
    ("brauner Zucker" → "Zucker"), and the plural of a counted noun ("Zwiebeln")."""
    found: list[str] = []

    def add(phrase: str) -> None:
        phrase = " ".join(phrase.split())
        if phrase and phrase != name and phrase not in found and len(phrase) > 2:
            found.append(phrase)

    pieces = name.split()
    for joiner in data.get("joiners", ()):
        if joiner in pieces[1:-1]:
            for part in re.split(rf"\s+{joiner}\s+", name):
                add(part)
    if len(pieces) > 1 and pieces[-1][:1].isupper() and pieces[0][:1].islower():
        add(pieces[-1])  # "brauner Zucker", "gehackte Tomaten"
    if amount is not None and amount.noun == name and amount.noun_plural:
        add(amount.noun_plural)  # "Zwiebeln" in a step is the Zwiebel
    singulars = {plural: noun for noun, plural in data["plurals"].items() if plural != noun}
    if len(pieces) > 1 and pieces[-1] in singulars:  # "rote Zwiebeln": also "Zwiebel"
        add(singulars[pieces[-1]])
    return found[:10]


__all__ = ["german_aliases", "read_german_line", "rules"]
