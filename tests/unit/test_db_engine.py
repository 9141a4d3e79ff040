"""The database engine over hand-made index documents."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Page

from search.engines.database.engine import DatabaseEngine
from search.engines.database.store import searchable_text
from search.models import SearchEntry
from search.request import SearchRequest

SHARED_RECORDS = "shared-records-and-information-sharing"
THEME_NAMES = {
    SHARED_RECORDS: "Shared records and information sharing",
    "rapid-community-response": "Rapid community response",
    "pooled-budgets": "Pooled budgets",
}

CORPUS: dict[str, dict[str, Any]] = {
    "integration": {
        "type": "case_study",
        "title": "Integration of health and social care records",
        "summary": "Partners in North Town agreed one care record.",
        "body": "We waited a year for IG sign-off before any data moved.",
        "pioneer": "north-town",
        "theme": [SHARED_RECORDS],
        "barrier_category": ["information-governance"],
        "care_group": ["frail-older-people"],
        "published": "2015-03-01",
    },
    "barrier": {
        "type": "barrier",
        "title": "Information governance blocked data sharing",
        "summary": "Legal teams disagreed.",
        "body": "The old IG toolkit <script>alert('x')</script> forced paper records.",
        "pioneer": "south-city",
        "theme": [SHARED_RECORDS],
        "barrier_category": ["information-governance"],
        "published": "2016-05-01",
    },
    "hospital": {
        "type": "workaround",
        "title": "Hospital stays shortened by rapid response",
        "summary": "A rapid response team visits within two hours.",
        "body": "Fewer admission episodes for frail patients after a rapid visit.",
        "pioneer": "north-town",
        "theme": ["rapid-community-response"],
        "care_group": ["frail-older-people"],
        "published": "2016-01-10",
    },
    "pooled": {
        "type": "case_study",
        "title": "Pooled budgets for older people",
        "summary": "A big shared fund.",
        "body": "Councils and the CCG pooled money.",
        "pioneer": "east-vale",
        "theme": ["pooled-budgets"],
        "care_group": ["frail-older-people"],
        "published": "2017-07-07",
    },
    "allotment": {
        "type": "case_study",
        "title": "allotment gardens on prescription",
        "summary": "Social prescribing outdoors.",
        "body": "",
        "pioneer": None,
        "published": None,
    },
    "shared": {
        "type": "case_study",
        "title": "Shared care records at scale",
        "summary": "One record across the borough.",
        "body": "",
        "pioneer": "north-town",
        "theme": [SHARED_RECORDS],
        "published": "2014-06-01",
    },
    "portal": {
        "type": "case_study",
        "title": "Patient portal for shared records",
        "summary": "Patients read their own record.",
        "body": "",
        "pioneer": "south-city",
        "theme": [SHARED_RECORDS],
        "barrier_category": ["it-systems"],
        "published": "2018-02-02",
    },
}


def add_entry(key: str, **fields: Any) -> int:
    page = Page.get_first_root_node().add_child(instance=Page(title=fields["title"], slug=f"test-{key}"))
    themes = fields.get("theme", [])
    published = fields.get("published")
    document = {
        "id": page.pk,
        "url": f"/{key}/",
        "pioneer_name": (fields.get("pioneer") or "").replace("-", " ").title(),
        "theme": themes,
        "theme_names": [THEME_NAMES[slug] for slug in themes],
        "barrier_category": [],
        "care_group": [],
        "tag": [],
        "year": int(published[:4]) if published else None,
        **fields,
    }
    SearchEntry.objects.create(
        page=page,
        content_type=document["type"],
        title=document["title"],
        text=searchable_text(document),
        published=published,
        document=document,
    )
    return page.pk


@pytest.fixture
def ids(db) -> dict[str, int]:
    return {key: add_entry(key, **fields) for key, fields in CORPUS.items()}


def search(**kwargs: Any):
    filters = kwargs.pop("filters", {})
    request = SearchRequest(filters={name: tuple(values) for name, values in filters.items()}, **kwargs)
    return DatabaseEngine().search(request)


def keys(response, ids: dict[str, int]) -> list[str]:
    by_id = {pk: key for key, pk in ids.items()}
    return [by_id[hit.id] for hit in response.results]


def facet(response, name: str) -> list[tuple[str, int, bool]]:
    result = next(result for result in response.facets if result.name == name)
    return [(value.value, value.count, value.selected) for value in result.values]


def test_empty_query_lists_everything_newest_first(ids):
    response = search()
    assert response.total == 7
    assert response.engine == "database"
    assert keys(response, ids) == ["portal", "pooled", "barrier", "hospital", "integration", "shared", "allotment"]
    assert all(hit.highlights == [] for hit in response.results)
    assert response.suggestion is None


def test_one_facet_value_filters(ids):
    response = search(filters={"type": ["barrier"]})
    assert keys(response, ids) == ["barrier"]
    assert response.results[0].pioneer == {"slug": "south-city", "name": "South City"}


def test_values_of_one_facet_are_ored(ids):
    response = search(filters={"theme": ["pooled-budgets", "rapid-community-response"]})
    assert sorted(keys(response, ids)) == ["hospital", "pooled"]


def test_facets_are_anded(ids):
    response = search(filters={"theme": [SHARED_RECORDS], "pioneer": ["north-town"]})
    assert sorted(keys(response, ids)) == ["integration", "shared"]


def test_each_facet_is_counted_without_its_own_filter(ids):
    response = search(filters={"type": ["case_study"], "pioneer": ["north-town"]})
    assert response.total == 2
    assert facet(response, "type") == [("case_study", 2, True), ("workaround", 1, False)]
    assert facet(response, "pioneer") == [("north-town", 2, True), ("east-vale", 1, False), ("south-city", 1, False)]
    assert facet(response, "theme") == [(SHARED_RECORDS, 2, False)]


def test_a_selected_value_is_listed_at_zero(ids):
    response = search(filters={"type": ["barrier"], "pioneer": ["east-vale"]})
    assert response.total == 0
    assert facet(response, "type") == [("case_study", 1, False), ("barrier", 0, True)]
    assert facet(response, "pioneer") == [("south-city", 1, False), ("east-vale", 0, True)]


def test_years_are_counted_newest_first_and_filter_as_text(ids):
    assert facet(search(), "year") == [
        ("2018", 1, False),
        ("2017", 1, False),
        ("2016", 2, False),
        ("2015", 1, False),
        ("2014", 1, False),
    ]
    assert keys(search(filters={"year": ["2016"]}), ids) == ["barrier", "hospital"]


@pytest.mark.parametrize(("q", "expected"), [("integrating", ["integration"]), ("admissions", ["hospital"])])
def test_words_match_their_other_forms(ids, q, expected):
    response = search(q=q)
    assert keys(response, ids) == expected
    assert response.suggestion is None


@pytest.mark.parametrize("q", ["IG", "information governance"])
def test_acronyms_and_their_expansions_find_each_other(ids, q):
    # "big" in the pooled budgets summary must not count as "IG".
    assert sorted(keys(search(q=q), ids)) == ["barrier", "integration"]


def test_a_typo_is_corrected_and_suggested(ids):
    response = search(q="Pooled Budgetz")
    assert keys(response, ids) == ["pooled"]
    assert response.suggestion == "pooled budgets"


def test_new_entries_reach_the_typo_vocabulary(ids):
    assert search(q="orchardz").suggestion is None
    add_entry(
        "orchard", type="case_study", title="Community orchards", summary="", body="", pioneer=None, published=None
    )
    response = search(q="orchardz")
    assert response.suggestion == "orchards"
    assert [hit.title for hit in response.results] == ["Community orchards"]


def test_stop_words_alone_match_nothing(ids):
    assert search(q="the of").total == 0


def test_title_matches_outrank_body_matches(ids):
    assert keys(search(q="patients"), ids) == ["portal", "hospital"]


def test_equal_scores_go_to_the_closer_match(ids):
    # Title (and text) hits tie; among them the shorter titles first (BM25), then the summary hit and the
    # theme-name hit. Matches alike in every way go newest first.
    assert keys(search(q="shared"), ids) == ["portal", "shared", "barrier", "pooled", "integration"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["portal", "pooled", "barrier", "hospital", "integration", "shared", "allotment"]),
        ("oldest", ["shared", "integration", "hospital", "barrier", "pooled", "portal", "allotment"]),
        ("title", ["allotment", "hospital", "barrier", "integration", "portal", "pooled", "shared"]),
    ],
)
def test_sort_orders(ids, sort, expected):
    assert keys(search(sort=sort), ids) == expected


def test_pages(ids):
    second = search(page=2, page_size=3)
    assert (second.total, second.pages) == (7, 3)
    assert keys(second, ids) == ["hospital", "integration", "shared"]
    assert keys(search(page=3, page_size=3), ids) == ["allotment"]


def test_highlights_are_escaped_with_matches_marked(ids):
    response = search(q="paper")
    assert keys(response, ids) == ["barrier"]
    assert response.results[0].highlights == [
        "The old IG toolkit &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; forced <mark>paper</mark> records."
    ]


def test_synonyms_are_highlighted_as_phrases(ids):
    (hit,) = search(q="IG", filters={"type": ["barrier"]}).results
    # The title matched too, but it is the heading above the snippet: it is named, not repeated.
    assert hit.highlights == [
        "The old <mark>IG</mark> toolkit &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; forced paper records.",
    ]
    assert hit.matched_in == ["title", "barrier description"]


def test_highlights_are_short_snippets_around_the_match(db):
    add_entry(
        "long",
        type="barrier",
        title="Long",
        summary="",
        body=f"{'filler ' * 60}needle{' filler' * 60}",
        pioneer=None,
        published=None,
    )
    (hit,) = search(q="needle").results
    (fragment,) = hit.highlights
    assert "<mark>needle</mark>" in fragment
    assert len(fragment.replace("<mark>", "").replace("</mark>", "")) <= 160
    assert fragment.startswith("filler") and fragment.endswith("filler")


def test_at_most_two_highlights_and_never_the_title(ids):
    # Title, summary and body all say "rapid": the title is the heading, so summary and body are shown.
    (hit,) = search(q="rapid").results
    assert hit.highlights == [
        "A <mark>rapid</mark> response team visits within two hours.",
        "Fewer admission episodes for frail patients after a <mark>rapid</mark> visit.",
    ]
    assert hit.matched_in == ["title", "summary", "workaround description", "themes"]


def test_joining_words_are_searched_but_not_marked(ids):
    (hit,) = search(q="stays between hospital").results
    assert hit.matched_in == ["title"]
    response = search(q="between")
    assert all("<mark>" not in fragment for result in response.results for fragment in result.highlights)


def test_suggest_puts_starts_first_then_weight(ids):
    assert DatabaseEngine().suggest("integ") == [
        {"text": "Integrated care plans", "type": "theme", "url": "/search/?theme=integrated-care-plans"},
        {"text": "Integration of health and social care records", "type": "case_study", "url": "/integration/"},
    ]
    assert [s["text"] for s in DatabaseEngine().suggest("GOVERN")] == [
        "Governance and accountability",
        "Information governance and data sharing",
        "Information governance blocked data sharing",
    ]


def test_suggest_skips_duplicates_blanks_and_honours_size(ids):
    add_entry("estates", type="barrier", title="Estates", summary="", body="", pioneer=None, published=None)
    assert [s["type"] for s in DatabaseEngine().suggest("estat")] == ["barrier_category"]
    assert DatabaseEngine().suggest("   ") == []
    assert len(DatabaseEngine().suggest("p", size=2)) == 2


def test_related_shares_taxonomy_and_words_at_other_pioneers(ids):
    related = DatabaseEngine().related(ids["integration"])
    # "shared" is at the same pioneer; the barrier is another type.
    assert [hit.id for hit in related] == [ids["portal"], ids["pooled"], ids["allotment"]]
    assert [hit.id for hit in DatabaseEngine().related(ids["integration"], size=1)] == [ids["portal"]]


def test_related_is_empty_without_an_entry(ids):
    assert DatabaseEngine().related(ids["barrier"]) == []
    page = Page.get_first_root_node().add_child(instance=Page(title="Not indexed", slug="not-indexed"))
    assert DatabaseEngine().related(page.pk) == []
