"""SQLite's full-text index beside SearchEntry: an FTS5 table, facet values and sort keys, kept by triggers.

Triggers on search_searchentry keep the three tables in step with every write,
whoever makes it (the store's bulk upserts, a rebuild, a page deleted by
cascade), inside the same transaction. Words are stemmed by FTS5's porter
tokenizer, at indexing and at query time alike.

Facet fields are listed here, not read from search.facets, because a
migration applies this SQL: a new facet needs a new migration that calls
`recreate()` (tests/unit/test_db_fts.py fails until then). The order table also
keeps each entry's reuse count, the ranking signal of search/ranking.py.
"""

from __future__ import annotations

from search.ranking import REUSE_FIELD

FTS_TABLE = "search_fts"
FACET_TABLE = "search_entry_facet"
ORDER_TABLE = "search_entry_order"
STATE_TABLE = "search_index_state"  # one row: a random version, new with every write, for caches to key on
FTS_COLUMNS = ("title", "summary", "body", "names")
FACET_FIELDS = (
    "type", "theme", "pioneer", "region", "barrier_category", "care_group", "stage", "year", "tag", "reused",
)  # fmt: skip
NAME_FIELDS = (
    "pioneer_name",
    "case_study",
    "theme_names",
    "barrier_category_names",
    "care_group_names",
    "tag_names",
    "documents",
)


def _text(field: str) -> str:
    return f"coalesce(json_extract(new.document, '$.{field}'), '')"


def _names() -> str:
    values = " UNION ALL ".join(f"SELECT value FROM json_each(new.document, '$.{field}')" for field in NAME_FIELDS)
    return f"(SELECT coalesce(group_concat(value, ' · '), '') FROM ({values}))"


def _facet_inserts() -> str:
    return "".join(
        f"INSERT OR IGNORE INTO {FACET_TABLE} (page_id, field, value) "
        f"SELECT new.page_id, '{field}', CAST(value AS TEXT) FROM json_each(new.document, '$.{field}') "
        f"WHERE value IS NOT NULL AND CAST(value AS TEXT) != '' AND type != 'array' AND type != 'object';\n"
        for field in FACET_FIELDS
    )


BUMP_VERSION = f"UPDATE {STATE_TABLE} SET version = random();\n"


def _insert_body() -> str:
    columns = ", ".join(FTS_COLUMNS)
    texts = ", ".join([_text("title"), _text("summary"), _text("body"), _names()])
    return (
        f"INSERT INTO {FTS_TABLE} (rowid, {columns}) VALUES (new.page_id, {texts});\n"
        f"INSERT INTO {ORDER_TABLE} (page_id, published, title, reuse_count) VALUES (new.page_id, new.published, "
        f"lower(new.title), coalesce(json_extract(new.document, '$.{REUSE_FIELD}'), 0));\n"
        + _facet_inserts()
        + BUMP_VERSION
    )


def _delete_body() -> str:
    return (
        "".join(
            f"DELETE FROM {table} WHERE {key} = old.page_id;\n"
            for table, key in ((FTS_TABLE, "rowid"), (ORDER_TABLE, "page_id"), (FACET_TABLE, "page_id"))
        )
        + BUMP_VERSION
    )


def statements() -> list[str]:
    """Create the tables and triggers, and fill them from the entries already there."""
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(FTS_COLUMNS)}, "
        "tokenize = 'porter unicode61 remove_diacritics 2')",
        f"CREATE TABLE {FACET_TABLE} (page_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, "
        "PRIMARY KEY (page_id, field, value)) WITHOUT ROWID",
        f"CREATE TABLE {ORDER_TABLE} (page_id INTEGER PRIMARY KEY, published TEXT, title TEXT NOT NULL, "
        "reuse_count INTEGER NOT NULL DEFAULT 0)",
        f"CREATE TABLE {STATE_TABLE} (version INTEGER NOT NULL)",
        f"INSERT INTO {STATE_TABLE} (version) VALUES (random())",
        f"CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN\n{_insert_body()}END",
        f"CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN\n"
        f"{_delete_body()}{_insert_body()}END",
        f"CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN\n{_delete_body()}END",
        # Backfill: the update trigger writes each existing entry's rows.
        "UPDATE search_searchentry SET page_id = page_id",
    ]


def drop_statements() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS search_entry_fts_{event}" for event in ("insert", "update", "delete")),
        f"DROP TABLE IF EXISTS {FTS_TABLE}",
        f"DROP TABLE IF EXISTS {FACET_TABLE}",
        f"DROP TABLE IF EXISTS {ORDER_TABLE}",
        f"DROP TABLE IF EXISTS {STATE_TABLE}",
    ]


def fts5_available(connection) -> bool:
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def create(apps, schema_editor) -> None:
    if fts5_available(schema_editor.connection):
        for statement in statements():
            schema_editor.execute(statement, params=None)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for statement in drop_statements():
            schema_editor.execute(statement, params=None)


def recreate(apps, schema_editor) -> None:
    """Drop and create again with this module's definition, filled from the entries (a facet or column added)."""
    drop(apps, schema_editor)
    create(apps, schema_editor)
