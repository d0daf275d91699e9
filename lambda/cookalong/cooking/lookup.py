"""Finding things in a recipe by what a cook says: ingredients, parts, steps and tips.

An index is built once per recipe (at start-up) so that every question is a dictionary look-up,
with a tolerant second pass for near misses ("five spice powder", "mayo", "limes"). The word
rules (fillers, singulars, stems) are the recipe's language's: English here, another language's
from its pack (``words.json`` → ``lookup``), which keeps its letters ("Öl" is "öl").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from types import MappingProxyType
from typing import ClassVar

from cookalong.recipe.model import Component, Ingredient, Recipe, Step, Tip
from cookalong.record import Record

_FILLER = re.compile(r"\b(the|a|an|some|of|my|your|this|that|please|step|part|bit)\b")
# Words that join a name to what narrows it ("the salt for the skin").
_CONNECTORS = frozenset(
    {"for", "in", "on", "to", "with", "from", "into", "onto", "and", "i", "meant"}
)
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
#: Questions remembered per recipe index (:meth:`RecipeIndex.find_ingredients`).
MAX_REMEMBERED = 256


@lru_cache(maxsize=4096)  # pure, and asked again for the same words turn after turn
def normalise(text: str) -> str:
    """Lower-case, drop punctuation and filler words: "The Maple-Syrup!" → "maple syrup"."""
    text = _NON_WORD.sub(" ", text.lower().replace("'", ""))
    return " ".join(_FILLER.sub(" ", text).split())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("ch", "sh", "ss", "x")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _close_matches(words: str, names: list[str]) -> list[str]:
    """The name most like ``words`` (a misheard "mayonaise"), if any is close enough."""
    import difflib  # only for near misses: not on every cold start (about 2 ms)

    return difflib.get_close_matches(words, names, n=1, cutoff=0.8)


def _variants(text: str) -> set[str]:
    base = normalise(text)
    if not base:
        return set()
    singular = " ".join(_singular(w) for w in base.split())
    return {base, singular}


class Rules(Record):
    """A language's word rules for look-up."""

    language: str
    normalise: Callable[[str], str]
    singular: Callable[[str], str]
    stem: Callable[[str], str]
    connectors: frozenset[str]
    title_filler: frozenset[str]
    aliases: Mapping[str, str] = MappingProxyType({})  # action words: "grill" → "broil"

    def variants(self, text: str) -> set[str]:
        base = self.normalise(text)
        if not base:
            return set()
        return {base, " ".join(self.singular(w) for w in base.split())}


@cache
def rules_for(language: str) -> Rules:
    """The look-up rules of ``language`` (English unless its pack has ``lookup`` words)."""
    if language == "en":
        return Rules("en", normalise, _singular, _stem, _CONNECTORS, _TITLE_FILLER)
    from cookalong.speech.lang import words

    table = words(language).get("lookup")
    if not table:
        return rules_for("en")
    filler = frozenset(table["filler"])
    endings = tuple(rule["strip"] for rule in table["singular"]["endings"])
    unchanged = frozenset(w.lower() for w in table["singular"].get("unchanged", ()))
    folds = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})

    @lru_cache(maxsize=4096)
    def normalise_in(text: str) -> str:
        text = re.sub(r"[^\w ]+", " ", text.lower().replace("'", "")).replace("_", " ")
        return " ".join(w for w in text.split() if w not in filler)

    @lru_cache(maxsize=4096)
    def singular_in(word: str) -> str:
        if word not in unchanged:
            for ending in sorted(endings, key=len, reverse=True):
                if word.endswith(ending) and len(word) - len(ending) >= 3:
                    word = word[: -len(ending)]
                    break
        return word.translate(folds).replace("ß", "ss")

    def stem_in(word: str) -> str:
        return singular_in(word)

    return Rules(
        language,
        normalise_in,
        singular_in,
        stem_in,
        frozenset(table["connectors"]),
        frozenset(table["title_filler"]),
        {"grill": "grillen"},
    )


