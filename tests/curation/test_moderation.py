"""Moderation: the checklist refuses incomplete submissions and says what is missing; the author's
no-patient-data confirmation is recorded server side; curators request changes with a comment;
every case study has a review date, and curators have a report of those past it."""

from __future__ import annotations

import csv
import html
import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from casestudies.models import BarrierPage, CaseStudyPage
from curation.moderation import add_years
from tests.factories import committed, make_case_study
from themes.models import BarrierCategory

from .admin_forms import NEW_OUTCOME, add_url, case_study_form, edit_url, errors_of, form_for
from .conftest import draft

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}
PUBLISH = {"action-publish": "action-publish"}
GAPS = {
    "summary": "a summary",
    "theme": "at least one theme",
    "evidence": "at least one barrier or outcome",
    "contact": "a contact (a name or an email address)",
    "patient data": "the author's confirmation that it holds no patient-identifiable information",
}
INCOMPLETE = {
    "summary": {"summary": ""},
    "theme": {"themes": ()},
    "evidence": {"outcomes": ()},
    "contact": {"contact_name": "", "contact_email": ""},
    "patient data": {"no_patient_data": None},
}


def refusal(gap: str) -> str:
    return f"Not submitted for moderation: it still needs {GAPS[gap]}."


def workflow_of(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).order_by("created_at").last()


# --- the checklist ------------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", list(GAPS))
def test_a_new_case_study_missing_one_item_is_not_submitted(author_client, leeds, gap):
    data = case_study_form("Discharge to assess", "discharge-to-assess", **INCOMPLETE[gap], **SUBMIT)
    response = author_client.post(add_url(CaseStudyPage, leeds.pioneer), data)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert refusal(gap) in page  # shown in the admin's error message
    others = [refusal(other) for other in GAPS if other != gap]
    assert not any(message in page for message in others)
    assert not CaseStudyPage.objects.filter(slug="discharge-to-assess").exists()


def test_every_gap_is_listed_at_once(author_client, leeds):
    data = case_study_form("Discharge", "discharge", **{k: v for gap in GAPS for k, v in INCOMPLETE[gap].items()})
    response = author_client.post(add_url(CaseStudyPage, leeds.pioneer), {**data, **SUBMIT})
    page = html.unescape(response.content.decode())
    for gap in GAPS:
        if gap != "summary":  # a blank summary is also refused by the field itself
            assert refusal(gap) in page, gap


def test_the_complete_checklist_lets_a_new_case_study_through(author_client, leeds):
    response = author_client.post(add_url(CaseStudyPage, leeds.pioneer), case_study_form("Ready", "ready", **SUBMIT))
    assert response.status_code == 302, errors_of(response)
    study = CaseStudyPage.objects.get(slug="ready")
    assert workflow_of(study).status == "in_progress" and not study.live


def test_an_incomplete_draft_can_still_be_saved(author_client, leeds):
    data = case_study_form("Half written", "half-written", themes=(), outcomes=(), no_patient_data=None)
    response = author_client.post(add_url(CaseStudyPage, leeds.pioneer), data)
    assert response.status_code == 302, errors_of(response)
    assert workflow_of(CaseStudyPage.objects.get(slug="half-written")) is None


def test_an_existing_case_study_is_refused_too_and_left_as_it_was(author_client, leeds):
    study = leeds.study
    revisions = study.revisions.count()
    response = author_client.post(edit_url(study), form_for(study, "Changed", no_patient_data=None, **SUBMIT))
    assert response.status_code == 200
    assert refusal("patient data") in html.unescape(response.content.decode())
    assert study.revisions.count() == revisions and workflow_of(study) is None


def test_a_barrier_counts_for_the_checklist_even_as_a_draft(author_client, leeds):
    # The draft case study has no outcome; a draft barrier under it is enough.
    study = leeds.draft_study
    data = form_for(study, study.title, themes=["pooled-budgets"], outcomes=[], **SUBMIT)
    response = author_client.post(edit_url(study), data)
    assert refusal("evidence") in response.content.decode()
    draft(study, BarrierPage(title="Records on paper", description="D.", category=BarrierCategory.objects.first()))
    response = author_client.post(edit_url(study), data)
    assert response.status_code == 302, errors_of(response)
    assert workflow_of(study).status == "in_progress"


