"""The JSON search API: /api/v1/search and /api/v1/suggest (DESIGN.md contract)."""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .engine import get_engine
from .request import InvalidParameter, clean_query_text, parse_search_params

SUGGEST_MAX = 10


def error_response(error: InvalidParameter) -> JsonResponse:
    return JsonResponse({"error": error.message, "field": error.field}, status=400)


@require_GET
def search_api(request):
    try:
        search_request = parse_search_params(request.GET)
    except InvalidParameter as error:
        return error_response(error)
    response = get_engine().search(search_request)
    return JsonResponse(response.to_json(), json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    for name in request.GET:
        if name not in {"q", "size"}:
            return error_response(InvalidParameter(name, f"Unknown parameter {name[:40]!r}."))
    raw_size = request.GET.get("size", "8")
    if not raw_size.isdigit() or not 1 <= int(raw_size) <= SUGGEST_MAX:
        return error_response(InvalidParameter("size", f"size must be a whole number from 1 to {SUGGEST_MAX}."))
    prefix = clean_query_text(request.GET.get("q", ""))[:100]
    suggestions = get_engine().suggest(prefix, int(raw_size)) if prefix else []
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
