"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem, nor any best-practice one, on any page type."""

from __future__ import annotations

import pytest

CONTENT_PAGES = ["home", "pioneers", "pioneer", "case_study", "barrier", "workaround"]


def open_path(page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path}: expected HTTP {status}, got {response.status}"


@pytest.mark.parametrize("name", CONTENT_PAGES)
def test_content_page_is_accessible(page, site, assert_accessible, name):
    path = {
        "home": "/",
        "pioneers": "/pioneers/",
        "pioneer": site.pioneer.url,
        "case_study": site.study.url,
        "barrier": site.barrier.url,
        "workaround": site.workaround.url,
    }[name]
    open_path(page, path)
    assert_accessible(page)


def test_search_results_with_facets_are_accessible(page, assert_accessible):
    open_path(page, "/search/?q=records&pioneer=greenwich")
    assert page.locator(".card-list > li h3 a").count() >= 1
    assert page.locator("#filters-body details fieldset").count() >= 2
    assert page.locator(".selected-filters a").count() == 1
    assert_accessible(page)


def test_search_without_results_is_accessible(page, assert_accessible):
    open_path(page, "/search/?q=zebracrossingquartz")
    assert page.locator(".result-count").inner_text().startswith("No results")
    assert_accessible(page)


def test_search_error_page_is_accessible(page, assert_accessible):
    open_path(page, "/search/?q=records&page=abc", status=400)
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)


def test_not_found_page_is_accessible(page, assert_accessible):
    open_path(page, "/no-such-page/", status=404)
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert_accessible(page)
