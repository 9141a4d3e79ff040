"""SQLite's full-text index for the database engine: kept in step with SearchEntry, queried as built."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from wagtail.models import Page

from search.engines.database import fts, sqlite_schema, store
from search.engines.database.engine import DatabaseEngine, parse_text
from search.facets import FACETS
from search.request import SearchRequest


def document(page_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": page_id,
        "type": "case_study",
        "url": f"/case-studies/{page_id}/",
        "title": "Joint procurement of community services",
        "summary": "Councils procured together.",
        "body": "One contract for three boroughs.",
        "theme": ["pooled-budgets"],
        "theme_names": ["Pooled budgets"],
        "pioneer": "north-town",
        "pioneer_name": "North Town",
        "year": 2016,
        "published": "2016-04-01",
        **fields,
    }


@pytest.fixture
def page_ids(db) -> list[int]:
    root = Page.get_first_root_node()
    return [root.add_child(instance=Page(title=f"Page {n}", slug=f"fts-{n}")).pk for n in range(3)]


class StatementRunner:
    """What the migration's functions use of a schema editor: its connection, and running a statement."""

    connection = connection

    def execute(self, sql: str, params=None) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def fts_rows(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY 1, 2")  # noqa: S608 - a constant table name
        return cursor.fetchall()


def found(q: str, **filters: tuple[str, ...]) -> list[int]:
    return [hit.id for hit in DatabaseEngine().search(SearchRequest(q=q, filters=filters)).results]


def test_every_declared_facet_has_its_values_indexed():
    # A facet added to search.facets needs a migration that indexes its field.
    assert set(sqlite_schema.FACET_FIELDS) == {facet.field for facet in FACETS}


def test_the_test_database_has_the_full_text_index(db):
    assert fts.available()


def test_a_written_entry_is_indexed_with_its_facet_values_and_sort_keys(page_ids):
    store.upsert([document(page_ids[0])])
    (row,) = fts_rows(sqlite_schema.FTS_TABLE)
    assert row[0] == "Joint procurement of community services"
    assert "North Town" in row[3] and "Pooled budgets" in row[3]
    assert (page_ids[0], "theme", "pooled-budgets") in fts_rows(sqlite_schema.FACET_TABLE)
    assert (page_ids[0], "year", "2016") in fts_rows(sqlite_schema.FACET_TABLE)
    assert fts_rows(sqlite_schema.ORDER_TABLE) == [
        (page_ids[0], "2016-04-01", "joint procurement of community services", 0)
    ]


def test_the_reuse_facet_and_count_are_indexed(page_ids):
    store.upsert([document(page_ids[0], reused="yes", reuse_count=3), document(page_ids[1], type="barrier")])
    assert (page_ids[0], "reused", "yes") in fts_rows(sqlite_schema.FACET_TABLE)
    assert [row for row in fts_rows(sqlite_schema.FACET_TABLE) if row[0] == page_ids[1] and row[1] == "reused"] == []
    assert [(row[0], row[3]) for row in fts_rows(sqlite_schema.ORDER_TABLE)] == [(page_ids[0], 3), (page_ids[1], 0)]
    assert fts.snapshot().reuse == {page_ids[0]: 3}
    assert found("", reused=("yes",)) == [page_ids[0]]


def test_stemming_meets_other_forms_of_a_word(page_ids):
    store.upsert([document(page_ids[0])])
    assert found("procure") == [page_ids[0]]
    assert found("procuring boroughs") == [page_ids[0]]


def test_an_edited_entry_is_found_by_its_new_words_only(page_ids):
    store.upsert([document(page_ids[0])])
    store.upsert([document(page_ids[0], title="Shared care records", summary="One record.", theme=["shared-records"])])
    assert found("procurement") == []
    assert found("records") == [page_ids[0]]
    assert found("", theme=("pooled-budgets",)) == []
    assert found("", theme=("shared-records",)) == [page_ids[0]]
    assert len(fts_rows(sqlite_schema.FTS_TABLE)) == 1


def test_an_unpublished_or_deleted_entry_leaves_nothing_behind(page_ids):
    store.upsert([document(page_ids[0]), document(page_ids[1])])
    store.delete([page_ids[0]])
    Page.objects.get(pk=page_ids[1]).delete()  # the entry goes by cascade
    assert found("procurement") == []
    for table in (sqlite_schema.FTS_TABLE, sqlite_schema.FACET_TABLE, sqlite_schema.ORDER_TABLE):
        assert fts_rows(table) == []


def test_a_rebuild_replaces_the_whole_index(page_ids):
    store.upsert([document(page_ids[0]), document(page_ids[1])])
    store.rebuild([document(page_ids[2], title="Hospital discharge", summary="Home sooner.")])
    assert [row[0] for row in fts_rows(sqlite_schema.ORDER_TABLE)] == [page_ids[2]]
    assert found("discharge") == [page_ids[2]]
    assert found("procurement") == []


def test_the_migration_fills_the_index_from_entries_already_there(page_ids):
    store.upsert([document(page_ids[0]), document(page_ids[1], title="Hospital discharge")])
    editor = StatementRunner()  # SQLite's schema editor refuses to run inside the test's transaction
    sqlite_schema.recreate(None, editor)
    assert len(fts_rows(sqlite_schema.FTS_TABLE)) == 2
    assert found("discharge") == [page_ids[1]]


def test_words_become_quoted_fts_phrases_so_no_character_is_an_operator():
    assert fts.quoted('say "NOT" AND*') == '"say ""NOT"" AND*"'


def test_a_query_matches_any_column_and_weights_title_and_summary(db):
    query = parse_text("procurement").fts
    sql, params = query.matched_sql()
    assert params == [1, '"procurement"', 'title : "procurement"', 'summary : "procurement"', '"procurement"', 1]
    assert sql.count("MATCH") == 4  # the last for BM25, which breaks ties


def test_the_whole_phrase_is_looked_for_in_title_summary_and_body(db):
    query = parse_text("joint procurement").fts
    assert query.phrase == '"joint procurement"'
    _sql, params = query.matched_sql()
    assert params[-5:-2] == [
        'title : "joint procurement"',
        'summary : "joint procurement"',
        'body : "joint procurement"',
    ]
    assert query.required == 2


@pytest.mark.parametrize(
    ("q", "filters", "sort"),
    [
        ("", {}, "relevance"),
        ("procurement services", {}, "relevance"),
        # Both titles hit and tie on the weights: BM25 puts the shorter entry first in both paths, though it
        # is undated (without bm25.py the Python path put the dated one first, as "newest" breaks ties).
        ("hospital", {}, "relevance"),
        ("hospital", {"theme": ("shared-records",)}, "title"),
        ("", {"theme": ("pooled-budgets",), "type": ("barrier",)}, "oldest"),
    ],
)
def test_other_databases_search_without_the_index_and_agree(page_ids, monkeypatch, q, filters, sort):
    store.upsert(
        [
            document(page_ids[0]),
            document(page_ids[1], type="barrier", title="Hospital procurement rules", theme=["shared-records"]),
            document(page_ids[2], title="Hospital discharge", summary="Home sooner.", published=None, year=None),
        ]
    )
    request = SearchRequest(q=q, filters=filters, sort=sort)
    in_sqlite = DatabaseEngine().search(request)
    monkeypatch.setattr(fts, "available", lambda: False)  # as on PostgreSQL: the Python path answers
    elsewhere = DatabaseEngine().search(request)
    assert [hit.id for hit in in_sqlite.results] == [hit.id for hit in elsewhere.results]
    assert in_sqlite.total == elsewhere.total
    assert in_sqlite.facets == elsewhere.facets
