"""Security tests: the rate limit, headers, request ids, and the production settings and compose file."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache


@pytest.fixture
def rate_limit(settings, db):
    """Turns the rate limit on (the test settings leave it off) at a small limit; a fresh count per test."""

    def turn_on(limit: int, **more) -> None:
        caches["ratelimit"].clear()  # the per-process counters, before any test changes CACHES
        settings.SEARCH_RATE_LIMIT = limit
        for name, value in more.items():
            setattr(settings, name, value)

    yield turn_on
    if isinstance(caches["ratelimit"], LocMemCache):  # a test's database cache table went with its transaction
        caches["ratelimit"].clear()
