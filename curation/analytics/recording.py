"""Recording searches and clicks without slowing them down.

A search's row is made in the request (its id goes into the page's result
links) and written once the response has gone: Django sends `request_finished`
when the server closes the response, and `PendingWrites.flush_after_response`
writes everything pending in one transaction, one INSERT per table. The
request itself pays only for building the row (see `manage.py bench_search_log`).
If the process dies in between, those few rows are lost: acceptable for
analytics, never for content.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from curation.analytics.models import SearchClick, SearchLog
from search.extensions import PAGE, SearchEvent
from search.request import normalise_query
from search.response import Hit

logger = logging.getLogger(__name__)

MAX_PENDING = 10_000  # a backlog this long means writes are failing: drop rather than grow without bound
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
DIGIT_RUN = re.compile(r"\+?\d(?:[\s-]?\d)*")
MIN_PRIVATE_DIGITS = 9  # phone and NHS numbers have 10 or more; "2014 2015" (8) and counts stay


def _blank_long_number(found: re.Match[str]) -> str:
    return "[number]" if sum(ch.isdigit() for ch in found.group(0)) >= MIN_PRIVATE_DIGITS else found.group(0)


def logged_query(raw: str) -> str:
    """The query as logged: normalised, with e-mail addresses and long numbers (phone, NHS) blanked."""
    return DIGIT_RUN.sub(_blank_long_number, EMAIL.sub("[email]", normalise_query(raw)))


class PendingWrites:
    """Rows waiting for the response to go; shared by the process's threads."""

    def __init__(self) -> None:
        self._rows: list[SearchLog | SearchClick] = []
        self._lock = threading.Lock()

    def add(self, row: SearchLog | SearchClick) -> None:
        with self._lock:
            if len(self._rows) < MAX_PENDING:
                self._rows.append(row)

    def __len__(self) -> int:
        return len(self._rows)

    def discard(self) -> None:
        with self._lock:
            self._rows = []

    def flush(self) -> int:
        """Write every pending row: searches first, then the clicks whose search exists. Returns rows written."""
        with self._lock:
            rows, self._rows = self._rows, []
        if not rows:
            return 0
        logs = [row for row in rows if isinstance(row, SearchLog)]
        clicks = [row for row in rows if isinstance(row, SearchClick)]
        try:
            with transaction.atomic():
                SearchLog.objects.bulk_create(logs)
                if clicks:
                    # A click may name a search that was purged, or an id someone made up.
                    known = set(
                        SearchLog.objects.filter(pk__in={click.search_id for click in clicks}).values_list(
                            "pk", flat=True
                        )
                    )
                    clicks = [click for click in clicks if click.search_id in known]
                    SearchClick.objects.bulk_create(clicks)
        except Exception:  # whatever goes wrong, analytics must not break the response being closed
            logger.exception("Lost %s search log rows and %s clicks", len(logs), len(clicks))
            return 0
        return len(logs) + len(clicks)

    def flush_after_response(self, **kwargs) -> None:
        if self._rows:
            self.flush()


pending = PendingWrites()


@dataclass(frozen=True)
class ClickLinks:
    """Result links on the search page that go through the click recorder (curation.analytics.views.click)."""

    search_id: uuid.UUID
    path: str

    def link(self, hit: Hit, rank: int, *, promoted: bool = False) -> str:
        if hit.type == "guide":  # a recommended guide is not a page of the index: linked as it is
            return hit.url
        params = {"s": self.search_id.hex, "to": hit.id, "rank": rank}
        if promoted:
            params["promoted"] = 1
        return f"{self.path}?{urlencode(params)}"


def record_search(event: SearchEvent) -> ClickLinks | None:
    """search.extensions' recorder: queue the search's row; on the search page, link results through clicks."""
    request, response = event.request, event.response
    row = SearchLog(
        id=uuid.uuid4(),
        created_at=timezone.now(),
        query=logged_query(request.q),
        filters={name: list(values) for name, values in request.filters.items()},
        sort=request.sort,
        page=request.page,
        result_count=response.total,
        engine=response.engine,
        took_ms=max(0, event.took_ms),
        surface=event.surface,
    )
    pending.add(row)
    return ClickLinks(row.id, reverse("search-click")) if event.surface == PAGE else None


def record_click(search_id: uuid.UUID, page_id: int, rank: int, promoted: bool) -> None:
    pending.add(
        SearchClick(search_id=search_id, page_id=page_id, rank=rank, promoted=promoted, created_at=timezone.now())
    )
