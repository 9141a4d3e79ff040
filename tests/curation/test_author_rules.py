"""The authors' and curators' rules, proved through the admin's own views for every page type.

An author of Leeds adds, edits and submits under Leeds only; never publishes;
cannot open Kent's pages and cannot see Kent's drafts anywhere in the admin.
A curator publishes anywhere and approves what authors submit.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page, TaskState, WorkflowState

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage

from .admin_forms import (
    NEW_OUTCOME,
    add_url,
    barrier_form,
    case_study_form,
    edit_url,
    errors_of,
    form_for,
    pioneer_form,
    workaround_form,
)
from .admin_surfaces import admin_surfaces
from .conftest import SECRET, client_for

pytestmark = pytest.mark.django_db

KINDS = ["pioneer", "case study", "barrier", "workaround"]
PUBLISH = {"action-publish": "action-publish"}
SUBMIT = {"action-submit": "action-submit"}


def new_page(kind: str, corner, title: str):
    """(model, parent, form data) for adding a page of this kind in a pioneer's corner."""
    slug = slugify(title)
    if kind == "pioneer":
        return PioneerPage, corner.pioneer.get_parent(), pioneer_form(title, slug)
    if kind == "case study":
        return CaseStudyPage, corner.pioneer, case_study_form(title, slug)
    if kind == "barrier":
        return BarrierPage, corner.study, barrier_form(title, slug)
    return WorkaroundPage, corner.study, workaround_form(title, slug, [corner.barrier])


def own_draft(kind: str, corner):
    """A never-published page of this kind in the corner (a pioneer page cannot be one: it is live)."""
    return {"case study": corner.draft_study, "barrier": corner.draft_barrier}.get(kind, corner.draft_workaround)


def live_title(page) -> str:
    """The title the public sees: a live page's own row holds its published version."""
    return Page.objects.get(pk=page.pk).title


def latest_title(page) -> str:
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title


# --- authors add and edit in their own corner ------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS[1:])
def test_author_adds_pages_under_own_pioneer_as_drafts(author_client, leeds, leeds_author, kind):
    model, parent, data = new_page(kind, leeds, f"New {kind} by the author")
    assert author_client.get(add_url(model, parent)).status_code == 200
    response = author_client.post(add_url(model, parent), data)
    assert response.status_code == 302, errors_of(response)
    page = model.objects.child_of(parent).get(title=f"New {kind} by the author")
    assert not page.live
    assert page.owner == leeds_author


def test_author_cannot_add_a_pioneer(author_client, leeds):
    model, parent, data = new_page("pioneer", leeds, "A pioneer of their own")
    assert author_client.get(add_url(model, parent)).status_code in (302, 403)
    author_client.post(add_url(model, parent), data)
    assert not PioneerPage.objects.filter(title="A pioneer of their own").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_author_edits_own_pages(author_client, leeds, kind):
    page = leeds.live(kind)
    assert author_client.get(edit_url(page)).status_code == 200
    response = author_client.post(edit_url(page), form_for(page, f"Leeds {kind} improved"))
    assert response.status_code == 302, errors_of(response)
    assert latest_title(page) == f"Leeds {kind} improved"
    assert live_title(page) == page.title  # a saved draft, the public still sees the live version


# --- authors never publish ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_publish_action_is_not_offered_to_authors(author_client, curator_client, leeds, kind):
    page = leeds.live(kind)
    editor = author_client.get(edit_url(page)).content.decode()
    assert 'name="action-publish"' not in editor
    assert 'name="action-submit"' in editor
    assert 'name="action-publish"' in curator_client.get(edit_url(page)).content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_an_authors_publish_is_refused_and_the_live_page_is_unchanged(author_client, leeds, kind):
    page = leeds.live(kind)
    response = author_client.post(edit_url(page), form_for(page, f"Published by an author: {kind}", **PUBLISH))
    assert response.status_code == 302, errors_of(response)
    assert live_title(page) == page.title
    assert Page.objects.get(pk=page.pk).has_unpublished_changes


@pytest.mark.parametrize("kind", KINDS[1:])
def test_an_authors_draft_stays_unpublished_whichever_way_they_try(author_client, leeds, kind):
    draft = own_draft(kind, leeds)
    author_client.post(edit_url(draft), form_for(draft, f"Draft {kind} pushed live", **PUBLISH))
    assert not Page.objects.get(pk=draft.pk).live
    # The explorer's bulk "Publish" refuses too.
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={draft.pk}"
    author_client.post(bulk, {})
    assert not Page.objects.get(pk=draft.pk).live
    # So does a new page posted with "Publish".
    model, parent, data = new_page(kind, leeds, f"Fresh {kind} published")
    author_client.post(add_url(model, parent), {**data, **PUBLISH})
    assert not model.objects.get(title=f"Fresh {kind} published").live


