"""Curators' reports in the admin, with Wagtail's CSV and XLSX export."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from search.web.csv_export import csv_safe

REPORTS_PERMISSION = "curation.view_reports"


class CuratorsReportView(ReportView):
    """A report only curators (or anyone given curation.view_reports) may open.

    Its CSV export holds authors' titles: every cell goes through the portal's
    one spreadsheet rule, so none starts a formula (Wagtail guards only XLSX).
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORTS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def write_csv_row(self, writer, row_dict):
        cells = {field: self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row_dict.items()}
        return writer.writerow({field: csv_safe(cell) for field, cell in cells.items()})


class PastReviewDateReport(CuratorsReportView):
    """Published case studies whose review-by date has passed, the longest overdue first."""

    page_title = "Past their review date"
    header_icon = "calendar-check"
    index_url_name = "curation_past_review_date"
    index_results_url_name = "curation_past_review_date_results"
    columns = [
        TitleColumn("title", label="Case study", url_name="wagtailadmin_pages:edit"),
        Column("pioneer_name", label="Pioneer"),
        Column("review_by_text", label="Review by"),
        DateColumn("last_published_at", label="Last published"),
    ]
    list_export = ["title", "pioneer_name", "review_by", "first_published_at", "last_published_at", "full_url"]
    export_headings = {
        "title": "Case study",
        "pioneer_name": "Pioneer",
        "review_by": "Review by",
        "first_published_at": "First published",
        "last_published_at": "Last published",
        "full_url": "Address",
    }
    no_results_message = "No published case study is past its review date."

    def get_filename(self) -> str:
        return f"past-review-date-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        return CaseStudyPage.objects.live().filter(review_by__lt=timezone.localdate()).order_by("review_by", "title")

    def decorate_paginated_queryset(self, studies):
        studies = list(studies)
        parent_paths = {study.path[: -Page.steplen] for study in studies}
        names = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
        for study in studies:
            study.pioneer_name = names.get(study.path[: -Page.steplen], "")
            study.review_by_text = date_format(study.review_by, "j F Y")
        return studies
