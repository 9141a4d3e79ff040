""" "Save this search": who may save, what is refused (and that nothing is written then), and the account list."""

from __future__ import annotations

import pytest
from django.test import Client

from network.models import SavedSearch
from network.saved_searches import MAX_SAVED_SEARCHES

from .conftest import make_member

pytestmark = pytest.mark.django_db


def test_a_verified_member_saves_the_search_as_the_search_page_writes_it(member_client, norfolk_member):
    page = member_client.get("/search/?q=shared+care&type=workaround").content.decode()
    assert 'action="/network/saved-searches/"' in page and "Save this search" in page
    # Parameters in any order, a page number and the default sort: stored normalised, the page dropped.
    posted = {"query": "sort=relevance&type=workaround&page=3&q=shared%20%20care", "name": "", "frequency": "daily"}
    response = member_client.post("/network/saved-searches/", posted)
    assert response.status_code == 302 and response["Location"] == "/account/#saved-searches"
    saved = SavedSearch.objects.get(member=norfolk_member)
    assert (saved.query, saved.name, saved.frequency, saved.last_sent_at) == (
        "q=shared+care&type=workaround",
        "shared care",
        "daily",
        None,
    )
    account = member_client.get("/account/").content.decode()
    assert 'href="/search/?q=shared+care&amp;type=workaround">shared care</a>' in account


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"query": "q=x&colour=red", "frequency": "weekly"}, "Unknown parameter"),
        ({"query": "q=x&sort=cheapest", "frequency": "weekly"}, "sort must be one of"),
        ({"query": "q=x&year=last-summer", "frequency": "weekly"}, "is not a valid"),
        ({"query": "q=x", "frequency": "hourly"}, "Email me new matches"),
        # 50 themes of 100 "é" each: over the column's 4,000 characters as the page writes it (percent-encoded).
        ({"query": "&".join(f"theme={i}{'é' * 100}" for i in range(50)), "frequency": "weekly"}, "too long to save"),
        ({"query": "q=x", "name": "n" * 101, "frequency": "weekly"}, "Name this search"),
    ],
)
def test_bad_input_is_a_clear_400_and_saves_nothing(member_client, posted, message):
    response = member_client.post("/network/saved-searches/", posted)
    assert response.status_code == 400 and message in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_at_most_twenty_saved_searches(member_client, norfolk_member):
    for number in range(MAX_SAVED_SEARCHES):
        member_client.post("/network/saved-searches/", {"query": f"q=topic{number}", "frequency": "weekly"})
    refused = member_client.post("/network/saved-searches/", {"query": "q=one+more", "frequency": "weekly"})
    assert (
        refused.status_code == 400 and f"already have {MAX_SAVED_SEARCHES} saved searches" in refused.content.decode()
    )
    assert SavedSearch.objects.filter(member=norfolk_member).count() == MAX_SAVED_SEARCHES


def test_signed_out_and_unverified_people_cannot_save(client, exchange):
    page = client.get("/search/?q=care").content.decode()
    assert "Save this search" not in page and "/account/login/?next=%2Fsearch%2F%3Fq%3Dcare" in page
    response = client.post("/network/saved-searches/", {"query": "q=care", "frequency": "weekly"})
    assert response.status_code == 302 and response["Location"].startswith("/account/login/?next=%2Fsearch%2F")
    unverified = make_member("new@dorset.example.org", verified=False)
    client.force_login(unverified)
    assert "Save this search" not in client.get("/search/?q=care").content.decode()
    response = client.post("/network/saved-searches/", {"query": "q=care", "frequency": "weekly"})
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert not SavedSearch.objects.exists()


def test_saving_needs_the_csrf_token(exchange, norfolk_member):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(norfolk_member)
    response = strict.post("/network/saved-searches/", {"query": "q=care", "frequency": "weekly"})
    assert response.status_code == 403 and not SavedSearch.objects.exists()


def test_the_member_changes_the_frequency_and_deletes_only_their_own(member_client, norfolk_member, exchange):
    member_client.post("/network/saved-searches/", {"query": "q=care", "name": "Care", "frequency": "weekly"})
    saved = SavedSearch.objects.get()
    response = member_client.post(f"/network/saved-searches/{saved.pk}/", {f"s{saved.pk}-frequency": "daily"})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.frequency == "daily"
    bad = member_client.post(f"/network/saved-searches/{saved.pk}/", {f"s{saved.pk}-frequency": "hourly"})
    assert bad.status_code == 400
    # Another member can neither change nor delete it: a 404, as if it did not exist.
    other = Client()
    other.force_login(make_member("kim@dorset.example.org", area=exchange.dorset))
    assert other.post(f"/network/saved-searches/{saved.pk}/", {f"s{saved.pk}-frequency": "weekly"}).status_code == 404
    assert other.post(f"/network/saved-searches/{saved.pk}/delete/").status_code == 404
    saved.refresh_from_db()
    assert saved.frequency == "daily"
    assert member_client.post(f"/network/saved-searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


def test_deleting_the_account_deletes_its_saved_searches(member_client, norfolk_member):
    member_client.post("/network/saved-searches/", {"query": "q=care", "frequency": "weekly"})
    assert SavedSearch.objects.filter(member=norfolk_member).exists()
    member_client.post("/account/delete/", {"confirm": "on"})
    assert not SavedSearch.objects.exists()
