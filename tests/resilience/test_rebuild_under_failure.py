"""A rebuild that dies partway leaves the old index serving behind the aliases and removes its partial indices.

The rebuild is the operator's command (`search_index rebuild`) on the bulk client, through the faulty
proxy; chunks of two documents make the bulk load several requests, so the fault lands inside it.
(A rebuild while searches run is tests/integration/test_rebuild_and_drift.py's
test_searches_never_fail_or_come_up_short_while_a_rebuild_runs.)
"""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from elastic_transport import ConnectionError as TransportConnectionError

from search.engines.elasticsearch import store as store_module
from search.engines.elasticsearch.store import IndexStore
from tests.factories import make_case_study, make_pioneer

from .conftest import writes_given_time

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def search_logs(caplog):
    """caplog that also sees the "search" loggers (their config stops propagation to the root)."""
    search_logger = logging.getLogger("search")
    search_logger.addHandler(caplog.handler)
    yield caplog
    search_logger.removeHandler(caplog.handler)


@pytest.fixture
def served(through_proxy, monkeypatch, settings):
    """Five published case studies in the live indices; rebuilds load them two to a bulk request."""
    monkeypatch.setattr(store_module, "REBUILD_CHUNK_SIZE", 2)
    with writes_given_time(settings):
        pioneer = make_pioneer("Rebuild Redcar")
        studies = [make_case_study(pioneer, f"Falls clinic {n}", summary="Falls prevention at home.") for n in range(5)]
    store = through_proxy
    return {
        "store": store,
        "ids": {str(study.pk) for study in studies},
        "live": {kind: store.live_index(kind) for kind in ("content", "suggest")},
    }


@pytest.fixture
def aborted(monkeypatch):
    """Each failed rebuild's new indices and what they held (refreshed) when it gave up on them."""
    seen: list[dict] = []
    abort = IndexStore.abort_rebuild

    def looking_first(self, new):
        try:
            self.client.indices.refresh(index=list(new.values()))
            held = {kind: self.client.count(index=name)["count"] for kind, name in new.items()}
        except Exception:  # noqa: BLE001 - the cluster may be gone: that is the point of one test
            held = None
        seen.append({"new": dict(new), "held": held})
        return abort(self, new)

    monkeypatch.setattr(IndexStore, "abort_rebuild", looking_first)
    return seen


def rebuild() -> str:
    out = StringIO()
    call_command("search_index", "rebuild", "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def still_serving(served, es_store) -> None:
    """The aliases name the old indices, which answer with every document."""
    node = es_store.client  # straight to the node, not through the proxy
    for kind, index in served["live"].items():
        assert set(node.indices.get_alias(name=es_store.alias(kind))) == {index}
    assert set(es_store.fingerprints()) == served["ids"]


def test_a_connection_cut_partway_through_the_bulk_load(served, es_store, proxy, aborted, client):
    proxy.reset_request(r"^/_bulk", occurrence=2)  # the second chunk's connection drops; the node stays up

    with pytest.raises(TransportConnectionError):
        rebuild()

    [failed] = aborted
    assert failed["held"]["content"] >= 1  # it died midway: the first chunk was in
    assert not es_store.client.indices.exists(index=list(failed["new"].values()))  # partial indices removed
    still_serving(served, es_store)
    body = client.get("/api/v1/search", {"q": "falls clinic"}).json()
    assert body["engine"] == "elasticsearch" and body["total"] == 5


def test_a_document_source_that_breaks_partway(served, es_store, aborted, monkeypatch):
    load = IndexStore.load

    def breaking_after_three(self, index, kind, items, progress=lambda done: None):
        def items_then_failure():
            for number, item in enumerate(items):
                if number == 3:
                    raise RuntimeError("the page source broke")
                yield item

        return load(self, index, kind, items_then_failure(), progress)

    monkeypatch.setattr(IndexStore, "load", breaking_after_three)

    with pytest.raises(RuntimeError, match="page source broke"):
        rebuild()

    [failed] = aborted
    assert failed["held"]["content"] >= 1
    assert not es_store.client.indices.exists(index=list(failed["new"].values()))
    still_serving(served, es_store)


def test_a_node_killed_partway_keeps_the_old_index_and_the_next_rebuild_clears_what_was_left(
    served, es_store, proxy, aborted, search_logs
):
    proxy.reset_request(r"^/_bulk", occurrence=2, then="refuse")  # killed as the second chunk arrives

    with pytest.raises(TransportConnectionError):
        rebuild()  # the bulk load's own error, not the failed clean-up's

    [failed] = aborted
    partial = list(failed["new"].values())
    assert "next rebuild removes them" in search_logs.text  # it could not reach the node to remove them
    assert all(es_store.client.indices.exists(index=name) for name in partial)  # left behind, not behind aliases
    still_serving(served, es_store)

    proxy.set_mode("forward")  # the node is back: the next rebuild swaps in and removes every other index
    assert "5 documents" in rebuild()
    for kind in ("content", "suggest"):
        assert es_store.versioned_indices(kind) == [es_store.live_index(kind)]
    assert not es_store.client.indices.exists(index=partial)
    assert set(es_store.fingerprints()) == served["ids"]
