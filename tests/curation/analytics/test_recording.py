"""Each public search is logged once it has been answered: the words and choices, never the person."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.signals import request_finished
from django.db import DatabaseError, close_old_connections

from curation.analytics.models import SearchClick, SearchLog
from curation.analytics.recording import logged_query, pending, record_click

pytestmark = pytest.mark.django_db

RESULT_HREFS = re.compile(r'<h3><a href="([^"]+)">')


def test_a_search_on_the_page_is_logged_with_its_words_filters_sort_and_outcome(client, corpus):
    response = client.get(
        "/search/", {"q": "  Shared   RECORD ", "theme": "shared-records-and-information-sharing", "sort": "newest"}
    )

    assert response.status_code == 200
    [log] = SearchLog.objects.all()
    assert log.query == "shared record"
    assert log.filters == {"theme": ["shared-records-and-information-sharing"]}
    assert (log.sort, log.page, log.surface, log.engine) == ("newest", 1, "page", "database")
    assert log.result_count == response.context["search"].total == 2
    assert log.took_ms >= 0
    assert log.created_at is not None


def test_a_search_through_the_api_is_logged_as_the_api(client, corpus):
    body = client.get("/api/v1/search", {"q": "nothing matches zebras", "type": "barrier"}).json()

    [log] = SearchLog.objects.all()
    assert (log.query, log.surface, log.result_count, log.filters) == (
        "nothing matches zebras",
        "api",
        body["total"],
        {"type": ["barrier"]},
    )
    assert body["total"] == 0
    assert "s=" not in str(body), "API results keep their own urls"


def test_later_pages_are_logged_with_their_page_number(client, corpus):
    client.get("/search/", {"q": "record", "page_size": 1})
    client.get("/search/", {"q": "record", "page_size": 1, "page": 2})

    assert sorted(SearchLog.objects.values_list("page", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    "method, url, params",
    [
        ("head", "/search/", {"q": "record"}),
        ("head", "/api/v1/search", {"q": "record"}),
        ("get", "/search/", {"q": "record", "page": "x"}),
        ("get", "/api/v1/search", {"q": "record", "sort": "loudest"}),
        ("get", "/search/feed/", {"q": "record"}),
        ("get", "/search/export.csv", {"q": "record"}),
        ("get", "/api/v1/suggest", {"q": "rec"}),
    ],
)
def test_heads_refused_searches_feeds_exports_and_suggestions_are_not_logged(client, corpus, method, url, params):
    getattr(client, method)(url, params)
    assert SearchLog.objects.count() == 0


def test_nothing_about_the_person_is_kept(client, corpus):
    client.cookies["sessionid"] = "cookie-value-123"
    client.get(
        "/search/",
        {"q": "record"},
        HTTP_USER_AGENT="Agent/9.9 (Secret Browser)",
        REMOTE_ADDR="203.0.113.77",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
        HTTP_REFERER="https://example.org/private-page",
    )

    fields = {field.name for field in SearchLog._meta.get_fields()}
    assert fields == set("id created_at query filters sort page result_count engine took_ms surface clicks".split()), (
        "a new column must not hold anything about the person"
    )
    stored = str(list(SearchLog.objects.values()))
    for personal in ("Agent/9.9", "203.0.113.77", "198.51.100.9", "cookie-value-123", "private-page"):
        assert personal not in stored


@pytest.mark.parametrize(
    "typed, logged",
    [
        ("Call me on 07700 900123 about IG", "call me on [number] about ig"),
        ("NHS 943 476 5919 discharge", "nhs [number] discharge"),
        ("jane.doe@example.org records", "[email] records"),
        ("admissions 2014 2015", "admissions 2014 2015"),
        ("over 2,000 admissions in 24 hours", "over 2,000 admissions in 24 hours"),
    ],
)
def test_emails_and_long_numbers_are_blanked_but_years_and_counts_stay(typed, logged):
    assert logged_query(typed) == logged


def test_result_links_on_the_page_go_through_the_click_recorder_with_their_rank(client, corpus):
    content = client.get("/search/", {"q": "shared record", "page_size": 1, "page": 2}).content.decode()

    log = SearchLog.objects.get(page=2)
    [href] = RESULT_HREFS.findall(content)
    link = urlsplit(href.replace("&amp;", "&"))
    assert link.path == "/search/click/"
    params = parse_qs(link.query)
    assert params["s"] == [log.pk.hex]
    assert params["rank"] == ["2"], "rank counts across pages"
    assert int(params["to"][0]) in {corpus["study"].pk, corpus["barrier"].pk}


def test_without_a_recorder_the_page_links_results_directly(client, corpus, monkeypatch):
    from search.extensions import hooks

    monkeypatch.setattr(hooks, "recorder", None)
    content = client.get("/search/", {"q": "shared record"}).content.decode()

    assert set(RESULT_HREFS.findall(content)) == {corpus["study"].url, corpus["barrier"].url}
    assert SearchLog.objects.count() == 0


def test_a_recorder_that_fails_never_breaks_the_search(client, corpus, monkeypatch):
    from search.extensions import hooks

    def broken(event):
        raise RuntimeError("analytics down")

    monkeypatch.setattr(hooks, "recorder", broken)
    response = client.get("/search/", {"q": "shared record"})

    assert response.status_code == 200
    assert set(RESULT_HREFS.findall(response.content.decode())) == {corpus["study"].url, corpus["barrier"].url}


def test_the_row_is_written_after_the_response_not_during_it(rf, corpus):
    receivers = [entry[1]() for entry in request_finished.receivers]  # weak references
    assert receivers.index(pending.flush_after_response) < receivers.index(close_old_connections)
    from search.web.views import search_page

    response = search_page(rf.get("/search/", {"q": "record"}))  # a view call alone: the server has not closed it

    assert response.status_code == 200
    assert SearchLog.objects.count() == 0 and len(pending) == 1
    request_finished.disconnect(close_old_connections)  # as the test client does: keep the test's transaction
    try:
        response.close()  # what the server does once the response has gone
    finally:
        request_finished.connect(close_old_connections)
    assert SearchLog.objects.count() == 1 and len(pending) == 0


def test_a_failed_write_is_logged_and_dropped_without_an_error(corpus, monkeypatch, curation_logs):
    from curation.analytics.recording import record_search
    from search.extensions import PAGE, SearchEvent
    from search.request import SearchRequest
    from search.response import SearchResponse

    request = SearchRequest(q="x")
    record_search(SearchEvent(request, SearchResponse(request, 0, [], [], "database"), PAGE, 3))

    def refuse(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchLog.objects, "bulk_create", refuse)
    assert pending.flush() == 0
    assert len(pending) == 0
    assert "Lost 1 search log rows" in curation_logs.text


def test_a_click_whose_search_is_not_written_yet_waits_for_it(corpus):
    """Another worker may still hold the search's row, waiting for its own background write."""
    import uuid

    from django.utils import timezone

    search = SearchLog(
        id=uuid.uuid4(), created_at=timezone.now(), query="record", sort="relevance", result_count=2, took_ms=3
    )
    record_click(search.id, corpus["study"].pk, 1, False)

    assert pending.flush() == 0
    assert SearchClick.objects.count() == 0 and len(pending) == 1  # kept for a later write
    search.save()  # the other worker's write
    assert pending.flush() == 1
    [click] = SearchClick.objects.all()
    assert (click.search_id, click.page_id, click.rank) == (search.id, corpus["study"].pk, 1)
    assert len(pending) == 0


def test_a_click_whose_search_never_appears_is_dropped_after_the_wait(corpus):
    import uuid

    from curation.analytics.recording import UNMATCHED_CLICK_WAIT

    record_click(uuid.uuid4(), corpus["study"].pk, 1, False)
    assert pending.flush() == 0 and len(pending) == 1
    [click] = pending._rows
    click.created_at -= UNMATCHED_CLICK_WAIT  # a made-up or purged search: it has waited long enough

    assert pending.flush() == 0
    assert SearchClick.objects.count() == 0 and len(pending) == 0
