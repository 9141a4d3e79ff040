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

from search.engines.elasticsearch.store import IndexStore
from search.models import SearchEntry
from search.request import SearchRequest
from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround

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


def test_a_rebuilds_indices_load_without_refreshing_and_refresh_as_usual_once_live(es_store, content):
    client = es_store.client
    new = es_store.start_rebuild()
    try:
        loading = client.indices.get_settings(index=new["content"])[new["content"]]["settings"]["index"]
        assert loading["refresh_interval"] == "-1"
        es_store.load(new["content"], "content", [{"id": 1, "type": "case_study", "title": "Loaded"}])
        es_store.load(new["suggest"], "suggest", [])
    except BaseException:
        es_store.abort_rebuild(new)
        raise
    es_store.finish_rebuild(new)
    for name in new.values():
        live = client.indices.get_settings(index=name)[name]["settings"]["index"]
        assert "refresh_interval" not in live  # the default again: a refresh every second
    assert client.count(index=es_store.alias("content"))["count"] == 1  # refreshed once at the swap


def segment_count(client, index: str) -> int:
    """Segments of the index's one shard, searchable or only written."""
    (shard,) = client.indices.segments(index=index)["indices"][index]["shards"]["0"]
    return len(shard["segments"])


def test_a_loaded_index_is_merged_into_one_segment_before_it_goes_live(es_store, content, monkeypatch):
    """A big load leaves a segment each time the node's indexing buffer fills, and a search looks every
    term up in every segment. Here each small bulk request is flushed into a segment of its own."""
    from search.engines.elasticsearch import store as store_module

    client = es_store.client
    monkeypatch.setattr(store_module, "REBUILD_CHUNK_SIZE", 2)
    monkeypatch.setattr(store_module, "REBUILD_THREADS", 1)
    original_merge = IndexStore.start_merge
    loaded_into: dict[str, int] = {}

    def start_merge(self, index):
        loaded_into[index] = segment_count(client, index)
        original_merge(self, index)

    monkeypatch.setattr(IndexStore, "start_merge", start_merge)
    new = es_store.start_rebuild()
    documents = [{"id": n, "type": "case_study", "title": f"Loaded {n}"} for n in range(1, 9)]
    try:
        es_store.load(new["content"], "content", documents, lambda done: client.indices.flush(index=new["content"]))
        es_store.load(new["suggest"], "suggest", [{"id": 1, "text": "Loaded", "type": "case_study", "url": "/l/"}])
    except BaseException:
        es_store.abort_rebuild(new)
        raise
    es_store.finish_rebuild(new)

    assert loaded_into[new["content"]] >= 2  # the load really left several
    assert segment_count(client, new["content"]) == 1
    assert client.count(index=es_store.alias("content"))["count"] == 8


def test_a_merge_that_fails_is_logged_and_the_rebuild_goes_on(es_store, content, monkeypatch, caplog):
    """The loaded index is complete without the merge, only slower to search."""
    original_merge = IndexStore.start_merge

    def start_merge(self, index):  # a merge the node refuses: of an index that does not exist
        original_merge(self, f"{index}-missing")
        self._merges[index] = self._merges.pop(f"{index}-missing")

    monkeypatch.setattr(IndexStore, "start_merge", start_merge)
    old_content = es_store.live_index("content")
    output = run("rebuild")
    assert "3 documents" in output and es_store.live_index("content") != old_content
    assert "could not merge" in caplog.text and "only slower" in caplog.text
    assert es_store.client.count(index=es_store.alias("content"))["count"] == 3


def test_the_old_index_outlives_the_swap_long_enough_for_searches_already_running(
    es_store, es_engine, content, settings, monkeypatch
):
    """A search that resolved the alias just before the swap still runs on the old index: it is dropped only
    after a grace period as long as a search may take (found by `make bench`: a 503 at the end of a rebuild)."""
    from search.engines.elasticsearch import store as store_module

    settings.SEARCH_REBUILD_RETIRE_SECONDS = 2.5
    old_content = es_store.live_index("content")
    seen = {}

    def grace(seconds):
        # During the grace period: the alias already names the new index, the old one is still searchable.
        seen["seconds"] = seconds
        seen["new_is_live"] = es_store.live_index("content") != old_content
        seen["old_answers"] = es_store.client.count(index=old_content)["count"]

    monkeypatch.setattr(store_module.time, "sleep", grace)
    run("rebuild")
    assert seen == {"seconds": 2.5, "new_is_live": True, "old_answers": 3}
    assert not es_store.client.indices.exists(index=old_content)  # and then it is gone


