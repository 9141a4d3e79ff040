"""Shared fixtures. Integration fixtures need the real Elasticsearch node that
`make test` starts: when it is missing the test fails, it never skips."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings

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


@pytest.fixture
def es_store(es_url, settings, db):
    """A fresh pair of test indices behind their aliases, deleted afterwards.

    Switches the portal to Elasticsearch for the test, with a unique prefix.
    """
    prefix = f"{TEST_PREFIX}{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_INDEX_PREFIX = prefix
    store = IndexStore(get_client(es_url), prefix)
    store.ensure()
    store.apply(suggestions=list(suggestion_entries()))  # as a rebuild would: themes, categories, pioneers
    yield store
    if not store.prefix.startswith(TEST_PREFIX):  # never touch anything but test indices
        raise RuntimeError(f"Refusing to delete indices with prefix {store.prefix!r}")
    store.drop_all()


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


def pytest_collection_modifyitems(items):
    """Mark tests that use the real node, so `make test-fast` can leave them out."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        engine = getattr(getattr(item, "callspec", None), "params", {}).get("engine")
        if fixtures & {"es_url", "es_store"} or engine == "elasticsearch":
            item.add_marker(pytest.mark.elasticsearch)


@pytest.fixture(autouse=True)
def _fresh_search_cooldown():
    """An outage remembered by one test must not send the next test's searches elsewhere."""
    from search.engines.base import PRIMARY_COOLDOWN
    from search.table_cache import clear_all

    PRIMARY_COOLDOWN.clear()
    clear_all()  # each test's own taxonomy, synonyms and redirects, not a rolled-back test's
    yield
    PRIMARY_COOLDOWN.clear()
