"""Which promoted pages a search gets: search.extensions' promoter."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from wagtail.models import Page

from casestudies.markdown import markdown_to_text
from casestudies.visibility import visible
from curation.guides.models import Guide
from curation.promotions.models import PromotedPage, Promotion
from search.extensions import Pick
from search.request import SearchRequest, normalise_query
from search.response import Hit
from search.table_cache import TableCache
from search.vocabulary import synonym_groups


def _every_promoted_query() -> frozenset[str]:
    return frozenset(query for promotion in Promotion.objects.all() for query in promotion.query_list())


# Most searches have no promotion: knowing every promoted query spares them the database.
PROMOTED_QUERIES = TableCache("promoted-queries", _every_promoted_query, ("promotions.Promotion",))


def equivalent_queries(query: str, groups: list[list[str]] | None = None) -> set[str]:
    """The normalised query and, when it is one of a synonym group's terms, every term of that group."""
    normalised = NORMALISED_GROUPS.get() if groups is None else _normalised(groups)
    found = {query}
    for terms in normalised:
        if query in terms:
            found |= terms
    return found


def _normalised(groups: list[list[str]]) -> list[frozenset[str]]:
    return [frozenset(normalise_query(term) for term in group) for group in groups]


NORMALISED_GROUPS = TableCache("normalised-synonyms", lambda: _normalised(synonym_groups()), ("search.SearchSynonym",))


def picks_for(request: SearchRequest, today: date | None = None) -> list[Pick]:
    """The public pages promoted for the request's words today, in order: promotions by name, then their pages."""
    query = normalise_query(request.q)
    if not query:
        return []
    today = today or timezone.localdate()
    wanted = equivalent_queries(query)
    if not wanted & PROMOTED_QUERIES.get():
        return []
    matching = [
        promotion
        for promotion in Promotion.objects.current(today).select_related("guide")
        if wanted & set(promotion.query_list())
    ]
    if not matching:
        return []
    guides = [
        Pick(0, promotion.note, guide_hit(promotion.guide))
        for promotion in matching
        if promotion.guide is not None and promotion.guide.live
    ]
    notes = {promotion.pk: promotion.note for promotion in matching}
    rank = {promotion.pk: index for index, promotion in enumerate(matching)}
    items = sorted(
        PromotedPage.objects.filter(promotion__in=matching).values_list("promotion_id", "sort_order", "page_id"),
        key=lambda item: (rank[item[0]], item[1] if item[1] is not None else 0),
    )
    public = set(visible(Page.objects.filter(pk__in=[page_id for *_, page_id in items])).values_list("pk", flat=True))
    pages = [Pick(page_id, notes[promotion_id]) for promotion_id, _, page_id in items if page_id in public]
    return guides + pages


def guide_hit(guide: Guide) -> Hit:
    """A guide as a recommended result: its title, address and the start of its introduction."""
    summary = markdown_to_text(guide.introduction)
    if len(summary) > 280:
        summary = summary[:280].rsplit(" ", 1)[0] + "…"
    return Hit(
        id=guide.pk,
        type="guide",
        title=guide.title,
        url=guide.get_absolute_url(),
        summary=summary,
        highlights=[],
        pioneer=None,
        themes=[],
        published=guide.updated_at.date() if guide.updated_at else None,
    )
