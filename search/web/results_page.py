"""What the search page shows around the results: the status line, facet groups,
applied-filter chips, pagination, "did you mean" and help when nothing matched.

The view parses the request and asks the engine; everything here turns that
answer into plain values for the template (and for the page's script, which
swaps the same HTML in place).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.utils.text import slugify

from search.engines.base import SearchEngine
from search.request import DEFAULT_PAGE_SIZE, SearchRequest
from search.response import FacetResult, SearchResponse
from search.snippets import with_ellipses

FACET_VALUES_SHOWN = 6  # a longer facet shows this many, then "show more"
MAX_DROP_SUGGESTIONS = 8  # zero results: "remove this filter" suggestions, each counted by the engine


def query_string(request: SearchRequest, **changes) -> str:
    """The request as URL parameters, defaults left out; q, filters, sort and page may be changed."""
    q = changes.get("q", request.q)
    filters = changes.get("filters", request.filters)
    pairs: list[tuple[str, str]] = [("q", q)] if q else []
    for name, values in filters.items():
        pairs += [(name, value) for value in values]
    sort = changes.get("sort", request.sort)
    if sort != "relevance":
        pairs.append(("sort", sort))
    if request.page_size != DEFAULT_PAGE_SIZE:
        pairs.append(("page_size", str(request.page_size)))
    page = changes.get("page", 1)
    if page != 1:
        pairs.append(("page", str(page)))
    return urlencode(pairs)


def search_url(request: SearchRequest, **changes) -> str:
    query = query_string(request, **changes)
    return f"/search/?{query}" if query else "/search/"


def without_filter(filters: dict[str, tuple[str, ...]], name: str, value: str) -> dict[str, tuple[str, ...]]:
    remaining = {key: tuple(v for v in values if not (key == name and v == value)) for key, values in filters.items()}
    return {key: values for key, values in remaining.items() if values}


# Facet panel


@dataclass
class FacetOption:
    id: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def disabled(self) -> bool:
        """Nothing to find with it; a chosen value stays open to unticking."""
        return self.count == 0 and not self.selected


@dataclass
class FacetGroup:
    name: str
    label: str
    shown: list[FacetOption]
    more: list[FacetOption]

    @property
    def selected_count(self) -> int:
        return sum(option.selected for option in self.shown + self.more)

    @property
    def open(self) -> bool:
        return self.selected_count > 0

    @property
    def more_open(self) -> bool:
        return any(option.selected for option in self.more)


def facet_groups(facets: list[FacetResult], known: dict[str, list[tuple[str, str]]] | None = None) -> list[FacetGroup]:
    """Each facet with a value, values the search cannot reach now (known elsewhere) listed at zero, last."""
    groups = []
    for facet in facets:
        options = [
            FacetOption(_option_id(facet.name, value.value), value.value, value.label, value.count, value.selected)
            for value in facet.values
        ]
        present = {option.value for option in options}
        options += [
            FacetOption(_option_id(facet.name, value), value, label, 0, False)
            for value, label in (known or {}).get(facet.name, [])
            if value not in present
        ]
        if options:
            groups.append(
                FacetGroup(facet.name, facet.label, options[:FACET_VALUES_SHOWN], options[FACET_VALUES_SHOWN:])
            )
    return groups


def _option_id(facet: str, value: str) -> str:
    return f"f-{facet}-{slugify(value) or 'value'}"


def known_values(engine: SearchEngine, request: SearchRequest) -> dict[str, list[tuple[str, str]]]:
    """Every value each facet has for these words without filters, so a filter that empties a
    value shows it at zero instead of taking it away."""
    if not request.filters:
        return {}
    unfiltered = engine.search(replace(request, filters={}, page=1, page_size=1))
    return {facet.name: [(value.value, value.label) for value in facet.values] for facet in unfiltered.facets}


@dataclass(frozen=True)
class Chip:
    facet: str
    label: str
    url: str


def chips(response: SearchResponse) -> list[Chip]:
    """Each applied filter with a link that removes only it."""
    request = response.request
    found = []
    for facet in response.facets:
        for value in facet.values:
            if value.selected:
                filters = without_filter(request.filters, facet.name, value.value)
                found.append(Chip(facet.label, value.label, search_url(request, filters=filters)))
    return found


# Status, spelling and pages


@dataclass
class Pages:
    current: int
    total: int
    previous: str | None
    next: str | None
    numbers: list[dict] = field(default_factory=list)  # {number, url, current} or {ellipsis}
    past_end: bool = False
    last_url: str | None = None


def pages(request: SearchRequest, response: SearchResponse) -> Pages:
    """Previous/next and nearby page numbers; past the last page, only a way back to it."""
    total = response.pages
    current = request.page
    if current > total:
        last = search_url(request, page=total) if total else None
        return Pages(current, total, None, None, past_end=bool(total), last_url=last)
    numbers: list[dict] = []
    wanted = sorted({1, total, *range(current - 1, current + 2)} & set(range(1, total + 1)))
    for number in wanted:
        if numbers and number - numbers[-1]["number"] > 1:
            numbers.append({"ellipsis": True, "number": number - 1})
        numbers.append({"number": number, "url": search_url(request, page=number), "current": number == current})
    return Pages(
        current,
        total,
        previous=search_url(request, page=current - 1) if current > 1 else None,
        next=search_url(request, page=current + 1) if current < total else None,
        numbers=numbers if total > 1 else [],
    )


@dataclass(frozen=True)
class Spelling:
    typed: str
    corrected: str
    url: str  # the corrected words, every filter kept
    results_are_corrected: bool  # the engine already answered with the corrected words


def spelling(response: SearchResponse) -> Spelling | None:
    request = response.request
    if not response.suggestion or response.suggestion.lower() == request.q.lower():
        return None
    url = search_url(request, q=response.suggestion, sort=request.sort)
    return Spelling(request.q, response.suggestion, url, results_are_corrected=response.corrected_from is not None)


def status_line(response: SearchResponse, spelled: Spelling | None, past_end: bool) -> str:
    """The one sentence the status region reads out after every search."""
    request = response.request
    words = spelled.corrected if spelled and spelled.results_are_corrected else request.q
    about = f" for “{words}”" if words else ""
    total = response.total
    if not total:
        return f"No results{about}"
    noun = "result" if total == 1 else "results"
    if past_end:
        return f"No results on page {request.page}: there {'is' if total == 1 else 'are'} {total} {noun}{about}"
    first = request.offset + 1
    last = request.offset + len(response.results)
    return f"Showing {first} to {last} of {total} {noun}{about}"


@dataclass(frozen=True)
class Alternative:
    text: str
    url: str
    count: int


def alternatives(engine: SearchEngine, response: SearchResponse, spelled: Spelling | None) -> list[Alternative]:
    """When nothing matched: each search one change away that finds something, with its count."""
    request = response.request
    labels = {
        (facet.name, value.value): f"{facet.label.lower()}: {value.label}"
        for facet in response.facets
        for value in facet.values
    }
    options: list[tuple[str, SearchRequest]] = []
    if spelled:
        options.append((f"Search for “{spelled.corrected}” instead", replace(request, q=spelled.corrected)))
    applied = [(name, value) for name, values in request.filters.items() for value in values]
    for name, value in applied[:MAX_DROP_SUGGESTIONS]:
        options.append(
            (
                f"Remove the filter {labels.get((name, value), value)}",
                replace(request, filters=without_filter(request.filters, name, value)),
            )
        )
    if len(applied) > 1:
        options.append(("Remove every filter", replace(request, filters={})))
    if request.q and request.filters:
        options.append((f"Keep the filters, drop the words “{request.q}”", replace(request, q="")))
    found = []
    for text, changed in options:
        count = engine.search(replace(changed, page=1, page_size=1)).total
        if count:
            found.append(Alternative(text, search_url(changed), count))
    return found


def snippets(highlights: list[str]) -> list[str]:
    return [with_ellipses(fragment) for fragment in highlights]
