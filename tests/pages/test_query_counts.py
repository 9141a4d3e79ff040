"""Listing pages ask the database a fixed number of questions, however much they list (no N+1 queries)."""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

pytestmark = pytest.mark.django_db

FEW, MANY = 3, 12
_names = itertools.count(1)


def add_pioneer_with_work(site) -> None:
    """A pioneer (or, every third, a network area) with a case study on a theme, a barrier and a workaround."""
    number = next(_names)
    status = "virtual-network" if number % 3 == 0 else "pioneer"
    pioneer = make_pioneer(f"Area {number}", region="north", status=status)
    add_case_study(site, pioneer)


def add_case_study(site, pioneer=None) -> None:
    study = make_case_study(
        pioneer or site["greenwich"],
        themes=("multidisciplinary-teams", "pooled-budgets"),
        care_groups=("frail-older-people",),
        tags=("mdt",),
    )
    barrier = make_barrier(study, category="information-governance")
    make_workaround(study, [barrier])


def add_barrier_with_workaround(site) -> None:
    barrier = make_barrier(site["study"], category="information-governance", status="overcome")
    make_workaround(site["study"], [barrier, site["first_barrier"]])


def add_case_study_to_greenwich(site) -> None:
    add_case_study(site)


# page → (its address, how to add one more item to what it lists)
PAGES = {
    "home": (lambda site: "/", add_pioneer_with_work),
    "pioneers": (lambda site: "/pioneers/", add_pioneer_with_work),
    "pioneer": (lambda site: site["greenwich"].url, add_case_study_to_greenwich),
    "theme": (lambda site: "/themes/multidisciplinary-teams/", add_pioneer_with_work),
    "barrier category": (lambda site: "/barriers/information-governance/", add_pioneer_with_work),
    "case study": (lambda site: site["study"].url, add_barrier_with_workaround),
}


@pytest.fixture
def site(greenwich):
    study = make_case_study(greenwich, "Rapid response", themes=("multidisciplinary-teams",))
    return {"greenwich": greenwich, "study": study, "first_barrier": make_barrier(study)}


def queries_for(client, url: str) -> tuple[int, str]:
    client.get(url)  # caches warmed (the site's root paths), as on a running site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_the_query_count_does_not_grow_with_the_number_of_items(client, site, name):
    address, add_one = PAGES[name]
    for _ in range(FEW):
        add_one(site)
    few, few_content = queries_for(client, address(site))
    for _ in range(MANY - FEW):
        add_one(site)
    many, many_content = queries_for(client, address(site))
    assert len(many_content) > len(few_content)  # the page really lists more
    assert many == few, f"{name}: {few} queries for {FEW} items, {many} for {MANY}"
