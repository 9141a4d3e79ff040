"""Ranking by relevance in two passes on the real node (search/engines/elasticsearch/query.py).

Every match is ranked cheaply, then the best RESCORE_WINDOW again by the full
query. Within the window the order must be the full query's, with its
tie-breaks; past it, pages must still hold every match exactly once.
"""

from __future__ import annotations

from datetime import date

import pytest

from search.engines.elasticsearch import query as es_query
from search.engines.elasticsearch.query import SORT_CLAUSES, facet_filters, text_query, with_reuse
from search.request import SearchRequest
from search.vocabulary import expand_query
from tests.factories import indexed_together, make_case_study, make_pioneer

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

FILLER = "The team met weekly and wrote up what they learnt for the board. "


def study_text(n: int) -> dict[str, str]:
    """Twelve studies (ten or more: fewer would be searched again allowing typos, in one pass).

    Study n says "falls prevention" n times in a summary of constant length, which the cheap first pass
    ranks by (the later made, the higher); the odd ones say it in their story too, which only the full
    query weighs."""
    summary = "Falls prevention. " * n + "Other words. " * (12 - n)
    story = FILLER + ("Falls prevention. " * 6 if n % 2 else FILLER) + FILLER
    return {"summary": summary, "narrative": story}


@pytest.fixture
def studies(es_engine):
    with indexed_together():
        pioneer = make_pioneer("Thornbury")
        pages = [make_case_study(pioneer, f"Study {n}", **study_text(n)) for n in range(1, 13)]
    return pages


def full_ranking(es_engine, request: SearchRequest) -> list[int]:
    """The full query over every match in one pass, sorted as SORT_CLAUSES says: what two passes must give."""
    expanded = expand_query(request.q)
    query = with_reuse(text_query(expanded))
    filters = facet_filters(request)
    body = {
        "query": {"bool": {"must": [query], "filter": filters}},
        "sort": SORT_CLAUSES["relevance"],
        "size": 100,
        "_source": ["id"],
    }
    answer = es_engine.client.search(index=es_engine.content_alias, body=body)
    return [hit["_source"]["id"] for hit in answer["hits"]["hits"]]


def every_page(es_engine, q: str, page_size: int) -> list[int]:
    found, page = [], 1
    while True:
        response = es_engine.search(SearchRequest(q=q, page=page, page_size=page_size))
        found += [hit.id for hit in response.results]
        if len(response.results) < page_size:
            return found
        page += 1


def test_within_the_window_the_order_is_the_full_querys(es_engine, studies):
    request = SearchRequest(q="falls prevention")
    expected = full_ranking(es_engine, request)
    assert len(expected) == len(studies)
    assert expected[:4] != [page.pk for page in reversed(studies)][:4]  # the first pass alone would differ
    assert [hit.id for hit in es_engine.search(SearchRequest(q="falls prevention", page_size=50)).results] == expected


def test_past_the_window_every_match_is_on_exactly_one_page(es_engine, studies, monkeypatch):
    monkeypatch.setattr(es_query, "RESCORE_WINDOW", 3)
    found = every_page(es_engine, "falls prevention", page_size=2)
    assert sorted(found) == sorted(page.pk for page in studies)  # none twice, none missing
    # The window's three are the three the full query ranks best among them, in its order.
    expected = full_ranking(es_engine, SearchRequest(q="falls prevention"))
    window = found[:3]
    assert window == [page_id for page_id in expected if page_id in window]


def test_equal_scores_are_ordered_newest_first_then_by_title(es_engine):
    # The same words everywhere (the titles in another order), so the same score; made in the reverse
    # of the order expected, so the index's own order of equal scores cannot pass for the rule.
    text = {"summary": "Pharmacists visit every care home each month.", "narrative": "Medicines reviewed."}
    with indexed_together():
        pioneer = make_pioneer("Ashwell")
        older = make_case_study(pioneer, "Pharmacists visiting homes", published=date(2014, 3, 1), **text)
        newer_p = make_case_study(pioneer, "Pharmacists visiting homes", published=date(2016, 3, 1), **text)
        newer_h = make_case_study(pioneer, "Homes visiting pharmacists", published=date(2016, 3, 1), **text)
        for n in range(10):  # weaker matches, enough of them to be ranked in two passes
            make_case_study(pioneer, f"Study {n}", summary="A short summary.", narrative=FILLER * 4 + "Pharmacists.")
    found = [hit.id for hit in es_engine.search(SearchRequest(q="pharmacists")).results]
    assert found[:3] == [newer_h.pk, newer_p.pk, older.pk]
