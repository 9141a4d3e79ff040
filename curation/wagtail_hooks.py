"""Curation in the admin: the "Curation" menu and its reports."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .views import REPORTS_PERMISSION, PastReviewDateReport

# Later curation features (analytics, guides, promoted results) register their items on this hook.
curation_menu = Menu(register_hook_name="register_curation_menu_item", construct_hook_name="construct_curation_menu")


class CuratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_admin_urls")
def curation_urls():
    return [
        path("curation/past-review-date/", PastReviewDateReport.as_view(), name="curation_past_review_date"),
        path(
            "curation/past-review-date/results/",
            PastReviewDateReport.as_view(results_only=True),
            name="curation_past_review_date_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def curation_menu_item():
    return SubmenuMenuItem("Curation", curation_menu, name="curation", icon_name="clipboard-list", order=8000)


@hooks.register("register_curation_menu_item")
def past_review_date_menu_item():
    return CuratorsMenuItem(
        "Past their review date",
        reverse("curation_past_review_date"),
        name="past-review-date",
        icon_name="calendar-check",
        order=100,
    )
