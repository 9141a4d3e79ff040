"""What a person does with the portal: search from the header, narrow with a facet, open a
result, and get past the header by keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import expect

RESULT_LINKS = ".results .card-list > li h3 a"


def result_count(page) -> str:
    return page.locator(".result-count").inner_text().strip()


def test_header_search_shows_results(page, site):
    page.goto("/")
    page.get_by_role("search", name="Site search").get_by_label("Search the exchange").fill("records")
    page.get_by_role("search", name="Site search").get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=records$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the exchange")
    expect(page.locator(".result-count")).to_contain_text("for “records”")
    titles = page.locator(RESULT_LINKS).all_inner_texts()
    assert site.barrier.title in titles
    assert "Care records on different IT systems" in titles
    expect(page.locator("#q")).to_have_value("records")


def test_ticking_a_facet_narrows_the_results(page, site):
    page.goto("/search/")
    before = result_count(page)
    assert before == "Showing 1 to 5 of 5 results", before

    page.locator('details[data-facet="pioneer"] > summary').click()  # facet groups are folded
    page.get_by_role("group", name="Pioneer").get_by_label(re.compile(r"^Leeds")).check()  # applies at once

    expect(page).to_have_url(re.compile(r"[?&]pioneer=leeds"))
    expect(page.locator(".result-count")).to_have_text("Showing 1 to 2 of 2 results")
    chip = page.get_by_role("link", name="Remove pioneer: Leeds")
    expect(chip).to_be_visible()
    expect(page.get_by_role("group", name="Pioneer").get_by_label(re.compile(r"^Leeds"))).to_be_checked()
    assert set(page.locator(RESULT_LINKS).all_inner_texts()) == {
        site.other_study.title,
        "Care records on different IT systems",
    }

    chip.click()
    expect(page.locator(".result-count")).to_have_text(before)
    expect(page.get_by_role("link", name=re.compile(r"^Remove "))).to_have_count(0)


def test_following_a_result_opens_its_page(page, site):
    page.goto("/search/?q=agreement")
    page.get_by_role("link", name=site.workaround.title).click()

    expect(page).to_have_url(re.compile(re.escape(site.workaround.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(site.workaround.title)
    expect(page.get_by_role("link", name=site.barrier.title)).to_be_visible()


def test_skip_link_is_first_and_moves_focus_to_main(page, site):
    page.goto(site.study.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, f"the focused skip link is off screen: {box}"

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert focused_in_main, "Tab after the skip link should reach the first link inside main"


def test_search_page_screenshot(page, site, tmp_path):
    page.goto("/search/?q=records")
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    shot = tmp_path / "search-results.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000, f"the screenshot is only {len(data)} bytes"
