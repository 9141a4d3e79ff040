"""Two appliers of the index queue at once (PostgreSQL): the later page wins, whoever finishes last.

Applying reads pages, then writes what it read. The first applier here is
held between the two (a seam in `writes_for_rows`); the page changes again and
a second applier starts. Without turns the second writes the newest page, the
first then writes the page it read earlier, and the index keeps it (the test
fails with "Second title"). With turns the second waits for the first.
"""

from __future__ import annotations

import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from search.indexing import queue
from search.models import SearchEntry
from tests.factories import make_case_study, make_pioneer

pytestmark = pytest.mark.postgresql_only  # in the PostgreSQL leg by tests/conftest.py POSTGRESQL_LEG

WAIT = 60  # seconds: only a hung test waits this long


def waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def applier(name: str, errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            queue.apply_due()
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connection.close()

    return threading.Thread(target=run, name=name, daemon=True)


def republish(page, title: str) -> None:
    page.title = title
    page.save_revision().publish()


# Committed data, which the appliers' own sessions see; serialized_rollback puts the seeded rows back afterwards
# without re-running post_migrate handlers on emptied tables.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_applier_waits_for_the_first_and_the_index_keeps_the_latest_page(postgresql, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = ""  # the database index: the race is the queue's, not Elasticsearch's
    monkeypatch.setattr(queue, "kick", lambda: None)  # changes stay queued for the appliers below
    study = make_case_study(make_pioneer("Turn Taking"), "First title")
    queue.apply_due()
    republish(study, "Second title")

    read, resume = threading.Event(), threading.Event()
    writes_for_rows = queue.writes_for_rows

    def held_after_reading(rows):
        writes = writes_for_rows(rows)
        if threading.current_thread().name == "first":
            read.set()
            resume.wait(WAIT)
        return writes

    monkeypatch.setattr(queue, "writes_for_rows", held_after_reading)
    errors: list[BaseException] = []
    first, second = applier("first", errors), applier("second", errors)
    first.start()
    assert read.wait(WAIT), "the first applier never read its rows"

    republish(study, "Third title")  # publishing does not wait for an applier
    second.start()
    deadline = time.monotonic() + WAIT
    while second.is_alive() and not waiting_on_a_lock():  # waits its turn, or (the defect) writes at once
        assert time.monotonic() < deadline, "the second applier neither finished nor waited"
        time.sleep(0.02)
    resume.set()
    first.join(WAIT)
    second.join(WAIT)

    assert errors == []
    assert not first.is_alive() and not second.is_alive()
    assert SearchEntry.objects.get(page_id=study.pk).title == "Third title"
    assert queue.pending_count() == 0
    out = StringIO()
    call_command("search_index", "check", "--no-progress", stdout=out, stderr=StringIO())
    assert "match" in out.getvalue()
