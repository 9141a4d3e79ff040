"""Outage fixtures: the portal talks to the real node through a proxy that can play dead, on short timeouts.

The shared node itself is never stopped or frozen (tests/resilience/faulty_proxy.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from search.engines.base import PRIMARY_COOLDOWN

from .faulty_proxy import FaultyProxy

# Seconds: how long a frozen node holds up the one request that finds it frozen. Production's search
# timeout: shorter ones made a busy CI machine's slow answers look like an outage.
SHORT_TIMEOUT = 2.0


class CooldownClock:
    """The outage cooldown's clock, moved by hand: a test decides when the cooldown has passed, without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pass_cooldown(self) -> None:
        self.now += PRIMARY_COOLDOWN.seconds + 1


@pytest.fixture
def proxy(es_url):
    faulty = FaultyProxy(es_url)
    yield faulty
    faulty.close()


@pytest.fixture
def cooldown_clock(monkeypatch) -> CooldownClock:
    clock = CooldownClock()
    monkeypatch.setattr(PRIMARY_COOLDOWN, "clock", clock)
    return clock


@contextmanager
def writes_given_time(settings) -> Iterator[None]:
    """For the content a test starts from: it goes into the index whole even on a busy machine (a write that
    timed out would wait in the queue); the faults come afterwards, on the short timeouts."""
    short = settings.ELASTICSEARCH_WRITE_TIMEOUT
    settings.ELASTICSEARCH_WRITE_TIMEOUT = 30
    try:
        yield
    finally:
        settings.ELASTICSEARCH_WRITE_TIMEOUT = short


@pytest.fixture
def through_proxy(es_store, proxy, settings, cooldown_clock):
    """The portal on fresh test indices, reached through the proxy (forwarding to begin with), short timeouts.

    The client is cached per URL and timeout (search.engines.elasticsearch.client), so the proxy's own
    address gives the portal its own clients; the fixture's store keeps talking to the node directly.
    """
    settings.ELASTICSEARCH_URL = proxy.url
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = SHORT_TIMEOUT
    settings.ELASTICSEARCH_WRITE_TIMEOUT = SHORT_TIMEOUT
    return es_store
