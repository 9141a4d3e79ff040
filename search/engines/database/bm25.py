"""SQLite FTS5's bm25() in Python, for databases without the full-text index (PostgreSQL).

Both database paths add a small share of BM25 to their weighted scores, so
that results that tie on the weights go, as in Elasticsearch, to the rarer
words and the shorter entries. SQLite asks FTS5; elsewhere engine.py asks this
module, which follows FTS5's formula (its constants, per-column weights, and
entry length counted over every column) so the two paths rank alike. Without
it, ties on PostgreSQL fell to the publication date alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from search.engines.database.fts import SUMMARY_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT
from search.engines.database.sqlite_schema import NAME_FIELDS

K1, B = 1.2, 0.75  # FTS5's constants
MIN_IDF = 1e-6  # FTS5's floor for words in more than half of the entries
# FTS5 columns in order, with the weights fts.BM25_WEIGHTS gives them.
COLUMN_WEIGHTS = {"title": TITLE_WEIGHT, "summary": SUMMARY_WEIGHT, "body": TEXT_WEIGHT, "names": TEXT_WEIGHT}


@dataclass(frozen=True)
class Corpus:
    """What BM25 needs of the whole index: how many entries, and their average length in words."""

    entries: int
    average_length: float


def columns(document: dict[str, Any]) -> dict[str, str]:
    """A document's text as FTS5's columns hold it (sqlite_schema), lower-cased as the patterns expect."""
    names: list[str] = []
    for field in NAME_FIELDS:
        value = document.get(field) or []
        names += [value] if isinstance(value, str) else [str(item) for item in value]
    texts = {name: document.get(name) or "" for name in ("title", "summary", "body")}
    texts["names"] = " · ".join(names)
    return {name: text.lower() for name, text in texts.items()}


def idf(corpus: Corpus, holding: int) -> float:
    """FTS5's inverse document frequency of a phrase found in `holding` entries."""
    holding = min(holding, corpus.entries)  # entries written since the corpus was counted
    value = math.log((corpus.entries - holding + 0.5) / (holding + 0.5))
    return value if value > 0 else MIN_IDF


def score(
    document_columns: dict[str, str], length: int, phrases: Iterable[tuple[re.Pattern[str], float]], corpus: Corpus
) -> float:
    """BM25 of one entry (`length` words in all) for the phrases, each with its idf: FTS5's bm25() negated."""
    norm = K1 * (1 - B + B * length / corpus.average_length) if corpus.average_length else K1
    total = 0.0
    for pattern, weight in phrases:
        hits = sum(
            column_weight * sum(1 for _ in pattern.finditer(document_columns[name]))
            for name, column_weight in COLUMN_WEIGHTS.items()
        )
        total += weight * hits * (K1 + 1) / (hits + norm)
    return total
