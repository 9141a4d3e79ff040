"""Public pages for two taxonomies: a theme's case studies, and the barrier register for one category.

An old slug (a renamed or merged term) redirects to the page under the term's
current slug, as search addresses do; an unknown slug is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from themes.models import BarrierCategory, SlugRedirect, Taxonomy, Theme

from .browse import category_register, theme_case_studies
from .visibility import shown_q


@dataclass(frozen=True)
class TermPage:
    model: type[Taxonomy]
    template: str
    listing: Callable  # (term, shown) → what the page lists
    search_filters: Callable[[Taxonomy], dict[str, str]]  # the search page's filters for the same term


THEME = TermPage(Theme, "casestudies/theme_page.html", theme_case_studies, lambda term: {"theme": term.slug})
BARRIER_CATEGORY = TermPage(
    BarrierCategory,
    "casestudies/barrier_category_page.html",
    category_register,
    lambda term: {"type": "barrier", "barrier_category": term.slug},
)


def _moved_to(model: type[Taxonomy], slug: str) -> str | None:
    """The slug a renamed or merged term now goes by, if it still exists."""
    moved = SlugRedirect.current(model.kind, [slug]).get(slug)
    return moved if moved and model.objects.filter(slug=moved).exists() else None


def term_page(request, slug: str, *, page: TermPage):
    term = page.model.objects.filter(slug=slug).first()
    if term is None:
        moved = _moved_to(page.model, slug)
        if moved is None:
            raise Http404(f"No {page.model._meta.verbose_name} called {slug!r}.")
        return HttpResponsePermanentRedirect(page.model(slug=moved).get_absolute_url())
    context = {
        "term": term,
        "items": page.listing(term, shown_q()),
        "search_url": f"{reverse('search')}?{urlencode(page.search_filters(term))}",
    }
    return render(request, page.template, context)
