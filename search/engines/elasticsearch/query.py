"""Elasticsearch queries, built by small functions.

One search is two requests sent together in one `_msearch`:

- the **counts** (`counts_body`): the total and every facet's counts, each
  facet counted under every filter but its own (filters in `post_filter`),
  and "did you mean" (it depends on the words alone). It asks for no hits,
  so nothing is scored and Elasticsearch's shard request cache can keep the
  answer until the index next changes;
- the **page of hits** (`hits_body`): the scored query with the filters as
  filters, sorted and highlighted; it counts nothing.

Elasticsearch runs the two side by side, so work is placed to balance them.

By relevance, the page of hits ranks in two passes: every match cheaply, by its
words in the title and summary (FIRST_PASS_FIELDS), then the best RESCORE_WINDOW
of those again by the full query (every field of TEXT_FIELDS, phrases, reuse), so
the costly ranking runs on a few hundred documents, not on every match of a broad
question.

The bodies of a search are plain dicts, built by small functions, each testable
by comparing what it returns with an expected dict. On this path, query objects
(elasticsearch-dsl's `Q`, `FacetedSearch`) cost a millisecond a search to build
and serialise, a fifth of what the portal adds to Elasticsearch's own time; the
index mappings (documents.py) and the rarer lookups below still use them.
"""

from __future__ import annotations

from typing import Any

from elasticsearch.dsl import Q, Search

from search.engines.elasticsearch.documents import SPELLING_GRAM_SIZE
from search.facets import FACETS, FACETS_BY_NAME, Facet
from search.ranking import elasticsearch_reuse_functions
from search.request import SearchRequest
from search.response import HIT_FIELDS
from search.snippets import HIGHLIGHT_FIELDS, marked_words
from search.vocabulary import ExpandedQuery

Query = dict[str, Any]  # an Elasticsearch query, as sent
Typos = frozenset[str]  # the typed words also looked up a typo or two away (engine.typos_to_tolerate)
NO_TYPOS: Typos = frozenset()


def without_exact_copies(fields: tuple[str, ...]) -> tuple[str, ...]:
    """`fields` (boosts and all) but each `X.exact` whose field `X` is among them."""
    names = {field.split("^")[0] for field in fields}

    def is_copy(field: str) -> bool:
        name = field.split("^")[0]
        return name.endswith(".exact") and name.removesuffix(".exact") in names

    return tuple(field for field in fields if not is_copy(field))


# Title over summary over body; names of taxonomies and pioneers help too.
# The .exact subfields (unstemmed) reward the very words typed.
TEXT_FIELDS = (
    "title^3",
    "title.exact^1.5",
    "summary^2",
    "summary.exact",
    "body",
    "body.exact^0.5",
    "pioneer_name^2",
    "theme_names^1.5",
    "barrier_category_names^1.5",
    "care_group_names^1.5",
    "tag_names^1.5",
    "case_study^0.5",
    "documents^1.5",
)
# Which documents match needs no unstemmed subfield. Each `X.exact` holds the words of `X` at the same
# positions, unstemmed (documents.py: the `exact_words` analyzer is `english_hunspell` without its
# stemmer), and `X` holds every stem of each word, which the same analysis of a typed word meets: so a
# word or phrase found in `X.exact` is found in `X`. The subfields only add score. Filters (the counts,
# the first pass, a correction's check) look words up in MATCH_FIELDS, reading a quarter fewer postings.
MATCH_FIELDS = without_exact_copies(TEXT_FIELDS)
PHRASE_FIELDS = ("title.exact^6", "summary.exact^3", "body.exact")
FIRST_PASS_FIELDS = ("title^3", "summary^2")  # short fields the full query weighs most
# The first ranking's best matches ranked again by the full query. Deeper results keep the first
# ranking's order, a thousandth of their first-pass score (FIRST_PASS_WEIGHT) placing them after.
RESCORE_WINDOW = 500
FIRST_PASS_WEIGHT = 0.001
SORT_CLAUSES: dict[str, list[Any]] = {  # one per search.request.SORTS name
    "relevance": ["_score", {"published": {"order": "desc"}}, "title_sort"],
    "newest": [{"published": {"order": "desc"}}, "title_sort"],
    "oldest": [{"published": {"order": "asc"}}, "title_sort"],
    "title": ["title_sort", {"published": {"order": "desc"}}],
}


