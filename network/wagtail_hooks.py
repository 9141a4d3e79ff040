"""The reuse report in the admin's Curation menu, for curators (curation.view_reports)."""

from django.urls import path, reverse
from wagtail import hooks

from curation.wagtail_hooks import CuratorsMenuItem

from .report import ReuseReport


@hooks.register("register_admin_urls")
def reuse_report_urls():
    return [
        path("network/reuse/", ReuseReport.as_view(), name="network_reuse_report"),
        path("network/reuse/results/", ReuseReport.as_view(results_only=True), name="network_reuse_report_results"),
    ]


@hooks.register("register_curation_menu_item")
def reuse_report_menu_item():
    return CuratorsMenuItem(
        "Reuse by areas", reverse("network_reuse_report"), name="reuse-report", icon_name="resubmit", order=400
    )
