"""`GET /healthz`: is the database up, and can Elasticsearch answer? For load balancers and container checks.

The answer is 200 while the database is up, even with Elasticsearch down:
search then runs on the database engine, so the portal still serves. Only a
database outage makes it 503. It must stay cheap and quick under a probe
every few seconds: one `SELECT 1`, and one cluster-health request on the
search client's short timeout, skipped while the search engines already
know the cluster is down (search.engines.base.PRIMARY_COOLDOWN).
"""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

OK, DOWN = "ok", "down"
NOT_CONFIGURED = "not configured"  # no ELASTICSEARCH_URL: the database engine is the search engine, by design
SERVING_STATUSES = {"green", "yellow"}  # yellow: replicas unassigned, every primary shard answers


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return DOWN
    return OK


def elasticsearch_state() -> str:
    """The cluster's state as searches would find it; a failure here spares the next search its timeout."""
    if not settings.ELASTICSEARCH_URL:
        return NOT_CONFIGURED
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from search.engines.base import PRIMARY_COOLDOWN
    from search.engines.elasticsearch.client import get_client

    if PRIMARY_COOLDOWN.active():
        return DOWN  # known down moments ago: do not wait on it again
    try:
        health = get_client(purpose="search").cluster.health()
    except TransportError:  # refused, reset or timed out: searches would fail the same way
        PRIMARY_COOLDOWN.start()
        return DOWN
    except ApiError:
        return DOWN
    return OK if health.get("status") in SERVING_STATUSES else DOWN


@never_cache
@require_safe
def healthz(request):
    """`{"database": "ok"|"down", "elasticsearch": "ok"|"down"|"not configured"}`; 503 when the database is down."""
    states = {"database": database_state(), "elasticsearch": elasticsearch_state()}
    return JsonResponse(states, status=200 if states["database"] == OK else 503)
