"""A recipe's names as slot values: what the interaction models and Alexa's dynamic entities
are made of (one derivation for both).

Values are written the way Alexa's speech recognition writes what it heard: lower case, no
accents, digits as words, punctuation as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from cookalong.recipe.model import Recipe

#: Number words, as Alexa's speech recognition writes them (index = value).
UNIT_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS_WORDS = (
    "-",
    "-",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)


def speakable(text: str) -> str:
    """A slot value or synonym in the form Alexa's speech recognition writes it.

    Lower case, accents dropped ("purée" → "puree"), "&" → "and", digits as words, hyphens and
    other punctuation as spaces (apostrophes kept).
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"\d+", lambda match: " " + number_words(int(match.group())) + " ", text)
    text = re.sub(r"[^a-z' ]+", " ", text)
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


@dataclass
class SlotValue:
    """One value of a slot type: a stable id, its name and its synonyms (all speakable)."""

    id: str
    name: str
    synonyms: list[str] = field(default_factory=list)

    def add(self, *phrases: str) -> None:
        for phrase in phrases:
            phrase = speakable(phrase)
            if phrase and phrase != self.name and phrase not in self.synonyms:
                self.synonyms.append(phrase)


def recipe_slot_values(recipe: Recipe) -> dict[str, list[SlotValue]]:
    """The values one recipe gives its slot types: INGREDIENT (by ingredient key: maple syrup
    in both parts is one value), COMPONENT (by part id) and RECIPE (its titles)."""
    ingredients: dict[str, SlotValue] = {}
    components: dict[str, SlotValue] = {}
    for component in recipe.components:
        part = components.setdefault(
            component.id, SlotValue(component.id, speakable(component.name))
        )
        part.add(component.name, *component.synonyms)
        for ingredient in component.ingredients:
            value = ingredients.setdefault(
                ingredient.key, SlotValue(ingredient.key, speakable(ingredient.name))
            )
            value.add(ingredient.name, *ingredient.synonyms)
    title = SlotValue(recipe.id, speakable(recipe.short_title))
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
