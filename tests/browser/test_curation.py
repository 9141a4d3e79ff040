"""Curators' tools in the browser: promoted results on the search page, clicks followed without
JavaScript's help, and the search report in the admin, each checked with axe-core."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from curation.promotions.models import PromotedPage, Promotion

from .conftest import AXE_RULESETS, describe_violations

PASSWORD = "correct-horse-battery-staple"
PROMOTED = ".promoted-list > li h3 a"


@dataclass(frozen=True)
class Curation:
    promoted_title: str
    promoted_url: str


@pytest.fixture
def curation(site) -> Curation:
    """A promotion for "records", a curator, and a few logged searches for the report."""
    from curation.analytics.models import SearchLog

    workaround = Page.objects.get(title=site.workaround.title)
    promotion = Promotion(name="Records", queries="records", note="Recommended by the exchange team")
    promotion.items = [PromotedPage(page=workaround)]
    promotion.save()
    get_user_model().objects.create_superuser("curator", "curator@example.org", PASSWORD)
    for days, query, results in [(1, "records", 4), (2, "records", 4), (1, "zebra crossings", 0)]:
        SearchLog.objects.create(
            query=query, created_at=timezone.now() - timedelta(days=days), page=1, result_count=results,
            surface="page", sort="relevance", engine="database", took_ms=9,
            filters={"type": ["barrier"]} if days == 2 else {},
        )  # fmt: skip
    return Curation(site.workaround.title, site.workaround.url)


def test_promoted_results_sit_above_the_results_and_are_accessible(page, curation, assert_accessible):
    page.goto("/search/?q=records")

    recommended = page.get_by_role("region", name="Recommended")
    expect(recommended).to_be_visible()
    expect(recommended.locator(PROMOTED)).to_have_text([curation.promoted_title])
    expect(recommended).to_contain_text("Recommended by the exchange team")
    first_result = page.locator(".results .card-list > li h3 a").first
    assert page.locator(PROMOTED).first.bounding_box()["y"] < first_result.bounding_box()["y"]
    assert_accessible(page)


def test_a_promoted_result_leads_through_the_click_link_to_its_page(page, curation):
    page.goto("/search/?q=records")
    href = page.locator(PROMOTED).first.get_attribute("href")
    assert href.startswith("/search/click/?")

    page.locator(PROMOTED).first.click()

    expect(page).to_have_url(re.compile(re.escape(curation.promoted_url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(curation.promoted_title)


def test_the_search_report_is_accessible(page, curation, axe_script):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto("/admin/search-analytics/?period=7")

    expect(page.get_by_role("heading", name="Top queries")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Searches per day"))).to_be_visible()
    expect(page.get_by_role("link", name="Add a synonym for “zebra crossings”")).to_be_visible()
    # Wagtail's own chrome is Wagtail's to check: axe looks at the report itself.
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(
        "async (tags) => (await axe.run('.search-report', {runOnly: {type: 'tag', values: tags}})).violations",
        AXE_RULESETS,
    )
    assert not violations, describe_violations(page.url, violations)

    page.goto("/admin/search-analytics/?start=2025-02-30&end=2025-03-01")
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid date.")