def test_searches_never_fail_or_come_up_short_while_a_rebuild_runs(es_store, es_engine, content, monkeypatch):
    """The command runs as usual, but its Elasticsearch loads and alias swap run in a thread while this one searches.

    (Searches need the test's database connection for facet labels, so they stay on this thread.)
    """
    original_load, original_finish = IndexStore.load, IndexStore.finish_rebuild
    old_index = es_store.live_index("content")
    totals: list[int] = []
    served_by: set[str] = set()
    searches_during: list[str] = []

    def search_once():
        totals.append(es_engine.search(SearchRequest()).total)
        totals.append(es_engine.search(SearchRequest(q="evenings")).total + 1)  # the barrier and workaround
        hits = es_store.client.search(index=es_store.alias("content"), size=10)["hits"]["hits"]
        served_by.update(hit["_index"] for hit in hits)

    def while_searching(step: str, work):
        outcome: dict[str, object] = {}

        def run_step():
            try:
                time.sleep(0.3)  # widen the window in which searches meet the half-built index
                outcome["result"] = work()
            except BaseException as error:  # noqa: BLE001 - re-raised below
                outcome["error"] = error

        worker = threading.Thread(target=run_step)
        worker.start()
        deadline = time.monotonic() + 20
        while worker.is_alive() and time.monotonic() < deadline:
            search_once()
            searches_during.append(step)
        worker.join(30)
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("result")

    def load(self, index, kind, items, progress=lambda done: None):
        items = list(items)
        return while_searching("load", lambda: original_load(self, index, kind, items, progress))

    def finish(self, new, retire_after=0):
        return while_searching("swap", lambda: original_finish(self, new, retire_after))

    monkeypatch.setattr(IndexStore, "load", load)
    monkeypatch.setattr(IndexStore, "finish_rebuild", finish)
    for _ in range(3):
        search_once()  # before the rebuild starts

    output = run("rebuild")  # a search that raised would fail the command, and so this test

    for _ in range(3):
        search_once()  # and after it ends
    assert "3 documents" in output
    assert searches_during.count("load") >= 5 and "swap" in searches_during  # the loop really overlapped
    assert set(totals) == {3}
    new_index = es_store.live_index("content")
    assert new_index != old_index
    assert served_by == {old_index, new_index}  # the searches saw both sides of the swap


def test_content_published_during_a_rebuild_reaches_the_new_index(es_store, es_engine, content, monkeypatch):
    original_load = IndexStore.load
    published = {}

    def load_after_a_publish(self, index, *args, **kwargs):
        if not published:  # the first load (content): someone publishes as it starts
            published["barrier"] = make_barrier(
                content["study"], "Out-of-hours records were on paper", category="information-governance"
            )
        return original_load(self, index, *args, **kwargs)

    monkeypatch.setattr(IndexStore, "load", load_after_a_publish)
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


def built_from_an_older_definition(store: IndexStore) -> str:
    """Mark the live content index as an older definition of its fields would have left it."""
    live = store.live_index("content")
    store.client.indices.put_mapping(index=live, meta={"definition": "an older definition"})
    return live


def test_an_index_built_from_another_definition_is_found_and_ensure_rebuilds_it(es_store, es_engine, content):
    assert es_store.outdated() == []
    old = built_from_an_older_definition(es_store)
    assert es_store.outdated() == [old]

    _report, error = failing("check")
    assert old in error and "rebuild" in error

    output = run("ensure")

    assert "another definition of its fields: rebuilding it" in output
    assert es_store.live_index("content") != old and es_store.outdated() == []
    assert not es_store.client.indices.exists(index=old)
    assert set(es_hits(es_engine, "evenings")) == {content["barrier"].pk, content["workaround"].pk}
    assert "match" in run("check")


def test_the_queue_rebuilds_an_outdated_index_once_the_cluster_answers_an_ensure(es_store, content):
    from search.indexing import queue

    old = built_from_an_older_definition(es_store)
    with committed():
        queue.record_ensure()  # what `ensure` leaves when the cluster was away at start-up
    assert es_store.live_index("content") != old and es_store.outdated() == []
    assert es_ids(es_store) == {content[key].pk for key in ("study", "barrier", "workaround")}


