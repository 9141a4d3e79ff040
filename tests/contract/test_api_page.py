"""/api/: the search API explained, its examples answered live by the engine in use (both engines)."""

from __future__ import annotations

import html
import json
import re

import pytest

from search.facets import FACETS
from search.request import SORTS
from search.web.api_page import EXAMPLE_FACET_VALUES

pytestmark = pytest.mark.django_db


def example(page: str, block_id: str):
    """The JSON shown in one of the page's code blocks."""
    found = re.search(rf'id="{block_id}">\s*<pre[^>]*><code[^>]*>(.*?)</code></pre>', page, re.S)
    assert found, block_id
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture
def page(client, corpus, engine) -> str:
    response = client.get("/api/")
    assert response.status_code == 200
    return response.content.decode()


def test_title_and_description(page):
    assert "<title>Search API – Pioneer Exchange</title>" in page
    description = re.search(r'<meta name="description" content="([^"]+)">', page).group(1)
    assert "JSON search and suggestion API" in description


def test_every_parameter_is_documented_from_the_declaration(page):
    table = page[page.index('id="search-parameters"') : page.index('id="suggest-parameters"')]
    names = re.findall(r'<th class="nhsuk-table__header[^"]*" scope="row"><code>(\w+)</code></th>', table)
    assert names == ["q", *(facet.name for facet in FACETS), "sort", "page", "page_size"]
    assert "one of " + ", ".join(SORTS) in table
    assert "one of case_study, barrier, workaround; can repeat" in table
    assert "a whole number from 1 to 100; default 20" in table
    assert "as listed under <code>facets.theme</code> in a response" in table  # the document's Markdown, as HTML
    assert "`" not in table
    suggest = page[page.index('id="suggest-parameters"') :]
    assert re.findall(r'scope="row"><code>(\w+)</code>', suggest) == ["q", "size"]


def test_the_search_example_is_a_real_answer_of_the_engine_in_use(client, page, engine, corpus):
    shown = example(page, "example-search")
    assert shown["engine"] == engine.name
    real = client.get("/api/v1/search", {"q": "information sharing", "page_size": "2"}).json()
    assert [result["id"] for result in shown["results"]] == [result["id"] for result in real["results"]]
    assert shown["results"], "the corpus has pages about information sharing"
    assert shown["total"] == real["total"]
    assert all(len(values) <= EXAMPLE_FACET_VALUES for values in shown["facets"].values())
    assert f"answered just now by the {engine.name} engine" in page


def test_suggest_and_error_examples_are_real(page, corpus):
    assert example(page, "example-suggest")["suggestions"]
    assert example(page, "example-error") == {
        "error": "sort must be one of: " + ", ".join(SORTS) + ".",
        "field": "sort",
    }


def test_links_to_the_openapi_document_feed_and_csv(client, page):
    for url in (
        "/api/v1/openapi.json",
        "/search/feed/?q=information+sharing",
        "/search/export.csv?q=information+sharing",
    ):
        assert f'href="{url}"' in page, url
        assert client.get(url).status_code == 200, url


def test_the_footer_links_the_api_page(client, page):
    assert 'href="/api/">Search API</a>' in client.get("/contact/").content.decode()


def test_showing_the_page_records_no_search(page):
    from curation.analytics.models import SearchLog

    assert SearchLog.objects.count() == 0
