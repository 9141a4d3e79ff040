"""`manage.py search_index rebuild|check|repair|ensure` against the real node."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from search.es_store import IndexStore
from search.models import SearchEntry
from search.request import SearchRequest
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

from .conftest import CLOSED_PORT_URL, db_documents, es_hits, es_ids

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def run(*args: str) -> str:
    out = StringIO()
    call_command("search_index", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def failing(*args: str) -> tuple[str, str]:
    """Run a command that must fail: its report and its error message."""
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("search_index", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue(), str(raised.value)


@pytest.fixture
def content(es_store):
    pioneer = make_pioneer("Rebuild Rochdale")
    study = make_case_study(pioneer, "Extended hours in primary care", themes=("workforce-redesign",))
    barrier = make_barrier(study, "GP contracts did not cover evenings", category="workforce-and-skills")
    workaround = make_workaround(study, [barrier], "A local enhanced service")
    return {"pioneer": pioneer, "study": study, "barrier": barrier, "workaround": workaround}


def test_rebuild_swaps_in_a_new_versioned_index_and_drops_the_old(es_store, content):
    client = es_store.client
    old_content, old_suggest = es_store.live_index("content"), es_store.live_index("suggest")
    before = es_store.fingerprints()
    assert set(before) == {str(content[key].pk) for key in ("study", "barrier", "workaround")}

    output = run("rebuild")

    new_content = es_store.live_index("content")
    assert new_content != old_content
    assert new_content.startswith(f"{es_store.prefix}-content-")
    assert new_content[len(f"{es_store.prefix}-content-") :].isdigit()
    assert es_store.versioned_indices("content") == [new_content]
    assert es_store.versioned_indices("suggest") == [es_store.live_index("suggest")] != [old_suggest]
    assert not client.indices.exists(index=old_content)
    assert not client.indices.exists(index=old_suggest)
    assert "3 documents" in output and new_content in output
    assert es_store.fingerprints() == before
    assert set(db_documents()) == {int(pk) for pk in before}
    assert "match" in run("check")


def test_searches_never_fail_or_come_up_short_while_a_rebuild_runs(es_store, es_engine, content, monkeypatch):
    """The command runs as usual, but its Elasticsearch load runs in a thread while this one searches.

    (Searches need the test's database connection for facet labels, so they stay on this thread.)
    """
    original_rebuild = IndexStore.rebuild
    original_load = IndexStore._bulk_load
    old_index = es_store.live_index("content")
    totals: list[int] = []
    served_by: set[str] = set()
    outcome: dict[str, object] = {}

    def slow_load(self, *args, **kwargs):
        time.sleep(0.3)  # widen the window in which searches meet the half-built index
        return original_load(self, *args, **kwargs)

    def search_once():
        totals.append(es_engine.search(SearchRequest()).total)
        totals.append(es_engine.search(SearchRequest(q="evenings")).total + 1)  # the barrier and workaround
        hits = es_store.client.search(index=es_store.alias("content"), size=10)["hits"]["hits"]
        served_by.update(hit["_index"] for hit in hits)

    def rebuild_while_searching(self, documents, suggestions, progress=lambda done: None):
        documents, suggestions = list(documents), list(suggestions)

        def load():
            try:
                outcome["counts"] = original_rebuild(self, documents, suggestions, progress)
            except BaseException as error:  # noqa: BLE001 - re-raised below
                outcome["error"] = error

        loader = threading.Thread(target=load)
        for _ in range(3):
            search_once()  # before the rebuild starts
        loader.start()
        deadline = time.monotonic() + 20
        while loader.is_alive() and len(totals) < 400 and time.monotonic() < deadline:
            search_once()
            outcome["searches_during"] = outcome.get("searches_during", 0) + 1
        loader.join(30)
        for _ in range(3):
            search_once()  # and after it ends
        if "error" in outcome:
            raise outcome["error"]
        return outcome["counts"]

    monkeypatch.setattr(IndexStore, "_bulk_load", slow_load)
    monkeypatch.setattr(IndexStore, "rebuild", rebuild_while_searching)

    run("rebuild")  # a search that raised would fail the command, and so this test

    assert outcome["counts"]["content"] == 3
    assert outcome["searches_during"] >= 5  # the loop really overlapped the rebuild
    assert set(totals) == {3}
    new_index = es_store.live_index("content")
    assert new_index != old_index
    assert served_by == {old_index, new_index}  # the searches saw both sides of the swap


def test_content_published_during_a_rebuild_reaches_the_new_index(es_store, es_engine, content, monkeypatch):
    original_load = IndexStore._bulk_load
    published = {}

    def load_after_a_publish(self, index, *args, **kwargs):
        if not published:  # the first load (content): someone publishes as it starts
            published["barrier"] = make_barrier(
                content["study"], "Out-of-hours records were on paper", category="information-governance"
            )
        return original_load(self, index, *args, **kwargs)

    monkeypatch.setattr(IndexStore, "_bulk_load", load_after_a_publish)
    run("rebuild")

    barrier = published["barrier"]
    assert barrier.pk in es_ids(es_store)
    assert set(es_hits(es_engine, "paper records")) >= {barrier.pk}
    # The case study's document, re-indexed by that publish, must not be overwritten by the rebuild's older copy.
    assert set(es_hits(es_engine, barrier_category=["information-governance"])) == {content["study"].pk, barrier.pk}
    assert "match" in run("check")


def test_check_reports_drift_in_both_indices_and_repair_mends_it(es_store, content):
    study, barrier, workaround = content["study"], content["barrier"], content["workaround"]
    draft = make_case_study(content["pioneer"], "A pilot still in draft", live=False)
    assert "match" in run("check")

    client, live = es_store.client, es_store.live_index("content")
    client.delete(index=live, id=str(study.pk))
    client.update(index=live, id=str(barrier.pk), doc={"title": "Tampered title"})
    client.index(index=live, id="999999", document={"id": 999999, "type": "barrier", "title": "Bogus"})
    client.indices.refresh(index=live)
    SearchEntry.objects.filter(page_id=workaround.pk).delete()
    entry = SearchEntry.objects.get(page_id=barrier.pk)
    entry.document = {**entry.document, "title": "Tampered title"}
    entry.save()
    SearchEntry.objects.create(
        page_id=draft.pk, content_type="case_study", title=draft.title, text="draft", document={"id": draft.pk}
    )

    report, message = failing("check")

    assert f"elasticsearch: 1 missing (page ids {study.pk})" in report
    assert f"elasticsearch: 1 stale (page ids {barrier.pk})" in report
    assert "elasticsearch: 1 extra (page ids 999999)" in report
    assert f"database: 1 missing (page ids {workaround.pk})" in report
    assert f"database: 1 stale (page ids {barrier.pk})" in report
    assert f"database: 1 extra (page ids {draft.pk})" in report
    assert "6 problems found" in message and "repair" in message

    assert "Repaired" in run("repair")

    assert "match" in run("check")
    expected = {study.pk, barrier.pk, workaround.pk}
    assert es_ids(es_store) == expected
    assert set(db_documents()) == expected
    assert db_documents()[barrier.pk]["title"] == "GP contracts did not cover evenings"
    assert "Nothing to repair" in run("repair")


def test_check_against_an_unreachable_cluster_fails_with_a_clear_message(es_store, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    _report, message = failing("check")
    assert CLOSED_PORT_URL in message
    assert "not reachable" in message


def test_check_from_the_command_line_prints_the_error_without_a_traceback(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ELASTICSEARCH_URL": CLOSED_PORT_URL,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "search_index", "check", "--no-progress"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"CommandError: Elasticsearch at {CLOSED_PORT_URL} is not reachable" in result.stderr


def test_ensure_builds_a_missing_index_and_leaves_a_present_one_alone(es_store, es_engine, content):
    expected = {content[key].pk for key in ("study", "barrier", "workaround")}
    es_store.drop_all()
    assert not es_store.exists()

    output = run("ensure")

    assert "missing: building it" in output
    assert es_store.exists()
    assert es_ids(es_store) == expected
    assert set(es_hits(es_engine, "evenings")) == {content["barrier"].pk, content["workaround"].pk}
    assert {s["text"] for s in es_engine.suggest("Rebuild Roch")} >= {"Rebuild Rochdale"}
    live = es_store.live_index("content")

    output = run("ensure")

    assert "is ready" in output
    assert es_store.live_index("content") == live
    assert es_ids(es_store) == expected
