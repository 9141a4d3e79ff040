"""Promoted results over HTTP: the API's `promoted` list, the page's "Recommended" section, and the admin."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from curation.promotions.models import Promotion
from tests.factories import make_barrier, make_case_study, make_pioneer

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/promotions/promotion/add/"


@pytest.fixture
def site(database_engine, promote):
    pioneer = make_pioneer("Kirklees", region="north")
    study = make_case_study(pioneer, "Discharge to assess at home", summary="Fewer delayed discharges.")
    barrier = make_barrier(study, "No beds to discharge to", category="workforce-and-skills")
    other = make_case_study(pioneer, "Telecare for night sitting", summary="Sensors instead of night visits.")
    promote(["delayed discharge"], other, barrier, note="Recommended by the exchange team")
    return {"pioneer": pioneer, "study": study, "barrier": barrier, "other": other}


def test_the_api_lists_them_as_promoted_in_the_results_item_shape(client, site):
    body = client.get("/api/v1/search", {"q": "Delayed Discharge"}).json()

    assert [item["id"] for item in body["promoted"]] == [site["other"].pk, site["barrier"].pk]
    assert body["promoted"][0]["url"] == site["other"].url
    assert body["results"], "the ordinary results are still there"
    assert set(body["promoted"][0]) == set(body["results"][0])


def test_the_api_lists_none_for_other_words_and_later_pages(client, site):
    assert client.get("/api/v1/search", {"q": "discharge"}).json()["promoted"] == []
    assert client.get("/api/v1/search", {"q": "delayed discharge", "page": "2"}).json()["promoted"] == []
    assert client.get("/api/v1/search").json()["promoted"] == []


def test_the_page_shows_them_above_the_results_marked_recommended(client, site):
    content = client.get("/search/", {"q": "delayed discharge"}).content.decode()

    section = re.search(r'<section class="promoted" aria-labelledby="promoted-heading">(.*?)</section>', content, re.S)
    assert section, "a labelled Recommended section"
    assert '<h2 id="promoted-heading">Recommended</h2>' in section.group(1)
    assert content.index('class="promoted"') < content.index('<ol class="card-list">')
    titles = re.findall(r"<h3><a [^>]+>([^<]+)</a></h3>", section.group(1))
    assert titles == [site["other"].title, site["barrier"].title]
    assert section.group(1).count("Recommended by the exchange team") == 2
    assert '<h2 class="results-heading">All results</h2>' in content


def test_their_links_record_clicks_as_promoted(client, site):
    from curation.analytics.models import SearchClick

    content = client.get("/search/", {"q": "delayed discharge"}).content.decode()
    section = content[content.index('class="promoted"') : content.index("</section>")]
    href = re.search(r'<h3><a href="([^"]+)">', section).group(1).replace("&amp;", "&")
    params = parse_qs(urlsplit(href).query)
    assert (params["to"], params["rank"], params["promoted"]) == ([str(site["other"].pk)], ["1"], ["1"])

    response = client.get(href)
    assert response.status_code == 302 and response["Location"] == site["other"].url
    assert SearchClick.objects.get().promoted is True


def test_the_page_without_promotions_has_no_recommended_section(client, site):
    content = client.get("/search/", {"q": "telecare"}).content.decode()
    assert 'class="promoted"' not in content and "All results" not in content


# The admin


@pytest.fixture
def admin(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "correct-horse-battery-staple")
    client.force_login(user)
    return client


def promotion_form(pages, **changes) -> dict:
    data = {
        "name": "Discharge best bets",
        "queries": "Delayed discharge\nDToC",
        "items": inline_formset([{"page": str(page.pk), "id": ""} for page in pages]),
        "note": "Recommended by the exchange team",
        "starts_on": "",
        "ends_on": "",
        "active": "on",
    }
    data.update(changes)
    return nested_form_data(data)


def test_curators_add_a_promotion_with_ordered_pages_in_the_admin(admin, site):
    assert admin.get(ADD_URL).status_code == 200
    response = admin.post(ADD_URL, promotion_form([site["study"], site["barrier"]]))

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    promotion = Promotion.objects.get(name="Discharge best bets")
    assert promotion.queries == "delayed discharge\ndtoc"
    assert [item.page_id for item in promotion.items.all()] == [site["study"].pk, site["barrier"].pk]
    assert "Promoted results" in admin.get("/admin/").content.decode()
    assert "Discharge best bets" in admin.get("/admin/snippets/promotions/promotion/").content.decode()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"queries": "  \n "}, "List at least one search, one per line."),
        ({"starts_on": "2025-06-10", "ends_on": "2025-06-01"}, "The last day must be on or after the first day."),
        ({"starts_on": "2025-02-30"}, "Enter a valid date."),
    ],
)
def test_bad_promotions_are_refused_with_a_clear_message(admin, site, changes, message):
    response = admin.post(ADD_URL, promotion_form([site["study"]], **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Promotion.objects.filter(name="Discharge best bets").exists()


def test_only_case_studies_barriers_and_workarounds_can_be_promoted(admin, site):
    response = admin.post(ADD_URL, promotion_form([site["pioneer"]]))
    assert response.status_code == 200
    assert "Choose a case study, barrier or workaround." in response.content.decode()
    assert not Promotion.objects.filter(name="Discharge best bets").exists()


def test_the_page_chooser_offers_only_promotable_types(admin, site):
    content = admin.get(ADD_URL).content.decode()
    [models] = set(re.findall(r'"modelNames": (\[[^\]]*\])', content))
    assert json.loads(models) == ["casestudies.casestudypage", "casestudies.barrierpage", "casestudies.workaroundpage"]


@pytest.mark.elasticsearch
def test_the_api_on_elasticsearch_lists_them_too(client, es_store, promote):
    pioneer = make_pioneer("Wirral", region="north")
    study = make_case_study(pioneer, "Delayed discharge at Arrowe Park", summary="Fewer delayed discharges.")
    barrier = make_barrier(study, "No step-down beds")
    promote(["DToC"], barrier, study)

    body = client.get("/api/v1/search", {"q": "delayed transfers of care"}).json()

    assert body["engine"] == "elasticsearch"
    assert [item["id"] for item in body["promoted"]] == [barrier.pk, study.pk]
    assert body["promoted"][0]["title"] == "No step-down beds"


def test_the_exchange_curators_group_manages_promotions_from_the_curation_menu(client, site):
    from django.contrib.auth.models import Group
    from django.test import RequestFactory

    from curation.roles import CURATORS
    from curation.wagtail_hooks import curation_menu

    user = get_user_model().objects.create_user("exchange-curator", password="correct-horse-battery-staple")
    user.groups.add(Group.objects.get(name=CURATORS))
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    assert "promoted-results" in [item.name for item in curation_menu.menu_items_for_request(request)]
    response = client.post(ADD_URL, promotion_form([site["study"]]))
    assert response.status_code == 302
    assert Promotion.objects.filter(name="Discharge best bets").exists()
