"""Admin rules for the page tree: page choosers list only what the user may see."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

from .visibility import visible


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    """Public pages, and pages in the subtrees the user's groups have rights on; never others' drafts."""
    user = request.user
    if user.is_superuser:
        return pages
    paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    own = reduce(or_, (Q(path__startswith=path) for path in set(paths)), Q(pk__in=[]))
    return pages.filter(own | Q(pk__in=visible(Page.objects.all()).values("pk")))
