"""The reuse report for curators: every public case study and workaround, the most reused first, with the
areas that reused it; pages never reused at the end. Exported as CSV through curation's guarded report."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

from casestudies.visibility import visible
from curation.views import CuratorsReportView

from .models import ReuseRecord
from .reuse import REUSABLE_TYPES


def reuse_ranking():
    """Public case studies and workarounds with their number of reusing areas, most first, then by title."""
    pages = visible(Page.objects.type(*REUSABLE_TYPES))
    return pages.annotate(reuse_count=Count("reuse_records")).order_by("-reuse_count", "title", "pk")


class ReuseReport(CuratorsReportView):
    page_title = "Reuse by areas"
    header_icon = "resubmit"
    index_url_name = "network_reuse_report"
    index_results_url_name = "network_reuse_report_results"
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit"),
        Column("type_label", label="Type"),
        Column("reuse_count", label="Areas that reused it"),
        Column("area_names", label="Areas"),
    ]
    list_export = ["title", "type_label", "reuse_count", "area_names", "notes", "full_url"]
    export_headings = {
        "title": "Page",
        "type_label": "Type",
        "reuse_count": "Areas that reused it",
        "area_names": "Areas",
        "notes": "Members' notes",
        "full_url": "Address",
    }
    no_results_message = "No case study or workaround is published yet."

    def get_filename(self) -> str:
        return f"reuse-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        return reuse_ranking()

    def decorate_paginated_queryset(self, pages):
        """Each page's areas (by name) and notes, in one query for the page of results (or the export)."""
        pages = list(pages)
        records = ReuseRecord.objects.filter(page__in=pages).select_related("area").order_by("area__title")
        by_page = defaultdict(list)
        for record in records:
            by_page[record.page_id].append(record)
        for page in pages:
            found = by_page.get(page.pk, [])
            page.type_label = page.specific_class._meta.verbose_name.capitalize() if page.specific_class else ""
            page.area_names = ", ".join(record.area.title for record in found)
            page.notes = " | ".join(f"{record.area.title}: {record.note}" for record in found if record.note)
        return pages
