"""Nothing waiting in moderation reaches the public: not search (either engine), suggestions, the feed
or the CSV, nor the pages. A live page with a newer revision in moderation still shows its live content."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState

from casestudies.models import BarrierPage, CaseStudyPage, WorkaroundPage
from search.engines.database.engine import DatabaseEngine
from search.request import SearchRequest
from tests.factories import committed

from .admin_forms import add_url, barrier_form, case_study_form, edit_url, errors_of, form_for, workaround_form

pytestmark = pytest.mark.django_db

NEW = "Quokkaville"  # in pages submitted for moderation and never published
PENDING = "Wombatshire"  # in a newer revision of a live page, waiting for moderation
SUBMIT = {"action-submit": "action-submit"}


def public_surfaces(client) -> dict[str, str]:
    surfaces = {}
    for word in (NEW, PENDING):
        surfaces[f"api {word}"] = client.get("/api/v1/search", {"q": word}).content.decode()
        surfaces[f"suggest {word}"] = client.get("/api/v1/suggest", {"q": word[:6]}).content.decode()
    surfaces.update(
        {
            "api, everything": client.get("/api/v1/search", {"page_size": 100}).content.decode(),
            "search page, everything": client.get("/search/", {"page_size": 100}).content.decode(),
            "feed": client.get("/search/feed/").content.decode(),
            "csv": client.get("/search/export.csv").getvalue().decode(),
            "home": client.get("/").content.decode(),
            "pioneer": client.get("/pioneers/leeds/").content.decode(),
            "pioneers": client.get("/pioneers/").content.decode(),
            **browsing_pages(client),
        }
    )
    return surfaces


def browsing_pages(client) -> dict[str, str]:
    """The theme and barrier-category pages the pending pages would appear on."""
    return {
        "theme page": client.get("/themes/multidisciplinary-teams/").content.decode(),
        "barrier category page": client.get("/barriers/information-governance/").content.decode(),
    }


@pytest.fixture
def pending(author_client, leeds):
    """Submitted for moderation by the Leeds author: a new case study, a barrier and a workaround under the
    live case study, and a new version of the live case study itself."""
    with committed():
        data = case_study_form(f"{NEW} neighbourhood hub", "hub", summary=f"The {NEW} hub.", **SUBMIT)
        response = author_client.post(add_url(CaseStudyPage, leeds.pioneer), data)
        assert response.status_code == 302, errors_of(response)
        barrier_data = barrier_form(f"{NEW} records on paper", "records", **SUBMIT)
        response = author_client.post(add_url(BarrierPage, leeds.study), barrier_data)
        assert response.status_code == 302, errors_of(response)
        barrier = BarrierPage.objects.get(slug="records")
        data = workaround_form(f"{NEW} scanning service", "scanning", [barrier, leeds.barrier], **SUBMIT)
        response = author_client.post(add_url(WorkaroundPage, leeds.study), data)
        assert response.status_code == 302, errors_of(response)
        data = form_for(leeds.study, f"{PENDING} neighbourhood teams", summary=f"The {PENDING} teams.", **SUBMIT)
        response = author_client.post(edit_url(leeds.study), data)
        assert response.status_code == 302, errors_of(response)
    pages = {
        "study": CaseStudyPage.objects.get(slug="hub"),
        "barrier": barrier,
        "workaround": WorkaroundPage.objects.get(slug="scanning"),
        "live study": Page.objects.get(pk=leeds.study.pk),
    }
    for page in pages.values():
        assert page.workflow_in_progress, page
    return pages


def approve_all(curator_client, pages) -> None:
    with committed():
        for page in pages.values():
            task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
            url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
            assert curator_client.post(url).status_code == 302


def assert_nothing_pending_shows(client, leeds, pages) -> None:
    for name, body in public_surfaces(client).items():
        assert NEW not in body and PENDING not in body, f"moderation content shows in {name}"
    assert client.get("/pioneers/leeds/hub/").status_code == 404
    assert client.get(f"/barriers/{pages['barrier'].pk}/").status_code == 404
    assert client.get(f"/workarounds/{pages['workaround'].pk}/").status_code == 404
    # The live case study still shows its live version, everywhere.
    page = client.get(leeds.study.url).content.decode()
    assert f"<h1>{leeds.study.title}</h1>" in page and PENDING not in page and NEW not in page
    hits = client.get("/api/v1/search", {"q": "neighbourhood teams", "type": "case_study"}).json()["results"]
    assert [hit["title"] for hit in hits] == [leeds.study.title]


def test_nothing_in_moderation_is_public_on_the_database_engine(
    client, database_engine, leeds, pending, curator_client
):
    assert_nothing_pending_shows(client, leeds, pending)
    for word in (NEW, PENDING):
        assert database_engine.search(SearchRequest(q=word)).total == 0

    approve_all(curator_client, pending)  # once approved, all of it is public: the checks above can fail
    assert {hit["id"] for hit in client.get("/api/v1/search", {"q": NEW}).json()["results"]} == {
        pending["study"].pk,
        pending["barrier"].pk,
        pending["workaround"].pk,
    }
    assert f"<h1>{PENDING} neighbourhood teams</h1>" in client.get(leeds.study.url).content.decode()
    for name, body in browsing_pages(client).items():
        assert NEW in body, f"approved content missing from the {name}"


@pytest.mark.elasticsearch
def test_nothing_in_moderation_is_public_on_elasticsearch(client, es_store, leeds, pending, curator_client):
    from django.conf import settings

    from search.engines.elasticsearch.client import get_client
    from search.engines.elasticsearch.engine import ElasticsearchEngine

    engine = ElasticsearchEngine(get_client(settings.ELASTICSEARCH_URL), es_store.prefix)
    assert client.get("/api/v1/search", {"q": "neighbourhood"}).json()["engine"] == "elasticsearch"
    assert_nothing_pending_shows(client, leeds, pending)
    for word in (NEW, PENDING):
        assert engine.search(SearchRequest(q=word)).total == 0

    approve_all(curator_client, pending)
    assert engine.search(SearchRequest(q=NEW)).total == 3
    assert engine.search(SearchRequest(q=PENDING)).total >= 1
    assert DatabaseEngine().search(SearchRequest(q=PENDING)).total >= 1
