"""One benchmark run: load a generated corpus into both engines' stores, measure, write bench/results.json.

Needs Django set up with a migrated, throwaway database, ELASTICSEARCH_URL set
and a SEARCH_INDEX_PREFIX starting with "test_" (its indices are dropped at the
start and the end). `python -m bench` sets all that up; tests call run().
"""

from __future__ import annotations

import json
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from bench import chart, comparison, scaling
from bench.corpus import corpus, generate
from bench.documents import index_documents, suggestions_for
from bench.layout import missing_keys
from bench.machine import elasticsearch_heap_used_mb, machine, process_rss_mb
from bench.publishing import publish_to_searchable
from bench.queries import query_mix
from bench.stats import percentile, rounded
from bench.throughput import throughput
from casestudies.models import CaseStudyPage
from casestudies.visibility import visible
from portal.management.commands.page_bench import Command as PageBench
from portal.management.commands.page_bench import QueryCounter
from search.engines.database import store as db_store
from search.indexing.sync import get_store

API = "/api/v1/search"
QUERIES = 500
DB_ENGINE_MAX = 10_000  # the database engine is measured on at most this many documents
PAGE_ROUNDS = 15
RESULTS = Path(__file__).resolve().parent / "results.json"
Log = Callable[[str], None]


def _ms(value: float) -> float:
    return rounded(value)


def _client() -> Client:
    return Client(HTTP_HOST="127.0.0.1")


def search_latency(client: Client, queries: list[str], engine: str) -> dict[str, Any]:
    """Send every query once (after one warm-up pass over the first 20) and time each end to end."""
    for query in queries[:20]:
        client.get(API, QUERY_STRING=query)
    timings, took, failed = [], [], 0
    for query in queries:
        started = time.perf_counter()
        response = client.get(API, QUERY_STRING=query)
        elapsed = (time.perf_counter() - started) * 1000
        body = response.json() if response.status_code == 200 else {}
        if body.get("engine") != engine:
            failed += 1
            continue
        timings.append(elapsed)
        took.append(float(body["took_ms"]))
    if not timings:
        raise RuntimeError(f"No search answered on the {engine} engine: nothing to measure.")
    overheads = [total - es for total, es in zip(timings, took, strict=True)]
    return {
        "queries": len(queries),
        "failed": failed,
        "p50_ms": _ms(percentile(timings, 50)),
        "p95_ms": _ms(percentile(timings, 95)),
        "p99_ms": _ms(percentile(timings, 99)),
        "took_p50_ms": _ms(percentile(took, 50)),
        "took_p95_ms": _ms(percentile(took, 95)),
        "took_p99_ms": _ms(percentile(took, 99)),
        "overhead_p50_ms": _ms(percentile(overheads, 50)),
    }


def empty_caches(store) -> None:
    """Empty the node's request and query caches for the run's indices: no timed answer comes from a cache
    an earlier pass filled."""
    store.client.indices.clear_cache(index=f"{store.prefix}-*", request=True, query=True)


def warm_up(store, queries: list[str], passes: int, log: Log) -> list[dict[str, float]]:
    """Untimed passes over the mix, so the timed one meets a node that has been serving (its JVM compiles
    the search code as it runs: after a restart the first 500 searches are the slowest). Each pass starts
    with empty caches like the timed pass; what each measured is kept, so a cold node's figures are seen."""
    figures = []
    for number in range(1, passes + 1):
        log(f"warming the node: untimed pass {number} of {passes} over the {len(queries)} searches")
        empty_caches(store)
        latency = search_latency(_client(), queries, "elasticsearch")
        keys = ("p50_ms", "p95_ms", "took_p50_ms", "overhead_p50_ms")
        figures.append({key: latency[key] for key in keys})
        log(f"  p50 {latency['p50_ms']} ms, p95 {latency['p95_ms']} ms, overhead p50 {latency['overhead_p50_ms']} ms")
    return figures


def database_queries(query: str) -> int:
    """How many database queries the portal runs for one API search (facet labels, analytics...)."""
    counter = QueryCounter()
    client = _client()
    with connection.execute_wrapper(counter):
        client.get(API, QUERY_STRING=query)
    return counter.count


