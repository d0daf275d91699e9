"""Indexes that keep the local resolver's cost flat as the catalog grows (issue 14, Scale).

The resolver (:mod:`tools.resolver`) decides which sample an utterance is and whether unknown
slot words are a near miss of a value. Scanning every sample and every value made both grow
with the catalog: an unknown word compared by edit distance with each of 1,000 ingredient
values, each line tested against every sample sharing its rarest word. These indexes find the
same candidates from the utterance's own words, so the work depends on what was said rather
than on how many samples and values the model has:

- :class:`SampleTrie`: the samples with slots as a trie of their words and slot types; walking
  the utterance through it finds exactly the samples it can be said as, word for word;
- :func:`tolerant_keys`: the few rarest words under which a sample is filed for the tolerant
  match, so that a sample missing at most the words the match allows is always found under a
  word that was said (pigeonhole: it may miss ``allowed`` words, so one of its ``allowed + 1``
  rarest words was said);
- :class:`NearIndex`: a deletion neighbourhood (every text with up to two characters deleted)
  of the values, so a misspelling is found by looking up its own deletions, not by measuring
  its distance to every value.

Each index only proposes candidates; the resolver checks every one exactly as before, so the
resolution is the one a full scan finds (``tests/models/test_models_phrase_index.py`` compares
the two).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------
# Samples said exactly


@dataclass
class _Node:
    words: dict[str, _Node] = field(default_factory=dict)
    slots: dict[str, _Node] = field(default_factory=dict)  # slot type name → node
    ends: list[int] = field(default_factory=list)  # sample indexes that end here


class SampleTrie:
    """Samples with slots by their items: literal words, and slots by their slot type.

    :meth:`matches` walks the utterance through the trie, filling each slot with every span of
    words ``is_value`` accepts for its type, and returns every sample the words can be said as
    exactly. Two samples with the same words and slot types share their path whatever intent
    they belong to, so the walk costs what the utterance allows, not what the model holds.
    """

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, index: int, items: Sequence[str], slot_types: Mapping[str, str]) -> None:
        """File sample ``index`` (``items``: words and ``"{slot}"``; ``slot_types``: the
        intent's slot name → type). A sample naming a slot its intent lacks is never exact."""
        node = self._root
        for item in items:
            if item.startswith("{"):
                type_name = slot_types.get(item[1:-1])
                if type_name is None:
                    return
                node = node.slots.setdefault(type_name, _Node())
            else:
                node = node.words.setdefault(item, _Node())
        node.ends.append(index)

    def matches(
        self,
        words: Sequence[str],
        is_value: Callable[[str, tuple[str, ...]], bool],
        max_span: Callable[[str], int],
    ) -> set[int]:
        """The samples ``words`` say exactly (each slot one of its type's values)."""
        found: set[int] = set()
        words = tuple(words)
        n = len(words)
        seen: set[tuple[int, int]] = set()
        stack: list[tuple[_Node, int]] = [(self._root, 0)]
        while stack:
            node, j = stack.pop()
            if (id(node), j) in seen:
                continue
            seen.add((id(node), j))
            if j == n:
                found.update(node.ends)
                continue
            child = node.words.get(words[j])
            if child is not None:
                stack.append((child, j + 1))
            for type_name, child in node.slots.items():
                for k in range(j + 1, min(n, j + max_span(type_name)) + 1):
                    if is_value(type_name, words[j:k]):
                        stack.append((child, k))
        return found


# --------------------------------------------------------------------------------------------
# Samples matched with tolerance


def tolerant_keys(literals: frozenset[str], postings: Mapping[str, Sequence[int]]) -> list[str]:
    """The words under which a sample with ``literals`` is filed for the tolerant match.

    The tolerant match skips a sample with more than two of its words unsaid, or with more than
    half unsaid: it may miss ``allowed = min(2, len(literals) // 2)`` words, so of its
    ``allowed + 1`` rarest words (fewest samples, ``postings``) at least one was said.
    """
    allowed = min(2, len(literals) // 2)
    ranked = sorted(sorted(literals), key=lambda word: len(postings.get(word, ())))
    return ranked[: allowed + 1]


# --------------------------------------------------------------------------------------------
# Near misses of slot values


#: Texts longer than this are not put in the deletion neighbourhood (their neighbourhoods grow
#: with the square of their length); a query that could be within reach of one is scanned.
NEAR_INDEXED_CHARS = 24
#: The most edits a near miss may be (see ``tools.resolver._SlotType.near``).
NEAR_MOST_EDITS = 2


def deletions(text: str, most: int) -> set[str]:
    """``text`` with every choice of up to ``most`` characters deleted (``text`` included)."""
    found = {text}
    frontier = {text}
    for _ in range(most):
        frontier = {t[:i] + t[i + 1 :] for t in frontier for i in range(len(t))}
        found |= frontier
    return found


class NearIndex:
    """Texts by their deletion neighbourhoods: two texts within ``k`` edits have a common
    deletion of at most ``k`` characters each, so the candidates of a query are the texts
    sharing one of its own deletions.

    Parameters
    ----------
    texts
        The values (and synonyms) of one slot type, as space-joined words.
    within
        ``within(candidate, query, most)``: the exact test (an edit distance), applied to every
        candidate.
    """

    def __init__(
        self, texts: Iterable[str], within: Callable[[str, str, int], bool] | None = None
    ) -> None:
        self._within = within
        self._by_deletion: dict[str, list[str]] = defaultdict(list)
        self._long: dict[int, list[str]] = defaultdict(list)  # by length, not indexed
        for text in dict.fromkeys(texts):
            if len(text) > NEAR_INDEXED_CHARS:
                self._long[len(text)].append(text)
                continue
            for deleted in deletions(text, NEAR_MOST_EDITS):
                self._by_deletion[deleted].append(text)

    def candidates(self, query: str, most: int) -> Iterator[str]:
        """Every text that may be within ``most`` edits of ``query`` (some are not)."""
        if most > NEAR_MOST_EDITS:
            raise ValueError(f"the index reaches {NEAR_MOST_EDITS} edits, not {most}")
        seen: set[str] = set()
        for deleted in deletions(query, most):
            for text in self._by_deletion.get(deleted, ()):
                if text not in seen:
                    seen.add(text)
                    yield text
        if len(query) + most > NEAR_INDEXED_CHARS:
            for length in range(len(query) - most, len(query) + most + 1):
                yield from self._long.get(length, ())

    def near(self, query: str, most: int) -> bool:
        """Some text is within ``most`` edits of ``query``."""
        assert self._within is not None
        return any(self._within(text, query, most) for text in self.candidates(query, most))


__all__ = ["NEAR_INDEXED_CHARS", "NearIndex", "SampleTrie", "deletions", "tolerant_keys"]
