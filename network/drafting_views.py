"""The curators' "Network members" page in the admin (Curation menu): every member with their area, whether
their address is confirmed and whether they may draft, and the buttons that let them draft or withdraw it.

Only curators (curation.manage_drafters) open it: it is the one admin page that shows members' addresses.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from casestudies.models import PioneerPage
from casestudies.visibility import visible
from curation.models import NetworkDrafters

from .drafting import CannotDraft, allow_drafting, network_members, withdraw_drafting

DRAFTING_PERMISSION = "curation.manage_drafters"


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(DRAFTING_PERMISSION):
        raise PermissionDenied


class DraftingColumn(Column):
    """Whether the member may draft, with the button that changes it (a CSRF-protected POST)."""

    cell_template_name = "network/admin/drafting_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        # A cell renders with a plain dict, not the request's context: its form needs the token given to it.
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class NetworkMembersView(ReportView):
    page_title = "Network members"
    header_icon = "group"
    index_url_name = "network_drafting"
    index_results_url_name = "network_drafting_results"
    columns = [
        Column("email", label="Email address"),
        Column("area_title", label="Area"),
        DateColumn("date_joined", label="Signed up"),
        Column("confirmed_text", label="Address confirmed"),
        DraftingColumn("drafting_area", label="May draft case studies"),
    ]
    no_results_message = "No one has signed up to the network yet."

    def dispatch(self, request, *args, **kwargs):
        _check(request)
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False  # addresses stay on this page: no spreadsheet of them

    def get_base_queryset(self):
        return network_members()

    def decorate_paginated_queryset(self, members):
        """Each member's area (if the public can see it), and the area they draft for, in one query."""
        members = list(members)
        drafting = dict(
            NetworkDrafters.objects.filter(group__user__in=members).values_list("group__user", "area__title")
        )
        area_ids = {area.pk for area in map(_area_of, members) if area}
        public = set(visible(PioneerPage.objects.filter(pk__in=area_ids)).values_list("pk", flat=True))
        for member in members:
            area = _area_of(member)
            member.area_title = (area.title if area.pk in public else f"{area.title} (not public)") if area else "None"
            member.confirmed_text = "Yes" if member.confirmed else "No"
            member.drafting_area = drafting.get(member.pk)
            member.may_be_allowed = bool(member.confirmed and area and area.pk in public)  # as allow_drafting
        return members


def _area_of(member) -> PioneerPage | None:
    membership = getattr(member, "network_membership", None)
    return membership.area if membership else None


@require_POST
def change_drafting(request: HttpRequest, user_id: int) -> HttpResponse:
    """Let the member draft for their area ("allow") or end it ("withdraw"); back to the list."""
    _check(request)
    member = get_object_or_404(network_members(), pk=user_id)
    action = request.POST.get("action")
    if action == "allow":
        try:
            area = allow_drafting(member)
        except CannotDraft as refusal:
            return HttpResponseBadRequest(str(refusal), content_type="text/plain; charset=utf-8")
        messages.success(request, f"{member.email} may now draft case studies for {area.title}.")
    elif action == "withdraw":
        if withdraw_drafting(member):
            messages.success(request, f"{member.email} can no longer draft case studies.")
    else:
        return HttpResponseBadRequest("Choose allow or withdraw.", content_type="text/plain; charset=utf-8")
    return redirect("network_drafting")
