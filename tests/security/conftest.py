"""Security tests: the rate limit, headers, request ids, and the production settings and compose file."""

from __future__ import annotations

import math
import time
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache


@pytest.fixture
def rate_limit(settings, db, monkeypatch):
    """Turns the rate limit on (the test settings leave it off) at a small limit; a fresh count per test.

    The limit's clock stands still one second into a window (the rate limit's own `time` only), so a test's
    requests all fall in one minute however long it runs: a window ending midway used to reset the count.
    """
    from portal.security import ratelimit

    pinned = (math.floor(time.time() / ratelimit.WINDOW_SECONDS) + 1) * ratelimit.WINDOW_SECONDS + 1
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: pinned))

    def turn_on(limit: int, **more) -> None:
        caches["ratelimit"].clear()  # the per-process counters, before any test changes CACHES
        settings.SEARCH_RATE_LIMIT = limit
        for name, value in more.items():
            setattr(settings, name, value)

    yield turn_on
    if isinstance(caches["ratelimit"], LocMemCache):  # a test's database cache table went with its transaction
        caches["ratelimit"].clear()
