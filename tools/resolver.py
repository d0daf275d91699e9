"""A local stand-in for Alexa's language understanding, driven by the project's own models.

Each typed line becomes what Alexa would send the skill: a LaunchRequest, an IntentRequest with
its slots (raw words, entity-resolution results, AMAZON.NUMBER as digits), or the end of the
session. Nothing here knows the intents by heart: the matchers are compiled from the samples and
slot values of ``interaction_model/<locale>.json`` (plus what Alexa's built-in intents understand
on their own, ``tools/model_samples/amazon_builtins.json``), so a phrasing works in ``make chat``
exactly when it is in the model.

Matching, best first:

1. an exact sample: the words of a sample, every ``{slot}`` filled by one of its slot type's
   values or synonyms (longest first), contractions and "please"/"um"/"alexa" disregarded;
2. a tolerant match: a few extra filler words, a missing word of the sample, or a slot Alexa
   would have filled with words that are not among its values ("saffron", a misspelt "mayonaise")
   — the slot then carries the raw words and ``ER_SUCCESS_NO_MATCH``, as Alexa sends them;
   the words a cook opens with before the request ("okay so", "alright", "right so") cost little;
3. otherwise ``AMAZON.FallbackIntent``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Literal

from cookalong.recipe.slots import TENS_WORDS, UNIT_WORDS
from cookalong.speech.lang import language_of
from tools.models import builtin_phrases, canonical_sample, model_path
from tools.phrase_index import NearIndex, SampleTrie, tolerant_keys

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-00000000c00c"


def _words(text: str) -> list[str]:
    return text.split()


_LAUNCH_WORDS = ("open", "launch", "start", "begin", "load", "run", "play", "use", "talk to")
_ONE_SHOT_WORDS = ("ask", "tell")
_CONNECTING_WORDS = frozenset({"to", "for", "about", "if", "whether", "and", "that"})
_END_WORDS = frozenset({"exit", "quit"})
# Words a cook drops in without changing the request: cheaper to skip than other words.
_FILLERS = frozenset(
    _words(
        "so just like actually now then again oh hey well right ok um uh the a an it me us real "
        "quick quickly exactly remind anyway"
    )
)
# Words a cook opens with before the request ("okay so what's next", "alright so how hot").
_PREAMBLE = frozenset(_words("ok so alright right well hey like oh yeah cool actually anyway"))
_PREAMBLE_COST = 0.2  # per word; cheaper than an extra word inside the request
# The ways a cook wraps a request ("can you tell me how long ...", "... thanks"): Alexa's
# language model learns such carriers from samples of other intents and applies them to all.
_CARRIERS = tuple(
    tuple(canonical_sample(phrase).split())
    for phrase in (
        "can you tell me", "could you tell me", "can you remind me", "could you remind me",
        "do you know", "i want to know", "i need to know", "i'd like to know", "i was wondering",
        "i'm wondering", "quick question", "just wondering", "tell me", "remind me",
    )
)  # fmt: skip
_CLOSINGS = tuple(
    tuple(canonical_sample(phrase).split())
    for phrase in ("thanks", "thank you", "cheers", "for me", "thanks a lot")
)
_CARRIER_COST = 0.1  # per word
# A slot that swallowed only such words heard nothing worth a value.
_EMPTY_WORDS = frozenset(_words("the a an it this that is of for to in on and me i"))

_UNITS = {word: n for n, word in enumerate(UNIT_WORDS)}
_TENS = {word: 10 * n for n, word in enumerate(TENS_WORDS) if word != "-"}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"a", "and"}


@dataclass(frozen=True)
class Hearing:
    """A language's words for hearing a request as Alexa does: launch and one-shot phrases,
    fillers, carriers, words a slot cannot be alone, and how words become numbers, ordinals
    and durations. English is this module's own; another language comes from its pack."""

    language: str
    launch: tuple[str, ...]
    one_shot: tuple[str, ...]
    connecting: frozenset[str]
    end: frozenset[str]
    fillers: frozenset[str]
    preamble: frozenset[str]
    carriers: tuple[tuple[str, ...], ...]
    closings: tuple[tuple[str, ...], ...]
    empty: frozenset[str]
    normalise: Callable[[str], str]
    number: Callable[[list[str]], int | None]
    ordinal: Callable[[list[str]], int | None]
    duration: Callable[[list[str]], str | None]


@cache
def hearing(language: str) -> Hearing:
    """The :class:`Hearing` of ``language`` (``"en"``, or a pack's ``words.json`` → resolver)."""
    if language == "en":
        return Hearing(
            "en", _LAUNCH_WORDS, _ONE_SHOT_WORDS, _CONNECTING_WORDS, _END_WORDS, _FILLERS,
            _PREAMBLE, _CARRIERS, _CLOSINGS, _EMPTY_WORDS, normalise, words_to_number,
            words_to_ordinal, words_to_duration,
        )  # fmt: skip
    import importlib

    from cookalong.speech.lang import words as pack_words

    heard = importlib.import_module(f"cookalong.speech.lang.{language}.heard")
    table = pack_words(language)["resolver"]

    def normalise_in(text: str) -> str:
        return _normalise(text, language)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(canonical_sample(p, language).split()) for p in table[key])

    return Hearing(
        language,
        tuple(table["launch"]),
        tuple(table["one_shot"]),
        frozenset(table["connecting"]),
        frozenset(table["end"]),
        frozenset(table["fillers"]),
        frozenset(w for p in table["preamble"] for w in p.split()),
        phrases("carriers"),
        phrases("closings"),
        frozenset(table["empty"]),
        normalise_in,
        heard.number,
        heard.ordinal,
        heard.duration,
    )


