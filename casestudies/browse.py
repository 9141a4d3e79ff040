"""Published content gathered for the browsing pages (home, pioneers, themes, barrier categories, case studies).

Every function takes `shown` (from visibility.shown_q()) so one page asks what the
public may see once, and each listing costs a fixed number of queries however long
it is: the pioneer and case study above a barrier are found by tree path in bulk,
and the workarounds that got past each barrier in one query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet
from wagtail.models import Page

from themes.models import BarrierCategory, Theme

from .choices import ProgrammeStatus
from .models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundBarrier, WorkaroundPage
from .visibility import visible


def published_case_studies(shown) -> QuerySet:
    return visible(CaseStudyPage.objects.select_related("stage"), shown).order_by("-date_published", "title")


def themes_with_counts(shown) -> QuerySet:
    """Themes that have published case studies, each with `published`: how many."""
    studies = visible(CaseStudyPage.objects.all(), shown).values("pk")
    published = Count("case_studies", filter=Q(case_studies__in=studies), distinct=True)
    return Theme.objects.annotate(published=published).filter(published__gt=0)


def categories_with_counts(shown) -> QuerySet:
    """Barrier categories that have published barriers, each with `published`: how many."""
    barriers = visible(BarrierPage.objects.all(), shown).values("pk")
    published = Count("barriers", filter=Q(barriers__in=barriers), distinct=True)
    return BarrierCategory.objects.annotate(published=published).filter(published__gt=0)


def pioneers_and_network(shown) -> tuple[list[PioneerPage], list[PioneerPage]]:
    """The pioneers (whatever became of their status) and, apart, the areas of the virtual network."""
    areas = list(visible(PioneerPage.objects.select_related("region"), shown).order_by("title"))
    network = [area for area in areas if area.status == ProgrammeStatus.VIRTUAL_NETWORK]
    pioneers = [area for area in areas if area.status != ProgrammeStatus.VIRTUAL_NETWORK]
    return pioneers, network


def _ancestor_path(page: Page, levels: int) -> str:
    return page.path[: -levels * Page.steplen]


def attach_pioneers(pages: Iterable[Page], levels: int = 1) -> list[Page]:
    """Set `pioneer_page` on each page: its ancestor `levels` up the tree (1 for a case study). One query."""
    pages = list(pages)
    paths = {_ancestor_path(page, levels) for page in pages}
    by_path = {pioneer.path: pioneer for pioneer in PioneerPage.objects.filter(path__in=paths)}
    for page in pages:
        page.pioneer_page = by_path.get(_ancestor_path(page, levels))
    return pages


def attach_case_studies(pages: Iterable[Page]) -> list[Page]:
    """Set `case_study_page` on each barrier or workaround: its parent. One query."""
    pages = list(pages)
    paths = {_ancestor_path(page, 1) for page in pages}
    by_path = {study.path: study for study in CaseStudyPage.objects.filter(path__in=paths)}
    for page in pages:
        page.case_study_page = by_path.get(_ancestor_path(page, 1))
    return pages


def _attach_links(pages: Iterable[Page], attribute: str, own: str, other: str, other_model, shown) -> list:
    """Set `attribute` on each page: the published pages at the other end of its workaround–barrier links,
    in tree order. One query."""
    pages = list(pages)
    links = (
        WorkaroundBarrier.objects.filter(**{f"{own}__in": [page.pk for page in pages]})
        .filter(**{f"{other}__in": visible(other_model.objects.all(), shown).values("pk")})
        .select_related(other)
        .order_by(f"{other}__path")
    )
    found: dict[int, list[Page]] = defaultdict(list)
    for link in links:
        found[getattr(link, f"{own}_id")].append(getattr(link, other))
    for page in pages:
        setattr(page, attribute, found[page.pk])
    return pages


def attach_workarounds(barriers: Iterable[BarrierPage], shown) -> list[BarrierPage]:
    """Set `addressed_by` on each barrier: the published workarounds that got past it."""
    return _attach_links(barriers, "addressed_by", "barrier", "workaround", WorkaroundPage, shown)


def attach_barriers(workarounds: Iterable[WorkaroundPage], shown) -> list[WorkaroundPage]:
    """Set `addresses` on each workaround: the published barriers it got past."""
    return _attach_links(workarounds, "addresses", "workaround", "barrier", BarrierPage, shown)


def category_register(category: BarrierCategory, shown) -> list[BarrierPage]:
    """The barrier register for one category: every published barrier, who met it, and what got past it."""
    barriers = visible(BarrierPage.objects.filter(category=category), shown).order_by("title", "path")
    barriers = attach_workarounds(barriers, shown)
    attach_case_studies(barriers)
    return attach_pioneers(barriers, levels=2)


def theme_case_studies(theme: Theme, shown) -> list[CaseStudyPage]:
    return attach_pioneers(published_case_studies(shown).filter(themes=theme))