def test_the_edit_form_shows_the_checklist_and_what_is_missing(author_client, leeds):
    page = author_client.get(edit_url(leeds.draft_study)).content.decode()
    assert "Needed before submitting: a summary; at least one theme;" in page
    assert "Still missing: at least one theme; at least one barrier or outcome; a contact" in page


# --- the no-patient-data confirmation --------------------------------------------------------------------


def confirmation(page):
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    return latest.no_patient_data, latest.no_patient_data_confirmed_by, latest.no_patient_data_confirmed_at


def test_ticking_the_box_records_who_and_when_and_unticking_clears_it(
    author_client, curator_client, leeds, leeds_author, curator
):
    study = leeds.study
    assert confirmation(study) == (False, None, None)

    before = timezone.now()
    author_client.post(edit_url(study), form_for(study, study.title))
    ticked, who, when = confirmation(study)
    assert ticked and who == leeds_author and before <= when <= timezone.now()

    # Saving again with the box still ticked, by anyone, keeps the author's confirmation.
    author_client.post(edit_url(study), form_for(study, "Retitled"))
    curator_client.post(edit_url(study), form_for(study, "Retitled again"))
    assert confirmation(study) == (True, leeds_author, when)
    shown = author_client.get(edit_url(study)).content.decode()
    assert "Confirmed by leeds-author on" in shown

    author_client.post(edit_url(study), form_for(study, study.title, no_patient_data=None))
    assert confirmation(study) == (False, None, None)

    # Ticked again by the curator: now theirs.
    curator_client.post(edit_url(study), form_for(study, study.title))
    assert confirmation(study)[1] == curator


def test_who_confirmed_cannot_be_posted(author_client, leeds, curator):
    study = leeds.study
    forged = {"no_patient_data_confirmed_by": str(curator.pk), "no_patient_data_confirmed_at": "2014-01-01T00:00"}
    author_client.post(edit_url(study), {**form_for(study, study.title), **forged})
    _ticked, who, when = confirmation(study)
    assert who.username == "leeds-author" and when.year == timezone.now().year


def test_a_copy_is_confirmed_afresh(author_client, leeds):
    study = leeds.study
    author_client.post(edit_url(study), form_for(study, study.title))
    assert confirmation(study)[0]
    response = author_client.post(
        reverse("wagtailadmin_pages:copy", args=[study.pk]),
        {"new_title": "Copied study", "new_slug": "copied-study", "new_parent_page": str(leeds.pioneer.pk)},
    )
    assert response.status_code == 302
    copy = CaseStudyPage.objects.get(slug="copied-study")
    assert confirmation(copy) == (False, None, None) and copy.review_by is None


# --- requesting changes --------------------------------------------------------------------------------


def test_a_curator_requests_changes_with_a_comment_and_the_author_resubmits(author_client, curator_client, leeds):
    study = leeds.study
    author_client.post(edit_url(study), form_for(study, "Leeds teams, with the ward named", **SUBMIT))
    state = workflow_of(study)
    task_state = TaskState.objects.get(workflow_state=state, status="in_progress")
    reject = reverse("wagtailadmin_pages:workflow_action", args=[study.pk, "reject", task_state.pk])
    response = curator_client.post(reject, {"comment": "Please take out the ward's name: it could identify people."})
    assert response.status_code == 302
    state.refresh_from_db()
    task_state.refresh_from_db()
    assert state.status == "needs_changes" and task_state.status == "rejected"
    assert task_state.comment == "Please take out the ward's name: it could identify people."
    assert Page.objects.get(pk=study.pk).title == study.title  # nothing published
    # The author sees the comment in the editor, and resubmits.
    assert "Please take out the ward" in author_client.get(edit_url(study)).content.decode()
    response = author_client.post(edit_url(study), form_for(study, "Leeds teams", **SUBMIT))
    assert response.status_code == 302, errors_of(response)
    state.refresh_from_db()
    assert state.status == "in_progress"


# --- the review date ---------------------------------------------------------------------------------------