def _normalise(text: str, language: str) -> str:
    """:func:`normalise` for another language: its letters kept (German ä, ö, ü, ß)."""
    from cookalong.speech.lang import letters

    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d),(?=\d)", " komma ", text)
    text = re.sub(f"[^{letters(language)}0-9'. ]+", " ", text)
    # "3." is an ordinal in German ("Schritt 3."); any other full stop is punctuation
    kept = [w if re.fullmatch(r"\d+\.", w) else w.replace(".", " ") for w in text.split()]
    words = [word.strip("'") for word in " ".join(kept).split()]
    return canonical_sample(" ".join(word for word in words if word), language)


Kind = Literal["launch", "intent", "end"]


@dataclass(frozen=True)
class Resolution:
    """What Alexa makes of one utterance.

    Attributes
    ----------
    kind
        ``"launch"`` (a LaunchRequest), ``"intent"`` (an IntentRequest) or ``"end"`` (the cook
        left: a SessionEndedRequest).
    intent
        The intent name for ``kind == "intent"``.
    slots
        Every slot the intent declares, as Alexa sends them (``name``, ``confirmationStatus``,
        and when heard ``value`` and ``resolutions``).
    new_session
        The utterance opens a session of its own ("ask cook along ...", "open cook along").
    sample
        The sample that matched (``None`` for a fallback or launch), for debugging.
    cost
        0 for an exact match; higher the more tolerance the match needed.
    """

    kind: Kind
    intent: str | None = None
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_session: bool = False
    sample: str | None = None
    cost: float = 0.0

    def slot_value(self, name: str) -> str | None:
        """The words heard for slot ``name`` (``None`` when absent)."""
        return self.slots.get(name, {}).get("value")

    def slot_id(self, name: str) -> str | None:
        """The first resolved id of slot ``name`` (``None`` unless entity resolution matched)."""
        for authority in (
            self.slots.get(name, {}).get("resolutions", {}).get("resolutionsPerAuthority", [])
        ):
            if authority["status"]["code"] == "ER_SUCCESS_MATCH":
                return authority["values"][0]["value"]["id"]
        return None

    def describe(self) -> str:
        """One line for ``make chat --show-intent``: the intent and the slots heard."""
        if self.kind != "intent":
            return f"[{self.kind}{' (new session)' if self.new_session else ''}]"
        parts = []
        for name, slot in sorted(self.slots.items()):
            if "value" not in slot:
                continue
            resolved = self.slot_id(name)
            parts.append(f"{name}={slot['value']!r}" + (f"→{resolved}" if resolved else ""))
        how = "exact" if self.cost == 0 else f"tolerant {self.cost:.1f}"
        via = f" via {self.sample!r}" if self.sample else ""
        new = " (new session)" if self.new_session else ""
        return f"[{self.intent}{new} {' '.join(parts)} {how}{via}]".replace("  ", " ")


# --------------------------------------------------------------------------------------------
# Normalising what was typed


def normalise(text: str) -> str:
    """Lower case, punctuation gone (apostrophes kept inside words), contractions expanded.

    "What's next?" and "what is next" both become ``"what is next"``; "please", "um" and
    "alexa" are dropped, as Alexa disregards them.
    """
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d)\.(?=\d)", "point", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    words = [word.strip("'") for word in text.split()]
    return canonical_sample(" ".join(word for word in words if word))


_ORDINAL_UNITS = _words(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORDINAL_TENS = _words(
    "- - twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
)
_ORDINALS = {word: n for n, word in enumerate(_ORDINAL_UNITS)} | {
    word: 10 * n for n, word in enumerate(_ORDINAL_TENS) if word != "-"
}
_ORDINALS["hundredth"] = 100
_ORDINAL_SUFFIX = re.compile(r"(\d+)(?:st|nd|rd|th)")


def words_to_ordinal(words: list[str]) -> int | None:
    """Spoken or written ordinal → int, as AMAZON.Ordinal sends it (digits).

    "third" → 3, "twenty first" → 21, "twentieth" → 20, "one hundred and second" → 102,
    "3rd" → 3, "22nd" → 22. ``None`` when the words are not (only) an ordinal: "three",
    "last", "third step".
    """
    if len(words) == 1:
        match = _ORDINAL_SUFFIX.fullmatch(words[0])
        if match:
            return int(match.group(1)) or None
    if not words or words[-1] not in _ORDINALS:
        return None
    last = _ORDINALS[words[-1]]
    if len(words) == 1:
        return last or None
    head = words[:-1]
    if head[-1] == "and":  # "one hundred and first"
        head = head[:-1]
    if not head:
        return None
    before = words_to_number(head)
    if before is None:
        return None
    if last == 100:  # "two hundredth"
        return before * 100 if before < 10 else None
    if last >= 10 and last % 10 == 0 and last < 100:  # "one hundred twentieth"
        return before + last if before % 100 == 0 else None
    # "twenty first": the number before ends in a ten (or a hundred) and has no units
    if before % 10 == 0 and (before % 100 != 0 or before >= 100) and last < 10:
        return before + last
    if before % 100 == 0 and last < 20:  # "one hundred and twelfth"
        return before + last
    return None


# AMAZON.DURATION: ISO-8601 "PnYnMnWnDTnHnMnS"; Alexa sends the units as said ("ninety
# minutes" is PT90M), fractions carried into the next smaller unit ("an hour and a half" is
# PT1H30M, "two and a half minutes" PT2M30S).
_DURATION_UNITS: dict[str, str] = {
    **dict.fromkeys(("second", "seconds", "sec", "secs"), "S"),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "M"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), "H"),
    **dict.fromkeys(("day", "days"), "D"),
    **dict.fromkeys(("week", "weeks"), "W"),
}
_DURATION_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 7 * 86400}
_FRACTIONS = {"half": Fraction(1, 2), "quarter": Fraction(1, 4), "quarters": Fraction(1, 4)}


