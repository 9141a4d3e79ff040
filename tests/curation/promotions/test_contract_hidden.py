"""Hidden pages and pages the index does not hold are never promoted, through both engines. The tests
change content, so each has its own corpus (test_contract.py's is shared by tests that only read)."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from tests.curation.promotions.test_contract import promoted
from tests.factories import committed, make_barrier, make_case_study

pytestmark = pytest.mark.django_db


def test_hidden_pages_are_never_promoted(fresh_engine, fresh_corpus, promote):
    study = fresh_corpus.pages["leeds_study"]
    draft = make_case_study(study.get_parent().specific, "Draft plans for records", live=False)
    withdrawn = make_barrier(study, "A withdrawn barrier about records")
    restricted = make_barrier(study, "A restricted barrier about records")
    under_withdrawn = make_case_study(fresh_corpus.pages["kent_study"].get_parent().specific, "Kent records pilot")
    child = make_barrier(under_withdrawn, "Records below a withdrawn study")
    with committed():
        withdrawn.unpublish()
        under_withdrawn.unpublish()
    # Restricted without running the index update: the index still holds it, the visibility check alone must refuse.
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="s3cret")
    promote(["records"], draft, withdrawn, restricted, child, fresh_corpus.pages["kent_barrier"])

    assert [item.hit.id for item in promoted(fresh_engine, "records").promoted] == [fresh_corpus.id("kent_barrier")]


def test_a_page_the_index_does_not_hold_yet_is_left_out(fresh_engine, fresh_corpus, promote):
    from search.models import SearchEntry

    kent = fresh_corpus.pages["kent_study"]
    promote(["records"], kent, fresh_corpus.pages["greenwich_study"])
    SearchEntry.objects.filter(pk=kent.pk).delete()
    if fresh_engine.name == "elasticsearch":
        fresh_engine.client.delete(index=fresh_engine.content_alias, id=str(kent.pk), refresh=True)

    assert [item.hit.id for item in promoted(fresh_engine, "records").promoted] == [fresh_corpus.id("greenwich_study")]
