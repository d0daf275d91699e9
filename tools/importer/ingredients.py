"""An ingredient line as a cook says it: amount, name, aliases, preparation and comment.

``"2 (14.5 oz) cans Hunt's diced tomatoes, drained"`` becomes the amount "2 cans", the name
"diced tomatoes", the aliases "tomatoes" and "tomato", the preparation "drained" and the
comment "14.5 oz". Amounts are read by the kitchen's parser (:func:`parse_amount`), so an
imported amount scales, converts and is said exactly like a hand-written one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from cookalong.kitchen.amounts import SIZES, Amount, parse_amount, take_number
from cookalong.kitchen.units import match_unit
from cookalong.recipe.loader import unspeakable
from cookalong.speech.lang.en.speak import speak_number
from cookalong.speech.text import speakable
from tools.importer.names import aliases, singular_word, without_brand, without_quality
from tools.importer.words import Words

_SCHEMA_SIZES = ("extra large", "small", "medium", "large")
_BULLETS = re.compile(r"^[\s▢☐□■•·*\-–—]+")
_PLURAL_MARK = re.compile(r"(?<=[^\W\d_])\((?:n|s|es|e|en)\)", re.IGNORECASE)
_PARENS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_NUMBER_START = re.compile(r"^(?:\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or)\s*(?=\d|[½⅓⅔¼¾⅛])", re.IGNORECASE)
_TIMES = re.compile(r"^\s*[x×]\s+", re.IGNORECASE)
_OF_CHOICE = re.compile(r"\s+(?:of|of your|to your)\s+(?:choice|liking)\b.*$", re.IGNORECASE)
_SIZE_SPAN = re.compile(r"^(?:small|medium|large)(?:-to-|\s+to\s+|-|/)(?:medium|large)\s+", re.I)
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_LEADING_SIZE = re.compile(
    r"^(scant|heaping|heaped|rounded|level|generous)\s+(?=\d|[½⅓⅔¼¾⅛])", re.I
)
_CONTAINER_SIZE = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?[- ]?(?:ounces?|oz|g|grams?|ml|pounds?|lbs?)\.?)\s+", re.IGNORECASE
)
_UNIT_WORD = re.compile(r"^(\S+)\s+units?\s+", re.IGNORECASE)
_HEADING = re.compile(r"^for\s+(?:the\s+)?[^\d,;:]{2,40}$", re.IGNORECASE)
_NOT_IN_PHRASE = re.compile(r"[,;.!?:*\"“”„()\[\]{}/®™©]+")
_WORD_AMOUNT = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half(?: a| an)?)\s+",
    re.IGNORECASE,
)
_TRAILING_JOINER = re.compile(
    r"(?:\s+(?:or possibly|or|and|and/or|plus|oder|und|with|of))+\s*$", re.IGNORECASE
)
_OPTIONAL_LEAD = re.compile(
    r"^\(?(optional|for garnish|to garnish|for serving|to serve)\)?\s*:\s*", re.IGNORECASE
)
# "Juice from 1 lime", "zest of 2 oranges": the fruit is the amount, "lime juice" the name
_JUICE_OF = re.compile(
    r"^(juice|zest|zest and juice|juice and zest)\s+(?:of|from)\s+"
    r"((?:\d+(?:\s+\d/\d)?|\d/\d|[½¼¾⅓⅔]|an?|one|two|three|four|half an?)\s+"
    r"(?:small |medium |large )?)([a-z]+)(?=[\s,(*]|$)",
    re.IGNORECASE,
)
_INFORMAL_LEAD = re.compile(
    r"^(?:small\s+|large\s+|big\s+|generous\s+)?(pinch|dash|handful|splash|drizzle)\b(?:\s+of)?\s+",
    re.IGNORECASE,
)
# Aliases a unit table has that an ingredient line uses as words ("in", "t" in "t-bone").
_RISKY_UNITS = frozenset({"in", "in."})


@dataclass
class Line:
    """One ingredient line, read."""

    text: str
    name: str
    synonyms: list[str] = field(default_factory=list)
    amount: Amount | None = None
    preparation: str | None = None
    comment: str | None = None
    garnish: bool = False

    def amount_json(self) -> dict[str, Any] | None:
        """The amount as recipe.json writes it (value/upper/unit/noun/size)."""
        if self.amount is None:
            return None
        amount = self.amount
        written: dict[str, Any] = {"value": _written(amount.value)}
        if amount.upper is not None:
            written["upper"] = _written(amount.upper)
        if amount.unit:
            written["unit"] = amount.unit
        if amount.noun:
            written["noun"] = amount.noun
            if amount.noun_plural:
                written["noun_plural"] = amount.noun_plural
        if amount.size:
            written["size"] = amount.size
        return written


def _written(value: Fraction) -> str:
    whole, part = divmod(value, 1)
    if not part:
        return str(whole)
    if part.denominator > 16:  # a decimal the page wrote: 0.33 cup, 2.25 lb
        return f"{float(value):.3f}".rstrip("0").rstrip(".")
    return f"{whole} {part}" if whole else str(part)


def read_line(text: str, words: Words) -> Line | None:
    """Read one ingredient line.

    Parameters
    ----------
    text
        As the page gives it: ``"1 pound large shrimp, deveined (peeled or unpeeled)"``.
    words
        The page language's word tables.

    Returns
    -------
    Line or None
        ``None`` when the line names nothing (a bare "1 cup").
    """
    source = " ".join(_INVISIBLE.sub("", text).split())
    work = _BULLETS.sub("", source)
    if _HEADING.match(work):  # "For chicken lollipop dry": a group's heading, no ingredient
        return None
    comments: list[str] = []
    if m := _LEADING_SIZE.match(work):  # "Scant 2 cups chicken broth"
        rest = work[m.end() :]
        taken = _number_end(rest)
        if taken is not None:
            work = f"{rest[:taken].strip()} {m.group(1).lower()} {rest[taken:].strip()}"
    if m := _OPTIONAL_LEAD.match(work):  # "optional: 2 teaspoons Cognac"
        comments.append(m.group(1).lower())
        work = work[m.end() :]
    if m := _INFORMAL_LEAD.match(work):  # "Pinch of salt", "small handful chopped onions"
        work = f"a {m.group(1).lower()} {work[m.end() :]}"
    juiced: tuple[Amount | None, str] | None = None
    if m := _JUICE_OF.match(work):  # "juice of 1 lime" → "lime juice", 1 lime
        fruit = singular_word(m.group(3).lower())
        juiced = (_amount(f"{m.group(2)}{fruit}"), f"{fruit} {m.group(1).lower()}")
        work = f"{fruit} {m.group(1).lower()}{work[m.end() :]}"
    work = _PLURAL_MARK.sub("", work)
    work = _UNIT_WORD.sub(r"\1 ", work)  # "2 unit(s) Garlic Clove": "unit" counts nothing
    work = _units_of(work, words)
    work = re.sub(r"\b(each|jeweils)\s*:\s*", "", work, flags=re.IGNORECASE)
    for short, size in words.abbreviations.items():  # "4 med. potatoes", "1 env. soup mix"
        work = re.sub(rf"(?<=\s){re.escape(short)}\.?(?=\s)", size, work, count=1, flags=re.I)

    # a parenthetical right after the number is the container's size: "1 (14 oz) can"
    amount_part, rest, size_note = _amount_prefix(work, words)
    if size_note:
        comments.append(size_note)
    for found in _PARENS.finditer(rest):
        comments.append(found.group(1).strip())
    rest = _PARENS.sub("", rest).strip()
    rest = rest.replace("*", "").strip()

    head, preparation, more = _split_tail(rest, words)
    comments += more
    head = re.sub(r"^(?:of|de|d')\s+", "", head.strip(), flags=re.IGNORECASE)
    if m := _OF_CHOICE.search(head):  # "milk of choice": the choice is the cook's
        comments.append(m.group(0).strip())
        head = head[: m.start()].strip()
    lowered = head.lower()
    for phrase in words.to_taste:
        if lowered.endswith(" " + phrase) or lowered == phrase:
            head = head[: len(head) - len(phrase)].strip(" ,")
            head = re.sub(r"\s+(?:or|and|oder)$", "", head, flags=re.IGNORECASE)
            comments.append(phrase)
            lowered = head.lower()
    head = without_brand(head, words)
    head = without_quality(head, words)
    head, digits = _without_numbers(head, words.describing)
    if digits:
        comments.append(digits)
    head = _TRAILING_JOINER.sub("", head)
    trailing: list[str] = []
    if m := re.search(r"\s+((?:at\s+)?room\s+temperature)$", head, re.IGNORECASE):
        trailing.append(m.group(1).lower())  # "butter at room temperature"
        head = head[: m.start()]
    while len(head.split()) > 1 and _is_preparation(head.split()[-1], words):
        trailing.insert(0, head.split()[-1])  # "1 medium white onion diced"
        head = head.rsplit(" ", 1)[0]
    if trailing:
        preparation = ", ".join(p for p in (" ".join(trailing), preparation) if p)

    amount = _amount(amount_part)
    name = _phrase(head)
    if juiced is not None and amount is None:
        amount, name = juiced[0], _phrase(juiced[1])
    if amount is not None and amount.unit is None and amount.noun is None and name:
        amount, counted = _count(amount, name)
        name = _phrase(counted)
    if unspeakable(name):  # the last guard: what the loader refuses in a spoken name
        name = _phrase(speakable(name))
        if unspeakable(name):
            name = " ".join(w for w in name.split() if not unspeakable(w))
    if not name:
        if amount is not None and amount.noun:
            name = _phrase(amount.noun)
        else:
            return None
    comment = "; ".join(c for c in comments if c) or None
    line = Line(
        text=source,
        name=name,
        amount=amount,
        preparation=preparation,
        comment=comment,
    )
    line.garnish = any(w in (comment or "").lower() for w in words.garnish)
    counted = amount is not None and amount.noun is not None and amount.noun == name
    line.synonyms = aliases(name, words, counted=counted)
    if juiced is not None and amount is not None and amount.noun:  # "the lime" of its juice
        line.synonyms = [*line.synonyms, amount.noun][:10]
    return line


def _is_preparation(word: str, words: Words) -> bool:
    """A past participle of the preparation table ("diced", "minced"), said after a name."""
    lowered = word.lower()
    return lowered in words.preparation and lowered.endswith("ed") and lowered != "ground"


def _units_of(text: str, words: Words) -> str:
    """The language's unit words the kitchen does not know, as its English keys."""
    if not words.units:
        return text

    def swap(match: re.Match[str]) -> str:
        return match.group(1) + words.units[match.group(2).lower()] + match.group(3)

    names = "|".join(sorted(map(re.escape, words.units), key=len, reverse=True))
    return re.sub(
        rf"^(\S+\s*)({names})(\s|$)",
        swap,
        text,
        count=1,
        flags=re.IGNORECASE,
    )


