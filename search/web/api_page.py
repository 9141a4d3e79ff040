"""/api/: the search API explained for people, with examples answered live by the engine in use.

The parameter table is read from the OpenAPI document (search.web.openapi), so
the page, the document and the API agree.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.engines import get_engine
from search.extensions import API
from search.request import MAX_PAGE_SIZE, MAX_RESULT_WINDOW, InvalidParameter, parse_search_params
from search.web.answer import answer
from search.web.http import read_only
from search.web.openapi import search_parameters, suggest_parameters

EXAMPLE_SEARCH = {"q": "information sharing", "page_size": "2"}
EXAMPLE_SUGGEST = {"q": "inte", "size": "3"}
EXAMPLE_BAD = {"q": "care", "sort": "loudest"}
EXAMPLE_FACET_VALUES = 3  # the example shows each facet's first few values, not all


def allowed_values(schema: dict[str, Any]) -> str:
    """A parameter's schema in words."""
    if schema.get("type") == "array":
        return allowed_values(schema["items"]) + "; can repeat"
    if "enum" in schema:
        return "one of " + ", ".join(schema["enum"])
    if schema.get("type") == "integer":
        words = "a whole number from {}".format(schema.get("minimum", 1))
        if "maximum" in schema:
            words += " to {}".format(schema["maximum"])
        return words
    if schema.get("pattern") == "^[0-9]{4}$":
        return "a year, such as 2015"
    return "text"


def inline_code(text: str) -> SafeString:
    """The OpenAPI descriptions' `code` spans as HTML, everything else escaped."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text)))  # noqa: S308 - escaped first


def parameter_rows(parameters: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {
            "name": parameter["name"],
            "description": inline_code(parameter["description"]),
            "values": allowed_values(parameter["schema"]),
            "default": str(parameter["schema"].get("default", "")),
        }
        for parameter in parameters
    ]


def _example_search() -> dict[str, Any]:
    """A real answer, not recorded in the search log, each facet cut to its first few values."""
    body = answer(parse_search_params(EXAMPLE_SEARCH), surface=API, record=False).response.to_json()
    body["facets"] = {name: values[:EXAMPLE_FACET_VALUES] for name, values in body["facets"].items()}
    return body


def _example_error() -> dict[str, str]:
    try:
        parse_search_params(EXAMPLE_BAD)
    except InvalidParameter as error:
        return {"error": error.message, "field": error.field}
    raise AssertionError("The example of a bad request was accepted")  # pragma: no cover


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@read_only
def api_page(request):
    engine = get_engine()
    search_body = _example_search()
    suggest_body = {"suggestions": engine.suggest(EXAMPLE_SUGGEST["q"], int(EXAMPLE_SUGGEST["size"]))}
    query = urlencode({key: value for key, value in EXAMPLE_SEARCH.items() if key != "page_size"})
    context = {
        "search_parameters": parameter_rows(search_parameters()),
        "suggest_parameters": parameter_rows(suggest_parameters()),
        "example_search_url": "/api/v1/search?" + urlencode(EXAMPLE_SEARCH),
        "example_search": _pretty(search_body),
        "example_engine": search_body["engine"],
        "example_suggest_url": "/api/v1/suggest?" + urlencode(EXAMPLE_SUGGEST),
        "example_suggest": _pretty(suggest_body),
        "example_bad_url": "/api/v1/search?" + urlencode(EXAMPLE_BAD),
        "example_error": _pretty(_example_error()),
        "feed_url": "/search/feed/?" + query,
        "export_url": "/search/export.csv?" + query,
        "max_page_size": MAX_PAGE_SIZE,
        "rate_limit": settings.SEARCH_RATE_LIMIT,
        "max_result_window": MAX_RESULT_WINDOW,
        "facet_count": EXAMPLE_FACET_VALUES,
    }
    return render(request, "search/api_page.html", context)
