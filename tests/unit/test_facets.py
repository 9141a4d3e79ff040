import pytest

from search.engines.elasticsearch.query import counts_body
from search.facets import FACETS, Facet
from search.request import SearchRequest
from search.vocabulary import expand_query


def test_facets_are_declared_in_the_contract_order():
    assert [facet.name for facet in FACETS] == [
        "type", "theme", "pioneer", "region", "barrier_category", "care_group", "stage", "year", "tag", "reused",
    ]  # fmt: skip


def test_a_facet_with_choices_takes_only_those_and_labels_them():
    reused = next(facet for facet in FACETS if facet.name == "reused")
    assert reused.normalise(" YES ") == "yes"
    assert reused.normalise("maybe") is None
    assert reused.labels(["no", "yes"]) == {"no": "Not reused yet", "yes": "Reused by other areas"}


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="unknown kind 'histogram'"):
        Facet("x", "X", "x", kind="histogram")


def test_year_values_must_be_four_digits():
    year = next(facet for facet in FACETS if facet.name == "year")
    assert year.normalise(" 2015 ") == "2015"
    assert year.normalise("15") is None
    assert year.normalise("twenty") is None


def test_keyword_values_are_lower_cased_slugs():
    theme = next(facet for facet in FACETS if facet.name == "theme")
    assert theme.normalise(" Pooled-Budgets ") == "pooled-budgets"


def test_year_facet_orders_newest_first_and_others_by_count():
    year = next(facet for facet in FACETS if facet.name == "year")
    theme = next(facet for facet in FACETS if facet.name == "theme")
    assert year.order([("2014", 9), ("2016", 1), ("2015", 3)]) == [("2016", 1), ("2015", 3), ("2014", 9)]
    assert theme.order([("b", 2), ("a", 2), ("c", 5)]) == [("c", 5), ("a", 2), ("b", 2)]


def test_every_declared_facet_becomes_an_aggregation_in_the_elasticsearch_engine():
    aggs = counts_body(SearchRequest(), expand_query("", groups=[]))["aggs"]
    assert list(aggs) == [facet.name for facet in FACETS]  # no filter chosen: every facet counted at the top
    assert aggs["year"] == {"terms": {"field": "year", "size": 100, "order": {"_key": "desc"}}}
