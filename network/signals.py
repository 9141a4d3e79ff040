"""What the network does when things happen elsewhere, with no call needed from the views.

A confirmed email address makes its owner a network member, and an area's page
withdrawn from the public ends its members' drafting.

A page's index document carries its reuse count (network.search_fields), so
whatever changes a count asks search to index the page again, through the
durable index queue publishing uses (search.extensions.reindex_pages), inside
the transaction that makes the change:
- a record made, updated or withdrawn, deleted with its member's account, its
  area page or its page (every record deletion sends post_delete, cascades too);
- an area page (or a page above it) published, unpublished, moved, or its
  privacy changed: only areas the public may see are counted.
"""

from __future__ import annotations

from allauth.account.signals import email_confirmed
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from search.extensions import reindex_pages

from .models import ReuseRecord

BELOW_AREAS = (CaseStudyPage, BarrierPage, WorkaroundPage)  # pages that never have an area page below them


def on_email_confirmed(sender, request, email_address, **kwargs) -> None:
    from .membership import join_network

    join_network(email_address.user)


def on_area_unpublished(sender, instance, **kwargs) -> None:
    """Members of an unpublished area have no area (membership.area_of): their drafting ends too."""
    from curation.roles import clear_drafters

    clear_drafters(instance)


def on_record_changed(sender, instance: ReuseRecord, **kwargs) -> None:
    reindex_pages([instance.page_id])


def pages_reused_by_areas_under(page: Page) -> list[int]:
    """The pages reused by the page itself (an area) or by any area below it."""
    records = ReuseRecord.objects.filter(area__path__startswith=page.path)
    return list(records.values_list("page_id", flat=True).distinct())


def on_area_changed(sender, instance: Page, **kwargs) -> None:
    if issubclass(instance.specific_class or Page, BELOW_AREAS):
        return  # no area below it: an import publishing thousands of these asks nothing
    if reused := pages_reused_by_areas_under(instance):
        reindex_pages(reused)


def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        on_area_changed(sender, page)


def connect() -> None:
    email_confirmed.connect(on_email_confirmed, dispatch_uid="network_email_confirmed")
    page_unpublished.connect(on_area_unpublished, sender=PioneerPage, dispatch_uid="network_area_unpublished")
    post_save.connect(on_record_changed, sender=ReuseRecord, dispatch_uid="network_reuse_saved")
    post_delete.connect(on_record_changed, sender=ReuseRecord, dispatch_uid="network_reuse_deleted")
    page_published.connect(on_area_changed, dispatch_uid="network_reuse_area_published")
    page_unpublished.connect(on_area_changed, dispatch_uid="network_reuse_area_unpublished")
    post_page_move.connect(on_area_changed, dispatch_uid="network_reuse_area_moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="network_reuse_area_restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="network_reuse_area_opened")
