"""Search log rows are written together by a background thread, SEARCH_LOG_WRITE_SECONDS after a response.

The test settings write as each response closes (inside each test's transaction); these tests turn the
delay on, with committed transactions, so the writer thread's own connection sees what the test sees.
"""

from __future__ import annotations

import threading
import time

import pytest

from curation.analytics.models import SearchLog
from curation.analytics.recording import pending

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEADLINE_S = 20.0  # how long a correct writer may take on a loaded machine; not a speed assertion


def wait_for(condition) -> bool:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def writer_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "search-log-writer"]


@pytest.fixture
def delayed(settings, database_engine):
    settings.SEARCH_LOG_WRITE_SECONDS = 0.3
    yield
    pending.discard()


def test_searches_are_written_together_after_the_delay_not_as_each_response_closes(client, delayed):
    for words in ("shared record", "pooled budget", "nothing matches zebras"):
        assert client.get("/api/v1/search", {"q": words}).status_code == 200
    assert client.get("/search/", {"q": "care home"}).status_code == 200

    assert SearchLog.objects.count() == 0  # every response has closed, and nothing was written in them
    assert pending.write_is_due and len(pending) == 4
    assert len(writer_threads()) == 1  # one armed write for the four, not one each

    assert wait_for(lambda: SearchLog.objects.count() == 4)
    assert sorted(SearchLog.objects.values_list("query", flat=True)) == [
        "care home",
        "nothing matches zebras",
        "pooled budget",
        "shared record",
    ]
    assert wait_for(lambda: not writer_threads())
    assert len(pending) == 0 and not pending.write_is_due


def test_a_click_right_after_its_search_is_written_with_it(client, delayed):
    import re

    from curation.analytics.models import SearchClick
    from tests.factories import make_case_study, make_pioneer

    study = make_case_study(make_pioneer("Leeds", region="north"), "A shared record between council and NHS")
    content = client.get("/search/", {"q": "shared record"}).content.decode()
    [href] = re.findall(r'<h3><a href="(/search/click/[^"]+)">', content)
    assert client.get(href.replace("&amp;", "&")).status_code == 302
    assert SearchLog.objects.count() == 0 and len(pending) == 2  # the search and its click, waiting together

    assert wait_for(lambda: SearchClick.objects.count() == 1)
    click = SearchClick.objects.get()
    assert (click.search.query, click.page_id, click.rank) == ("shared record", study.pk, 1)


def test_a_search_after_the_write_arms_the_next_one(client, delayed):
    client.get("/api/v1/search", {"q": "first"})
    assert wait_for(lambda: SearchLog.objects.count() == 1)

    client.get("/api/v1/search", {"q": "second"})
    assert pending.write_is_due
    assert wait_for(lambda: SearchLog.objects.count() == 2)


def test_what_waits_for_the_writer_is_written_when_the_process_exits(client, delayed, settings):
    settings.SEARCH_LOG_WRITE_SECONDS = 600  # far beyond the test: only the exit can write it
    client.get("/api/v1/search", {"q": "shared record"})
    assert SearchLog.objects.count() == 0 and pending.write_is_due

    pending.write_before_exit()

    assert list(SearchLog.objects.values_list("query", flat=True)) == ["shared record"]
    assert not pending.write_is_due and not writer_threads()


def test_the_exit_write_is_registered_with_the_interpreter(monkeypatch):
    import atexit

    from django.apps import apps

    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    apps.get_app_config("analytics").ready()

    assert pending.write_before_exit in registered


def test_a_failed_background_write_is_logged_and_the_next_search_is_written(client, delayed, monkeypatch, caplog):
    import logging

    from django.db import DatabaseError

    curation_logger = logging.getLogger("curation")
    curation_logger.addHandler(caplog.handler)
    original = SearchLog.objects.bulk_create

    def refuse_once(*args, **kwargs):
        monkeypatch.setattr(SearchLog.objects, "bulk_create", original)
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchLog.objects, "bulk_create", refuse_once)
    try:
        client.get("/api/v1/search", {"q": "lost"})
        assert wait_for(lambda: "Lost 1 search log rows" in caplog.text)
        client.get("/api/v1/search", {"q": "kept"})
        assert wait_for(lambda: SearchLog.objects.count() == 1)
    finally:
        curation_logger.removeHandler(caplog.handler)
    assert SearchLog.objects.get().query == "kept"
