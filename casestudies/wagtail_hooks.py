"""Admin rules for the page tree: page choosers list only what the user may see; documents are
public once a public page lists them."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import F, Q
from django.http import Http404
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page

from .models import CaseStudyDocument, WorkaroundDocument
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


@hooks.register("before_serve_document")
def only_documents_of_public_pages(document, request):
    """The public may download a document attached to a page they may see; people who use the admin
    (authors previewing a draft, curators) may download any. A draft's new attachment stays private."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    pages = [
        *CaseStudyDocument.objects.filter(document=document).values_list("page_id", flat=True),
        *WorkaroundDocument.objects.filter(document=document).values_list("page_id", flat=True),
    ]
    if not visible(Page.objects.filter(pk__in=pages)).exists():
        raise Http404("No public page lists this document.")
    return None
