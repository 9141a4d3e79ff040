"""A small published site built once per test module, rolled back afterwards: enough content that
hostile searches find something, count facets and page, without paying for it on every example."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from casestudies.site_structure import ensure_site_structure
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.store import IndexStore
from search.indexing.documents import suggestion_entries
from tests.conftest import TEST_PREFIX
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround


@contextmanager
def rolled_back(django_db_blocker) -> Iterator[None]:
    """A transaction for a module's shared content, undone when the module is done."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths; they were rolled back.


@contextmanager
def indexed_on_elasticsearch(
    es_url: str, django_db_blocker, build: Callable[[], Any]
) -> Iterator[tuple[IndexStore, Any]]:
    """Fresh test indices and content built into them (and into the database engine's store), for a whole
    module; the content is rolled back and the indices deleted afterwards."""
    prefix = f"{TEST_PREFIX}{uuid.uuid4().hex[:10]}"
    store = IndexStore(get_client(es_url), prefix)
    try:
        # Writes get time to land on a busy machine: a timed-out write would wait in the queue, unindexed.
        indexing = override_settings(
            ELASTICSEARCH_URL=es_url, SEARCH_INDEX_PREFIX=prefix, ELASTICSEARCH_WRITE_TIMEOUT=30
        )
        with indexing, rolled_back(django_db_blocker):
            store.ensure()
            store.apply(suggestions=list(suggestion_entries()))  # as a rebuild would: themes, categories
            yield store, build()
    finally:
        assert store.prefix.startswith(TEST_PREFIX)  # never touch anything but test indices
        store.drop_all()


def build_small_site() -> dict:
    ensure_site_structure()
    leeds = make_pioneer("Leeds", region="north")
    kent = make_pioneer("Kent", region="south")
    study = make_case_study(
        leeds,
        "A shared record between council and NHS",
        summary="Leeds joined up GP, hospital and council records.",
        narrative="Information governance leads agreed one data sharing agreement.",
        themes=("shared-records-and-information-sharing",),
        care_groups=("long-term-conditions",),
        published=date(2015, 3, 1),
        tags=("records",),
    )
    barrier = make_barrier(study, "Sharing rules held up the shared record", description="Faxes for referrals.")
    workaround = make_workaround(study, [barrier], "One data sharing agreement signed once")
    other = make_case_study(
        kent,
        "Recruiting a workforce for integrated care",
        summary="A new care worker role for frail older people.",
        themes=("workforce-redesign",),
        care_groups=("frail-older-people",),
        published=date(2014, 9, 1),
    )
    return {"leeds": leeds, "kent": kent, "study": study, "barrier": barrier, "workaround": workaround, "other": other}
