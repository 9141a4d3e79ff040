"""Browsing as a commissioner would, by keyboard: a search box as wide as the page, ways in by theme and
barrier category that show where focus is, and statuses said in words, not colour alone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

FOCUS_YELLOW = "rgb(255, 235, 59)"  # the design system's focus highlight


def test_the_home_search_box_spans_the_page(page, site):
    page.goto("/")
    box = page.get_by_label("What are you trying to do?").bounding_box()
    main = page.locator("main").bounding_box()
    assert box is not None and main is not None
    assert box["width"] >= 0.75 * main["width"], f"the search box is {box['width']}px of {main['width']}px"


def test_the_search_box_on_the_home_page_searches(page, site):
    page.goto("/")
    page.get_by_label("What are you trying to do?").fill("records")
    page.locator(".home-search").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=records$"))


def tab_to(page, name: str, limit: int = 60) -> None:
    """Press Tab until the link called `name` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{limit} presses of Tab never reached {name!r}")


def test_by_keyboard_from_home_to_a_barrier_category_with_visible_focus(page, site):
    page.goto("/")
    tab_to(page, "Information governance and data sharing")
    focused = page.locator(":focus")
    expect(focused).to_have_css("background-color", FOCUS_YELLOW)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/barriers/information-governance/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Information governance and data sharing")
    tab_to(page, site.workaround.title)
    expect(page.locator(":focus")).to_have_css("background-color", FOCUS_YELLOW)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(site.workaround.title)


def test_every_status_tag_says_its_status_in_words(page, site):
    for path in ["/barriers/information-governance/", site.study.url, site.barrier.url, site.workaround.url]:
        page.goto(path)
        tags = page.locator(".nhsuk-tag")
        assert tags.count() >= 1, f"no status tag on {path}"
        for text in tags.all_inner_texts():
            assert len(text.strip()) > 3, f"a tag on {path} has no words: {text!r}"


def test_a_long_permalink_wraps_on_a_phone(page, site):
    """A real site's address is longer than the test server's: the permalink must wrap, not push the page wide."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.workaround.url)
    permalink = page.locator("a.permalink")
    long_address = "https://pioneer-exchange.integrated-care.example.nhs.uk/workarounds/1234567/"
    permalink.evaluate("(link, text) => { link.textContent = text; }", long_address)
    box = permalink.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 390, f"the workaround page is {scroll_width}px wide at 390px"
