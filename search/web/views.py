"""The search page, its Atom feed and CSV export: one request model, three presentations."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.feedgenerator import Atom1Feed

from search.engines import get_engine
from search.extensions import PAGE, search_page_panel
from search.facets import CONTENT_TYPES
from search.request import (
    DEFAULT_PAGE_SIZE,
    SORTS,
    InvalidParameter,
    SearchRequest,
    parse_search_params,
)
from search.web import results_page
from search.web.answer import Answer, answer
from search.web.csv_export import csv_lines
from search.web.http import read_only
from search.web.renamed_terms import follows_renamed_terms

EXPORT_PAGE_SIZE = 100


@read_only
@follows_renamed_terms
def search_page(request):
    try:
        search_request = parse_search_params(request.GET)
    except InvalidParameter as error:
        context = {"error": error, "query_text": request.GET.get("q", "")[:200], "sorts": SORTS}
        return render(request, "search/search_page.html", context, status=400)
    engine = get_engine()
    answered = answer(search_request, surface=PAGE, record=request.method == "GET", engine=engine)
    response = answered.response
    page_numbers = results_page.pages(search_request, response)
    spelled = results_page.spelling(response)
    nothing_found = response.total == 0
    context = {
        "search": response,
        "query_text": search_request.q,
        "sorts": SORTS,
        "status_line": results_page.status_line(response, spelled, page_numbers.past_end),
        "spelling": spelled,
        "facet_groups": results_page.facet_groups(response.facets, results_page.known_values(engine, search_request)),
        "selected_filters": results_page.chips(response),
        "clear_all_url": results_page.search_url(search_request, filters={}, sort=search_request.sort),
        "pages": page_numbers,
        "alternatives": results_page.alternatives(engine, response, spelled) if nothing_found else [],
        "fallback_notice": bool(settings.ELASTICSEARCH_URL) and response.engine != "elasticsearch",
        "page_size_kept": search_request.page_size if search_request.page_size != DEFAULT_PAGE_SIZE else None,
        "feed_url": "/search/feed/?" + results_page.query_string(search_request),
        "export_url": "/search/export.csv?" + results_page.query_string(search_request),
        "panel": search_page_panel(request, search_request),
        **_result_items(answered),
    }
    return render(request, "search/search_page.html", context)


def _result_items(answered: Answer) -> dict[str, list[dict]]:
    """Each ordinary and promoted result with the address its link goes to (the recorder's, when it tracks clicks)."""
    links, offset = answered.links, answered.response.request.offset

    def href(hit, rank: int, promoted: bool = False) -> str:
        return links.link(hit, rank, promoted=promoted) if links else hit.url

    response = answered.response
    return {
        "results": [
            {"hit": hit, "href": href(hit, offset + rank), "snippets": results_page.snippets(hit.highlights)}
            for rank, hit in enumerate(response.results, 1)
        ],
        "promoted": [
            {"hit": item.hit, "note": item.note, "href": href(item.hit, rank, promoted=True)}
            for rank, item in enumerate(response.promoted, 1)
        ],
    }


def _export_request(request) -> SearchRequest:
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("page_size", None)
    parsed = parse_search_params(params)
    sort = parsed.sort if "sort" in request.GET else "newest"
    return SearchRequest(q=parsed.q, filters=parsed.filters, sort=sort, page=1, page_size=EXPORT_PAGE_SIZE)


def _bad_request_text(error: InvalidParameter) -> HttpResponse:
    return HttpResponse(f"{error.field}: {error.message}\n", status=400, content_type="text/plain; charset=utf-8")


@read_only
@follows_renamed_terms
def search_feed(request):
    """Follow a search: the newest 100 matching items as an Atom feed."""
    try:
        search_request = _export_request(request)
    except InvalidParameter as error:
        return _bad_request_text(error)
    response = get_engine().search(search_request)
    title = f"Pioneer Exchange: {search_request.q}" if search_request.q else "Pioneer Exchange: new learning"
    feed = Atom1Feed(
        title=title,
        link=request.build_absolute_uri("/search/?" + request.GET.urlencode()),
        description="Case studies, barriers and workarounds matching this search.",
        language="en-gb",
        feed_url=request.build_absolute_uri(),
    )
    for hit in response.results:
        feed.add_item(
            title=hit.title,
            link=request.build_absolute_uri(hit.url),
            description=hit.summary,
            unique_id=request.build_absolute_uri(hit.url),
            pubdate=None,
            updateddate=None,
            categories=[CONTENT_TYPES[hit.type]] + [theme["name"] for theme in hit.themes],
            author_name=hit.pioneer["name"] if hit.pioneer else None,
        )
    http_response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(http_response, "utf-8")
    return http_response


@read_only
@follows_renamed_terms
def search_export(request):
    """Export the matching items (up to the result window) as CSV, streamed a page of results at a time."""
    try:
        search_request = _export_request(request)
    except InvalidParameter as error:
        return _bad_request_text(error)
    lines = csv_lines(get_engine(), search_request, request.build_absolute_uri)
    http_response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    http_response["Content-Disposition"] = 'attachment; filename="pioneer-exchange-search.csv"'
    return http_response
