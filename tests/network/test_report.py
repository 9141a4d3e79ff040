"""The curators' reuse report: most reused first, never-reused pages last, CSV export with the formula guard."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from curation.roles import CURATORS
from network.membership import set_area
from network.reuse import record_reuse
from tests.factories import make_case_study, make_pioneer, make_workaround

from .conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client, exchange):
    curator = get_user_model().objects.create_user(username="curator", password="x", email="curator@example.org")
    curator.groups.add(Group.objects.get(name=CURATORS))
    client.force_login(curator)
    return client


def test_most_reused_first_never_reused_last_and_the_csv(curator_client, exchange):
    never = make_case_study(exchange.pioneer, "Aardvark never reused")  # first by title, last by reuse
    extra = make_workaround(exchange.study, [], "Zebra workaround")
    norfolk = make_member("a@norfolk.example.org", area=exchange.norfolk)
    dorset = make_member("b@dorset.example.org", area=exchange.dorset)
    evil_area = make_pioneer("=HYPERLINK(1) Borough", status="virtual-network")  # a title an author typed
    evil = make_member("c@evil.example.org", area=evil_area)
    record_reuse(exchange.norfolk, extra, norfolk, "Went well.")
    record_reuse(exchange.dorset, extra, dorset, "")
    record_reuse(evil_area, extra, evil, "")
    record_reuse(exchange.norfolk, exchange.study, norfolk, "")

    report = curator_client.get("/admin/network/reuse/")
    assert report.status_code == 200
    html = report.content.decode()
    order = [html.index(title) for title in ("Zebra workaround", "One shared care record", "Aardvark never reused")]
    assert order == sorted(order)
    assert "Dorset, West Norfolk" in html

    export = curator_client.get("/admin/network/reuse/?export=csv")
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    ranked = [(row["Page"], row["Areas that reused it"], row["Areas"]) for row in rows]
    # A cell starting a formula is made inert by csv_safe (removing the guard fails this).
    areas = "'=HYPERLINK(1) Borough, Dorset, West Norfolk"
    assert ranked[:2] == [("Zebra workaround", "3", areas), ("One shared care record", "1", "West Norfolk")]
    assert rows[0]["Members' notes"] == "West Norfolk: Went well."
    assert {title for title, count, _areas in ranked[2:]} == {
        "A read-only summary for the hub",
        "Aardvark never reused",
    } and all(count == "0" for _title, count, _areas in ranked[2:])
    assert never.pk  # the never-reused page is listed, not left out


def test_members_and_authors_cannot_open_the_report(client, exchange):
    member = make_member("c@norfolk.example.org")
    set_area(member, exchange.norfolk)
    client.force_login(member)
    assert client.get("/admin/network/reuse/").status_code in {302, 403}
    author = get_user_model().objects.create_user(username="author", password="x")
    author.groups.add(exchange.pioneer.authors_role.group)
    client.force_login(author)
    refused = client.get("/admin/network/reuse/")  # the admin answers PermissionDenied with its dashboard
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_what_travels_by_barrier_category_and_theme(curator_client, exchange):
    from network.report import Travel, travel_by_barrier_category, travel_by_theme
    from tests.factories import make_barrier
    from themes.models import BarrierCategory, Theme

    ig = BarrierCategory.objects.get(slug="information-governance").name
    it = BarrierCategory.objects.get(slug="it-systems").name
    study = make_case_study(exchange.pioneer, "Joint IT", themes=("multidisciplinary-teams",))
    it_barrier = make_barrier(study, "Two record systems", category="it-systems")
    both = make_workaround(study, [it_barrier], "A bridge between the systems")
    make_workaround(study, [it_barrier], "Printing the record")
    hidden = make_workaround(study, [it_barrier], "An unpublished idea")
    hidden.unpublish()
    member = make_member("a@norfolk.example.org", area=exchange.norfolk)
    record_reuse(exchange.norfolk, exchange.workaround, member, "")  # the exchange's workaround: information governance
    record_reuse(exchange.norfolk, both, member, "")
    record_reuse(exchange.norfolk, study, member, "")

    # Information governance: 1 of 1 workaround reused; IT systems: 1 of 2 (the unpublished one not counted).
    assert travel_by_barrier_category() == [Travel(ig, 1, 1), Travel(it, 2, 1)]
    teams = Theme.objects.get(slug="multidisciplinary-teams").name
    assert Travel(teams, 1, 1) in travel_by_theme()  # "Joint IT", reused; the exchange's study has no theme

    html = curator_client.get("/admin/network/reuse/").content.decode()
    assert "What travels" in html
    assert f'<th scope="row">{it}</th><td>2</td><td>1</td><td>50%</td>' in html
    assert f'<th scope="row">{ig}</th><td>1</td><td>1</td><td>100%</td>' in html
    # The table below the summary is unchanged, and the AJAX refresh of the results leaves the summary out.
    assert "Areas that reused it" in html
    assert "What travels" not in curator_client.get("/admin/network/reuse/results/").content.decode()
