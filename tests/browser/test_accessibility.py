"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem, nor any best-practice one, on the search pages."""

from __future__ import annotations

# The content page types (home, pioneers, pioneer, case study, barrier, workaround, theme, barrier category,
# 404), at desktop and phone widths: test_pages_accessibility.py.


def open_path(page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path}: expected HTTP {status}, got {response.status}"


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
