"""The importer's word tables, one per language: English here, German (or any language) from
its pack's data (``speech/lang/<code>/words.json`` → ``importer`` → ``tables``).

Each :class:`Words` holds what enrichment needs to read a page in that language: words to tell
the language, the verbs a step is found by, the waits, the oven, the units and times the kitchen
tables do not know (German "EL", "Minuten"), preparation words split off an ingredient line,
and the claims a title makes ("Easy", "The Best"). :func:`words_for` falls back to English for
a language without a table, so a page never crashes enrichment; whether the skill can *speak*
the language is decided elsewhere (by the locales), not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from cookalong.speech.lang import words as pack_words_json


@dataclass(frozen=True)
class Words:
    """The word tables of one language (all lower-case)."""

    language: str
    #: Frequent short words that tell the language of a text (only for guessing it).
    common: frozenset[str]
    #: Cooking verbs a step is found by, as the page writes them ("bake", "backen").
    verbs: tuple[str, ...]
    #: Verbs of a wait: a step whose time goes with one is passive ("bake", "chill", "rest").
    waits: frozenset[str]
    #: Verbs that put the dish in the oven, and phrases that take it out.
    into_oven: tuple[str, ...]
    out_of_oven: tuple[str, ...]
    #: Words that make a temperature an oven's (not the oil's or the sugar's).
    oven: tuple[str, ...]
    preheat: tuple[str, ...]
    broil: tuple[str, ...]
    roast: tuple[str, ...]
    fan: tuple[str, ...]
    top_bottom: tuple[str, ...]
    #: Time unit words the kitchen's parser does not read, to its English unit.
    time_units: dict[str, str]
    #: "Overnight" and the like: a wait of at least this many hours.
    overnight: tuple[str, ...]
    #: Unit words the kitchen's unit table does not know, to a unit key ("el" → "tablespoon").
    units: dict[str, str]
    #: Counted things an amount may name ("can", "clove"), singular, besides any noun.
    containers: frozenset[str]
    #: Words of preparation split off the ingredient's name ("minced", "drained").
    preparation: frozenset[str]
    #: Words for "as much as you like": the line has no amount ("to taste").
    to_taste: tuple[str, ...]
    #: Words that only describe the size or the brand and are left out of aliases.
    describing: frozenset[str]
    #: Words before the head noun that join two names: "cilantro or parsley".
    alternatives: tuple[str, ...]
    #: What a garnish says, and the steps where garnishes go.
    garnish: tuple[str, ...]
    serve_steps: tuple[str, ...]
    #: A step that uses everything, or whatever is left.
    all_ingredients: tuple[str, ...]
    #: Equipment a step may name, longest first when matched.
    equipment: tuple[str, ...]
    #: Claims a title makes that a cook does not say ("easy", "the best").
    claims: tuple[str, ...]
    #: Lines of a page's instructions that only number a step ("Step 1").
    step_heading: str
    #: The cue after a time: "until golden", "bis goldbraun".
    until: tuple[str, ...]
    #: Word joining hours and minutes in "1 hour and 30 minutes".
    and_word: str = "and"
    #: Whether an imperative verb comes first in its clause (English) or last (German).
    verb_first: bool = True
    #: Abbreviations in ingredient lines, to the words the kitchen reads ("med." → "medium").
    abbreviations: dict[str, str] = field(default_factory=dict)
    #: Cuts and parts after the animal or plant a cook names alone ("chicken" breast).
    cuts: frozenset[str] = frozenset()
    #: Words for "degrees" the kitchen does not read ("Grad").
    degrees: tuple[str, ...] = ()
    #: Words that praise what to buy, left out of a name ("quality", "organic").
    quality: frozenset[str] = frozenset()
    #: Head nouns whose kinds a cook names alone ("mozzarella" cheese).
    variety_heads: frozenset[str] = frozenset()
    #: Brand names a line may put before the ingredient ("Kirkland", "Diamond Crystal").
    brands: tuple[str, ...] = ()
    #: Words of keeping a dish ("refrigerated for up to 24 hours" is no wait).
    keeping: tuple[str, ...] = ()
    #: Words that start a sentence without being its verb ("to", "if", "once").
    function_words: frozenset[str] = frozenset()
    #: Wait verbs said as another wait ("let it sit" is "the rest").
    wait_said_as: dict[str, str] = field(default_factory=dict)
    #: Places where a dish waits, and the wait it is there ("in the fridge" is a chill).
    wait_places: dict[str, str] = field(default_factory=dict)
    #: Times said in words, to how the kitchen's parser reads them ("eine halbe Stunde").
    said_durations: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


_EN_VERBS = (
    "preheat", "heat", "warm", "bake", "roast", "broil", "grill", "toast", "fry", "deep-fry",
    "stir-fry", "saute", "sauté", "sear", "brown", "cook", "simmer", "boil", "poach", "steam",
    "blanch", "braise", "stew", "reduce", "melt", "caramelize", "caramelise", "mix", "stir",
    "whisk", "beat", "fold", "combine", "blend", "puree", "purée", "process", "pulse", "knead",
    "roll", "shape", "form", "cut", "slice", "chop", "dice", "mince", "grate", "zest", "peel",
    "core", "trim", "halve", "quarter", "crush", "mash", "shred", "julienne", "score", "pound",
    "season", "salt", "sprinkle", "drizzle", "brush", "coat", "dredge", "dip", "glaze", "rub",
    "marinate", "soak", "rinse", "wash", "drain", "strain", "pat", "dry", "spread", "layer",
    "pour", "add", "place", "put", "arrange", "transfer", "return", "remove", "flip", "turn",
    "toss", "cover", "wrap", "line", "grease", "oil", "butter", "flour", "fill", "stuff",
    "top", "garnish", "serve", "plate", "chill", "refrigerate", "freeze", "cool", "rest",
    "rise", "proof", "set", "thaw", "defrost", "squeeze", "spritz", "scrape", "divide",
    "portion", "cream", "sift", "measure", "weigh", "prepare", "assemble", "crack", "separate",
    "microwave", "air fry", "blitz", "thicken", "deglaze", "skim", "baste", "carve", "tear",
    "break", "pick", "spoon", "ladle", "scoop", "press", "bring", "lower", "increase", "reduce",
    "adjust", "taste", "check", "insert", "enjoy", "make", "mix in", "stir in", "fold in",
    "sit", "stand", "steep", "smoke", "settle", "use", "prick", "poke", "torch", "reheat",
)  # fmt: skip
_EN_EQUIPMENT = (
    "large skillet", "medium skillet", "small skillet", "cast iron skillet", "skillet",
    "frying pan", "large frying pan", "sauté pan", "saute pan", "grill pan", "sheet pan",
    "roasting pan", "loaf pan", "cake pan", "springform pan", "muffin tin", "muffin pan",
    "baking sheet", "baking tray", "baking dish", "casserole dish", "pie dish", "pie plate",
    "large saucepan", "medium saucepan", "small saucepan", "saucepan", "large pot", "stock pot",
    "stockpot", "dutch oven", "pot", "wok", "large bowl", "medium bowl", "small bowl",
    "mixing bowl", "bowl", "whisk", "spatula", "wooden spoon", "tongs", "knife",
    "cutting board", "blender", "immersion blender", "food processor", "stand mixer",
    "hand mixer", "electric mixer", "mixer", "slow cooker", "crock pot", "crockpot",
    "instant pot", "pressure cooker", "air fryer", "microwave", "oven", "grill", "broiler",
    "colander", "sieve", "strainer", "rolling pin", "parchment paper", "baking paper",
    "aluminum foil", "aluminium foil", "foil", "plastic wrap", "cling film", "wire rack",
    "cooling rack", "ladle", "grater", "zester", "thermometer", "jar", "serving plate",
    "serving dish", "platter", "pan",
)  # fmt: skip

_EN_BRANDS = (
    "kirkland signature", "kirkland", "diamond crystal", "morton", "bob's red mill",
    "land o'lakes", "land o lakes", "kerrygold", "philadelphia", "kraft", "heinz", "hunt's",
    "del monte", "libby's", "goya", "rotel", "ro-tel", "mccormick", "frank's redhot", "frank's",
    "tabasco", "hellmann's", "best foods", "duke's", "barilla", "de cecco", "rao's",
    "ghirardelli", "nestle", "nestlé", "toll house", "hershey's", "baker's", "king arthur",
    "gold medal", "pillsbury", "domino", "c&h", "crisco", "mazola", "karo", "swanson", "knorr",
    "better than bouillon", "campbell's", "lawry's", "old bay", "jell-o", "cool whip",
    "velveeta", "tillamook", "cabot", "sargento", "oscar mayer", "johnsonville", "trader joe's",
    "simply organic", "red boat", "kikkoman", "lee kum kee", "mutti", "cento",
    "arm & hammer", "fleischmann's", "red star", "sriracha huy fong", "huy fong", "bertolli",
    "california olive ranch", "maldon", "dole", "chobani", "fage",
)  # fmt: skip

_EN_QUALITY = (
    "quality",
    "good",
    "good-quality",
    "high-quality",
    "best-quality",
    "best",
    "organic",
    "cage-free",
    "cage free",
    "free-range",
    "free range",
    "pasture-raised",
    "pasture raised",
)

_EN_FUNCTION_WORDS = (
    "to", "if", "once", "when", "while", "for", "in", "on", "at", "the", "a", "an", "you",
    "your", "it", "this", "that", "then", "now", "so", "as", "with", "and", "or", "but",
    "ideally", "option", "optional", "note", "tip",
)  # fmt: skip

ENGLISH = Words(
    language="en",
    common=frozenset(
        [
            "the",
            "and",
            "a",
            "an",
            "of",
            "to",
            "in",
            "with",
            "for",
            "until",
            "minutes",
            "add",
            "into",
            "on",
            "or",
            "is",
            "it",
            "at",
            "then",
            "from",
            "your",
            "over",
            "about",
            "cup",
            "cups",
            "tablespoon",
            "teaspoon",
            "salt",
            "stir",
            "heat",
        ]
    ),
    verbs=_EN_VERBS,
    waits=frozenset(
        [
            "bake",
            "roast",
            "broil",
            "chill",
            "refrigerate",
            "freeze",
            "rest",
            "cool",
            "rise",
            "proof",
            "marinate",
            "soak",
            "set",
            "sit",
            "stand",
            "steep",
            "settle",
            "smoke",
            "simmer",
            "braise",
            "stew",
        ]
    ),
    into_oven=(
        "bake",
        "roast",
        "broil",
        "put in the oven",
        "put into the oven",
        "place in the oven",
        "place into the oven",
        "transfer to the oven",
        "return to the oven",
        "into the oven",
        "in the oven for",
        "in the preheated oven",
    ),
    out_of_oven=(
        "remove from the oven",
        "out of the oven",
        "take it out",
        "remove it from the oven",
        "remove them from the oven",
        "take out of the oven",
        "from the oven",
        "remove the pan from the oven",
        "once out of the oven",
    ),
    oven=("oven", "preheat", "bake", "roast", "broil"),
    preheat=("preheat", "pre-heat", "heat the oven", "heat oven", "heat your oven"),
    broil=("broil", "broiler", "grill"),
    roast=("roast",),
    fan=("convection", "fan-forced", "fan forced", "fan oven", "fan"),
    top_bottom=("conventional", "top and bottom heat", "top/bottom heat"),
    time_units={},
    overnight=("overnight",),
    units={},
    containers=frozenset(
        [
            "can",
            "tin",
            "jar",
            "package",
            "packet",
            "pack",
            "bag",
            "box",
            "bottle",
            "carton",
            "stick",
            "clove",
            "head",
            "bunch",
            "sprig",
            "sprigs",
            "slice",
            "piece",
            "fillet",
            "envelope",
            "container",
            "block",
            "sheet",
            "stalk",
            "rib",
            "knob",
            "handful",
            "pinch",
            "dash",
            "drop",
            "wedge",
            "strip",
            "cube",
            "loaf",
            "leaf",
            "ear",
            "pot",
            "tub",
            "sachet",
            "punnet",
        ]
    ),
    preparation=frozenset(
        [
            "minced",
            "chopped",
            "diced",
            "sliced",
            "grated",
            "shredded",
            "crushed",
            "peeled",
            "deveined",
            "drained",
            "rinsed",
            "softened",
            "melted",
            "beaten",
            "halved",
            "quartered",
            "cubed",
            "julienned",
            "trimmed",
            "cored",
            "seeded",
            "pitted",
            "zested",
            "juiced",
            "toasted",
            "cooked",
            "uncooked",
            "thawed",
            "divided",
            "sifted",
            "packed",
            "mashed",
            "torn",
            "finely",
            "roughly",
            "coarsely",
            "thinly",
            "thickly",
            "freshly",
            "lightly",
            "very",
            "room",
            "temperature",
            "cold",
            "warm",
            "cut",
            "into",
            "pieces",
            "squeezed",
            "picked",
            "separated",
            "removed",
            "crumbled",
            "ground",
            "grilled",
            "steamed",
            "roasted",
            "boiled",
            "poached",
        ]
    ),
    to_taste=(
        "to taste",
        "or to taste",
        "as per taste",
        "as needed",
        "as required",
        "for serving",
        "optional",
    ),
    brands=_EN_BRANDS,
    keeping=(
        "refrigerate",
        "refrigerated",
        "refrigerator",
        "fridge",
        "freezer",
        "frozen",
        "keep",
        "keeps",
        "store",
        "stored",
        "ahead",
        "leftover",
        "leftovers",
        "delay",
    ),
    function_words=frozenset(_EN_FUNCTION_WORDS),
    quality=frozenset(_EN_QUALITY),
    variety_heads=frozenset(["cheese", "cheeses", "extract"]),
    describing=frozenset(
        [
            "large",
            "small",
            "medium",
            "big",
            "extra",
            "jumbo",
            "fresh",
            "freshly",
            "good",
            "quality",
            "organic",
            "homemade",
            "store-bought",
            "store",
            "bought",
            "boneless",
            "skinless",
            "raw",
            "whole",
            "ripe",
            "plain",
            "unsalted",
            "salted",
            "kosher",
            "fine",
            "coarse",
            "bone-in",
            "skin-on",
        ]
    ),
    alternatives=(" or ", " and ", " and/or "),
    garnish=("garnish", "to serve", "for serving", "serving", "topping", "to top", "decorate"),
    serve_steps=("garnish", "serve", "top with", "sprinkle", "decorate", "enjoy"),
    all_ingredients=(
        "all the ingredients",
        "all of the ingredients",
        "all ingredients",
        "remaining ingredients",
        "the rest of the ingredients",
        "everything",
    ),
    equipment=_EN_EQUIPMENT,
    claims=(
        "the best",
        "best ever",
        "best",
        "easy",
        "quick",
        "simple",
        "perfect",
        "ultimate",
        "amazing",
        "healthy",
        "homemade",
        "authentic",
        "classic",
        "favorite",
        "favourite",
        "delicious",
        "super",
        "recipe",
    ),
    step_heading=r"(?:step|method|instructions?|directions?)\s*\d*\s*:?",
    until=("until", "till"),
    wait_said_as={"sit": "rest", "stand": "rest", "settle": "rest", "refrigerate": "chill"},
    wait_places={
        "in the fridge": "chill",
        "in the refrigerator": "chill",
        "into the fridge": "chill",
        "into the refrigerator": "chill",
        "in the freezer": "freeze",
        "into the freezer": "freeze",
    },
    abbreviations={
        "med": "medium",
        "lg": "large",
        "lge": "large",
        "sm": "small",
        "env": "envelope",
        "pkg": "package",
        "pkt": "packet",
        "sq": "square",
    },
    cuts=frozenset(
        [
            "breast",
            "breasts",
            "thigh",
            "thighs",
            "fillet",
            "fillets",
            "leg",
            "legs",
            "wing",
            "wings",
            "drumstick",
            "drumsticks",
            "chop",
            "chops",
            "loin",
            "tenderloin",
            "steak",
            "steaks",
            "shank",
            "shanks",
            "ribs",
            "rib",
            "cutlet",
            "cutlets",
            "mince",
            "florets",
            "floret",
            "leaves",
            "stalks",
            "stalk",
        ]
    ),
)


def pack_words(language: str) -> Words | None:
    """A language's tables from its pack's data (``words.json`` → ``importer`` → ``tables``),
    or ``None`` when the pack has none: German is data, as a third language would be."""
    try:
        tables = pack_words_json(language).get("importer", {}).get("tables")
    except KeyError:  # no pack for that language
        return None
    if tables is None:
        return None
    kinds = {f.name: str(f.type) for f in fields(Words)}
    values: dict[str, Any] = {}
    for name, value in tables.items():
        kind = kinds[name]  # an unknown table is a KeyError: a typo in the pack
        if kind.startswith("frozenset"):
            value = frozenset(value)
        elif kind.startswith("tuple"):
            value = tuple(value)
        values[name] = value
    return Words(language=language, **values)


_GERMAN = pack_words("de")
if _GERMAN is None:
    raise RuntimeError("the German pack's words.json has no importer tables")
GERMAN: Words = _GERMAN

#: Words that only tell a language apart (for pages that do not say theirs).
_COMMON_ONLY = {
    "fr": "le la les et de des du un une pour avec dans au sur puis minutes sel faire",
    "it": "il la le e di del della con per in un una sale minuti aggiungere poi",
    "es": "el la los las y de con para en un una sal minutos agregar añadir luego",
    "pt": "o a os as e de com para em um uma sal minutos adicione depois do da",
    "nl": "de het een en van met voor in op minuten zout toevoegen dan",
    "sv": "och med i en ett till på av minuter salt sedan som",
    "da": "og med i en et til på af minutter salt derefter som",
    "no": "og med i en et til på av minutter salt deretter som",
    "pl": "i z w na do się minut sól dodać oraz",
    "hu": "és a az egy meg perc só hozzá majd",
}

TABLES: dict[str, Words] = {"en": ENGLISH, "de": GERMAN}
COMMON_WORDS: dict[str, frozenset[str]] = {
    **{code: table.common for code, table in TABLES.items()},
    **{code: frozenset(words.split()) for code, words in _COMMON_ONLY.items()},
}


def words_for(language: str) -> Words:
    """The tables of a language (a primary tag, "de"); English when there are none."""
    return TABLES.get(language, ENGLISH)


__all__ = ["COMMON_WORDS", "ENGLISH", "GERMAN", "TABLES", "Words", "words_for"]
