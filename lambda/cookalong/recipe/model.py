"""The recipe model: plain frozen records, built once by the loader and shared read-only."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from cookalong.kitchen.amounts import Amount
from cookalong.kitchen.temperature import Temperature
from cookalong.record import Record


class Ingredient(Record):
    id: str  # unique within the recipe: "pork-belly.maple-syrup", "aioli.maple-syrup"
    key: str  # the canonical-name slug, shared across components: "maple-syrup"
    name: str  # what a cook says: "maple syrup"
    synonyms: tuple[str, ...]  # other names a cook might say: ("syrup",)
    amount: Amount | None  # None for "to taste" style ingredients
    component_id: str
    preparation: str | None = None  # "very finely minced"
    comment: str | None = None  # "not Miracle Whip"
    text: str = ""  # the source line, faithful: "4 tablespoons mayonnaise* (not Miracle Whip)"
    note_ids: tuple[str, ...] = ()  # recipe notes about it (the asterisk): ("homemade-mayonnaise",)


class TimeSpan(Record):
    """A duration, possibly a range: broil 10–15 minutes."""

    minimum: timedelta
    maximum: timedelta | None = None
    label: str | None = None  # what takes this long: "bake", "broil", "rest"
    until: str | None = None  # the cue that it is done: "the pork skin is very crispy"


class OvenSetting(Record):
    mode: str  # "bake", "broil", "preheat" … (the recipe's word; locales may say "grill")
    temperature: Temperature
    fan: bool | None = None  # a fan (convection, Umluft) oven; False: the source says no fan
    heat: str | None = None  # "top-bottom" (conventional, Ober-/Unterhitze), "top", "bottom"
    gas_mark: int | None = None  # the gas mark the source gives beside the degrees


class Step(Record):
    component_id: str
    number: int  # 1-based within its component
    text: str  # faithful to the source
    ingredient_ids: tuple[str, ...] = ()
    durations: tuple[TimeSpan, ...] = ()
    oven: OvenSetting | None = None
    passive: bool = False  # waiting: the 2-hour bake, the 15-minute rest
    meanwhile: str | None = None  # component id that can be made while waiting ("aioli")
    equipment: tuple[str, ...] = ()
    actions: tuple[
        str, ...
    ] = ()  # what it does, to find it by voice: ("broil",), ("rest", "slice")
    # What the skill says when `text` is not speakable as it stands ("275 degrees" without a
    # scale, "10-15 minutes"); "{oven}" stands for the oven temperature. Use `spoken()`.
    speech: str | None = None
    in_oven: bool | None = None  # after this step: in the oven (True), out (False), None: same

    def spoken(self, oven: str | None = None) -> str:
        """The step as the skill says it.

        Parameters
        ----------
        oven
            The oven temperature in words, in the cook's scale ("135 degrees Celsius"); it
            replaces ``{oven}``. Default: the recipe's own, "275 degrees Fahrenheit".

        Returns
        -------
        str
            ``speech`` (else ``text``) with ``{oven}`` filled in.
        """
        said = self.speech or self.text
        if "{oven}" in said and self.oven is not None:
            if oven is None:
                temperature = self.oven.temperature
                scale = "Fahrenheit" if temperature.scale == "F" else "Celsius"
                oven = f"{temperature.degrees} degrees {scale}"
            said = said.replace("{oven}", oven)
        return said


class Component(Record):
    id: str  # "pork-belly", "aioli"
    name: str  # "pork belly", "chipotle aioli"
    synonyms: tuple[str, ...]  # ("pork", "meat") / ("aioli", "sauce", "dip")
    ingredients: tuple[Ingredient, ...]
    steps: tuple[Step, ...]


class Tip(Record):
    id: str
    title: str  # "three rules for crackling"
    text: str  # speakable, faithful to the source
    keywords: tuple[str, ...] = ()  # ("crackling", "crispy skin", "skin", "crispy")
    group: str | None = None  # tips said together: "crackling" (the three rules), "myths"


class Note(Record):
    id: str
    text: str  # speakable
    title: str = ""  # "home-made mayonnaise"


_FRESH: dict = {}  # the lookups' default: each recipe gets dicts of its own


class Recipe(Record):
    id: str  # "maple-glazed-pork-belly"
    title: str
    components: tuple[Component, ...]
    servings: int = 1
    short_title: str = ""  # what the skill says: "maple glazed pork belly" (loader derives it)
    author: str = ""
    source: str = ""  # URL or publication
    description: str = ""
    prep_time: timedelta = timedelta(0)
    cook_time: timedelta = timedelta(0)
    total_time: timedelta = timedelta(0)
    category: str = ""
    method: str = ""
    cuisine: str = ""
    tips: tuple[Tip, ...] = ()
    notes: tuple[Note, ...] = ()
    serving: str = ""  # how to serve, said at the end: "Slice it and serve with the aioli."
    language: str = "en"  # BCP-47 primary tag of the recipe's text: "en", "de"
    translation_of: str | None = None  # the id of the recipe this one translates
    url: str | None = None  # the page's original address (imported recipes)
    nutrition: dict[str, str] = _FRESH  # "calories": "320 kcal"
    path: str = ""  # the file it was loaded from
    aliases: tuple[str, ...] = ()  # other names a cook calls it by ("pork belly")
    ingredients_by_id: dict[str, Ingredient] = _FRESH
    # Lookups the loader fills once, so that a turn never scans the recipe (keys lower-case):
    components_by_id: dict[str, Component] = _FRESH
    # every name and synonym ("salt") -> the ingredients it may mean, in recipe order
    ingredients_by_name: dict[str, tuple[Ingredient, ...]] = _FRESH
    ingredients_by_key: dict[str, tuple[Ingredient, ...]] = _FRESH
    steps_by_ingredient: dict[str, tuple[Step, ...]] = _FRESH
    steps_by_action: dict[str, tuple[Step, ...]] = _FRESH
    tips_by_id: dict[str, Tip] = _FRESH
    tips_by_keyword: dict[str, tuple[Tip, ...]] = _FRESH
    notes_by_id: dict[str, Note] = _FRESH

    #: Neither compared nor hashed: the nutrition, and the lookups (they follow from the rest).
    _uncompared: ClassVar[frozenset[str]] = frozenset(
        {
            "nutrition",
            "ingredients_by_id",
            "components_by_id",
            "ingredients_by_name",
            "ingredients_by_key",
            "steps_by_ingredient",
            "steps_by_action",
            "tips_by_id",
            "tips_by_keyword",
            "notes_by_id",
        }
    )

    def __post_init__(self) -> None:
        values = self.__dict__
        for name in self._uncompared:
            if values[name] is _FRESH:
                values[name] = {}
