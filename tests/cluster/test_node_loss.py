"""Losing one node of three under a search and publish load (`make test-cluster`, not `make test`:
starting three nodes takes longer than the suite's budget allows).

A real three-node loopback cluster (scripts/es-node.sh cluster-start), indices with one replica,
the portal given every node's URL. Searches run in threads and pages are published while one node
is killed with SIGKILL. Then: no search failed or fell back to the database engine, every publish
reached Elasticsearch (queued writes retried until the cluster took them), and the drift check
finds nothing missing, extra or stale.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from search.engines import get_engine
from search.engines.base import PRIMARY_COOLDOWN
from search.engines.elasticsearch.client import get_client
from search.indexing import queue
from search.indexing.maintenance import find_drift
from search.indexing.sync import get_store
from search.request import SearchRequest
from tests.conftest import temporary_indices
from tests.factories import make_case_study, make_pioneer

pytestmark = [pytest.mark.cluster, pytest.mark.elasticsearch, pytest.mark.django_db]
ROOT = Path(__file__).resolve().parents[2]
PORTS = os.environ.get("ES_CLUSTER_PORTS", "9260 9261 9262")
QUERIES = ("shared record", "district nurses", "information governance", "rota", "")


@pytest.fixture(scope="module")
def cluster_urls():
    env = {**os.environ, "ES_CLUSTER_PORTS": PORTS}
    started = subprocess.run(  # noqa: S603 - the project's own script
        [ROOT / "scripts/es-node.sh", "cluster-start"], env=env, capture_output=True, text=True, timeout=600
    )
    assert started.returncode == 0, started.stderr[-3000:]
    yield [line for line in started.stdout.split() if line.startswith("http://")]
    subprocess.run([ROOT / "scripts/es-node.sh", "cluster-stop"], env=env, capture_output=True, timeout=300)  # noqa: S603


def node_pid(url: str) -> int:
    nodes = get_client(url).nodes.info(node_id="_local", metric="process")["nodes"]
    return next(iter(nodes.values()))["process"]["id"]


class Searches(threading.Thread):
    """Searches one after another until stopped, keeping every answer's engine and every error."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.engines: list[str] = []
        self.errors: list[str] = []

    def run(self) -> None:
        number = 0
        while not self.stop.is_set():
            try:
                self.engines.append(get_engine().search(SearchRequest(q=QUERIES[number % len(QUERIES)])).engine)
            except Exception as error:  # noqa: BLE001 - every failure counts
                self.errors.append(repr(error))
            number += 1


def test_losing_one_node_of_three_loses_no_search_and_no_publish(cluster_urls, settings):
    assert len(cluster_urls) == 3
    settings.ELASTICSEARCH_URL = ",".join(cluster_urls)
    settings.ELASTICSEARCH_REPLICAS = 1
    settings.SEARCH_TABLE_CACHE_SECONDS = 3600  # threads read the tables once, from the warm cache
    settings.SEARCH_RETRY_BASE_SECONDS = 0.5
    with temporary_indices(settings.ELASTICSEARCH_URL) as store:
        settings.SEARCH_INDEX_PREFIX = store.prefix
        get_client(purpose="bulk").cluster.health(index=f"{store.prefix}-*", wait_for_status="green", timeout="60s")
        pioneer = make_pioneer("Cluster pioneer")
        published = [make_case_study(pioneer, "Shared record before", summary="A rota for district nurses.")]
        get_engine().search(SearchRequest(q="rota"))  # warms the table cache in this thread

        searches = [Searches() for _ in range(3)]
        for thread in searches:
            thread.start()
        victim = cluster_urls[1]
        for number in range(30):
            if number == 10:
                os.kill(node_pid(victim), signal.SIGKILL)
                before_loss = sum(len(thread.engines) for thread in searches)
            published.append(make_case_study(pioneer, f"Case study {number} after", summary="Information governance."))
            time.sleep(0.1)
        for thread in searches:
            thread.stop.set()
            thread.join(timeout=30)

        deadline = time.monotonic() + 120
        while queue.pending_count() and time.monotonic() < deadline:
            queue.apply_due()
            time.sleep(0.5)
        drift = find_drift(get_store())

    answered = [engine for thread in searches for engine in thread.engines]
    errors = [error for thread in searches for error in thread.errors]
    assert errors == []
    assert set(answered) == {"elasticsearch"} and len(answered) > before_loss  # searches ran after the loss too
    assert not PRIMARY_COOLDOWN.active()
    assert queue.pending_count() == 0
    assert drift.problems == 0, drift.found
    after = len(answered) - before_loss
    print(f"{len(answered)} searches ({after} after the loss), 0 failed; {len(published)} published, 0 lost")
