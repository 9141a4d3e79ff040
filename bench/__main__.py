"""`python -m bench [--size N] [--output PATH]`: one benchmark run in a throwaway database (`make bench`).

The database is a fresh SQLite file in a temporary directory, migrated here;
the indices are `test_bench`-prefixed on the node at ELASTICSEARCH_URL
(default http://127.0.0.1:9200). BENCH_SIZE sets the default size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _sizes(text: str) -> tuple[int, ...]:
    """ "1000,10000" as (1000, 10000)."""
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes are whole numbers separated by commas, not {text[:40]!r}") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be 1 or more")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=int(os.environ.get("BENCH_SIZE", "100000")))
    parser.add_argument("--queries", type=int, default=500, help="searches per engine (default 500)")
    parser.add_argument("--db-queries", type=int, default=None, help="of those, for the database engine (default all)")
    parser.add_argument("--output", type=Path, default=None, help="default: bench/results.json")
    parser.add_argument("--clients", type=int, default=16, help="throughput: concurrent clients (default 16)")
    parser.add_argument("--throughput-seconds", type=float, default=30.0, help="throughput: how long (default 30)")
    parser.add_argument("--workers", type=int, default=None, help="throughput: gunicorn workers (2 a core + 1)")
    parser.add_argument("--publishes", type=int, default=50, help="publish-to-searchable rounds (default 50)")
    parser.add_argument(
        "--warmup-passes", type=int, default=3, help="untimed passes over the mix before timing Elasticsearch (3)"
    )
    parser.add_argument("--compare-pages", type=int, default=5000, help="real pages beside Wagtail's search")
    parser.add_argument(
        "--scaling-sizes", type=_sizes, default=(1000, 10000), help="smaller sizes for the chart (default 1000,10000)"
    )
    parser.add_argument("--chart", type=Path, default=None, help="default: docs/benchmarks/latency-vs-size.svg")
    args = parser.parse_args(argv)
    if args.size < 100 or args.queries < 20:
        parser.error("--size must be 100 or more and --queries 20 or more")
    if min(args.clients, args.publishes, args.compare_pages) < 1 or args.throughput_seconds <= 0:
        parser.error("--clients, --publishes, --compare-pages and --throughput-seconds must be above 0")
    if args.warmup_passes < 0:
        parser.error("--warmup-passes must be 0 or more")
    prefix = os.environ.setdefault("SEARCH_INDEX_PREFIX", "test_bench")
    if not prefix.startswith("test_"):
        parser.error(f"SEARCH_INDEX_PREFIX must be test_-prefixed (its indices are dropped), not {prefix!r}")
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        os.environ["DATABASE_URL"] = f"sqlite:///{work}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        os.environ.setdefault("ELASTICSEARCH_URL", f"http://127.0.0.1:{os.environ.get('ES_PORT', '9200')}")
        os.environ.setdefault("DEBUG", "0")  # no query log growing through 500 searches
        os.environ["SEARCH_RATE_LIMIT"] = "0"  # thousands of searches from one address: measure search, not the limit
        import django

        django.setup()
        from django.core.management import call_command

        from bench.chart import CHART
        from bench.harness import RESULTS, Extras, run

        def log(message: str) -> None:
            print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)

        log("migrating a throwaway database")
        call_command("migrate", "--noinput", verbosity=0)
        extras = Extras(
            clients=args.clients,
            throughput_s=args.throughput_seconds,
            workers=args.workers,
            publishes=args.publishes,
            warmup_passes=args.warmup_passes,
            compare_pages=args.compare_pages,
            scaling_sizes=args.scaling_sizes,
            chart=args.chart or CHART,
        )
        run(args.size, args.output or RESULTS, log, queries=args.queries, db_queries=args.db_queries, extras=extras)
    return 0


if __name__ == "__main__":
    sys.exit(main())