def terms_aggregation(facet: Facet) -> dict[str, Any]:
    """One facet's counts: its commonest values (years: the latest), as search/facets.py declares it."""
    if facet.kind == "year":
        return {"terms": {"field": facet.field, "size": facet.size, "order": {"_key": "desc"}}}
    return {"terms": {"field": facet.field, "size": facet.size, "min_doc_count": 1}}


# Against the unstemmed words: a typo is a letter or two from the word typed, not from its stem
# ("procurment" is one letter from "procurement", three from its stem "procure").
FUZZY_FIELDS = ("title.exact^3", "summary.exact^2", "body.exact", "documents.exact")


def word_query(word: str, typos: bool = False, fields: tuple[str, ...] = TEXT_FIELDS) -> Query:
    """One typed word in any of `fields`; with `typos`, failing that, a word a typo or two away (scoring less)."""
    exact = {"multi_match": {"query": word, "fields": list(fields), "type": "best_fields", "tie_breaker": 0.3}}
    if not typos:
        return exact
    near = {
        "multi_match": {
            "query": word,
            "fields": list(FUZZY_FIELDS),
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "max_expansions": 20,
            "boost": 0.5,
        }
    }
    return {"dis_max": {"queries": [exact, near]}}


def synonym_query(alternatives: tuple[str, ...], fields: tuple[str, ...] = TEXT_FIELDS) -> Query:
    """Any term of a synonym group, each as a phrase in any of `fields`."""
    phrases = [{"multi_match": {"query": term, "fields": list(fields), "type": "phrase"}} for term in alternatives]
    return {"bool": {"should": phrases, "minimum_should_match": 1}}


def matching_query(expanded: ExpandedQuery, typos: Typos = NO_TYPOS, fields: tuple[str, ...] = TEXT_FIELDS) -> Query:
    """Enough of the query's concepts: which documents match, whatever their order.

    Each remaining word and each synonym group found is one concept (see
    search/vocabulary.py for how many are required). Scores add up across
    concepts, so documents with more of them rank first. Typo tolerance
    multiplies the terms looked up many times over, so the engine asks for it
    (`typos`: the words also looked up a typo or two away) only when the words
    as typed find too few results or are not in the index, and for those
    words alone (see engine.typos_to_tolerate).
    """
    concepts = [word_query(word, word in typos, fields) for word in expanded.words]
    concepts += [synonym_query(expansion.alternatives, fields) for expansion in expanded.expansions]
    if not concepts:
        return {"match_none": {}}
    return {"bool": {"should": concepts, "minimum_should_match": expanded.required}}


def matching_filter(expanded: ExpandedQuery, typos: Typos = NO_TYPOS) -> Query:
    """The documents matching_query finds, for filter context (nothing scored): looked up in MATCH_FIELDS."""
    return matching_query(expanded, typos, fields=MATCH_FIELDS)


def first_pass_query(expanded: ExpandedQuery) -> Query:
    """Every match, ranked cheaply: each word, and each synonym's words all together, in FIRST_PASS_FIELDS.

    Only its order of the best RESCORE_WINDOW matters (see rescore_best). Which documents match is
    matching_filter's (cached by Elasticsearch, and identical to the counts request's).
    """
    terms = list(expanded.words) + [term for expansion in expanded.expansions for term in expansion.alternatives]
    cheap = [
        {
            "multi_match": {
                "query": term,
                "fields": list(FIRST_PASS_FIELDS),
                "type": "best_fields",
                "tie_breaker": 0.3,
                "operator": "and",
            }
        }
        for term in terms
    ]
    return {"bool": {"filter": [matching_filter(expanded)], **({"should": cheap} if cheap else {})}}


def text_query(expanded: ExpandedQuery, typos: Typos = NO_TYPOS) -> Query:
    """The matching documents, ranked: the whole phrase ranks higher."""
    matching = matching_query(expanded, typos)
    if not expanded.concept_count:
        return matching  # match_none
    phrase = {
        "multi_match": {"query": expanded.text, "fields": list(PHRASE_FIELDS), "type": "phrase", "slop": 1, "boost": 5}
    }
    return {"bool": {"must": [matching], "should": [phrase]}}


