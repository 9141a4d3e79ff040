"""The one search request both engines answer, and its parsing from query parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.facets import FACETS, FACETS_BY_NAME

# Every sort the portal offers, with the label people see; each engine orders by these names.
SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first", "title": "Title A to Z"}
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000  # deepest result reachable; the Elasticsearch index's max_result_window is set from it
MAX_QUERY_LENGTH = 1_000  # longer queries are cut, not refused: only the start carries meaning
MAX_QUERY_WORDS = 32  # keeps fuzzy expansion within the cluster's clause limit
MAX_VALUES_PER_FACET = 50
# Longer than any slug a facet value can be (Wagtail's page slugs); Elasticsearch refuses a term over 32 kB.
MAX_FACET_VALUE_LENGTH = 255
PARAMETERS = {"q", "sort", "page", "page_size", *FACETS_BY_NAME}


class InvalidParameter(ValueError):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def selected(self, facet_name: str) -> tuple[str, ...]:
        return self.filters.get(facet_name, ())

    def effective_sort(self) -> str:
        """Relevance means nothing without words: list newest first instead."""
        return "newest" if self.sort == "relevance" and not self.q else self.sort


def clean_query_text(raw: str) -> str:
    """Drop control characters, fold white space and cap the length."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    words = printable.split()[:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def normalise_query(raw: str) -> str:
    """A query as curators' tools compare it (search log, promoted results): cleaned, lower-cased, spaces folded."""
    return " ".join(clean_query_text(raw).lower().split())


WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: int() also takes "２", "1_0" and " 3 "


def positive_int(params, name: str, default: int, maximum: int | None = None) -> int:
    """A whole number parameter from 1 (to maximum), or default when absent; InvalidParameter otherwise."""
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    if not WHOLE_NUMBER.fullmatch(raw):
        raise InvalidParameter(name, f"{name} must be a whole number, not {raw[:40]!r}.")
    value = int(raw)
    if value < 1:
        raise InvalidParameter(name, f"{name} must be 1 or more.")
    if maximum is not None and value > maximum:
        raise InvalidParameter(name, f"{name} must be {maximum} or less.")
    return value


def parse_search_params(params, *, allowed_extra: frozenset[str] = frozenset()) -> SearchRequest:
    """Turn query parameters (a Django QueryDict or a dict of lists) into a SearchRequest.

    Raises InvalidParameter naming the first bad field.
    """
    for name in params:
        if name not in PARAMETERS and name not in allowed_extra:
            raise InvalidParameter(name, f"Unknown parameter {name[:40]!r}.")

    q = clean_query_text(params.get("q") or "")
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        raise InvalidParameter("sort", f"sort must be one of: {', '.join(SORTS)}.")
    page = positive_int(params, "page", 1)
    page_size = positive_int(params, "page_size", DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    if page * page_size > MAX_RESULT_WINDOW:
        raise InvalidParameter(
            "page", f"Only the first {MAX_RESULT_WINDOW} results can be paged through; narrow the search."
        )

    filters: dict[str, tuple[str, ...]] = {}
    for facet in FACETS:
        raw_values = params.getlist(facet.name) if hasattr(params, "getlist") else params.get(facet.name, [])
        if isinstance(raw_values, str):
            raw_values = [raw_values]
        values: list[str] = []
        for raw in raw_values:
            for part in str(raw).split(","):
                value = facet.normalise(part)
                if value is None:
                    if part.strip():
                        allowed = f" (one of: {', '.join(facet.choices)})" if facet.choices else ""
                        raise InvalidParameter(
                            facet.name, f"{part.strip()[:40]!r} is not a valid {facet.label.lower()}{allowed}."
                        )
                    continue
                if len(value) > MAX_FACET_VALUE_LENGTH:
                    message = f"A {facet.label.lower()} is at most {MAX_FACET_VALUE_LENGTH} characters long."
                    raise InvalidParameter(facet.name, message)
                if value not in values:
                    values.append(value)
        if len(values) > MAX_VALUES_PER_FACET:
            raise InvalidParameter(facet.name, f"At most {MAX_VALUES_PER_FACET} values of {facet.name} at once.")
        if values:
            filters[facet.name] = tuple(values)
    return SearchRequest(q=q, filters=filters, sort=sort, page=page, page_size=page_size)