def words_to_duration(words: list[str]) -> str | None:
    """Spoken duration → ISO-8601, as AMAZON.DURATION sends it.

    "ten minutes" → "PT10M", "an hour and a half" → "PT1H30M", "half an hour" → "PT30M",
    "one and a half hours" → "PT1H30M", "two hours and fifteen minutes" → "PT2H15M",
    "a quarter of an hour" → "PT15M", "three days" → "P3D", "90 minutes" → "PT90M".
    ``None`` when the words are not (only) a duration ("ten", "a few minutes", "the bake").
    """
    amounts = _duration_amounts(words)
    if not amounts:
        return None
    return _iso_duration(amounts)


def _duration_amounts(words: list[str]) -> dict[str, Fraction] | None:
    """Per ISO letter, the amount said; ``None`` unless every word belongs to a duration."""
    amounts: dict[str, Fraction] = {}
    i, n = 0, len(words)
    last_unit: str | None = None
    while i < n:
        if words[i] == "and" and amounts:
            i += 1
            # "an hour and a half", "a minute and a quarter": the fraction of the last unit
            j = i + 1 if i < n and words[i] in ("a", "an") else i
            if j < n and words[j] in ("half", "quarter") and j + 1 == n and last_unit:
                amounts[last_unit] += _FRACTIONS[words[j]]
                return amounts
            continue
        parsed = _duration_term(words, i)
        if parsed is None:
            return None
        amount, unit, i = parsed
        if unit in amounts:
            return None  # "ten minutes five minutes"
        amounts[unit] = amount
        last_unit = unit
    return amounts


def _duration_term(words: list[str], i: int) -> tuple[Fraction, str, int] | None:
    """One "<amount> <unit>" at ``words[i]``: the amount, its ISO letter, and where it ends."""
    n = len(words)
    # "half an hour", "a quarter of an hour", "three quarters of an hour"
    j, count = i, Fraction(1)
    if j < n and words[j] in ("a", "an"):
        j += 1
    elif j < n and words[j] != "and" and words[j] not in _FRACTIONS:
        k = j
        while k < n and words[k] not in _FRACTIONS and words[k] not in _DURATION_UNITS:
            k += 1
        if k < n and words[k] == "quarters":
            number = words_to_number(words[j:k])
            if number is None:
                return None
            count, j = Fraction(number), k
    if j < n and words[j] in _FRACTIONS:
        fraction = count * _FRACTIONS[words[j]]
        j += 1
        if j < n and words[j] == "of":
            j += 1
        if j < n and words[j] in ("a", "an"):
            j += 1
        if j < n and words[j] in _DURATION_UNITS and not words[j].endswith("s"):
            return fraction, _DURATION_UNITS[words[j]], j + 1
        return None
    # "ten minutes", "a minute", "one and a half hours", "a couple of minutes", "1 hour"
    k = i
    while k < n and words[k] not in _DURATION_UNITS:
        k += 1
    if k == n:
        return None
    if k == i:  # "hour and a half": a bare unit is one of it, before its fraction
        if words[k].endswith("s") or k + 1 == n or words[k + 1] != "and":
            return None
        return Fraction(1), _DURATION_UNITS[words[k]], k + 1
    head = words[i:k]
    extra = Fraction(0)
    if len(head) >= 3 and head[-2] in ("a", "an") and head[-1] in _FRACTIONS and head[-3] == "and":
        extra, head = _FRACTIONS[head[-1]], head[:-3]  # "one and a half hours"
    if head in (["a"], ["an"]):
        number: int | None = 1
    elif head in (["a", "couple", "of"], ["couple", "of"], ["a", "couple"]):
        number = 2
    else:
        number = words_to_number(head)
    if number is None:
        return None
    return Fraction(number) + extra, _DURATION_UNITS[words[k]], k + 1


