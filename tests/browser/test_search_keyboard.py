"""The search page and its autocomplete by keyboard alone, and on a 390 px phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.search_pages import PHONE, RESULT_LINKS

MAX_TABS = 15


def test_the_first_result_is_a_few_tab_presses_from_the_search_box(page, site):
    page.goto("/search/?q=care")
    page.locator("#q").focus()
    first = page.locator(RESULT_LINKS).first
    presses = 0
    while presses < 60:
        page.keyboard.press("Tab")
        presses += 1
        if first.evaluate("link => link === document.activeElement"):
            break
    assert presses < MAX_TABS, f"{presses} Tab presses from the search box to the first result"


def test_skip_to_results_moves_focus_to_the_results(page, site):
    page.goto("/search/?q=care")
    page.locator("#q").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to results")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_be_focused()


def test_on_a_phone_results_come_first_and_filters_sit_behind_a_toggle(page, site):
    page.set_viewport_size(PHONE)
    page.goto("/search/?q=care")
    first = page.locator(RESULT_LINKS).first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], f"first result at {box}"
    theme = page.locator('details[data-facet="theme"] > summary')
    expect(theme).to_be_hidden()
    page.locator("#filters > summary").click()
    expect(theme).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_autocomplete_by_keyboard_alone(page, site):
    page.goto("/")
    box = page.locator("#search-field")
    for _ in range(10):
        page.keyboard.press("Tab")
        if box.evaluate("input => input === document.activeElement"):
            break
    expect(box).to_be_focused()
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    page.keyboard.type("Gree")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_be_visible()
    expect(listbox).to_have_attribute("role", "listbox")
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Greenwich")
    count = options.count()
    live = page.locator(".autocomplete [role=status]").first
    expect(live).to_have_text(re.compile(rf"^{count} suggestions? available"))

    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    expect(options.first).to_have_attribute("aria-selected", "true")
    if count > 1:
        page.keyboard.press("ArrowDown")
        expect(options.nth(1)).to_have_attribute("aria-selected", "true")
        page.keyboard.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")

    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))

    page.keyboard.press("ArrowDown")
    expect(listbox).to_be_visible()
    chosen = options.first.inner_text().splitlines()[0]
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(chosen)


def test_autocomplete_on_the_search_page_box(page, site):
    page.goto("/search/")
    page.locator("#q").focus()
    page.keyboard.type("rapid")
    listbox = page.locator("#" + page.locator("#q").get_attribute("aria-controls"))
    expect(listbox.get_by_role("option").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
