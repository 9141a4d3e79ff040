"""Query building, compared as dicts: what the Elasticsearch engine sends."""

from search.engines.elasticsearch.documents import english, exact
from search.engines.elasticsearch.query import (
    FIRST_PASS_WEIGHT,
    FUZZY_FIELDS,
    MATCH_FIELDS,
    PHRASE_FIELDS,
    RESCORE_WINDOW,
    SORT_CLAUSES,
    TEXT_FIELDS,
    completion_search,
    counts_body,
    hits_body,
    in_tie_order,
    matching_filter,
    matching_query,
    related_search,
    text_query,
    without_exact_copies,
)
from search.facets import FACETS
from search.ranking import REUSE_MAX_BOOST, reuse_multiplier
from search.request import SearchRequest
from search.vocabulary import expand_query

GROUPS = [["IG", "information governance"]]


def counts(request: SearchRequest, groups=GROUPS) -> dict:
    """The request for the total and the facets."""
    return counts_body(request, expand_query(request.q, groups))


def build(request: SearchRequest, groups=GROUPS) -> dict:
    """The request for the page of hits."""
    return hits_body(request, expand_query(request.q, groups))


def exact_word(text: str) -> dict:
    return {"multi_match": {"query": text, "fields": list(TEXT_FIELDS), "type": "best_fields", "tie_breaker": 0.3}}


def word(text: str) -> dict:
    """A word with typo tolerance."""
    return {
        "dis_max": {
            "queries": [
                exact_word(text),
                {
                    "multi_match": {
                        "query": text,
                        "fields": list(FUZZY_FIELDS),
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                        "max_expansions": 20,
                        "boost": 0.5,
                    }
                },
            ]
        }
    }


def test_words_and_synonym_groups_are_concepts_with_a_minimum_to_match():
    query = text_query(expand_query("IG barriers", GROUPS), typos=frozenset({"barriers"}))
    synonyms = {
        "bool": {
            "should": [
                {"multi_match": {"query": "IG", "fields": list(TEXT_FIELDS), "type": "phrase"}},
                {"multi_match": {"query": "information governance", "fields": list(TEXT_FIELDS), "type": "phrase"}},
            ],
            "minimum_should_match": 1,
        }
    }
    assert query == {
        "bool": {
            "must": [{"bool": {"should": [word("barriers"), synonyms], "minimum_should_match": 2}}],
            "should": [
                {
                    "multi_match": {
                        "query": "IG barriers",
                        "fields": list(PHRASE_FIELDS),
                        "type": "phrase",
                        "slop": 1,
                        "boost": 5,
                    }
                }
            ],
        }
    }


def test_typo_tolerance_only_when_asked_for():
    query = text_query(expand_query("pooled budgets", GROUPS))
    assert query["bool"]["must"][0]["bool"]["should"] == [exact_word("pooled"), exact_word("budgets")]
    assert "fuzziness" not in str(query)


def test_a_query_of_stop_words_matches_nothing():
    assert text_query(expand_query("the of and", GROUPS)) == {"match_none": {}}


def test_filters_match_in_each_field_without_its_unstemmed_copy():
    assert set(TEXT_FIELDS) - set(MATCH_FIELDS) == {"title.exact^1.5", "summary.exact", "body.exact^0.5"}
    assert list(MATCH_FIELDS) == [field for field in TEXT_FIELDS if field in MATCH_FIELDS]  # boosts and order kept
    assert without_exact_copies(("title^3", "title.exact", "notes.exact^2")) == ("title^3", "notes.exact^2")
    expanded = expand_query("IG records", GROUPS)
    assert matching_filter(expanded) == matching_query(expanded, fields=MATCH_FIELDS)
    assert ".exact" not in str(counts(SearchRequest(q="IG records"))["query"])
    assert ".exact" in str(text_query(expanded))  # the score still rewards the very words typed


def test_an_exact_subfield_is_its_field_unstemmed_as_matching_filter_relies_on():
    """MATCH_FIELDS leaves out `X.exact` because `X` finds whatever it finds: the same words, positions and
    stop words, with stems added. A change to either analyzer that breaks this must change MATCH_FIELDS."""
    stemmed, unstemmed = english.get_definition(), exact.get_definition()
    assert stemmed["tokenizer"] == unstemmed["tokenizer"]
    assert stemmed["filter"] == [*unstemmed["filter"], "en_gb_hunspell"]


