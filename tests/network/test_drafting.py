"""Network members who draft case studies for their area: a curator's grant on "Network members", the drafters'
rights in the admin (add under their area, edit only their own pages, submit to the curators' moderation, never
publish, see nothing of other areas), and the grant ending when the member changes area."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, TaskState, WorkflowState

from casestudies.models import CaseStudyPage
from casestudies.site_structure import ensure_site_structure
from curation.models import NetworkDrafters
from curation.moderation import TASK, WORKFLOW
from curation.roles import CURATORS, drafters_groups, ensure_drafters, sync_roles
from tests.conftest import module_transaction
from tests.curation.admin_forms import add_url, case_study_form, edit_url, errors_of, form_for
from tests.curation.admin_surfaces import admin_surfaces
from tests.curation.conftest import SECRET, make_corner, make_user
from tests.factories import committed

from .conftest import make_member

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}
PUBLISH = {"action-publish": "action-publish"}
MEMBERS = "/admin/network/members/"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Leeds (the member's area) and Kent (another area, whose drafts carry the secret word)."""
    with module_transaction(django_db_blocker):
        site = ensure_site_structure()
        yield site, make_corner("Leeds", "north"), make_corner("Kent", "south", secret=SECRET)


@pytest.fixture
def site(world):
    return world[0]


@pytest.fixture
def leeds(world):
    return world[1]


@pytest.fixture
def kent(world):
    return world[2]


@pytest.fixture
def curator_client(world):
    client = Client()
    client.force_login(make_user("curator", Group.objects.get(name=CURATORS)))
    return client


@pytest.fixture
def member(leeds):
    return make_member("pat@leeds.example.org", area=leeds.pioneer)


@pytest.fixture
def member_client(member):
    client = Client()
    client.force_login(member)
    return client


def drafting_url(user) -> str:
    return reverse("network_change_drafting", args=[user.pk])


def allow(curator_client, member):
    response = curator_client.post(drafting_url(member), {"action": "allow"})
    assert response.status_code == 302 and response["Location"] == MEMBERS
    return response


def refused(response) -> bool:
    """The admin's refusal: its sign-in page for those without admin access, 403 (or a redirect) otherwise."""
    return response.status_code in {302, 403}


def drafter_groups_of(user) -> list[str]:
    return list(drafters_groups().filter(user=user).values_list("name", flat=True))


# --- the curators' page -------------------------------------------------------------------------------


def test_curators_see_every_member_and_let_one_draft_for_their_area(curator_client, member, leeds):
    unconfirmed = make_member("new@kent.example.org", verified=False)
    no_area = make_member("undecided@dorset.example.org")
    page = curator_client.get(MEMBERS)
    assert page.status_code == 200
    html = page.content.decode()
    for user in (member, unconfirmed, no_area):
        assert user.email in html  # the one admin page that shows members' addresses
    assert f"Let them draft for {leeds.pioneer.title}" in html
    assert "No: address not confirmed" in html and "No: no area" in html
    assert "Download CSV" not in html and curator_client.get(f"{MEMBERS}?export=csv")["Content-Type"].startswith(
        "text/html"
    )  # addresses stay on the page
    assert "Network members" in curator_client.get("/admin/").content.decode()  # in the Curation menu

    assert drafter_groups_of(member) == []
    allow(curator_client, member)
    assert drafter_groups_of(member) == ["Leeds network drafters"]
    assert "Yes, for Leeds" in curator_client.get(MEMBERS).content.decode()

    response = curator_client.post(drafting_url(member), {"action": "withdraw"})
    assert response.status_code == 302
    assert drafter_groups_of(member) == []
    assert NetworkDrafters.objects.filter(area=leeds.pioneer).exists()  # the group stays for the next grant


def test_a_member_without_an_area_or_a_confirmed_address_is_refused_with_400(curator_client, world):
    for user in (make_member("undecided@dorset.example.org"), make_member("new@kent.example.org", verified=False)):
        response = curator_client.post(drafting_url(user), {"action": "allow"})
        assert response.status_code == 400, user.email
        assert drafter_groups_of(user) == []


def test_a_bad_member_id_is_404_and_a_bad_action_400(curator_client, member, leeds):
    author = make_user("leeds-author", leeds.pioneer.authors_role.group)  # an account, but no network member
    for user_id in (999_999, author.pk):
        assert (
            curator_client.post(reverse("network_change_drafting", args=[user_id]), {"action": "allow"}).status_code
            == 404
        )
    assert curator_client.post("/admin/network/members/abc/drafting/", {"action": "allow"}).status_code == 404
    assert curator_client.post(drafting_url(member), {"action": "publish"}).status_code == 400
    assert curator_client.get(drafting_url(member)).status_code == 405
    assert drafter_groups_of(member) == [] and drafter_groups_of(author) == []


