"""Scale-out settings on the real node: shard and replica counts come from settings, `search_index ensure`
applies a new replica count to the live indices, and ELASTICSEARCH_URL may list several nodes (a node
that refuses connections is passed over). The three-node loss test is tests/cluster/ (`make test-cluster`)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from search.engines.elasticsearch.client import client_for, get_client, node_urls
from search.engines.elasticsearch.store import IndexStore
from search.request import SearchRequest
from tests.factories import make_case_study, make_pioneer

from .conftest import CLOSED_PORT_URL

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def index_setting(store: IndexStore, name: str) -> dict[str, str]:
    found = store.client.indices.get_settings(index=f"{store.prefix}-*", name=f"index.{name}")
    return {index: body["settings"]["index"][name] for index, body in found.items()}


def test_new_indices_take_their_shard_and_replica_counts_from_settings(es_store, settings):
    settings.ELASTICSEARCH_SHARDS = 2
    settings.ELASTICSEARCH_REPLICAS = 1
    store = IndexStore(es_store.client, f"{es_store.prefix}_scaled")
    try:
        store.ensure()
        assert set(index_setting(store, "number_of_shards").values()) == {"2"}
        assert set(index_setting(store, "number_of_replicas").values()) == {"1"}
        assert len(index_setting(store, "number_of_shards")) == 2  # content and suggestions
    finally:
        store.drop_all()


def test_ensure_gives_the_live_indices_a_new_replica_count_without_a_rebuild(es_store, settings):
    before = {kind: es_store.live_index(kind) for kind in ("content", "suggest")}
    settings.ELASTICSEARCH_REPLICAS = 1
    out = StringIO()

    call_command("search_index", "ensure", "--no-progress", stdout=out, stderr=StringIO())

    assert set(index_setting(es_store, "number_of_replicas").values()) == {"1"}
    assert "replicas 0 -> 1" in out.getvalue()
    assert {kind: es_store.live_index(kind) for kind in before} == before  # the same indices: nothing rebuilt
    assert es_store.apply_replicas() == {}  # applied once; a second ensure has nothing to do


def test_a_node_that_refuses_connections_is_passed_over_for_the_next(es_store, settings, es_url):
    make_case_study(make_pioneer("Scale pioneer"), "Rota for district nurses", summary="One rota for everyone.")
    settings.ELASTICSEARCH_URL = f"{CLOSED_PORT_URL}, {es_url}"
    assert node_urls(settings.ELASTICSEARCH_URL) == [CLOSED_PORT_URL, es_url]

    from search.engines import get_engine

    for _ in range(4):  # round robin: the closed node is picked first at least once
        response = get_engine().search(SearchRequest(q="district nurses"))
        assert response.engine == "elasticsearch" and response.total == 1
    assert len(get_client().transport.node_pool.all()) == 2


def test_one_node_is_never_retried():
    """With one node a failed request fails at once, so the database engine answers without a second wait."""
    assert client_for(CLOSED_PORT_URL, 1.0)._max_retries == 0
    assert client_for(f"{CLOSED_PORT_URL},{CLOSED_PORT_URL}1", 1.0)._max_retries == 1
    assert client_for(f"{CLOSED_PORT_URL},{CLOSED_PORT_URL}1", 1.0)._retry_on_timeout is False
