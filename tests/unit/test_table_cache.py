"""The small tables every search reads are kept in the process, and forgotten when they change."""

import pytest
from django.test import override_settings

from search.models import SearchSynonym
from search.table_cache import TableCache
from search.vocabulary import SYNONYMS, expand_query, synonym_groups
from themes.models import Theme

pytestmark = pytest.mark.django_db


def counting_cache(name: str, models: tuple[str, ...]) -> tuple[TableCache, list[int]]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return TableCache(name, compute, models), calls


def test_a_value_is_computed_once_then_kept():
    cache, calls = counting_cache("kept", ("search.SearchSynonym",))
    assert [cache.get(), cache.get(), cache.get()] == [1, 1, 1]
    assert len(calls) == 1


def test_saving_or_deleting_a_row_of_its_models_clears_it():
    cache, calls = counting_cache("cleared", ("search.SearchSynonym",))
    cache.get()
    synonym = SearchSynonym.objects.create(terms="BCF, Better Care Fund")
    assert cache.get() == 2
    synonym.delete()
    assert cache.get() == 3


def test_other_models_leave_it_alone():
    cache, calls = counting_cache("untouched", ("search.SearchSynonym",))
    cache.get()
    Theme.objects.create(name="A theme no one searches", slug="a-theme-no-one-searches")
    assert cache.get() == 1


@override_settings(SEARCH_TABLE_CACHE_SECONDS=0)
def test_a_value_older_than_its_lifetime_is_computed_again():
    """What other processes rely on: a change made elsewhere is seen once the lifetime has passed."""
    cache, calls = counting_cache("expiring", ("search.SearchSynonym",))
    assert [cache.get(), cache.get()] == [1, 2]


def test_a_curators_new_synonym_expands_the_next_search():
    assert not expand_query("QOF points").expansions
    SearchSynonym.objects.create(terms="QOF, quality and outcomes framework")
    assert [expansion.alternatives for expansion in expand_query("QOF points").expansions] == [
        ("QOF", "quality and outcomes framework")
    ]


def test_synonym_groups_come_from_the_cache(django_assert_num_queries):
    SYNONYMS.clear()
    with django_assert_num_queries(1):
        synonym_groups()
        synonym_groups()
