"""Search scenarios that must hold on both engines (the contract users rely on)."""

from __future__ import annotations

import pytest

from search.request import SearchRequest

pytestmark = pytest.mark.django_db


def search(engine, q: str = "", **filters):
    options = {key: filters.pop(key) for key in ("sort", "page", "page_size") if key in filters}
    return engine.search(SearchRequest(q=q, filters={k: tuple(v) for k, v in filters.items()}, **options))


def ids(response) -> list[int]:
    return [hit.id for hit in response.results]


def counts(response, facet: str) -> dict[str, int]:
    return {value.value: value.count for value in next(f for f in response.facets if f.name == facet).values}


def test_everything_is_listed_without_words_newest_first(engine, corpus):
    response = search(engine)
    assert response.total == 8
    assert response.engine == engine.name
    years = [hit.published.year for hit in response.results]
    assert years == sorted(years, reverse=True)


def test_each_facet_alone(engine, corpus):
    assert set(ids(search(engine, type=["barrier"]))) == {
        corpus.id("leeds_barrier"),
        corpus.id("greenwich_barrier"),
        corpus.id("kent_barrier"),
    }
    assert search(engine, theme=["workforce-redesign"]).total == 2
    assert search(engine, pioneer=[corpus.pages["leeds_study"].get_parent().slug]).total == 3
    assert search(engine, region=["london"]).total == 3
    assert set(ids(search(engine, barrier_category=["payment-mechanisms"]))) == {
        corpus.id("greenwich_study"),
        corpus.id("greenwich_barrier"),
        corpus.id("greenwich_workaround"),
    }
    assert search(engine, care_group=["frail-older-people"]).total == 5
    assert search(engine, stage=["evaluated"]).total == 3
    assert search(engine, year=["2014"]).total == 2
    assert search(engine, tag=["records"]).total == 3


def test_or_within_a_facet_and_across_facets(engine, corpus):
    either = search(engine, region=["london", "south"])
    assert either.total == 5
    both = search(engine, region=["london", "south"], type=["barrier"])
    assert set(ids(both)) == {corpus.id("greenwich_barrier"), corpus.id("kent_barrier")}


def test_counts_are_disjunctive_each_facet_ignores_its_own_filter(engine, corpus):
    response = search(engine, region=["london"], type=["barrier"])
    assert counts(response, "region") == {"london": 1, "north": 1, "south": 1}  # barriers per region
    assert counts(response, "type") == {"case_study": 1, "barrier": 1, "workaround": 1}  # London per type
    assert counts(response, "pioneer") == {"greenwich": 1}  # both filters apply


def test_a_selected_value_is_listed_even_with_no_matches(engine, corpus):
    response = search(engine, type=["workaround"], barrier_category=["workforce-and-skills"])
    assert response.total == 0
    category = next(f for f in response.facets if f.name == "barrier_category")
    selected = [value for value in category.values if value.selected]
    assert [(v.value, v.count, v.label) for v in selected] == [("workforce-and-skills", 0, "Workforce and skills")]


def test_facets_come_in_declared_order_with_labels(engine, corpus):
    response = search(engine)
    assert [facet.name for facet in response.facets] == [
        "type",
        "theme",
        "pioneer",
        "region",
        "barrier_category",
        "care_group",
        "stage",
        "year",
        "tag",
        "reused",
    ]
    pioneer_labels = {value.value: value.label for value in response.facets[2].values}
    assert pioneer_labels == {"leeds": "Leeds", "greenwich": "Greenwich", "kent": "Kent"}
    assert [value.value for value in response.facets[7].values] == ["2016", "2015", "2014"]


@pytest.mark.parametrize(
    ("q", "expected_first"),
    [
        ("shared record", "leeds_study"),
        ("multidisciplinary teams", "greenwich_study"),
        ("MDT", "greenwich_study"),
        ("PbR", "greenwich_barrier"),
        ("A&E", "greenwich_study"),
        ("recruiting workforce", "kent_study"),
        ("care home admissions", "kent_study"),  # the phrase outranks its words scattered in titles
    ],
)
def test_the_right_page_comes_first(engine, corpus, q, expected_first):
    assert ids(search(engine, q))[0] == corpus.id(expected_first)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("integration", "leeds_study"),  # stemming: the text says "integrating"
        ("admission", "greenwich_study"),  # the text says "admissions"
        ("sharing agreements", "leeds_workaround"),
        ("elderly", "kent_study"),
        ("older people", "kent_study"),  # synonym of elderly, and the care group name
        ("IG", "leeds_study"),
        ("council", "leeds_study"),
        ("local authority", "leeds_study"),  # synonym of council
    ],
)
def test_stemming_and_synonyms_find_the_page(engine, corpus, q, expected):
    assert corpus.id(expected) in ids(search(engine, q, page_size=10))


