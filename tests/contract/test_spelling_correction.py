"""When the words typed find nothing but "did you mean" has a correction, the reader gets the correction's
results, told so (`corrected_from`), on the real node and on the database engine, through the API."""

from __future__ import annotations

import pytest

from search.request import SearchRequest
from search.web.answer import answer

pytestmark = pytest.mark.django_db


def answered(engine, q: str):
    return answer(SearchRequest(q=q), surface="api", record=False, engine=engine).response


@pytest.mark.parametrize("engine_kind", ["elasticsearch"], indirect=True)
def test_a_typo_too_far_for_fuzzy_matching_answers_with_its_correction(engine, corpus):
    # Four letters allow one edit to fuzzy matching and two to the suggester, which offers a correction.
    plain = engine.search(SearchRequest(q="strf"))
    assert plain.total == 0 and plain.suggestion
    corrected = engine.search(SearchRequest(q=plain.suggestion))
    response = answered(engine, "strf")
    assert response.total == corrected.total > 0
    assert [hit.id for hit in response.results] == [hit.id for hit in corrected.results]
    assert response.suggestion == plain.suggestion
    assert response.corrected_from == "strf"
    assert response.request.q == "strf"  # the page and its links keep what was typed


def test_words_found_as_typed_are_not_marked_corrected(engine, corpus):
    response = answered(engine, "shared record")
    assert response.total > 0 and response.corrected_from is None


@pytest.mark.parametrize("engine_kind", ["database"], indirect=True)
def test_the_database_engine_says_when_it_answered_with_its_correction(engine, corpus):
    response = answered(engine, "recruitng")
    assert response.suggestion == "recruiting"
    assert response.corrected_from == "recruitng"
    assert corpus.id("kent_barrier") in [hit.id for hit in response.results]


@pytest.mark.parametrize("engine_kind", ["elasticsearch"], indirect=True)
def test_the_page_and_the_api_answer_a_corrected_search_alike(client, engine, corpus):
    body = client.get("/api/v1/search", {"q": "strf"}).json()
    assert body["total"] > 0 and body["corrected_from"] == "strf"
    page = client.get("/search/", {"q": "strf"}).content.decode()
    assert f"Nothing matched “strf”, so these are the results for “{body['suggestion']}”" in page
    for result in body["results"]:
        assert result["title"] in page
