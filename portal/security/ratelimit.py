"""How often one client address may search: a fixed one-minute window per address, in Django's cache.

Each limited route costs a number of requests: a search, suggestion, page or feed
is one engine search; a CSV export reads the whole result window a page at a time
(search/web/csv_export.py: up to 100 pages of 100, a search and a document fetch
each, so up to 200 engine calls, and 2 for an export that fits on one page) and
costs EXPORT_COST. Over SEARCH_RATE_LIMIT a minute the answer is 429 with
Retry-After: JSON for the API, the portal's error page otherwise. Other limits
(the reuse form's, per member and hour: network.views) count through
`over_limit` with their own key and window.

The counters live in the "ratelimit" cache (settings): per process unless
configured otherwise, so production keeps them in the database, shared by every
worker. When that cache fails the request goes through (logged): the limit is a
guard against floods, never a reason for the search to fail.
"""

from __future__ import annotations

import logging
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from portal.security.client_address import client_address, rate_limit_key

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 60
CACHE_ALIAS = "ratelimit"
EXPORT_COST = 10
# The limited routes (URL names in search/web/urls.py) and what each request costs.
COSTS = {
    "api-search": 1,
    "api-suggest": 1,
    "search": 1,
    "search-feed": 1,
    "search-export": EXPORT_COST,
}
JSON_ROUTES = frozenset({"api-search", "api-suggest"})
COUNTED_METHODS = frozenset({"GET", "HEAD"})  # OPTIONS searches nothing; other methods get 405


def charge(key: str, cost: int, now: float, seconds: int = WINDOW_SECONDS) -> tuple[int, int]:
    """Add `cost` to this window's count for `key`: the count now, and the seconds until the window ends."""
    window = int(now // seconds)
    cache_key = f"ratelimit:{key}:{seconds}:{window}"
    cache = caches[CACHE_ALIAS]
    # Most requests find their counter: add to it first (adding a key that exists would cost the database
    # cache a failed INSERT). The first of a window adds it, to expire a little after the window it counts.
    try:
        count = cache.incr(cache_key, cost)
    except ValueError:  # no counter yet for this window (or another request adds it meanwhile: count on it)
        added = cache.add(cache_key, cost, timeout=seconds + 5)
        count = cost if added else cache.incr(cache_key, cost)
    return count, max(1, math.ceil((window + 1) * seconds - now))


def over_limit(key: str, limit: int, *, cost: int = 1, seconds: int = WINDOW_SECONDS, what: str = "") -> int | None:
    """Charge `key`; past `limit` in the window, the seconds until it ends, else None. A failing cache lets
    the request through (logged): a limit guards against floods, it is never a reason to fail."""
    try:
        count, retry_after = charge(key, cost, time.time(), seconds)
    except Exception:
        logger.exception("Rate limit not applied: the %r cache failed", CACHE_ALIAS)
        return None
    if count <= limit:
        return None
    if count - cost <= limit:  # logged once a window, not for every refused request of a flood
        logger.warning("Rate limit: %s passed %s in %s seconds%s", key, limit, seconds, what)
    return retry_after


def too_many(request: HttpRequest, route: str, retry_after: int) -> HttpResponse:
    message = f"Too many searches from your address. Try again in {retry_after} seconds."
    if route in JSON_ROUTES:
        response = JsonResponse({"error": message, "retry_after": retry_after}, status=429)
    else:
        response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    """Counts the limited routes' requests per client address; answers 429 past SEARCH_RATE_LIMIT a minute."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        limit = int(settings.SEARCH_RATE_LIMIT)
        match = request.resolver_match
        route = match.url_name if match else None
        if limit <= 0 or route not in COSTS or request.method not in COUNTED_METHODS:
            return None
        address = client_address(request)
        cost = min(COSTS[route], limit)  # a limit below an export's cost still lets one export a minute
        retry_after = over_limit(rate_limit_key(address), limit, cost=cost, what=f" (from {address}, on {route})")
        return None if retry_after is None else too_many(request, route, retry_after)