def _amount_prefix(text: str, words: Words) -> tuple[str, str, str | None]:
    """Split ``"2 (14.5 oz) cans diced tomatoes"`` into the amount's words
    (``"2 cans"``), the rest (``"diced tomatoes"``) and the size note (``"14.5 oz"``)."""
    if not _NUMBER_START.match(text) and not _WORD_AMOUNT.match(text):
        return "", text, None
    number_end = _number_end(text)
    if number_end is None:
        return "", text, None
    number, rest = text[:number_end].strip(), text[number_end:]
    rest = re.sub(r"^\s*of\s+(?:an?\s+)?(?=\w)", " ", rest, flags=re.IGNORECASE)  # "½ of a lemon"
    size_note = None
    if m := re.match(r"^\s*[(\[]([^()\[\]]*)[)\]]", rest):
        size_note, rest = m.group(1).strip(), rest[m.end() :]
    elif (m := _CONTAINER_SIZE.match(rest)) and singular_word(
        rest[m.end() :].split(" ", 1)[0].lower().strip(",.")
    ) in words.containers:  # "one 15-ounce can black beans"
        size_note, rest = m.group(1), rest[m.end() :]
    elif m := _TIMES.match(rest):  # "2 x 400g tins"
        inner = re.match(r"^(\d+(?:[.,]\d+)?\s*[a-zA-Z]+\.?)\s+", rest[m.end() :])
        if inner:
            size_note, rest = inner.group(1), rest[m.end() + inner.end() :]
    rest = rest.strip()
    if m := _SIZE_SPAN.match(rest):  # "2 small-to-medium cloves garlic"
        span = m.group(0).strip()
        size_note = f"{size_note}; {span}" if size_note else span
        rest = rest[m.end() :]
    size = ""
    for word in SIZES:
        if rest.lower().startswith(word + " "):
            rest = rest[len(word) :].strip()
            if word.replace("-", " ") in _SCHEMA_SIZES:
                size = word.replace("-", " ")
            else:  # "heaping", "scant": said with the comment
                size_note = f"{size_note}; {word}" if size_note else word
            break
    found = match_unit(rest) if rest else None
    if found is not None:
        _, after = found
        alias = rest[: len(rest) - len(after)]
        if alias.lower() not in _RISKY_UNITS and (not after or after[0] in " .,/"):
            if other := _other_measure(after):  # "100g/3½oz butter": the other measure
                size_note = f"{size_note}; {other[0]}" if size_note else other[0]
                after = other[1]
            after = re.sub(r"^\.?\s*(?:of\s+)?", "", after)
            return f"{number} {size} {alias}".replace("  ", " "), after, size_note
    first, _, after = rest.partition(" ")
    singular = singular_word(first.lower().strip(",."))
    if singular in words.containers:
        after = re.sub(r"^(?:of\s+)", "", after.strip(), flags=re.IGNORECASE)
        return f"{number} {size} {first.strip(',.')}".replace("  ", " "), after, size_note
    # a count: "3 garlic cloves", "2 large eggs" — the noun is the name
    return f"{number} {size}".strip(), rest, size_note


