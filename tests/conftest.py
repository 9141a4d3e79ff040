"""Shared fixtures. Integration fixtures need the real Elasticsearch node that
`make test` starts: when it is missing the test fails, it never skips."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.test import override_settings
from pytest_django.plugin import blocking_manager_key

from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.store import IndexStore
from search.indexing.documents import suggestion_entries

TEST_PREFIX = "test_"


@pytest.fixture(scope="session")
def es_url() -> str:
    url = settings.TEST_ELASTICSEARCH_URL
    client = get_client(url)
    try:
        health = client.cluster.health(wait_for_status="yellow", timeout="30s")
    except Exception as error:
        pytest.fail(
            f"No Elasticsearch at {url} ({error.__class__.__name__}). Integration tests need the real node: "
            "run them with `make test`, or start one with `make es`.",
            pytrace=False,
        )
    assert health["status"] in {"green", "yellow"}
    return url


@contextmanager
def temporary_indices(url: str) -> Iterator[IndexStore]:
    """A fresh pair of test indices behind their aliases, with the taxonomy suggestions; deleted afterwards."""
    store = IndexStore(get_client(url, "bulk"), f"{TEST_PREFIX}{uuid.uuid4().hex[:10]}")
    store.ensure()
    store.apply(suggestions=list(suggestion_entries()))  # as a rebuild would: themes, categories, pioneers
    try:
        yield store
    finally:
        if not store.prefix.startswith(TEST_PREFIX):  # never touch anything but test indices
            raise RuntimeError(f"Refusing to delete indices with prefix {store.prefix!r}")
        store.drop_all()


@pytest.fixture
def es_store(es_url, settings, db):
    """A fresh pair of test indices behind their aliases, deleted afterwards.

    Switches the portal to Elasticsearch for the test, with a unique prefix.
    """
    with temporary_indices(es_url) as store:
        settings.ELASTICSEARCH_URL = es_url
        settings.SEARCH_INDEX_PREFIX = store.prefix
        yield store


@contextmanager
def module_transaction(django_db_blocker) -> Iterator[None]:
    """The database open, in a transaction undone when the block ends: for a module's shared content."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site's root paths; they were rolled back.


@contextmanager
def content_for_the_module(django_db_blocker, es_url: str | None) -> Iterator[IndexStore | None]:
    """Content built once and read by every test of a module, as Django's setUpTestData does.

    Inside the block the database is open and in a transaction that is rolled
    back when the block ends; each test's own `db` transaction is a savepoint
    within it, so what a test writes to the database goes with the test. The
    portal searches fresh test indices when `es_url` is given (the database
    engine otherwise); what a test writes there would stay for the next test,
    so modules that share content must not change it: tests that do keep their
    own content (the function-scoped fixtures).
    """
    from search.engines.base import PRIMARY_COOLDOWN
    from search.table_cache import clear_all

    with module_transaction(django_db_blocker):
        PRIMARY_COOLDOWN.clear()
        clear_all()
        if es_url:
            with (
                temporary_indices(es_url) as store,
                override_settings(ELASTICSEARCH_URL=es_url, SEARCH_INDEX_PREFIX=store.prefix),
            ):
                yield store
        else:
            with override_settings(ELASTICSEARCH_URL=""):
                yield None


@dataclass
class SharedContent:
    """A module's content, published once into one engine (`kind`), and how to point the portal at it."""

    kind: str  # "elasticsearch" or "database"
    url: str
    prefix: str
    content: Any

    def use(self, settings) -> None:
        settings.ELASTICSEARCH_URL = self.url
        if self.prefix:
            settings.SEARCH_INDEX_PREFIX = self.prefix


@contextmanager
def shared_content(request, django_db_blocker, build: Callable[[], Any]) -> Iterator[SharedContent]:
    """For a module-scoped fixture parametrised by engine kind: `build()` once, into that engine."""
    es_url = request.getfixturevalue("es_url") if request.param == "elasticsearch" else ""
    with content_for_the_module(django_db_blocker, es_url) as store:
        yield SharedContent(request.param, es_url, store.prefix if store else "", build())


@pytest.fixture
def es_engine(es_store, settings):
    """The Elasticsearch engine on the fixture's fresh test indices."""
    from search.engines.elasticsearch.engine import ElasticsearchEngine

    return ElasticsearchEngine(get_client(settings.ELASTICSEARCH_URL), es_store.prefix)


@pytest.fixture
def database_engine(settings, db):
    """The portal on its embedded database engine (no Elasticsearch configured)."""
    settings.ELASTICSEARCH_URL = ""
    from search.engines.database.engine import DatabaseEngine

    return DatabaseEngine()


