"""Related content ("similar approaches at other pioneers") for a page's template."""

from __future__ import annotations

import logging

from search.engines import get_engine
from search.indexing.documents import INDEXED_MODELS
from search.response import Hit

logger = logging.getLogger(__name__)


def related_for_page(page, size: int = 5) -> list[Hit]:
    if type(page) not in INDEXED_MODELS or not page.pk:
        return []
    try:
        return get_engine().related(page.pk, size)
    except Exception:
        # Related links are a garnish: a page must render without them.
        logger.exception("Could not find related content for page %s", page.pk)
        return []
