"""The API page: axe-core finds nothing at desktop and phone widths; nothing scrolls sideways on a phone."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_api_page_is_accessible(page, site, assert_accessible, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    response = page.goto("/api/")
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Search API"
    assert page.locator("#example-search code").inner_text().lstrip().startswith("{")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_the_footer_link_reaches_it_by_keyboard(page, site):
    page.goto("/")
    link = page.get_by_role("contentinfo").get_by_role("link", name="Search API")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/api/")
    assert page.title() == "Search API – Pioneer Exchange"