def number_at(text: str) -> tuple[Fraction, str] | None:
    """The number at the start of ``text`` and the rest (:func:`take_number`), or ``None``
    when there is none or it cannot be one ("1/0")."""
    try:
        return take_number(text)
    except ValueError:
        return None


def _other_measure(text: str) -> tuple[str, str] | None:
    """ "/3½oz butter" → ("3½oz", "butter"): the same amount in the other system."""
    m = re.match(r"^\s*/\s*", text)
    if not m:
        return None
    rest = text[m.end() :]
    taken = number_at(rest)
    if taken is None:
        return None
    found = match_unit(taken[1].lstrip())
    if found is None:
        return None
    after = found[1]
    return rest[: len(rest) - len(after)].strip(), after.strip()


def _number_end(text: str) -> int | None:
    if m := _WORD_AMOUNT.match(text):
        after = text[m.end() :]
        found = match_unit(after)
        first = after.split(" ", 1)[0].lower().strip(",.")
        if sized := _CONTAINER_SIZE.match(after):  # "one 15-ounce can"
            first = after[sized.end() :].split(" ", 1)[0].lower().strip(",.")
            found = None
        if (found and found[0].key not in ("inch",)) or singular_word(first) in (
            "pinch", "dash", "handful", "clove", "can", "knob", "sprig", "bunch", "head",
            "splash", "drizzle",
        ):  # fmt: skip
            return m.end()
        return None
    taken = number_at(text)
    if taken is None:
        return None
    rest = taken[1]
    if m := _RANGE_JOIN.match(rest):
        second = take_number(rest[m.end() :])
        if second is not None:
            rest = second[1]
    return len(text) - len(rest)