def test_counts_ask_for_no_hits_and_score_nothing():
    body = counts(SearchRequest(q="pooled budgets"))
    assert body["size"] == 0 and body["track_total_hits"] is True
    assert list(body["query"]["bool"]) == ["filter"]  # filter context: no scores
    assert body["query"]["bool"]["filter"][0]["bool"]["minimum_should_match"] == 2
    assert "highlight" not in body and "sort" not in body


def test_the_page_of_hits_counts_nothing_and_filters_without_post_filter():
    body = build(SearchRequest(q="pooled", filters={"theme": ("pooled-budgets",)}))
    assert body["track_total_hits"] is False and "aggs" not in body and "post_filter" not in body
    assert body["query"]["bool"]["filter"] == [{"terms": {"theme": ["pooled-budgets"]}}]
    assert body["query"]["bool"]["must"] == [first_pass(expand_query("pooled", GROUPS), ["pooled"])]


def cheap(term: str) -> dict:
    """One term scored in the title and summary (all its words in one of them)."""
    options = {"type": "best_fields", "tie_breaker": 0.3, "operator": "and"}
    return {"multi_match": {"query": term, "fields": ["title^3", "summary^2"], **options}}


def first_pass(expanded, terms: list[str]) -> dict:
    """Every match (matching_filter), ranked cheaply by each of `terms` in the title and summary."""
    return {"bool": {"filter": [matching_filter(expanded)], "should": [cheap(term) for term in terms]}}


def test_by_relevance_every_match_is_ranked_cheaply_and_the_best_ones_again_by_the_full_query():
    expanded = expand_query("IG records", GROUPS)
    body = build(SearchRequest(q="IG records"))
    # Each word, and each synonym's words all together.
    assert body["query"] == first_pass(expanded, ["records", "IG", "information governance"])
    assert "sort" not in body  # a rescored search is ordered by score (the engine breaks ties as SORT_CLAUSES)
    rescore = body["rescore"]
    assert rescore["window_size"] == RESCORE_WINDOW
    assert rescore["query"]["query_weight"] == FIRST_PASS_WEIGHT and rescore["query"]["rescore_query_weight"] == 1
    assert rescore["query"]["rescore_query"]["function_score"]["query"] == text_query(expanded)


def test_near_spellings_are_ranked_fully_in_one_pass():
    request = SearchRequest(q="informaton")
    expanded = expand_query(request.q, GROUPS)
    body = hits_body(request, expanded, typos=frozenset(expanded.words))
    assert "rescore" not in body and body["sort"] == SORT_CLAUSES["relevance"]
    assert body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]["should"] == [word("informaton")]


def test_by_relevance_the_score_is_multiplied_by_the_reuse_signal_and_by_other_sorts_not():
    scored = build(SearchRequest(q="pooled"))["rescore"]["query"]["rescore_query"]["function_score"]
    assert scored["boost_mode"] == "multiply" and scored["max_boost"] == 1 + REUSE_MAX_BOOST
    assert scored["functions"][1]["field_value_factor"]["field"] == "reuse_count"
    newest = build(SearchRequest(q="pooled", sort="newest"))
    assert "function_score" not in str(newest) and "rescore" not in newest
    assert list(newest["query"]["bool"]) == ["filter"]  # ordered by date: nothing scored
    assert "function_score" not in str(build(SearchRequest())["query"])  # no words: newest first
    assert "function_score" not in str(counts(SearchRequest(q="pooled")))  # the counts stay unscored and cached


def test_a_rescored_page_breaks_equal_scores_newest_first_then_by_title():
    def hit(name: str, score: float, published: str) -> dict:
        return {"_score": score, "_source": {"title_sort": name, "published": published}}

    page = [
        hit("b", 2.0, "2015-01-01"),
        hit("z", 3.0, "2014-01-01"),
        hit("a", 2.0, "2015-01-01"),
        hit("c", 2.0, "2016-01-01"),
    ]
    assert [h["_source"]["title_sort"] for h in in_tie_order(page)] == ["z", "c", "a", "b"]


