"""The NHS design system in a real browser: its stylesheet and script load, the header search works on a
phone, the navigation marks the current section and the breadcrumb becomes a back link."""

from __future__ import annotations

import re

from playwright.sync_api import expect

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {"not_found": 404, "home": 200, "case_study": 200}


def open_page(page, site, name: str, viewport: str) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    path = {"not_found": "/no-such-page/", "home": "/", "case_study": site.study.url}[name]
    response = page.goto(path)
    assert response is not None and response.status == PAGES[name], f"{path}: {response and response.status}"


# axe-core and the no-sideways-scrolling check on every page type, at both widths: test_pages_accessibility.py.


def test_the_design_system_is_loaded_and_started(page, site):
    open_page(page, site, "home", "desktop")
    header = page.locator("header.nhsuk-header")
    expect(header).to_have_css("background-color", "rgb(0, 94, 184)")  # NHS blue: the stylesheet applied
    expect(page.locator("body")).to_have_class(re.compile(r"\bjs-enabled nhsuk-frontend-supported\b"))
    expect(header).to_have_attribute("data-nhsuk-header-init", "")  # the script started its components
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Pioneers")).to_be_visible()


def test_the_header_search_works_on_a_phone(page, site):
    open_page(page, site, "home", "phone")
    search = page.get_by_role("search", name="Site search")
    search.get_by_label("Search the exchange").fill("records")
    search.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the exchange")


def test_the_current_section_is_marked_in_the_navigation(page, site):
    open_page(page, site, "case_study", "desktop")
    current = page.get_by_role("navigation", name="Menu").locator("[aria-current]")
    expect(current).to_have_count(1)
    expect(current).to_have_text("Pioneers")
    expect(current).to_have_attribute("aria-current", "true")


def test_the_breadcrumb_becomes_a_back_link_on_a_phone(page, site):
    open_page(page, site, "case_study", "phone")
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb.get_by_role("link", name="Back to Greenwich")).to_be_visible()
    expect(breadcrumb.locator(".nhsuk-breadcrumb__list")).to_be_hidden()
