"""The JSON search API: /api/v1/search and /api/v1/suggest (contract in the README, "Search API")."""

from __future__ import annotations

import orjson
from django.http import HttpResponse, JsonResponse

from search.engines import get_engine
from search.extensions import API
from search.request import InvalidParameter, clean_query_text, parse_search_params, positive_int
from search.web.answer import answer
from search.web.http import read_only
from search.web.renamed_terms import follows_renamed_terms

SUGGEST_DEFAULT, SUGGEST_MAX = 8, 10


def error_response(error: InvalidParameter) -> JsonResponse:
    return JsonResponse({"error": error.message, "field": error.field}, status=400)


@read_only
@follows_renamed_terms
def search_api(request):
    try:
        search_request = parse_search_params(request.GET)
    except InvalidParameter as error:
        return error_response(error)
    response = answer(search_request, surface=API, record=request.method == "GET").response
    return json_answer(response.to_json())


def json_answer(data) -> HttpResponse:
    """A search's JSON (UTF-8) by orjson: a search answer with every facet's values is 30 to 50 KB, which
    the standard library takes 0.3 ms to write, a tenth of the portal's share of a search."""
    return HttpResponse(orjson.dumps(data), content_type="application/json")


@read_only
def suggest_api(request):
    for name in request.GET:
        if name not in {"q", "size"}:
            return error_response(InvalidParameter(name, f"Unknown parameter {name[:40]!r}."))
    try:
        size = positive_int(request.GET, "size", SUGGEST_DEFAULT, maximum=SUGGEST_MAX)
    except InvalidParameter as error:
        return error_response(error)
    prefix = clean_query_text(request.GET.get("q", ""))[:100]
    suggestions = get_engine().suggest(prefix, size) if prefix else []
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
