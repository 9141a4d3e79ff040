"""The search engines: a protocol and fallback (base), and one sub-package per engine.

get_engine() is the one place that picks them: Elasticsearch when
ELASTICSEARCH_URL is set (falling back to the database engine in an outage),
else the database engine alone. The Elasticsearch client is imported only
when it is configured, so the embedded default loads without it.
"""

from __future__ import annotations

from django.conf import settings

from search.engines.base import SearchEngine


def get_engine() -> SearchEngine:
    from search.engines.database.engine import DatabaseEngine

    if not settings.ELASTICSEARCH_URL:
        return DatabaseEngine()
    from search.engines.base import FallbackEngine
    from search.engines.elasticsearch.client import get_client
    from search.engines.elasticsearch.engine import ElasticsearchEngine

    return FallbackEngine(ElasticsearchEngine(get_client(), settings.SEARCH_INDEX_PREFIX), DatabaseEngine())
