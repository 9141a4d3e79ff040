import pytest
from django.http import QueryDict

from search.request import InvalidParameter, clean_query_text, parse_search_params


def parse(query: str):
    return parse_search_params(QueryDict(query))


def test_defaults():
    request = parse("")
    assert (request.q, request.filters, request.sort, request.page, request.page_size) == ("", {}, "relevance", 1, 20)


def test_repeated_and_comma_separated_facet_values_are_collected_once():
    request = parse("theme=pooled-budgets&theme=seven-day-services,pooled-budgets&type=barrier")
    assert request.filters == {"type": ("barrier",), "theme": ("pooled-budgets", "seven-day-services")}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=x", "page"),
        ("page=0", "page"),
        ("page_size=101", "page_size"),
        ("page_size=-3", "page_size"),
        ("sort=popular", "sort"),
        ("colour=red", "colour"),
        ("year=twenty", "year"),
        ("reused=maybe", "reused"),
        ("page=600&page_size=20", "page"),
        # Digits other than ASCII pass str.isdigit() (and int() takes some): the index refuses them.
        ("year=２０１５", "year"),
        ("year=²⁰¹⁵", "year"),
        ("page=２", "page"),
        ("page_size=1_0", "page_size"),
        ("page= 3", "page"),
    ],
)
def test_bad_parameters_name_their_field(query, field):
    with pytest.raises(InvalidParameter) as raised:
        parse(query)
    assert raised.value.field == field
    assert raised.value.message


def test_a_closed_facet_names_the_values_it_takes():
    with pytest.raises(InvalidParameter) as raised:
        parse("reused=perhaps")
    assert raised.value.message == "'perhaps' is not a valid reuse (one of: yes, no)."
    assert parse("reused=YES,no").filters == {"reused": ("yes", "no")}


def test_the_last_page_inside_the_result_window_is_allowed():
    assert parse("page=100&page_size=100").offset == 9_900


def test_relevance_without_words_lists_newest_first():
    assert parse("").effective_sort() == "newest"
    assert parse("q=records").effective_sort() == "relevance"
    assert parse("q=records&sort=title").effective_sort() == "title"


def test_query_text_loses_control_characters_and_is_capped():
    assert clean_query_text("shared\x00 records\n\tplease\x7f") == "shared records please"
    long = clean_query_text("word " * 5_000)
    assert len(long.split()) == 32
    assert len(clean_query_text("x" * 10_000)) == 1_000


def test_every_engine_orders_by_exactly_the_sorts_the_request_offers():
    from search.engines.database.engine import ORDERINGS
    from search.engines.elasticsearch.query import SORT_CLAUSES
    from search.request import SORTS

    assert set(ORDERINGS) == set(SORTS) == set(SORT_CLAUSES)
