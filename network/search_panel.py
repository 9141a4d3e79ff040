"""'Save this search' under the search page's results: registered with search.extensions as its panel, so
search never imports the network app."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from network.forms import SaveSearchForm
from network.membership import is_verified
from search.request import SearchRequest
from search.web.results_page import query_string


def save_search_panel(request: HttpRequest, search: SearchRequest) -> str:
    """The form for a verified member, a sign-in or account link for everyone else."""
    user = getattr(request, "user", None)
    query = query_string(search)
    context = {
        "signed_in": bool(user and user.is_authenticated),
        "verified": bool(user and is_verified(user)),
        "form": SaveSearchForm(initial={"query": query, "name": search.q[:100]}),
        "search_path": f"/search/?{query}" if query else "/search/",
    }
    return render_to_string("network/includes/save_search_panel.html", context, request=request)
