"""`manage.py search_bench`: search latency over the current content, per engine.

Runs a fixed set of realistic queries (words, acronyms, typos, facets, deep
pages) several times and prints median and 95th-percentile latency as seen by
the caller, so numbers can be compared between changes (`make bench`).
"""

from __future__ import annotations

import json as json_lib
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.request import SearchRequest

QUERIES = [
    SearchRequest(),
    SearchRequest(q="IG"),
    SearchRequest(q="A&E"),
    SearchRequest(q="keeping frail people out of hospital"),
    SearchRequest(q="multidisciplinery team"),
    SearchRequest(q="how did others share records between council and NHS?"),
    SearchRequest(q="payment by results", filters={"type": ("barrier",)}),
    SearchRequest(filters={"theme": ("shared-records-and-information-sharing",), "region": ("north", "london")}),
    SearchRequest(q="integrated care", sort="newest", page=2, page_size=10),
]


class Command(BaseCommand):
    help = "Measure search latency per engine over the current content."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args, rounds: int, **options):
        if rounds < 1:
            raise CommandError("--rounds must be 1 or more.")
        engines = [DatabaseEngine()]
        if settings.ELASTICSEARCH_URL:
            engines.insert(0, ElasticsearchEngine(get_client(), settings.SEARCH_INDEX_PREFIX))
        results = {engine.name: self.measure(engine, rounds) for engine in engines}
        if options["json"]:
            self.stdout.write(_dumps(results))
            return
        for name, numbers in results.items():
            self.stdout.write(
                f"{name:>14}: median {numbers['median_ms']:.1f} ms, p95 {numbers['p95_ms']:.1f} ms, "
                f"max {numbers['max_ms']:.1f} ms over {numbers['searches']} searches"
            )

    def measure(self, engine, rounds: int) -> dict[str, float]:
        for request in QUERIES:  # warm caches once, as a running server would be
            engine.search(request)
        timings: list[float] = []
        for _ in range(rounds):
            for request in QUERIES:
                started = time.perf_counter()
                engine.search(request)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        return {
            "searches": len(timings),
            "median_ms": statistics.median(timings),
            "p95_ms": statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0],
            "max_ms": timings[-1],
        }


def _dumps(results) -> str:
    return json_lib.dumps(results, indent=2)
