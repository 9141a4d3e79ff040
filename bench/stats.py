"""Small sums the benchmark's measurements share: percentiles, rounding, ratios."""

from __future__ import annotations

import statistics


def percentile(timings: list[float], percent: int) -> float:
    """The percent-th percentile, interpolated between measurements."""
    if len(timings) == 1:
        return timings[0]
    return statistics.quantiles(timings, n=100, method="inclusive")[percent - 1]


def rounded(value: float, places: int = 1) -> float:
    return round(value, places)


def ratio(slower: float, faster: float) -> float | None:
    """How many times `slower` is `faster` (None when there is nothing to divide by)."""
    if not faster:
        return None
    return round(slower / faster, 2)
