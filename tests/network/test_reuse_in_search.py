"""Reuse reaches search: every change to who reused a page re-indexes it, on the real node and the database.

Each change runs its on-commit indexing (factories.committed), the path a
publish takes (the durable index queue), then both engines are asked for the
page's count and for the `reused` facet.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from network.membership import delete_member
from network.models import ReuseRecord
from network.reuse import record_reuse, withdraw_reuse
from network.search_fields import reuse_fields
from search.engines.database.engine import DatabaseEngine
from search.indexing import maintenance
from search.request import SearchRequest
from tests.factories import committed, indexed_together, make_case_study, make_pioneer

from .conftest import make_member

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def indexed(es_store, exchange):
    """The exchange's pages, published into this test's own indices (es_store comes first)."""
    return exchange


def reuse_in_search(es_engine, page) -> list[tuple[int, str, int]]:
    """(count, facet value, pages the facet's value finds) as Elasticsearch and then the database answer."""
    answers = []
    for engine in (es_engine, DatabaseEngine()):
        (document,) = engine.documents([page.pk])
        value = document["reused"]
        found = engine.search(SearchRequest(filters={"reused": (value,), "type": ("workaround",)}))
        answers.append((document["reuse_count"], value, found.total))
    return answers


def test_recording_updating_and_withdrawing_through_the_pages(client, es_engine, indexed, norfolk_member):
    page = indexed.workaround
    assert reuse_in_search(es_engine, page) == [(0, "no", 1)] * 2
    client.force_login(norfolk_member)

    with committed():
        client.post(f"/network/reuse/{page.pk}/", {"action": "record", "note": "It worked."})
    assert reuse_in_search(es_engine, page) == [(1, "yes", 1)] * 2

    dorset_member = make_member("kim@dorset.example.org", area=indexed.dorset)
    with committed():
        record_reuse(indexed.dorset, page, dorset_member, "")
    assert reuse_in_search(es_engine, page) == [(2, "yes", 1)] * 2

    with committed() as callbacks:
        client.post(f"/network/reuse/{page.pk}/", {"action": "record", "note": "Now everywhere."})
    assert callbacks  # an update goes through the queue too
    assert reuse_in_search(es_engine, page) == [(2, "yes", 1)] * 2

    with committed():
        client.post(f"/network/reuse/{page.pk}/", {"action": "withdraw"})
        withdraw_reuse(indexed.dorset, page)
    assert reuse_in_search(es_engine, page) == [(0, "no", 1)] * 2


def test_an_area_unpublished_or_made_private_stops_counting_until_public_again(es_engine, indexed, norfolk_member):
    page = indexed.study
    with committed():
        record_reuse(indexed.norfolk, page, norfolk_member, "")
    assert [count for count, _value, _found in reuse_in_search(es_engine, page)] == [1, 1]

    with committed():
        indexed.norfolk.unpublish()
    assert [count for count, _value, _found in reuse_in_search(es_engine, page)] == [0, 0]

    with committed():
        indexed.norfolk.save_revision().publish()
    assert [count for count, _value, _found in reuse_in_search(es_engine, page)] == [1, 1]

    with committed():
        restriction = PageViewRestriction.objects.create(page=indexed.norfolk, restriction_type="login")
    assert [count for count, _value, _found in reuse_in_search(es_engine, page)] == [0, 0]
    with committed():
        restriction.delete()
    assert [count for count, _value, _found in reuse_in_search(es_engine, page)] == [1, 1]


def test_an_area_deleted_takes_its_records_out_of_the_counts(es_engine, indexed, norfolk_member):
    page = indexed.workaround
    with committed():
        record_reuse(indexed.norfolk, page, norfolk_member, "")
        record_reuse(indexed.dorset, page, make_member("kim@dorset.example.org", area=indexed.dorset), "")
    assert reuse_in_search(es_engine, page) == [(2, "yes", 1)] * 2

    with committed():
        indexed.norfolk.delete()
    assert reuse_in_search(es_engine, page) == [(1, "yes", 1)] * 2


def test_a_deleted_account_takes_its_records_out_of_the_counts(es_engine, indexed, norfolk_member):
    page = indexed.workaround
    with committed():
        record_reuse(indexed.norfolk, page, norfolk_member, "")
    assert reuse_in_search(es_engine, page) == [(1, "yes", 1)] * 2

    with committed():
        delete_member(norfolk_member)
    assert not ReuseRecord.objects.exists()
    assert reuse_in_search(es_engine, page) == [(0, "no", 1)] * 2


def test_a_rebuild_and_a_drift_check_agree_with_live_updates(es_store, indexed, norfolk_member):
    with committed():
        record_reuse(indexed.norfolk, indexed.workaround, norfolk_member, "")
    assert maintenance.find_drift(es_store).problems == 0  # live updates wrote what a rebuild would
    ReuseRecord.objects.all().delete()  # a change behind the signals' back (a raw delete in a shell, say)
    assert maintenance.find_drift(es_store).problems  # found as stale


def test_a_batch_of_pages_is_counted_in_a_fixed_number_of_queries(indexed, norfolk_member):
    with indexed_together():
        pioneer = make_pioneer("Many studies")
        studies = [make_case_study(pioneer, f"Study {n}") for n in range(12)]
    for study in studies[:4]:
        ReuseRecord.objects.create(area=indexed.norfolk, page=study, recorded_by=norfolk_member)
    with CaptureQueriesContext(connection) as queries:
        fields = reuse_fields({study.pk: "case_study" for study in studies})
    assert len(queries) <= 3  # the areas the public may see (two), then one grouped count
    assert sum(1 for found in fields.values() if found["reused"] == "yes") == 4 and len(fields) == 12
    assert reuse_fields({indexed.study.pk: "barrier"}) == {}
