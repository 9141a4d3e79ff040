"""The Elasticsearch engine: answers the search contract from the content alias."""

from __future__ import annotations

import logging
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError

from search.engines.base import EngineUnavailable, QueryRefused
from search.engines.elasticsearch.query import (
    NO_TYPOS,
    Typos,
    completion_search,
    counts_body,
    facet_counts,
    hits_body,
    in_tie_order,
    in_two_passes,
    match_count_query,
    related_search,
)
from search.request import SearchRequest
from search.response import Hit, SearchResponse, build_facet_results, hit_from_document
from search.vocabulary import WORD, ExpandedQuery, expand_query

logger = logging.getLogger(__name__)


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, prefix: str):
        self.client = client
        self.content_alias = f"{prefix}-content"
        self.suggest_alias = f"{prefix}-suggest"

    def _execute(self, what: str, run):
        try:
            return run()
        except TransportError as error:  # connection refused, reset or timed out
            raise EngineUnavailable(f"Elasticsearch could not answer a {what}: {error}") from error
        except ApiError as error:
            if is_outage(error):
                raise EngineUnavailable(f"Elasticsearch could not answer a {what}: {error}") from error
            raise QueryRefused(f"Elasticsearch refused a {what} ({error.status_code}): {error}") from error

    def search(self, request: SearchRequest) -> SearchResponse:
        expanded = expand_query(request.q)
        counts, hits, took = self._search(request, expanded, typos=NO_TYPOS)
        suggestion = _did_you_mean(counts, expanded)
        typos = typos_to_tolerate(expanded, counts["hits"]["total"]["value"], suggestion)
        if typos:
            counts, hits, took_again = self._search(request, expanded, typos=typos, did_you_mean=False)
            took += took_again
        page = hits["hits"]["hits"]
        if in_two_passes(request, expanded, typos):  # ordered by score alone: equal scores as SORT_CLAUSES says
            page = in_tie_order(page)
        results = [hit_from_document(hit["_source"], hit.get("highlight")) for hit in page]
        return SearchResponse(
            request=request,
            total=counts["hits"]["total"]["value"],
            results=results,
            facets=build_facet_results(request, facet_counts(counts.get("aggregations", {}))),
            engine=self.name,
            took_ms=took,
            suggestion=self._confirmed(request, suggestion),
        )

    def _search(
        self, request: SearchRequest, expanded: ExpandedQuery, *, typos: Typos, did_you_mean: bool = True
    ) -> tuple[dict[str, Any], dict[str, Any], int]:
        """The counts and the page of hits as Elasticsearch answered them, and the time it took, in one round
        trip (see query.py)."""
        counting = counts_body(request, expanded, typos=typos, did_you_mean=did_you_mean)
        page = hits_body(request, expanded, typos=typos)
        # The counts ask for no hits: the shard request cache keeps them until the index next changes.
        searches = [{"request_cache": True}, counting, {}, page]
        answer = self._execute("search", lambda: self.client.msearch(index=self.content_alias, searches=searches))
        for raw in answer["responses"]:
            if "error" in raw:
                raise _failure(raw)
        counts, hits = answer["responses"]
        return counts, hits, answer["took"]

    def _confirmed(self, request: SearchRequest, suggestion: str | None) -> str | None:
        """The suggestion, if it finds something now.

        The phrase suggester reads term statistics that still hold deleted
        documents' words until segments merge; a correction that matches no
        live document could reveal words from removed pages.
        """
        if not suggestion:
            return None
        query = match_count_query(request, expand_query(suggestion))

        def count() -> int:  # one live match is enough: the node stops at the first (a correction may find thousands)
            return self.client.count(index=self.content_alias, query=query, terminate_after=1)["count"]

        return suggestion if self._execute("suggestion check", count) else None

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]:
        prefix = prefix.strip()[:100]
        if not prefix:
            return []
        response = self._execute("suggestion", completion_search(self.suggest_alias, self.client, prefix, size).execute)
        options = response.suggest.complete[0].options if response.suggest else []
        return [{"text": o._source.text, "type": o._source.type, "url": o._source.url} for o in options]

    def related(self, page_id: int, size: int = 5) -> list[Hit]:
        def run() -> list[Hit]:
            try:
                source = self.client.get(index=self.content_alias, id=str(page_id), source_includes=["type", "pioneer"])
            except NotFoundError:
                return []
            document = source["_source"]
            search = related_search(
                self.content_alias, self.client, page_id, document["type"], document.get("pioneer"), size
            )
            return [hit_from_document(hit.to_dict()) for hit in search.execute()]

        return self._execute("related-content lookup", run)

    def documents(self, page_ids: list[int]) -> list[dict[str, Any]]:
        if not page_ids:
            return []
        ids = [str(page_id) for page_id in page_ids]
        response = self._execute("document lookup", lambda: self.client.mget(index=self.content_alias, ids=ids))
        if any("error" in doc for doc in response["docs"]):  # mget reports a missing index per document
            raise EngineUnavailable(f"Elasticsearch could not look up documents: {response['docs'][0].get('error')}")
        found = [doc["_source"] for doc in response["docs"] if doc.get("found")]
        return [{key: value for key, value in source.items() if key != "title_sort"} for source in found]


