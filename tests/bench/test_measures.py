"""The pure parts of the other new measurements: ratios, publish timings, comparison searches, scaling points."""

from __future__ import annotations

import argparse
import itertools
from urllib.parse import urlencode

import pytest

from bench.__main__ import _sizes
from bench.comparison import comparison_searches, ratios
from bench.corpus import STAGES
from bench.publishing import found, summarise, unique_words, wait_until_found
from bench.scaling import measure_sizes, smaller_sizes
from bench.stats import ratio


def test_a_ratio_is_how_many_times_slower_and_none_without_a_divisor():
    assert ratio(30.0, 10.0) == 3.0
    assert ratio(5.0, 20.0) == 0.25
    assert ratio(1.0, 3.0) == 0.33
    assert ratio(5.0, 0.0) is None


def test_ratios_set_each_engine_against_elasticsearch_at_p50_and_p95():
    measured = {
        "elasticsearch": {"p50_ms": 10.0, "p95_ms": 40.0},
        "database": {"p50_ms": 55.0, "p95_ms": 200.0},
        "wagtail": {"p50_ms": 25.0, "p95_ms": 20.0},
    }
    assert ratios(measured) == {
        "database_over_elasticsearch_p50": 5.5,
        "database_over_elasticsearch_p95": 5.0,
        "wagtail_over_elasticsearch_p50": 2.5,
        "wagtail_over_elasticsearch_p95": 0.5,
    }


def test_comparison_searches_take_the_mix_texts_each_alone_then_with_a_stage():
    mix = [urlencode({"q": f"text {n}", "theme": "x"}) if n % 3 else urlencode({"region": "north"}) for n in range(90)]
    searches = comparison_searches(mix, count=20)
    assert len(searches) == 40
    texts = [text for text, _ in searches]
    assert texts[::2] == texts[1::2] == [f"text {n}" for n in range(90) if n % 3][:20]
    assert all(stage is None for _, stage in searches[::2])
    assert {stage for _, stage in searches[1::2]} <= {slug for slug, _ in STAGES}
    assert searches == comparison_searches(mix, count=20)


def test_made_up_words_are_distinct_letters_far_from_each_other():
    words = unique_words(50)
    assert len(set(words)) == 50 and all(word.isalpha() and len(word) == 12 for word in words)
    for first, second in itertools.combinations(words, 2):
        assert sum(a != b for a, b in zip(first, second, strict=True)) > 2  # beyond any typo tolerance


def test_publish_timings_summarise_to_percentiles_and_timeouts():
    seconds = [0.1 * n for n in range(1, 21)]
    summary = summarise(seconds, timeouts=1)
    assert summary == {"publishes": 20, "timeouts": 1, "p50_s": 1.05, "p95_s": 1.905, "max_s": 2.0}


def test_scaling_measures_each_smaller_size_after_loading_it():
    loaded = []
    latencies = iter([{"p50_ms": 1.0, "p95_ms": 2.0, "took_p50_ms": 0.5, "p99_ms": 9.0}] * 2)
    points = measure_sizes([10_000, 1_000, 100_000], 10_000, loaded.append, lambda: next(latencies), log=lambda _: None)
    assert loaded == [1_000]
    assert points == {"1000": {"p50_ms": 1.0, "p95_ms": 2.0, "took_p50_ms": 0.5}}
    assert smaller_sizes([1_000, 10_000, 1_000], 100_000) == [1_000, 10_000]


def test_scaling_sizes_are_read_from_a_comma_list():
    assert _sizes("1000,10000") == (1000, 10000)
    for bad in ("1k", "0,100"):
        with pytest.raises(argparse.ArgumentTypeError):
            _sizes(bad)


class StubResponse:
    def __init__(self, status: int, body: dict):
        self.status_code = status
        self._body = body

    def json(self) -> dict:
        return self._body


class StubClient:
    """Answers each API call with the next response, the last one for ever."""

    def __init__(self, *responses: StubResponse):
        self.responses = list(responses)
        self.asked: list[dict] = []

    def get(self, path: str, params: dict) -> StubResponse:
        self.asked.append(params)
        return self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]


def hits(engine: str, *ids: int) -> StubResponse:
    return StubResponse(200, {"engine": engine, "results": [{"id": page_id} for page_id in ids]})


def test_a_page_is_found_only_among_elasticsearch_results_for_its_word():
    assert found(StubClient(hits("elasticsearch", 3, 7)), "qwertyuiopas", 7)
    assert not found(StubClient(hits("elasticsearch", 3)), "qwertyuiopas", 7)
    assert not found(StubClient(hits("database", 7)), "qwertyuiopas", 7)
    assert not found(StubClient(StubResponse(503, {})), "qwertyuiopas", 7)


def test_waiting_polls_until_the_page_appears_or_the_timeout_passes():
    client = StubClient(hits("elasticsearch"), hits("elasticsearch"), hits("elasticsearch", 7))
    assert wait_until_found(client, "qwertyuiopas", 7, timeout=5)
    assert len(client.asked) == 3 and client.asked[0] == {"q": "qwertyuiopas", "type": "case_study"}
    assert not wait_until_found(StubClient(hits("elasticsearch", 3)), "qwertyuiopas", 7, timeout=0.05)
