"""Filters find the same documents as the scored query, on the real node (query.MATCH_FIELDS).

The counts, the first pass and a correction's check look words up without the
unstemmed `.exact` subfields. That is only a saving if no document is lost or
gained: these texts hold the forms where stemmed and unstemmed words differ
(plurals hunspell reduces to another word, possessives, hyphens, acronyms with
an ampersand, stop words inside phrases), some only in a story or a barrier's
description.
"""

from __future__ import annotations

import pytest

from search.engines.elasticsearch.query import matching_filter, matching_query
from search.vocabulary import expand_query
from tests.factories import indexed_together, make_barrier, make_case_study, make_pioneer

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

GROUPS = [
    ["out of hospital", "admission avoidance", "prevent admissions"],
    ["A&E", "accident and emergency", "emergency department"],
]

TEXTS = [
    ("Keeping frail people out of hospital", "Admissions fell.", "What they did."),
    ("Avoiding admissions", "A short summary.", "Prevent admissions by calling the GP's team first."),
    ("Records", "Sharing patients' records.", "The council and the NHS co-ordinated their A&E rotas."),
    ("Emergency care", "A short summary.", "The accident and emergency department stayed open in 2015."),
    ("Children's services", "Organisations worked together.", "Kept out of the hospital wards."),
    ("Unrelated", "Nothing here.", "The team met weekly."),
]

QUERIES = [
    "keeping frail people out of hospital",
    "admission",
    "admissions avoided",
    "GP's",
    "patient records",
    "co-ordinated",
    "A&E rotas",
    "children's",
    "organisation",
    "2015",
    "kept hospital",
    "zebra crossings",  # nothing
]


@pytest.fixture
def content(es_engine):
    with indexed_together():
        pioneer = make_pioneer("Thornbury")
        studies = [make_case_study(pioneer, title, summary=summary, narrative=story) for title, summary, story in TEXTS]
        make_barrier(studies[-1], "Wards closed", description="Frail people waited for hospital beds.")
    return studies


def found(es_engine, query) -> set[str]:
    body = {"query": {"bool": {"filter": [query]}}, "size": 100, "_source": False}
    answer = es_engine.client.search(index=es_engine.content_alias, body=body)
    return {hit["_id"] for hit in answer["hits"]["hits"]}


@pytest.mark.parametrize("typos", [False, True], ids=["as typed", "allowing typos"])
def test_filters_find_what_the_scored_query_finds(es_engine, content, typos):
    for q in QUERIES:
        expanded = expand_query(q, GROUPS)
        tolerated = frozenset(expanded.words) if typos else frozenset()
        expected = found(es_engine, matching_query(expanded, tolerated))
        assert bool(expected) == (q != "zebra crossings"), q
        assert found(es_engine, matching_filter(expanded, tolerated)) == expected, q
