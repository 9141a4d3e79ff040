"""An import reaches the search indices in one batch: one queued change per new subtree, one task, one write."""

from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command

from bench.corpus import generate
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.engines.elasticsearch.store import IndexStore
from search.indexing import queue as index_queue
from search.indexing import sync
from search.models import IndexChange, SearchEntry
from search.request import SearchRequest
from tests.content.helpers import good_content
from tests.factories import committed, pioneers_index

pytestmark = pytest.mark.django_db


def import_file(path, *args):
    """Run the import, keeping the on-commit callbacks it registered (they run as on a real commit)."""
    with committed() as callbacks:
        call_command("import_content", str(path), *args, "--no-progress", stdout=StringIO(), stderr=StringIO())
    return callbacks


def test_a_big_import_is_one_queued_batch_and_one_database_write(write_file, database_engine):
    pioneers_index()  # the site's top already exists: everything below is the import's
    content = generate(case_studies=40, pioneers=4)
    pages = sum(1 + len(study["barriers"]) + len(study["workarounds"]) for study in content["case_studies"])
    changes_before = IndexChange.objects.count()

    with mock.patch.object(index_queue, "write_database", wraps=sync.write_database) as write_database:
        callbacks = import_file(write_file(content), "--publish")

    # One row per new pioneer: applying a page's change recomputes its subtree.
    assert IndexChange.objects.count() - changes_before == 4
    assert [callback for callback in callbacks if callback is index_queue.kick] == [index_queue.kick]
    assert write_database.call_count == 1
    (writes,), _ = write_database.call_args
    assert len(writes.documents) == pages
    assert SearchEntry.objects.count() == pages
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()


def test_a_draft_import_indexes_nothing(write_file, database_engine):
    import_file(write_file(good_content()))
    assert not SearchEntry.objects.exists()


def test_imported_content_is_searchable_on_elasticsearch_after_one_bulk_write(write_file, es_store):
    """Into an empty site: setting up its top is part of the same batch, and nothing drifts."""
    with mock.patch.object(IndexStore, "apply", autospec=True, side_effect=IndexStore.apply) as apply:
        import_file(write_file(good_content()), "--publish")

    assert apply.call_count == 1
    check = StringIO()
    call_command("search_index", "check", "--no-progress", stdout=check, stderr=StringIO())  # raises on drift
    assert "The search indices match the published pages." in check.getvalue()
    engine = ElasticsearchEngine(get_client(settings.ELASTICSEARCH_URL), es_store.prefix)
    response = engine.search(SearchRequest(q="monitoring hub", page_size=100))
    assert response.engine == "elasticsearch"
    titles = {hit.title for hit in response.results}
    assert "A central monitoring hub" in titles
    barriers = engine.search(SearchRequest(q="GP records", filters={"type": ("barrier",)}, page_size=100))
    assert [hit.title for hit in barriers.results] == ["Hub staff could not see GP records"]
    everything = engine.search(SearchRequest(page_size=100))
    assert everything.total == 3 + 2 + 2  # case studies, barriers, workarounds
