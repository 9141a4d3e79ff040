"""The relevance benchmark on the demo content: well-formed judgements and figures in [0, 1] for every engine.

No score thresholds here: the figures are for the benchmark report (bench/relevance/README.md).
"""

import json
import os
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command

from bench.relevance.evaluate import METRICS, document_key, evaluate_engines, index_documents, load_judgements
from search.facets import FACETS_BY_NAME

KINDS = {"keyword", "acronym", "typo", "paraphrase", "question", "filtered"}


@pytest.fixture
def demo(db):
    with mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": "bench-only"}):
        call_command("load_demo", "-v", "0", stdout=StringIO())


def assert_figures(results: dict, engines: set[str]) -> None:
    assert set(results) == engines
    for name, figures in results.items():
        assert set(figures) == set(METRICS), name
        assert all(0.0 <= value <= 1.0 for value in figures.values()), (name, figures)
    assert any(value > 0 for figures in results.values() for value in figures.values())


def test_every_judged_key_is_demo_content_and_the_set_is_well_formed(demo):
    keys = {document_key(document) for document in index_documents()}
    queries = load_judgements()
    assert len(queries) >= 40
    assert len({query["id"] for query in queries}) == len(queries)
    assert {query["kind"] for query in queries} == KINDS
    for query in queries:
        assert query["q"].strip(), query["id"]
        assert query["relevant"], query["id"]
        assert set(query["relevant"]) <= keys, (query["id"], set(query["relevant"]) - keys)
        assert set(query["relevant"].values()) <= {1, 2, 3}, query["id"]
        assert set(query["filters"]) <= set(FACETS_BY_NAME), query["id"]


def test_the_database_engine_and_bm25_are_measured(demo, database_engine):
    assert_figures(evaluate_engines(), {"db", "bm25"})


@pytest.mark.elasticsearch
def test_elasticsearch_is_measured_beside_them(es_store, demo):
    call_command("search_index", "rebuild", "--no-progress", stdout=StringIO())
    assert_figures(evaluate_engines(), {"es", "db", "bm25"})


def test_the_figures_are_recorded_into_the_benchmark_results_and_nothing_else_changes(tmp_path):
    from bench.relevance.evaluate import record

    results_file = tmp_path / "results.json"
    results_file.write_text(json.dumps({"corpus_size": 1000, "relevance": None}), encoding="utf-8")
    figures = {"es": {"ndcg10": 0.8, "recall10": 0.7, "mrr": 0.9}, "db": {"ndcg10": 0.75, "recall10": 0.7, "mrr": 0.9}}
    record(results_file, figures)
    assert json.loads(results_file.read_text(encoding="utf-8")) == {"corpus_size": 1000, "relevance": figures}


def test_recording_without_a_results_file_says_to_run_the_benchmark_first(tmp_path):
    from bench.relevance.evaluate import record

    with pytest.raises(SystemExit, match="Run `python -m bench` first"):
        record(tmp_path / "missing.json", {})
