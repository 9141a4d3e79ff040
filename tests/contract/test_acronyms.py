"""Every group of words people search with, as seeded in the synonym table, finds the same pages on both engines."""

import pytest

from search.request import SearchRequest
from search.vocabulary import synonym_groups
from tests.factories import make_case_study, make_pioneer

pytestmark = pytest.mark.django_db


def test_every_term_of_every_synonym_group_finds_pages_written_with_any_other(engine):
    SYNONYM_GROUPS = synonym_groups()  # noqa: N806 - the seeded table, read once
    assert len(SYNONYM_GROUPS) >= 15 and ["IG", "information governance"] in SYNONYM_GROUPS
    pioneer = make_pioneer("Acronym pioneer")
    pages = {}
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
            found = {hit.id for hit in engine.search(SearchRequest(q=term, page_size=100)).results}
            if not expected <= found:
                missing.append(
                    f"{term!r} missed {sorted(pages[t].title for t in pages if pages[t].pk in expected - found)}"
                )
    assert missing == []
