"""The barrier register: curators see every barrier by category and pioneer, filter it and export it."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from casestudies.choices import BarrierStatus
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import BarrierCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def barriers():
    leeds = make_pioneer("Register Leeds")
    kent = make_pioneer("Register Kent")
    records = make_case_study(leeds, "Shared records")
    homes = make_case_study(kent, "Care home support")
    fax = make_barrier(records, "GP letters still sent by fax", category="information-governance")
    consent = make_barrier(records, "Consent models differed", category="information-governance",
                           status=BarrierStatus.ESCALATED)  # fmt: skip
    tariff = make_barrier(homes, "The tariff paid per admission", category="payment-mechanisms",
                          status=BarrierStatus.OVERCOME)  # fmt: skip
    make_workaround(records, [fax], "Secure email instead of fax")
    return {"leeds": leeds, "fax": fax, "consent": consent, "tariff": tariff}


def register(client, **params):
    return client.get(reverse("barrier_register"), params)


def test_the_register_lists_every_barrier_with_its_pioneer_case_study_and_workarounds(admin_client, barriers):
    html = register(admin_client).content.decode()
    for title in ("GP letters still sent by fax", "Consent models differed", "The tariff paid per admission"):
        assert title in html
    assert "Register Leeds" in html and "Shared records" in html and "none yet" in html


def test_curators_filter_to_what_still_needs_a_workaround_or_went_national(admin_client, barriers):
    without = register(admin_client, without_workaround="true").content.decode()
    assert "Consent models differed" in without and "The tariff paid per admission" in without
    assert "GP letters still sent by fax" not in without

    escalated = register(admin_client, status=BarrierStatus.ESCALATED).content.decode()
    assert "Consent models differed" in escalated and "The tariff paid per admission" not in escalated

    category = BarrierCategory.objects.get(slug="payment-mechanisms")
    by_category = register(admin_client, category=category.pk).content.decode()
    assert "The tariff paid per admission" in by_category and "Consent models differed" not in by_category

    by_pioneer = register(admin_client, pioneer=barriers["leeds"].pk).content.decode()
    assert "Consent models differed" in by_pioneer and "The tariff paid per admission" not in by_pioneer


def test_the_summary_counts_by_category(admin_client, barriers):
    response = register(admin_client)
    summary = {row["category__name"]: row for row in response.context["summary"]}
    ig = BarrierCategory.objects.get(slug="information-governance").name
    assert summary[ig]["total"] == 2 and summary[ig]["escalated"] == 1 and summary[ig]["without_workaround"] == 1
    assert summary[ig]["open"] == 2


def test_the_register_exports_as_csv(admin_client, barriers):
    response = register(admin_client, export="csv", status=BarrierStatus.ESCALATED)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["Barrier"] for row in rows] == ["Consent models differed"]
    assert rows[0]["Pioneer or area"] == "Register Leeds" and rows[0]["Status"] == "Escalated nationally"
    assert rows[0]["Workarounds"] == "0" and rows[0]["Address"] == f"/barriers/{barriers['consent'].pk}/"


def test_bad_filter_values_are_explained_not_a_server_error(admin_client, barriers):
    response = register(admin_client, pioneer="not-a-number", status="sideways")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_only_curators_see_the_register(client, barriers):
    user = get_user_model().objects.create_user("author", password="x-long-enough-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = register(client)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
