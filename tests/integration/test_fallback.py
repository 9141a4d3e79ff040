"""An Elasticsearch outage degrades to the database engine; publishing carries on; the queue catches up."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from search.engines.base import PRIMARY_COOLDOWN
from search.indexing.tasks import apply_index_changes
from search.models import IndexChange
from tests.factories import make_barrier, make_case_study, make_pioneer

from .conftest import CLOSED_PORT_URL, db_documents, es_hits, es_ids

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def warnings_from(caplog, logger: str) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == logger and record.levelname != "INFO"]


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(client, es_store, settings, search_logs):
    pioneer = make_pioneer("Outage Oldham")
    study = make_case_study(pioneer, "Virtual wards for heart failure", themes=("rapid-community-response",))
    barrier = make_barrier(study, "Monitoring kit arrived late")
    make_case_study(pioneer, "Dementia friendly libraries")
    assert client.get("/api/v1/search", {"q": "heart failure"}).json()["engine"] == "elasticsearch"

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    response = client.get("/api/v1/search", {"q": "heart failure", "pioneer": pioneer.slug})

    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == "database"
    assert {result["id"] for result in body["results"]} == {study.pk, barrier.pk}
    assert body["total"] == 2
    assert [value["value"] for value in body["facets"]["pioneer"] if value["selected"]] == [pioneer.slug]
    [warning] = warnings_from(search_logs, "search.engines.base")
    assert "fell back to the database engine" in warning

    suggestions = client.get("/api/v1/suggest", {"q": "Virtual w"})
    assert suggestions.status_code == 200
    assert "Virtual wards for heart failure" in [s["text"] for s in suggestions.json()["suggestions"]]

    page = client.get("/search/", {"q": "heart failure"})
    assert page.status_code == 200
    assert "Virtual wards for heart failure" in page.content.decode()


def test_publishing_while_elasticsearch_is_down_succeeds_and_the_queue_catches_up(
    es_url, es_store, es_engine, settings, search_logs
):
    pioneer = make_pioneer("Outage Oxford")
    before = make_case_study(pioneer, "Care coordinators for complex needs")

    settings.ELASTICSEARCH_URL = CLOSED_PORT_URL
    study = make_case_study(pioneer, "Hospital passports for learning disabilities")
    barrier = make_barrier(study, "Passports were not read on the wards")

    assert study.live and barrier.live
    assert set(db_documents()) == {before.pk, study.pk, barrier.pk}
    warnings = warnings_from(search_logs, "search.indexing.queue")
    assert warnings and all("kept for retry" in message for message in warnings)
    waiting = IndexChange.objects.filter(applied_at__isnull=True)
    assert {int(row.key) for row in waiting} >= {study.pk, barrier.pk}
    assert all(row.attempts >= 1 and row.next_attempt_at and row.last_error for row in waiting)

    settings.ELASTICSEARCH_URL = es_url  # the cluster is back
    assert es_ids(es_store) == {before.pk}
    IndexChange.objects.update(next_attempt_at=None)  # the retry falls due (the worker or timer runs it then)
    PRIMARY_COOLDOWN.clear()
    apply_index_changes.enqueue()

    assert es_ids(es_store) == {before.pk, study.pk, barrier.pk}
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()
    assert set(es_hits(es_engine, "hospital passports")) == {study.pk, barrier.pk}
    # The case study's document knows about the barrier published during the outage.
    assert set(es_hits(es_engine, barrier_category=["information-governance"])) == {study.pk, barrier.pk}
    check = StringIO()
    call_command("search_index", "check", "--no-progress", stdout=check)
    assert "match" in check.getvalue()
