"""Authoring that does not fight the author, found by trying it as an author would."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState

from casestudies.models import BarrierPage, CaseStudyPage, WorkaroundPage
from tests.factories import committed, make_barrier, make_case_study
from themes.models import BarrierCategory, Region, Stage

from .admin_forms import add_url, barrier_form, case_study_form, edit_url, errors_of, form_for, workaround_form
from .conftest import make_user

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}


def options(page: str, name: str) -> list[str]:
    """The labels of a <select>'s options, the empty one left out."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no drop-down for {name}"
    labels = re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', select.group(1), re.S)
    return [html.unescape(label.strip()) for value, label in labels if value]


# --- short taxonomies are drop-downs, not pop-up choosers -----------------------------------------------------


def test_stage_is_a_drop_down_of_its_five_values(author_client, leeds):
    page = author_client.get(add_url(CaseStudyPage, leeds.pioneer)).content.decode()
    assert options(page, "stage") == list(Stage.objects.values_list("name", flat=True))
    assert len(options(page, "stage")) == 5
    assert 'id="id_stage-chooser"' not in page


def test_barrier_category_is_a_drop_down(author_client, leeds):
    page = author_client.get(add_url(BarrierPage, leeds.study)).content.decode()
    assert options(page, "category") == list(BarrierCategory.objects.values_list("name", flat=True))
    assert 'id="id_category-chooser"' not in page


def test_a_pioneers_region_is_a_drop_down(curator_client, leeds):
    page = curator_client.get(edit_url(leeds.pioneer)).content.decode()
    assert options(page, "region") == list(Region.objects.values_list("name", flat=True))
    assert 'id="id_region-chooser"' not in page


# --- a workaround's barriers come from its own case study ---------------------------------------------------


def test_a_workarounds_barriers_are_its_own_case_studys_drafts_included(author_client, leeds, kent):
    other_study = make_case_study(leeds.pioneer, "Another Leeds study", themes=("pooled-budgets",))
    make_barrier(other_study, "A barrier of another study")
    page = author_client.get(add_url(WorkaroundPage, leeds.study)).content.decode()
    offered = options(page, "barrier_links-__prefix__-barrier")
    assert offered == sorted([leeds.barrier.title, leeds.draft_barrier.title])
    # A barrier from elsewhere cannot be posted either.
    data = workaround_form("Borrowed fix", "borrowed-fix", [kent.barrier])
    response = author_client.post(add_url(WorkaroundPage, leeds.study), data)
    assert response.status_code == 200 and "Select a valid choice" in errors_of(response)
    assert not WorkaroundPage.objects.filter(slug="borrowed-fix").exists()


def test_editing_a_workaround_offers_the_same_barriers(author_client, leeds):
    page = author_client.get(edit_url(leeds.workaround)).content.decode()
    offered = options(page, "barrier_links-0-barrier")
    assert offered == sorted([leeds.barrier.title, leeds.draft_barrier.title])


def test_a_workaround_can_be_drafted_and_submitted_before_its_barrier_is_published(
    client, author_client, curator_client, leeds
):
    response = author_client.post(add_url(BarrierPage, leeds.study), barrier_form("Faxes lost", "faxes-lost"))
    assert response.status_code == 302, errors_of(response)
    barrier = BarrierPage.objects.get(slug="faxes-lost")
    assert not barrier.live
    data = workaround_form("Secure email instead of fax", "secure-email", [barrier])
    response = author_client.post(add_url(WorkaroundPage, leeds.study), data)
    assert response.status_code == 302, errors_of(response)
    workaround = WorkaroundPage.objects.get(slug="secure-email")
    assert [link.barrier for link in workaround.barrier_links.all()] == [barrier]
    for page in (workaround, barrier):
        response = author_client.post(edit_url(page), form_for(page, page.title, **SUBMIT))
        assert response.status_code == 302, errors_of(response)

    approve = [
        TaskState.objects.get(workflow_state__object_id=str(p.pk), status="in_progress") for p in (workaround, barrier)
    ]
    with committed():  # the workaround first: it goes public without its unpublished barrier
        curator_client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[workaround.pk, "approve", approve[0].pk])
        )
    workaround = WorkaroundPage.objects.get(pk=workaround.pk)
    assert workaround.live and "Faxes lost" not in client.get(workaround.url).content.decode()
    with committed():
        curator_client.post(reverse("wagtailadmin_pages:workflow_action", args=[barrier.pk, "approve", approve[1].pk]))
    assert "Faxes lost" in client.get(workaround.url).content.decode()