@pytest.mark.parametrize("during", ["reading", "loading"])
def test_changes_landing_while_a_rebuild_runs_are_all_in_both_indices_after_it(
    es_store, es_engine, content, monkeypatch, during
):
    """An unpublish, a new page and a rename while the rebuild reads pages or loads them: none is lost or undone."""
    from search.indexing import maintenance

    other = make_case_study(content["pioneer"], "Evening clinics in pharmacies")
    changes: dict[str, object] = {}

    def change_the_content():
        if changes:
            return
        with committed():
            content["study"].unpublish()  # takes its barrier and workaround with it
        changes["new"] = make_case_study(content["pioneer"], "Weekend physiotherapy at home")
        other.title = "Evening clinics in community pharmacies"
        with committed():
            other.save_revision().publish()

    if during == "reading":
        original_build = maintenance.build_documents

        def build_then_change(pages):
            for document in original_build(pages):
                change_the_content()  # after the first page was read
                yield document

        monkeypatch.setattr(maintenance, "build_documents", build_then_change)
    else:
        original_load = IndexStore.load

        def load_then_change(self, index, kind, items, progress=lambda done: None):
            loaded = original_load(self, index, kind, items, progress)
            change_the_content()  # the older copies are in the new index now
            return loaded

        monkeypatch.setattr(IndexStore, "load", load_then_change)

    output = run("rebuild")

    assert "replayed" in output
    expected = {other.pk, changes["new"].pk}
    assert es_ids(es_store) == expected
    assert set(db_documents()) == expected
    assert es_hits(es_engine, "enhanced service") == {} and es_hits(es_engine, "extended hours") == {}
    assert set(es_hits(es_engine, "community pharmacies")) == {other.pk}
    assert "match" in run("check")


def test_check_and_repair_cover_the_suggestion_index(client, es_url, es_store, content, settings):
    """An unpublished pioneer and a renamed theme, missed while the cluster was away, are found and mended."""
    from themes.models import Theme

    kent = make_pioneer("Suggest Kentish Town")
    theme = Theme.objects.get(slug="workforce-redesign")
    assert "Suggest Kentish Town" in client.get("/api/v1/suggest", {"q": "Suggest Kent"}).content.decode()

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL  # the queue cannot apply these now
    with committed():
        kent.unpublish()
    theme.name = "Redesigning the workforce"
    with committed():
        theme.save()
    settings.ELASTICSEARCH_URL = es_url

    report, message = failing("check")
    assert f"suggestions: 1 extra (suggestion ids pioneer-{kent.pk})" in report
    assert f"suggestions: 1 stale (suggestion ids theme-{theme.pk})" in report
    assert "queue:" in report and "waiting" in report

    assert "Repaired" in run("repair")

    assert "match" in run("check")
    assert "Kentish" not in client.get("/api/v1/suggest", {"q": "Suggest Kent"}).content.decode()
    offered = [s["text"] for s in client.get("/api/v1/suggest", {"q": "Redesigning"}).json()["suggestions"]]
    assert "Redesigning the workforce" in offered


def test_ensure_with_the_cluster_down_starts_anyway_and_the_queue_builds_the_index_later(
    es_url, es_store, es_engine, content, settings
):
    from search.engines.base import PRIMARY_COOLDOWN
    from search.indexing.tasks import apply_index_changes
    from search.models import IndexChange

    es_store.drop_all()
    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    err = StringIO()
    call_command("search_index", "ensure", "--no-progress", stdout=StringIO(), stderr=err)  # no CommandError

    assert "not reachable" in err.getvalue() and "database engine" in err.getvalue()
    assert IndexChange.objects.filter(kind=IndexChange.ENSURE, applied_at__isnull=True).exists()

    settings.ELASTICSEARCH_URL = es_url  # the cluster answers again: the retry builds the index
    IndexChange.objects.update(next_attempt_at=None)
    PRIMARY_COOLDOWN.clear()
    apply_index_changes.enqueue()

    assert es_store.exists()
    assert es_ids(es_store) == {content[key].pk for key in ("study", "barrier", "workaround")}
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()
