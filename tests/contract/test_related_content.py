"""Related content on both engines: it changes content, so it has its own corpus (conftest.py)."""

from __future__ import annotations

import pytest

from tests.factories import make_barrier

pytestmark = pytest.mark.django_db


def test_related_content_is_of_the_same_type_at_other_pioneers(fresh_engine, fresh_corpus):
    similar = make_barrier(
        fresh_corpus.pages["kent_study"],
        "Data sharing rules and faxes between partners",
        category="information-governance",
        description="Partners had their own rules about sharing data and still sent referrals by fax.",
    )
    make_barrier(
        fresh_corpus.pages["leeds_study"],
        "More sharing rules at Leeds",
        category="information-governance",
        description="Rules about sharing data and faxes again.",
    )
    related = fresh_engine.related(fresh_corpus.id("leeds_barrier"))
    assert related[0].id == similar.pk
    assert {hit.type for hit in related} == {"barrier"}
    assert "leeds" not in {hit.pioneer["slug"] for hit in related}
    assert fresh_engine.related(fresh_corpus.id("leeds_study") + 10_000) == []