def _iso_duration(amounts: dict[str, Fraction]) -> str | None:
    """Whole amounts per unit as ISO-8601; a fraction carries into the next smaller unit."""
    order = ("W", "D", "H", "M", "S")
    whole: dict[str, int] = {}
    carry = Fraction(0)
    for index, unit in enumerate(order):
        amount = amounts.get(unit, Fraction(0)) + carry
        whole[unit] = int(amount)
        rest = amount - int(amount)
        if rest and index + 1 < len(order):
            carry = rest * _DURATION_SECONDS[unit] / _DURATION_SECONDS[order[index + 1]]
        elif rest:
            return None  # a fraction of a second
        else:
            carry = Fraction(0)
    date = "".join(f"{whole[u]}{u}" for u in ("W", "D") if whole[u])
    time = "".join(f"{whole[u]}{u}" for u in ("H", "M", "S") if whole[u])
    if not date and not time:
        return None
    return "P" + date + ("T" + time if time else "")


def words_to_number(words: list[str]) -> int | None:
    """Spoken or written number → int: ``["twenty", "four"]`` → 24, ``["8"]`` → 8.

    Returns ``None`` when the words are not (only) a number.
    """
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if words and words[-1] == "dozen":  # "a dozen", "half a dozen", "two dozen"
        if words[:-1] == ["half", "a"]:
            return 6
        count = 1 if words[:-1] in ([], ["a"]) else words_to_number(words[:-1])
        return None if count is None else 12 * count
    if not words or any(word not in _NUMBER_WORDS for word in words):
        return None
    if words[0] == "and" or words[-1] == "and" or (words[0] == "a" and len(words) == 1):
        return None
    total = current = 0
    seen_digit = False
    last: str | None = None
    for word in words:
        if word == "and":
            last = word
            continue
        if word == "a":
            if last is not None:
                return None
            current = 1
        elif word in _UNITS:
            if last in _UNITS or (last in _TENS and _UNITS[word] >= 10) or last == "a":
                return None
            current += _UNITS[word]
            seen_digit = True
        elif word in _TENS:
            if last in _UNITS or last in _TENS:
                return None
            current += _TENS[word]
            seen_digit = True
        else:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen_digit = True
        last = word
    return total + current if seen_digit else None


# --------------------------------------------------------------------------------------------
# Indexes compiled from a model


@dataclass(frozen=True)
class _Entity:
    id: str
    name: str


@dataclass(frozen=True)
class _SlotType:
    name: str
    phrases: Mapping[tuple[str, ...], tuple[_Entity, ...]]  # normalised words → entities
    longest: int
    words: frozenset[str] = frozenset()  # every word of every value
    by_length: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # text length → texts
    empty: frozenset[str] = frozenset()  # words that name nothing alone ("the", "der")
    exhaustive: bool = False  # near misses by scanning every value (the reference)
    _near: list[NearIndex] = field(default_factory=list, repr=False)  # built when first asked

    @classmethod
    def of(
        cls,
        name: str,
        phrases: Mapping[tuple[str, ...], tuple[_Entity, ...]],
        empty: frozenset[str] = frozenset(),
        exhaustive: bool = False,
    ) -> _SlotType:
        """The type with its look-up tables for near misses built once."""
        by_length: dict[int, list[str]] = defaultdict(list)
        for phrase in phrases:
            text = " ".join(phrase)
            by_length[len(text)].append(text)
        return cls(
            name,
            phrases,
            max((len(key) for key in phrases), default=1),
            frozenset(word for phrase in phrases for word in phrase),
            {length: tuple(texts) for length, texts in by_length.items()},
            empty or _EMPTY_WORDS,
            exhaustive,
        )

    def lookup(self, words: tuple[str, ...]) -> tuple[_Entity, ...]:
        found = self.phrases.get(words)
        if found is None and words and words[0] in ("the", "der", "die", "das", "den", "dem"):
            found = self.phrases.get(words[1:])
        return found or ()

    def near(self, words: tuple[str, ...]) -> bool:
        """Close to a known value: sharing a content word with one, or a misspelling of one (two
        edits away, one for a short word: "time" is not "size")."""
        if any(word in self.words for word in words if word not in self.empty):
            return True
        text = " ".join(words)
        most = 1 if len(text) <= 5 else 2
        if not self.exhaustive:
            if not self._near:
                self._near.append(NearIndex(self.by_length_texts(), _within_edits))
            return self._near[0].near(text, most)
        for length in range(len(text) - most, len(text) + most + 1):
            for candidate in self.by_length.get(length, ()):
                if _within_edits(candidate, text, most):
                    return True
        return False

    def by_length_texts(self) -> list[str]:
        return [text for texts in self.by_length.values() for text in texts]


@dataclass(frozen=True)
class _Sample:
    intent: str
    text: str
    items: tuple[str, ...]  # words, and slot names as "{name}"
    literals: frozenset[str]
    slotless: bool = False


