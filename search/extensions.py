"""Where other apps plug into the public search, so that search never imports them.

Four hook points, each empty until an app fills it from its AppConfig.ready():
- the promoter: given a request, the pages curators recommend for it (page id and
  note), in order. Search turns them into results from its own index, so they
  look the same on both engines (search.web.answer).
- the recorder: told about each public search once answered (the search page and
  the API). It may hand back ResultLinks, which the search page then uses for its
  result links (click tracking).
- the panel: given the web request and the search, HTML the search page shows
  under its results ("Save this search" for network members).
- document fields: given a batch of indexed pages (id -> document type), extra
  fields for their index documents (the network's reuse counts). Called once per
  batch of up to search.indexing.documents.IDS_PER_QUERY pages, never per page.
With nothing registered, search behaves as if neither existed. A search-time hook
that fails is logged and ignored: curators' tools never break a search. A document
fields hook that fails fails the index write, which the index queue retries: a
document is never written without its fields.

Another app tells search that pages' documents changed (a reuse recorded, say)
with `reindex_pages`: the durable index queue publishing uses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.http import HttpRequest

from search.request import SearchRequest
from search.response import Hit, SearchResponse

logger = logging.getLogger(__name__)

PAGE, API = "page", "api"  # the public surfaces a search is answered on


@dataclass(frozen=True)
class Pick:
    """A page a curator recommends for a query, and the note the page shows with it."""

    page_id: int
    note: str = ""
    hit: Hit | None = None  # a recommendation that is not an indexed page (a guide), shown as it is


@dataclass(frozen=True)
class SearchEvent:
    request: SearchRequest
    response: SearchResponse
    surface: str  # PAGE or API
    took_ms: int  # wall-clock time to answer, promoted results included


class ResultLinks(Protocol):
    def link(self, hit: Hit, rank: int, *, promoted: bool = False) -> str:
        """The address a result links to on the search page; rank counts from 1 across pages."""
        ...


Promoter = Callable[[SearchRequest], list[Pick]]
Recorder = Callable[[SearchEvent], ResultLinks | None]
Panel = Callable[[HttpRequest, SearchRequest], str]  # safe HTML, already escaped
# {page id: document type} -> {page id: {field: value}}; pages it has nothing for may be left out.
DocumentFields = Callable[[Mapping[int, str]], Mapping[int, Mapping[str, Any]]]


@dataclass
class Hooks:
    promoter: Promoter | None = None
    recorder: Recorder | None = None
    panel: Panel | None = None
    document_fields: list[DocumentFields] = field(default_factory=list)


hooks = Hooks()


def register_promoter(promoter: Promoter | None) -> None:
    hooks.promoter = promoter


def register_recorder(recorder: Recorder | None) -> None:
    hooks.recorder = recorder


def register_panel(panel: Panel | None) -> None:
    hooks.panel = panel


def register_document_fields(contributor: DocumentFields) -> None:
    """Add a contributor of index document fields (once: registering the same one again changes nothing)."""
    if contributor not in hooks.document_fields:
        hooks.document_fields.append(contributor)


def unregister_document_fields(contributor: DocumentFields) -> None:
    if contributor in hooks.document_fields:
        hooks.document_fields.remove(contributor)


def document_fields(pages: Mapping[int, str]) -> dict[int, dict[str, Any]]:
    """Every contributor's fields for these pages (id -> document type), merged per page."""
    found: dict[int, dict[str, Any]] = {}
    if not pages:
        return found
    for contributor in hooks.document_fields:
        for page_id, fields in contributor(pages).items():
            found.setdefault(page_id, {}).update(fields)
    return found


def reindex_pages(page_ids: Iterable[int]) -> None:
    """Bring these pages' index documents up to date once the current transaction commits (the index queue)."""
    from search.indexing import queue  # the queue reads pages: imported when used, not at app loading

    queue.record_pages(page_ids)


def search_page_panel(request: HttpRequest, search: SearchRequest) -> str:
    """The registered panel's HTML for this search page, or "" (none registered, or it failed: logged)."""
    if hooks.panel is None:
        return ""
    try:
        return hooks.panel(request, search)
    except Exception:
        logger.exception("The search page's panel failed; the page is shown without it")
        return ""
