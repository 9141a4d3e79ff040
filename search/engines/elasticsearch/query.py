"""Elasticsearch queries, built by a pipeline of small overridable steps.

`ContentSearch` is an elasticsearch-dsl `FacetedSearch`: it puts facet filters
in `post_filter` and counts each facet under every filter but its own. The
steps below (query, highlight, sort, suggest) are each testable by comparing
`to_dict()` with an expected dict.
"""

from __future__ import annotations

from typing import Any

from elasticsearch.dsl import FacetedSearch, Q, Search, TermsFacet
from elasticsearch.dsl.query import Query

from search.facets import FACETS, FACETS_BY_NAME, Facet
from search.request import SearchRequest
from search.snippets import HIGHLIGHT_FIELDS, marked_words
from search.vocabulary import ExpandedQuery

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
PHRASE_FIELDS = ("title.exact^6", "summary.exact^3", "body.exact")
SORT_CLAUSES: dict[str, list[Any]] = {  # one per search.request.SORTS name
    "relevance": ["_score", {"published": {"order": "desc"}}, "title_sort"],
    "newest": [{"published": {"order": "desc"}}, "title_sort"],
    "oldest": [{"published": {"order": "asc"}}, "title_sort"],
    "title": ["title_sort", {"published": {"order": "desc"}}],
}


def terms_facet(facet: Facet) -> TermsFacet:
    if facet.kind == "year":
        return TermsFacet(field=facet.field, size=facet.size, order={"_key": "desc"})
    return TermsFacet(field=facet.field, size=facet.size, min_doc_count=1)


# Against the unstemmed words: a typo is a letter or two from the word typed, not from its stem
# ("procurment" is one letter from "procurement", three from its stem "procure").
FUZZY_FIELDS = ("title.exact^3", "summary.exact^2", "body.exact", "documents.exact")


def word_query(word: str) -> Query:
    """One typed word in any text field; failing that, a word a typo or two away (scoring less)."""
    return Q(
        "dis_max",
        queries=[
            Q("multi_match", query=word, fields=list(TEXT_FIELDS), type="best_fields", tie_breaker=0.3),
            Q(
                "multi_match",
                query=word,
                fields=list(FUZZY_FIELDS),
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=20,
                boost=0.5,
            ),
        ],
    )


def synonym_query(alternatives: tuple[str, ...]) -> Query:
    """Any term of a synonym group, each as a phrase."""
    return Q(
        "bool",
        should=[Q("multi_match", query=term, fields=list(TEXT_FIELDS), type="phrase") for term in alternatives],
        minimum_should_match=1,
    )


def text_query(expanded: ExpandedQuery) -> Query:
    """Enough of the query's concepts must match; the whole phrase ranks higher.

    Each remaining word and each synonym group found is one concept (see
    search/vocabulary.py for how many are required). Scores add up across
    concepts, so documents with more of them rank first.
    """
    concepts = [word_query(word) for word in expanded.words]
    concepts += [synonym_query(expansion.alternatives) for expansion in expanded.expansions]
    if not concepts:
        return Q("match_none")
    matching = Q("bool", should=concepts, minimum_should_match=expanded.required)
    phrase = Q("multi_match", query=expanded.text, fields=list(PHRASE_FIELDS), type="phrase", slop=1, boost=5)
    return Q("bool", must=[matching], should=[phrase])


def highlight_query(expanded: ExpandedQuery) -> Query:
    """What to mark in snippets: the words and synonyms, without fuzziness (which makes highlighting slow)."""
    should = [Q("multi_match", query=word, fields=list(HIGHLIGHT_FIELDS)) for word in marked_words(expanded.words)]
    should += [
        Q("multi_match", query=term, fields=list(HIGHLIGHT_FIELDS), type="phrase")
        for expansion in expanded.expansions
        for term in expansion.alternatives
    ]
    return Q("bool", should=should or [Q("match_none")])


class ContentSearch(FacetedSearch):
    """Case studies, barriers and workarounds, faceted as search/facets.py declares."""

    fields = ["title", "summary", "body"]
    facets = {facet.name: terms_facet(facet) for facet in FACETS}

    def __init__(self, request: SearchRequest, expanded: ExpandedQuery, *, index: str, using):
        self.index = index
        self.using = using
        self.expanded = expanded
        self.search_request = request
        filters = {name: list(values) for name, values in request.filters.items()}
        super().__init__(query=expanded.text or None, filters=filters, sort=SORT_CLAUSES[request.effective_sort()])

    def search(self) -> Search:
        search = super().search().extra(track_total_hits=True).source(excludes=["body", "spelling"])
        if self.expanded.text:
            # "Did you mean", from the phrase suggester over unstemmed words and shingles.
            search = search.suggest("did_you_mean", self.expanded.text, **DID_YOU_MEAN)
        return search

    def query(self, search: Search, query: str) -> Search:
        return search.query(text_query(self.expanded))

    def highlight(self, search: Search) -> Search:
        if not self.expanded.text:
            return search
        return search.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            fragment_size=160,
            number_of_fragments=2,
            highlight_query=highlight_query(self.expanded).to_dict(),
        ).highlight(*HIGHLIGHT_FIELDS)

    def paginated(self) -> ContentSearch:
        request = self.search_request
        return self[request.offset : request.offset + request.page_size]


DID_YOU_MEAN = {
    "phrase": {
        "field": "spelling",
        "size": 1,
        "gram_size": 3,
        "max_errors": 2,
        "confidence": 1.0,
        "direct_generator": [{"field": "spelling", "suggest_mode": "missing", "min_word_length": 4}],
    }
}


def match_count_search(index: str, using, request: SearchRequest, expanded: ExpandedQuery) -> Search:
    """Documents the words would find under the request's filters (for checking a "did you mean")."""
    search = Search(index=index, using=using).query(text_query(expanded))
    for name, values in request.filters.items():
        search = search.filter("terms", **{FACETS_BY_NAME[name].field: list(values)})
    return search


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
    return search.source(["id", "type", "title", "url", "summary", "pioneer", "pioneer_name"])[:size]
