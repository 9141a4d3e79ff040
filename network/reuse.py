""" "We reused this": which pages an area may record, recording and withdrawing, and what pages show.

Only area names and counts are public: a record's note and its member never leave the admin report.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from wagtail.models import Page

from casestudies.models import CaseStudyPage, PioneerPage, WorkaroundPage
from casestudies.visibility import visible

from .models import ReuseRecord

REUSABLE_TYPES = (CaseStudyPage, WorkaroundPage)


def reusable_page(page_id: int) -> Page | None:
    """The public case study or workaround with this id, or None."""
    page = visible(Page.objects.filter(pk=page_id).type(*REUSABLE_TYPES)).first()
    return page.specific if page else None


def is_own_work(area: PioneerPage, page: Page) -> bool:
    """Whether the page sits under the area's own page: an area does not "reuse" what it wrote itself."""
    return page.path.startswith(area.path)


@transaction.atomic
def record_reuse(area: PioneerPage, page: Page, user, note: str) -> tuple[ReuseRecord, bool]:
    """One record per area and page: recording again updates the note (and who recorded it)."""
    return ReuseRecord.objects.update_or_create(area=area, page=page, defaults={"note": note, "recorded_by": user})


def withdraw_reuse(area: PioneerPage, page: Page) -> bool:
    deleted, _ = ReuseRecord.objects.filter(area=area, page=page).delete()
    return bool(deleted)


def reusing_areas(page: Page) -> list[PioneerPage]:
    """The areas the public may see that recorded reusing the page, by name (unpublished areas are left out)."""
    area_ids = ReuseRecord.objects.filter(page=page).values("area_id")
    return list(visible(PioneerPage.objects.filter(pk__in=area_ids)).order_by("title"))


def record_for(area: PioneerPage | None, page: Page) -> ReuseRecord | None:
    if area is None:
        return None
    return ReuseRecord.objects.filter(area=area, page=page).first()


def pages_reused_by(area: PioneerPage) -> list[Page]:
    """The public case studies and workarounds the area recorded reusing, by title."""
    page_ids = ReuseRecord.objects.filter(area=area).values("page_id")
    pages = visible(Page.objects.filter(pk__in=page_ids).type(*REUSABLE_TYPES)).order_by("title")
    return [page.specific for page in pages]


def own_work_reused(area: PioneerPage) -> list[tuple[Page, int]]:
    """The area's own public case studies and workarounds that other public areas reused, with how many: most first."""
    public_areas = visible(PioneerPage.objects.all()).values("pk")
    pages = (
        visible(Page.objects.descendant_of(area).type(*REUSABLE_TYPES))
        .annotate(areas=Count("reuse_records__area", filter=Q(reuse_records__area__in=public_areas), distinct=True))
        .filter(areas__gt=0)
        .order_by("-areas", "title")
    )
    return [(page.specific, page.areas) for page in pages]