# Fewer results than this for the words as typed, and the search is made again allowing typos:
# near spellings then add what the exact words missed ("regulator" finds "regulatory").
TOO_FEW = 10
# With "did you mean" offering a correction, the search is made again allowing typos unless the words
# as typed already found this many: then near spellings would only reorder plenty (the reader is still
# offered the correction), at the cost of fuzzy matching over tens of thousands of documents.
PLENTY = 1000


def typos_to_tolerate(expanded: ExpandedQuery, total: int, suggestion: str | None) -> Typos:
    """The words to search for again allowing typos, if any: when words were typed and, as typed, they
    found too few results, or "did you mean" has a correction and they found less than plenty. Searches
    matching many never pay for fuzziness.

    "Did you mean" corrects only words missing from the index, so with a correction those words alone
    are looked up a typo or two away, as the database engine corrects only words it has never seen: a
    word the index holds is no typo, and its near spellings ("team": "tea", "term") would only add
    noise and time. Without one (too few results, every word known), every word is.
    """
    if not expanded.words or not (total < TOO_FEW or (suggestion is not None and total < PLENTY)):
        return NO_TYPOS
    corrected = set(WORD.findall(suggestion.lower())) if suggestion else set()
    misspelt = frozenset(word for word in expanded.words if word not in corrected)
    return misspelt if suggestion and misspelt else frozenset(expanded.words)


def _failure(raw: dict[str, Any]) -> Exception:
    """The error of one failed request of a multi-search, as the client would have raised it alone."""
    error, status = raw.get("error", {}), raw.get("status", 500)
    message = f"{error.get('type', 'error')}: {error.get('reason', error)}"
    if is_outage_status(status):
        return EngineUnavailable(f"Elasticsearch could not answer a search ({status}): {message}")
    return QueryRefused(f"Elasticsearch refused a search ({status}): {message}")


def is_outage(error: ApiError) -> bool:
    return is_outage_status(error.status_code)


def is_outage_status(status: int) -> bool:
    """Missing index, overload or a server error: the cluster cannot serve. Other 4xx are our requests' fault."""
    return status in (404, 408, 429) or status >= 500


def _did_you_mean(response: dict[str, Any], expanded: ExpandedQuery) -> str | None:
    """The phrase suggester's correction, unless it only "corrects" an acronym we understood."""
    suggest = response.get("suggest")
    if not expanded.text or not suggest or "did_you_mean" not in suggest:
        return None
    protected = {word.lower() for expansion in expanded.expansions for word in expansion.matched.split()}
    typed = expanded.text.lower().split()
    for entry in suggest["did_you_mean"]:
        for option in entry["options"]:
            corrected = option["text"].strip().lower().split()
            if corrected == typed:
                continue
            changed = {word for word in typed if word not in corrected}
            if changed & protected or len(corrected) != len(typed):
                return None
            return option["text"]
    return None
