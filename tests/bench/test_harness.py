"""The benchmark's parts that need no node: percentiles, the query mix, the results layout, /proc readers."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from django.http import QueryDict

from bench.corpus import corpus
from bench.harness import percentile
from bench.layout import REQUIRED_KEYS, missing_keys
from bench.machine import machine, process_rss_mb
from bench.queries import query_mix
from search.request import parse_search_params


def test_percentiles_interpolate_between_measurements():
    timings = [float(value) for value in range(1, 101)]
    assert percentile(timings, 50) == pytest.approx(50.5)
    assert percentile(timings, 99) == pytest.approx(99.01)
    assert percentile([7.0], 95) == 7.0


def test_the_query_mix_is_fixed_for_a_seed_and_every_query_is_valid_for_the_api():
    content = corpus(500)
    queries = query_mix(content, 200)
    assert queries == query_mix(content, 200)
    assert queries != query_mix(content, 200, seed=1)
    requests = [parse_search_params(QueryDict(query)) for query in queries]  # raises on a bad parameter
    filter_counts = {len(request.filters) for request in requests}
    assert filter_counts == {0, 1, 2, 3}
    assert {request.sort for request in requests} == {"relevance", "newest", "oldest", "title"}
    assert any(request.page > 1 for request in requests)
    assert 0 < sum(1 for request in requests if not request.q) < len(requests) / 2


def test_filters_follow_the_corpus_skew():
    queries = query_mix(corpus(2000), 500)
    themes = [value for query in queries for value in parse_qs(query).get("theme", [])]
    most_common = max(set(themes), key=themes.count)
    assert themes.count(most_common) > len(themes) / len(set(themes))


def test_missing_keys_names_each_absent_key_and_accepts_null():
    complete: dict = {}
    for key in REQUIRED_KEYS:
        *parents, last = key.split(".")
        node = complete
        for parent in parents:
            node = node.setdefault(parent, {})
        node[last] = None
    assert missing_keys(complete) == []
    del complete["es"]["took_p50_ms"]
    complete["relevance"] = {"es": {"ndcg10": 0.7}}
    assert missing_keys(complete) == ["es.took_p50_ms", "relevance.db.ndcg10"]


def test_machine_and_memory_come_from_proc():
    described = machine()
    assert described["cores"] >= 1
    assert described["memory_mb"] > 100
    assert 10 < process_rss_mb() < described["memory_mb"]