# The PostgreSQL leg of `make test` (scripts/run-tests.sh, `-m postgresql`): what differs on PostgreSQL,
# within its 4-minute budget. A module, or one test of it ("path::name"), and why.
POSTGRESQL_LEG = {
    "tests/postgresql/": "the leg's own checks: the vendor, migrations from empty, the queue's appliers in turn",
    "tests/unit/test_db_engine.py": "the database engine's PostgreSQL path (SQLite answers from FTS5)",
    "tests/contract/test_search_scenarios.py": "the search contract on that path",
    "tests/contract/test_acronyms.py": "acronyms and phrases on that path: substring pre-filter, Python match",
    "tests/contract/test_spelling_correction.py": "its typo vocabulary",
    "tests/contract/test_related_content.py": "related content, ranked in Python there",
    "tests/content/test_import.py": "import: bulk inserts and raw UPDATEs of the page tree",
    "tests/content/test_export.py": "export, and export/import round trips byte for byte",
    "tests/content/test_errors.py": "the lengths PostgreSQL enforces and SQLite does not; all or nothing",
    "tests/content/test_demo_loader.py": "load_demo",
    "tests/integration/test_index_queue.py": "the durable queue, and the database task backend production runs",
    "tests/resilience/test_outage_under_load.py": "searches in threads on the PostgreSQL path while pages publish",
    "tests/taxonomies/test_merging.py": "merges rewrite many rows and redirects in one transaction",
    "tests/network/test_digests.py": "digests: each due search's row locked (select_for_update, skip_locked)",
    "tests/network/test_saved_searches.py": "at most 20 saved searches, counted with the member's row locked",
    "tests/network/test_questions.py": "the hourly question limit, counted with the member's row locked",
    "tests/network/test_walkthrough.py": "issue 11's walk-through: sign-up to digest over SMTP",
    "tests/network/test_reuse_in_search.py": "reuse counts grouped per batch for the index documents",
    "tests/curation/analytics/test_background_writes.py": "the search log writer thread's own connection",
    "tests/curation/test_moderation.py::test_a_curator_requests_changes_with_a_comment_and_the_author_resubmits": (
        "Wagtail's workflow tables"
    ),
    "tests/curation/test_moderation.py::test_an_existing_case_study_is_refused_too_and_left_as_it_was": (
        "a refusal leaves nothing half-written (a failed statement aborts a PostgreSQL transaction)"
    ),
    "tests/curation/test_moderation.py::test_the_report_lists_published_case_studies_past_their_review_date": (
        "date arithmetic in SQL"
    ),
}


def in_postgresql_leg(nodeid: str) -> bool:
    path, _, name = nodeid.partition("::")
    test = f"{path}::{name.split('[')[0]}"
    return any(
        chosen in (path, test) or (chosen.endswith("/") and path.startswith(chosen)) for chosen in POSTGRESQL_LEG
    )


def pytest_collection_modifyitems(items):
    """Mark tests that use the real node, so `make test-fast` can leave them out; mark the PostgreSQL leg."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if fixtures & {"es_url", "es_store"} or "elasticsearch" in params.values():
            item.add_marker(pytest.mark.elasticsearch)
        # The leg runs the database engine's half of the two-engine tests: the other half reads Elasticsearch.
        if in_postgresql_leg(item.nodeid) and "elasticsearch" not in params.values():
            item.add_marker(pytest.mark.postgresql)


@pytest.fixture(autouse=True)
def _fresh_search_cooldown():
    """An outage remembered by one test must not send the next test's searches elsewhere."""
    from search.engines.base import PRIMARY_COOLDOWN
    from search.table_cache import clear_all

    PRIMARY_COOLDOWN.clear()
    clear_all()  # each test's own taxonomy, synonyms and redirects, not a rolled-back test's
    yield
    PRIMARY_COOLDOWN.clear()


def _is_transactional(item: pytest.Item | None) -> bool:
    """Whether pytest-django runs the test in a database it flushes afterwards (as TransactionTestCase does)."""
    if item is None:
        return False
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(set(getattr(item, "fixturenames", ())) & {"transactional_db", "live_server"})


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After the flush that ends a transactional test, put back what the migrations seeded (taxonomies,
    synonyms, the site), so the next test finds the database as every other test does. pytest-django runs
    transactional tests last, but pytest-xdist hands each worker whole modules in any order."""
    result = yield
    if _is_transactional(item) and not _is_transactional(nextitem):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
        cache.clear()
    return result
