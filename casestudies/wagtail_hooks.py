"""Admin rules for the page tree: page choosers list only what the user may see."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import F, Q
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

from .visibility import visible


def choosable(pages, user):
    """Of these pages, those the user may see in a chooser: public pages, and pages in the subtrees the
    user's groups have rights on; never others' drafts, nor the pending new title of a public page."""
    if user.is_superuser:
        return pages
    paths = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    own = reduce(or_, (Q(path__startswith=path) for path in set(paths)), Q(pk__in=[]))
    public = visible(Page.objects.all()).filter(draft_title=F("title"))
    return pages.filter(own | Q(pk__in=public.values("pk")))


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    return choosable(pages, request.user)
