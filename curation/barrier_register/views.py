"""The barrier register: every barrier by category and pioneer, what is still open, what went national.

Curators filter it (category, pioneer, status, no workaround yet, published or
draft) and export it as CSV or Excel, as Wagtail's own reports do. Drafts are
listed too, marked, because a curator needs to see what is coming.
"""

from __future__ import annotations

from collections import Counter

import django_filters
from django import forms
from django.db.models import Count, Q
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Page

from casestudies.choices import BarrierStatus
from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage
from curation.views import REPORTS_PERMISSION, CuratorsReportView
from themes.models import BarrierCategory

VIEW_PERMISSION = REPORTS_PERMISSION


class BarrierRegisterFilterSet(WagtailFilterSet):
    category = django_filters.ModelMultipleChoiceFilter(
        queryset=BarrierCategory.objects.all(), widget=forms.CheckboxSelectMultiple, label="Category"
    )
    pioneer = django_filters.ModelChoiceFilter(
        queryset=PioneerPage.objects.order_by("title"), method="in_pioneer", label="Pioneer or area"
    )
    status = django_filters.MultipleChoiceFilter(
        choices=BarrierStatus.choices, widget=forms.CheckboxSelectMultiple, label="Status"
    )
    without_workaround = django_filters.BooleanFilter(method="no_workaround", label="No workaround yet")
    live = django_filters.BooleanFilter(label="Published")

    class Meta:
        model = BarrierPage
        fields = ["category", "pioneer", "status", "without_workaround", "live"]

    def in_pioneer(self, queryset, name, pioneer):
        return queryset.filter(path__startswith=pioneer.path) if pioneer else queryset

    def no_workaround(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(workaround_count=0) if value else queryset.filter(workaround_count__gt=0)


class BarrierRegisterView(CuratorsReportView):
    page_title = "Barrier register"
    header_icon = "warning"
    index_url_name = "barrier_register"
    index_results_url_name = "barrier_register_results"
    results_template_name = "barrier_register/results.html"
    filterset_class = BarrierRegisterFilterSet
    paginate_by = 100
    list_export = [
        "title",
        "category",
        "status_label",
        "pioneer_name",
        "case_study_title",
        "workaround_count",
        "live",
        "permalink",
    ]
    export_headings = {
        "title": "Barrier",
        "category": "Category",
        "status_label": "Status",
        "pioneer_name": "Pioneer or area",
        "case_study_title": "Case study",
        "workaround_count": "Workarounds",
        "live": "Published",
        "permalink": "Address",
    }

    def get_queryset(self):
        return (
            BarrierPage.objects.select_related("category")
            .annotate(workaround_count=Count("workaround_links", distinct=True))
            .order_by("category__sort_order", "category__name", "path")
        )

    def decorate_paginated_queryset(self, object_list):
        barriers = list(object_list)
        steplen = Page.steplen
        study_paths = {barrier.path[:-steplen] for barrier in barriers}
        pioneer_paths = {path[:-steplen] for path in study_paths}
        studies = dict(CaseStudyPage.objects.filter(path__in=study_paths).values_list("path", "title"))
        pioneers = dict(PioneerPage.objects.filter(path__in=pioneer_paths).values_list("path", "title"))
        for barrier in barriers:
            barrier.case_study_title = studies.get(barrier.path[:-steplen], "")
            barrier.pioneer_name = pioneers.get(barrier.path[: -2 * steplen], "")
            barrier.status_label = barrier.get_status_display()
        return barriers

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary(self.object_list)
        return context

    @staticmethod
    def summary(queryset) -> list[dict]:
        """Per category, over everything the filters let through: barriers, still open, escalated, no workaround."""
        rows = queryset.values("category__name").annotate(
            total=Count("pk", distinct=True),
            open=Count("pk", filter=Q(status__in=[BarrierStatus.ONGOING, BarrierStatus.ESCALATED]), distinct=True),
            escalated=Count("pk", filter=Q(status=BarrierStatus.ESCALATED), distinct=True),
        )
        without = Counter(queryset.filter(workaround_count=0).values_list("category__name", flat=True))
        return [{**row, "without_workaround": without[row["category__name"]]} for row in rows.order_by()]
