"""Where other apps plug into the public search, so that search never imports them.

Three hook points, each empty until an app fills it from its AppConfig.ready():
- the promoter: given a request, the pages curators recommend for it (page id and
  note), in order. Search turns them into results from its own index, so they
  look the same on both engines (search.web.answer).
- the recorder: told about each public search once answered (the search page and
  the API). It may hand back ResultLinks, which the search page then uses for its
  result links (click tracking).
- the panel: given the web request and the search, HTML the search page shows
  under its results ("Save this search" for network members).
With nothing registered, search behaves as if neither existed. A hook that fails
is logged and ignored: curators' tools never break a search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

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


@dataclass
class Hooks:
    promoter: Promoter | None = None
    recorder: Recorder | None = None
    panel: Panel | None = None


hooks = Hooks()


def register_promoter(promoter: Promoter | None) -> None:
    hooks.promoter = promoter


def register_recorder(recorder: Recorder | None) -> None:
    hooks.recorder = recorder


def register_panel(panel: Panel | None) -> None:
    hooks.panel = panel


def search_page_panel(request: HttpRequest, search: SearchRequest) -> str:
    """The registered panel's HTML for this search page, or "" (none registered, or it failed: logged)."""
    if hooks.panel is None:
        return ""
    try:
        return hooks.panel(request, search)
    except Exception:
        logger.exception("The search page's panel failed; the page is shown without it")
        return ""
