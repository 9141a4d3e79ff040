"""The throughput step's parts that need no server: counting, error detection, gunicorn's environment and stop."""

from __future__ import annotations

import sys

import pytest
from django.conf import settings
from django.test.utils import override_settings

from bench import throughput
from bench.throughput import Gunicorn, Tally, answered_by_elasticsearch, server_environment, summarise


def test_only_a_200_from_elasticsearch_counts_as_an_answer():
    assert answered_by_elasticsearch(200, b'{"engine": "elasticsearch", "results": []}')
    assert not answered_by_elasticsearch(200, b'{"engine": "database", "results": []}')
    assert not answered_by_elasticsearch(500, b'{"engine": "elasticsearch"}')
    assert not answered_by_elasticsearch(200, b"<html>Server Error</html>")


def test_the_summary_counts_requests_a_second_errors_and_latency_under_load():
    tally = Tally()
    for number in range(1, 101):
        tally.add(float(number), ok=number % 10 != 0)
    summary = summarise(tally, seconds=4.0, clients=16)
    assert summary["requests"] == 100
    assert summary["rps"] == 25.0
    assert summary["errors"] == 10
    assert summary["p50_ms"] == 50.5
    assert summary["p95_ms"] == pytest.approx(95.0, abs=0.1)
    assert summary["clients"] == 16


def test_a_run_that_got_no_answer_has_no_latency():
    summary = summarise(Tally(), seconds=2.0, clients=4)
    assert summary["requests"] == 0 and summary["rps"] == 0.0
    assert summary["p50_ms"] is None and summary["p95_ms"] is None


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9999", SEARCH_INDEX_PREFIX="test_bench_abc")
def test_gunicorn_serves_the_database_and_indices_the_harness_loaded_with_debug_off(monkeypatch):
    database = settings.DATABASES["default"]
    monkeypatch.setitem(database, "ENGINE", "django.db.backends.sqlite3")
    monkeypatch.setitem(database, "NAME", "/work/bench-x/bench.sqlite3")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////elsewhere.sqlite3")
    monkeypatch.setenv("DEBUG", "1")
    monkeypatch.setenv("SEARCH_RATE_LIMIT", "120")
    env = server_environment()
    assert env["DATABASE_URL"] == "sqlite:////work/bench-x/bench.sqlite3"
    assert env["ELASTICSEARCH_URL"] == "http://127.0.0.1:9999"
    assert env["SEARCH_INDEX_PREFIX"] == "test_bench_abc"
    assert env["DEBUG"] == "0"
    assert env["SEARCH_RATE_LIMIT"] == "0"  # every client is 127.0.0.1: with a limit the run would measure 429s


def test_the_workers_default_to_two_a_core_plus_one(monkeypatch):
    monkeypatch.setattr(throughput.os, "cpu_count", lambda: 2)
    assert Gunicorn().workers == 5
    assert Gunicorn(workers=3).workers == 3


class NeverReady(Gunicorn):
    """A server process that never answers."""

    def command(self) -> list[str]:
        return [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_server_that_never_answers_is_stopped_and_reported(monkeypatch):
    monkeypatch.setattr(throughput, "READY_TIMEOUT_S", 0.5)
    server = NeverReady(workers=1)
    with pytest.raises(RuntimeError, match="did not answer"), server:
        pass
    assert server.process.poll() is not None  # stopped, not left running