def highlight_query(expanded: ExpandedQuery, field: str) -> Query:
    """What to mark in one field's snippets: the words and synonyms, without fuzziness (which makes
    highlighting slow). One query a field: the highlighter reads a query's terms for every field it marks,
    so one query naming all nine fields made it read each term nine times over."""
    should: list[dict[str, Any]] = [{"match": {field: word}} for word in marked_words(expanded.words)]
    should += [{"match_phrase": {field: term}} for expansion in expanded.expansions for term in expansion.alternatives]
    return {"bool": {"should": should or [{"match_none": {}}]}}


GROUP_PREFIX = "_filtered_"


def counts_body(
    request: SearchRequest, expanded: ExpandedQuery, *, typos: Typos = NO_TYPOS, did_you_mean: bool = True
) -> dict[str, Any]:
    """The counts of a search: its total and facets, as search/facets.py declares them, and "did you mean".
    No hits.

    Facet filters go in `post_filter` and each facet is counted under every
    filter but its own (disjunctive counts). The words only select documents
    (filter context: nothing is scored), and the request asks for no hits, so
    the shard request cache keeps the answer for the next identical search.
    """
    body: dict[str, Any] = {"size": 0, "track_total_hits": True, "aggs": facet_aggregations(request)}
    if expanded.text:
        body["query"] = {"bool": {"filter": [matching_filter(expanded, typos)]}}
        if did_you_mean:
            # From the phrase suggester over unstemmed words and shingles. Asked here, not with the page of
            # hits: it depends on the words alone, is cached with the counts, and runs beside the page's
            # ranking, which takes longer on a broad question.
            body["suggest"] = {"did_you_mean": {"text": expanded.text, **DID_YOU_MEAN}}
    filters = facet_filters(request)
    if filters:
        body["post_filter"] = {"bool": {"filter": filters}}
    return body


def facet_aggregations(request: SearchRequest) -> dict[str, Any]:
    """Each facet counted under every filter but its own, facets counted under the same filters in one
    filter aggregation, and those under none at the top.

    With no filter chosen every facet is counted at the top; with one, the other facets share one
    filter aggregation: Elasticsearch then evaluates each filter once, not once a facet (a quarter
    of the counts request's time at 100,000 items).
    """
    chosen = {name: facet_filter(name, values) for name, values in request.filters.items()}
    groups: dict[tuple[str, ...], list[Facet]] = {}
    for facet in FACETS:
        groups.setdefault(tuple(name for name in chosen if name != facet.name), []).append(facet)
    aggregations: dict[str, Any] = {}
    for applied, facets in groups.items():
        counted = {facet.name: terms_aggregation(facet) for facet in facets}
        if applied:
            under = {"bool": {"filter": [chosen[name] for name in applied]}}
            aggregations[GROUP_PREFIX + "-".join(applied)] = {"filter": under, "aggs": counted}
        else:
            aggregations.update(counted)
    return aggregations


