""" "Your account": joining an area, and deleting the account with everything kept about it."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from network import personal_data
from network.models import Membership, Question, ReuseRecord, SavedSearch
from network.reuse import record_reuse

from .conftest import make_member

pytestmark = pytest.mark.django_db


def test_a_member_joins_an_area_from_the_choices_only(client, exchange):
    member = make_member("alex@dorset.example.org")
    client.force_login(member)
    page = client.get("/account/").content.decode()
    assert '<optgroup label="Virtual network areas">' in page and "Dorset</option>" in page
    response = client.post("/account/", {"area": exchange.dorset.pk})
    assert response.status_code == 302
    assert Membership.objects.get(user=member).area == exchange.dorset
    # A page that is not an area (a case study) is not a choice: 400, the membership unchanged.
    refused = client.post("/account/", {"area": exchange.study.pk})
    assert refused.status_code == 400 and 'class="nhsuk-error-summary"' in refused.content.decode()
    assert client.post("/account/", {"area": "not a number"}).status_code == 400
    assert Membership.objects.get(user=member).area == exchange.dorset


def test_an_unverified_account_cannot_join_an_area(client, exchange):
    member = make_member("unconfirmed@dorset.example.org", verified=False)
    client.force_login(member)
    assert "Confirm your email address" in client.get("/account/").content.decode()
    client.post("/account/", {"area": exchange.dorset.pk})
    assert not Membership.objects.filter(user=member).exists()


def test_account_pages_need_a_sign_in(client, db):
    for url in ("/account/", "/account/delete/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/account/login/"), url


def test_deleting_the_account_deletes_its_records_and_the_pages_count_drops(member_client, exchange, norfolk_member):
    member_client.post(f"/network/reuse/{exchange.workaround.pk}/", {"action": "record", "note": "Went well."})
    other = make_member("kim@dorset.example.org", area=exchange.dorset)
    dorset = Client()
    dorset.force_login(other)
    dorset.post(f"/network/reuse/{exchange.workaround.pk}/", {"action": "record"})
    assert "Reused by 2 areas" in Client().get(exchange.workaround.url).content.decode()

    unconfirmed = member_client.post("/account/delete/", {})
    assert unconfirmed.status_code == 400 and get_user_model().objects.filter(pk=norfolk_member.pk).exists()

    response = member_client.post("/account/delete/", {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/account/deleted/"
    assert "Your account has been deleted" in member_client.get("/account/deleted/").content.decode()
    assert not get_user_model().objects.filter(pk=norfolk_member.pk).exists()
    assert not EmailAddress.objects.filter(email=norfolk_member.email).exists()
    assert not Membership.objects.filter(user_id=norfolk_member.pk).exists()
    assert list(ReuseRecord.objects.values_list("area__title", flat=True)) == ["Dorset"]  # the other area's stays
    assert "_auth_user_id" not in member_client.session
    assert "Reused by 1 area</strong>" in Client().get(exchange.workaround.url).content.decode()


# --- download your data ------------------------------------------------------------------------------------


def test_download_your_data_holds_the_members_data_and_no_one_elses(member_client, exchange, norfolk_member):
    assert 'href="/account/data/"' in member_client.get("/account/").content.decode()
    member_client.post(f"/network/reuse/{exchange.workaround.pk}/", {"action": "record", "note": "Went well."})
    member_client.post("/network/saved-searches/", {"query": "q=hub", "name": "Hubs", "frequency": "daily"})
    member_client.post(f"/network/questions/{exchange.workaround.pk}/", {"text": "Who signed first?"})
    other = make_member("kim@dorset.example.org", area=exchange.dorset)
    Question.objects.create(page=exchange.study, asked_by=other, area=exchange.dorset, text="Dorset's question")
    record_reuse(exchange.dorset, exchange.study, other, "Dorset's private note")
    SavedSearch.objects.create(member=other, name="Dorset's search", query="q=dorset", token="t" * 64)

    response = member_client.get("/account/data/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="pioneer-exchange-your-data-')
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    data = json.loads(body)
    assert data["format"] == "pioneer-exchange-personal-data/1"
    assert data["account"]["email_addresses"] == [
        {"email": "jo.bloggs@norfolk.example.org", "verified": True, "primary": True}
    ]
    assert data["account"]["date_joined"].startswith(str(norfolk_member.date_joined.year))
    assert data["account"]["last_login"] is not None  # the test client's sign-in
    assert data["membership"]["area"] == {"id": exchange.norfolk.pk, "title": "West Norfolk"}
    assert data["membership"]["may_draft_for"] == []
    assert [(r["area"], r["page"]["id"], r["note"]) for r in data["reuse_records"]] == [
        ("West Norfolk", exchange.workaround.pk, "Went well.")
    ]
    assert [(s["name"], s["query"], s["frequency"]) for s in data["saved_searches"]] == [("Hubs", "q=hub", "daily")]
    assert [(q["page"]["id"], q["area"], q["text"], q["published"]) for q in data["questions"]] == [
        (exchange.workaround.pk, "West Norfolk", "Who signed first?", False)
    ]
    assert data["pages_drafted"] == []
    for theirs in ("kim@dorset.example.org", "Dorset's private note", "Dorset's search", "q=dorset", "Dorset's q"):
        assert theirs not in body


def test_download_your_data_needs_a_sign_in(client, db):
    response = client.get("/account/data/")
    assert response.status_code == 302 and response["Location"] == "/account/login/?next=/account/data/"


def test_other_parts_add_their_own_section_once(member_client, monkeypatch):
    monkeypatch.setattr(personal_data, "_sections", dict(personal_data._sections))
    personal_data.register("events", lambda user: [{"booked_by": user.email}])
    data = json.loads(member_client.get("/account/data/").content)
    assert data["events"] == [{"booked_by": "jo.bloggs@norfolk.example.org"}]
    with pytest.raises(ImproperlyConfigured):
        personal_data.register("events", lambda user: [])
    with pytest.raises(ImproperlyConfigured):
        personal_data.register("account", lambda user: {})