@pytest.mark.parametrize(
    ("q", "expected", "suggestion"),
    [
        ("multidisciplinery teams", "greenwich_study", "multidisciplinary teams"),
        ("recruitng", "kent_barrier", "recruiting"),
    ],
)
def test_one_letter_typos_still_find_and_suggest(engine, corpus, q, expected, suggestion):
    response = search(engine, q)
    assert corpus.id(expected) in ids(response)
    assert response.suggestion == suggestion


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("agreemnt", "leeds_workaround"),  # the stemmer shortens "agreement" to "agree": three letters from the typo
        ("recruitmnt", "kent_study"),  # "recruitment" is indexed as "recruit"
    ],
)
def test_a_typo_in_a_word_the_stemmer_shortens_still_finds_it(engine, corpus, q, expected):
    assert corpus.id(expected) in ids(search(engine, q, page_size=10))


def test_correct_words_get_no_suggestion(engine, corpus):
    assert search(engine, "shared record").suggestion is None
    assert search(engine, "PbR").suggestion is None


def test_highlights_mark_the_words_and_escape_the_text(engine, corpus):
    hit = search(engine, "faxes").results[0]
    assert hit.id == corpus.id("leeds_barrier")
    assert any("<mark>faxes</mark>" in snippet for snippet in hit.highlights)
    assert all("<script" not in snippet for snippet in hit.highlights)


@pytest.mark.parametrize("sort", ["newest", "oldest", "title"])
def test_sorting(engine, corpus, sort):
    results = search(engine, sort=sort, type=["case_study"]).results
    if sort == "title":
        assert [hit.title for hit in results] == sorted((hit.title for hit in results), key=str.casefold)
    else:
        years = [hit.published.year for hit in results]
        assert years == sorted(years, reverse=sort == "newest")


def test_pagination(engine, corpus):
    first = search(engine, page_size=3)
    third = search(engine, page=3, page_size=3)
    assert (first.total, first.pages, len(first.results), len(third.results)) == (8, 3, 3, 2)
    everything = ids(search(engine, page_size=8))
    assert ids(first) == everything[:3] and ids(third) == everything[6:]
    assert search(engine, page=4, page_size=3).results == []


def test_results_carry_the_contract_fields(engine, corpus):
    hit = search(engine, "risk share").results[0]
    assert hit.to_json() == {
        "id": corpus.id("greenwich_workaround"),
        "type": "workaround",
        "title": "A local risk share with the hospital",
        "url": corpus.pages["greenwich_workaround"].url,
        "summary": "Commissioners paid a fixed sum for emergency activity and shared any savings.",
        "highlights": hit.highlights,
        "pioneer": {"slug": "greenwich", "name": "Greenwich"},
        "themes": [
            {"slug": "multidisciplinary-teams", "name": "Multidisciplinary teams"},
            {"slug": "rapid-community-response", "name": "Rapid community response"},
        ],
        "published": "2016-05-01",
    }


def test_suggest_offers_titles_pioneers_and_themes(engine, corpus):
    texts = {(s["text"], s["type"]) for s in engine.suggest("gree")}
    assert ("Greenwich", "pioneer") in texts
    multi = {(s["text"], s["type"]) for s in engine.suggest("multidis")}
    assert ("Multidisciplinary teams that respond within 24 hours", "case_study") in multi
    assert ("Multidisciplinary teams", "theme") in multi
    assert engine.suggest("   ") == []


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced',
        "records AND (council OR",
        "back\\slash\\",
        "title:record^5 ~2 *",
        "🙂🏥 emoji",
        "\x00\x07bell",
        "<script>alert(1)</script>",
        "x" * 10_000,
        "word " * 3_000,
        "-",
        "&&&",
        "{{ }}",
        "'; DROP TABLE x; --",
    ],
)
def test_any_query_text_gets_a_normal_answer(engine, corpus, q):
    from search.request import clean_query_text

    response = search(engine, clean_query_text(q))
    assert response.total >= 0
    assert response.engine == engine.name
