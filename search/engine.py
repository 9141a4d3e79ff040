"""Which engine answers: Elasticsearch when configured and reachable, else the database.

An outage degrades to the database engine, with a warning in the log and
`"engine": "database"` in the response; users never see an error for it.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from django.conf import settings

from .request import SearchRequest
from .response import Hit, SearchResponse

logger = logging.getLogger(__name__)


class SearchEngine(Protocol):
    name: str

    def search(self, request: SearchRequest) -> SearchResponse: ...

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]: ...

    def related(self, page_id: int, size: int = 5) -> list[Hit]: ...


class EngineUnavailable(Exception):
    """The engine could not answer (cluster down, index missing, timeout)."""


class FallbackEngine:
    """Asks the primary engine; on EngineUnavailable, asks the fallback instead."""

    def __init__(self, primary: SearchEngine, fallback: SearchEngine):
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def _call(self, method: str, *args, **kwargs):
        try:
            return getattr(self.primary, method)(*args, **kwargs)
        except EngineUnavailable as error:
            logger.warning("Search %s fell back to the %s engine: %s", method, self.fallback.name, error)
            return getattr(self.fallback, method)(*args, **kwargs)

    def search(self, request: SearchRequest) -> SearchResponse:
        return self._call("search", request)

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]:
        return self._call("suggest", prefix, size)

    def related(self, page_id: int, size: int = 5) -> list[Hit]:
        return self._call("related", page_id, size)


def get_engine() -> SearchEngine:
    from .db_engine import DatabaseEngine

    if not settings.ELASTICSEARCH_URL:
        return DatabaseEngine()
    from .es_client import get_client
    from .es_engine import ElasticsearchEngine

    return FallbackEngine(ElasticsearchEngine(get_client(), settings.SEARCH_INDEX_PREFIX), DatabaseEngine())