def test_the_reuse_multiplier_is_gentle_and_grows_with_areas():
    assert reuse_multiplier(0) == 1.0
    assert 1.0 < reuse_multiplier(1) < reuse_multiplier(2) < reuse_multiplier(5) == 1 + REUSE_MAX_BOOST
    assert reuse_multiplier(500) == 1 + REUSE_MAX_BOOST


def test_facet_filters_go_in_post_filter_and_each_facet_is_counted_without_its_own():
    body = counts(SearchRequest(filters={"theme": ("pooled-budgets", "seven-day-services"), "type": ("barrier",)}))
    theme_filter = {"terms": {"theme": ["pooled-budgets", "seven-day-services"]}}
    type_filter = {"terms": {"type": ["barrier"]}}
    assert body["post_filter"] == {"bool": {"filter": [theme_filter, type_filter]}} or body["post_filter"] == {
        "bool": {"must": [theme_filter, type_filter]}
    }
    aggs = body["aggs"]
    assert aggs["_filtered_type"]["filter"] == {"bool": {"filter": [type_filter]}}
    assert list(aggs["_filtered_type"]["aggs"]) == ["theme"]
    assert aggs["_filtered_theme"]["filter"] == {"bool": {"filter": [theme_filter]}}
    assert list(aggs["_filtered_theme"]["aggs"]) == ["type"]
    # Every other facet is counted under both filters, in one filter aggregation.
    assert aggs["_filtered_theme-type"]["filter"] == {"bool": {"filter": [theme_filter, type_filter]}}
    assert set(aggs["_filtered_theme-type"]["aggs"]) == {facet.name for facet in FACETS} - {"theme", "type"}
    assert set(aggs) == {"_filtered_type", "_filtered_theme", "_filtered_theme-type"}


def test_with_no_filter_chosen_every_facet_is_counted_at_the_top():
    aggs = counts(SearchRequest(q="pooled"))["aggs"]
    assert list(aggs) == [facet.name for facet in FACETS]
    assert aggs["theme"] == {"terms": {"field": "theme", "min_doc_count": 1, "size": 100}}


def test_no_words_means_no_query_no_highlight_and_newest_first():
    body = build(SearchRequest())
    assert body["query"] == {"match_all": {}} and "highlight" not in body and "suggest" not in body
    assert "query" not in counts(SearchRequest())
    assert body["sort"] == SORT_CLAUSES["newest"]


def test_words_bring_highlighting_with_marks_and_html_escaping():
    body = build(SearchRequest(q="records"))
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["post_tags"] == ["</mark>"]
    assert body["highlight"]["encoder"] == "html"
    # Title, summary and body give snippets; the taxonomy and pioneer names say where it matched.
    assert set(body["highlight"]["fields"]) == {
        "title",
        "summary",
        "body",
        "documents",
        "pioneer_name",
        "theme_names",
        "barrier_category_names",
        "care_group_names",
        "tag_names",
    }


def test_did_you_mean_is_asked_with_the_counts_for_the_words_alone():
    """Beside the page's ranking (the longer request on a broad question), and cached with the counts."""
    body = counts(SearchRequest(q="records", filters={"type": ("barrier",)}, sort="newest", page=3))
    assert body["suggest"]["did_you_mean"]["text"] == "records"
    assert body["suggest"]["did_you_mean"]["phrase"]["field"] == "spelling"
    assert "suggest" not in build(SearchRequest(q="records"))
    assert "suggest" not in counts(SearchRequest())  # no words, nothing to correct
    # The search made again allowing typos does not ask twice.
    assert "suggest" not in counts_body(SearchRequest(q="records"), expand_query("records", GROUPS), did_you_mean=False)


def test_joining_words_are_searched_but_not_highlighted():
    body = build(SearchRequest(q="sharing between council"))
    for field, options in body["highlight"]["fields"].items():
        highlighted = [clause["match"][field] for clause in options["highlight_query"]["bool"]["should"]]
        assert highlighted == ["sharing", "council"]
    assert "between" in str(body["query"])


