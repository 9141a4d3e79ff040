"""The reuse report for curators: what travels and what does not. Above the table, the share of workarounds
reused for each barrier category they address, and of case studies for each theme; then every public case
study and workaround, the most reused first, with the areas that reused it, pages never reused at the end.
Exported as CSV through curation's guarded report (the table only)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

from casestudies.models import BarrierPage, CaseStudyPage, WorkaroundBarrier, WorkaroundPage
from casestudies.visibility import visible
from curation.views import CuratorsReportView

from .models import ReuseRecord
from .reuse import REUSABLE_TYPES


def reuse_ranking():
    """Public case studies and workarounds with their number of reusing areas, most first, then by title."""
    pages = visible(Page.objects.type(*REUSABLE_TYPES))
    return pages.annotate(reuse_count=Count("reuse_records")).order_by("-reuse_count", "title", "pk")


@dataclass(frozen=True)
class Travel:
    """How far the pages under one heading (a barrier category, a theme) travelled."""

    heading: str
    pages: int
    reused: int  # pages with at least one reuse record

    @property
    def share(self) -> int:
        return round(100 * self.reused / self.pages) if self.pages else 0


def _travel(pairs, reused_ids: set[int]) -> list[Travel]:
    """(heading, page id) pairs → one Travel per heading: the most travelled share first, then by heading."""
    pages_by_heading: dict[str, set[int]] = defaultdict(set)
    for heading, page_id in pairs:
        if heading:
            pages_by_heading[heading].add(page_id)
    rows = [Travel(heading, len(ids), len(ids & reused_ids)) for heading, ids in pages_by_heading.items()]
    return sorted(rows, key=lambda row: (-row.share, -row.reused, row.heading))


def _reused_ids(pages) -> set[int]:
    return set(ReuseRecord.objects.filter(page__in=pages).values_list("page_id", flat=True))


def travel_by_barrier_category() -> list[Travel]:
    """Public workarounds per category of the public barriers they address, and how many of them were reused."""
    workarounds = visible(WorkaroundPage.objects.all())
    links = WorkaroundBarrier.objects.filter(
        workaround__in=workarounds, barrier__in=visible(BarrierPage.objects.all())
    ).values_list("barrier__category__name", "workaround_id")
    return _travel(links, _reused_ids(workarounds))


def travel_by_theme() -> list[Travel]:
    """Public case studies per theme, and how many of them were reused."""
    studies = visible(CaseStudyPage.objects.all())
    return _travel(studies.values_list("themes__name", "pk"), _reused_ids(studies))


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
    template_name = "network/admin/reuse_report.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.results_only:  # the filtered results alone (an AJAX refresh) leave the summary as it is
            context["by_category"] = travel_by_barrier_category()
            context["by_theme"] = travel_by_theme()
        return context

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
