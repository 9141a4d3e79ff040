"""A curator promotes a guide for a query: first among the recommendations, on the page and in the API."""

from __future__ import annotations

import json

import pytest

from curation.guides.models import Guide, GuideItem
from curation.promotions.models import Promotion
from tests.curation.promotions.test_web import ADD_URL, admin, promotion_form  # noqa: F401 - the admin fixture
from tests.factories import make_case_study, make_pioneer

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(database_engine):
    study = make_case_study(make_pioneer("Guide Gloucester"), "Consent model agreed once", summary="One consent model.")
    guide = Guide(
        title="Getting information sharing agreed",
        slug="information-sharing",
        introduction="What three pioneers learnt about **consent** and data sharing agreements.",
        live=True,
    )
    guide.items = [GuideItem(page=study)]
    guide.save()
    return guide


def promote_guide(guide, *pages, queries="information sharing") -> Promotion:
    promotion = Promotion(name="Sharing", queries=queries, note="Start here", guide=guide)
    promotion.items = []
    promotion.full_clean()
    promotion.save()
    return promotion


def test_a_promoted_guide_leads_the_api_promoted_list(client, guide):
    promote_guide(guide)
    body = json.loads(client.get("/api/v1/search", {"q": "Information  Sharing"}).content)
    [first] = body["promoted"]
    assert first["type"] == "guide" and first["url"] == "/guides/information-sharing/"
    assert first["title"] == "Getting information sharing agreed"
    assert first["summary"].startswith("What three pioneers learnt about consent")
    assert json.loads(client.get("/api/v1/search", {"q": "falls"}).content)["promoted"] == []


def test_the_search_page_links_straight_to_the_promoted_guide(client, guide):
    promote_guide(guide)
    html = client.get("/search/", {"q": "information sharing"}).content.decode()
    section = html[html.index('id="promoted-heading"') :]
    assert '<a href="/guides/information-sharing/">Getting information sharing agreed</a>' in section
    assert "Guide" in section and "Start here" in section


def test_a_guide_that_is_not_live_is_not_promoted(client, guide):
    promote_guide(guide)
    guide.live = False
    guide.save()
    assert json.loads(client.get("/api/v1/search", {"q": "information sharing"}).content)["promoted"] == []


def test_curators_promote_a_guide_in_the_admin_and_must_choose_something(admin, guide):  # noqa: F811
    response = admin.post(ADD_URL, promotion_form([], guide=str(guide.pk)))
    assert response.status_code == 302
    assert Promotion.objects.get(name="Discharge best bets").guide == guide

    refused = admin.post(ADD_URL, promotion_form([], name="Empty"))
    assert refused.status_code == 200
    assert "Choose a guide or at least one page to recommend." in refused.content.decode()
    assert not Promotion.objects.filter(name="Empty").exists()
