"""Which promotions apply: the words, synonyms, the dates (both days included) and the active flag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from curation.promotions.models import Promotion
from curation.promotions.selection import equivalent_queries, picks_for
from search.request import SearchRequest
from tests.factories import make_case_study, make_pioneer

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 15)


@pytest.fixture
def pages(db):
    pioneer = make_pioneer("Selection pioneer")
    return [make_case_study(pioneer, f"Selection study {number}") for number in range(3)]


def picked(q: str, today: date = TODAY) -> list[int]:
    return [pick.page_id for pick in picks_for(SearchRequest(q=q), today=today)]


@pytest.mark.parametrize(
    "fields, shown",
    [
        ({}, True),
        ({"starts_on": TODAY, "ends_on": TODAY}, True),
        ({"starts_on": TODAY + timedelta(days=1)}, False),
        ({"ends_on": TODAY - timedelta(days=1)}, False),
        ({"starts_on": TODAY - timedelta(days=30), "ends_on": TODAY + timedelta(days=30)}, True),
        ({"active": False}, False),
        ({"active": False, "starts_on": TODAY - timedelta(days=1)}, False),
    ],
)
def test_dates_and_the_active_flag_decide_when_it_shows(pages, promote, fields, shown):
    promote(["discharge"], pages[0], **fields)
    assert picked("discharge") == ([pages[0].pk] if shown else [])


def test_promotions_follow_each_other_by_name_and_keep_their_page_order_and_notes(pages, promote):
    promote(["discharge"], pages[2], pages[0], name="B second", note="From the team")
    promote(["Discharge", "hospital discharge"], pages[1], pages[2], name="A first", note="")

    picks = picks_for(SearchRequest(q="discharge"), today=TODAY)

    assert [(pick.page_id, pick.note) for pick in picks] == [
        (pages[1].pk, ""),
        (pages[2].pk, ""),
        (pages[2].pk, "From the team"),  # search.web.answer shows a page once
        (pages[0].pk, "From the team"),
    ]
    assert picked("hospital discharge") == [pages[1].pk, pages[2].pk]


def test_synonyms_work_both_ways_through_the_curators_vocabulary(pages, promote):
    promote(["A&E"], pages[0])
    promote(["intermediate care"], pages[1])
    assert picked("accident and emergency") == [pages[0].pk]
    assert picked("a&e") == [pages[0].pk]
    assert picked("emergency") == []
    assert equivalent_queries("ig") >= {"ig", "information governance"}
    assert equivalent_queries("zanzibar") == {"zanzibar"}


def test_the_listed_searches_are_stored_normalised_one_per_line(pages, promote):
    promotion = promote(["  Delayed   DISCHARGE ", "", "delayed discharge", "DToC"], pages[0])
    promotion.refresh_from_db()
    assert promotion.queries == "delayed discharge\ndtoc"


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"queries": " \n  \n"}, "queries"),
        ({"queries": "discharge", "starts_on": TODAY, "ends_on": TODAY - timedelta(days=1)}, "ends_on"),
    ],
)
def test_a_promotion_needs_searches_and_dates_in_order(fields, field):
    with pytest.raises(ValidationError) as raised:
        Promotion(name="Broken", **fields).full_clean()
    assert field in raised.value.message_dict
