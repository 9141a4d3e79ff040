"""Recording searches and clicks without slowing them down.

A search's row is made in the request (its id goes into the page's result
links) and written after the response has gone. Django sends
`request_finished` when the server closes the response; from there
`PendingWrites.flush_after_response` arms a timer, and the rows gathered
before it fires are written together by a background thread: one transaction,
one INSERT per table, every SEARCH_LOG_WRITE_SECONDS (2 s) at most, instead
of a transaction for every search (`manage.py bench_search_log` measures
both). With SEARCH_LOG_WRITE_SECONDS at 0 the rows are written as each
response closes instead, in the serving thread (the test settings do that).

Rows still waiting when the process exits normally (a graceful restart) are
written on the way out; if the process dies first, those few seconds of rows
are lost: acceptable for analytics, never for content.

A click may be written before its search's row (another worker may hold the
search, waiting for its own timer): it waits for later writes, for up to
UNMATCHED_CLICK_WAIT, and is dropped if its search never appears.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from curation.analytics.models import SearchClick, SearchLog
from portal.background import LaterInThread
from search.extensions import PAGE, SearchEvent
from search.request import normalise_query
from search.response import Hit

logger = logging.getLogger(__name__)

MAX_PENDING = 10_000  # a backlog this long means writes are failing: drop rather than grow without bound
UNMATCHED_CLICK_WAIT = timedelta(seconds=60)  # a click whose search is not written by then was made up, or purged
EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
DIGIT_RUN = re.compile(r"\+?\d(?:[\s-]?\d)*")
MIN_PRIVATE_DIGITS = 9  # phone and NHS numbers have 10 or more; "2014 2015" (8) and counts stay


def _blank_long_number(found: re.Match[str]) -> str:
    return "[number]" if sum(ch.isdigit() for ch in found.group(0)) >= MIN_PRIVATE_DIGITS else found.group(0)


def logged_query(raw: str) -> str:
    """The query as logged: normalised, with e-mail addresses and long numbers (phone, NHS) blanked."""
    return DIGIT_RUN.sub(_blank_long_number, EMAIL.sub("[email]", normalise_query(raw)))


class PendingWrites:
    """Rows waiting to be written; shared by the process's threads."""

    def __init__(self) -> None:
        self._rows: list[SearchLog | SearchClick] = []
        self._lock = threading.Lock()
        self._writing = threading.Lock()  # one write at a time: an exit's write waits for the thread's to end
        self._writer = LaterInThread("search-log-writer", self._write_in_thread)

    def add(self, row: SearchLog | SearchClick) -> None:
        with self._lock:
            if len(self._rows) < MAX_PENDING:
                self._rows.append(row)

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def write_is_due(self) -> bool:
        """A background write is armed and has not started yet."""
        return self._writer.armed

    def discard(self) -> None:
        with self._lock:
            self._rows = []
        self._writer.cancel()

    def flush(self) -> int:
        """Write every pending row: searches first, then the clicks whose search exists. Returns rows written.

        A click whose search is not in the database yet goes back to wait for a later write, unless it has
        waited UNMATCHED_CLICK_WAIT already.
        """
        with self._writing:
            return self._write()

    def _write(self) -> int:
        with self._lock:
            rows, self._rows = self._rows, []
        if not rows:
            return 0
        logs = [row for row in rows if isinstance(row, SearchLog)]
        clicks = [row for row in rows if isinstance(row, SearchClick)]
        unmatched: list[SearchClick] = []
        try:
            with transaction.atomic():
                SearchLog.objects.bulk_create(logs)
                if clicks:
                    # A click may name a search still waiting in another process, a purged one, or a made-up id.
                    known = set(
                        SearchLog.objects.filter(pk__in={click.search_id for click in clicks}).values_list(
                            "pk", flat=True
                        )
                    )
                    unmatched = [click for click in clicks if click.search_id not in known]
                    clicks = [click for click in clicks if click.search_id in known]
                    SearchClick.objects.bulk_create(clicks)
        except Exception:  # whatever goes wrong, analytics must not break a response or the writer thread
            logger.exception("Lost %s search log rows and %s clicks", len(logs), len(clicks) + len(unmatched))
            return 0
        oldest_kept = timezone.now() - UNMATCHED_CLICK_WAIT
        for click in unmatched:
            if click.created_at > oldest_kept:
                self.add(click)
        return len(logs) + len(clicks)

    def flush_after_response(self, **kwargs) -> None:
        """request_finished's receiver: write the rows now, or arm the background write (SEARCH_LOG_WRITE_SECONDS)."""
        if not self._rows:
            return
        delay = settings.SEARCH_LOG_WRITE_SECONDS
        if delay > 0:
            self._writer.arm(delay)
        else:
            self.flush()

    def write_before_exit(self) -> None:
        """At interpreter exit (atexit): what waits for the background write is written now, after any write
        the thread has begun (a daemon thread does not outlive the interpreter)."""
        self._writer.cancel()
        if settings.SEARCH_LOG_WRITE_SECONDS > 0:
            self.flush()

    def _write_in_thread(self) -> None:
        self.flush()
        delay = settings.SEARCH_LOG_WRITE_SECONDS
        if self._rows and delay > 0:  # clicks waiting for their search
            self._writer.arm(delay)


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