def _amount(amount_part: str) -> Amount | None:
    """The kitchen's reading of the amount's words ("2 cans", "1 ½ lb", "a pinch")."""
    if not amount_part:
        return None
    try:
        return parse_amount(amount_part)
    except ValueError:
        return None


def _count(amount: Amount, rest: str) -> tuple[Amount | None, str]:
    """A bare count takes the name as its noun: "3 garlic cloves" → 3 × "garlic clove"."""
    noun = _phrase(rest)
    if not noun or not re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", noun) or len(noun) > 60:
        return amount, rest
    try:
        counted = parse_amount(f"{_written(amount.value)}{_upper(amount)} {_size(amount)}{noun}")
    except ValueError:
        return amount, rest
    return counted, counted.noun or noun


def _upper(amount: Amount) -> str:
    return f"-{_written(amount.upper)}" if amount.upper is not None else ""


def _size(amount: Amount) -> str:
    return f"{amount.size} " if amount.size else ""


_DIGITS = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")


def _without_numbers(head: str, describing: frozenset[str] | None = None) -> tuple[str, str]:
    """A name has no measures in it: "1½-inch-thick pork chops" → "pork chops"; "warm water
    105-110 degrees F" → "warm water" (the rest is a comment); "juice of 1 lemon" keeps its
    number, said in words."""
    tokens = head.split()
    lead: list[str] = []
    while tokens and _DIGITS.search(tokens[0]):
        lead.append(tokens.pop(0))
    for index, token in enumerate(tokens):
        if _DIGITS.search(token) and not (
            index and tokens[index - 1].lower() in ("of", "from", "von")
        ):
            after = " ".join(tokens[index + 1 :])
            found = match_unit(after) if after and describing is not None else None
            if (
                found is not None
                and index
                and all(t.lower() in describing for t in tokens[:index])
                and found[1].strip()
            ):  # "boneless 2-3 pound chuck roast": the measure sits inside the name
                measure = f"{token} {after[: len(after) - len(found[1])].strip()}"
                name = " ".join([*tokens[:index], found[1].strip()])
                return name, " ".join([*lead, measure])
            return " ".join(tokens[:index]), " ".join(lead + tokens[index:])
    return " ".join(tokens), " ".join(lead)