def test_first_publishing_sets_the_review_date_two_years_on(author_client, curator_client, leeds):
    study = leeds.draft_study
    data = form_for(study, study.title, themes=["pooled-budgets"], outcomes=[NEW_OUTCOME], **SUBMIT)
    assert author_client.post(edit_url(study), data).status_code == 302
    task_state = TaskState.objects.get(workflow_state=workflow_of(study), status="in_progress")
    with committed():
        curator_client.post(reverse("wagtailadmin_pages:workflow_action", args=[study.pk, "approve", task_state.pk]))
    study = CaseStudyPage.objects.get(pk=study.pk)
    assert study.live
    assert study.review_by == add_years(timezone.localdate(study.first_published_at), 2)
    # The editor starts from the same date; a later publish keeps it.
    assert study.get_latest_revision_as_object().review_by == study.review_by
    with committed():
        curator_client.post(edit_url(study), form_for(study, "Republished", **PUBLISH))
    assert CaseStudyPage.objects.get(pk=study.pk).review_by == study.review_by


def test_only_curators_set_the_review_date(author_client, curator_client, leeds):
    study = CaseStudyPage.objects.get(pk=leeds.study.pk)
    assert study.review_by == add_years(timezone.localdate(study.first_published_at), 2)
    assert 'name="review_by"' not in author_client.get(edit_url(study)).content.decode()
    assert 'name="review_by"' in curator_client.get(edit_url(study)).content.decode()
    author_client.post(edit_url(study), form_for(study, study.title, review_by="2030-01-01"))
    assert Page.objects.get(pk=study.pk).specific.get_latest_revision_as_object().review_by == study.review_by
    with committed():
        curator_client.post(edit_url(study), form_for(study, study.title, review_by="2030-01-01", **PUBLISH))
    assert CaseStudyPage.objects.get(pk=study.pk).review_by == date(2030, 1, 1)


def test_bad_review_dates_get_a_message_not_an_error(curator_client, leeds):
    response = curator_client.post(edit_url(leeds.study), form_for(leeds.study, "T", review_by="31/02/2030", **PUBLISH))
    assert response.status_code == 200
    assert "review_by" in response.context["form"].errors


def test_a_leap_day_moves_to_the_28th():
    assert add_years(date(2016, 2, 29), 2) == date(2018, 2, 28)
    assert add_years(date(2016, 3, 1), 2) == date(2018, 3, 1)


# --- the curators' report ---------------------------------------------------------------------------------


@pytest.fixture
def overdue(leeds, kent):
    today = timezone.localdate()
    dates = {leeds.study: today - timedelta(days=400), kent.study: today - timedelta(days=1)}
    for study, due in dates.items():
        CaseStudyPage.objects.filter(pk=study.pk).update(review_by=due)
    make_case_study(leeds.pioneer, "Reviewed recently")  # due in two years
    CaseStudyPage.objects.filter(pk=leeds.draft_study.pk).update(review_by=today - timedelta(days=30))  # not public
    return dates


REPORT = "/admin/curation/past-review-date/"


def test_the_report_lists_published_case_studies_past_their_review_date(curator_client, overdue, leeds, kent):
    page = curator_client.get(REPORT).content.decode()
    assert page.index(leeds.study.title) < page.index(kent.study.title)  # longest overdue first
    assert "Reviewed recently" not in page
    assert leeds.draft_study.title not in page
    assert reverse("wagtailadmin_pages:edit", args=[leeds.study.pk]) in page
    assert "Past their review date" in curator_client.get("/admin/").content.decode()  # in the Curation menu


def test_the_report_exports_csv_and_xlsx(curator_client, overdue, leeds, kent):
    response = curator_client.get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Case study"], row["Pioneer"], row["Review by"]) for row in rows] == [
        (study.title, study.get_parent().title, due.isoformat()) for study, due in overdue.items()
    ]
    assert rows[0]["Address"].endswith(leeds.study.url)

    response = curator_client.get(REPORT, {"export": "xlsx"})
    assert "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Case study", "Pioneer", "Review by"]
    assert [row[0] for row in values[1:]] == [leeds.study.title, kent.study.title]


def test_authors_have_no_curation_menu_and_no_report(author_client, overdue):
    assert "Past their review date" not in author_client.get("/admin/").content.decode()
    response = author_client.get(REPORT)
    assert response.status_code in (302, 403)
    assert author_client.get(REPORT, {"export": "csv"}).status_code in (302, 403)


def test_a_bad_page_number_in_the_report_is_not_an_error(curator_client, overdue):
    assert curator_client.get(REPORT, {"p": "many"}).status_code in (200, 404)
    assert curator_client.get(REPORT, {"export": "pdf"}).status_code == 200
