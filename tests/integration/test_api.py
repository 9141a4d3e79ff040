"""The public search surfaces over HTTP, answered by Elasticsearch: API, page, feed, CSV, related links."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_barrier, make_case_study, make_pioneer

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

CONTRACT_KEYS = {"total", "page", "page_size", "pages", "engine", "took_ms", "suggestion", "corrected_from"}
CONTRACT_KEYS |= {"results", "promoted", "facets"}
RESULT_KEYS = {"id", "type", "title", "url", "summary", "highlights", "pioneer", "themes", "published"}
FACET_NAMES = [
    "type", "theme", "pioneer", "region", "barrier_category", "care_group", "stage", "year", "tag", "reused",
]  # fmt: skip
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus(es_store):
    greenwich = make_pioneer("Greenwich", region="london")
    leeds = make_pioneer("Leeds", region="north")
    rapid = make_case_study(
        greenwich,
        "Rapid response nursing at home",
        summary="Nurses reach people at home within two hours, so they avoid a hospital admission.",
        themes=("rapid-community-response",),
    )
    barrier = make_barrier(rapid, "Hospital tariff penalised avoided admissions", category="payment-mechanisms")
    formula = make_case_study(
        leeds,
        '=HYPERLINK("http://evil.example") records',
        summary="-2+3 shared records for every patient.",
        themes=("shared-records-and-information-sharing",),
    )
    return {"greenwich": greenwich, "leeds": leeds, "rapid": rapid, "barrier": barrier, "formula": formula}


def test_search_api_returns_the_contract_from_elasticsearch(client, corpus):
    response = client.get("/api/v1/search", {"q": "admission", "type": "case_study"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == CONTRACT_KEYS
    assert body["engine"] == "elasticsearch"
    assert (body["total"], body["page"], body["page_size"], body["pages"]) == (1, 1, 20, 1)
    assert isinstance(body["took_ms"], int)
    [result] = body["results"]
    assert set(result) == RESULT_KEYS
    assert result["id"] == corpus["rapid"].pk
    assert result["url"] == corpus["rapid"].url
    assert result["pioneer"] == {"slug": corpus["greenwich"].slug, "name": "Greenwich"}
    assert result["themes"] == [{"slug": "rapid-community-response", "name": "Rapid community response"}]
    assert result["published"] == "2015-06-01"
    assert any("<mark>" in snippet for snippet in result["highlights"])
    assert list(body["facets"]) == FACET_NAMES
    types = {value["value"]: value for value in body["facets"]["type"]}
    assert types["case_study"] == {"value": "case_study", "label": "Case study", "count": 1, "selected": True}
    assert types["barrier"]["count"] == 1 and types["barrier"]["selected"] is False


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=abc", "page"),
        ("page_size=101", "page_size"),
        ("sort=bogus", "sort"),
        ("foo=1", "foo"),
        ("page=501&page_size=20", "page"),
    ],
)
def test_search_api_refuses_bad_parameters(client, es_store, query, field):
    response = client.get(f"/api/v1/search?q=care&{query}")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "field"}
    assert body["field"] == field
    assert body["error"]


HOSTILE_QUERIES = [
    "title:(a OR b)^3~",
    'unbalanced "quote',
    "brackets ( [ { ] ) }",
    "back\\slash\\",
    "/regex.*/ AND NOT -+&&||!",
    "emoji 🏥🚑 care",
    "null\x00byte\x01\x1f and control",
    "x" * 10_000,
    "word " * 2_000,
    "*",
    "?",
]


def test_hostile_queries_are_answered_by_elasticsearch(client, corpus, search_logs):
    for q in HOSTILE_QUERIES:
        response = client.get("/api/v1/search", {"q": q})
        assert response.status_code == 200, q[:40]
        body = response.json()
        assert body["engine"] == "elasticsearch", q[:40]
        assert set(body) == CONTRACT_KEYS
    assert not [record for record in search_logs.records if record.levelname in {"WARNING", "ERROR"}]
    # Still a real search: the words of a hostile query find what they name.
    body = client.get("/api/v1/search", {"q": 'tariff" AND (admissions'}).json()
    assert body["engine"] == "elasticsearch"
    assert corpus["barrier"].pk in [result["id"] for result in body["results"]]


def test_suggest_api(client, corpus):
    response = client.get("/api/v1/suggest", {"q": "gre"})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"suggestions"}
    assert body["suggestions"]
    for suggestion in body["suggestions"]:
        assert set(suggestion) == {"text", "type", "url"}
    assert {"text": "Greenwich", "type": "pioneer", "url": corpus["greenwich"].url} in body["suggestions"]
    titles = client.get("/api/v1/suggest", {"q": "rapid resp"}).json()["suggestions"]
    assert {"text": "Rapid response nursing at home", "type": "case_study", "url": corpus["rapid"].url} in titles

    for query, field in (("q=gre&size=0", "size"), ("q=gre&size=11", "size"), ("q=gre&foo=1", "foo")):
        refused = client.get(f"/api/v1/suggest?{query}")
        assert refused.status_code == 400, query
        assert refused.json()["field"] == field


def test_search_page_shows_results_and_facet_checkboxes(client, corpus):
    response = client.get("/search/", {"q": "admission"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Rapid response nursing at home" in html
    # The result links through the click recorder (curation.analytics), which redirects to the page.
    link = re.search(r'<h3><a href="(/search/click/\?[^"]+)">Rapid response nursing at home</a>', html)
    assert link and f"to={corpus['rapid'].pk}&amp;rank=1" in link.group(1)
    assert client.get(link.group(1).replace("&amp;", "&"))["Location"] == corpus["rapid"].url
    assert 'type="checkbox"' in html
    assert 'name="type" value="case_study"' in html
    assert 'name="pioneer" value="greenwich"' in html

    refused = client.get("/search/", {"q": "care", "page": "abc"})
    assert refused.status_code == 400
    assert "page must be a whole number" in refused.content.decode()


def test_feed_is_atom_with_an_entry_per_result(client, corpus):
    response = client.get("/search/feed/", {"q": "admission"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert feed.tag == f"{ATOM}feed"
    assert "admission" in feed.findtext(f"{ATOM}title")
    entries = feed.findall(f"{ATOM}entry")
    assert {entry.findtext(f"{ATOM}title") for entry in entries} == {
        "Rapid response nursing at home",
        "Hospital tariff penalised avoided admissions",
    }
    links = {entry.find(f"{ATOM}link").get("href") for entry in entries}
    assert f"http://testserver{corpus['rapid'].url}" in links


def test_csv_export_lists_results_and_defuses_formulas(client, corpus):
    response = client.get("/search/export.csv", {"type": "case_study"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    by_title = {row["Title"]: row for row in rows}
    assert set(by_title) == {"Rapid response nursing at home", '\'=HYPERLINK("http://evil.example") records'}
    formula = by_title['\'=HYPERLINK("http://evil.example") records']
    assert formula["Type"] == "Case study"
    assert formula["Pioneer"] == "Leeds"
    assert formula["Region"] == "North"
    assert formula["Themes"] == "Shared records and information sharing"
    assert formula["Published"] == "2015-06-01"
    assert formula["URL"] == f"http://testserver{corpus['formula'].url}"
    assert formula["Summary"] == "'-2+3 shared records for every patient."


def test_a_case_study_page_links_similar_approaches_at_other_pioneers(client, es_store):
    kent = make_pioneer("Kent", region="south")
    sheffield = make_pioneer("Sheffield", region="north")
    themes = ("workforce-redesign", "multidisciplinary-teams")
    words = "Care workers recruited in coastal towns to support frail older people living independently at home."
    kent_study = make_case_study(kent, "Recruiting care workers for coastal towns", summary=words, themes=themes)
    kent_sibling = make_case_study(kent, "Recruiting care workers in rural Kent", summary=words, themes=themes)
    similar = make_case_study(
        sheffield, "Recruiting care workers for older people at home", summary=words, themes=themes
    )
    unrelated = make_case_study(
        sheffield,
        "Digital prescriptions in pharmacies",
        summary="Electronic prescribing replaced paper scripts between surgeries and chemists.",
        narrative="Pharmacists and GPs exchanged prescriptions electronically.",
        themes=("digital-access-for-patients",),
    )

    response = client.get(kent_study.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Similar approaches at other pioneers" in html
    related = html[html.index("Similar approaches at other pioneers") :]
    assert f'href="{similar.url}"' in related
    assert f'href="{kent_sibling.url}"' not in related  # the same pioneer is not "other"
    assert f'href="{kent_study.url}"' not in related
    assert "Sheffield" in related
    assert f'href="{unrelated.url}"' not in related  # shares no words worth matching


def test_odd_digits_get_a_400_and_do_not_send_anyone_to_the_fallback(client, corpus):
    from search.engines.base import PRIMARY_COOLDOWN

    for params, field in (({"year": "２０１５"}, "year"), ({"year": "²⁰¹⁵"}, "year"), ({"page": "３"}, "page")):
        response = client.get("/api/v1/search", params)
        assert response.status_code == 400, params
        assert response.json()["field"] == field
    assert client.get("/api/v1/suggest", {"q": "care", "size": "³"}).status_code == 400
    assert client.get("/api/v1/suggest", {"q": "care", "size": "２"}).status_code == 400
    assert not PRIMARY_COOLDOWN.active()
    assert client.get("/api/v1/search", {"q": "nursing"}).json()["engine"] == "elasticsearch"


def test_a_request_elasticsearch_refuses_is_answered_by_the_database_for_that_request_only(
    corpus, search_logs, monkeypatch
):
    from search.engines import get_engine
    from search.engines.base import PRIMARY_COOLDOWN
    from search.engines.elasticsearch.query import SORT_CLAUSES
    from search.request import SearchRequest

    engine = get_engine()
    # A sort on an analysed text field: the index answers 400 (a bug of ours, not an outage).
    monkeypatch.setitem(SORT_CLAUSES, "oldest", [{"body": {"order": "asc"}}])
    refused = SearchRequest(sort="oldest")
    assert engine.search(refused).engine == "database"
    assert not PRIMARY_COOLDOWN.active()
    assert any("refused" in record.getMessage() for record in search_logs.records)
    assert engine.search(SearchRequest(q="nursing")).engine == "elasticsearch"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/search",
        "/api/v1/suggest",
        "/api/v1/openapi.json",
        "/api/",
        "/search/",
        "/search/feed/",
        "/search/export.csv",
    ],
)
def test_search_endpoints_answer_head_and_options_and_refuse_writes(client, es_store, url):
    assert client.head(url).status_code == 200
    options = client.options(url)
    assert options.status_code == 200
    assert options["Allow"] == "GET, HEAD, OPTIONS"
    refused = client.post(url)
    assert refused.status_code == 405 and "GET" in refused["Allow"]
