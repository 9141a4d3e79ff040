"""The OpenAPI 3.1 description of /api/v1/search and /api/v1/suggest, built from the search contract.

Parameters, enums and limits come from search.facets (FACETS), search.request
(SORTS and limits) and search.web.api, so the document changes when they do.
Response schemas are JSON Schema 2020-12, the dialect of OpenAPI 3.1.
"""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse

from search.facets import CONTENT_TYPES, FACETS, Facet
from search.request import (
    DEFAULT_PAGE_SIZE,
    MAX_FACET_VALUE_LENGTH,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_VALUES_PER_FACET,
    SORTS,
)
from search.web.api import SUGGEST_DEFAULT, SUGGEST_MAX
from search.web.http import read_only

API_VERSION = "1"
ENGINES = ("elasticsearch", "database")
# Besides content titles, people are offered pioneers and the vocabularies that filter a search.
SUGGESTION_TYPES = (*CONTENT_TYPES, "pioneer", "theme", "barrier_category")
ONE_YEAR = "^[0-9]{4}$"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A closed object whose every property is present (null where the schema allows it)."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **extra,
    }


def _facet_value_schema(facet: Facet) -> dict[str, Any]:
    if facet.name == "type":
        return {"type": "string", "enum": list(CONTENT_TYPES)}
    if facet.choices:
        return {"type": "string", "enum": list(facet.choices)}
    if facet.kind == "year":
        return {"type": "string", "pattern": ONE_YEAR}
    return {"type": "string", "maxLength": MAX_FACET_VALUE_LENGTH}


def _facet_parameter(facet: Facet) -> dict[str, Any]:
    described = {
        "type": "Content type.",
        "year": "Year of publication (four digits).",
    }.get(facet.name, f"{facet.label} slug, as listed under `facets.{facet.name}` in a response.")
    if facet.choices:
        choices = ", ".join(f"`{value}` ({label.lower()})" for value, label in facet.choices.items())
        described = f"{facet.description or facet.label + '.'} One of: {choices}."
    return {
        "name": facet.name,
        "in": "query",
        "description": f"{described} Repeat the parameter, or separate values by commas, to match any of them; "
        f"at most {MAX_VALUES_PER_FACET} values.",
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": _facet_value_schema(facet), "maxItems": MAX_VALUES_PER_FACET},
    }


