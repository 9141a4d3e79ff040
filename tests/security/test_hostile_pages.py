"""Hostile query strings on the other pages that read input: the click-through redirect and the sitemap
(public), and the curators' barrier register, search report, review-date report and synonym form (admin).

Their parameters come from the views' own declarations (the filter set's
filters, the period form's fields, the click parameters), so a new filter is
fuzzed too. The property: never a 5xx; the click-through never redirects
off the site; everything else is a page, a 4xx or a redirect.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from hypothesis import given, settings

from casestudies.choices import BarrierStatus
from curation.analytics.forms import PeriodForm
from curation.analytics.report import TABLES
from curation.analytics.views import CLICK_PARAMETERS
from curation.barrier_register.views import BarrierRegisterFilterSet
from tests.conftest import module_transaction

from .corpus import build_small_site
from .hostile_inputs import HOSTILE, QueryString, query_strings

pytestmark = pytest.mark.django_db

EXPORTS = {"enum": ["csv", "xlsx"]}
PAGE = {"type": "integer", "minimum": 1, "maximum": 3}


def declared(schemas: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Parameters in the shape the OpenAPI document gives them, for the query-string strategy."""
    return [{"name": name, "schema": schema} for name, schema in schemas.items()]


def barrier_register_parameters() -> list[dict[str, Any]]:
    choices = {
        "category": {"type": "integer", "minimum": 1, "maximum": 12},  # the seeded categories' ids, and beyond
        "pioneer": {"type": "integer", "minimum": 1, "maximum": 20},
        "status": {"enum": list(BarrierStatus.values)},
        "without_workaround": {"enum": ["true", "false", "unknown"]},
        "live": {"enum": ["true", "false", "unknown"]},
    }
    assert set(BarrierRegisterFilterSet.base_filters) == set(choices), "a new filter needs its values here"
    return declared({**choices, "page": PAGE, "export": EXPORTS})


def search_report_parameters() -> list[dict[str, Any]]:
    fields = {"period": {"enum": [value for value, _ in PeriodForm.base_fields["period"].choices]}}
    fields |= {name: {"type": "string"} for name in PeriodForm.base_fields if name not in fields}  # dates
    return declared({**fields, "export": {"enum": list(TABLES)}})


CLICK = declared({name: {"type": "string"} for name in sorted(CLICK_PARAMETERS)})
SITEMAP = declared({"p": {"type": "integer", "minimum": 1, "maximum": 3}})
SYNONYM_FORM = declared({"terms": {"type": "string"}})
REVIEW_REPORT = declared({"page": PAGE, "export": EXPORTS})


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_small_site()


def answered(client, path: str, query: QueryString):
    """Never a 5xx (and the test client re-raises any exception a view lets through)."""
    response = client.get(path, QUERY_STRING=query.raw)
    assert response.status_code < 500, (path, query)
    if response.streaming:
        b"".join(response.streaming_content)  # a streamed export is produced to its end
    return response


@settings(HOSTILE, max_examples=300)
@given(query=query_strings(CLICK))
def test_click_through(client, query):
    response = answered(client, "/search/click/", query)
    assert response.status_code in (302, 400, 404), query
    if response.status_code == 302:
        assert response["Location"].startswith("/"), f"redirected off the site: {response['Location']}"
        assert not response["Location"].startswith("//")


@settings(HOSTILE, max_examples=30)
@given(query=query_strings(SITEMAP))
def test_sitemap_pages(client, query):
    assert answered(client, "/sitemap.xml", query).status_code in (200, 404)


@settings(HOSTILE, max_examples=50)
@given(query=query_strings(barrier_register_parameters()))
def test_barrier_register(admin_client, query):
    path = reverse("barrier_register_results" if "export" not in query.names else "barrier_register")
    answered(admin_client, path, query)


@settings(HOSTILE, max_examples=40)
@given(query=query_strings(search_report_parameters()))
def test_search_report(admin_client, query):
    response = answered(admin_client, reverse("search_analytics"), query)
    assert response.status_code in (200, 400), query


@settings(HOSTILE, max_examples=20)
@given(query=query_strings(REVIEW_REPORT))
def test_review_date_report(admin_client, query):
    answered(admin_client, reverse("curation_past_review_date_results"), query)


@settings(HOSTILE, max_examples=20)
@given(query=query_strings(SYNONYM_FORM))
def test_synonym_form_filled_from_the_address(admin_client, query):
    answered(admin_client, reverse("wagtailsnippets_search_searchsynonym:add"), query)
