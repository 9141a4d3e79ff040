"""Our two engines beside Wagtail's built-in search, on the same real pages, as ratios.

A generated corpus is imported as published pages (`import_content
--publish`, Elasticsearch left out of the page-by-page updates), indexed by
both our engines (search.indexing.maintenance.rebuild) and by Wagtail's
search backend (WAGTAILSEARCH_BACKENDS, kept up to date by Wagtail's own
signals; `update_index` if it is empty). The same text searches, each alone
and again with one filter (stage), are then timed three ways, all restricted
to case studies so that each engine searches the same pages:

- our Elasticsearch engine and our database engine, called directly with a
  SearchRequest (every facet counted, highlights, no HTTP);
- Wagtail: `CaseStudyPage.objects.live()` (filtered by stage), `.search(q)`,
  the first page of results, their count and `.facet("stage_id")` (the
  FilterField's column).
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from wagtail.models import Page

from bench.corpus import STAGES, generate
from bench.stats import percentile, ratio, rounded
from casestudies.models import CaseStudyPage
from search.engines.base import EngineUnavailable
from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.indexing import maintenance
from search.request import DEFAULT_PAGE_SIZE, SearchRequest
from themes.models import Stage

PAGES = 5_000
PAGES_PER_STUDY = 7  # a generated case study, its 2 to 4 barriers and 2 to 4 workarounds
TEXTS = 50  # each alone and with one filter: 100 searches per engine
Searcher = Callable[[str, str | None], Any]
Log = Callable[[str], None]


def comparison_searches(queries: list[str], count: int = TEXTS, seed: int = 17) -> list[tuple[str, str | None]]:
    """The first `count` texts of the mix, each alone and then with a stage chosen by a seeded draw."""
    rng = random.Random(seed)
    texts = [parse_qs(query)["q"][0] for query in queries if "q" in parse_qs(query)][:count]
    stages = [slug for slug, _ in STAGES]
    return [pair for text in texts for pair in ((text, None), (text, rng.choice(stages)))]


def summary(timings_ms: list[float], failed: int = 0) -> dict[str, float]:
    return {
        "p50_ms": rounded(percentile(timings_ms, 50)),
        "p95_ms": rounded(percentile(timings_ms, 95)),
        "failed": failed,
    }


def ratios(measured: dict[str, dict[str, float]]) -> dict[str, float | None]:
    """Each other engine's p50 and p95 over Elasticsearch's (above 1: slower than Elasticsearch)."""
    es = measured["elasticsearch"]
    out = {}
    for name in ("database", "wagtail"):
        for stat in ("p50", "p95"):
            out[f"{name}_over_elasticsearch_{stat}"] = ratio(measured[name][f"{stat}_ms"], es[f"{stat}_ms"])
    return out


def import_pages(pages: int, log: Log) -> int:
    """Import a generated corpus of about `pages` pages, published; returns how many pages were made."""
    before = Page.objects.count()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as work:
        path = Path(work) / "pages.json"
        path.write_text(json.dumps(generate(max(1, pages // PAGES_PER_STUDY), seed=41)), encoding="utf-8")
        # Straight into the database engine only: the rebuild that follows loads Elasticsearch in bulk.
        with override_settings(ELASTICSEARCH_URL=""):
            call_command("import_content", str(path), "--publish", "--no-progress", stdout=StringIO())
    made = Page.objects.count() - before
    log(f"  imported {made} pages")
    return made


def index_everywhere(store, log: Log) -> None:
    """Both our engines from the pages (a full rebuild), and Wagtail's index if its signals left it empty."""
    result = maintenance.rebuild(store)
    log(f"  our engines: {result.documents} documents")
    if not CaseStudyPage.objects.live().search("care").count():
        log("  Wagtail's index is empty: update_index")
        call_command("update_index", stdout=StringIO())


def _request(text: str, stage: str | None) -> SearchRequest:
    filters = {"type": ("case_study",), **({"stage": (stage,)} if stage else {})}
    return SearchRequest(q=text, filters=filters)


def our_engine(engine) -> Searcher:
    return lambda text, stage: engine.search(_request(text, stage))


def wagtail_search(text: str, stage: str | None) -> tuple[list, int, dict]:
    pages = CaseStudyPage.objects.live()
    if stage:
        pages = pages.filter(stage=Stage.objects.get(slug=stage))
    results = pages.search(text)
    return list(results[:DEFAULT_PAGE_SIZE]), results.count(), results.facet("stage_id")


def time_searches(search: Searcher, searches: list[tuple[str, str | None]]) -> tuple[list[float], int]:
    """Each search's milliseconds (after a warm-up of 10), and how many failed (an engine outage, untimed)."""
    timings, failed = [], 0
    for number, (text, stage) in enumerate([*searches[:10], *searches]):
        started = time.perf_counter()
        try:
            search(text, stage)
        except EngineUnavailable:
            failed += number >= 10
            continue
        if number >= 10:
            timings.append((time.perf_counter() - started) * 1000)
    return timings, failed


def compare(store, queries: list[str], pages: int = PAGES, log: Log = print) -> dict[str, Any]:
    """Import, index, time the three ways; returns their p50/p95 and the ratios."""
    made = import_pages(pages, log)
    index_everywhere(store, log)
    searches = comparison_searches(queries)
    engines = {
        "elasticsearch": our_engine(ElasticsearchEngine(get_client(), settings.SEARCH_INDEX_PREFIX)),
        "database": our_engine(DatabaseEngine()),
        "wagtail": wagtail_search,
    }
    measured = {}
    for name, search in engines.items():
        measured[name] = summary(*time_searches(search, searches))
        log(f"  {name}: p50 {measured[name]['p50_ms']} ms, p95 {measured[name]['p95_ms']} ms")
    connection.close()
    return {
        **ratios(measured),
        "pages": made,
        "case_studies": CaseStudyPage.objects.live().count(),
        "searches": len(searches),
        **measured,
    }