def _split_tail(rest: str, words: Words) -> tuple[str, str | None, list[str]]:
    """ "large shrimp, deveined" → ("large shrimp", "deveined", []); a tail that is not
    preparation ("for garnish", "divided") is a comment."""
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*|\s+[-–—]\s+", rest) if p.strip()]
    if not parts:
        return "", None, []
    head = parts.pop(0)
    # "4 boneless, skinless chicken breasts": a head of describing words goes on
    while parts and all(w.lower() in words.describing | words.preparation for w in head.split()):
        head = f"{head} {parts.pop(0)}"
    preparation: list[str] = []
    comments: list[str] = []
    for part in parts:
        first = part.split()[0].lower()
        if first in words.preparation or (first.endswith("ed") and len(first) > 4):
            preparation.append(part)
        else:
            comments.append(part)
    # preparation written before the name: "minced garlic" stays the name a cook says
    return head, ", ".join(preparation) or None, comments


def _phrase(text: str) -> str:
    """Something a cook says: no sentence punctuation, lower-case, at most eight words."""
    said = _NOT_IN_PHRASE.sub(" ", text)
    said = re.sub(r"\s&\s", " and ", said)
    said = re.sub(r"(?<!\w)[-–—'’]+|[-–—'’]+(?!\w)", " ", said)
    said = " ".join(said.split()).lower()
    if re.search(r"\d", said):  # "juice of 1 lemon": "juice of one lemon"
        said = re.sub(r"\s*\b\d+(?:\.\d+)?\s*(?:g|kg|ml|l|oz|lb|lbs)\b", " ", said)
        said = re.sub(r"\b\d{1,2}\b(?![%/.-])", lambda m: speak_number(int(m.group(0))), said)
    return " ".join(said.split()[:8])


__all__ = ["Line", "aliases", "read_line"]
