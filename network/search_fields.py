"""The reuse fields of index documents: registered with search.extensions, so search never imports this app.

`reuse_count` is the number of areas the public may see that recorded reusing a
case study or workaround (as the page's "Reused by N areas" counts them);
`reused` is the search facet's value, "yes" or "no". Barriers are not reused and
get neither field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count

from casestudies.models import PioneerPage
from casestudies.visibility import visible
from search.facets import NOT_REUSED, REUSED
from search.indexing.documents import INDEXED_MODELS
from search.ranking import REUSE_FIELD

from .models import ReuseRecord
from .reuse import REUSABLE_TYPES

REUSABLE_DOCUMENT_TYPES = frozenset(INDEXED_MODELS[model] for model in REUSABLE_TYPES)


def reuse_fields(pages: Mapping[int, str]) -> dict[int, dict[str, Any]]:
    """For a batch of indexed pages (id -> document type), each reusable page's count and facet value, in one
    query: records grouped by page, counting distinct public areas."""
    reusable = [page_id for page_id, kind in pages.items() if kind in REUSABLE_DOCUMENT_TYPES]
    if not reusable:
        return {}
    public_areas = visible(PioneerPage.objects.all()).values("pk")
    counts = dict(
        ReuseRecord.objects.filter(page_id__in=reusable, area_id__in=public_areas)
        .values("page_id")
        .annotate(areas=Count("area_id", distinct=True))
        .values_list("page_id", "areas")
    )
    return {page_id: fields_for(counts.get(page_id, 0)) for page_id in reusable}


def fields_for(areas: int) -> dict[str, Any]:
    return {REUSE_FIELD: areas, "reused": REUSED if areas else NOT_REUSED}