def test_an_author_cannot_unpublish_either(author_client, leeds):
    author_client.post(reverse("wagtailadmin_pages:unpublish", args=[leeds.study.pk]), {})
    assert Page.objects.get(pk=leeds.study.pk).live


# --- another pioneer's pages are out of reach ---------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_author_cannot_open_or_change_another_pioneers_pages(author_client, leeds, kent, kind):
    pages = [kent.live(kind)] + ([own_draft(kind, kent)] if kind != "pioneer" else [])
    for page in pages:
        revisions = page.revisions.count()
        assert author_client.get(edit_url(page)).status_code in (302, 403), page.title
        author_client.post(edit_url(page), form_for(page, "Changed by a stranger", **SUBMIT))
        assert latest_title(page) == page.title
        assert page.revisions.count() == revisions
    if kind != "pioneer":
        model, parent, data = new_page(kind, kent, f"Planted {kind}")
        assert author_client.get(add_url(model, parent)).status_code in (302, 403)
        author_client.post(add_url(model, parent), data)
        assert not model.objects.filter(title=f"Planted {kind}").exists()


def test_author_cannot_see_another_pioneers_drafts_anywhere_in_the_admin(author_client, site, leeds, kent, kent_author):
    # Kent's drafts are submitted for moderation (so they are in the workflow reports), and its live
    # pioneer page has a pending rename.
    kent_client = client_for(Client, kent_author)
    for page in kent.drafts():
        complete = {"themes": ["pooled-budgets"], "outcomes": [NEW_OUTCOME]} if page == kent.draft_study else {}
        response = kent_client.post(edit_url(page), form_for(page, page.title, **complete, **SUBMIT))
        assert response.status_code == 302, errors_of(response)
    response = kent_client.post(edit_url(kent.pioneer), form_for(kent.pioneer, f"{SECRET} Kent renamed", **SUBMIT))
    assert response.status_code == 302, errors_of(response)
    assert WorkflowState.objects.filter(status="in_progress").count() == 4

    for surface, body in admin_surfaces(author_client, site, kent).items():
        assert SECRET not in body, f"another pioneer's draft shows in {surface}"
    # ... while Kent's own author does see them, so the check can fail.
    seen = admin_surfaces(kent_client, site, kent)
    assert SECRET in seen["admin search"] and SECRET in seen["workflows"]
    # The Leeds author's own draft is theirs to see.
    assert leeds.draft_study.title in author_client.get("/admin/pages/search/?q=unannounced").content.decode()


# --- curators publish anywhere and approve -----------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_curator_publishes_anywhere(curator_client, leeds, kent, kind):
    for corner in (leeds, kent):
        page = corner.live(kind)
        title = f"{corner.pioneer.title} {kind} as the curator left it"
        response = curator_client.post(edit_url(page), form_for(page, title, **PUBLISH))
        assert response.status_code == 302, errors_of(response)
        assert live_title(page) == title
    if kind != "pioneer":
        draft = own_draft(kind, kent)
        curator_client.post(edit_url(draft), form_for(draft, draft.title, **PUBLISH))
        assert Page.objects.get(pk=draft.pk).live
    model, parent, data = new_page(kind, kent, f"Curator's new {kind}")
    response = curator_client.post(add_url(model, parent), {**data, **PUBLISH})
    assert response.status_code == 302, errors_of(response)
    assert model.objects.get(title=f"Curator's new {kind}").live


@pytest.mark.parametrize("kind", KINDS)
def test_author_submits_and_a_curator_approves(author_client, curator_client, leeds, kind):
    page = leeds.live(kind)
    response = author_client.post(edit_url(page), form_for(page, f"Leeds {kind}, reviewed", **SUBMIT))
    assert response.status_code == 302, errors_of(response)
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == "in_progress" and state.workflow.name == "Exchange moderation"
    assert live_title(page) == page.title  # waiting: the public still sees the live version

    task_state = TaskState.objects.get(workflow_state=state, status="in_progress")
    # The author cannot approve their own work.
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    author_client.post(approve, {"comment": ""})
    assert live_title(page) == page.title
    # A curator can.
    assert f"Leeds {kind}, reviewed" in curator_client.get("/admin/").content.decode()  # awaiting their review
    response = curator_client.post(approve, {"comment": "Clear and useful."})
    assert response.status_code == 302
    assert live_title(page) == f"Leeds {kind}, reviewed"
    state.refresh_from_db()
    assert state.status == "approved"


def test_the_guarded_chooser_answers_bad_ids_with_not_found(author_client, leeds):
    chosen = reverse("wagtailadmin_choose_page_chosen_multiple")
    for bad in ["abc", "²", "9" * 30, ""]:
        assert author_client.get(chosen, {"id": bad}).status_code == 404, bad
    assert author_client.get(chosen, {"id": str(leeds.study.pk)}).status_code == 200
    assert author_client.get(reverse("wagtailadmin_choose_page_child", args=[leeds.draft_study.pk])).status_code == 200
