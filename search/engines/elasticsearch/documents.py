"""Elasticsearch mappings for the content and suggestion indices.

Analysis uses only core parts every Elasticsearch 8 distribution has: the
standard tokenizer, lowercase, English stop words, hunspell en_GB stemming and
shingles. Each index is reached through an alias so rebuilds can swap it.
"""

from __future__ import annotations

from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Integer,
    Keyword,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from search.request import MAX_RESULT_WINDOW

english_stop = token_filter("english_stop", "stop", stopwords="_english_")
# All of hunspell's stems, not just the longest: "admissions" stems to "admit" only, while
# "admission" gives both "admission" and "admit"; keeping every stem lets each find the other.
en_gb_stemmer = token_filter("en_gb_hunspell", "hunspell", locale="en_GB", dedup=True)
# The longest run of words "did you mean" weighs a correction by (query.py's gram_size): pairs. With
# triples it made the same corrections of 596 typed queries at 100,000 documents, and the triples
# took a tenth of the node's CPU to index a document (BENCHMARKS.md, "Evening of 7 December").
SPELLING_GRAM_SIZE = 2
shingles = token_filter("shingles", "shingle", min_shingle_size=2, max_shingle_size=SPELLING_GRAM_SIZE)

english = analyzer("english_hunspell", tokenizer="standard", filter=["lowercase", english_stop, en_gb_stemmer])
exact = analyzer("exact_words", tokenizer="standard", filter=["lowercase", english_stop])
phrases = analyzer("phrase_shingles", tokenizer="standard", filter=["lowercase", shingles])
sortable = normalizer("sortable", filter=["lowercase"])

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": MAX_RESULT_WINDOW}


def index_settings() -> dict:
    """The settings a new index gets: shard and replica counts from the portal's settings."""
    from django.conf import settings

    return {
        **INDEX_SETTINGS,
        "number_of_shards": settings.ELASTICSEARCH_SHARDS,
        "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
    }


def facet_keyword(**kwargs) -> Keyword:
    """A facet's field: its global ordinals are built at refresh, not by the first search after it."""
    return Keyword(eager_global_ordinals=True, **kwargs)


def english_text(**kwargs) -> Text:
    """Analysed English text (names of pioneers, taxonomies, tags, the case study): searched stemmed only."""
    return Text(analyzer=english, **kwargs)


def highlighted_text(**kwargs) -> Text:
    """English text whose offsets are stored, so highlighting need not re-analyse it, with an unstemmed
    subfield for exact-word boosts, phrases and typos (query.py's TEXT_FIELDS, PHRASE_FIELDS, FUZZY_FIELDS)."""
    return Text(analyzer=english, index_options="offsets", fields={"exact": Text(analyzer=exact)}, **kwargs)


class ContentDocument(Document):
    """One case study, barrier or workaround, as search sees it."""

    id = Integer()
    type = facet_keyword()
    title = highlighted_text(copy_to="spelling")
    title_sort = Keyword(normalizer=sortable)
    summary = highlighted_text(copy_to="spelling")
    body = highlighted_text(copy_to="spelling")
    documents = highlighted_text(multi=True, copy_to="spelling")  # titles of attached documents
    case_study = english_text()
    url = Keyword(index=False)
    status = Keyword(index=False)
    pioneer = facet_keyword()
    pioneer_name = english_text()
    region = facet_keyword()
    region_name = Keyword(index=False)
    theme = facet_keyword(multi=True)
    theme_names = english_text(multi=True)
    barrier_category = facet_keyword(multi=True)
    barrier_category_names = english_text(multi=True)
    care_group = facet_keyword(multi=True)
    care_group_names = english_text(multi=True)
    stage = facet_keyword()
    stage_name = Keyword(index=False)
    tag = facet_keyword(multi=True)
    tag_names = english_text(multi=True)
    published = Date(format="strict_date")
    year = facet_keyword()  # a keyword, not a number: counting terms by ordinals is faster
    reused = facet_keyword()  # "yes" or "no" (case studies and workarounds), filled by the network app
    reuse_count = Integer()  # areas that reused it: a gentle ranking signal (search/ranking.py)
    # For "did you mean": words and pairs of words, unstemmed. The phrase suggester reads only each term's
    # frequencies, never positions or lengths: storing neither saves a tenth of the CPU to index a document.
    spelling = Text(analyzer=phrases, index_options="freqs", norms=False)

    class Index:
        name = "content"  # a placeholder: the store names each versioned index from SEARCH_INDEX_PREFIX
        settings = INDEX_SETTINGS


class SuggestionDocument(Document):
    """Something to offer while people type: a title, pioneer, theme or barrier category."""

    text = Keyword(index=False)
    type = facet_keyword()
    url = Keyword(index=False)
    suggest = Completion(analyzer=exact, preserve_separators=False)

    class Index:
        name = "suggest"
        settings = INDEX_SETTINGS
