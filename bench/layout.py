"""The layout of bench/results.json that issue 9 fixes: every key present, null where not measured yet."""

from __future__ import annotations

from typing import Any

REQUIRED_KEYS = (
    "corpus_size",
    "machine.cores",
    "machine.memory_mb",
    "es.p50_ms",
    "es.p95_ms",
    "es.p99_ms",
    "es.took_p50_ms",
    "es.overhead_p50_ms",
    "es.rps",
    "es.errors",
    "db.p50_ms_10k",
    "db.p95_ms_10k",
    "ratios",
    "rebuild_100k_s",
    "rebuild_docs_per_s",
    "rebuild_failed_searches",
    "publish_to_searchable_p95_s",
    "page_render.case_study_p50_ms",
    "page_render.search_page_p50_ms",
    "memory.web_rss_mb",
    "memory.es_heap_used_mb",
    "relevance",
)
RELEVANCE_KEYS = ("relevance.es.ndcg10", "relevance.db.ndcg10")  # when bench.relevance exists


def _lookup(results: dict[str, Any], dotted: str) -> tuple[bool, Any]:
    value: Any = results
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return False, None
        value = value[part]
    return True, value


def missing_keys(results: dict[str, Any]) -> list[str]:
    """The contract's keys that the results lack (a null value is present, not missing)."""
    wanted = list(REQUIRED_KEYS)
    if results.get("relevance") is not None:
        wanted += RELEVANCE_KEYS
    return [key for key in wanted if not _lookup(results, key)[0]]


def value(results: dict[str, Any], dotted: str) -> Any:
    return _lookup(results, dotted)[1]
