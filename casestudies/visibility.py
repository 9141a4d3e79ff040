"""What the public may see: one rule for every surface (pages, lists, permalinks, search).

A page is public when it is live, no view restriction covers it, and no
ancestor is unpublished. Wagtail leaves children live when their parent is
unpublished, so the last part is ours to enforce.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.models import Page


def unpublished_branch_paths() -> list[str]:
    """Tree paths of unpublished pages that have pages below them (the root excepted)."""
    return list(Page.objects.filter(live=False, depth__gt=1, numchild__gt=0).values_list("path", flat=True))


def _under_any(paths: list[str]) -> Q:
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def hidden_q() -> Q:
    """Pages in a restricted section or below an unpublished page, as one condition (two queries to build)."""
    restricted = Page.objects.all().private_q()
    paths = unpublished_branch_paths()
    return restricted | _under_any(paths) if paths else restricted


def visible(queryset: QuerySet, hidden: Q | None = None) -> QuerySet:
    """The pages of a page queryset that the public may see.

    `hidden`, from hidden_q(), spares its queries when many querysets are filtered at one moment.
    """
    return queryset.live().exclude(hidden_q() if hidden is None else hidden)


def is_visible(page: Page) -> bool:
    return visible(Page.objects.filter(pk=page.pk)).exists()


class PublicSubtreeMixin:
    """Routing never passes through an unpublished page to the pages below it."""

    def route(self, request, path_components):
        if path_components and not self.live:
            raise Http404("This part of the site is not published.")
        return super().route(request, path_components)
