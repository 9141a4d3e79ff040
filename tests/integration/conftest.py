"""Integration fixtures and helpers: the portal on a real Elasticsearch node, test indices only."""

from __future__ import annotations

import logging

import pytest

from search.models import SearchEntry
from search.request import SearchRequest
from search.response import Hit

CLOSED_PORT_URL = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def search_logs(caplog):
    """caplog that also sees the "search" loggers (their config stops propagation to the root)."""
    search_logger = logging.getLogger("search")
    search_logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="search")
    yield caplog
    search_logger.removeHandler(caplog.handler)


def es_hits(engine, q: str = "", **filters) -> dict[int, Hit]:
    """Every hit (up to 100) the engine returns for the words and facet filters, by page id."""
    request = SearchRequest(q=q, filters={name: tuple(values) for name, values in filters.items()}, page_size=100)
    response = engine.search(request)
    assert response.engine == engine.name
    assert response.total == len(response.results), "helper expects every hit on one page"
    return {hit.id: hit for hit in response.results}


def es_ids(store) -> set[int]:
    """Page ids of every document in the live Elasticsearch content index."""
    return {int(pk) for pk in store.fingerprints()}


def db_documents() -> dict[int, dict]:
    """The database index: page id → stored document."""
    return {entry.page_id: entry.document for entry in SearchEntry.objects.all()}
