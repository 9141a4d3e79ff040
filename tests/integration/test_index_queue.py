"""The durable queue of index changes: nothing lost in an outage, drift back to 0 by itself.

Elasticsearch is "down" while the portal points at a closed port, and "frozen"
while it points at a socket that accepts and never answers.
"""

from __future__ import annotations

import socket
import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from casestudies.models import CaseStudyPage
from search.engines.base import PRIMARY_COOLDOWN
from search.indexing import queue as index_queue
from search.indexing.tasks import apply_index_changes
from search.models import IndexChange
from tests.factories import committed, make_barrier, make_case_study, make_pioneer

from .conftest import CLOSED_PORT_URL, db_documents, es_hits, es_ids

pytestmark = [pytest.mark.elasticsearch]


def check_output() -> str:
    out = StringIO()
    call_command("search_index", "check", "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def waiting() -> list[IndexChange]:
    return list(IndexChange.objects.filter(applied_at__isnull=True))


def retry_now() -> None:
    """What the deferred task or the timer does once the backoff has passed."""
    IndexChange.objects.update(next_attempt_at=None)
    PRIMARY_COOLDOWN.clear()
    apply_index_changes.enqueue()


@pytest.mark.django_db
def test_unpublishing_and_publishing_in_an_outage_reach_every_surface_once_it_ends(
    client, es_url, es_store, es_engine, settings
):
    pioneer = make_pioneer("Queue Quorn")
    withdrawn = make_case_study(
        pioneer, "Falls clinics in village halls", themes=("prevention-and-early-intervention",)
    )
    kept = make_case_study(pioneer, "Falls sensors in sheltered housing")
    assert es_ids(es_store) == {withdrawn.pk, kept.pk}

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    with committed():
        withdrawn.unpublish()
    added = make_case_study(pioneer, "Falls response vans at weekends")
    assert set(db_documents()) == {kept.pk, added.pk}  # the database index is right at once
    assert len(waiting()) >= 2 and all(row.attempts == 1 and row.last_error for row in waiting())

    settings.ELASTICSEARCH_URL = es_url
    assert es_ids(es_store) == {withdrawn.pk, kept.pk}  # nothing applied yet: stale
    retry_now()

    assert waiting() == []
    assert es_ids(es_store) == {kept.pk, added.pk}
    assert set(es_hits(es_engine, "falls")) == {kept.pk, added.pk}
    body = client.get("/api/v1/search", {"q": "falls"}).json()
    assert body["engine"] == "elasticsearch" and {r["id"] for r in body["results"]} == {kept.pk, added.pk}
    for url in ("/search/feed/", "/search/export.csv", "/search/?q=falls"):
        text = client.get(url).getvalue().decode()  # the CSV export is streamed
        assert "village halls" not in text, url
        assert "weekends" in text, url
    assert "match" in check_output()


@pytest.mark.django_db
def test_a_retry_during_the_outage_keeps_the_changes_and_backs_off(es_url, es_store, settings):
    pioneer = make_pioneer("Queue Quedgeley")
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    study = make_case_study(pioneer, "Shared care plans")
    first = {row.pk: row.next_attempt_at for row in waiting()}

    retry_now()  # the cluster is still away

    rows = waiting()
    assert {row.pk for row in rows} == set(first)
    assert all(row.attempts == 2 for row in rows)
    assert index_queue.retry_delay(1) < index_queue.retry_delay(2) < index_queue.retry_delay(3)
    assert index_queue.retry_delay(50) == settings.SEARCH_RETRY_MAX_SECONDS
    settings.ELASTICSEARCH_URL = es_url
    retry_now()
    assert study.pk in es_ids(es_store) and waiting() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_queue_worker_retries_until_the_cluster_is_back_with_no_one_running_repair(es_url, es_store, settings):
    """Production's shape: the database task backend and `manage.py db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_RETRY_BASE_SECONDS = 0.3
    pioneer = make_pioneer("Queue Quainton")  # queued; the worker has not run yet
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    before = make_case_study(pioneer, "Integrated therapy teams")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert es_ids(es_store) == {before.pk}

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    study = make_case_study(pioneer, "Therapy at home after discharge")
    barrier = make_barrier(study, "Therapists' rotas were set by each trust")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)  # fails, defers a retry
    assert waiting()
    retries = DBTaskResult.objects.filter(status="READY", run_after__isnull=False)
    assert retries.exists()  # a retry is queued for later, not lost

    settings.ELASTICSEARCH_URL = es_url  # the cluster is back
    PRIMARY_COOLDOWN.clear()
    deadline = time.monotonic() + 30
    while waiting() and time.monotonic() < deadline:
        time.sleep(0.4)  # let the backoff pass, then let the worker take its due tasks
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert waiting() == []
    assert es_ids(es_store) == {before.pk, study.pk, barrier.pk}
    assert "match" in check_output()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_worker_the_web_process_retries_on_a_timer(es_url, es_store, settings):
    """`make run`'s shape: the immediate backend, and a retry timer in the process."""
    settings.SEARCH_RETRY_IN_PROCESS = True
    settings.SEARCH_RETRY_BASE_SECONDS = 0.3
    pioneer = make_pioneer("Queue Quatt")
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    study = make_case_study(pioneer, "Care navigators in every practice")
    assert waiting()

    settings.ELASTICSEARCH_URL = es_url
    PRIMARY_COOLDOWN.clear()
    deadline = time.monotonic() + 30
    while waiting() and time.monotonic() < deadline:
        time.sleep(0.2)  # nobody calls anything: the timer's thread applies the queue

    assert waiting() == []
    assert study.pk in es_ids(es_store)


@pytest.mark.django_db
def test_a_change_is_recorded_in_the_same_transaction_as_the_page(es_store):
    pioneer = make_pioneer("Queue Quarndon")
    before = IndexChange.objects.count()
    with committed() as callbacks:
        study = make_case_study(pioneer, "Recorded with the page", live=True)
        assert IndexChange.objects.filter(kind=IndexChange.PAGE, key=str(study.pk)).exists()
    assert callbacks  # applying waits for the commit
    assert IndexChange.objects.count() > before


class FrozenCluster:
    """A socket that accepts connections and never answers: a hung node."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def frozen():
    cluster = FrozenCluster()
    yield cluster
    cluster.close()


@pytest.mark.django_db
def test_a_frozen_cluster_falls_back_and_queues_writes_on_their_own_short_timeouts(
    client, es_url, es_store, settings, frozen
):
    from search.engines.elasticsearch.client import get_client

    pioneer = make_pioneer("Queue Quy")
    study = make_case_study(pioneer, "Frailty hubs in the community")
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = 0.5
    settings.ELASTICSEARCH_WRITE_TIMEOUT = 0.7
    settings.ELASTICSEARCH_URL = frozen.url
    assert get_client(purpose="search")._request_timeout == 0.5
    assert get_client(purpose="write")._request_timeout == 0.7

    body = client.get("/api/v1/search", {"q": "frailty hubs"}).json()
    assert body["engine"] == "database" and [r["id"] for r in body["results"]] == [study.pk]
    added = make_case_study(pioneer, "Frailty hubs at weekends")  # the publish itself succeeds
    assert added.live and added.pk in db_documents()
    assert {int(row.key) for row in waiting()} >= {added.pk}

    settings.ELASTICSEARCH_URL = es_url
    retry_now()
    assert es_ids(es_store) == {study.pk, added.pk}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_web_process_takes_up_what_an_earlier_one_left_queued(es_url, es_store, settings):
    from search.apps import _take_up_queue

    pioneer = make_pioneer("Queue Quarrington")
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    study = make_case_study(pioneer, "Discharge to assess beds")  # queued; that process then stopped
    assert waiting()

    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_RETRY_IN_PROCESS = True
    PRIMARY_COOLDOWN.clear()
    IndexChange.objects.update(next_attempt_at=None)
    _take_up_queue()  # the new process's first request: returns at once, applies in the background
    deadline = time.monotonic() + 30
    while waiting() and time.monotonic() < deadline:
        time.sleep(0.2)

    assert waiting() == []
    assert study.pk in es_ids(es_store)


@pytest.mark.django_db
def test_one_transaction_asks_the_worker_for_one_task_however_many_changes_it_records(es_store, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    pioneer = make_pioneer("Queue Quenington")
    DBTaskResult.objects.all().delete()
    with committed():  # one transaction: three publishes, each recording its change
        for number in range(3):
            page = CaseStudyPage(title=f"Batch study {number}", summary="A study.", narrative="What they did.")
            pioneer.add_child(instance=page)
            page.save_revision().publish()
    changes = waiting()
    assert len(changes) >= 3 and all(row.enqueued for row in changes)
    assert DBTaskResult.objects.filter(task_path__endswith="apply_index_changes").count() == 1
