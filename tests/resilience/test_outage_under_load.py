"""Elasticsearch killed, then frozen, then back, under a search and publish load.

Searchers in threads keep asking the API and the search page while the main
thread publishes real pages (Wagtail's save_revision().publish()); the proxy
in front of the node plays the outage. Afterwards: no response was a 5xx,
every search asked during the outage was answered by the database engine, a
frozen node was asked once (not once per search), and once the queue has
been processed the way the worker does (`search_index process`, honouring
each change's retry time) every publish is in Elasticsearch and `check`
finds no drift.

The outage cooldown's clock is moved by hand (CooldownClock), so each phase
lasts as long as it needs to and no assertion depends on timing.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.utils import timezone

from search.extensions import hooks
from search.indexing import queue as index_queue
from search.models import IndexChange
from tests.factories import committed, make_case_study, make_pioneer

from .conftest import SHORT_TIMEOUT

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEARCHERS = 3
PER_PHASE = 4  # searches each searcher completes within each phase, at least
OUTAGE = ("refuse", "freeze")
NOTICE = "Search is running in a simpler mode just now"
SEARCHES = [
    ("api", "/api/v1/search", {"q": "falls"}),
    ("page", "/search/", {"q": "falls prevention"}),
    ("api", "/api/v1/search", {"type": "case_study", "sort": "newest"}),
    ("api", "/api/v1/search", {"q": "home", "theme": "prevention-and-early-intervention"}),
]


@dataclass(frozen=True)
class Answer:
    searcher: int
    began: str  # the phase when the request was sent
    ended: str  # and when its answer came
    status: int
    engine: str


class SearchLoad:
    """Searchers in threads, each with its own test client, recording every answer."""

    def __init__(self) -> None:
        self.phase = "before"
        self.answers: list[Answer] = []
        self.errors: list[BaseException] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._search, args=(n,), daemon=True) for n in range(SEARCHERS)]

    def __enter__(self) -> SearchLoad:
        self._shared = shared_test_database()
        if self._shared is not None:
            self._shared.inc_thread_sharing()
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)
        if self._shared is not None:
            self._shared.dec_thread_sharing()

    def _search(self, searcher: int) -> None:
        try:
            if self._shared is not None:
                connections[DEFAULT_DB_ALIAS] = self._shared
            client = Client(raise_request_exception=False)  # a view's exception becomes a 500 to count
            number = searcher
            while not self._stop.is_set():
                kind, path, params = SEARCHES[number % len(SEARCHES)]
                number += 1
                began = self.phase
                response = client.get(path, params)
                answer = Answer(searcher, began, self.phase, response.status_code, engine_of(kind, response))
                with self._lock:
                    self.answers.append(answer)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self.errors.append(error)
        finally:
            if self._shared is None:
                connections[DEFAULT_DB_ALIAS].close()

    def in_phase(self, phase: str) -> list[Answer]:
        """Answers to searches sent and answered within the phase."""
        with self._lock:
            return [a for a in self.answers if a.began == a.ended == phase]

    def run_phase(self, phase: str, change=lambda: None, searches: int = PER_PHASE) -> None:
        """Make the change (the fault) and enter the phase; wait until every searcher has had `searches` answers
        within it. Searches that overlap the change are left out of every phase."""
        self.phase = f"becoming {phase}"
        change()
        self.phase = phase
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.errors:
            answered = [a.searcher for a in self.in_phase(phase)]
            if all(answered.count(n) >= searches for n in range(SEARCHERS)):
                return
            time.sleep(0.02)
        raise AssertionError(f"The searchers stalled in phase {phase!r}: {self.errors or 'no error'}")


def shared_test_database():
    """The test's connection, when the test database is SQLite's shared-cache memory database: threads then use it
    too, as Django's live server threads do. With a connection each, SQLite's table locks there fail a reader at
    once (no busy wait) while a publish writes, which a file database (WAL) or PostgreSQL would not do."""
    main = connections[DEFAULT_DB_ALIAS]
    if main.vendor == "sqlite" and main.is_in_memory_db():
        return main
    return None


def engine_of(kind: str, response) -> str:
    if response.status_code != 200:
        return ""
    if kind == "api":
        return json.loads(response.content)["engine"]
    return "database" if NOTICE in response.content.decode() else "elasticsearch"


def publish_new(pioneer, title: str):
    themes = ("prevention-and-early-intervention",)
    return make_case_study(pioneer, title, summary="Falls prevention at home.", themes=themes)


def publish_edit(page, title: str) -> None:
    page.title = title
    with committed():
        page.save_revision().publish()


def process_queue_as_the_worker_does() -> int:
    """`search_index process` whenever the next change falls due, until none waits. Returns the runs it took."""
    runs = 0
    deadline = time.monotonic() + 30
    while index_queue.pending_count() and time.monotonic() < deadline:
        next_due = IndexChange.objects.filter(applied_at__isnull=True).order_by("next_attempt_at").first()
        if next_due and next_due.next_attempt_at:
            time.sleep(max(0.0, (next_due.next_attempt_at - timezone.now()).total_seconds()) + 0.05)
        call_command("search_index", "process", "--no-progress", stdout=StringIO())
        runs += 1
    return runs


def test_killed_then_frozen_elasticsearch_under_load_no_5xx_nothing_lost_no_drift(
    through_proxy, proxy, cooldown_clock, settings, monkeypatch
):
    store = through_proxy
    settings.SEARCH_RETRY_BASE_SECONDS = 0.1  # changes kept for retry fall due again within moments
    settings.SEARCH_RETRY_MAX_SECONDS = 0.4
    # Recording a search writes in its own transaction, which threads sharing one connection must not do.
    monkeypatch.setattr(hooks, "recorder", None)
    pioneer = make_pioneer("Load Lancaster")
    edited = publish_new(pioneer, "Falls clinics in village halls")
    withdrawn = publish_new(pioneer, "Falls sensors in sheltered housing")
    during_outage: list = []

    with SearchLoad() as load:
        load.run_phase("before")
        publish_new(pioneer, "Falls prevention classes in leisure centres")

        load.run_phase("refuse", lambda: proxy.set_mode("refuse"))  # killed
        during_outage += [publish_new(pioneer, f"Falls response team {n}") for n in range(2)]
        publish_edit(edited, "Falls clinics in village halls and libraries")

        def freeze():
            proxy.set_mode("freeze")  # back, but frozen: accepts, reads, never answers
            cooldown_clock.pass_cooldown()  # so one search tries it again, and waits for the short timeout

        load.run_phase("freeze", freeze)
        during_outage += [publish_new(pioneer, f"Falls home visits {n}") for n in range(2)]
        with committed():
            withdrawn.unpublish()

        def recover():
            proxy.set_mode("forward")  # the cluster is back
            cooldown_clock.pass_cooldown()

        load.run_phase("after", recover)

    assert load.errors == []
    answers = load.answers
    assert [a for a in answers if a.status >= 500] == []
    assert {a.status for a in answers} == {200}
    for phase in OUTAGE:
        assert {a.engine for a in load.in_phase(phase)} == {"database"}, phase
    assert {a.engine for a in load.in_phase("before")} == {"elasticsearch"}
    # Recovered by itself: while the one request trying the cluster again waits for its answer, the others
    # keep to the database; from each searcher's first answer by Elasticsearch on, every answer is from it.
    for searcher in range(SEARCHERS):
        engines = [a.engine for a in load.in_phase("after") if a.searcher == searcher]
        back = engines.index("elasticsearch")
        assert set(engines[:back]) <= {"database"} and set(engines[back:]) == {"elasticsearch"}, engines
    # Frozen: one search found out, with its short timeout, and no other search asked it again.
    assert proxy.requests["freeze"] == 1

    # The outage's changes wait in the queue; the worker's runs apply them once they fall due.
    waiting = IndexChange.objects.filter(applied_at__isnull=True)
    assert waiting.exists() and all(row.attempts >= 1 and row.last_error for row in waiting)
    runs = process_queue_as_the_worker_does()
    assert index_queue.pending_count() == 0

    documents = {int(hit["_id"]): hit["_source"] for hit in live_documents(store)}
    assert {page.pk for page in during_outage} <= set(documents)
    assert withdrawn.pk not in documents
    assert documents[edited.pk]["title"] == "Falls clinics in village halls and libraries"
    check = StringIO()
    call_command("search_index", "check", "--no-progress", stdout=check, stderr=StringIO())
    assert "match the published pages" in check.getvalue()
    report(answers, proxy, during_outage, runs)


def live_documents(store) -> list[dict]:
    """Every document behind the content alias, read from the node directly (not through the proxy)."""
    return store.client.search(index=store.alias("content"), size=100)["hits"]["hits"]


def report(answers, proxy, during_outage, runs) -> None:
    """The numbers RELIABILITY.md quotes (pytest -s shows them)."""
    by_phase = {phase: sum(a.began == phase for a in answers) for phase in ("before", *OUTAGE, "after")}
    print(
        f"\noutage under load: {len(answers)} searches {by_phase}, "
        f"{sum(a.status >= 500 for a in answers)} 5xx, requests reaching the frozen node {proxy.requests['freeze']}, "
        f"{len(during_outage) + 2} changes during the outage indexed after {runs} queue runs, "
        f"short timeout {SHORT_TIMEOUT} s"
    )