def test_the_grant_is_csrf_protected(member, world):
    curator = make_user("curator", Group.objects.get(name=CURATORS))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)
    assert strict.post(drafting_url(member), {"action": "allow"}).status_code == 403
    assert drafter_groups_of(member) == []
    # The control: the form as the page renders it, token included, does grant.
    html = strict.get(MEMBERS).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert strict.post(drafting_url(member), {"action": "allow", "csrfmiddlewaretoken": token}).status_code == 302
    assert drafter_groups_of(member) == ["Leeds network drafters"]


def test_no_one_but_curators_reaches_the_page_or_the_grant(client, member, member_client, leeds):
    author_client = Client()
    author_client.force_login(make_user("leeds-author", leeds.pioneer.authors_role.group))  # in the admin
    for someone in (author_client, member_client, client):
        assert refused(someone.get(MEMBERS))
        assert refused(someone.post(drafting_url(member), {"action": "allow"}))
    assert drafter_groups_of(member) == []
    assert "Network members" not in author_client.get("/admin/").content.decode()


# --- what a drafter may do -------------------------------------------------------------------------------


def test_without_the_grant_a_member_gets_no_admin(member_client, leeds):
    for url in ("/admin/", f"/admin/pages/{leeds.pioneer.pk}/", add_url(CaseStudyPage, leeds.pioneer)):
        response = member_client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_a_drafter_adds_a_case_study_to_their_area_and_a_curator_approves_it(
    curator_client, member, member_client, leeds
):
    allow(curator_client, member)
    assert member_client.get("/admin/").status_code == 200
    assert add_url(CaseStudyPage, leeds.pioneer) in member_client.get("/admin/").content.decode()  # dashboard link
    editor = member_client.get(add_url(CaseStudyPage, leeds.pioneer)).content.decode()
    assert 'name="action-publish"' not in editor and 'name="action-submit"' in editor

    # Posted with "Publish" (crafted): saved as a draft, never live.
    data = case_study_form("Leeds discharge hub", "leeds-discharge-hub", **PUBLISH)
    response = member_client.post(add_url(CaseStudyPage, leeds.pioneer), data)
    assert response.status_code == 302, errors_of(response)
    study = CaseStudyPage.objects.child_of(leeds.pioneer).get(slug="leeds-discharge-hub")
    assert not study.live and study.owner == member

    # Submitted: the exchange's moderation, exactly as for the pioneers' authors.
    response = member_client.post(edit_url(study), form_for(study, "Leeds discharge hub", **SUBMIT))
    assert response.status_code == 302, errors_of(response)
    state = WorkflowState.objects.get(object_id=str(study.pk), status="in_progress")
    task_state = TaskState.objects.get(workflow_state=state, status="in_progress")
    assert state.workflow.name == WORKFLOW and task_state.task.name == TASK
    approve = reverse("wagtailadmin_pages:workflow_action", args=[study.pk, "approve", task_state.pk])
    member_client.post(approve, {"comment": ""})
    assert not Page.objects.get(pk=study.pk).live  # not by the member
    with committed():
        assert curator_client.post(approve, {"comment": "Thank you."}).status_code == 302
    assert Page.objects.get(pk=study.pk).live
    # "Download your data" holds the grant and the page.
    data = json.loads(member_client.get("/account/data/").content)
    assert data["membership"]["may_draft_for"] == [{"id": leeds.pioneer.pk, "title": "Leeds"}]
    assert data["pages_drafted"] == [{"id": study.pk, "title": "Leeds discharge hub", "live": True}]


def test_a_drafter_cannot_edit_pages_in_their_area_they_did_not_make(curator_client, member, member_client, leeds):
    allow(curator_client, member)
    author = make_user("leeds-author", leeds.pioneer.authors_role.group)
    author_client = Client()
    author_client.force_login(author)
    author_client.post(add_url(CaseStudyPage, leeds.pioneer), case_study_form("Authors' draft", "authors-draft"))
    authors_draft = CaseStudyPage.objects.get(slug="authors-draft")
    assert authors_draft.owner == author
    for page in (authors_draft, leeds.study, leeds.draft_study, leeds.barrier, leeds.pioneer):
        revisions = page.revisions.count()
        assert refused(member_client.get(edit_url(page))), page.title
        member_client.post(edit_url(page), form_for(page, "Changed by a drafter", **SUBMIT))
        assert page.revisions.count() == revisions, page.title
    assert member_client.post(reverse("wagtailadmin_pages:delete", args=[authors_draft.pk])).status_code != 200
    assert CaseStudyPage.objects.filter(pk=authors_draft.pk).exists()


