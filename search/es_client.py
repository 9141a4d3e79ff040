"""The Elasticsearch connection: one client per URL, short timeouts, no retries.

Searches must fail fast when the cluster is away so the database engine can
answer instead.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch


@lru_cache(maxsize=4)
def client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client(url: str | None = None) -> Elasticsearch | None:
    """The configured client, or None when no Elasticsearch is configured."""
    url = url if url is not None else settings.ELASTICSEARCH_URL
    if not url:
        return None
    return client_for(url, settings.ELASTICSEARCH_TIMEOUT)
