"""Typo tolerance on the real node: with a correction, only the words the index lacks are looked up a typo
or two away (engine.typos_to_tolerate). A word the index holds is no typo: its near spellings are not
searched, as the database engine corrects only words it has never seen."""

from __future__ import annotations

import pytest

from search.request import SearchRequest
from tests.factories import indexed_together, make_case_study, make_pioneer

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

TEXTS = [
    ("Multidisciplinary team meetings", "The team met weekly."),
    ("Multidisciplinary teams in every practice", "Teams shared one list."),
    ("Multidisciplinary term dates", "Planned around the school term."),  # "term": one letter from "team"
    ("Tea with the care home", "A team of volunteers."),
]


@pytest.fixture
def studies(es_engine):
    with indexed_together():
        pioneer = make_pioneer("Thornbury")
        return {title: make_case_study(pioneer, title, summary=summary) for title, summary in TEXTS}


def titles(response) -> set[str]:
    return {hit.title for hit in response.results}


def test_a_misspelt_word_is_corrected_and_the_known_word_is_searched_as_typed(es_engine, studies):
    response = es_engine.search(SearchRequest(q="multidisciplinery team"))
    assert response.suggestion == "multidisciplinary team"
    assert titles(response) == {"Multidisciplinary team meetings", "Multidisciplinary teams in every practice"}


def test_with_no_correction_too_few_results_allow_typos_in_every_word(es_engine, studies):
    """Both words are in the index, so nothing is corrected; none found both, so each word's near spellings
    join ("tea": "team")."""
    response = es_engine.search(SearchRequest(q="multidisciplinary tea"))
    assert response.suggestion is None
    assert "Multidisciplinary team meetings" in titles(response)


def test_did_you_mean_reads_a_field_without_positions_or_lengths(es_store, studies):
    """The phrase suggester reads only term frequencies: the spelling field stores nothing else, which saves a
    tenth of the node's CPU to index a document, and the corrections above are still made from it."""
    live = es_store.live_index("content")
    spelling = es_store.client.indices.get_mapping(index=live)[live]["mappings"]["properties"]["spelling"]
    assert spelling["index_options"] == "freqs"
    assert spelling["norms"] is False
