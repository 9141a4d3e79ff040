"""`make test` runs the benchmark on 1,000 items, so the harness cannot rot: it must finish and write a valid file.

No timing is asserted: only that every measurement was taken and the layout is complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from bench.layout import missing_keys, value

pytestmark = pytest.mark.elasticsearch
ROOT = Path(__file__).resolve().parents[2]
QUERIES = 40
# The slower steps shrunk to seconds: throughput, publishes, pages beside Wagtail's search, a smaller size.
SMALL = (
    *("--throughput-seconds", "2", "--workers", "1", "--clients", "4", "--publishes", "5"),
    *("--compare-pages", "60", "--scaling-sizes", "200", "--warmup-passes", "2"),
)


def run_bench(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`python -m bench` with these arguments, as `make bench` runs it."""
    command = [sys.executable, "-m", "bench", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)  # noqa: S603


def test_the_benchmark_runs_at_1000_items_and_writes_a_complete_results_file(es_url, tmp_path):
    output = tmp_path / "results.json"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "ELASTICSEARCH_URL": es_url,
        "SEARCH_INDEX_PREFIX": f"test_bench_smoke_{uuid.uuid4().hex[:8]}",
        # Long enough for a search at 1k to finish on the old index after the swap, short enough to save
        # the 3 s default per rebuild. At 0 a search caught by the swap fails, the portal falls back to the
        # database engine for its 30 s cooldown, and the publishes that follow are not found in time.
        "SEARCH_REBUILD_RETIRE_SECONDS": "0.5",
    }
    env.pop("DATABASE_URL", None)
    chart = tmp_path / "chart.svg"
    finished = run_bench(
        env, "--size", "1000", "--queries", str(QUERIES), "--output", str(output), "--chart", str(chart), *SMALL
    )

    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "full rebuild" in finished.stdout  # progress is printed as it goes
    assert "untimed pass 2 of 2" in finished.stdout
    results = json.loads(output.read_text())
    assert missing_keys(results) == []
    assert results["corpus_size"] == 1000
    assert results["es"]["queries"] == QUERIES and results["es"]["failed"] == 0
    assert results["db"]["corpus_size"] == 1000 and results["db"]["failed"] == 0
    for key in (
        "es.p50_ms",
        "es.p95_ms",
        "es.p99_ms",
        "es.took_p50_ms",
        "db.p50_ms_10k",
        "db.p95_ms_10k",
        "rebuild_docs_per_s",
        "page_render.case_study_p50_ms",
        "page_render.search_page_p50_ms",
        "memory.web_rss_mb",
        "memory.es_heap_used_mb",
        "es.rps",
        "publish_to_searchable_p95_s",
        "ratios.database_over_elasticsearch_p50",
        "ratios.wagtail_over_elasticsearch_p50",
        "ratios.wagtail.p95_ms",
    ):
        assert isinstance(value(results, key), int | float) and value(results, key) > 0, key
    assert value(results, "es.p50_ms") <= value(results, "es.p95_ms") <= value(results, "es.p99_ms")
    assert results["rebuild_failed_searches"] == 0 and results["rebuild_searches"] > 0
    assert results["rebuild_100k_s"] is None  # only a 100k run fills it
    assert results["es"]["errors"] == 0 and results["throughput"]["requests"] > 0
    assert results["publishing"]["publishes"] == 5 and results["publishing"]["timeouts"] == 0
    assert results["ratios"]["pages"] >= 40 and results["ratios"]["searches"] > 0
    assert results["throughput"]["workers"] == 1 and results["throughput"]["clients"] == 4
    assert set(results["scaling"]) == {"200", "1000"}
    assert results["scaling"]["1000"]["p50_ms"] == results["es"]["p50_ms"]
    warmup = results["es"]["warmup_passes"]  # each untimed pass's figures, so a cold node's are kept
    assert len(warmup) == 2 and all(sorted(p) == ["overhead_p50_ms", "p50_ms", "p95_ms", "took_p50_ms"] for p in warmup)
    assert all(p["p50_ms"] > 0 for p in warmup)
    assert "<polyline" in chart.read_text() and "1k" in chart.read_text()


def test_a_negative_number_of_warm_up_passes_is_refused(tmp_path):
    finished = run_bench(dict(os.environ), "--warmup-passes", "-1", "--output", str(tmp_path / "r.json"))
    assert finished.returncode == 2
    assert "--warmup-passes must be 0 or more" in finished.stderr
    assert not (tmp_path / "r.json").exists()


def test_the_benchmark_refuses_a_prefix_that_is_not_a_test_one(es_url, tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "ELASTICSEARCH_URL": es_url}
    env["SEARCH_INDEX_PREFIX"] = "pioneer"
    finished = run_bench(env, "--size", "100", "--queries", "20", "--output", str(tmp_path / "r.json"))
    assert finished.returncode != 0
    assert "test_-prefixed" in finished.stderr
    assert not (tmp_path / "r.json").exists()
