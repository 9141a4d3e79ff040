"""Bringing both indices in line with the pages: what to write, and writing it.

Everything here recomputes from the pages as they are now, so applying the
same change twice, late or out of order leaves the indices right. Changes
reach this module through the durable queue (search.indexing.queue); repair and
rebuild (search.indexing.maintenance) call it directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from search.engines.database import store as db_store
from search.indexing.documents import (
    INDEXED_MODELS,
    build_document,
    pioneer_suggestion,
    prime_document_fields,
    suggestion_entries,
    title_suggestion,
    visible_ids,
)

if TYPE_CHECKING:
    from search.engines.elasticsearch.store import IndexStore


@dataclass
class IndexWrites:
    """Documents and suggestion entries to put in, and ids to take out."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    removed_suggestions: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.documents or self.removed or self.suggestions or self.removed_suggestions)

    def add(self, other: IndexWrites) -> None:
        self.documents += other.documents
        self.removed += other.removed
        self.suggestions += other.suggestions
        self.removed_suggestions += other.removed_suggestions


def get_store(purpose: str = "write") -> IndexStore | None:
    """The Elasticsearch store, or None when ELASTICSEARCH_URL is not set (the client is imported only then)."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from search.engines.elasticsearch.client import get_client
    from search.engines.elasticsearch.store import IndexStore

    client = get_client(purpose=purpose)
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


def writes_for_pages(pages: Iterable[Page]) -> IndexWrites:
    """Index each page the public may see; take out each it may not."""
    pages = [page.specific for page in pages]
    public = visible_ids(pages)
    writes = IndexWrites()
    memo: dict = {}  # each case study read once for the batch, the other apps' fields asked once
    prime_document_fields([page for page in pages if page.pk in public], memo)
    for page in pages:
        if isinstance(page, PioneerPage):
            pioneer = pioneer_suggestion(page)
            if page.pk in public:
                writes.suggestions.append(pioneer)
            else:
                writes.removed_suggestions.append(pioneer["id"])
        if type(page) not in INDEXED_MODELS:
            continue
        document = build_document(page, memo) if page.pk in public else None
        if document:
            writes.documents.append(document)
            writes.suggestions.append(title_suggestion(document))
        else:
            writes.removed.append(page.pk)
            writes.removed_suggestions.append(f"page-{page.pk}")
    return writes


def writes_for_page_ids(page_ids: Iterable[int], *, with_affected: bool = False) -> IndexWrites:
    """The writes for these pages as they are now, deleted ones included; with_affected adds the
    pages whose documents depend on them (affected_pages)."""
    page_ids = set(page_ids)
    existing = list(Page.objects.filter(pk__in=page_ids))
    pages: dict[int, Page] = {page.pk: page for page in existing}
    if with_affected:
        for page in existing:
            pages.update((affected.pk, affected) for affected in affected_pages(page))
    writes = writes_for_pages(pages.values())
    writes.add(writes_for_deleted(sorted(page_ids - {page.pk for page in existing})))
    return writes


def writes_for_deleted(page_ids: Iterable[int]) -> IndexWrites:
    """Pages that no longer exist: their documents and any suggestion naming them go."""
    page_ids = list(page_ids)
    removed_suggestions = [f"{prefix}-{pk}" for pk in page_ids for prefix in ("page", "pioneer")]
    return IndexWrites(removed=page_ids, removed_suggestions=removed_suggestions)


def writes_for_suggestions(suggestion_ids: Iterable[str]) -> IndexWrites:
    """Theme and barrier-category entries as they are now: present, renamed or gone."""
    wanted = set(suggestion_ids)
    current = {entry["id"]: entry for entry in suggestion_entries() if entry["id"] in wanted}
    return IndexWrites(suggestions=list(current.values()), removed_suggestions=sorted(wanted - set(current)))


def write_database(writes: IndexWrites) -> None:
    with transaction.atomic():  # one commit for the batch, not one per document
        db_store.upsert(writes.documents)
        db_store.delete(writes.removed)


def write_elasticsearch(writes: IndexWrites, store: IndexStore) -> None:
    """One bulk request per index and one refresh; raises when Elasticsearch cannot take it."""
    store.apply(writes.documents, writes.removed, writes.suggestions, writes.removed_suggestions)
