"""The recipe model: plain frozen dataclasses, built once by the loader and shared read-only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from cookalong.kitchen.amounts import Amount
from cookalong.kitchen.temperature import Temperature


@dataclass(frozen=True)
class Ingredient:
    id: str  # unique within the recipe: "pork-belly.maple-syrup", "aioli.maple-syrup"
    key: str  # the canonical-name slug, shared across components: "maple-syrup"
    name: str  # what a cook says: "maple syrup"
    synonyms: tuple[str, ...]  # other names a cook might say: ("syrup",)
    amount: Amount | None  # None for "to taste" style ingredients
    component_id: str
    preparation: str | None = None  # "very finely minced"
    comment: str | None = None  # "not Miracle Whip"
    text: str = ""  # the source line, faithful: "4 tablespoons mayonnaise* (not Miracle Whip)"


@dataclass(frozen=True)
class TimeSpan:
    """A duration, possibly a range: broil 10–15 minutes."""

    minimum: timedelta
    maximum: timedelta | None = None
    label: str | None = None  # what takes this long: "bake", "broil", "rest"


@dataclass(frozen=True)
class OvenSetting:
    mode: str  # "bake", "broil", "preheat" … (the recipe's word; locales may say "grill")
    temperature: Temperature


@dataclass(frozen=True)
class Step:
    component_id: str
    number: int  # 1-based within its component
    text: str  # faithful to the source
    ingredient_ids: tuple[str, ...] = ()
    durations: tuple[TimeSpan, ...] = ()
    oven: OvenSetting | None = None
    passive: bool = False  # waiting: the 2-hour bake, the 15-minute rest
    meanwhile: str | None = None  # component id that can be made while waiting ("aioli")
    equipment: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()  # what it does, to find it by voice: ("broil",), ("rest", "slice")


@dataclass(frozen=True)
class Component:
    id: str  # "pork-belly", "aioli"
    name: str  # "pork belly", "chipotle aioli"
    synonyms: tuple[str, ...]  # ("pork", "meat") / ("aioli", "sauce", "dip")
    ingredients: tuple[Ingredient, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Tip:
    id: str
    title: str  # "three rules for crackling"
    text: str  # speakable, faithful to the source
    keywords: tuple[str, ...] = ()  # ("crackling", "crispy skin", "skin", "crispy")


@dataclass(frozen=True)
class Note:
    id: str
    text: str


@dataclass(frozen=True)
class Recipe:
    id: str  # "maple-glazed-pork-belly"
    title: str
    short_title: str  # what the skill says: "maple glazed pork belly"
    author: str
    source: str  # URL or publication
    description: str
    servings: int
    prep_time: timedelta
    cook_time: timedelta
    total_time: timedelta
    category: str
    method: str
    cuisine: str
    components: tuple[Component, ...]
    tips: tuple[Tip, ...]
    notes: tuple[Note, ...]
    serving: str  # how to serve, said at the end: "Slice it and serve with the aioli on the side."
    path: str = ""  # the file it was loaded from
    ingredients_by_id: dict[str, Ingredient] = field(default_factory=dict, compare=False)
