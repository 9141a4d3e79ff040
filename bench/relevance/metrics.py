"""Ranking quality against graded judgements: nDCG@k, recall@k and reciprocal rank.

`ranked` is the keys an engine returned, best first; `judged` maps each
relevant key to its grade (3 exactly what was asked, 2 highly relevant,
1 related). Keys not judged count as grade 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def dcg(grades: Sequence[float]) -> float:
    """Discounted cumulative gain: each grade divided by log2 of its rank plus one."""
    return sum(grade / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at(ranked: Sequence[str], judged: Mapping[str, float], k: int = 10) -> float:
    """DCG of the first k results over the DCG of the judged items in their best order."""
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([judged.get(key, 0) for key in ranked[:k]]) / ideal


def recall_at(ranked: Sequence[str], judged: Mapping[str, float], k: int = 10) -> float:
    """The share of the relevant items (grade above 0) found in the first k results."""
    relevant = {key for key, grade in judged.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], judged: Mapping[str, float]) -> float:
    """One over the rank of the first relevant result; 0 when none is returned."""
    for rank, key in enumerate(ranked, start=1):
        if judged.get(key, 0) > 0:
            return 1 / rank
    return 0.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
