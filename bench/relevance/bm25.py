"""A plain BM25 ranking over the index documents, as a baseline beside the engines.

Lower-case words of title, summary and body run together; k1 = 1.2, b = 0.75;
no stemming, synonyms, stop words or typo tolerance. Filters narrow the
documents as the engines' facet filters do (search.facets.matches_filters).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from search.facets import matches_filters

K1 = 1.2
B = 0.75
WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def document_text(document: Mapping[str, Any]) -> str:
    return " ".join(str(document.get(field) or "") for field in ("title", "summary", "body"))


class BM25:
    """Scores documents for a query; built once over a set of index documents."""

    def __init__(self, documents: Iterable[Mapping[str, Any]]):
        self.documents = list(documents)
        self.counts = [Counter(tokens(document_text(document))) for document in self.documents]
        self.lengths = [sum(counts.values()) for counts in self.counts]
        self.average_length = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        self.document_frequency: Counter[str] = Counter()
        for counts in self.counts:
            self.document_frequency.update(counts.keys())

    def idf(self, term: str) -> float:
        """Robertson–Spärck Jones weight, kept positive (as Lucene does) with the +1 inside the log."""
        n, frequency = len(self.documents), self.document_frequency[term]
        return math.log(1 + (n - frequency + 0.5) / (frequency + 0.5))

    def score(self, query_terms: list[str], index: int) -> float:
        counts, length = self.counts[index], self.lengths[index]
        total = 0.0
        for term in query_terms:
            frequency = counts[term]
            if frequency:
                norm = K1 * (1 - B + B * length / self.average_length)
                total += self.idf(term) * frequency * (K1 + 1) / (frequency + norm)
        return total

    def rank(self, q: str, filters: Mapping[str, tuple[str, ...]] | None = None) -> list[Mapping[str, Any]]:
        """Documents with a positive score that pass the filters, best first (ties by title)."""
        terms = tokens(q)
        scored = [
            (self.score(terms, index), document)
            for index, document in enumerate(self.documents)
            if matches_filters(document, filters or {})
        ]
        scored = [(score, document) for score, document in scored if score > 0]
        scored.sort(key=lambda pair: (-pair[0], str(pair[1].get("title", "")).casefold()))
        return [document for _score, document in scored]
