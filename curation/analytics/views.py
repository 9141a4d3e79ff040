"""The click-through redirect behind search results, and the curators' search report."""

from __future__ import annotations

import csv
import uuid

from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.auth import permission_required
from wagtail.models import Page

from casestudies.visibility import visible
from curation.analytics import report
from curation.analytics.forms import PeriodForm
from curation.analytics.recording import record_click
from search.indexing.documents import INDEXED_MODELS
from search.request import MAX_RESULT_WINDOW, InvalidParameter, positive_int
from search.web.csv_export import csv_safe

CLICK_PARAMETERS = {"s", "to", "rank", "promoted"}
MAX_PROMOTED_RANK = 100


class NotFound(Exception):
    pass


def _bad_request(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")


def _required_int(params, name: str, maximum: int | None = None) -> int:
    if not params.get(name):
        raise InvalidParameter(name, f"{name} is required.")
    return positive_int(params, name, 0, maximum=maximum)


def click(request):
    """Record a followed result, then send the reader to it.

    Never an open redirect: the target is the URL of a public, indexed page
    looked up by its id. Unknown or hidden pages are 404, malformed parameters
    400. A search id that is well formed but unknown (purged, or made up) still
    redirects, and the click is not kept.
    """
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    params = request.GET
    for name in params:
        if name not in CLICK_PARAMETERS:
            return _bad_request(f"Unknown parameter {name[:40]!r}.")
    try:
        search_id = uuid.UUID(hex=params.get("s", ""))
    except ValueError:
        return _bad_request("s must be the search's id (32 hexadecimal digits).")
    if params.get("promoted") not in (None, "1"):
        return _bad_request("promoted must be 1 when given.")
    promoted = "promoted" in params
    try:
        page_id = _required_int(params, "to")
        rank = _required_int(params, "rank", maximum=MAX_PROMOTED_RANK if promoted else MAX_RESULT_WINDOW)
    except InvalidParameter as error:
        return _bad_request(error.message)

    page = visible(Page.objects.type(*INDEXED_MODELS).filter(pk=page_id)).first()
    url = page.get_url(request=request) if page else None
    if not url:
        return HttpResponse("No such page.\n", status=404, content_type="text/plain; charset=utf-8")
    if request.method == "GET":
        record_click(search_id, page_id, rank, promoted)
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@permission_required("analytics.view_searchlog")
def search_report(request):
    form = PeriodForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "page_title": "Search analytics", "header_icon": "search"}
        return render(request, "analytics/report.html", context, status=400)
    period = form.chosen_period()
    export = request.GET.get("export")
    if export:
        return _export(report.TABLES, export, period)
    query_string = form.query_string()
    context = {
        "form": form,
        "period": period,
        "page_title": "Search analytics",
        "header_icon": "search",
        "summary": report.summary(period),
        "chart": report.chart(period),
        "top_queries": report.top_queries(period, limit=report.SCREEN_ROWS),
        "zero_result_queries": report.zero_result_queries(period, limit=report.SCREEN_ROWS),
        "no_click_queries": report.no_click_queries(period, limit=report.SCREEN_ROWS),
        "filter_use": report.filter_use(period, limit=report.SCREEN_ROWS),
        "export_urls": {name: "?" + urlencode({**query_string, "export": name}) for name in report.TABLES},
        "screen_rows": report.SCREEN_ROWS,
        "can_add_synonym": request.user.has_perm("search.add_searchsynonym"),
        "synonym_add_url": reverse("wagtailsnippets_search_searchsynonym:add"),
    }
    return render(request, "analytics/report.html", context)


def _export(tables: dict, name: str, period: report.Period) -> HttpResponse:
    if name not in tables:
        return _bad_request(f"export must be one of: {', '.join(tables)}.")
    table = tables[name]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"search-{name.replace('_', '-')}-{period.start.isoformat()}-to-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(table.columns)
    for row in table.rows(period, report.EXPORT_ROWS):
        writer.writerow([csv_safe(value) for value in row])
    return response
