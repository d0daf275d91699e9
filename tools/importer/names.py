"""The name a cook says: without brands or praise, and the other names (aliases) they use.

``"Kirkland diced tomatoes"`` is "diced tomatoes"; its aliases are the head noun and its
singular ("tomatoes", "tomato"); "fresh cilantro or parsley" is also "cilantro" and "parsley".
"""

from __future__ import annotations

import re

from cookalong.kitchen.amounts import plural_of
from tools.importer.words import Words

# "Hunt's", "Bob's Red Mill": a possessive capitalised name (and capitalised words after it)
_BRAND = re.compile(r"^(?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*['’]s\s+")
_CAMEL_BRAND = re.compile(r"^(?:[A-Z][a-z]+[A-Z][\w&.-]*\s+)+")  # "SimplyNature", "KitchenAid"
_CAPITALISED_LEAD = re.compile(r"^(?:[A-Z][\w&.-]*\s+)+(?=[a-z])")
_MARKED_BRAND = re.compile(r"^(?:[\w&.'’-]+\s+){0,3}[\w&.'’-]+\s*[®™]\s*")


def without_brand(head: str, words: Words) -> str:
    """ "Kirkland diced tomatoes" → "diced tomatoes"; "Bob's Red Mill rolled oats" → "rolled
    oats"; "Philadelphia® cream cheese" → "cream cheese" (a name is never only a brand)."""
    for pattern in (_MARKED_BRAND, _BRAND, _CAMEL_BRAND):
        trimmed = pattern.sub("", head)
        if trimmed.strip() and trimmed != head:
            if pattern is _BRAND:  # "Bob's Red Mill rolled oats", not "Hunt's Tomato Sauce"
                trimmed = _CAPITALISED_LEAD.sub("", trimmed)
            return trimmed
    lowered = head.lower()
    for brand in sorted(words.brands, key=len, reverse=True):
        if lowered.startswith(brand + " ") or lowered.startswith(brand.replace("'", "’") + " "):
            trimmed = head[len(brand) :].strip()
            trimmed = re.sub(r"^(?:brand|signature)\s+", "", trimmed, flags=re.IGNORECASE)
            if trimmed:
                return trimmed
    return head


def without_quality(head: str, words: Words) -> str:
    """ "quality dark chocolate" → "dark chocolate"; "organic baby spinach" → "baby spinach":
    words that praise what to buy are not what a cook calls it."""
    pieces = head.split()
    while len(pieces) > 1:
        if len(pieces) > 2 and " ".join(pieces[:2]).lower() in words.quality:
            del pieces[:2]
        elif pieces[0].lower() in words.quality:
            pieces.pop(0)
        else:
            break
    return " ".join(pieces)


_IRREGULAR_SINGULAR = {
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "shelves": "shelf",
}


def singular_word(word: str) -> str:
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _split_on(phrase: str, joiner: str) -> list[str]:
    """ "steamed corn or rice" on " or " → ["steamed corn", "rice"] (whole words only: the
    "or" of "corn" joins nothing)."""
    return re.split(rf"\s+{re.escape(joiner.strip())}\s+", f" {phrase} ".strip())


def aliases(name: str, words: Words, *, counted: bool = False) -> list[str]:
    """Other names a cook may say: the head noun, the name without size or brand words,
    each of two alternatives, the singular or plural.

    Parameters
    ----------
    name
        ``"fresh cilantro or parsley"``, ``"chipotle peppers in adobo sauce"``.
    words
        The language's tables.
    counted
        Whether the name is a counted noun ("egg"): its plural is an alias too.

    Returns
    -------
    list[str]
        ``["cilantro or parsley", "fresh cilantro", "cilantro", "parsley", …]``.
    """
    found: list[str] = []

    def add(phrase: str) -> None:
        pieces = phrase.split()
        while pieces and pieces[0] in ("or", "and", "and/or"):  # "or chicken breast"
            pieces.pop(0)
        if all(p in words.describing | words.preparation for p in pieces):
            return  # "diced", "grilled": no ingredient
        phrase = " ".join(pieces).strip(" -'")
        if phrase and phrase != name and phrase not in found and len(phrase) > 2:
            found.append(phrase)

    core_words = [w for w in name.split() if w not in words.describing]
    core_words = [w for w in core_words if w not in words.preparation] or core_words
    core = " ".join(core_words)
    add(core)
    parts = [name]
    for joiner in (" in ", " with ", " of ", " for "):
        if joiner in f" {core} ":
            parts = [p for p in _split_on(core, joiner) if p.strip()]
            for part in parts:
                add(part)
            break
    for joiner in words.alternatives:
        for part in [*parts, core]:
            if joiner in f" {part} ":
                for piece in _split_on(part, joiner):
                    add(piece)
    core_pieces = core.split()
    joined = any(j.strip() in core_pieces for j in (*words.alternatives, "with", "of", "in"))
    for start in range(1, len(core_pieces) - 1):  # "brick cream cheese" → "cream cheese"
        if not joined:
            add(" ".join(core_pieces[start:]))
    for index, piece in enumerate(core_pieces[1:], 1):  # "chicken breast fillet" → "chicken"
        if piece in words.cuts:
            add(" ".join(core_pieces[:index]))
            break
    for phrase in (name, core):
        pieces = phrase.split()
        if len(pieces) > 1 and singular_word(pieces[-1]) in words.containers:
            add(" ".join(pieces[:-1]))  # "garlic clove" → "garlic", "lemon wedges" → "lemon"
    for phrase in (name, core):  # "mozzarella cheese": a cook says "the mozzarella"
        pieces = phrase.split()
        if len(pieces) > 1 and pieces[-1] in words.variety_heads:
            add(pieces[-2])
    for phrase in [*found, name]:
        last = phrase.split()[-1] if phrase.split() else ""
        if len(last) > 2 and last not in words.describing and last not in ("and", "or"):
            add(last)
    for phrase in [*found[:4], name]:
        last = phrase.split()[-1]
        singular = singular_word(last)
        if singular != last and words.language == "en":
            add(phrase[: len(phrase) - len(last)] + singular)
    if counted and words.language == "en":
        add(plural_of(name))
    return [
        a
        for a in found
        if re.fullmatch(r"[^\s,;.!?\d]([^,;.!?]*[^\s,;.!?])?", a) and not re.search(r"\d", a)
    ][:10]


__all__ = ["aliases", "singular_word", "without_brand", "without_quality"]
