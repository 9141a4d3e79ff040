"""axe-core finds no WCAG 2.2 A/AA problem on the search page, with results and without,
at desktop width and on a 390 px phone; a screenshot of each is kept in build/screenshots."""

from __future__ import annotations

import pytest

from tests.browser.search_pages import DESKTOP, PHONE, RESULT_LINKS, screenshot

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
SEARCHES = {
    "results": "/search/?q=care&theme=multidisciplinary-teams",
    "none": "/search/?q=records&pioneer=leeds&barrier_category=information-governance",
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("search", SEARCHES)
def test_search_page_is_accessible(page, site, assert_accessible, search, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    response = page.goto(SEARCHES[search])
    assert response is not None and response.status == 200
    if search == "results":
        assert page.locator(RESULT_LINKS).count() >= 1
        assert page.locator(".selected-filters a").count() == 1
    else:
        assert page.locator("#result-count").inner_text().startswith("No results")
        assert page.locator(".search-none__alternatives a").count() >= 1
    assert_accessible(page)
    shot = screenshot(page, f"search-{search}-{viewport}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_autocomplete_open_is_accessible(page, site, assert_accessible):
    page.goto("/search/")
    page.locator("#q").focus()
    page.keyboard.type("gree")
    page.locator("[role=listbox] [role=option]").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert_accessible(page)
