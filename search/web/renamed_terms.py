"""Search addresses that name a merged or renamed term keep working: they redirect to the term's slug now."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect

from search.facets import FACETS_BY_NAME
from search.table_cache import TableCache


def _every_redirect() -> dict[tuple[str, str], str]:
    from themes.models import SlugRedirect

    return {(kind, old): new for kind, old, new in SlugRedirect.objects.values_list("kind", "old_slug", "new_slug")}


REDIRECTS = TableCache("slug-redirects", _every_redirect, ("themes.SlugRedirect",))


def current_slugs(params) -> dict[tuple[str, str], str]:
    """(facet, old slug) → new slug, for every facet value in these parameters that has moved."""
    asked = {
        (name, normalised)
        for name, facet in FACETS_BY_NAME.items()
        for value in params.getlist(name)
        if (normalised := facet.normalise(value))
    }
    if not asked:
        return {}
    redirects = REDIRECTS.get()
    return {pair: redirects[pair] for pair in asked if pair in redirects}


def follows_renamed_terms(view):
    """A 301 to the same search with each old slug replaced by the current one (values kept once)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        moved = current_slugs(request.GET) if request.method in ("GET", "HEAD") else {}
        if not moved:
            return view(request, *args, **kwargs)
        pairs: list[tuple[str, str]] = []
        for name, values in request.GET.lists():
            facet = FACETS_BY_NAME.get(name)
            for value in values:
                if facet is not None:
                    value = moved.get((name, facet.normalise(value)), value)
                if (name, value) not in pairs:
                    pairs.append((name, value))
        return HttpResponsePermanentRedirect(f"{request.path}?{urlencode(pairs)}")

    return wrapper
