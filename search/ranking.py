"""Signals besides the words that rank results by relevance, declared once for both engines.

Reuse: a page other areas recorded reusing (its document's `reuse_count`,
filled by the network app through search.extensions) scores a little more.
The relevance score is multiplied, not added to, so the nudge is the same
whatever the scale of the query's score: between two equally relevant
documents the reused one comes first, and no document is lifted over one that
matched more than REUSE_MAX_BOOST better. Other sorts ignore it.
"""

from __future__ import annotations

import math
from typing import Any

REUSE_FIELD = "reuse_count"
REUSE_MAX_BOOST = 0.1  # a reused document scores at most 10% more
REUSE_STEP = 0.025  # ln(1 + step × areas): about 2.5% for one area, 4.9% for two, the most from five on


def reuse_multiplier(areas: int) -> float:
    """What a document's relevance score is multiplied by when `areas` areas reused it (1.0 for none)."""
    return 1.0 + min(REUSE_MAX_BOOST, math.log1p(REUSE_STEP * max(areas, 0)))


def elasticsearch_reuse_functions() -> dict[str, Any]:
    """reuse_multiplier as function_score parameters: 1 + ln(1 + step × count), capped by max_boost.

    Core functions only (no script): a constant 1 summed with a field value factor, the sum capped and
    multiplied into the query's score.
    """
    return {
        "functions": [
            {"weight": 1},
            {"field_value_factor": {"field": REUSE_FIELD, "factor": REUSE_STEP, "modifier": "ln1p", "missing": 0}},
        ],
        "score_mode": "sum",
        "boost_mode": "multiply",
        "max_boost": 1.0 + REUSE_MAX_BOOST,
    }
