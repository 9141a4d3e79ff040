"""The Elasticsearch connection: one client per URL and purpose, short timeouts, no retries.

Searches must fail fast when the cluster is away so the database engine can
answer instead; index writes fail fast too and are retried from the queue
(search.indexing.queue); only rebuilds and repairs, run by an operator, wait longer.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

PURPOSES = ("search", "write", "bulk")


@lru_cache(maxsize=12)
def client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def timeout_for(purpose: str) -> float:
    if purpose not in PURPOSES:
        raise ValueError(f"Unknown Elasticsearch client purpose {purpose!r}; expected one of {PURPOSES}")
    return float(getattr(settings, f"ELASTICSEARCH_{purpose.upper()}_TIMEOUT"))


def get_client(url: str | None = None, purpose: str = "search") -> Elasticsearch | None:
    """The configured client for searches, writes or bulk work, or None when no Elasticsearch is configured."""
    url = url if url is not None else settings.ELASTICSEARCH_URL
    if not url:
        return None
    return client_for(url, timeout_for(purpose))
