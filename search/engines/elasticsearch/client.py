"""The Elasticsearch connection: one client per URL and purpose, short timeouts, no retries of a timeout.

Searches must fail fast when the cluster is away so the database engine can
answer instead; index writes fail fast too and are retried from the queue
(search.indexing.queue); only rebuilds and repairs, run by an operator, wait longer.

ELASTICSEARCH_URL may name several nodes of one cluster, separated by commas:
a request that cannot connect to one node is sent to the next (each node once),
so losing a node loses no search. A node that accepts but does not answer in
time is not retried: that would multiply the wait a reader sees.

A cluster with security on (as in the production compose) is reached with basic
auth: the user and password written in the URL (`http://elastic:pw@host:9200`,
percent-encoded; one user for the whole cluster) or, when the URL has none,
ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD. Messages name the cluster by
`display_url`, never with its password.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.serializer import NdjsonSerializer, OrjsonSerializer

PURPOSES = ("search", "write", "bulk")
DEFAULT_USERNAME = "elastic"  # the built-in superuser the official image sets ELASTIC_PASSWORD for
Credentials = tuple[str, str]


def node_urls(url: str) -> list[str]:
    """The nodes ELASTICSEARCH_URL names: one URL, or several separated by commas."""
    return [node.strip() for node in url.split(",") if node.strip()]


def split_credentials(node: str) -> tuple[str, Credentials | None]:
    """A node's URL without its user and password, and those (decoded), if it has them."""
    parts = urlsplit(node)
    if parts.username is None:
        return node, None
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host)), (unquote(parts.username), unquote(parts.password or ""))


def connection(url: str) -> tuple[str, Credentials | None]:
    """The nodes to connect to (no credentials in them), and the basic-auth credentials: the URL's own,
    else the settings', else none."""
    split = [split_credentials(node) for node in node_urls(url)]
    credentials = next((found for _, found in split if found), None)
    if credentials is None:
        password = getattr(settings, "ELASTICSEARCH_PASSWORD", "")
        username = getattr(settings, "ELASTICSEARCH_USERNAME", "") or (DEFAULT_USERNAME if password else "")
        credentials = (username, password) if username else None
    return ",".join(node for node, _ in split), credentials


def display_url(url: str | None = None) -> str:
    """The cluster's address for people to read: no password."""
    url = url if url is not None else settings.ELASTICSEARCH_URL
    return ",".join(split_credentials(node)[0] for node in node_urls(url))


class OrjsonNdjsonSerializer(NdjsonSerializer, OrjsonSerializer):
    """Multi-search and bulk bodies (one JSON document a line): NdjsonSerializer's lines, each written
    and read by OrjsonSerializer's orjson."""


# orjson, as the client's documentation advises for speed: a search's two bodies and its answer (about 50 KB)
# in a quarter of the time the standard library takes, and a rebuild's bulk bodies likewise.
SERIALIZERS = {OrjsonSerializer.mimetype: OrjsonSerializer(), OrjsonNdjsonSerializer.mimetype: OrjsonNdjsonSerializer()}


@lru_cache(maxsize=12)
def client_for(url: str, timeout: float, basic_auth: Credentials | None = None) -> Elasticsearch:
    nodes = node_urls(url)
    return Elasticsearch(
        nodes,
        basic_auth=basic_auth,
        request_timeout=timeout,
        max_retries=len(nodes) - 1,
        retry_on_timeout=False,
        serializers=SERIALIZERS,
    )


def timeout_for(purpose: str) -> float:
    if purpose not in PURPOSES:
        raise ValueError(f"Unknown Elasticsearch client purpose {purpose!r}; expected one of {PURPOSES}")
    return float(getattr(settings, f"ELASTICSEARCH_{purpose.upper()}_TIMEOUT"))


def get_client(url: str | None = None, purpose: str = "search") -> Elasticsearch | None:
    """The configured client for searches, writes or bulk work, or None when no Elasticsearch is configured."""
    url = url if url is not None else settings.ELASTICSEARCH_URL
    if not url:
        return None
    nodes, credentials = connection(url)
    return client_for(nodes, timeout_for(purpose), credentials)
