"""The one search response both engines return, and its JSON shape (README, "Search API")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from search.facets import FACETS, Facet
from search.request import SearchRequest
from search.snippets import matched_in, snippet_fragments


@dataclass
class Hit:
    id: int
    type: str
    title: str
    url: str
    summary: str
    highlights: list[str]
    pioneer: dict[str, str] | None
    themes: list[dict[str, str]]
    published: date | None
    matched_in: list[str] = field(default_factory=list)  # where the words were found, for the page only

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "highlights": self.highlights,
            "pioneer": self.pioneer,
            "themes": self.themes,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass
class Promoted:
    """A result curators recommend for the query ("best bet"), with their note for the page."""

    hit: Hit
    note: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "count": self.count, "selected": self.selected}


@dataclass
class FacetResult:
    facet: Facet
    values: list[FacetValue]

    @property
    def name(self) -> str:
        return self.facet.name

    @property
    def label(self) -> str:
        return self.facet.label


@dataclass
class SearchResponse:
    request: SearchRequest
    total: int
    results: list[Hit]
    facets: list[FacetResult]
    engine: str
    took_ms: int = 0
    suggestion: str | None = None
    corrected_from: str | None = None  # the words typed, when the results are for `suggestion` instead
    notices: list[str] = field(default_factory=list)
    promoted: list[Promoted] = field(default_factory=list)  # filled by search.web.answer, page 1 only

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.request.page_size) if self.total else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.request.page,
            "page_size": self.request.page_size,
            "pages": self.pages,
            "engine": self.engine,
            "took_ms": self.took_ms,
            "suggestion": self.suggestion,
            "corrected_from": self.corrected_from,
            "results": [hit.to_json() for hit in self.results],
            "promoted": [item.hit.to_json() for item in self.promoted],
            "facets": {result.name: [value.to_json() for value in result.values] for result in self.facets},
        }


def build_facet_results(request: SearchRequest, counts: dict[str, dict[str, int]]) -> list[FacetResult]:
    """Turn raw per-facet counts into ordered, labelled facet values.

    Shared by both engines so that ordering, labels and "a selected value is
    listed even at 0" are one rule.
    """
    results = []
    for facet in FACETS:
        facet_counts = dict(counts.get(facet.name, {}))
        selected = request.selected(facet.name)
        for value in selected:
            facet_counts.setdefault(value, 0)
        pairs = facet.order(list(facet_counts.items()))
        labels = facet.labels(value for value, _ in pairs)
        values = [FacetValue(str(value), labels[value], count, value in selected) for value, count in pairs]
        results.append(FacetResult(facet, values))
    return results


MAX_HIGHLIGHTS = 2
_MARKS = re.compile(r"</?mark>")


def _word_runs(fragment: str, length: int = 5) -> set[tuple[str, ...]]:
    words = _MARKS.sub("", fragment).lower().split()
    return {tuple(words[i : i + length]) for i in range(max(1, len(words) - length + 1))}


def distinct_highlights(fragments: list[str]) -> list[str]:
    """At most MAX_HIGHLIGHTS snippets, none repeating words another already shows.

    A barrier's or workaround's summary is the start of its body, so the same
    passage is often highlighted twice; both engines show it once.
    """
    kept: list[str] = []
    shown: set[tuple[str, ...]] = set()
    for fragment in fragments:
        runs = _word_runs(fragment)
        if runs & shown:
            continue
        kept.append(fragment)
        shown |= runs
        if len(kept) == MAX_HIGHLIGHTS:
            break
    return kept


# The fields of a stored index document a result is built from (hit_from_document): all an engine need fetch.
HIT_FIELDS = ("id", "type", "title", "url", "summary", "pioneer", "pioneer_name", "theme", "theme_names", "published")


def hit_from_document(document: dict[str, Any], highlights: dict[str, list[str]] | None = None) -> Hit:
    """A result from a stored index document (either engine's), with its highlighted fragments by field."""
    highlights = {name: fragments for name, fragments in (highlights or {}).items() if fragments}
    published = document.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    pioneer = (
        {"slug": document["pioneer"], "name": document.get("pioneer_name", "")} if document.get("pioneer") else None
    )
    pairs = zip(document.get("theme", []), document.get("theme_names", []), strict=False)
    themes = [{"slug": slug, "name": name} for slug, name in pairs]
    return Hit(
        id=int(document["id"]),
        type=document["type"],
        title=document["title"],
        url=document["url"],
        summary=document.get("summary", ""),
        highlights=distinct_highlights(snippet_fragments(document["title"], highlights)),
        pioneer=pioneer,
        themes=themes,
        published=published,
        matched_in=matched_in(document["type"], highlights),
    )
