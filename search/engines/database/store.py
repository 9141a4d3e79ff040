"""Writing the database engine's index (SearchEntry rows), mirroring the Elasticsearch store."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from search.engines.base import fingerprint
from search.models import SearchEntry


def searchable_text(document: dict[str, Any]) -> str:
    """All words of a document that text search looks at, for the database engine."""
    parts = [
        document.get("title", ""),
        document.get("summary", ""),
        document.get("body", ""),
        document.get("pioneer_name", ""),
        document.get("case_study", ""),
        *document.get("theme_names", []),
        *document.get("barrier_category_names", []),
        *document.get("care_group_names", []),
        *document.get("tag_names", []),
        *document.get("documents", []),
    ]
    return " ".join(part for part in parts if part).lower()


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


UPSERT_FIELDS = ["content_type", "title", "text", "published", "document", "indexed_at"]


def upsert(documents: Iterable[dict[str, Any]]) -> None:
    """Insert or update, by page, in bulk."""
    SearchEntry.objects.bulk_create(
        [_entry(document) for document in documents],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=UPSERT_FIELDS,
    )


def delete(page_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


@transaction.atomic
def rebuild(documents: Iterable[dict[str, Any]]) -> int:
    """Replace every entry in one transaction: searches see the old index or the new, never half."""
    SearchEntry.objects.all().delete()
    return len(SearchEntry.objects.bulk_create([_entry(document) for document in documents], batch_size=500))


def fingerprints() -> dict[str, str]:
    return {
        str(page_id): fingerprint(document)
        for page_id, document in SearchEntry.objects.values_list("page_id", "document")
    }
