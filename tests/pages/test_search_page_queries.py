"""The search page's database queries do not grow with the results shown. The test adds pages, so it
has its own corpus on each engine (test_search_page.py's is shared by tests that only read)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import indexed_together, make_barrier
from tests.pages.search_site import build_corpus
from tests.pages.test_search_page import get


@pytest.fixture(params=["database", "elasticsearch"])
def corpus(request, settings, db) -> dict:
    if request.param == "elasticsearch":
        request.getfixturevalue("es_store")
    else:
        settings.ELASTICSEARCH_URL = ""
    return build_corpus()


def test_the_number_of_queries_does_not_grow_with_the_results_shown(client, corpus):
    with indexed_together():
        for number in range(18):
            make_barrier(
                corpus["teams"], f"Barrier number {number}", category="estates", description="Rooms were short."
            )

    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            page = get(client, page_size=page_size, pioneer="greenwich")
        assert len(page.select(".card-list > li")) == page_size
        return len(captured)

    queries(5)  # the first request also fills per-process caches (Wagtail's site lookup)
    few = queries(5)
    assert queries(20) == few
