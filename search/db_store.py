"""Writing the database engine's index (SearchEntry rows), mirroring es_store."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from .es_store import fingerprint
from .indexing import searchable_text
from .models import SearchEntry


def _entry(document: dict[str, Any]) -> SearchEntry:
    published = document.get("published")
    return SearchEntry(
        page_id=document["id"],
        content_type=document["type"],
        title=document["title"][:255],
        text=searchable_text(document),
        published=published,
        document=document,
    )


def upsert(documents: Iterable[dict[str, Any]]) -> None:
    for document in documents:
        entry = _entry(document)
        SearchEntry.objects.update_or_create(
            page_id=entry.page_id,
            defaults={
                field: getattr(entry, field) for field in ("content_type", "title", "text", "published", "document")
            },
        )


def delete(page_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


@transaction.atomic
def rebuild(documents: Iterable[dict[str, Any]], batch_size: int = 500) -> int:
    SearchEntry.objects.all().delete()
    batch: list[SearchEntry] = []
    count = 0
    for document in documents:
        batch.append(_entry(document))
        if len(batch) >= batch_size:
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    return count + len(batch)


def fingerprints() -> dict[str, str]:
    return {
        str(page_id): fingerprint(document)
        for page_id, document in SearchEntry.objects.values_list("page_id", "document")
    }
