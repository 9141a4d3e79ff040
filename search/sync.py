"""Keeping both indices right as content changes: the lifecycle's single entry point.

Signal handlers (search/signals.py) call these after the transaction commits.
The database index is always written; Elasticsearch too when configured. An
Elasticsearch failure never fails a publish: it is logged with the page, and
`manage.py search_index check|repair` finds and mends what was missed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from wagtail.models import Page

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage

from . import db_store
from .es_client import get_client
from .es_store import IndexStore
from .indexing import (
    INDEXED_MODELS,
    build_document,
    is_indexable,
    pioneer_suggestion,
    restricted_paths,
    title_suggestion,
    under_any,
)

logger = logging.getLogger(__name__)
_batch = threading.local()


def get_store() -> IndexStore | None:
    client = get_client()
    return IndexStore(client, settings.SEARCH_INDEX_PREFIX) if client else None


def affected_pages(page: Page) -> list[Page]:
    """The page, its indexed descendants, and pages whose documents quote it."""
    page = page.specific
    pages: dict[int, Page] = {page.pk: page}
    for model in INDEXED_MODELS:
        for descendant in model.objects.descendant_of(page):
            pages[descendant.pk] = descendant
    if isinstance(page, BarrierPage):
        for study in CaseStudyPage.objects.ancestor_of(page):
            pages[study.pk] = study
        for workaround in WorkaroundPage.objects.filter(barrier_links__barrier=page):
            pages[workaround.pk] = workaround
    return list(pages.values())


def sync_pages(pages: Iterable[Page]) -> None:
    """Index each page that should be in the index; remove each that should not."""
    restricted = restricted_paths()
    documents: list[dict[str, Any]] = []
    removed: list[int] = []
    suggestions: list[dict[str, Any]] = []
    removed_suggestions: list[str] = []
    for page in pages:
        page = page.specific
        if isinstance(page, PioneerPage):
            pioneer = pioneer_suggestion(page)
            if page.live and not under_any(page, restricted):
                suggestions.append(pioneer)
            else:
                removed_suggestions.append(pioneer["id"])
        if type(page) not in INDEXED_MODELS:
            continue
        document = build_document(page) if is_indexable(page, restricted) else None
        if document:
            documents.append(document)
            suggestions.append(title_suggestion(document))
        else:
            removed.append(page.pk)
            removed_suggestions.append(f"page-{page.pk}")
    db_store.upsert(documents)
    db_store.delete(removed)
    _write_elasticsearch(documents, removed, suggestions, removed_suggestions)


def sync_page(page: Page) -> None:
    pending = getattr(_batch, "page_ids", None)
    if pending is not None:
        pending.add(page.pk)
        return
    sync_pages(affected_pages(page))


@contextmanager
def batched() -> Iterator[None]:
    """Collect page changes and index them once, together, at the end (bulk loads, imports)."""
    if getattr(_batch, "page_ids", None) is not None:  # already batching: the outer block indexes
        yield
        return
    _batch.page_ids = set()
    try:
        yield
    finally:
        page_ids, _batch.page_ids = _batch.page_ids, None
    pages: dict[int, Page] = {}
    for page in Page.objects.filter(pk__in=page_ids):
        pages.update((affected.pk, affected) for affected in affected_pages(page))
    sync_pages(pages.values())


def remove_pages(page_ids: Iterable[int], suggestion_ids: Iterable[str] = ()) -> None:
    page_ids = list(page_ids)
    db_store.delete(page_ids)
    _write_elasticsearch([], page_ids, [], [*suggestion_ids, *(f"page-{pk}" for pk in page_ids)])


def sync_suggestions(entries: Iterable[dict[str, Any]]) -> None:
    _write_elasticsearch([], [], list(entries), [])


def remove_suggestions(suggestion_ids: Iterable[str]) -> None:
    _write_elasticsearch([], [], [], list(suggestion_ids))


def _write_elasticsearch(documents, removed, suggestions, removed_suggestions) -> None:
    store = get_store()
    if store is None:
        return
    try:
        store.apply(documents, removed, suggestions, removed_suggestions)
    except Exception:
        ids = [doc["id"] for doc in documents] + list(removed)
        logger.exception(
            "Could not update Elasticsearch for pages %s; run `manage.py search_index repair` once it is back.", ids
        )
