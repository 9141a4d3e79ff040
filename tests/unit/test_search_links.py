from urllib.parse import parse_qsl

from search.request import SearchRequest
from search.web.results_page import query_string as _query_string


def test_links_keep_the_words_filters_sort_and_page_size_and_leave_out_defaults():
    request = SearchRequest(q="shared records", filters={"theme": ("a", "b")}, sort="newest", page=3, page_size=50)
    assert parse_qsl(_query_string(request, page=4)) == [
        ("q", "shared records"), ("theme", "a"), ("theme", "b"), ("sort", "newest"), ("page_size", "50"), ("page", "4"),
    ]  # fmt: skip
    assert _query_string(SearchRequest()) == ""
