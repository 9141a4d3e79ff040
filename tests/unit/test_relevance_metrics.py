"""bench/relevance/metrics.py and bm25.py, against figures worked out by hand."""

import math

import pytest

from bench.relevance.bm25 import BM25
from bench.relevance.evaluate import document_key, score_query
from bench.relevance.metrics import dcg, mean, ndcg_at, recall_at, reciprocal_rank

JUDGED = {"a": 3, "b": 2, "c": 1}


def test_dcg_discounts_each_grade_by_log2_of_rank_plus_one():
    # 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.26186 + 0.5
    assert dcg([3, 2, 1]) == pytest.approx(4.76186, abs=1e-5)


def test_ndcg_is_one_for_the_ideal_order():
    assert ndcg_at(["a", "b", "c"], JUDGED) == pytest.approx(1.0)


def test_ndcg_of_a_worse_order_by_hand():
    # ranked c, x, a: 1/1 + 0/log2(3) + 3/log2(4) = 1 + 1.5 = 2.5; ideal 4.76186
    assert ndcg_at(["c", "x", "a"], JUDGED) == pytest.approx(2.5 / 4.76186, abs=1e-5)


def test_ndcg_counts_only_the_first_k_results():
    assert ndcg_at(["x", "a"], JUDGED, k=1) == 0.0
    # ideal at k=1 is the single best grade: 3; a ranked first gives 3
    assert ndcg_at(["a", "x"], JUDGED, k=1) == pytest.approx(1.0)


def test_ndcg_with_nothing_judged_is_zero():
    assert ndcg_at(["a"], {}) == 0.0


def test_recall_is_the_share_of_relevant_items_in_the_first_k():
    assert recall_at(["a", "x", "c"], JUDGED) == pytest.approx(2 / 3)
    assert recall_at(["x", "a"], JUDGED, k=1) == 0.0
    assert recall_at([], JUDGED) == 0.0


def test_reciprocal_rank_is_one_over_the_first_relevant_rank():
    assert reciprocal_rank(["x", "y", "b"], JUDGED) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], JUDGED) == 0.0
    assert reciprocal_rank(["a"], JUDGED) == 1.0


def test_mean_of_nothing_is_zero():
    assert mean([]) == 0.0
    assert mean([0.5, 1.0]) == 0.75


def test_one_query_scores_all_three_metrics():
    assert score_query(["b", "x"], JUDGED) == {
        "ndcg10": pytest.approx((2 / 1) / 4.76186, abs=1e-5),
        "recall10": pytest.approx(1 / 3),
        "mrr": 1.0,
    }


def test_a_document_key_is_its_type_and_slug():
    assert document_key({"type": "barrier", "url": "/pioneers/leeds/study/the-barrier/"}) == "barrier:the-barrier"


DOCUMENTS = [
    {"id": 1, "type": "barrier", "title": "Fax fax", "summary": "", "body": "records", "url": "/a/"},
    {"id": 2, "type": "workaround", "title": "Secure email", "summary": "replacing the fax", "body": "", "url": "/b/"},
    {"id": 3, "type": "barrier", "title": "Beds", "summary": "too few beds", "body": "", "url": "/c/"},
]


def test_bm25_scores_by_hand():
    model = BM25(DOCUMENTS)
    # "fax": in 2 of 3 documents: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6)
    idf = math.log(1.6)
    assert model.idf("fax") == pytest.approx(idf)
    # document 1: 3 words, tf 2; average length (3 + 5 + 4) / 3 = 4
    norm = 1.2 * (1 - 0.75 + 0.75 * 3 / 4)
    assert model.score(["fax"], 0) == pytest.approx(idf * 2 * 2.2 / (2 + norm))


def test_bm25_ranks_matching_documents_only_and_applies_filters():
    model = BM25(DOCUMENTS)
    assert [d["id"] for d in model.rank("fax")] == [1, 2]
    assert [d["id"] for d in model.rank("fax", {"type": ("workaround",)})] == [2]
    assert model.rank("faxes") == []  # no stemming: a plain baseline
