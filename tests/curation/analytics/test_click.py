"""The click-through link: records (search, page, rank) and redirects to a public indexed page, nowhere else."""

from __future__ import annotations

import uuid

import pytest
from wagtail.models import PageViewRestriction

from curation.analytics.models import SearchClick, SearchLog
from tests.factories import committed, make_barrier, make_case_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(client, corpus) -> SearchLog:
    client.get("/search/", {"q": "shared record"})
    return SearchLog.objects.get()


def click(client, search_id, to, rank="1", **extra):
    return client.get("/search/click/", {"s": search_id, "to": to, "rank": rank, **extra})


def test_a_click_is_recorded_and_redirects_to_the_page(client, corpus, search):
    barrier = corpus["barrier"]
    response = click(client, search.pk.hex, barrier.pk, rank="2")

    assert response.status_code == 302
    assert response["Location"] == barrier.url
    assert response["Cache-Control"] == "no-store"
    [recorded] = SearchClick.objects.all()
    assert (recorded.search_id, recorded.page_id, recorded.rank, recorded.promoted) == (search.pk, barrier.pk, 2, False)


def test_a_promoted_result_click_is_marked(client, corpus, search):
    click(client, search.pk.hex, corpus["study"].pk, promoted="1")
    assert SearchClick.objects.get().promoted is True


def test_following_the_link_lands_on_the_page(client, corpus, search):
    response = click(client, search.pk.hex, corpus["study"].pk)
    landed = client.get(response["Location"])
    assert landed.status_code == 200
    assert corpus["study"].title in landed.content.decode()


def test_a_click_on_a_search_that_is_gone_still_redirects_but_is_not_kept(client, corpus):
    response = click(client, uuid.uuid4().hex, corpus["study"].pk)
    assert response.status_code == 302 and response["Location"] == corpus["study"].url
    assert SearchClick.objects.count() == 0


def test_head_redirects_without_recording(client, corpus, search):
    response = client.head("/search/click/", {"s": search.pk.hex, "to": corpus["study"].pk, "rank": "1"})
    assert response.status_code == 302
    assert SearchClick.objects.count() == 0


def test_other_methods_are_not_allowed(client, corpus, search):
    response = client.post(f"/search/click/?s={search.pk.hex}&to={corpus['study'].pk}&rank=1")
    assert response.status_code == 405
    assert SearchClick.objects.count() == 0


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"to": "{study}", "rank": "1"},
        {"s": "not-a-uuid", "to": "{study}", "rank": "1"},
        {"s": "{search}", "rank": "1"},
        {"s": "{search}", "to": "https://evil.example/", "rank": "1"},
        {"s": "{search}", "to": "//evil.example", "rank": "1"},
        {"s": "{search}", "to": "-3", "rank": "1"},
        {"s": "{search}", "to": "{study}"},
        {"s": "{search}", "to": "{study}", "rank": "0"},
        {"s": "{search}", "to": "{study}", "rank": "２"},
        {"s": "{search}", "to": "{study}", "rank": "10001"},
        {"s": "{search}", "to": "{study}", "rank": "1", "promoted": "yes"},
        {"s": "{search}", "to": "{study}", "rank": "1", "next": "https://evil.example/"},
    ],
)
def test_bad_parameters_are_a_400_and_record_nothing(client, corpus, search, params):
    values = {"search": search.pk.hex, "study": corpus["study"].pk}
    response = client.get("/search/click/", {name: value.format(**values) for name, value in params.items()})

    assert response.status_code == 400
    assert "Location" not in response
    assert SearchClick.objects.count() == 0


def hidden_pages(corpus):
    study = corpus["study"]
    draft = make_case_study(corpus["pioneer"], "A draft case study", live=False)
    unpublished = make_barrier(study, "Withdrawn barrier")
    restricted = make_barrier(study, "Restricted barrier")
    with committed():
        unpublished.unpublish()
        PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="s3cret")
    below_unpublished = make_case_study(corpus["pioneer"], "Below a withdrawn study")
    child = make_barrier(below_unpublished, "Barrier below a withdrawn study")
    with committed():
        below_unpublished.unpublish()
    return {
        "draft": draft.pk,
        "unpublished": unpublished.pk,
        "restricted": restricted.pk,
        "below an unpublished page": child.pk,
        "a pioneer page (not indexed)": corpus["pioneer"].pk,
        "the site root": 1,
        "no such page": 987654,
    }


def test_hidden_not_indexed_and_unknown_pages_are_404(client, corpus, search):
    for name, page_id in hidden_pages(corpus).items():
        response = click(client, search.pk.hex, page_id)
        assert response.status_code == 404, name
        assert "Location" not in response, name
    assert SearchClick.objects.count() == 0