class BackgroundSearches:
    """Searches through the API in a thread until stopped, counting the ones Elasticsearch did not answer."""

    def __init__(self, queries: list[str]):
        self.queries = queries
        self.done = 0
        self.failed = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        client = _client()
        try:
            while not self._stop.is_set():
                query = self.queries[self.done % len(self.queries)]
                try:
                    response = client.get(API, QUERY_STRING=query)
                    ok = response.status_code == 200 and response.json().get("engine") == "elasticsearch"
                except Exception:
                    ok = False
                self.done += 1
                self.failed += 0 if ok else 1
        finally:
            connection.close()

    def __enter__(self) -> BackgroundSearches:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()


PROGRESS_EVERY = 20_000


def load_elasticsearch(store, documents: list[dict], suggestions: list[dict], log: Log = print) -> float:
    """A full rebuild through the store (new indices, bulk load, alias swap); returns the seconds it took.

    The store half of search.indexing.maintenance.rebuild, fed generated documents instead of pages.
    """

    def progress(kind: str, total: int):
        return lambda done: log(f"  {kind}: {done} of {total}") if done % PROGRESS_EVERY == 0 else None

    started = time.perf_counter()
    new = store.start_rebuild()
    try:
        store.load(new["content"], "content", documents, progress("documents", len(documents)))
        store.load(new["suggest"], "suggest", suggestions, progress("suggestions", len(suggestions)))
        store.finish_rebuild(new, retire_after=settings.SEARCH_REBUILD_RETIRE_SECONDS)
    except BaseException:
        store.abort_rebuild(new)
        raise
    return time.perf_counter() - started


def load_database(documents: list[dict]) -> None:
    """The database engine's rebuild (one transaction), fed generated documents.

    Its rows reference pages by foreign key and generated documents have no
    pages, so the check is switched off for the load (a throwaway SQLite database).
    """
    with connection.constraint_checks_disabled():
        db_store.rebuild(documents)


def _first_case_study() -> CaseStudyPage:
    return visible(CaseStudyPage.objects.all()).order_by("path").first()


def real_pages(log: Log) -> dict[str, str]:
    """Addresses of a real case study page and the search page; a few generated pages are imported if none exist."""
    if not visible(CaseStudyPage.objects.all()).exists():
        log("importing a few real pages for the page timings")
        with tempfile.TemporaryDirectory(prefix="bench-pages-") as work:
            path = Path(work) / "pages.json"
            path.write_text(json.dumps(generate(case_studies=3, pioneers=1, seed=5)), encoding="utf-8")
            call_command("import_content", str(path), "--publish", "--no-progress", stdout=StringIO())
    study = _first_case_study()
    return {"case_study": study.url, "search_page": "/search/?q=shared+record&theme=multidisciplinary-teams"}


def page_render(paths: dict[str, str]) -> dict[str, float]:
    bench = PageBench()
    client = _client()
    return {f"{name}_p50_ms": bench.measure(client, path, PAGE_ROUNDS)["median_ms"] for name, path in paths.items()}


def _check_prefix(store) -> None:
    if not store.prefix.startswith("test_"):
        raise RuntimeError(f"The benchmark only uses test_-prefixed indices, not {store.prefix!r}.")


@dataclass(frozen=True)
class Extras:
    """How big the slower measurements are: issue 9's sizes by default; the 1k smoke test shrinks them."""

    clients: int = 16
    throughput_s: float = 30.0
    workers: int | None = None  # gunicorn's: 2 a core plus one
    publishes: int = 50
    warmup_passes: int = 3  # untimed passes over the mix before the Elasticsearch timing (a node warms as it serves)
    compare_pages: int = comparison.PAGES
    scaling_sizes: tuple[int, ...] = scaling.SIZES
    chart: Path | None = chart.CHART


