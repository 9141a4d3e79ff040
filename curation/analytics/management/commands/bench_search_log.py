"""What logging costs a search: building the row in the request, and writing it after the response."""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from curation.analytics.models import SearchLog
from curation.analytics.recording import pending, record_search
from search.extensions import PAGE, SearchEvent
from search.request import SearchRequest
from search.response import SearchResponse

PROBE = "bench search log probe"


def summary(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered) * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms (n={len(ordered)})"


class Command(BaseCommand):
    help = (
        "Measure search logging on the configured database: the cost inside the request (building and queueing "
        "the row), and the write after the response, one row a transaction (SEARCH_LOG_WRITE_SECONDS = 0) or "
        "many together (the background writer), per row. Rows written are deleted afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5000, help="Rows built in the request (not written).")
        parser.add_argument("--writes", type=int, default=200, help="Writes timed in each of the two ways.")
        parser.add_argument("--batch", type=int, default=100, help="Rows in each write of the background writer.")

    def handle(self, *args, runs: int, writes: int, batch: int, **options):
        if runs < 1 or writes < 1 or batch < 1:
            raise CommandError("--runs, --writes and --batch must be 1 or more.")
        request = SearchRequest(q=PROBE, filters={"theme": ("shared-records-and-information-sharing",)})
        event = SearchEvent(request, SearchResponse(request, 12, [], [], "database"), PAGE, 25)
        pending.discard()

        in_request = []
        for _ in range(runs):
            started = time.perf_counter()
            record_search(event)
            in_request.append(time.perf_counter() - started)
            pending.discard()

        one_by_one, together, written = [], [], []
        try:
            for _ in range(writes):
                written.append(record_search(event).search_id)
                started = time.perf_counter()
                pending.flush()
                one_by_one.append(time.perf_counter() - started)
            for _ in range(writes):
                written.extend(record_search(event).search_id for _ in range(batch))
                started = time.perf_counter()
                pending.flush()
                together.append((time.perf_counter() - started) / batch)
        finally:
            pending.discard()
            SearchLog.objects.filter(pk__in=written, query=PROBE).delete()

        self.stdout.write(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
        self.stdout.write(f"In the request (build and queue the row):       {summary(in_request)}")
        self.stdout.write(f"After the response, one row a transaction:      {summary(one_by_one)}")
        self.stdout.write(f"Background writer, {batch} rows a transaction, per row: {summary(together)}")
