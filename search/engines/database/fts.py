"""Matching, scoring, filtering, counting and ordering inside SQLite, over the FTS5 index of sqlite_schema.

Scores as the Python path does: each term found adds 1, 5 more in the title
and 3 more in the summary; the whole query as a phrase adds 8 in the title, 6
in the summary, 5 in the body; every part present adds 4. Only the page's
page ids and scores leave the database; filters, facet counts and
sorts work on a snapshot of every entry's facet values and sort keys, read
again only when the index changes (SQL GROUP BY over 100,000 facet rows was
slower than counting a few thousand pages' values in memory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection

from search.engines.database.sqlite_schema import FACET_TABLE, FTS_TABLE, ORDER_TABLE, STATE_TABLE
from search.facets import FACETS
from search.ranking import reuse_multiplier

TITLE_WEIGHT, SUMMARY_WEIGHT, TEXT_WEIGHT = 5, 3, 1
PHRASE_BONUS = {"title": 8, "summary": 6, "body": 5}
ALL_PARTS_BONUS = 4
BM25_WEIGHTS = f"{TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {TEXT_WEIGHT}, {TEXT_WEIGHT}"  # title, summary, body, names
BM25_SHARE = 0.01


def quoted(text: str) -> str:
    """An FTS5 string: its words as a phrase, every character literal."""
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True)
class FtsQuery:
    """A query as FTS5 phrases: parts (each any of its phrases), how many parts are needed, the whole phrase."""

    parts: tuple[tuple[str, ...], ...]
    required: int
    phrase: str | None

    def matched_sql(self) -> tuple[str, list[Any]]:
        """A SELECT of (page_id, score) for every entry with enough parts."""
        selects, params = [], []
        for number, part in enumerate(self.parts):
            for phrase in part:
                for column, weight in ((None, TEXT_WEIGHT), ("title", TITLE_WEIGHT), ("summary", SUMMARY_WEIGHT)):
                    selects.append(
                        f"SELECT rowid AS page_id, {number} AS part, {weight} AS weight "
                        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
                    )
                    params.append(f"{column} : {phrase}" if column else phrase)
        if self.phrase:
            for column, bonus in PHRASE_BONUS.items():
                selects.append(f"SELECT rowid, NULL, {bonus} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s")
                params.append(f"{column} : {self.phrase}")
        # Ties go to the better BM25 match (rarer words, shorter fields), as in Elasticsearch: scaled to stay
        # below the smallest weight.
        selects.append(
            f"SELECT rowid, NULL, -{BM25_SHARE} * bm25({FTS_TABLE}, {BM25_WEIGHTS}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s"
        )
        params.append(" OR ".join(phrase for part in self.parts for phrase in part))
        all_parts = ALL_PARTS_BONUS if len(self.parts) > 1 else 0
        sql = (
            f"SELECT page_id, sum(weight) + CASE WHEN count(DISTINCT part) = %s THEN {all_parts} ELSE 0 END AS score "
            f"FROM ({' UNION ALL '.join(selects)}) GROUP BY page_id HAVING count(DISTINCT part) >= %s"
        )
        return sql, [len(self.parts), *params, self.required]


def matched(query: FtsQuery) -> dict[int, float]:
    """Score by page id of every entry with enough parts of the query."""
    sql, params = query.matched_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


@dataclass(frozen=True)
class Snapshot:
    """What filtering, counting and ordering need of every entry, read once per version of the index.

    The pages having each facet value, and each page's position in every sort
    but relevance (relevance breaks ties as "newest" does).
    """

    pages: dict[str, dict[str, frozenset[int]]]  # facet name -> value -> pages having it
    positions: dict[str, dict[int, int]]
    reuse: dict[int, int]  # areas that reused each page (pages with none left out): search/ranking.py

    @classmethod
    def load(cls) -> Snapshot:
        by_field = {facet.field: facet.name for facet in FACETS}
        pages: dict[str, dict[str, set[int]]] = {facet.name: {} for facet in FACETS}
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT page_id, published, title, reuse_count FROM {ORDER_TABLE}")
            keys = cursor.fetchall()
            cursor.execute(f"SELECT page_id, field, value FROM {FACET_TABLE}")
            for page_id, field, value in cursor.fetchall():
                pages[by_field[field]].setdefault(value, set()).add(page_id)
        dated = sorted((key for key in keys if key[1]), key=lambda key: key[2])
        undated = sorted((key for key in keys if not key[1]), key=lambda key: key[2])
        newest = sorted(dated, key=lambda key: key[1], reverse=True) + undated
        orders = {
            "newest": newest,
            "oldest": sorted(dated, key=lambda key: key[1]) + undated,
            "title": sorted(newest, key=lambda key: key[2]),
        }
        return cls(
            pages={
                name: {value: frozenset(found) for value, found in by_value.items()} for name, by_value in pages.items()
            },
            positions={sort: {key[0]: position for position, key in enumerate(keys)} for sort, keys in orders.items()},
            reuse={key[0]: key[3] for key in keys if key[3]},
        )

    def all_ids(self) -> list[int]:
        return list(self.positions["newest"])

    def known(self, page_ids: Iterable[int]) -> list[int]:
        """The pages this snapshot holds. A page written after it was read (a publish committing between the
        snapshot and the match) is left out of this one search; the next search reads a new snapshot."""
        positions = self.positions["newest"]
        return [page_id for page_id in page_ids if page_id in positions]

    def ordered(self, page_ids: Iterable[int], sort: str, scores: dict[int, float]) -> list[int]:
        """Relevance: the scores times the reuse multiplier, ties by newest; the other sorts by their keys."""
        if sort == "relevance":
            newest = self.positions["newest"]
            ranked = {page_id: scores[page_id] * reuse_multiplier(self.reuse.get(page_id, 0)) for page_id in page_ids}
            return sorted(ranked, key=lambda page_id: (-ranked[page_id], newest[page_id]))
        return sorted(page_ids, key=self.positions[sort].__getitem__)

    def _passing(self, name: str, wanted: tuple[str, ...]) -> frozenset[int]:
        return frozenset().union(*(self.pages[name].get(value, frozenset()) for value in wanted))

    def _count(self, name: str, page_ids: set[int]) -> Counter[str]:
        """How many of these pages have each value of the facet: set intersections, done in C."""
        found = Counter({value: len(pages.intersection(page_ids)) for value, pages in self.pages[name].items()})
        return +found  # values no page has are left out

    def filter_and_count(
        self, page_ids: list[int], filters: dict[str, tuple[str, ...]]
    ) -> tuple[set[int], dict[str, Counter[str]]]:
        """The pages passing every filter, and each facet counted on the pages passing every filter but its own."""
        passing = {name: self._passing(name, wanted) for name, wanted in filters.items()}
        candidates = set(page_ids)
        passed = candidates.intersection(*passing.values())
        counts = {facet.name: self._count(facet.name, passed) for facet in FACETS if facet.name not in filters}
        for name in filters:
            others = candidates.intersection(*(found for other, found in passing.items() if other != name))
            counts[name] = self._count(name, others)
        return passed, counts


_snapshots: dict[tuple[str, int], Snapshot] = {}


def index_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {STATE_TABLE}")
        return cursor.fetchone()[0]


def snapshot() -> Snapshot:
    """The current snapshot, loaded again after any write to the index."""
    key = (str(connection.settings_dict["NAME"]), index_version())
    found = _snapshots.get(key)
    if found is None:  # another thread may clear the cache meanwhile: keep our own reference
        found = Snapshot.load()
        _snapshots.clear()
        _snapshots[key] = found
    return found


def available() -> bool:
    """Whether this database has the full-text index (SQLite with FTS5, migrated)."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None
