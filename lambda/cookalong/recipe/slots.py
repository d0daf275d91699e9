"""A recipe's names as slot values: what the interaction models and Alexa's dynamic entities
are made of (one derivation for both).

Values are written the way Alexa's speech recognition writes what it heard: lower case, no
accents, digits as words, punctuation as spaces.
"""

from __future__ import annotations

import re
import unicodedata

from cookalong.recipe.model import Recipe
from cookalong.speech.lang.en.numbers import TENS_WORDS, UNIT_WORDS


def speakable(text: str, language: str = "en") -> str:
    """A slot value or synonym in the form Alexa's speech recognition writes it.

    Lower case, accents dropped ("purée" → "puree") except the letters of the language
    (German "Sesamöl" stays "sesamöl", "heiß" "heiß"), "&" → "and" ("und"), digits as words
    of the language, hyphens and other punctuation as spaces (apostrophes kept).
    """
    if language != "en":
        return _speakable_in(text, language)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"\d+", lambda match: " " + number_words(int(match.group())) + " ", text)
    text = re.sub(r"[^a-z' ]+", " ", text)
    return " ".join(text.split())


def _speakable_in(text: str, language: str) -> str:
    """:func:`speakable` in a language with a pack: its letters kept, its number words."""
    from cookalong.speech.lang import letters as letters_of
    from cookalong.speech.lang import pack

    letters = letters_of(language)
    cardinal = pack(language).cardinal
    text = unicodedata.normalize("NFC", text).lower()
    kept = []
    for char in text:
        if re.fullmatch(f"[{letters}]", char):
            kept.append(char)
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            kept.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    text = "".join(kept).replace("&", " und ").replace("’", "'")
    text = re.sub(r"\d+", lambda match: " " + cardinal(int(match.group())) + " ", text)
    text = re.sub(f"[^{letters}' ]+", " ", text)
    return " ".join(text.split())


def number_words(n: int) -> str:
    """An integer in words as speech recognition writes it: 25 → "twenty five"."""
    if n < 20:
        return UNIT_WORDS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS_WORDS[tens] + ("" if ones == 0 else " " + UNIT_WORDS[ones])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return UNIT_WORDS[hundreds] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    thousands, rest = divmod(n, 1000)
    return number_words(thousands) + " thousand" + ("" if rest == 0 else " " + number_words(rest))


class SlotValue:
    """One value of a slot type: a stable id, its name and its synonyms (all speakable).

    A plain class, not a dataclass (whose code generation would cost every cold start that
    sends dynamic entities); equal when the id, name, synonyms and language are.
    """

    __slots__ = ("id", "language", "name", "synonyms")
    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass's

    def __init__(
        self, id: str, name: str, synonyms: list[str] | None = None, language: str = "en"
    ) -> None:
        self.id = id
        self.name = name
        self.synonyms: list[str] = [] if synonyms is None else synonyms
        self.language = language

    def _fields(self) -> tuple[str, str, list[str], str]:
        return (self.id, self.name, self.synonyms, self.language)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() == other._fields()  # type: ignore[attr-defined]
        return NotImplemented

    def __repr__(self) -> str:
        return (
            f"SlotValue(id={self.id!r}, name={self.name!r}, synonyms={self.synonyms!r}, "
            f"language={self.language!r})"
        )

    def add(self, *phrases: str) -> None:
        for phrase in phrases:
            phrase = speakable(phrase, self.language)
            if phrase and phrase != self.name and phrase not in self.synonyms:
                self.synonyms.append(phrase)


def recipe_slot_values(recipe: Recipe) -> dict[str, list[SlotValue]]:
    """The values one recipe gives its slot types: INGREDIENT (by ingredient key: maple syrup
    in both parts is one value), COMPONENT (by part id) and RECIPE (its titles)."""
    language = recipe.language

    def slot(value_id: str, name: str) -> SlotValue:
        return SlotValue(value_id, speakable(name, language), language=language)

    ingredients: dict[str, SlotValue] = {}
    components: dict[str, SlotValue] = {}
    for component in recipe.components:
        part = components.setdefault(component.id, slot(component.id, component.name))
        part.add(component.name, *component.synonyms)
        for ingredient in component.ingredients:
            value = ingredients.setdefault(ingredient.key, slot(ingredient.key, ingredient.name))
            value.add(ingredient.name, *ingredient.synonyms)
    title = slot(recipe.id, recipe.short_title)
    title.add(recipe.short_title, *recipe.aliases, re.sub(r"\([^)]*\)", " ", recipe.title))
    return {
        "INGREDIENT": list(ingredients.values()),
        "COMPONENT": list(components.values()),
        "RECIPE": [title],
    }


__all__ = [
    "TENS_WORDS",
    "UNIT_WORDS",
    "SlotValue",
    "number_words",
    "recipe_slot_values",
    "speakable",
]
