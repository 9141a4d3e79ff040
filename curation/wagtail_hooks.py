"""Curation in the admin: the "Curation" menu and its reports, and the authors' dashboard panel."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from .roles import areas_drafted_for, pioneers_authored_by
from .views import REPORTS_PERMISSION, PastReviewDateReport

# Later curation features (analytics, guides, promoted results) register their items on this hook.
curation_menu = Menu(register_hook_name="register_curation_menu_item", construct_hook_name="construct_curation_menu")


class CuratorsMenuItem(MenuItem):
    """An item of the Curation menu, shown to those with its permission (the reports' by default)."""

    def __init__(self, *args, permission: str = REPORTS_PERMISSION, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


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


class AuthorsPioneersPanel(Component):
    """On an author's (or a network drafter's) dashboard: their pioneer(s) or area, each with a link to add a
    case study under it."""

    name = "authors_pioneers"
    template_name = "curation/dashboard/authors_pioneers.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, pioneers):
        self.pioneers = pioneers

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["heading"] = "Your pioneers" if len(self.pioneers) > 1 else "Your pioneer"
        context["pioneers"] = [
            {
                "page": pioneer,
                "add_url": reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", pioneer.pk]),
                "explore_url": reverse("wagtailadmin_explore", args=[pioneer.pk]),
            }
            for pioneer in self.pioneers
        ]
        return context


@hooks.register("construct_homepage_panels")
def add_authors_pioneers_panel(request, panels):
    pages = {page.pk: page for page in (*pioneers_authored_by(request.user), *areas_drafted_for(request.user))}
    pioneers = [
        pioneer
        for pioneer in sorted(pages.values(), key=lambda page: page.title)
        if pioneer.permissions_for_user(request.user).can_add_subpage()
    ]
    if pioneers:
        panels.append(AuthorsPioneersPanel(pioneers))
