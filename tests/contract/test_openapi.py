"""The OpenAPI document at /api/v1/openapi.json: a valid OpenAPI 3.1 document, built from the search
contract, whose schemas hold for real answers of both engines."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from curation.promotions.models import PromotedPage, Promotion
from search.facets import CONTENT_TYPES, FACETS, REUSE_CHOICES
from search.request import PARAMETERS, SORTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def validator(document: dict, schema_name: str) -> Draft202012Validator:
    """A Draft 2020-12 validator for one of the document's component schemas, its $refs resolved in the document."""
    registry = Registry().with_resource("urn:openapi", Resource.from_contents(document, DRAFT202012))
    schema = {"$ref": f"urn:openapi#/components/schemas/{schema_name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def parameters(document: dict, path: str) -> dict[str, dict]:
    return {parameter["name"]: parameter for parameter in document["paths"][path]["get"]["parameters"]}


def test_the_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1.")
    validate_openapi(document)  # raises on any fault, the JSON Schema dialect included
    for schema in document["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


def test_parameters_and_enums_come_from_the_one_declaration(document):
    search = parameters(document, "/api/v1/search")
    assert set(search) == PARAMETERS
    assert [name for name in search if name in {facet.name for facet in FACETS}] == [facet.name for facet in FACETS]
    assert search["sort"]["schema"]["enum"] == list(SORTS)
    assert search["type"]["schema"]["items"]["enum"] == list(CONTENT_TYPES)
    assert search["reused"]["schema"]["items"]["enum"] == list(REUSE_CHOICES) == ["yes", "no"]
    assert "`yes` (reused by other areas)" in search["reused"]["description"]
    assert search["page_size"]["schema"]["maximum"] == 100
    facets = document["components"]["schemas"]["Facets"]
    assert facets["required"] == [facet.name for facet in FACETS]
    assert set(parameters(document, "/api/v1/suggest")) == {"q", "size"}


def test_the_document_follows_a_change_to_the_declaration(client, monkeypatch):
    monkeypatch.setitem(SORTS, "shortest", "Shortest first")
    sorts = parameters(client.get("/api/v1/openapi.json").json(), "/api/v1/search")["sort"]["schema"]["enum"]
    assert sorts[-1] == "shortest"


def test_the_schemas_refuse_what_the_api_never_sends(document):
    response = validator(document, "SearchResponse")
    good_hit = {
        "id": 1,
        "type": "case_study",
        "title": "T",
        "url": "/t/",
        "summary": "",
        "highlights": [],
        "pioneer": None,
        "themes": [],
        "published": "2015-06-01",
    }
    body = {
        "total": 1,
        "page": 1,
        "page_size": 20,
        "pages": 1,
        "engine": "database",
        "took_ms": 0,
        "suggestion": None,
        "corrected_from": None,
        "results": [good_hit],
        "promoted": [],
        "facets": {facet.name: [] for facet in FACETS},
    }
    response.validate(body)
    response.validate({**body, "suggestion": "staff", "corrected_from": "strf"})
    bad_bodies = [
        {key: value for key, value in body.items() if key != "corrected_from"},
        {**body, "corrected_from": ["strf"]},
        {**body, "results": [{**good_hit, "type": "case-study"}]},
        {**body, "results": [{**good_hit, "published": "1 June 2015"}]},
        {**body, "engine": "solr"},
        {**body, "facets": {"type": []}},
        {key: value for key, value in body.items() if key != "promoted"},
    ]
    for bad in bad_bodies:
        with pytest.raises(ValidationError):
            response.validate(bad)


QUERIES = [
    {},
    {"q": "shared record"},
    {"q": "data sharing", "type": "workaround"},
    {"q": "records", "theme": ["shared-records-and-information-sharing", "workforce-redesign"], "region": "north"},
    {"barrier_category": "information-governance", "year": "2015", "sort": "title"},
    {"care_group": "frail-older-people", "sort": "oldest", "page_size": "1", "page": "2"},
    {"q": "multidisciplinery teams"},  # a typo: "did you mean"
    {"q": "nothing matches zzzqqq"},
    {"q": "records", "reused": "no"},
    {"q": "strf"},  # finds nothing as typed: answered with the correction's results, `corrected_from` set
]


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()) or "all")
def test_real_search_answers_match_the_schema(client, document, corpus, engine, params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] == engine.name
    validator(document, "SearchResponse").validate(body)


def test_promoted_results_match_the_schema(client, document, corpus, engine):
    promotion = Promotion(name="Records", queries="shared record")
    promotion.items = [PromotedPage(page=corpus.pages["leeds_workaround"])]
    promotion.full_clean()
    promotion.save()

    body = client.get("/api/v1/search", {"q": "shared record"}).json()

    assert [item["id"] for item in body["promoted"]] == [corpus.id("leeds_workaround")]
    validator(document, "SearchResponse").validate(body)


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("/api/v1/search", "sort=bogus", "sort"),
        ("/api/v1/search", "page=0", "page"),
        ("/api/v1/search", "year=twenty", "year"),
        ("/api/v1/search", "colour=blue", "colour"),
        ("/api/v1/suggest", "q=gre&size=11", "size"),
    ],
)
def test_errors_match_the_schema(client, document, corpus, engine, path, query, field):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert "400" in document["paths"][path]["get"]["responses"]
    body = response.json()
    validator(document, "Error").validate(body)
    assert body["field"] == field


@pytest.mark.parametrize("prefix", ["gre", "shared rec", "information", "x"])
def test_real_suggestions_match_the_schema(client, document, corpus, engine, prefix):
    body = client.get("/api/v1/suggest", {"q": prefix}).json()
    validator(document, "SuggestResponse").validate(body)
    if prefix != "x":
        assert body["suggestions"], prefix
