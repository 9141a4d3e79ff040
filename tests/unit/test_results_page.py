"""What the search page says around its results, from a response alone (no engine, no database)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from search.request import SearchRequest
from search.response import SearchResponse
from search.web.results_page import pages, spelling, status_line


def response(total: int, shown: int, **request) -> SearchResponse:
    return SearchResponse(SearchRequest(**request), total, [object()] * shown, [], "database")


def test_page_numbers_keep_first_last_and_neighbours_with_ellipses():
    found = pages(SearchRequest(q="care", page=5, page_size=10), response(95, 10, page=5, page_size=10))
    assert [item.get("ellipsis", False) or item["number"] for item in found.numbers] == [1, True, 4, 5, 6, True, 10]
    assert [item["number"] for item in found.numbers if item.get("current")] == [5]
    assert parse_qs(urlsplit(found.previous).query) == {"q": ["care"], "page_size": ["10"], "page": ["4"]}
    assert parse_qs(urlsplit(found.next).query)["page"] == ["6"]


def test_one_page_has_no_numbers_and_the_first_page_links_without_a_page_parameter():
    assert pages(SearchRequest(q="care"), response(3, 3, q="care")).numbers == []
    second = pages(SearchRequest(q="care", page=2, page_size=2), response(5, 2, q="care", page=2, page_size=2))
    assert "page=" not in second.previous


def test_past_the_end_links_to_the_last_page_only():
    request = SearchRequest(q="IG", page=99)
    found = pages(request, response(16, 0, q="IG", page=99))
    assert found.past_end and found.previous is None and found.next is None and found.numbers == []
    assert found.last_url == "/search/?q=IG"
    line = status_line(response(16, 0, q="IG", page=99), None, True)
    assert line == "No results on page 99: there are 16 results for “IG”"


def test_nothing_found_past_the_first_page_is_not_past_the_end():
    found = pages(SearchRequest(q="zzz", page=3), response(0, 0, q="zzz", page=3))
    assert not found.past_end and found.last_url is None


def test_the_status_line_counts_the_page_shown():
    assert status_line(response(45, 20, q="care", page=2), None, False) == "Showing 21 to 40 of 45 results for “care”"
    assert status_line(response(1, 1), None, False) == "Showing 1 to 1 of 1 result"
    assert status_line(response(0, 0, q="care"), None, False) == "No results for “care”"


def test_a_correction_is_counted_for_the_corrected_words_and_its_link_keeps_filters_and_sort():
    answered = response(3, 3, q="multidisciplinery", filters={"pioneer": ("leeds",)}, sort="newest")
    answered.suggestion = "multidisciplinary"
    answered.corrected_from = "multidisciplinery"
    spelled = spelling(answered)
    assert spelled.results_are_corrected
    assert status_line(answered, spelled, False) == "Showing 1 to 3 of 3 results for “multidisciplinary”"
    assert parse_qs(urlsplit(spelled.url).query) == {
        "q": ["multidisciplinary"],
        "pioneer": ["leeds"],
        "sort": ["newest"],
    }


def test_a_correction_offered_beside_results_for_the_words_typed_is_not_claimed():
    answered = response(3, 3, q="recruitng")
    answered.suggestion = "recruiting"  # the engine found the typed word by fuzzy matching
    spelled = spelling(answered)
    assert not spelled.results_are_corrected
    assert status_line(answered, spelled, False) == "Showing 1 to 3 of 3 results for “recruitng”"


def test_a_correction_that_found_nothing_yet_is_offered_not_claimed():
    answered = response(0, 0, q="zebrra")
    answered.suggestion = "zebra"
    spelled = spelling(answered)
    assert not spelled.results_are_corrected
    assert status_line(answered, spelled, False) == "No results for “zebrra”"
