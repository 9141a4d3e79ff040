"""Small builders for pages in tests: each publishes for real, so search signals fire."""

from __future__ import annotations

import itertools
from contextlib import contextmanager, nullcontext
from datetime import date

from django.test import TestCase

from casestudies.models import BarrierPage, CaseStudyPage, Outcome, PioneerPage, WorkaroundBarrier, WorkaroundPage
from casestudies.site_structure import ensure_site_structure
from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme

_numbers = itertools.count(1)


@contextmanager
def committed():
    """Run on-commit callbacks (search indexing) when the block ends, as a real commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


@contextmanager
def indexed_together():
    """Pages published in the block are indexed once, when it ends: one queue row per page, one task, one
    bulk write and one refresh, as a bulk import does (search.indexing.queue.batched). For content a test
    builds before it starts; tests of the indexing path itself publish one page at a time."""
    from search.indexing.queue import batched

    global _together
    if _together:
        yield
        return
    _together = True
    try:
        with committed(), batched():  # nested committed() blocks would run the same callbacks twice
            yield
    finally:
        _together = False


_together = False


def _committed_unless_together():
    return nullcontext() if _together else committed()


def publish(parent, page):
    with _committed_unless_together():
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def pioneers_index():
    return ensure_site_structure()[1]


def make_pioneer(title: str | None = None, region: str = "north", **fields) -> PioneerPage:
    title = title or f"Pioneer {next(_numbers)}"
    page = PioneerPage(title=title, region=Region.objects.get(slug=region), **fields)
    return publish(pioneers_index(), page)


def make_case_study(
    pioneer: PioneerPage,
    title: str | None = None,
    *,
    summary: str = "A short summary.",
    narrative: str = "What they did.",
    themes: tuple[str, ...] = (),
    care_groups: tuple[str, ...] = (),
    stage: str | None = "implemented",
    published: date = date(2015, 6, 1),
    tags: tuple[str, ...] = (),
    outcomes: tuple[Outcome, ...] = (),
    live: bool = True,
    **fields,
) -> CaseStudyPage:
    """A case study; `fields` sets any other field (start_date, contact_name, ...)."""
    page = CaseStudyPage(
        title=title or f"Case study {next(_numbers)}",
        summary=summary,
        narrative=narrative,
        stage=Stage.objects.get(slug=stage) if stage else None,
        date_published=published,
        **fields,
    )
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.care_groups = list(CareGroup.objects.filter(slug__in=care_groups))
    page.outcomes = list(outcomes)
    if tags:
        page.tags.add(*tags)
    if not live:
        page.live = False
        with _committed_unless_together():
            pioneer.add_child(instance=page)
            page.save_revision()
        return page
    return publish(pioneer, page)


def make_barrier(
    study: CaseStudyPage,
    title: str | None = None,
    *,
    category: str = "information-governance",
    description: str = "What got in the way.",
    status: str = "ongoing",
) -> BarrierPage:
    page = BarrierPage(
        title=title or f"Barrier {next(_numbers)}",
        category=BarrierCategory.objects.get(slug=category),
        description=description,
        status=status,
    )
    return publish(study, page)


def make_workaround(
    study: CaseStudyPage,
    barriers: list[BarrierPage],
    title: str | None = None,
    *,
    description: str = "What got them past.",
    effectiveness: str = "worked-well",
) -> WorkaroundPage:
    page = WorkaroundPage(
        title=title or f"Workaround {next(_numbers)}", description=description, effectiveness=effectiveness
    )
    page.barrier_links = [WorkaroundBarrier(barrier=barrier) for barrier in barriers]
    return publish(study, page)
