"""Lifecycle hooks: publish, unpublish, move, delete, privacy and taxonomy edits.

Each handler waits for the transaction to commit, then asks search.sync to
bring the affected documents in line.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage
from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme

from . import sync


def _later(function, *args) -> None:
    transaction.on_commit(lambda: function(*args), robust=True)


def on_page_changed(sender, instance, **kwargs) -> None:
    _later(_sync_by_id, instance.pk)


def on_page_deleted(sender, instance, **kwargs) -> None:
    # Deleting a pioneer reaches this handler with its plain Page row: ask its content type.
    is_pioneer = issubclass(instance.specific_class or Page, PioneerPage)
    suggestion_ids = [f"pioneer-{instance.pk}"] if is_pioneer else []
    parent_path = instance.path[: -Page.steplen] if instance.depth > 1 else None
    _later(sync.remove_pages, [instance.pk], suggestion_ids)
    if parent_path:
        # A deleted barrier changes its case study's document; re-read the parent.
        _later(_sync_path, parent_path)


def _sync_path(path: str) -> None:
    page = Page.objects.filter(path=path).first()
    if page is not None:
        sync.sync_page(page)


def on_restriction_changed(sender, instance, **kwargs) -> None:
    page_id = instance.page_id
    _later(_sync_by_id, page_id)


def _sync_by_id(page_id: int) -> None:
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        sync.sync_page(page)


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
}


def on_taxonomy_saved(sender, instance, created, **kwargs) -> None:
    studies, _prefix = TAXONOMY_USERS[sender]
    study_ids = [] if created else list(studies(instance.pk).values_list("pk", flat=True))
    _later(_sync_taxonomy, sender, instance.pk, study_ids)


def on_taxonomy_deleting(sender, instance, **kwargs) -> None:
    """Note who used a value before it goes; their documents change once it has gone."""
    studies, _prefix = TAXONOMY_USERS[sender]
    instance._search_study_ids = list(studies(instance.pk).values_list("pk", flat=True))


def on_taxonomy_deleted(sender, instance, **kwargs) -> None:
    _later(_sync_taxonomy, sender, instance.pk, getattr(instance, "_search_study_ids", []))


def _sync_taxonomy(model, pk: int, study_ids: list[int]) -> None:
    """A renamed or removed theme, category, ... changes every document that names it, and its suggestion."""
    from .indexing import suggestion_entries

    pages: list[Page] = []
    for study in CaseStudyPage.objects.filter(pk__in=study_ids):
        pages += sync.affected_pages(study)
    sync.sync_pages(pages)
    _studies, suggestion_prefix = TAXONOMY_USERS[model]
    if suggestion_prefix:
        wanted = f"{suggestion_prefix}-{pk}"
        entries = [entry for entry in suggestion_entries() if entry["id"] == wanted]
        if entries:
            sync.sync_suggestions(entries)
        else:
            sync.remove_suggestions([wanted])


def connect() -> None:
    page_published.connect(on_page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="search_page_moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search_page_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    for model in TAXONOMY_USERS:
        post_save.connect(on_taxonomy_saved, sender=model, dispatch_uid=f"search_taxonomy_saved_{model.__name__}")
        pre_delete.connect(
            on_taxonomy_deleting, sender=model, dispatch_uid=f"search_taxonomy_deleting_{model.__name__}"
        )
        post_delete.connect(on_taxonomy_deleted, sender=model, dispatch_uid=f"search_taxonomy_deleted_{model.__name__}")