def test_a_drafter_cannot_see_or_change_another_areas_drafts_or_pages(
    curator_client, member, member_client, site, kent
):
    allow(curator_client, member)
    for surface, body in admin_surfaces(member_client, site, kent).items():
        assert SECRET not in body, f"another area's draft shows in {surface}"
    for page in (kent.pioneer, kent.study, *kent.drafts()):
        revisions = page.revisions.count()
        member_client.post(edit_url(page), form_for(page, "Changed by a stranger", **SUBMIT))
        assert page.revisions.count() == revisions, page.title
    member_client.post(add_url(CaseStudyPage, kent.pioneer), case_study_form("Planted", "planted"))
    assert not CaseStudyPage.objects.filter(slug="planted").exists()


def test_the_drafters_rights_are_exactly_add_on_the_area_and_its_documents(member, leeds):
    group = ensure_drafters(leeds.pioneer)
    # A right added by hand (publishing, changing others' pages) goes at the next migrate.
    GroupPagePermission.objects.create(
        group=group, page=leeds.pioneer, permission=Permission.objects.get(codename="publish_page")
    )
    group.permissions.add(Permission.objects.get(codename="change_theme"))
    sync_roles()
    pages = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
    assert pages == {(leeds.pioneer.pk, "add_page")}
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    authors = leeds.pioneer.authors_role.group

    def documents(g):
        return set(GroupCollectionPermission.objects.filter(group=g).values_list("collection", "permission"))

    assert documents(group) == documents(authors) and documents(group)


def test_the_group_follows_the_area_renamed_and_goes_with_it_deleted(member, leeds):
    group = ensure_drafters(leeds.pioneer)
    leeds.pioneer.title = "Leeds City"
    with committed():
        leeds.pioneer.save_revision().publish()
    assert Group.objects.get(pk=group.pk).name == "Leeds City network drafters"
    with committed():
        Page.objects.get(pk=leeds.pioneer.pk).delete()
    assert not Group.objects.filter(pk=group.pk).exists()


# --- the grant ends with the area -------------------------------------------------------------------------


def test_changing_area_ends_drafting_and_the_account_page_says_so(curator_client, member, member_client, kent):
    allow(curator_client, member)
    assert "You may draft case studies for Leeds" in member_client.get("/account/").content.decode()
    response = member_client.post("/account/", {"area": kent.pioneer.pk}, follow=True)
    assert "You can no longer draft case studies for Leeds" in response.content.decode()
    assert drafter_groups_of(member) == []
    assert refused(member_client.get("/admin/"))
    # Choosing the same area again keeps it.
    allow(curator_client, member)
    response = member_client.post("/account/", {"area": kent.pioneer.pk}, follow=True)
    assert drafter_groups_of(member) == ["Kent network drafters"]
    assert "no longer draft" not in response.content.decode()


def test_an_unpublished_area_ends_its_members_drafting(curator_client, member, leeds):
    allow(curator_client, member)
    with committed():
        Page.objects.get(pk=leeds.pioneer.pk).unpublish()
    assert drafter_groups_of(member) == []


# --- asking to draft ----------------------------------------------------------------------------------------


def test_a_member_asks_the_curators_to_draft_once_a_day(curator_client, member, member_client, leeds):
    caches["ratelimit"].clear()
    assert "Ask to draft for Leeds" in member_client.get("/account/").content.decode()
    response = member_client.post("/account/drafting/ask/", follow=True)
    assert "We asked the exchange team to let you draft for Leeds" in response.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["curator@example.org"] and "Leeds" in sent.subject
    assert member.email in sent.body and f"{settings.WAGTAILADMIN_BASE_URL}{MEMBERS}" in sent.body
    member_client.post("/account/drafting/ask/")
    assert len(mail.outbox) == 1  # once a day
    allow(curator_client, member)
    assert "Ask to draft" not in member_client.get("/account/").content.decode()
    caches["ratelimit"].clear()


def test_only_a_member_with_an_area_may_ask(client, world):
    undecided = Client()
    undecided.force_login(make_member("undecided@dorset.example.org"))
    assert "Ask to draft" not in undecided.get("/account/").content.decode()
    assert undecided.post("/account/drafting/ask/").status_code == 302
    assert undecided.get("/account/drafting/ask/").status_code == 405
    signed_out = client.post("/account/drafting/ask/")
    assert signed_out.status_code == 302 and signed_out["Location"].startswith("/account/login/")
    assert mail.outbox == []
