"""Every content page type, at desktop and 390 px wide: no axe-core WCAG 2.2 A/AA (or best-practice) problem,
no sideways scrolling on a phone, and a full-page screenshot in build/screenshots/ for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_TYPES = {
    "home": lambda site: "/",
    "pioneers": lambda site: "/pioneers/",
    "pioneer": lambda site: site.pioneer.url,
    "case-study": lambda site: site.study.url,
    "barrier": lambda site: site.barrier.url,
    "workaround": lambda site: site.workaround.url,
    "theme": lambda site: "/themes/multidisciplinary-teams/",
    "barrier-category": lambda site: "/barriers/information-governance/",
    "not-found": lambda site: "/no-such-page/",
}
SCREENSHOTS = Path(settings.BASE_DIR) / "build" / "screenshots"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_is_accessible_and_fits_the_screen(page, site, assert_accessible, name, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    path = PAGE_TYPES[name](site)
    response = page.goto(path)
    expected = 404 if name == "not-found" else 200
    assert response is not None and response.status == expected, f"{path}: {response and response.status}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport}.png"), full_page=True)
    assert_accessible(page)
    width = VIEWPORTS[viewport]["width"]
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px: it scrolls sideways"
