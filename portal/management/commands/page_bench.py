"""`manage.py page_bench`: server time and database queries of each kind of public page.

Requests one page of each type (home, pioneers, a pioneer, a case study, a
barrier, a workaround, a theme, a barrier category, guides, the API page and
two searches) through Django's own request handling, several rounds, and
prints the median and 95th-percentile time and the query count of each, so a
slow or query-hungry page shows up between changes (`make bench`).
"""

from __future__ import annotations

import json
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from casestudies.visibility import visible
from themes.models import BarrierCategory, Theme


def page_paths() -> dict[str, str]:
    """One public address per page type, taken from the live content; a type with no content is left out."""
    paths = {"home": "/", "pioneers": "/pioneers/", "guides": "/guides/", "API page": "/api/"}
    for name, model in (
        ("pioneer", PioneerPage),
        ("case study", CaseStudyPage),
        ("barrier", BarrierPage),
        ("workaround", WorkaroundPage),
    ):
        page = visible(model.objects.all()).order_by("path").first()
        if page is not None:
            paths[name] = page.url
    theme = Theme.objects.filter(case_studies__live=True).order_by("sort_order", "name").first()
    if theme is not None:
        paths["theme"] = theme.get_absolute_url()
    category = BarrierCategory.objects.filter(barriers__live=True).order_by("sort_order", "name").first()
    if category is not None:
        paths["barrier category"] = category.get_absolute_url()
    paths["search"] = "/search/?q=information+sharing+between+council+and+NHS"
    paths["search, filtered"] = "/search/?q=integrated+care&type=case_study&region=north&sort=newest"
    return paths


class QueryCounter:
    """Counts the database queries run while it wraps the connection."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def p95(timings: list[float]) -> float:
    """The 95th percentile, interpolated between measurements (never below the median)."""
    return statistics.quantiles(timings, n=20, method="inclusive")[-1] if len(timings) > 1 else timings[0]


class Command(BaseCommand):
    help = "Measure the server time and query count of each kind of public page over the current content."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=15)
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args, rounds: int, **options):
        if rounds < 1:
            raise CommandError("--rounds must be 1 or more.")
        client = Client(HTTP_HOST="127.0.0.1")
        results = {name: self.measure(client, path, rounds) for name, path in page_paths().items()}
        if options["json"]:
            self.stdout.write(json.dumps(results, indent=2))
            return
        for name, numbers in results.items():
            self.stdout.write(
                f"{name:>18}: median {numbers['median_ms']:6.1f} ms, p95 {numbers['p95_ms']:6.1f} ms, "
                f"{numbers['queries']:3d} queries  {numbers['path']}"
            )

    def measure(self, client: Client, path: str, rounds: int) -> dict:
        response = client.get(path)  # warm caches once, as a running server would be
        if response.status_code != 200:
            raise CommandError(f"{path} answered {response.status_code}, not 200: nothing to measure.")
        queries = QueryCounter()
        with connection.execute_wrapper(queries):  # a request resets Django's own query log
            client.get(path)
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        return {
            "path": path,
            "queries": queries.count,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(p95(timings), 1),
        }
