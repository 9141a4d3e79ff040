"""Promoted results through both engines: the same picks, the same item shape, public pages only."""

from __future__ import annotations

import pytest

from search.request import SearchRequest
from search.web.answer import answer

pytestmark = pytest.mark.django_db


def promoted(engine, q: str, **changes):
    response = answer(SearchRequest(q=q, **changes), surface="api", record=False, engine=engine).response
    return response


def test_the_pages_chosen_for_the_words_come_first_in_order_with_their_note(engine, corpus, promote):
    promote(
        ["Information governance", "sharing rules"],
        corpus.pages["leeds_workaround"],
        corpus.pages["greenwich_study"],
        note="Recommended by the exchange team",
    )

    response = promoted(engine, "  INFORMATION   governance ")

    assert [item.hit.id for item in response.promoted] == [corpus.id("leeds_workaround"), corpus.id("greenwich_study")]
    assert {item.note for item in response.promoted} == {"Recommended by the exchange team"}
    workaround = response.promoted[0].hit.to_json()
    assert workaround == {
        "id": corpus.id("leeds_workaround"),
        "type": "workaround",
        "title": "One data sharing agreement signed once",
        "url": corpus.pages["leeds_workaround"].url,
        "summary": "The partners wrote one agreement for direct care and signed it once, replacing the fax.",
        "highlights": [],
        "pioneer": {"slug": corpus.pages["leeds_study"].get_parent().slug, "name": "Leeds"},
        "themes": [
            {"slug": "shared-records-and-information-sharing", "name": "Shared records and information sharing"},
            {"slug": "digital-access-for-patients", "name": "Digital access for patients"},
        ],
        "published": "2015-03-01",
    }
    assert set(workaround) == set(response.results[0].to_json()), "the same item shape as results"
    assert [item.hit.id for item in promoted(engine, "sharing rules").promoted][0] == corpus.id("leeds_workaround")


def test_a_synonym_of_the_words_matches_too(engine, corpus, promote):
    promote(["information governance"], corpus.pages["kent_study"])
    assert [item.hit.id for item in promoted(engine, "IG").promoted] == [corpus.id("kent_study")]


def test_only_the_exact_words_match(engine, corpus, promote):
    promote(["information governance"], corpus.pages["kent_study"])
    for q in ("information governance barriers", "governance", "information-governance", ""):
        assert promoted(engine, q).promoted == [], q


def test_only_page_one_shows_them(engine, corpus, promote):
    promote(["records"], corpus.pages["kent_study"])
    assert promoted(engine, "records", page_size=1).promoted != []
    assert promoted(engine, "records", page_size=1, page=2).promoted == []


def test_the_chosen_filters_apply_to_them(engine, corpus, promote):
    promote(["records"], corpus.pages["kent_study"], corpus.pages["leeds_barrier"])
    narrowed = promoted(engine, "records", filters={"type": ("barrier",)})
    assert [item.hit.id for item in narrowed.promoted] == [corpus.id("leeds_barrier")]


def test_ordinary_results_are_left_as_they_are(engine, corpus, promote):
    before = [hit.id for hit in promoted(engine, "records").results]
    promote(["records"], corpus.pages["kent_study"], corpus.pages["leeds_study"])
    after = promoted(engine, "records")
    assert [hit.id for hit in after.results] == before
    assert corpus.id("leeds_study") in before, "a promoted page may also appear among the results"