# --- the dashboard offers the author's own pioneer ----------------------------------------------------------


def test_the_dashboard_offers_to_add_a_case_study_to_the_authors_pioneer(author_client, leeds, kent):
    dashboard = author_client.get("/admin/").content.decode()
    assert "Your pioneer" in dashboard
    assert f'href="{add_url(CaseStudyPage, leeds.pioneer)}"' in dashboard
    assert "Add a case study" in dashboard
    assert add_url(CaseStudyPage, kent.pioneer) not in dashboard
    assert author_client.get(add_url(CaseStudyPage, leeds.pioneer)).status_code == 200  # and the link works


def test_an_author_of_two_pioneers_sees_both(client, leeds, kent):
    author = make_user("two-hats", leeds.pioneer.authors_role.group, kent.pioneer.authors_role.group)
    client.force_login(author)
    dashboard = client.get("/admin/").content.decode()
    assert "Your pioneers" in dashboard
    for pioneer in (leeds.pioneer, kent.pioneer):
        assert add_url(CaseStudyPage, pioneer) in dashboard


def test_curators_get_no_such_panel(curator_client, leeds):
    assert "Add a case study" not in curator_client.get("/admin/").content.decode()


# --- no avatars from an outside service -------------------------------------------------------------------


def test_the_admin_fetches_no_avatar_from_an_outside_service(author_client, curator_client, leeds):
    for client in (author_client, curator_client):
        for url in ["/admin/", edit_url(leeds.study), "/admin/account/"]:
            page = client.get(url).content.decode()
            assert "gravatar" not in page, url


# --- the public contact block ----------------------------------------------------------------------------------


def contact_block(client, study) -> str:
    page = client.get(study.url).content.decode()
    match = re.search(r'<p class="contact">(.*?)</p>', page, re.S)
    return match.group(1).strip() if match else ""


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"contact_email": "team@example.org"}, '<a href="mailto:team@example.org">team@example.org</a>'),
        ({"contact_role": "Programme office"}, "<span>Programme office</span>"),
        ({"contact_name": "Jo Bloggs"}, "<span>Jo Bloggs</span>"),
        (
            {"contact_name": "Jo Bloggs", "contact_role": "Lead", "contact_email": "jo@example.org"},
            '<span>Jo Bloggs, Lead</span>\n  <a href="mailto:jo@example.org">jo@example.org</a>',
        ),
    ],
)
def test_the_contact_shows_no_blank_line_or_stray_comma(client, leeds, fields, expected):
    study = make_case_study(leeds.pioneer, "Contact study", **fields)
    assert contact_block(client, study) == expected


def test_no_contact_at_all_shows_no_contact_heading(client, leeds):
    study = make_case_study(leeds.pioneer, "No contact study")
    assert "<h2>Contact</h2>" not in client.get(study.url).content.decode()


# --- the preview shows what the checklist still lacks -----------------------------------------------------------


def preview(client, study, data) -> str:
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[study.pk])
    assert json.loads(client.post(url, data).content)["is_valid"] is True
    return html.unescape(client.get(url).content.decode())


def test_the_preview_lists_the_checklists_gaps(author_client, client, leeds):
    study = leeds.draft_study
    shown = preview(author_client, study, form_for(study, study.title, themes=[], no_patient_data=None))
    assert "Preview: not ready to submit for moderation." in shown
    notice = shown[shown.index('class="preview-checklist"') : shown.index("</aside>")]
    assert "at least one theme" in notice
    assert "no patient-identifiable information" in notice
    assert "a contact" not in notice and "a summary" not in notice  # the form gave those


def test_a_complete_preview_says_so_and_the_public_never_sees_the_notice(author_client, client, leeds):
    study = leeds.study
    shown = preview(author_client, study, form_for(study, study.title))
    assert "Preview: the moderation checklist is complete." in shown
    client.logout()
    assert "preview-checklist" not in client.get(study.url).content.decode()


def test_the_preview_of_a_new_case_study_has_the_notice_too(author_client, leeds):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["casestudies", "casestudypage", leeds.pioneer.pk])
    response = author_client.post(url, case_study_form("New one", "new-one", outcomes=()))
    assert json.loads(response.content)["is_valid"] is True
    shown = html.unescape(author_client.get(url).content.decode())
    assert "at least one barrier or outcome" in shown
    assert not Page.objects.filter(slug="new-one").exists()
