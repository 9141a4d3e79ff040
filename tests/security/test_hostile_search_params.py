"""Property-based fuzzing of every search parameter: the API, suggestions, the page, the feed and the CSV.

Parameters are generated from the declarations (search.web.openapi, built from
search.facets and search.request), mixed with Lucene syntax, huge and empty
strings, control characters, lone surrogates, invalid UTF-8 in the raw query
string, unknown and repeated names, negative and huge numbers. The property,
for every endpoint: never a 5xx (the test client re-raises a view's exception,
so a crash fails the example too); a 400 only when a parameter really was at
fault, and it names that parameter; otherwise the normal answer, complete.
These run on the database engine; test_hostile_elasticsearch.py sends the
same inputs to the real node.
"""

from __future__ import annotations

import csv
import io
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings

from search.request import MAX_PAGE_SIZE
from search.web.csv_export import HEADER
from search.web.openapi import search_parameters, suggest_parameters
from tests.conftest import module_transaction

from .corpus import build_small_site
from .hostile_inputs import (
    HOSTILE,
    QueryString,
    assert_names_a_parameter_at_fault,
    body_text,
    fetch,
    json_answer,
    query_strings,
)

pytestmark = pytest.mark.django_db

SEARCH_PARAMETERS = search_parameters()
# The feed and the export take the search but not its paging (search.web.views._export_request).
FOLLOWED_PARAMETERS = [parameter for parameter in SEARCH_PARAMETERS if parameter["name"] not in {"page", "page_size"}]
ATOM = "{http://www.w3.org/2005/Atom}"
EXAMPLES = {"api": 400, "page": 120, "feed": 200, "csv": 200, "suggest": 250}


@pytest.fixture(scope="module", autouse=True)
def site(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_small_site()


@pytest.fixture
def on_database(settings):
    settings.ELASTICSEARCH_URL = ""


@settings(HOSTILE, max_examples=EXAMPLES["api"])
@given(query=query_strings(SEARCH_PARAMETERS))
def test_search_api(client, on_database, query):
    body = json_answer(client, "/api/v1/search", query)
    if body is None:
        return
    assert {"total", "page", "page_size", "results", "facets", "engine"} <= set(body)
    assert body["engine"] == "database"
    assert 1 <= body["page_size"] <= MAX_PAGE_SIZE and len(body["results"]) <= body["page_size"]


@settings(HOSTILE, max_examples=EXAMPLES["page"])
@given(query=query_strings(SEARCH_PARAMETERS))
def test_search_page_says_what_the_api_says(client, on_database, query):
    response = fetch(client, "/search/", query)
    if response.status_code != 400:
        assert response["Content-Type"].startswith("text/html")
        assert 'id="search-page"' in response.content.decode()
        return
    page = BeautifulSoup(response.content, "html.parser")
    message = page.select_one(".nhsuk-error-summary__body p").get_text()
    api = client.get("/api/v1/search", QUERY_STRING=query.raw).json()
    assert message == api["error"]  # the same words, naming the same parameter
    assert_names_a_parameter_at_fault(api["field"], message, query)


@settings(HOSTILE, max_examples=EXAMPLES["feed"])
@given(query=query_strings(FOLLOWED_PARAMETERS))
def test_atom_feed(client, on_database, query):
    response = fetch(client, "/search/feed/", query)
    if response.status_code == 400:
        field, _, message = response.content.decode().partition(": ")
        assert_names_a_parameter_at_fault(field, message, query)
        return
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed; well-formed: no control character
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text.startswith("Pioneer Exchange")


@settings(HOSTILE, max_examples=EXAMPLES["csv"])
@given(query=query_strings(FOLLOWED_PARAMETERS))
def test_csv_export(client, on_database, query):
    response = fetch(client, "/search/export.csv", query)
    text = body_text(response)
    if response.status_code == 400:
        field, _, message = text.partition(": ")
        assert_names_a_parameter_at_fault(field, message, query)
        return
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER
    assert all(len(row) == len(HEADER) for row in rows)


@settings(HOSTILE, max_examples=EXAMPLES["suggest"])
@given(query=query_strings(suggest_parameters()))
def test_suggest_api(client, on_database, query):
    body = json_answer(client, "/api/v1/suggest", query)
    if body is None:
        return
    assert set(body) == {"suggestions"}
    assert all(set(item) == {"text", "type", "url"} for item in body["suggestions"])


def test_the_oracle_can_fail():
    """The property's own checks bite: a 400 blaming a parameter that was fine is caught."""
    query = QueryString("sort=title&page=-1", names=["sort", "page"], at_fault={"page"})
    with pytest.raises(AssertionError):
        assert_names_a_parameter_at_fault("sort", "sort must be one of: relevance.", query)


@pytest.mark.parametrize("path", ["/api/v1/search", "/search/", "/search/feed/", "/search/export.csv"])
def test_too_many_parameters_is_a_400(client, on_database, path):
    """Past Django's DATA_UPLOAD_MAX_NUMBER_FIELDS a request is refused as a whole, not half-read."""
    response = client.get(path, QUERY_STRING="&".join(["theme=x"] * 1001))
    assert response.status_code == 400


def test_every_declared_parameter_is_fuzzed():
    """A parameter added to the declarations is drawn by the strategy (it raises for a schema it cannot fill)."""
    drawn = set()

    @settings(HOSTILE, max_examples=300)
    @given(query=query_strings(SEARCH_PARAMETERS))
    def collect(query):
        drawn.update(query.names)

    collect()
    assert {parameter["name"] for parameter in SEARCH_PARAMETERS} <= drawn
