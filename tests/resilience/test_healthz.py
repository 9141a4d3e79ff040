"""`GET /healthz`: the database and Elasticsearch each "ok" or "down" (or "not configured"), 200 unless the
database is down, never cached, and quick when Elasticsearch is frozen: a cluster known to be down is
reported without being asked again."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from search.engines.base import PRIMARY_COOLDOWN

pytestmark = pytest.mark.django_db


def healthz(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.json()


@pytest.mark.elasticsearch
def test_both_up_is_200_and_never_cached_and_only_reads(client, through_proxy):
    assert healthz(client) == (200, {"database": "ok", "elasticsearch": "ok"})
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_without_elasticsearch_configured_it_says_so(client, settings):
    settings.ELASTICSEARCH_URL = ""  # the database engine is the search engine, by design: not an outage
    assert healthz(client) == (200, {"database": "ok", "elasticsearch": "not configured"})


@pytest.mark.elasticsearch
def test_a_killed_cluster_is_down_and_searches_learn_it_from_the_check(client, through_proxy, proxy):
    proxy.set_mode("refuse")

    assert healthz(client) == (200, {"database": "ok", "elasticsearch": "down"})  # the portal still serves

    assert PRIMARY_COOLDOWN.active()  # the next search goes straight to the database engine
    assert client.get("/api/v1/search", {"q": "falls"}).json()["engine"] == "database"


@pytest.mark.elasticsearch
def test_a_frozen_cluster_holds_up_one_check_for_the_short_timeout_then_none(
    client, through_proxy, proxy, cooldown_clock
):
    proxy.set_mode("freeze")

    assert healthz(client)[1]["elasticsearch"] == "down"  # waited for the search client's short timeout
    assert proxy.requests["freeze"] == 1
    for _ in range(3):
        assert healthz(client)[1]["elasticsearch"] == "down"
    assert client.get("/api/v1/search", {"q": "falls"}).json()["engine"] == "database"
    assert proxy.requests["freeze"] == 1  # neither the checks nor the search asked the frozen node again

    proxy.set_mode("forward")
    cooldown_clock.pass_cooldown()
    assert healthz(client) == (200, {"database": "ok", "elasticsearch": "ok"})


def test_a_database_outage_is_503(client, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = ""

    def unreachable():
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    assert healthz(client) == (503, {"database": "down", "elasticsearch": "not configured"})