def test_each_field_is_highlighted_by_a_query_of_its_own_words_and_synonym_phrases():
    body = build(SearchRequest(q="IG records"))
    assert body["highlight"]["fields"]["summary"] == {
        "highlight_query": {
            "bool": {
                "should": [
                    {"match": {"summary": "records"}},
                    {"match_phrase": {"summary": "IG"}},
                    {"match_phrase": {"summary": "information governance"}},
                ]
            }
        }
    }
    assert "highlight_query" not in body["highlight"]  # none shared by every field


def test_pagination_and_sorts():
    body = build(SearchRequest(q="x", page=3, page_size=10, sort="title"))
    assert (body["from"], body["size"]) == (20, 10)
    assert body["sort"] == ["title_sort", {"published": {"order": "desc"}}]
    assert "sort" not in build(SearchRequest(q="x"))  # by score: rescored
    assert build(SearchRequest(q="x", sort="oldest"))["sort"][0] == {"published": {"order": "asc"}}


def test_completion_and_related_queries():
    completion = completion_search("s", "default", "shar", 5).to_dict()
    assert completion["suggest"]["complete"] == {
        "prefix": "shar",
        "completion": {
            "field": "suggest",
            "size": 5,
            "skip_duplicates": True,
            "fuzzy": {"fuzziness": "AUTO", "min_length": 4},
        },
    }
    related = related_search("c", "default", 12, "barrier", "leeds", 4).to_dict()
    assert related["size"] == 4
    assert related["query"]["bool"]["filter"] == [
        {"term": {"type": "barrier"}},
        {"bool": {"must_not": [{"term": {"pioneer": "leeds"}}]}},
    ]
    assert related["query"]["bool"]["must"][0]["more_like_this"]["like"] == [{"_index": "c", "_id": "12"}]


def test_typo_tolerance_is_for_words_that_find_too_little_or_are_not_in_the_index():
    from search.engines.elasticsearch.engine import PLENTY, typos_to_tolerate

    words = expand_query("informaton sharing", GROUPS)
    every_word = {"informaton", "sharing"}
    assert typos_to_tolerate(words, total=0, suggestion=None) == every_word
    assert typos_to_tolerate(words, total=9, suggestion=None) == every_word  # too few: near spellings may add more
    assert not typos_to_tolerate(words, total=12, suggestion=None)
    # A correction: the word it corrects, which the index lacks, and not the word it has.
    assert typos_to_tolerate(words, total=12, suggestion="information sharing") == {"informaton"}
    assert typos_to_tolerate(words, total=0, suggestion="Information sharing") == {"informaton"}
    # A correction, but the words as typed found plenty: the reader is offered it, nothing is searched again.
    assert typos_to_tolerate(words, total=PLENTY - 1, suggestion="information sharing") == {"informaton"}
    assert not typos_to_tolerate(words, total=PLENTY, suggestion="information sharing")
    assert not typos_to_tolerate(expand_query("", GROUPS), total=0, suggestion=None)


def test_a_correction_of_no_typed_word_tolerates_typos_in_every_word():
    """A correction inside a synonym's phrase says nothing of which typed word is wrong."""
    from search.engines.elasticsearch.engine import typos_to_tolerate

    words = expand_query("IG sharing", GROUPS)
    assert typos_to_tolerate(words, total=0, suggestion="ID sharing") == {"sharing"}


def test_only_the_words_to_tolerate_are_looked_up_a_typo_or_two_away():
    expanded = expand_query("informaton sharing", GROUPS)
    concepts = matching_query(expanded, frozenset({"informaton"}))["bool"]["should"]
    assert concepts == [word("informaton"), exact_word("sharing")]
    assert matching_query(expanded)["bool"]["should"] == [exact_word("informaton"), exact_word("sharing")]


def test_facet_counts_are_read_back_per_facet():
    from search.engines.elasticsearch.query import facet_counts

    counts = facet_counts(
        {
            "theme": {"buckets": [{"key": "pooled-budgets", "doc_count": 4}]},  # counted under no filter
            "_filtered_theme": {  # counted under the theme filter, with the doc_count of that filter
                "doc_count": 9,
                "year": {"buckets": [{"key": 2015, "doc_count": 2}, {"key": 2014, "doc_count": 0}]},
            },
        }
    )
    assert counts["theme"] == {"pooled-budgets": 4} and counts["year"] == {"2015": 2}
    assert counts["stage"] == {} and set(counts) == {facet.name for facet in FACETS}
