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

BRANCHES_PER_CONDITION = 500  # SQLite reads a chain of ORs as deep as it is long and refuses one over 1,000


def unpublished_branch_paths() -> list[str]:
    """Tree paths of the outermost unpublished pages that have pages below them (the root excepted):
    what lies below one of them is hidden whatever lies between."""
    paths = Page.objects.filter(live=False, depth__gt=1, numchild__gt=0).order_by("path").values_list("path", flat=True)
    outermost: list[str] = []
    for path in paths:
        if not outermost or not path.startswith(outermost[-1]):
            outermost.append(path)
    return outermost


def _under_any(paths: list[str]) -> Q:
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def shown_q() -> Q:
    """Outside every restricted section and below no unpublished page: the condition visible() adds to
    being live, built with two queries, so one can serve many querysets filtered at one moment.

    Unpublished branches come in groups of BRANCHES_PER_CONDITION, so a draft import of a
    thousand case studies keeps every query within SQLite's limits.
    """
    shown = ~Page.objects.all().private_q()
    paths = unpublished_branch_paths()
    for start in range(0, len(paths), BRANCHES_PER_CONDITION):
        shown &= ~_under_any(paths[start : start + BRANCHES_PER_CONDITION])
    return shown


def visible(queryset: QuerySet, shown: Q | None = None) -> QuerySet:
    """The pages of a page queryset that the public may see (`shown`: from shown_q(), to reuse one)."""
    return queryset.live().filter(shown_q() if shown is None else shown)


def is_visible(page: Page) -> bool:
    return visible(Page.objects.filter(pk=page.pk)).exists()


class PublicSubtreeMixin:
    """Routing never passes through an unpublished page to the pages below it."""

    def route(self, request, path_components):
        if path_components and not self.live:
            raise Http404("This part of the site is not published.")
        return super().route(request, path_components)
