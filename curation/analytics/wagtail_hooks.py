"""The search report in the admin: in the Curation menu, for users allowed to view the search log (curators)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from curation.analytics import views

VIEW_PERMISSION = "analytics.view_searchlog"


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("search-analytics/", views.search_report, name="search_analytics")]


@hooks.register("register_curation_menu_item")
def register_report_menu_item():
    return SearchReportMenuItem(
        "Search analytics", reverse("search_analytics"), name="search-analytics", icon_name="search", order=300
    )


@hooks.register("register_permissions")
def register_search_log_permission():
    """Lets a group (curators) be given the report in Settings → Groups."""
    return Permission.objects.filter(content_type__app_label="analytics", codename="view_searchlog")
