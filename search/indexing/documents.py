"""Turns published pages into plain index documents: the one place that knows both.

Engines only store and query what this module produces; models never know
about search. A page is indexable when it is a case study, barrier or workaround that the
public may see (casestudies.visibility). Other apps add fields through search.extensions
(the network's reuse counts), asked once per batch of pages (prime_document_fields).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wagtail.models import Page

from casestudies.markdown import markdown_to_text
from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from casestudies.visibility import shown_q, visible
from search import extensions

INDEXED_MODELS = {CaseStudyPage: "case_study", BarrierPage: "barrier", WorkaroundPage: "workaround"}
IDS_PER_QUERY = 10_000  # well within SQLite's limit on query parameters (32,766 in most builds)


def visible_ids(pages: list[Page]) -> set[int]:
    """Of these pages, the ids the public may see, in a query per IDS_PER_QUERY pages."""
    ids = [page.pk for page in pages]
    shown = shown_q()
    public: set[int] = set()
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = Page.objects.filter(pk__in=ids[start : start + IDS_PER_QUERY])
        public.update(visible(chunk, shown).values_list("pk", flat=True))
    return public


def indexable_pages() -> Iterator[Page]:
    """Every page that belongs in the index, in tree order."""
    for model in INDEXED_MODELS:
        yield from visible(model.objects.all()).order_by("path").iterator(chunk_size=500)


def prime_document_fields(pages: Iterable[Page], memo: dict) -> None:
    """Ask the other apps' contributors (search.extensions) for these pages' fields, IDS_PER_QUERY pages a call,
    so that build_document with this memo asks nothing more of them for any of these pages."""
    types = {}
    for page in pages:
        content_type = INDEXED_MODELS.get(type(page.specific))
        if content_type is not None:
            types[page.pk] = content_type
    ids = list(types)
    for start in range(0, len(ids), IDS_PER_QUERY):
        chunk = {pk: types[pk] for pk in ids[start : start + IDS_PER_QUERY]}
        found = extensions.document_fields(chunk)
        for pk in chunk:
            memo[("extension fields", pk)] = found.get(pk, {})


def _extension_fields(page: Page, content_type: str, memo: dict) -> dict[str, Any]:
    key = ("extension fields", page.pk)
    if key not in memo:  # not primed: a page built on its own
        memo[key] = extensions.document_fields({page.pk: content_type}).get(page.pk, {})
    return memo[key]


def build_documents(pages: Iterable[Page]) -> Iterator[dict[str, Any]]:
    """The documents of many pages (None left out), IDS_PER_QUERY pages at a time, each batch sharing one memo."""
    batch: list[Page] = []
    for page in pages:
        batch.append(page)
        if len(batch) == IDS_PER_QUERY:
            yield from _build_batch(batch)
            batch = []
    yield from _build_batch(batch)


def _build_batch(pages: list[Page]) -> Iterator[dict[str, Any]]:
    memo: dict = {}
    prime_document_fields(pages, memo)
    for page in pages:
        document = build_document(page, memo)
        if document is not None:
            yield document


def _slug_names(queryset) -> tuple[list[str], list[str]]:
    rows = list(queryset.values_list("slug", "name"))
    return [slug for slug, _ in rows], [name for _, name in rows]


def _case_study_fields(study: CaseStudyPage, memo: dict) -> dict[str, Any]:
    parent = ("pioneer at", study.path[: -Page.steplen])
    if parent not in memo:
        memo[parent] = PioneerPage.objects.ancestor_of(study).select_related("region").first()
    pioneer = memo[parent]
    tags = list(study.tags.all())
    theme_slugs, theme_names = _slug_names(study.themes.order_by("sort_order"))
    care_slugs, care_names = _slug_names(study.care_groups.order_by("sort_order"))
    return {
        "pioneer": pioneer.slug if pioneer else None,
        "pioneer_name": pioneer.title if pioneer else "",
        "region": pioneer.region.slug if pioneer and pioneer.region else None,
        "region_name": pioneer.region.name if pioneer and pioneer.region else "",
        "theme": theme_slugs,
        "theme_names": theme_names,
        "care_group": care_slugs,
        "care_group_names": care_names,
        "stage": study.stage.slug if study.stage else None,
        "stage_name": study.stage.name if study.stage else "",
        "tag": sorted(tag.slug for tag in tags),
        "tag_names": sorted(tag.name for tag in tags),
        "published": study.date_published.isoformat() if study.date_published else None,
        "year": study.date_published.year if study.date_published else None,
    }


def build_document(page: Page, memo: dict | None = None) -> dict[str, Any] | None:
    """The index document for one page, or None when the page is not indexed content.

    Barriers and workarounds take pioneer, themes, care groups, stage, tags and
    date from their case study, so every facet narrows all three types alike.
    A `memo` shared by the calls for one batch reads each case study once, not once per child;
    primed (prime_document_fields), it holds the other apps' fields for the whole batch.
    """
    page = page.specific
    content_type = INDEXED_MODELS.get(type(page))
    if content_type is None:
        return None
    memo = {} if memo is None else memo
    if isinstance(page, CaseStudyPage):
        study = page
    else:
        parent = ("study at", page.path[: -Page.steplen])
        if parent not in memo:
            memo[parent] = CaseStudyPage.objects.ancestor_of(page).first()
        study = memo[parent]
    if study is None:
        return None
    if ("fields", study.pk) not in memo:
        memo[("fields", study.pk)] = _case_study_fields(study, memo)
    document: dict[str, Any] = {
        "id": page.pk,
        "type": content_type,
        "title": page.title,
        "url": page.get_url() or page.url_path,
        **memo[("fields", study.pk)],
        **_extension_fields(page, content_type, memo),
    }
    if isinstance(page, CaseStudyPage):
        barriers = visible(BarrierPage.objects.child_of(page), _shown(memo))
        category_rows = dict(barriers.values_list("category__slug", "category__name"))
        document.update(
            summary=page.summary,
            body=markdown_to_text(page.narrative),
            barrier_category=sorted(category_rows),
            barrier_category_names=[category_rows[slug] for slug in sorted(category_rows)],
            case_study=page.title,
            status=page.stage.name if page.stage else "",
            **_attached_documents(page),
        )
    elif isinstance(page, BarrierPage):
        body = markdown_to_text(page.description)
        if ("category", page.category_id) not in memo:
            memo[("category", page.category_id)] = page.category
        category = memo[("category", page.category_id)]
        document.update(
            summary=_first_sentences(body),
            body=body,
            barrier_category=[category.slug],
            barrier_category_names=[category.name],
            case_study=study.title,
            status=page.get_status_display(),
        )
    else:
        body = markdown_to_text(page.description)
        # Only barriers the public may see: a draft or restricted barrier's title must not travel.
        barriers = visible(BarrierPage.objects.filter(workaround_links__workaround=page), _shown(memo))
        rows = list(barriers.values_list("title", "category__slug", "category__name"))
        category_rows = {slug: name for _title, slug, name in rows}
        document.update(
            summary=_first_sentences(body),
            body=" ".join([body, *(title for title, _slug, _name in rows)]),
            barrier_category=sorted(category_rows),
            barrier_category_names=[category_rows[slug] for slug in sorted(category_rows)],
            case_study=study.title,
            status=page.get_effectiveness_display(),
            **_attached_documents(page),
        )
    return document


def _attached_documents(page: CaseStudyPage | WorkaroundPage) -> dict[str, list[str]]:
    """The titles of the documents attached to the page, so a search for one finds the page; left out when none."""
    titles = [attachment.document.title for attachment in page.attachments()]
    return {"documents": titles} if titles else {}


def _shown(memo: dict):
    if "shown" not in memo:
        memo["shown"] = shown_q()
    return memo["shown"]


def _first_sentences(text: str, limit: int = 280) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = cut.rfind(". ")
    return cut[: stop + 1] if stop > limit // 2 else cut.rsplit(" ", 1)[0] + "…"


PIONEER_SUGGESTION_WEIGHT, TAXONOMY_SUGGESTION_WEIGHT, TITLE_SUGGESTION_WEIGHT = 30, 20, 10


def pioneer_suggestion(pioneer: PioneerPage) -> dict[str, Any]:
    url = pioneer.get_url() or pioneer.url_path
    return {
        "id": f"pioneer-{pioneer.pk}",
        "text": pioneer.title,
        "type": "pioneer",
        "url": url,
        "weight": PIONEER_SUGGESTION_WEIGHT,
    }


def title_suggestion(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"page-{document['id']}",
        "text": document["title"],
        "type": document["type"],
        "url": document["url"],
        "weight": TITLE_SUGGESTION_WEIGHT,
    }


def taxonomy_suggestion(kind: str, value) -> dict[str, Any]:
    """A theme or barrier category: choosing it filters the search by it."""
    url = f"/search/?{kind}={value.slug}"
    return {
        "id": f"{kind}-{value.pk}",
        "text": value.name,
        "type": kind,
        "url": url,
        "weight": TAXONOMY_SUGGESTION_WEIGHT,
    }


def suggestion_entries() -> Iterator[dict[str, Any]]:
    """Things worth suggesting as people type, besides content titles."""
    from themes.models import BarrierCategory, Theme

    for pioneer in visible(PioneerPage.objects.all()):
        yield pioneer_suggestion(pioneer)
    for kind, model in (("theme", Theme), ("barrier_category", BarrierCategory)):
        for value in model.objects.all():
            yield taxonomy_suggestion(kind, value)
