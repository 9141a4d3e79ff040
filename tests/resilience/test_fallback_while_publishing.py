"""The database engine, answering for Elasticsearch in an outage, keeps answering while pages are published.

Found by the outage load test (a 500 on the search page, about one run in four): the engine's cached
snapshot of dates and facets is read before the full-text match, so a publish committing between the
two handed the match a page the snapshot did not know. Here the publish lands exactly there.
"""

from __future__ import annotations

import pytest

from search.engines.database import fts
from search.request import SearchRequest
from tests.factories import make_case_study, make_pioneer

pytestmark = pytest.mark.django_db


def test_a_page_published_between_the_snapshot_and_the_match_does_not_fail_the_search(database_engine, monkeypatch):
    pioneer = make_pioneer("Race Rugby")
    first = make_case_study(pioneer, "Falls clinics in village halls")
    assert [hit.id for hit in database_engine.search(SearchRequest(q="falls")).results] == [first.pk]
    published = []
    match = fts.matched

    def publish_then_match(query):
        # Another request's publish commits now, after this search read its snapshot.
        published.append(make_case_study(pioneer, f"Falls response vans, team {len(published) + 1}"))
        return match(query)

    monkeypatch.setattr(fts, "matched", publish_then_match)
    for sort in ("relevance", "newest"):
        response = database_engine.search(SearchRequest(q="falls", sort=sort))  # raised KeyError before
        assert first.pk in [hit.id for hit in response.results], sort

    monkeypatch.setattr(fts, "matched", match)
    found = {hit.id for hit in database_engine.search(SearchRequest(q="falls")).results}
    assert found == {first.pk} | {page.pk for page in published}  # the next search finds the new page