def search_parameters() -> list[dict[str, Any]]:
    return [
        {
            "name": "q",
            "in": "query",
            "description": "Words to search for. Synonyms and common acronyms are understood and small typos "
            f"corrected; longer than {MAX_QUERY_LENGTH:,} characters, the rest is ignored. Empty lists everything, "
            "newest first.",
            "schema": {"type": "string"},
        },
        *(_facet_parameter(facet) for facet in FACETS),
        {
            "name": "sort",
            "in": "query",
            "description": "Order of results: "
            + "; ".join(f"`{name}` ({label.lower()})" for name, label in SORTS.items())
            + ". Without words, `relevance` lists newest first.",
            "schema": {"type": "string", "enum": list(SORTS), "default": "relevance"},
        },
        {
            "name": "page",
            "in": "query",
            "description": "Page of results, from 1. Only the first 10,000 results can be paged through.",
            "schema": {"type": "integer", "minimum": 1, "default": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "description": "Results per page.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        },
    ]


def suggest_parameters() -> list[dict[str, Any]]:
    return [
        {
            "name": "q",
            "in": "query",
            "description": "What has been typed so far. Empty gives no suggestions.",
            "schema": {"type": "string"},
        },
        {
            "name": "size",
            "in": "query",
            "description": "How many suggestions at most.",
            "schema": {"type": "integer", "minimum": 1, "maximum": SUGGEST_MAX, "default": SUGGEST_DEFAULT},
        },
    ]


def component_schemas() -> dict[str, Any]:
    named = _object({"slug": {"type": "string"}, "name": {"type": "string"}})
    hit = {
        "id": {"type": "integer"},
        "type": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string", "description": "The page's address on this site."},
        "summary": {"type": "string"},
        "highlights": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Passages that matched, as HTML-escaped text with the matching words in <mark>.",
        },
        "pioneer": {"oneOf": [_ref("Named"), {"type": "null"}]},
        "themes": {"type": "array", "items": _ref("Named")},
        "published": {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
    }
    result = _object({**hit, "type": {"type": "string", "enum": list(CONTENT_TYPES)}})
    facet_value = _object(
        {
            "value": {"type": "string"},
            "label": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "selected": {"type": "boolean"},
        }
    )
    facets = _object(
        {
            facet.name: {"type": "array", "items": _ref("FacetValue"), "description": f"{facet.label} counts."}
            for facet in FACETS
        },
        description="Each facet's values with the number of results each would give, counted under every "
        "filter but the facet's own. A selected value is listed even at 0.",
    )
    search_response = _object(
        {
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            "pages": {"type": "integer", "minimum": 0},
            "engine": {
                "type": "string",
                "enum": list(ENGINES),
                "description": "Which engine answered: `database` when Elasticsearch is not configured or is down.",
            },
            "took_ms": {"type": "integer", "minimum": 0},
            "suggestion": {
                "oneOf": [{"type": "string"}, {"type": "null"}],
                "description": "A corrected spelling of the words, when one finds more.",
            },
            "corrected_from": {
                "oneOf": [{"type": "string"}, {"type": "null"}],
                "description": "The words as typed, when they found nothing and the results are those of "
                "`suggestion` instead; null when the results are for the words typed.",
            },
            "results": {"type": "array", "items": _ref("Result"), "maxItems": MAX_PAGE_SIZE},
            "promoted": {
                "type": "array",
                "items": _ref("Promoted"),
                "description": "Results the curators recommend for these words (page 1 only, at most five). "
                "Shaped like a result; `type` may also name another kind of page, such as `guide`.",
            },
            "facets": _ref("Facets"),
        }
    )
    suggestion = _object(
        {
            "text": {"type": "string"},
            "type": {"type": "string", "enum": list(SUGGESTION_TYPES)},
            "url": {"type": "string", "description": "Where choosing it goes: the page, or a filtered search."},
        }
    )
    return {
        "Named": named,
        "Result": result,
        "Promoted": _object(hit),
        "FacetValue": facet_value,
        "Facets": facets,
        "SearchResponse": search_response,
        "Suggestion": suggestion,
        "SuggestResponse": _object({"suggestions": {"type": "array", "items": _ref("Suggestion")}}),
        "Error": _object(
            {
                "error": {"type": "string", "description": "What is wrong, in words to show people."},
                "field": {"type": "string", "description": "The parameter at fault."},
            }
        ),
        "TooManyRequests": _object(
            {
                "error": {"type": "string", "description": "What happened, in words to show people."},
                "retry_after": {"type": "integer", "minimum": 1, "description": "Seconds to wait, as Retry-After."},
            }
        ),
    }


def _json(schema_name: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


BAD_REQUEST = "A parameter is unknown or has a value that cannot be used."


def _too_many_requests() -> dict[str, Any]:
    """The answer past the rate limit (portal.security.ratelimit): per client address, per minute."""
    return {
        **_json("TooManyRequests", "Too many requests from this address in the last minute."),
        "headers": {
            "Retry-After": {"description": "Seconds until the next minute starts.", "schema": {"type": "integer"}}
        },
    }


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document, ready to serve as JSON."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pioneer Exchange search API",
            "version": API_VERSION,
            "summary": "Search the case studies, barriers and workarounds of England's integrated care pioneers.",
            "description": "Read-only, open JSON. Human-readable documentation is at /api/.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/v1/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search case studies, barriers and workarounds",
                    "description": "Within a facet, values are ORed; across facets, ANDed.",
                    "parameters": search_parameters(),
                    "responses": {
                        "200": _json("SearchResponse", "One page of results, with facet counts."),
                        "400": _json("Error", BAD_REQUEST),
                        "429": _too_many_requests(),
                    },
                }
            },
            "/api/v1/suggest": {
                "get": {
                    "operationId": "suggest",
                    "summary": "Suggestions as people type",
                    "description": "Titles, pioneers, themes and barrier categories starting with the words typed.",
                    "parameters": suggest_parameters(),
                    "responses": {
                        "200": _json("SuggestResponse", "Suggestions, best first."),
                        "400": _json("Error", BAD_REQUEST),
                        "429": _too_many_requests(),
                    },
                }
            },
        },
        "components": {"schemas": component_schemas()},
    }


@read_only
def openapi_json(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
