"""Each pioneer's staff get their own corner of the site: a group with rights on its page only."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

PIONEER_EDITOR_PERMISSIONS = ("add_page", "change_page", "publish_page")


def editors_group_name(pioneer) -> str:
    return f"{pioneer.title} editors"


def ensure_pioneer_editors(pioneer) -> Group:
    """A group whose members may write and publish under this pioneer's page and nowhere else."""
    group, _ = Group.objects.get_or_create(name=editors_group_name(pioneer))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in PIONEER_EDITOR_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=pioneer, permission=permission)
    return group
