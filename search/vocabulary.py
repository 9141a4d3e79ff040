"""Acronyms and synonyms, expanded at query time from the curators' table.

"IG barriers" becomes: the words as typed, OR any of "information
governance"/"IG". Expanding queries rather than the index means an edit by a
curator applies to the very next search, with no reindex.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from search.table_cache import TableCache

# Elasticsearch's `_english_` stop words, so both engines drop the same words.
STOP_WORDS = frozenset(
    (
        "a an and are as at be but by for if in into is it no not of on or such that the their then there "
        "these they this to was will with"
    ).split()
)
# How a question is put, not what it is about: left out of the concepts when other words remain, so
# "How did the hospital lose money?" needs what "hospital lose money" needs.
QUESTION_WORDS = frozenset(
    (
        "how what why when where who whom whose which do does did done can could should would may might must "
        "shall am were been being has have had i we you me us our my your anyone anybody someone somebody"
    ).split()
)
WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Expansion:
    matched: str  # the term as it appears in the query
    alternatives: tuple[str, ...]  # every term of its group, the matched one included


@dataclass(frozen=True)
class ExpandedQuery:
    """A query as concepts: each remaining word, and each synonym group found.

    A document matches when it has enough of the concepts (`required`); the
    rule is here once, for both engines.
    """

    text: str  # the query as typed (cleaned)
    remainder: str  # the query with every matched term taken out
    expansions: tuple[Expansion, ...]

    @property
    def words(self) -> tuple[str, ...]:
        """The remainder's distinct words, lower-cased, stop words dropped, and question words too
        unless nothing else would be left."""
        seen: dict[str, None] = {}
        for word in WORD.findall(self.remainder.lower()):
            if word not in STOP_WORDS:
                seen.setdefault(word, None)
        topical = tuple(word for word in seen if word not in QUESTION_WORDS)
        return topical if topical or self.expansions else tuple(seen)

    @property
    def concept_count(self) -> int:
        return len(self.words) + len(self.expansions)

    @property
    def required(self) -> int:
        """How many concepts a document must have: all of one or two, then 60% (rounded down)."""
        count = self.concept_count
        return count if count <= 2 else max(2, math.floor(count * 0.6))


def _fold(text: str) -> str:
    """Lower-case, hyphens as spaces, single spaces: how terms are compared."""
    return " ".join(text.lower().replace("-", " ").split())


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in _fold(term).split(" ")]
    return re.compile(r"(?<![\w&])" + r"[\s-]+".join(words) + r"(?![\w&])", re.IGNORECASE)


def _every_synonym_group() -> list[list[str]]:
    from search.models import SearchSynonym

    return [group for group in (synonym.term_list() for synonym in SearchSynonym.objects.all()) if len(group) > 1]


SYNONYMS = TableCache("synonyms", _every_synonym_group, ("search.SearchSynonym",))


def synonym_groups() -> list[list[str]]:
    """The curators' synonym groups, kept in the process until one changes (search/table_cache.py)."""
    return SYNONYMS.get()


@functools.lru_cache(maxsize=1024)
def _longest_first(group: tuple[str, ...]) -> list[str]:
    return sorted(group, key=len, reverse=True)


def expand_query(text: str, groups: list[list[str]] | None = None) -> ExpandedQuery:
    groups = synonym_groups() if groups is None else groups
    remainder = text
    expansions: list[Expansion] = []
    for group in groups:
        # Longest first, so "long-term conditions" wins over "long-term condition".
        for term in _longest_first(tuple(group)):
            pattern = _term_pattern(term)
            found = pattern.search(remainder)
            if found:
                expansions.append(Expansion(found.group(0), tuple(group)))
                remainder = pattern.sub(" ", remainder)
                break
    return ExpandedQuery(text=text, remainder=" ".join(remainder.split()), expansions=tuple(expansions))
