"""nDCG@10, recall@10 and MRR of each engine (and plain BM25) on the judged queries.

Searches go through search.web.answer, as the page and the API ask them, so
anything done there (a spelling correction answered for) counts. Run with
`python -m bench.relevance.evaluate` for a per-query table and the means,
on whatever content the configured database and index hold (the judgements
are written for the demo content: `manage.py load_demo`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench.relevance.bm25 import BM25
from bench.relevance.metrics import mean, ndcg_at, recall_at, reciprocal_rank

JUDGEMENTS = Path(__file__).with_name("judgements.json")
CUTOFF = 10
METRICS = ("ndcg10", "recall10", "mrr")

Ranker = Callable[[str, dict[str, tuple[str, ...]]], list[str]]


def load_judgements(path: Path = JUDGEMENTS) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def document_key(document: Mapping[str, Any]) -> str:
    """The stable key of an index document or result: its type and its page's slug (the URL's last part)."""
    return f"{document['type']}:{str(document['url']).rstrip('/').rsplit('/', 1)[-1]}"


def index_documents() -> list[dict[str, Any]]:
    """The index documents of the current content, built as the engines' stores build them."""
    from search.indexing.documents import build_documents, indexable_pages

    return list(build_documents(indexable_pages()))


def engine_ranker(engine) -> Ranker:
    """The keys of an engine's first page of results, asked as the site asks (search.web.answer)."""
    from search.request import SearchRequest
    from search.web.answer import answer

    def rank(q: str, filters: dict[str, tuple[str, ...]]) -> list[str]:
        request = SearchRequest(q=q, filters=filters, page_size=CUTOFF)
        response = answer(request, surface="api", record=False, engine=engine).response
        return [document_key({"type": hit.type, "url": hit.url}) for hit in response.results]

    return rank


def bm25_ranker(documents: list[dict[str, Any]]) -> Ranker:
    model = BM25(documents)
    return lambda q, filters: [document_key(document) for document in model.rank(q, filters)[:CUTOFF]]


def score_query(ranked: list[str], judged: Mapping[str, float]) -> dict[str, float]:
    return {
        "ndcg10": ndcg_at(ranked, judged, CUTOFF),
        "recall10": recall_at(ranked, judged, CUTOFF),
        "mrr": reciprocal_rank(ranked[:CUTOFF], judged),
    }


def per_query(ranker: Ranker, queries: list[dict[str, Any]]) -> list[dict[str, float]]:
    scores = []
    for query in queries:
        filters = {name: tuple(values) for name, values in query.get("filters", {}).items()}
        scores.append(score_query(ranker(query["q"], filters), query["relevant"]))
    return scores


def means(scores: list[dict[str, float]]) -> dict[str, float]:
    return {metric: round(mean([score[metric] for score in scores]), 4) for metric in METRICS}


def rankers() -> dict[str, Ranker]:
    """BM25 and the database engine always; Elasticsearch when ELASTICSEARCH_URL is set."""
    from django.conf import settings

    from search.engines.database.engine import DatabaseEngine

    found: dict[str, Ranker] = {}
    if settings.ELASTICSEARCH_URL:
        from search.engines.elasticsearch.client import get_client
        from search.engines.elasticsearch.engine import ElasticsearchEngine

        client = get_client(settings.ELASTICSEARCH_URL)
        found["es"] = engine_ranker(ElasticsearchEngine(client, settings.SEARCH_INDEX_PREFIX))
    found["db"] = engine_ranker(DatabaseEngine())
    found["bm25"] = bm25_ranker(index_documents())
    return found


def evaluate_per_query(queries: list[dict[str, Any]] | None = None) -> dict[str, list[dict[str, float]]]:
    queries = load_judgements() if queries is None else queries
    return {name: per_query(ranker, queries) for name, ranker in rankers().items()}


def evaluate_engines(queries: list[dict[str, Any]] | None = None) -> dict[str, dict[str, float]]:
    """Each engine's mean nDCG@10, recall@10 and MRR over the judged queries."""
    return {name: means(scores) for name, scores in evaluate_per_query(queries).items()}


def table(queries: list[dict[str, Any]], results: dict[str, list[dict[str, float]]]) -> str:
    """nDCG@10 per query and engine, then every metric's mean."""
    names = list(results)
    lines = [f"{'query':<28} {'kind':<11} " + " ".join(f"{name:>6}" for name in names)]
    for index, query in enumerate(queries):
        cells = " ".join(f"{results[name][index]['ndcg10']:>6.3f}" for name in names)
        lines.append(f"{query['id'][:28]:<28} {query['kind']:<11} {cells}")
    for metric in METRICS:
        cells = " ".join(f"{means(results[name])[metric]:>6.3f}" for name in names)
        lines.append(f"{'mean ' + metric:<40} {cells}")
    return "\n".join(lines)


def record(results_file: Path, figures: dict[str, dict[str, float]]) -> None:
    """Put the figures under "relevance" in a results file `python -m bench` wrote (measured apart, on the
    demo content the judgements are about, not on the generated corpus)."""
    try:
        results = json.loads(results_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"Cannot read {results_file}: {error}. Run `python -m bench` first.") from error
    results["relevance"] = figures
    results_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    import argparse
    import os

    import django

    parser = argparse.ArgumentParser(prog="python -m bench.relevance.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--into", type=Path, help="also record the means under 'relevance' in this results file")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()
    queries = load_judgements()
    per_query = evaluate_per_query(queries)
    print(table(queries, per_query))
    if args.into:
        record(args.into, {name: means(scores) for name, scores in per_query.items()})
        print(f"recorded under 'relevance' in {args.into}")


if __name__ == "__main__":
    main()
