"""Every group of words people search with, as seeded in the synonym table, finds the same pages on both engines."""

import pytest

from search.request import SearchRequest
from search.vocabulary import synonym_groups
from tests.factories import indexed_together, make_case_study, make_pioneer

# Every test adds its own pages: each has its own indices (fresh_engine, conftest.py).
pytestmark = pytest.mark.django_db


def test_every_term_of_every_synonym_group_finds_pages_written_with_any_other(fresh_engine):
    SYNONYM_GROUPS = synonym_groups()  # noqa: N806 - the seeded table, read once
    assert len(SYNONYM_GROUPS) >= 15 and ["IG", "information governance"] in SYNONYM_GROUPS
    pages = {}
    with indexed_together():
        pioneer = make_pioneer("Acronym pioneer")
        for number, group in enumerate(SYNONYM_GROUPS):
            for term in {group[0], group[-1]}:
                pages[term] = make_case_study(
                    pioneer,
                    f"Pioneer note {number} {len(pages)}",
                    summary=f"Partners worked on {term} together in the first year.",
                    narrative="Nothing else to report.",
                )
    missing = []
    for group in SYNONYM_GROUPS:
        expected = {pages[group[0]].pk, pages[group[-1]].pk}
        for term in group:
            found = {hit.id for hit in fresh_engine.search(SearchRequest(q=term, page_size=100)).results}
            if not expected <= found:
                missing.append(
                    f"{term!r} missed {sorted(pages[t].title for t in pages if pages[t].pk in expected - found)}"
                )
    assert missing == []


@pytest.mark.parametrize(
    "typed, written",
    [
        ("S75", "a section 75 agreement pooled the budgets"),
        ("HWB", "the health and wellbeing board signed it off"),
        ("ASC", "adult social care staff joined the team"),
        ("BCF", "money from the Better Care Fund"),
        ("DToC", "fewer delayed transfers of care"),
        ("ED", "fewer attendances at the emergency department"),
        # search/migrations/0005: the demo set's missed acronyms and everyday words (bench/relevance)
        ("D2A", "people were assessed at home under discharge to assess"),
        ("ICO", "plans for an integrated care organisation"),
        ("SPOC", "families had a single point of contact"),
        ("hot desking", "practices offered hot desks to the team"),
        ("shared budget", "the team was paid from a pooled budget"),
        ("joint budget", "the team was paid from a pooled budget"),
        ("capitation", "each network had a capitated budget"),
        ("on the internet", "patients could see their records online"),
        ("medical records", "patients could see their health records"),
    ],
)
def test_commissioners_shorthand_finds_what_authors_spelled_out(fresh_engine, typed, written):
    pioneer = make_pioneer("Shorthand pioneer")
    wanted = make_case_study(pioneer, "Spelled out in full", summary=f"In the first year {written}.")
    make_case_study(pioneer, "Unrelated work", summary="A falls service for older people.")
    found = [hit.id for hit in fresh_engine.search(SearchRequest(q=typed)).results]
    assert found == [wanted.pk]
