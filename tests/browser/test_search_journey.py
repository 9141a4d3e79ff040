"""A commissioner's search, with JavaScript (results update in place, the URL follows, Back
works) and without it (plain GET forms and links): search, tick two themes and a barrier
category, watch the counts change, remove a chip, turn the page, open a result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import fresh_tab
from tests.browser.search_pages import RESULT_LINKS, facet_label, status

THEMES = ("rapid-community-response", "multidisciplinary-teams")
CATEGORY = "information-governance"


@pytest.fixture(params=["database", "elasticsearch"])
def search_engine(request, settings) -> str:
    """The live server on one engine, chosen before the site is built so that it indexes it."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_store")
    else:
        settings.ELASTICSEARCH_URL = ""
    return request.param


@pytest.fixture
def no_js_page(browser, live_server, site):
    """A tab with JavaScript turned off, as on a locked-down laptop."""
    with fresh_tab(browser, live_server.url, java_script_enabled=False) as tab:
        yield tab


def open_facet(tab, name: str) -> None:
    facet = tab.locator(f'details[data-facet="{name}"]')
    if facet.get_attribute("open") is None:
        facet.locator("summary").first.click()


def tick(tab, facet: str, value: str) -> None:
    open_facet(tab, facet)
    tab.locator(f"#f-{facet}-{value}").check()


def test_the_journey_with_javascript_updates_in_place(search_engine, page, site):
    page.goto("/search/?page_size=1")
    page.locator("#q").fill("care")
    page.locator("#q").press("Enter")
    expect(page).to_have_url(re.compile(r"q=care"))
    everything = status(page)
    expect(page.locator(".search-notice")).to_have_count(0)  # the engine chosen answered, no fallback
    page.evaluate("() => { window.sameDocument = true }")  # gone if the page reloads

    before = facet_label(page, "barrier_category", "it-systems")
    tick(page, "theme", THEMES[0])
    expect(page).to_have_url(re.compile(r"theme=rapid-community-response"))
    expect(page.locator("#result-count")).not_to_have_text(everything)
    expect(page.locator("#f-theme-rapid-community-response")).to_be_focused()
    assert facet_label(page, "barrier_category", "it-systems") != before, "counts follow the filters"
    one_theme = status(page)
    tick(page, "theme", THEMES[1])
    expect(page).to_have_url(re.compile(r"theme=multidisciplinary-teams"))
    expect(page.locator("#result-count")).not_to_have_text(one_theme)
    two_themes = status(page)
    tick(page, "barrier_category", CATEGORY)
    expect(page).to_have_url(re.compile(r"barrier_category=information-governance"))
    expect(page.locator("#result-count")).not_to_have_text(two_themes)
    expect(page.get_by_role("link", name=re.compile(r"^Remove "))).to_have_count(3)
    narrowed = status(page)

    page.get_by_role("link", name=re.compile(r"^Remove barrier category")).click()
    expect(page.get_by_role("link", name=re.compile(r"^Remove "))).to_have_count(2)
    expect(page.locator("#result-count")).to_have_text(two_themes)
    expect(page.locator("#results-heading")).to_be_focused()
    assert "barrier_category" not in page.url

    page.go_back()
    expect(page.locator("#result-count")).to_have_text(narrowed)
    expect(page.get_by_role("link", name=re.compile(r"^Remove "))).to_have_count(3)
    page.go_forward()
    expect(page.locator("#result-count")).to_have_text(two_themes)

    expect(page.get_by_role("button", name="Sort", exact=True)).to_be_hidden()  # applies on change instead
    page.locator("#sort").select_option("title")
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(page.locator("#sort")).to_be_focused()
    first_page = page.locator(RESULT_LINKS).first.inner_text()
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator(".search-pagination__position")).to_have_text(re.compile(r"^Page 2 of \d+$"))
    second = page.locator(RESULT_LINKS).first
    assert second.inner_text() != first_page
    assert page.evaluate("() => window.sameDocument === true"), "the page updated in place, without a reload"

    title = second.inner_text()
    second.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_journey_without_javascript_uses_plain_forms_and_links(search_engine, no_js_page, site):
    tab = no_js_page
    tab.goto("/search/?page_size=1")
    expect(tab.get_by_role("button", name="Apply filters")).to_be_visible()
    expect(tab.get_by_role("button", name="Sort", exact=True)).to_be_visible()
    tab.locator("#q").fill("care")
    tab.get_by_role("button", name="Search", exact=True).click()
    everything = status(tab)

    tick(tab, "theme", THEMES[0])
    tab.get_by_role("button", name="Apply filters").click()
    expect(tab).to_have_url(re.compile(r"theme=rapid-community-response"))
    assert status(tab) != everything
    before = facet_label(tab, "barrier_category", "it-systems")
    tick(tab, "theme", THEMES[1])
    tab.get_by_role("button", name="Apply filters").click()
    expect(tab).to_have_url(re.compile(r"theme=multidisciplinary-teams"))
    two_themes = status(tab)
    assert facet_label(tab, "barrier_category", "it-systems") != before, "counts follow the filters"
    tick(tab, "barrier_category", CATEGORY)
    tab.get_by_role("button", name="Apply filters").click()
    expect(tab.locator("#result-count")).not_to_have_text(two_themes)

    tab.get_by_role("link", name=re.compile(r"^Remove barrier category")).click()
    expect(tab.locator("#result-count")).to_have_text(two_themes)
    expect(tab.get_by_role("link", name=re.compile(r"^Remove "))).to_have_count(2)

    tab.locator("#sort").select_option("title")
    tab.get_by_role("button", name="Sort", exact=True).click()
    expect(tab).to_have_url(re.compile(r"sort=title"))
    tab.get_by_role("link", name="Next page").click()
    expect(tab.locator(".search-pagination__position")).to_have_text(re.compile(r"^Page 2 of \d+$"))
    result = tab.locator(RESULT_LINKS).first
    title = result.inner_text()
    result.click()
    expect(tab.get_by_role("heading", level=1)).to_have_text(title)
