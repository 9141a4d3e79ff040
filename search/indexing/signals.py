"""Lifecycle hooks: publish, unpublish, move, delete, privacy and taxonomy edits.

Each handler records what changed in the durable queue (search.indexing.queue),
inside the transaction that makes the change; the queue brings the affected
documents in line once it commits.
"""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from casestudies.models import BarrierPage, CaseStudyDocument, CaseStudyPage, PioneerPage, WorkaroundDocument
from search.indexing import queue as index_queue
from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme
from themes.signals import term_merged


def on_page_changed(sender, instance, **kwargs) -> None:
    index_queue.record_pages([instance.pk])


def on_page_deleted(sender, instance, **kwargs) -> None:
    # A deleted barrier changes its case study's document: re-read the parent too.
    parent = Page.objects.filter(path=instance.path[: -Page.steplen]).first() if instance.depth > 1 else None
    index_queue.record_pages([instance.pk] + ([parent.pk] if parent else []))


def on_restriction_changed(sender, instance, **kwargs) -> None:
    index_queue.record_pages([instance.page_id])


def _studies_in_region(pk: int):
    paths = PioneerPage.objects.filter(region_id=pk).values_list("path", flat=True)
    in_any = Q(pk__in=[])
    for path in paths:
        in_any |= Q(path__startswith=path)
    return CaseStudyPage.objects.filter(in_any)


def _studies_with_barrier_category(pk: int):
    barrier_paths = BarrierPage.objects.filter(category_id=pk).values_list("path", flat=True)
    return CaseStudyPage.objects.filter(path__in=[path[: -Page.steplen] for path in barrier_paths])


# For each taxonomy: the case studies whose documents name a given value, and
# the id prefix of its own suggestion entry (if it has one).
TAXONOMY_USERS = {
    Theme: (lambda pk: CaseStudyPage.objects.filter(themes=pk), "theme"),
    CareGroup: (lambda pk: CaseStudyPage.objects.filter(care_groups=pk), None),
    Stage: (lambda pk: CaseStudyPage.objects.filter(stage=pk), None),
    BarrierCategory: (_studies_with_barrier_category, "barrier_category"),
    Region: (_studies_in_region, None),
    Tag: (lambda pk: CaseStudyPage.objects.filter(tagged_items__tag_id=pk), None),
}


def on_taxonomy_saved(sender, instance, created, **kwargs) -> None:
    studies, suggestion_prefix = TAXONOMY_USERS[sender]
    if not created:
        index_queue.record_pages(studies(instance.pk).values_list("pk", flat=True))
    if suggestion_prefix:
        index_queue.record_suggestions([f"{suggestion_prefix}-{instance.pk}"])


def on_taxonomy_deleting(sender, instance, **kwargs) -> None:
    """Note who uses a value before it goes: their documents change once it has gone."""
    studies, suggestion_prefix = TAXONOMY_USERS[sender]
    index_queue.record_pages(studies(instance.pk).values_list("pk", flat=True))
    if suggestion_prefix:
        index_queue.record_suggestions([f"{suggestion_prefix}-{instance.pk}"])


def on_term_merged(sender, source_pk, source_slug, target, **kwargs) -> None:
    """Every use of the merged term now names the survivor: those documents change (one batch, after commit)."""
    studies, suggestion_prefix = TAXONOMY_USERS[sender]
    index_queue.record_pages(studies(target.pk).values_list("pk", flat=True))
    if suggestion_prefix:
        index_queue.record_suggestions([f"{suggestion_prefix}-{source_pk}", f"{suggestion_prefix}-{target.pk}"])


def on_document_changed(sender, instance, **kwargs) -> None:
    """A renamed or deleted document changes the documents of the pages it is attached to (noted before a delete)."""
    if kwargs.get("created"):
        return
    pages = [
        *CaseStudyDocument.objects.filter(document_id=instance.pk).values_list("page_id", flat=True),
        *WorkaroundDocument.objects.filter(document_id=instance.pk).values_list("page_id", flat=True),
    ]
    if pages:
        index_queue.record_pages(pages)


def connect() -> None:
    page_published.connect(on_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="search_page_moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search_page_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    document_model = get_document_model()
    post_save.connect(on_document_changed, sender=document_model, dispatch_uid="search_document_saved")
    pre_delete.connect(on_document_changed, sender=document_model, dispatch_uid="search_document_deleting")
    for model in TAXONOMY_USERS:
        post_save.connect(on_taxonomy_saved, sender=model, dispatch_uid=f"search_taxonomy_saved_{model.__name__}")
        pre_delete.connect(
            on_taxonomy_deleting, sender=model, dispatch_uid=f"search_taxonomy_deleting_{model.__name__}"
        )
        term_merged.connect(on_term_merged, sender=model, dispatch_uid=f"search_term_merged_{model.__name__}")
