"""The Elasticsearch connection: one client per URL and purpose, short timeouts, no retries of a timeout.

Searches must fail fast when the cluster is away so the database engine can
answer instead; index writes fail fast too and are retried from the queue
(search.indexing.queue); only rebuilds and repairs, run by an operator, wait longer.

ELASTICSEARCH_URL may name several nodes of one cluster, separated by commas:
a request that cannot connect to one node is sent to the next (each node once),
so losing a node loses no search. A node that accepts but does not answer in
time is not retried: that would multiply the wait a reader sees.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

PURPOSES = ("search", "write", "bulk")


def node_urls(url: str) -> list[str]:
    """The nodes ELASTICSEARCH_URL names: one URL, or several separated by commas."""
    return [node.strip() for node in url.split(",") if node.strip()]


@lru_cache(maxsize=12)
def client_for(url: str, timeout: float) -> Elasticsearch:
    nodes = node_urls(url)
    return Elasticsearch(nodes, request_timeout=timeout, max_retries=len(nodes) - 1, retry_on_timeout=False)


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
