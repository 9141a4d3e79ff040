"""Search latency at several corpus sizes, for the chart (bench.chart): one point per size."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

SIZES = (1_000, 10_000)  # besides the full size, which is measured anyway
POINT_KEYS = ("p50_ms", "p95_ms", "took_p50_ms")


def point(latency: dict[str, Any]) -> dict[str, Any]:
    """The chart's figures out of one search_latency() result."""
    return {key: latency[key] for key in POINT_KEYS}


def smaller_sizes(sizes: Iterable[int], full: int) -> list[int]:
    return sorted({size for size in sizes if 0 < size < full})


def measure_sizes(
    sizes: Iterable[int],
    full: int,
    load: Callable[[int], None],
    measure: Callable[[], dict[str, Any]],
    log: Callable[[str], None] = print,
) -> dict[str, dict[str, Any]]:
    """For each size below `full`: load that many documents, then measure; keyed by size as JSON keys are."""
    points = {}
    for size in smaller_sizes(sizes, full):
        log(f"  {size} documents")
        load(size)
        points[str(size)] = point(measure())
        log(f"    p50 {points[str(size)]['p50_ms']} ms, p95 {points[str(size)]['p95_ms']} ms")
    return points
