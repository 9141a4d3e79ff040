"""The network's admin pages: in the Curation menu the reuse report (curation.view_reports) and the network
members, whom curators let draft for their area (curation.manage_drafters); the "Questions" pages, for the
areas' authors and curators (network.question_admin)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from curation.wagtail_hooks import CuratorsMenuItem

from . import question_admin
from .drafting_views import DRAFTING_PERMISSION, NetworkMembersView, change_drafting
from .questions import may_see_questions
from .report import ReuseReport


@hooks.register("register_admin_urls")
def reuse_report_urls():
    return [
        path("network/reuse/", ReuseReport.as_view(), name="network_reuse_report"),
        path("network/reuse/results/", ReuseReport.as_view(results_only=True), name="network_reuse_report_results"),
        path("network/members/", NetworkMembersView.as_view(), name="network_drafting"),
        path(
            "network/members/results/", NetworkMembersView.as_view(results_only=True), name="network_drafting_results"
        ),
        path("network/members/<int:user_id>/drafting/", change_drafting, name="network_change_drafting"),
    ]


@hooks.register("register_curation_menu_item")
def reuse_report_menu_item():
    return CuratorsMenuItem(
        "Reuse by areas", reverse("network_reuse_report"), name="reuse-report", icon_name="resubmit", order=400
    )


@hooks.register("register_curation_menu_item")
def network_members_menu_item():
    return CuratorsMenuItem(
        "Network members",
        reverse("network_drafting"),
        name="network-members",
        icon_name="group",
        order=410,
        permission=DRAFTING_PERMISSION,
    )


class QuestionsMenuItem(MenuItem):
    """Shown to the authors of an area and to curators: the questions they may answer."""

    def is_shown(self, request):
        return may_see_questions(request.user)


@hooks.register("register_admin_urls")
def question_urls():
    return [
        path("network/questions/", question_admin.question_list, name="network_questions_admin"),
        path("network/questions/<int:pk>/", question_admin.question_detail, name="network_question_admin"),
        path("network/questions/<int:pk>/publish/", question_admin.question_publish, name="network_question_publish"),
        path("network/questions/<int:pk>/delete/", question_admin.question_delete, name="network_question_delete"),
    ]


@hooks.register("register_admin_menu_item")
def questions_menu_item():
    return QuestionsMenuItem(
        "Questions", reverse("network_questions_admin"), name="network-questions", icon_name="help", order=7900
    )