def run(
    size: int,
    output: Path = RESULTS,
    log: Log = print,
    queries: int = QUERIES,
    db_queries: int | None = None,
    extras: Extras = Extras(),
) -> dict[str, Any]:
    """Measure everything at `size` items and write the results file; returns what it wrote.

    `db_queries`: how many of the mix's searches the database engine gets (all by default; it is slow).
    """
    store = get_store("bulk")  # rebuilds wait as long as an operator's rebuild does
    if store is None:
        raise RuntimeError("The benchmark needs ELASTICSEARCH_URL (the local node).")
    _check_prefix(store)
    store.drop_all()
    overall = time.perf_counter()
    results: dict[str, Any] = {"corpus_size": size, "machine": machine()}
    try:
        log(f"generating {size} items")
        content = corpus(size)
        documents = list(index_documents(content, limit=size))
        suggestions = suggestions_for(documents)
        queries = query_mix(content, queries)

        log(f"loading Elasticsearch ({len(documents)} documents, {len(suggestions)} suggestions)")
        load_s = load_elasticsearch(store, documents, suggestions, log)
        log(f"  loaded in {load_s:.1f} s")
        results["initial_load_s"] = round(load_s, 2)
        db_size = min(size, DB_ENGINE_MAX)
        log(f"loading the database engine's index ({db_size} documents)")
        load_database(documents[:db_size])
        paths = real_pages(log)

        warmup = warm_up(store, queries, extras.warmup_passes, log)
        log(f"search API, Elasticsearch engine: {len(queries)} queries")
        empty_caches(store)
        es = search_latency(_client(), queries, "elasticsearch")
        log(f"  p50 {es['p50_ms']} ms, p95 {es['p95_ms']} ms, took p50 {es['took_p50_ms']} ms")
        results["es"] = {
            **es,
            "rps": None,
            "errors": None,
            "db_queries_per_search": database_queries(queries[0]),
            "warmup_passes": warmup,
        }

        db_mix = queries[:db_queries] if db_queries else queries
        log(f"search API, database engine at {db_size}: {len(db_mix)} queries")
        with override_settings(ELASTICSEARCH_URL=""):
            db = search_latency(_client(), db_mix, "database")
        log(f"  p50 {db['p50_ms']} ms, p95 {db['p95_ms']} ms")
        results["db"] = {
            "corpus_size": db_size,
            "queries": db["queries"],
            "p50_ms_10k": db["p50_ms"],
            "p95_ms_10k": db["p95_ms"],
            "p99_ms_10k": db["p99_ms"],
            "failed": db["failed"],
        }

        log(f"throughput: {extras.clients} clients for {extras.throughput_s:.0f} s against gunicorn")
        load = throughput(queries, extras.clients, extras.throughput_s, extras.workers, log)
        log(f"  {load['rps']} requests/s, {load['errors']} errors, p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms")
        results["es"].update(rps=load["rps"], errors=load["errors"])
        results["throughput"] = load

        # Before the rebuild: a search that fails during it sends the portal to the database engine for a while.
        log("page render")
        results["page_render"] = page_render(paths)
        log(f"  {results['page_render']}")
        log(f"full rebuild of {len(documents)} documents while searches run")
        with BackgroundSearches(queries) as background:
            rebuild_s = load_elasticsearch(store, documents, suggestions, log)
        log(f"  {rebuild_s:.1f} s, {background.failed} of {background.done} searches failed")
        results.update(
            rebuild_s=round(rebuild_s, 2),
            rebuild_100k_s=round(rebuild_s, 2) if size == 100_000 else None,
            rebuild_docs_per_s=round(len(documents) / rebuild_s),
            rebuild_searches=background.done,
            rebuild_failed_searches=background.failed,
        )
        log(f"publish to searchable: {extras.publishes} publishes of a real page")
        results["publishing"] = publish_to_searchable(_first_case_study(), extras.publishes, log)
        results["publish_to_searchable_p95_s"] = results["publishing"]["p95_s"]

        results["memory"] = {
            "web_rss_mb": process_rss_mb(),
            "es_heap_used_mb": elasticsearch_heap_used_mb(store.client),
        }
        results["relevance"] = None  # judged on the demo content: `python -m bench.relevance.evaluate --into`

        smaller = scaling.smaller_sizes(extras.scaling_sizes, size)
        log(f"latency against size: the same {len(queries)} searches at {smaller} documents")
        results["scaling"] = {
            **scaling.measure_sizes(
                extras.scaling_sizes,
                size,
                lambda n: load_elasticsearch(store, documents[:n], suggestions_for(documents[:n]), log),
                lambda: search_latency(_client(), queries, "elasticsearch"),
                log,
            ),
            str(size): scaling.point(es),
        }
        if extras.chart:
            log(f"  chart: {chart.write(results['scaling'], extras.chart)}")

        log(f"side by side with Wagtail's search: importing about {extras.compare_pages} real pages")
        results["ratios"] = comparison.compare(store, queries, extras.compare_pages, log)
    finally:
        store.drop_all()
    results["run_s"] = round(time.perf_counter() - overall, 1)
    missing = missing_keys(results)
    if missing:
        raise RuntimeError(f"The results lack {', '.join(missing)}: the layout of issue 9 is the contract.")
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {output} ({results['run_s']} s)")
    return results
