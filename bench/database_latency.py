"""`python -m bench.database_latency [--size N]`: the database engine alone, timed on the benchmark's query mix.

The database engine's part of `python -m bench` without Elasticsearch: a
throwaway SQLite database loaded with N generated documents (10,000 by
default, the most the benchmark gives it), the 500-query mix sent through the
search API, p50/p95/p99 printed. `--profile N` also prints cProfile's top
functions for the N slowest queries.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.database_latency", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--profile", type=int, default=0, help="profile this many of the slowest queries")
    parser.add_argument("--keep", help="leave the loaded database at this path (SQLite file) for a look inside")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-db-") as work:
        os.environ["DATABASE_URL"] = f"sqlite:///{args.keep or f'{work}/bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
        os.environ["ELASTICSEARCH_URL"] = ""
        os.environ.setdefault("DEBUG", "0")
        os.environ["SEARCH_RATE_LIMIT"] = "0"  # thousands of searches from one address: measure search, not the limit
        import django

        django.setup()
        from django.core.management import call_command

        from bench.corpus import corpus
        from bench.documents import index_documents
        from bench.harness import _client, load_database, search_latency
        from bench.queries import query_mix

        call_command("migrate", "--noinput", verbosity=0)
        content = corpus(args.size)
        documents = list(index_documents(content, limit=args.size))
        queries = query_mix(content, args.queries)
        started = time.perf_counter()
        load_database(documents)
        print(f"loaded {len(documents)} documents in {time.perf_counter() - started:.1f} s", flush=True)
        client = _client()
        result = search_latency(client, queries, "database")
        print({key: result[key] for key in ("queries", "failed", "p50_ms", "p95_ms", "p99_ms")}, flush=True)
        if args.profile:
            _profile(client, queries, args.profile)
    return 0


def _profile(client, queries: list[str], count: int) -> None:
    timed = []
    for query in queries:
        started = time.perf_counter()
        client.get("/api/v1/search", QUERY_STRING=query)
        timed.append((time.perf_counter() - started, query))
    slowest = sorted(timed, reverse=True)[:count]
    profiler = cProfile.Profile()
    for elapsed, query in slowest:
        print(f"{elapsed * 1000:7.1f} ms  {query}")
        profiler.enable()
        client.get("/api/v1/search", QUERY_STRING=query)
        profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    sys.exit(main())
