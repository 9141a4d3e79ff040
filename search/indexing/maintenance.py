"""Whole-index work: rebuild, drift check and repair, for both indices and both kinds of document.

`manage.py search_index` is their command line; the queue (search.indexing.queue)
rebuilds through here when it finds the Elasticsearch index missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from search.engines.base import fingerprint
from search.engines.database import store as db_store
from search.indexing.documents import build_documents, indexable_pages, suggestion_entries, title_suggestion
from search.indexing.queue import latest_change_id, writes_for_rows
from search.indexing.sync import write_database, write_elasticsearch, writes_for_page_ids, writes_for_suggestions
from search.models import IndexChange

if TYPE_CHECKING:  # the Elasticsearch store is passed in, never imported: the embedded default runs without it
    from search.engines.elasticsearch.store import IndexStore

Progress = Callable[[str, int], Callable[[int], None]]  # (what, total) -> advance(by)


def _quiet(_what: str, _total: int) -> Callable[[int], None]:
    return lambda _by: None


def expected_documents(progress: Progress = _quiet) -> list[dict[str, Any]]:
    """Every document the pages call for, built in batches (search.indexing.documents.build_documents)."""
    pages = list(indexable_pages())
    advance = progress("Reading pages", len(pages))

    def counted() -> Iterator[Page]:
        for page in pages:
            yield page
            advance(1)

    return list(build_documents(counted()))


def expected_suggestions(documents: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [title_suggestion(document) for document in documents] + list(suggestion_entries())


@dataclass
class RebuildResult:
    documents: int
    suggestions: int = 0
    replayed: int = 0
    index: str | None = None


def rebuild(store: IndexStore | None, progress: Progress = _quiet) -> RebuildResult:
    """Rebuild both indices; changes that land while it runs are replayed before the swap.

    The new Elasticsearch indices exist before any page is read, so live
    updates reach them; every change recorded after the start is then
    recomputed into both indices, which undoes any older copy the bulk load
    wrote over a newer change (an unpublish, say).
    """
    started_after = latest_change_id()
    new = store.start_rebuild() if store is not None else {}
    try:
        documents = expected_documents(progress)
        db_store.rebuild(documents)
        result = RebuildResult(documents=len(documents))
        if store is not None:
            suggestions = expected_suggestions(documents)
            advance = progress("Loading Elasticsearch", len(documents) + len(suggestions))
            store.load(new["content"], "content", documents, lambda _done: advance(1))
            result.suggestions = store.load(new["suggest"], "suggest", suggestions, lambda _done: advance(1))
        replayed_up_to, result.replayed = _replay_changes_since(started_after, store)
        if store is not None:
            store.finish_rebuild(new, retire_after=settings.SEARCH_REBUILD_RETIRE_SECONDS)
            result.index = new["content"]
    except BaseException:
        if store is not None:
            store.abort_rebuild(new)
        raise
    # Everything recorded up to the replay is in both indices now, whatever the queue had done with it.
    IndexChange.objects.filter(pk__lte=replayed_up_to, applied_at__isnull=True).update(
        applied_at=timezone.now(), last_error=""
    )
    return result


def _replay_changes_since(change_id: int, store: IndexStore | None) -> tuple[int, int]:
    rows = list(IndexChange.objects.filter(pk__gt=change_id))
    if rows:
        writes = writes_for_rows(rows)
        write_database(writes)
        if store is not None and writes:
            write_elasticsearch(writes, store)
    return (rows[-1].pk if rows else change_id), len(rows)


# Drift -------------------------------------------------------------------------------


@dataclass
class Drift:
    """Ids that are missing, extra or stale, per index ("database", "elasticsearch", "suggestions")."""

    found: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def problems(self) -> int:
        return sum(len(ids) for kinds in self.found.values() for ids in kinds.values())

    def ids(self, index: str) -> set[str]:
        return {pk for ids in self.found.get(index, {}).values() for pk in ids}


def _compare(expected: dict[str, str], stored: dict[str, str], key=str) -> dict[str, list[str]]:
    return {
        "missing": sorted(set(expected) - set(stored), key=key),
        "extra": sorted(set(stored) - set(expected), key=key),
        "stale": sorted((pk for pk in expected if pk in stored and stored[pk] != expected[pk]), key=key),
    }


def find_drift(store: IndexStore | None, progress: Progress = _quiet) -> Drift:
    """Compare what the published pages call for with what each index holds."""
    documents = expected_documents(progress)
    expected = {str(document["id"]): fingerprint(document) for document in documents}
    drift = Drift()
    drift.found["database"] = _compare(expected, db_store.fingerprints(), key=int)
    if store is not None:
        drift.found["elasticsearch"] = _compare(expected, store.fingerprints(), key=int)
        suggestions = {entry["id"]: store.suggestion_fingerprint(entry) for entry in expected_suggestions(documents)}
        drift.found["suggestions"] = _compare(suggestions, store.suggestion_fingerprints())
    return drift


def repair(drift: Drift, store: IndexStore | None) -> int:
    """Write what the drift found wrong, from the pages as they are now. Returns how many ids were mended."""
    page_ids = {int(pk) for index in ("database", "elasticsearch") for pk in drift.ids(index)}
    suggestion_ids = drift.ids("suggestions")
    # Title suggestions ("page-<id>") follow their page; pioneers, themes and categories are looked up by id.
    page_ids |= {int(pk.removeprefix("page-")) for pk in suggestion_ids if pk.startswith("page-")}
    writes = writes_for_page_ids(page_ids)
    writes.add(writes_for_suggestions(pk for pk in suggestion_ids if not pk.startswith("page-")))
    write_database(writes)
    if store is not None:
        write_elasticsearch(writes, store)
    return len(page_ids) + len(suggestion_ids)
