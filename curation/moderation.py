"""The moderation workflow and the review date.

One workflow on the home page covers everything beneath it: pioneers, case
studies, barriers and workarounds. Its single task is the curators' approval;
an author submits, a curator approves or requests changes with a comment.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from casestudies.models import HomePage

from .roles import curators_group

WORKFLOW = "Exchange moderation"
TASK = "Curators' approval"
REVIEW_AFTER_YEARS = 2


@transaction.atomic
def ensure_moderation_workflow() -> Workflow:
    """The workflow, its curators' task, and its place on the home page unless a curator chose another."""
    task = GroupApprovalTask.objects.filter(name=TASK).first() or GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(curators_group())
    workflow = Workflow.objects.filter(name=WORKFLOW).first() or Workflow.objects.create(name=WORKFLOW)
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home in HomePage.objects.all():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def default_review_date(first_published_at: datetime) -> date:
    return add_years(timezone.localdate(first_published_at), REVIEW_AFTER_YEARS)


def set_default_review_date(study, revision=None) -> None:
    """On first publishing, a case study without a review date gets one, in the page and in the revisions
    the editor starts from, so curators see the date that applies."""
    if study.review_by is not None or study.first_published_at is None:
        return
    due = default_review_date(study.first_published_at)
    type(study).objects.filter(pk=study.pk, review_by__isnull=True).update(review_by=due)
    study.review_by = due
    for version in {revision, study.get_latest_revision()} - {None}:
        if version.content.get("review_by") is None:
            version.content["review_by"] = due.isoformat()
            version.save(update_fields=["content"])
