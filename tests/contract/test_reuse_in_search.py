"""Reuse in search, on both engines: the `reused` facet and reuse as a gentle ranking signal.

The module's content is built once per engine (read-only tests): two identical
workarounds at two pioneers, the older one reused by one area; a case study
strongly about telecare that no one reused, and a workaround that mentions
telecare once, reused by six areas; one more record by an area the public
cannot see, which counts for nothing.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from network.models import ReuseRecord
from search.facets import FACETS_BY_NAME
from search.ranking import reuse_multiplier
from search.request import SearchRequest
from tests.conftest import shared_content
from tests.factories import indexed_together, make_barrier, make_case_study, make_pioneer, make_workaround

pytestmark = pytest.mark.django_db

HUDDLE = "A weekly huddle between ward and community teams"
HUDDLE_TEXT = "Ward nurses and community teams meet every Monday to plan the week's discharges together."


def build() -> dict:
    with indexed_together():
        ashford = make_pioneer("Ashford", region="south")
        bexley = make_pioneer("Bexley", region="london")
        newer = make_case_study(ashford, "Joining up nursing across Ashford", published=date(2016, 5, 1))
        older = make_case_study(bexley, "Joining up nursing across Bexley", published=date(2014, 5, 1))
        newer_huddle = make_workaround(newer, [make_barrier(newer, "Staff never met")], HUDDLE, description=HUDDLE_TEXT)
        older_huddle = make_workaround(older, [make_barrier(older, "Staff never met")], HUDDLE, description=HUDDLE_TEXT)
        telecare = make_case_study(
            ashford,
            "Telecare for people living alone",
            summary="Telecare sensors and alarms let people living alone call for help at any hour.",
            narrative="The telecare service answered every alarm within a minute.",
            published=date(2015, 5, 1),
        )
        mentions = make_workaround(
            older,
            [make_barrier(older, "Rotas clashed")],
            "Shared rotas for district nurses",
            description="District nurses share one rota with the council's carers; telecare alarms are checked too.",
        )
        areas = [make_pioneer(f"Network area {n}", status="virtual-network") for n in range(6)]
        hidden = make_pioneer("An area not yet public", status="virtual-network")
        member = get_user_model().objects.create_user(username="recorder", email="recorder@example.org")
        ReuseRecord.objects.create(area=areas[0], page=older_huddle, recorded_by=member)
        for area in areas:
            ReuseRecord.objects.create(area=area, page=mentions, recorded_by=member)
        ReuseRecord.objects.create(area=hidden, page=newer_huddle, recorded_by=member)
        hidden.unpublish()
    return {
        "newer_huddle": newer_huddle,
        "older_huddle": older_huddle,
        "telecare": telecare,
        "mentions": mentions,
        "newer": newer,
        "older": older,
    }


@pytest.fixture(scope="module", params=["elasticsearch", "database"])
def engine_kind(request, django_db_setup, django_db_blocker):
    """This module's content instead of the contract corpus (conftest's `engine` and `corpus` read it)."""
    with shared_content(request, django_db_blocker, build) as shared:
        yield shared


@pytest.fixture
def pages(corpus) -> dict:
    return corpus


def search(engine, q: str = "", **filters):
    sort = filters.pop("sort", "relevance")
    return engine.search(SearchRequest(q=q, filters={k: tuple(v) for k, v in filters.items()}, sort=sort))


def ids(response) -> list[int]:
    return [hit.id for hit in response.results]


def counts(response, facet: str) -> dict[str, int]:
    return {value.value: value.count for value in next(f for f in response.facets if f.name == facet).values}


def test_documents_carry_the_count_of_public_areas_and_barriers_nothing(engine, pages):
    documents = {document["id"]: document for document in engine.documents([page.pk for page in pages.values()])}
    assert documents[pages["mentions"].pk]["reuse_count"] == 6
    assert documents[pages["older_huddle"].pk]["reused"] == "yes"
    # Recorded by an area the public cannot see: not counted.
    assert (documents[pages["newer_huddle"].pk]["reuse_count"], documents[pages["newer_huddle"].pk]["reused"]) == (
        0,
        "no",
    )
    assert documents[pages["telecare"].pk]["reused"] == "no"
    barrier = engine.search(SearchRequest(filters={"type": ("barrier",)})).results[0]
    (barrier_document,) = engine.documents([barrier.id])
    assert "reused" not in barrier_document and "reuse_count" not in barrier_document


def test_the_facet_counts_filters_and_labels(engine, pages):
    everything = search(engine)
    assert counts(everything, "reused") == {"no": 4, "yes": 2}  # three case studies and one workaround not reused
    labels = {value.value: value.label for value in next(f for f in everything.facets if f.name == "reused").values}
    assert labels == FACETS_BY_NAME["reused"].choices
    assert set(ids(search(engine, reused=["yes"]))) == {pages["older_huddle"].pk, pages["mentions"].pk}
    # Counted under every filter but its own, like every facet.
    workarounds = search(engine, type=["workaround"], reused=["no"])
    assert ids(workarounds) == [pages["newer_huddle"].pk]
    assert counts(workarounds, "reused") == {"yes": 2, "no": 1}
    assert counts(workarounds, "type") == {"case_study": 3, "workaround": 1}


def test_between_two_equally_relevant_documents_the_reused_one_comes_first(engine, pages):
    # Without reuse the tie would go to the newer one (relevance breaks ties by newest first).
    assert pages["newer"].date_published > pages["older"].date_published
    assert ids(search(engine, "weekly huddle"))[:2] == [pages["older_huddle"].pk, pages["newer_huddle"].pk]
    assert ids(search(engine, "weekly huddle", sort="newest"))[:2] == [
        pages["newer_huddle"].pk,
        pages["older_huddle"].pk,
    ]  # other sorts ignore reuse


def test_reuse_does_not_lift_a_weak_match_over_a_strong_one(engine, pages):
    found = ids(search(engine, "telecare"))
    assert reuse_multiplier(6) > 1  # the weak match does get the largest boost there is
    assert found.index(pages["telecare"].pk) < found.index(pages["mentions"].pk)


def test_the_search_page_and_the_api_offer_the_facet(client, engine, pages):
    html = client.get("/search/", {"q": "huddle"}).content.decode()
    assert "Reused by other areas" in html and "Not reused yet" in html
    assert 'name="reused"' in html
    body = client.get("/api/v1/search", {"q": "huddle", "reused": "yes"}).json()
    assert [result["id"] for result in body["results"]] == [pages["older_huddle"].pk]
    assert {value["value"]: value["selected"] for value in body["facets"]["reused"]} == {"yes": True, "no": False}
    export = client.get("/search/export.csv", {"reused": "yes", "sort": "title"})
    csv = b"".join(export.streaming_content).decode()
    assert HUDDLE in csv and "Shared rotas for district nurses" in csv and "Telecare for people" not in csv
