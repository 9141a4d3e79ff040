"""One public search answered for the page or the API: the engine's results, the
curators' promoted results, and a record of the search (search.extensions)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

from search.engines import get_engine
from search.engines.base import SearchEngine
from search.extensions import ResultLinks, SearchEvent, hooks
from search.facets import matches_filters
from search.request import SearchRequest
from search.response import Promoted, SearchResponse, hit_from_document

logger = logging.getLogger(__name__)

MAX_PROMOTED = 5


@dataclass
class Answer:
    response: SearchResponse
    links: ResultLinks | None  # how the page links its results, when the search was recorded


def answer(
    search_request: SearchRequest, *, surface: str, record: bool = True, engine: SearchEngine | None = None
) -> Answer:
    """Search, add promoted results, and tell the recorder (when `record`) what was asked and found."""
    engine = engine or get_engine()
    started = time.perf_counter()
    response = with_correction(engine, search_request, engine.search(search_request))
    response.promoted = promoted_results(engine, search_request)
    took_ms = round((time.perf_counter() - started) * 1000)
    links = _record(SearchEvent(search_request, response, surface, took_ms)) if record else None
    return Answer(response, links)


def with_correction(engine: SearchEngine, request: SearchRequest, response: SearchResponse) -> SearchResponse:
    """When the words found nothing but have a correction that finds something, the correction's results.

    The response keeps the request as typed (so the page's box and links
    keep the reader's words) and says what was corrected (`corrected_from`).
    """
    if response.total or not response.suggestion or response.corrected_from:
        return response
    corrected = engine.search(replace(request, q=response.suggestion))
    if not corrected.total:
        return response
    return replace(
        corrected,
        request=request,
        suggestion=response.suggestion,
        corrected_from=request.q,
        took_ms=response.took_ms + corrected.took_ms,
        notices=list(dict.fromkeys([*response.notices, *corrected.notices])),
    )


def promoted_results(engine: SearchEngine, request: SearchRequest) -> list[Promoted]:
    """The curators' picks for the words, on page 1 only, as results built from the engine's own index.

    A pick the index does not hold (not public, not yet indexed) or that the
    chosen filters exclude is left out. Ordinary results are left as they are.
    """
    if hooks.promoter is None or request.page != 1 or not request.q:
        return []
    try:
        picks = list(hooks.promoter(request))
        wanted = list(dict.fromkeys(pick.page_id for pick in picks if pick.hit is None))
        documents = {int(document["id"]): document for document in engine.documents(wanted)} if wanted else {}
    except Exception:
        logger.exception("Promoted results were left out of a search for %r", request.q)
        return []
    promoted: list[Promoted] = []
    for pick in picks:
        if pick.hit is not None:  # not a page of the index (a guide): no facets to filter it by
            promoted.append(Promoted(pick.hit, pick.note))
            continue
        document = documents.pop(pick.page_id, None)  # popped: a page is promoted once
        if document is not None and matches_filters(document, request.filters):
            promoted.append(Promoted(hit_from_document(document), pick.note))
    return promoted[:MAX_PROMOTED]


def _record(event: SearchEvent) -> ResultLinks | None:
    if hooks.recorder is None:
        return None
    try:
        return hooks.recorder(event)
    except Exception:
        logger.exception("A search for %r could not be recorded", event.request.q)
        return None
