"""The same hostile parameters against the real Elasticsearch node, and Lucene syntax kept out of query parsers.

The portal falls back to the database engine when Elasticsearch refuses a
query, so "no 5xx" alone would hide a query the node rejects: every answer
here must also come from Elasticsearch itself (`engine`), with no refusal or
fallback logged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.engines.elasticsearch.query import completion_search, counts_body, hits_body, match_count_query
from search.engines.elasticsearch.store import IndexStore
from search.request import MAX_FACET_VALUE_LENGTH, SearchRequest, clean_query_text
from search.vocabulary import expand_query
from search.web.openapi import search_parameters, suggest_parameters

from .corpus import build_small_site, indexed_on_elasticsearch
from .hostile_inputs import HOSTILE, HOSTILE_TEXT, LUCENE, json_answer, query_strings

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

# Keys of the Elasticsearch query DSL that parse their text as Lucene syntax.
QUERY_PARSERS = {"query_string", "simple_query_string"}


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def search_warnings() -> Iterator[list[logging.LogRecord]]:
    """Warnings and errors of the "search" loggers (a refused query, a fallback), which do not propagate."""
    handler = _Records()
    logger = logging.getLogger("search")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


@pytest.fixture(scope="module")
def es_module_store(es_url, django_db_setup, django_db_blocker) -> Iterator[IndexStore]:
    """Test indices and a small site in them, built once for the module."""
    with indexed_on_elasticsearch(es_url, django_db_blocker, build_small_site) as (store, _site):
        yield store


@pytest.fixture
def es_site(es_url, es_module_store, settings):
    """The portal searching the module's test indices, with time to answer on a busy machine: these tests
    are about what the node accepts, and a timeout would send the search to the fallback engine."""
    settings.ELASTICSEARCH_URL = es_url
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = 30
    settings.SEARCH_INDEX_PREFIX = es_module_store.prefix


@settings(HOSTILE, max_examples=130)
@given(query=query_strings(search_parameters()))
def test_search_api_on_the_real_node(client, es_site, search_warnings, query):
    body = json_answer(client, "/api/v1/search", query)
    if body is None:
        return
    assert body["engine"] == "elasticsearch", (query, [record.getMessage() for record in search_warnings])
    assert not search_warnings, [record.getMessage() for record in search_warnings]


@settings(HOSTILE, max_examples=70)
@given(query=query_strings(suggest_parameters()))
def test_suggest_api_on_the_real_node(client, es_site, search_warnings, query):
    if json_answer(client, "/api/v1/suggest", query) is None:
        return
    assert not search_warnings, [record.getMessage() for record in search_warnings]


def parsers_in(query: Any) -> set[str]:
    """Every Lucene-parsing query type anywhere in a query body."""
    if isinstance(query, dict):
        return (set(query) & QUERY_PARSERS) | {found for value in query.values() for found in parsers_in(value)}
    if isinstance(query, list):
        return {found for value in query for found in parsers_in(value)}
    return set()


@settings(HOSTILE, max_examples=300)
@given(text=st.one_of(st.sampled_from(LUCENE), HOSTILE_TEXT))
def test_no_query_sent_for_typed_words_parses_lucene_syntax(text):
    """Every body the engine builds from typed words (counts, hits with and without typos, the "did you mean"
    check, completion) uses match queries only: words are analysed, never parsed as Lucene syntax."""
    q = clean_query_text(text)
    request = SearchRequest(q=q)
    expanded = expand_query(q)
    bodies = [counts_body(request, expanded, typos=typos) for typos in (frozenset(), frozenset(expanded.words))]
    bodies += [hits_body(request, expanded, typos=typos) for typos in (frozenset(), frozenset(expanded.words))]
    bodies.append(match_count_query(request, expanded))
    bodies.append(completion_search("x", None, q[:100] or "x").to_dict())
    assert not parsers_in(bodies), q


def test_the_parser_check_finds_a_query_string():
    assert parsers_in([{"bool": {"must": [{"query_string": {"query": "title:x"}}]}}]) == {"query_string"}


def test_lucene_syntax_finds_nothing_on_the_real_node(client, es_site):
    """Were the words parsed as Lucene syntax, each of these would list everything."""
    assert client.get("/api/v1/search").json()["total"] == 4  # the whole small site
    for injection in ["zqxj OR *:*", "*:*", "title:*", "_exists_:title", "zqxj || *", "/.*/", "*"]:
        body = client.get("/api/v1/search", {"q": injection}).json()
        assert body["engine"] == "elasticsearch"
        assert body["total"] == 0, (injection, [result["title"] for result in body["results"]])


def test_a_facet_value_longer_than_any_slug_is_a_400_not_a_refused_query(client, es_site, search_warnings):
    """Elasticsearch refuses a term over 32 kB, which would send the search to the fallback engine."""
    response = client.get("/api/v1/search", {"theme": "x" * (MAX_FACET_VALUE_LENGTH + 1)})
    assert response.status_code == 400
    assert response.json() == {"error": "A theme is at most 255 characters long.", "field": "theme"}
    longest = client.get("/api/v1/search", {"theme": "x" * MAX_FACET_VALUE_LENGTH}).json()
    assert (longest["engine"], longest["total"]) == ("elasticsearch", 0)
    assert not search_warnings