class RecipeIndex(Record):
    recipe: Recipe
    ingredients: dict[str, tuple[Ingredient, ...]]  # spoken name → ingredients
    by_key: dict[str, tuple[Ingredient, ...]]  # ingredient key (slot id) → ingredients
    components: dict[str, Component]  # spoken name or id → component
    actions: dict[str, tuple[Step, ...]]  # action word → steps
    uses: dict[str, tuple[Step, ...]]  # ingredient id → steps that use it
    tips: dict[str, tuple[Tip, ...]]  # keyword / tip id → tips
    rules: Rules  # the word rules of the recipe's language
    #: What :meth:`find_ingredients` found for the words and key asked (it is pure, and a
    #: session asks the same turn after turn); filled as asked, emptied when full.
    found: dict[tuple[str | None, str | None], tuple[Ingredient, ...]]

    _uncompared: ClassVar[frozenset[str]] = frozenset({"found"})

    # -- ingredients -----------------------------------------------------------------------
    def find_ingredients(
        self, spoken: str | None, key: str | None = None
    ) -> tuple[Ingredient, ...]:
        """All ingredients a cook may mean, best guess first; empty when none fits.

        The spoken words come first: "salt" means both salts even when Alexa resolved it to
        one of them; the resolved id is the fallback for words the recipe does not know.
        """
        asked = (spoken, key)
        found = self.found.get(asked)
        if found is None:
            found = self._ingredients_from_words(spoken) if spoken else ()
            if not found and key and key in self.by_key:
                found = self.by_key[key]
            if len(self.found) >= MAX_REMEMBERED:
                self.found.clear()
            self.found[asked] = found
        return found

    def _ingredients_from_words(self, spoken: str) -> tuple[Ingredient, ...]:
        name = _best_name(self.ingredients, spoken, self.rules)
        if name is None:
            return ()
        found = self.ingredients[name]
        if len(found) > 1:
            return self._narrowed(found, spoken, name)
        return found

    def _narrowed(
        self, found: tuple[Ingredient, ...], spoken: str, name: str
    ) -> tuple[Ingredient, ...]:
        """ "The salt for the skin": of the ingredients a name means, those whose part or steps
        the other words name (the flaky salt sprinkled on the skin, not the aioli's)."""
        rules = self.rules
        extra = set(rules.normalise(spoken).split()) - set(name.split()) - rules.connectors
        extra = {w for w in extra if len(w) > 2}
        if not extra:
            return found
        components = {c.id: c for c in self.recipe.components}

        def context(ingredient: Ingredient) -> set[str]:
            component = components[ingredient.component_id]
            words = [component.name, component.id, *component.synonyms]
            words += [step.text for step in self.uses.get(ingredient.id, ())]
            said = set(rules.normalise(" ".join(words)).split())
            return said | {rules.singular(w) for w in said}

        narrowed = tuple(i for i in found if extra & context(i))
        return narrowed or found

    # -- components ------------------------------------------------------------------------
    def find_component(self, spoken: str | None, key: str | None = None) -> Component | None:
        if key and key in self.components:
            return self.components[key]
        name = _best_name(self.components, spoken, self.rules) if spoken else None
        return self.components[name] if name is not None else None

    # -- steps -----------------------------------------------------------------------------
    def find_action(self, spoken: str | None, key: str | None = None) -> tuple[Step, ...]:
        for candidate in (key, spoken):
            if not candidate:
                continue
            rules = self.rules
            for variant in rules.variants(candidate):
                if variant in self.actions:
                    return self.actions[variant]
            for word in rules.normalise(candidate).split():
                for variant in (word, rules.singular(word), rules.stem(word)):
                    if variant in self.actions:
                        return self.actions[variant]
        return ()

    def steps_using(self, ingredients: tuple[Ingredient, ...]) -> tuple[Step, ...]:
        seen: dict[tuple[str, int], Step] = {}
        for ingredient in ingredients:
            for step in self.uses.get(ingredient.id, ()):
                seen.setdefault((step.component_id, step.number), step)
        return tuple(seen.values())

    # -- tips ------------------------------------------------------------------------------
    def find_tips(self, spoken: str | None, key: str | None = None) -> tuple[Tip, ...]:
        """Every tip about what was said ("crispy skin": all three crackling rules)."""
        if not spoken:
            return self.tips.get(key, ()) if key else ()
        text = self.rules.normalise(spoken)
        for variant in self.rules.variants(text):
            if variant in self.tips:
                return self.tips[variant]
        found: dict[str, Tip] = {}
        for keyword, tips in sorted(self.tips.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{re.escape(keyword)}\b", text):
                for tip in tips:
                    found.setdefault(tip.id, tip)
        if not found and key:
            return self.tips.get(key, ())
        return tuple(found.values())


def _best_name(table: dict[str, object], spoken: str, rules: Rules | None = None) -> str | None:
    """The name in ``table`` a cook most likely meant: exactly (singular or plural), else the
    longest name all of whose words were said ("five spice powder" holds "five spice"), else a
    near miss ("mayonaise")."""
    rules = rules or rules_for("en")
    singular = rules.singular
    for variant in rules.variants(spoken):
        if variant in table:
            return variant
    said = rules.normalise(spoken).split()
    words = set(said) | {singular(w) for w in said}
    contained = [n for n in table if n and set(n.split()) <= words]
    if contained:
        return max(contained, key=len)
    # "cheddar" for the "freshly grated cheddar cheese": the words said are all in one name,
    # and every name that holds them means the same thing
    said_words = {singular(w) for w in said if len(w) > 2}
    holding = [n for n in table if said_words and said_words <= {singular(w) for w in n.split()}]
    if _same(table, holding):
        return min(holding, key=len)
    close = _close_matches(rules.normalise(spoken), list(table))
    return close[0] if close else None


def _same(table: dict[str, object], names: list[str]) -> bool:
    """The names all mean the same thing (the same ingredients, the same part)."""
    if not names:
        return False
    first = table[names[0]]
    return all(table[n] == first for n in names[1:])


_GRILL = {"grill": "broil", "grilling": "broil", "broiling": "broil", "baking": "bake"}


def _stem(word: str) -> str:
    if word in _GRILL:
        return _GRILL[word]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def build_index(recipe: Recipe) -> RecipeIndex:
    """The look-up index of a recipe: build it once, at start-up, and share it.

    Exact look-ups (ingredient key, steps using an ingredient) are the loader's own tables; this
    adds what a cook may say: lower-cased, singular and plural, filler words dropped.
    """
    rules = rules_for(recipe.language)
    _variants = rules.variants
    _stem, normalise = rules.stem, rules.normalise
    ingredients: dict[str, list[Ingredient]] = defaultdict(list)
    components: dict[str, Component] = {}
    actions: dict[str, list[Step]] = defaultdict(list)
    tips: dict[str, list[Tip]] = defaultdict(list)
    for component in recipe.components:
        for name in (component.id, component.name, *component.synonyms):
            for variant in _variants(name):
                components.setdefault(variant, component)
        components.setdefault(component.id, component)
        for ingredient in component.ingredients:
            for name in (ingredient.name, ingredient.key.replace("-", " "), *ingredient.synonyms):
                for variant in _variants(name):
                    if ingredient not in ingredients[variant]:
                        ingredients[variant].append(ingredient)
        for step in component.steps:
            for action in step.actions:
                for variant in _variants(action) | {_stem(normalise(action))}:
                    actions[variant].append(step)
    for tip in recipe.tips:
        tips[tip.id].append(tip)
        for keyword in tip.keywords:
            for variant in _variants(keyword):
                if tip not in tips[variant]:
                    tips[variant].append(tip)
    if "broil" in actions:
        actions.setdefault("grill", actions["broil"])
    for alias, action in rules.aliases.items():
        if action in actions:
            actions.setdefault(alias, actions[action])
    return RecipeIndex(
        recipe=recipe,
        ingredients={k: _exact_first(k, v, rules) for k, v in ingredients.items()},
        by_key=recipe.ingredients_by_key,
        components=components,
        actions={k: tuple(v) for k, v in actions.items()},
        uses=recipe.steps_by_ingredient,
        tips={k: tuple(v) for k, v in tips.items()},
        rules=rules,
        found={},
    )


def _exact_first(spoken: str, found: list[Ingredient], rules: Rules) -> tuple[Ingredient, ...]:
    """When "salt" means two ingredients, keep them all; when one is named exactly, it alone."""
    exact = [i for i in found if spoken in rules.variants(i.name)]
    return tuple(exact) if exact and len(exact) < len(found) else tuple(found)


def title_index(
    names: dict[str, tuple[str, ...]], language: str = "en"
) -> dict[str, tuple[frozenset[str], ...]]:
    """Recipe id → the words of each of its names, as :func:`match_titles` compares them."""
    rules = rules_for(language)
    return {rid: tuple(_title_words(n, rules) for n in ns) for rid, ns in names.items()}


def match_titles(
    spoken: str,
    names: dict[str, tuple[str, ...]] | dict[str, tuple[frozenset[str], ...]],
    language: str = "en",
) -> list[str]:
    """The recipes a cook may mean: every name exactly, else the recipes sharing the most
    words with what was said, else a near miss. Ties are all returned (ask which).

    ``names``: recipe id → its names, or their words already (:func:`title_index`)."""
    rules = rules_for(language)
    said = _title_words(spoken, rules)
    if not said:
        return []
    variants = {
        rid: [n if isinstance(n, frozenset) else _title_words(n, rules) for n in ns]
        for rid, ns in names.items()
    }
    exact = [rid for rid, vs in variants.items() if said in vs]
    if exact:
        return exact
    scores: dict[str, float] = {}
    for rid, vs in variants.items():
        best = 0.0
        for words in vs:
            common = said & words
            if common and common in (said, words):
                best = max(best, len(common) / max(len(words), len(said)))
        if best:
            scores[rid] = best
    if scores:
        top = max(scores.values())
        return [rid for rid, score in scores.items() if score == top]
    import difflib

    joined = {" ".join(sorted(w)): rid for rid, vs in variants.items() for w in vs}
    close = difflib.get_close_matches(" ".join(sorted(said)), list(joined), n=2, cutoff=0.75)
    return list(dict.fromkeys(joined[c] for c in close))


_TITLE_FILLER = frozenset(
    [
        "the",
        "a",
        "an",
        "recipe",
        "recipes",
        "dish",
        "some",
        "that",
        "this",
        "one",
        "my",
        "for",
        "make",
        "cook",
        "cooking",
        "with",
        "and",
    ]
)


def _title_words(text: str, rules: Rules | None = None) -> frozenset[str]:
    rules = rules or rules_for("en")
    words = rules.normalise(re.sub(r"\([^)]*\)", " ", text)).split()
    return frozenset(rules.singular(w) for w in words if w not in rules.title_filler)


# What a step says about a detail, by language: (pattern, weight); the best sentence wins.
_DETAILS: dict[str, dict[str, tuple[tuple[str, int], ...]]] = {
    "en": {
        "rack": (
            (
                r"\b(top|upper|middle|center|centre|bottom|lower|lowest|highest)\b[\w ]{0,12}"
                r"\b(third|rack|shelf|position|oven)\b",
                3,
            ),
            (r"\b(oven )?(rack|shelf)\b", 1),
            (r"\bcooling rack\b", -2),
        ),
        "thickness": ((r"\b(thick|thin|thinly|thickly)\b", 3),),
        "size": (
            (r"\b\d+([./]\d+)?\s*(inch|inches|cm|centimet\w+|mm)\b", 2),
            (r"\b(bite[- ]size\w*|pieces|chunks|cubes|size)\b", 1),
        ),
        "spacing": ((r"\bapart\b", 3),),
        "pan": ((r"\b(pan|tray|dish|sheet|skillet|pot|casserole|tin|saucepan|wok)\b", 2),),
    }
}


# What a step does that a detail is about, when it does not give the detail itself ("slice the
# pork belly" says nothing of how thick): said so the cook knows where the recipe is vague.
_DETAIL_ACTIONS: dict[str, dict[str, str]] = {
    "en": {
        "thickness": r"\b(slice|slices|cut|carve)\b",
        "size": r"\b(cut|chop|dice|slice)\b",
        "spacing": r"\b(cut|cuts|score|space)\b",
        "pan": r"\b(bake|roast|cook|fry|line)\b",
        "rack": r"\b(oven)\b",
    }
}


@lru_cache(maxsize=64)
def _detail_patterns(language: str, detail: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    table = _DETAILS.get(language) or _pack_lookup(language).get("details") or _DETAILS["en"]
    return tuple((re.compile(p, re.IGNORECASE), w) for p, w in table.get(detail, ()))


def detail_action_sentences(text: str, detail: str, language: str = "en") -> list[str]:
    """The sentences of a step that do what ``detail`` is about, without saying it."""
    table = (
        _DETAIL_ACTIONS.get(language)
        or _pack_lookup(language).get("detail_actions")
        or _DETAIL_ACTIONS["en"]
    )
    pattern = table.get(detail)
    if pattern is None:
        return []
    found = re.compile(pattern, re.IGNORECASE)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if found.search(s)]


def detail_sentences(text: str, detail: str, language: str = "en") -> list[str]:
    """The sentences of a step's text that say something about ``detail`` (rack, thickness,
    size, spacing, pan), best first."""
    patterns = _detail_patterns(language, detail)
    scored = []
    for position, sentence in enumerate(re.split(r"(?<=[.!?])\s+", text)):
        score = sum(w for p, w in patterns if p.search(sentence))
        if score > 0:
            scored.append((-score, position, sentence.strip()))
    return [s for _, _, s in sorted(scored)]


# Words that are not ingredients but name something else a cook may ask about ("how many
# people", "how much time", "how many calories"), by language.
_TOPICS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "servings": frozenset(
            [
                "people",
                "persons",
                "person",
                "servings",
                "serving",
                "portions",
                "portion",
                "guests",
                "mouths",
            ]
        ),
        "nutrition": frozenset(
            [
                "calories",
                "calorie",
                "kcal",
                "fat",
                "protein",
                "carbs",
                "carbohydrates",
                "sugar",
                "nutrition",
            ]
        ),
        "time": frozenset(["time", "minutes", "hours", "longer"]),
        "temperature": frozenset(["degrees", "temperature", "heat"]),
        "equipment": frozenset(
            ["pans", "pan", "equipment", "tools", "utensils", "bowls", "dishes"]
        ),
        "steps": frozenset(["steps"]),
    }
}


def topic_of(words: str, language: str = "en") -> str | None:
    """The non-ingredient topic some words are about ("people" → "servings"), if any."""
    said = set(rules_for(language).normalise(words).split())
    table = _TOPICS.get(language) or _german_topics(language) or _TOPICS["en"]
    for topic, names in table.items():
        if said & names:
            return topic
    return None


@cache
def _german_topics(language: str) -> dict[str, frozenset[str]] | None:
    """Another language's topics, from its pack (``words.json`` → ``lookup.topics``)."""
    if language == "en":
        return None
    from cookalong.speech.lang import words

    topics = words(language).get("lookup", {}).get("topics")
    if not topics:
        return None
    return {k: frozenset(v) for k, v in topics.items() if k != "note"}


@cache
def _pack_lookup(language: str) -> dict:
    """A language pack's look-up words (``words.json`` → ``lookup``), or nothing."""
    if language == "en":
        return {}
    from cookalong.speech.lang import words

    return words(language).get("lookup", {})