def facet_counts(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Each facet's values and counts, read from the counts request's aggregations (facet_aggregations)."""
    found: dict[str, Any] = {}
    for key, answer in aggregations.items():
        if key.startswith(GROUP_PREFIX):
            found.update({name: counted for name, counted in answer.items() if name in FACETS_BY_NAME})
        elif key in FACETS_BY_NAME:
            found[key] = answer
    return {
        facet.name: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in found.get(facet.name, {}).get("buckets", [])
            if bucket["doc_count"]
        }
        for facet in FACETS
    }


def facet_filter(name: str, values) -> Query:
    """Any of a facet's chosen values."""
    return {"terms": {FACETS_BY_NAME[name].field: list(values)}}


def facet_filters(request: SearchRequest) -> list[Query]:
    """The request's filters: any of a facet's chosen values, every facet chosen."""
    return [facet_filter(name, values) for name, values in request.filters.items()]


def hits_body(request: SearchRequest, expanded: ExpandedQuery, *, typos: Typos = NO_TYPOS) -> dict[str, Any]:
    """One page of hits: ranked, filtered, sorted and highlighted; nothing counted."""
    body: dict[str, Any] = {
        "track_total_hits": False,
        "_source": [*HIT_FIELDS, "title_sort"],  # only what a result shows, and what orders equal scores
        "from": request.offset,
        "size": request.page_size,
    }
    sort = request.effective_sort()
    if in_two_passes(request, expanded, typos):  # ordered by score alone: the engine breaks ties (in_tie_order)
        query = first_pass_query(expanded)
        body["rescore"] = rescore_best(expanded)
    else:
        if not expanded.text:
            query = {"match_all": {}}
        elif sort != "relevance":
            query = {"bool": {"filter": [matching_filter(expanded, typos)]}}  # ordered by dates or titles: unscored
        else:
            query = with_reuse(text_query(expanded, typos))  # allowing typos: ranked fully in one pass
        body["sort"] = list(SORT_CLAUSES[sort])
    filters = facet_filters(request)
    body["query"] = {"bool": {"must": [query], "filter": filters}} if filters else query
    if expanded.text:
        body["highlight"] = highlight(expanded)
    return body


def in_two_passes(request: SearchRequest, expanded: ExpandedQuery, typos: Typos) -> bool:
    """Whether the page of hits is ranked in two passes (first_pass_query, rescore_best): words typed, by
    relevance, as typed. A search allowing typos is ranked fully in one pass: the first pass scores words
    as typed, and a misspelt word would score nothing in it."""
    return bool(expanded.text) and request.effective_sort() == "relevance" and not typos


def rescore_best(expanded: ExpandedQuery) -> dict[str, Any]:
    """Rank the first pass's best RESCORE_WINDOW again by the full query, times the reuse multiplier."""
    return {
        "window_size": RESCORE_WINDOW,
        "query": {
            "rescore_query": with_reuse(text_query(expanded)),
            "query_weight": FIRST_PASS_WEIGHT,
            "rescore_query_weight": 1,
        },
    }


def in_tie_order(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A rescored page as SORT_CLAUSES["relevance"] orders it: equal scores newest first, then by title.

    Elasticsearch orders a rescored search by score alone, equal scores as they lie in the index.
    """
    by_title = sorted(hits, key=lambda hit: hit["_source"].get("title_sort") or "")
    by_date = sorted(by_title, key=lambda hit: hit["_source"].get("published") or "", reverse=True)
    return sorted(by_date, key=lambda hit: hit["_score"] or 0.0, reverse=True)


def with_reuse(query: Query) -> Query:
    """The score multiplied by search.ranking's reuse multiplier (relevance only: other sorts ignore scores)."""
    return {"function_score": {"query": query, **elasticsearch_reuse_functions()}}


def highlight(expanded: ExpandedQuery) -> dict[str, Any]:
    """Marked passages of HIGHLIGHT_FIELDS, HTML-escaped, each field marking its own words (highlight_query)."""
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "fragment_size": 160,
        "number_of_fragments": 2,
        "fields": {field: {"highlight_query": highlight_query(expanded, field)} for field in HIGHLIGHT_FIELDS},
    }


DID_YOU_MEAN = {
    "phrase": {
        "field": "spelling",
        "size": 1,
        "gram_size": SPELLING_GRAM_SIZE,
        "max_errors": 2,
        "confidence": 1.0,
        "direct_generator": [{"field": "spelling", "suggest_mode": "missing", "min_word_length": 4}],
    }
}


def match_count_query(request: SearchRequest, expanded: ExpandedQuery) -> Query:
    """Documents the words would find under the request's filters (for checking a "did you mean")."""
    return {"bool": {"filter": [matching_filter(expanded), *facet_filters(request)]}}


def completion_search(index: str, using, prefix: str, size: int = 8) -> Search:
    return (
        Search(index=index, using=using)
        .source(["text", "type", "url"])
        .suggest(
            "complete",
            prefix,
            completion={
                "field": "suggest",
                "size": size,
                "skip_duplicates": True,
                "fuzzy": {"fuzziness": "AUTO", "min_length": 4},
            },
        )
    )


def related_search(
    index: str, using, document_id: int, content_type: str, pioneer: str | None, size: int = 5
) -> Search:
    """More like this, of the same type, at other pioneers."""
    query = Q(
        "more_like_this",
        fields=["title", "summary", "body", "theme_names", "barrier_category_names"],
        like=[{"_index": index, "_id": str(document_id)}],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=30,
        minimum_should_match="10%",
    )
    search = Search(index=index, using=using).query(query).filter("term", type=content_type)
    if pioneer:
        search = search.exclude("term", pioneer=pioneer)
    return search.source(list(HIT_FIELDS))[:size]