@dataclass
class Resolver:
    """Resolve typed utterances against one locale's interaction model.

    Build it with :func:`resolver_for` (cached per locale) or from a model dict.

    Parameters
    ----------
    model
        An interaction model as the ASK CLI writes it (``{"interactionModel": ...}``).
    skill_id
        Used in the entity-resolution authority names, as Alexa does.
    exhaustive
        Scan every sample and value instead of looking candidates up in the phrase indexes
        (:mod:`tools.phrase_index`): the same resolutions, slower; the reference the tests
        and ``make bench`` compare the indexes with.
    """

    model: Mapping[str, Any]
    skill_id: str = DEFAULT_SKILL_ID
    language: str = "en"
    hear: Hearing = field(init=False, repr=False)
    exhaustive: bool = False
    invocation: str = field(init=False)
    _types: dict[str, _SlotType] = field(init=False, repr=False)
    _slots: dict[str, dict[str, str]] = field(init=False, repr=False)
    _samples: list[_Sample] = field(init=False, repr=False)
    _exact: dict[tuple[str, ...], list[_Sample]] = field(init=False, repr=False)
    _by_word: dict[str, list[int]] = field(init=False, repr=False)
    _by_rare: dict[str, list[int]] = field(init=False, repr=False)
    _slot_only: list[int] = field(init=False, repr=False)
    _trie: SampleTrie = field(init=False, repr=False)
    _by_tolerant: dict[str, list[int]] = field(init=False, repr=False)
    _fill_memo: dict[tuple[str, tuple[str, ...]], float | None] = field(init=False, repr=False)
    _seen: set[tuple[str, tuple[str, ...]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.hear = hearing(self.language)
        normalise = self.hear.normalise
        language = self.model["interactionModel"]["languageModel"]
        self.invocation = normalise(language["invocationName"])
        self._types = {}
        self._fill_memo = {}
        for slot_type in language.get("types", []):
            phrases: dict[tuple[str, ...], list[_Entity]] = defaultdict(list)
            for value in slot_type["values"]:
                entity = _Entity(
                    str(value.get("id") or value["name"]["value"]), value["name"]["value"]
                )
                for phrase in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    key = tuple(normalise(phrase).split())
                    if key and entity not in phrases[key]:
                        phrases[key].append(entity)
            self._types[slot_type["name"]] = _SlotType.of(
                slot_type["name"],
                {key: tuple(entities) for key, entities in phrases.items()},
                self.hear.empty,
                self.exhaustive,
            )
        self._slots = {}
        self._samples = []
        self._seen = set()
        declared = {intent["name"] for intent in language["intents"]}
        for intent in language["intents"]:
            self._slots[intent["name"]] = {
                slot["name"]: slot["type"] for slot in intent.get("slots", [])
            }
            for text in intent.get("samples", []):
                self._add_sample(intent["name"], text)
        for intent, phrases in builtin_phrases(self.language).items():
            if intent in declared:
                for phrase in phrases:
                    self._add_sample(intent, phrase)
        self._exact = defaultdict(list)
        self._by_word = defaultdict(list)
        self._slot_only = []
        for index, sample in enumerate(self._samples):
            if sample.slotless:
                self._exact[sample.items].append(sample)
            for word in sample.literals:
                self._by_word[word].append(index)
            if not sample.literals:
                self._slot_only.append(index)
        self._by_rare = defaultdict(list)
        for index, sample in enumerate(self._samples):
            if sample.literals and not sample.slotless:
                rarest = min(sorted(sample.literals), key=lambda word: len(self._by_word[word]))
                self._by_rare[rarest].append(index)
        self._trie = SampleTrie()
        self._by_tolerant = defaultdict(list)
        for index, sample in enumerate(self._samples):
            if not sample.slotless:
                self._trie.add(index, sample.items, self._slots[sample.intent])
            for word in tolerant_keys(sample.literals, self._by_word):
                self._by_tolerant[word].append(index)

    def _add_sample(self, intent: str, text: str) -> None:
        items = []
        for token in re.split(r"(\{[a-z_]+\})", text):
            if token.startswith("{"):
                items.append(token)
            else:
                items.extend(self.hear.normalise(token).split())
        key = (intent, tuple(items))
        if key in self._seen:  # "what's" and "what is" are one sample once normalised
            return
        self._seen.add(key)
        literals = frozenset(item for item in items if not item.startswith("{"))
        slotless = not any(item.startswith("{") for item in items)
        self._samples.append(_Sample(intent, text, tuple(items), literals, slotless))

    # ----------------------------------------------------------------------------------------

    def resolve(self, utterance: str) -> Resolution:
        """What Alexa would send for ``utterance`` (see the module docstring)."""
        hear = self.hear
        words = hear.normalise(utterance).split()
        if len(words) == 1 and words[0] in hear.end:
            return Resolution("end")
        invocation = self.invocation.split()
        n = len(invocation)
        for start in range(len(words) - n + 1):
            if words[start : start + n] != invocation:
                continue
            before, after = " ".join(words[:start]), words[start + n :]
            if before in ("", *hear.launch, *hear.one_shot) and not after:
                return Resolution("launch", new_session=True)
            if before in (*hear.one_shot, *hear.launch) and after:
                # "tell cook along to go to step four": the connecting word may belong to the
                # request ("ask cook along for the ingredients") or not; keep the better reading
                resolution = self._intent(after, new_session=True)
                if after[0] in hear.connecting and len(after) > 1:
                    without = self._intent(after[1:], new_session=True)
                    if without.cost < resolution.cost or resolution.intent == _FALLBACK:
                        resolution = without
                return resolution
        return self._intent(words, new_session=False)

    def intent(self, name: str, **values: str | None) -> Resolution:
        """An IntentRequest for ``name`` with slots filled from raw words, as Alexa would fill them.

        ``values`` maps slot names to what the cook said (``None`` or absent: not said; ``""``:
        heard as empty). The words are resolved against the slot type like a spoken value.
        """
        if name not in self._slots:
            raise KeyError(f"{name} is not an intent of this model")
        unknown = set(values) - set(self._slots[name])
        if unknown:
            raise KeyError(f"{name} has no slot {', '.join(sorted(unknown))}")
        filled = {
            slot: tuple(self.hear.normalise(text).split()) if text else ()
            for slot, text in values.items()
            if text is not None
        }
        slots = self._slot_json(name, filled)
        for slot, text in values.items():
            if text == "":
                slots[slot]["value"] = ""
            elif text is not None and text.strip() == "?":
                # what Alexa sends for a number (or an ordinal, a duration) it heard but could
                # not read: passed on as it is
                slots[slot] = {"name": slot, "confirmationStatus": "NONE", "value": "?"}
        return Resolution("intent", name, slots)

    def _intent(self, words: list[str], *, new_session: bool) -> Resolution:
        resolution = self._match(words, new_session=new_session)
        if resolution.cost == 0:
            return resolution
        lead = 0
        while lead < len(words) - 1 and words[lead] in self.hear.preamble:
            lead += 1
        cost = _PREAMBLE_COST * lead
        # "can you tell me how long ...", "how much miso for me thanks": the carrier words
        start, end = lead, len(words)
        for phrase in self.hear.carriers:
            if tuple(words[start : start + len(phrase)]) == phrase and start + len(phrase) < end:
                start += len(phrase)
                cost += _CARRIER_COST * len(phrase)
                break
        for phrase in self.hear.closings:
            if tuple(words[end - len(phrase) : end]) == phrase and end - len(phrase) > start:
                end -= len(phrase)
                cost += _CARRIER_COST * len(phrase)
                break
        if (start, end) != (0, len(words)):
            # "okay so how long do I bake it": the request without its opening words
            rest = self._match(words[start:end], new_session=new_session)
            cost += rest.cost
            if rest.intent != _FALLBACK and cost <= _MAX_COST and cost < resolution.cost:
                return replace(rest, cost=cost)
        return resolution

    def _match(self, words: list[str], *, new_session: bool) -> Resolution:
        key = tuple(words)
        if key in self._exact:
            sample = self._exact[key][0]
            return Resolution(
                "intent",
                sample.intent,
                self._slot_json(sample.intent, {}),
                new_session,
                sample.text,
            )
        present = set(words)
        best: tuple[float, int, int] | None = None
        best_match: tuple[_Sample, dict[str, tuple[str, ...]]] | None = None
        # 1. exact: every word of the sample said, every slot one of its values (a sample with
        # slots can only be said exactly when its rarest word is; one without is in _exact)
        for index in sorted(self._exact_candidates(key, present)):
            sample = self._samples[index]
            if len(sample.items) <= len(words) and sample.literals <= present:
                spans = self._exact_spans(sample, key)
                if spans is not None:
                    # of two exact readings, the one with more of the skill's own values wins
                    # ("first step": the position "first", not Alexa's ordinal 1)
                    own = sum(self._slots[sample.intent][name] in self._types for name in spans)
                    rank = (0.0, -len(sample.literals) - own, index)
                    if best is None or rank < best:
                        best, best_match = rank, (sample, spans)
        # 2. tolerant: the cheapest alignment allowing extra, missing and unknown words; a
        # sample whose words alone already cost more than the best so far is not aligned
        if best is None:
            for index, bound in self._tolerant_queue(words, present):
                sample = self._samples[index]
                limit = _MAX_COST if best is None else min(_MAX_COST, best[0])
                if bound > limit:
                    if self.exhaustive:
                        continue
                    break  # cheapest bound first: no later sample can do better
                match = self._align(sample, key, limit)
                if match is None:
                    continue
                cost, spans = match
                if not sample.literals and not self._all_values(sample, spans):
                    continue  # a bare "{slot}" sample needs one of the slot's values
                rank = (cost, -len(sample.literals), index)
                if best is None or rank < best:
                    best, best_match = rank, (sample, spans)
        if best is None or best_match is None or best[0] > _MAX_COST:
            return Resolution("intent", _FALLBACK, {}, new_session, None, best[0] if best else 99.0)
        sample, spans = best_match
        return Resolution(
            "intent",
            sample.intent,
            self._slot_json(sample.intent, spans),
            new_session,
            sample.text,
            best[0],
        )

    def _exact_candidates(self, words: tuple[str, ...], present: set[str]) -> set[int]:
        """The samples with slots that ``words`` may be exactly (a superset)."""
        if not self.exhaustive:
            return self._trie.matches(words, self._is_value, self._max_span)
        exact: set[int] = set(self._slot_only)
        for word in present:
            exact.update(self._by_rare.get(word, ()))
        return exact

    def _tolerant_queue(self, words: list[str], present: set[str]) -> list[tuple[int, float]]:
        """The samples to align, each with the least its match can cost: those missing no more
        words than a tolerant match allows, cheapest bound first (the exhaustive scan: in
        order). Whatever the order, the best match is the same: a sample only wins with a cost
        at most the best so far, and its bound is at most its cost."""
        queue = []
        for index in sorted(self._tolerant_candidates(present)):
            sample = self._samples[index]
            absent = sample.literals - present
            if len(absent) > 2 or len(absent) * 2 > len(sample.literals):
                continue
            queue.append((index, _lower_bound(sample, absent, words, self.hear.fillers)))
        if not self.exhaustive:
            queue.sort(key=lambda item: item[1])  # stable: in order among equal bounds
        return queue

    def _tolerant_candidates(self, present: set[str]) -> set[int]:
        """The samples a tolerant match may align ``present`` with (a superset of those
        missing no more words than it allows)."""
        postings = self._by_word if self.exhaustive else self._by_tolerant
        candidates: set[int] = set(self._slot_only)
        for word in present:
            candidates.update(postings.get(word, ()))
        return candidates

    def _all_values(self, sample: _Sample, spans: Mapping[str, tuple[str, ...]]) -> bool:
        """Every slot of ``sample`` was filled, each with one of its type's values."""
        slot_types = self._slots[sample.intent]
        for item in sample.items:
            slot_type = self._types.get(slot_types.get(item[1:-1], ""))
            span = spans.get(item[1:-1])
            if not span or slot_type is None or not slot_type.lookup(span):
                return False
        return True

    def _exact_spans(
        self, sample: _Sample, words: tuple[str, ...]
    ) -> dict[str, tuple[str, ...]] | None:
        """The slot spans when ``words`` are the sample exactly, else ``None``."""
        items, slot_types = sample.items, self._slots[sample.intent]

        def match(i: int, j: int) -> dict[str, tuple[str, ...]] | None:
            if i == len(items):
                return {} if j == len(words) else None
            item = items[i]
            if not item.startswith("{"):
                return match(i + 1, j + 1) if j < len(words) and words[j] == item else None
            name = item[1:-1]
            type_name = slot_types.get(name)
            if type_name is None:
                return None
            longest = min(len(words), j + self._max_span(type_name))
            for k in range(longest, j, -1):  # longest value first
                if self._is_value(type_name, words[j:k]):
                    rest = match(i + 1, k)
                    if rest is not None:
                        return {name: words[j:k], **rest}
            return None

        return match(0, 0)

    def _align(
        self, sample: _Sample, words: tuple[str, ...], limit: float = float("inf")
    ) -> tuple[float, dict[str, tuple[str, ...]]] | None:
        """Cheapest alignment of ``words`` to the sample (0 when it is the sample exactly).

        Alignments costing more than ``limit`` (and than ``_MAX_COST``) are abandoned early.
        """
        limit = min(limit, _MAX_COST)
        fillers = self.hear.fillers
        carrier = len(sample.literals) >= _CARRIER_WORDS
        items, n = sample.items, len(words)
        slot_types = self._slots[sample.intent]
        inf = float("inf")
        # cost[i][j]: the first i items matched against the first j words
        cost = [[inf] * (n + 1) for _ in range(len(items) + 1)]
        back: list[list[tuple[int, int, str | None] | None]] = [
            [None] * (n + 1) for _ in range(len(items) + 1)
        ]
        cost[0][0] = 0.0
        for i in range(len(items) + 1):
            for j in range(n + 1):
                here = cost[i][j]
                if here > limit:  # too far from the sample already (or unreachable)
                    continue
                if j < n:  # an extra word the sample does not have
                    extra = 0.6 if words[j] in fillers else 1.0
                    if here + extra < cost[i][j + 1]:
                        cost[i][j + 1], back[i][j + 1] = here + extra, (i, j, None)
                if i == len(items):
                    continue
                item = items[i]
                if not item.startswith("{"):
                    if j < n and words[j] == item and here < cost[i + 1][j + 1]:
                        cost[i + 1][j + 1], back[i + 1][j + 1] = here, (i, j, None)
                    missing = 0.5 if item in fillers else 1.0  # a word of the sample not said
                    if here + missing < cost[i + 1][j]:
                        cost[i + 1][j], back[i + 1][j] = here + missing, (i, j, None)
                    continue
                name = item[1:-1]
                type_name = slot_types.get(name)
                if type_name is None:
                    return None
                skip = 1.5  # the slot not said at all
                if here + skip < cost[i + 1][j]:
                    cost[i + 1][j], back[i + 1][j] = here + skip, (i, j, name)
                for k in range(j + 1, min(n, j + self._max_span(type_name)) + 1):
                    fill = self._fill_cost(type_name, words[j:k])
                    if fill is not None and fill >= _UNKNOWN_FILL and not carrier:
                        # unknown words fill a slot only inside a carrier phrase ("let's make
                        # the ..."); a short sample ("{multiplier} it") costs them more
                        fill += 0.1 + 0.1 * (k - j - 1)
                    if fill is not None and here + fill < cost[i + 1][k]:
                        cost[i + 1][k], back[i + 1][k] = here + fill, (i, j, name)
        total = cost[len(items)][n]
        if total == inf:
            return None
        spans: dict[str, tuple[str, ...]] = {}
        i, j = len(items), n
        while (i, j) != (0, 0):
            step = back[i][j]
            assert step is not None
            pi, pj, name = step
            if name is not None and pi == i - 1 and pj < j:
                spans[name] = words[pj:j]
            i, j = pi, pj
        return total, spans

    def _max_span(self, type_name: str) -> int:
        if type_name in ("AMAZON.NUMBER", "AMAZON.Ordinal"):
            return 4
        if type_name == "AMAZON.DURATION":
            return 7
        slot_type = self._types.get(type_name)
        return max(4, slot_type.longest if slot_type else 4)

    def _is_value(self, type_name: str, words: tuple[str, ...]) -> bool:
        """``words`` are exactly one of the type's values (or a number, ordinal, duration)."""
        if type_name == "AMAZON.NUMBER":
            return self.hear.number(list(words)) is not None
        if type_name == "AMAZON.Ordinal":
            return self.hear.ordinal(list(words)) is not None
        if type_name == "AMAZON.DURATION":
            return self.hear.duration(list(words)) is not None
        slot_type = self._types.get(type_name)
        return slot_type is not None and words in slot_type.phrases

    def _fill_cost(self, type_name: str, words: tuple[str, ...]) -> float | None:
        key = (type_name, words)
        if key not in self._fill_memo:
            self._fill_memo[key] = _fill_cost(
                self._types.get(type_name), type_name, words, self.hear
            )
        return self._fill_memo[key]

    def _slot_json(
        self, intent: str, spans: Mapping[str, tuple[str, ...]]
    ) -> dict[str, dict[str, Any]]:
        slots: dict[str, dict[str, Any]] = {}
        for name, type_name in sorted(self._slots.get(intent, {}).items()):
            slot: dict[str, Any] = {"name": name, "confirmationStatus": "NONE"}
            words = spans.get(name)
            if words:
                slot.update(self._slot_value(type_name, words))
            slots[name] = slot
        return slots

    def _slot_value(self, type_name: str, words: tuple[str, ...]) -> dict[str, Any]:
        if type_name == "AMAZON.NUMBER":
            number = self.hear.number(list(words))
            return {"value": str(number) if number is not None else "?"}
        if type_name == "AMAZON.Ordinal":
            number = self.hear.ordinal(list(words))
            return {"value": str(number) if number is not None else "?"}
        if type_name == "AMAZON.DURATION":
            return {"value": self.hear.duration(list(words)) or "?"}
        value = " ".join(words)
        slot_type = self._types.get(type_name)
        if slot_type is None:  # another built-in type: the words, unresolved
            return {"value": value}
        authority = f"amzn1.er-authority.echo-sdk.{self.skill_id}.{type_name}"
        entities = slot_type.lookup(words)
        if entities:
            resolution = {
                "authority": authority,
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": e.name, "id": e.id}} for e in entities],
            }
        else:
            resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
        return {"value": value, "resolutions": {"resolutionsPerAuthority": [resolution]}}


_MAX_COST = 1.5
_FALLBACK = "AMAZON.FallbackIntent"
_UNKNOWN_FILL = 1.2  # a slot filled with words that are not among its values (one word)
_CARRIER_WORDS = 3  # a sample with this many words of its own carries unknown slot words


def _lower_bound(
    sample: _Sample, absent: frozenset[str], words: list[str], fillers: frozenset[str]
) -> float:
    """The least a tolerant match of ``words`` to ``sample`` can cost: its words not said, and,
    for a sample without slots, the words said that it does not have."""
    bound = sum(0.5 if word in fillers else 1.0 for word in absent)
    if sample.slotless:
        for word in words:
            if word not in sample.literals:
                bound += 0.6 if word in fillers else 1.0
    return bound


def _fill_cost(
    slot_type: _SlotType | None, type_name: str, words: tuple[str, ...], hear: Hearing
) -> float | None:
    """What filling a slot of ``type_name`` with ``words`` costs (``None``: impossible)."""
    if all(word in hear.empty for word in words):
        return None
    if type_name == "AMAZON.NUMBER":
        if hear.number(list(words)) is not None:
            return 0.0
        return 1.6 if len(words) == 1 else None
    if type_name == "AMAZON.Ordinal":
        return 0.0 if hear.ordinal(list(words)) is not None else None
    if type_name == "AMAZON.DURATION":
        return 0.0 if hear.duration(list(words)) is not None else None
    if slot_type is None:
        return 0.5
    if slot_type.lookup(words):
        return 0.0 if slot_type.phrases.get(words) else 0.2
    if len(words) > 3:
        return None
    # Alexa fills a custom slot with words it heard even when they are not a value.
    return 1.0 if slot_type.near(words) else _UNKNOWN_FILL + 0.1 * (len(words) - 1)


def _within_edits(a: str, b: str, most: int) -> bool:
    """``a`` and ``b`` are at most ``most`` edits apart (a banded Levenshtein, cut short)."""
    if abs(len(a) - len(b)) > most:
        return False
    previous = list(range(len(b) + 1))
    big = most + 1
    for i, char_a in enumerate(a, 1):
        low, high = max(1, i - most), min(len(b), i + most)
        current = [i if i <= most else big] + [big] * len(b)
        for j in range(low, high + 1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != b[j - 1])
            )
        if min(current[max(0, low - 1) : high + 1]) > most:
            return False
        previous = current
    return previous[len(b)] <= most


@cache
def resolver_for(locale: str, skill_id: str = DEFAULT_SKILL_ID) -> Resolver:
    """The resolver of ``locale``'s committed model, built once per process.

    Raises
    ------
    FileNotFoundError
        When ``interaction_model/<locale>.json`` does not exist (run ``make models``).
    """
    path: Path = model_path(locale)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no interaction model for {locale} (run `make models`)")
    with path.open(encoding="utf-8") as handle:
        return Resolver(json.load(handle), skill_id, language_of(locale))
