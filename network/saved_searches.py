"""Saving a member's search: its query string normalised as the search page reads it, a limit, and the
signed token of its one-click unsubscribe link."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.http import QueryDict

from search.request import InvalidParameter, SearchRequest, parse_search_params
from search.web.results_page import query_string

from .models import SAVED_QUERY_LENGTH, SavedSearch

MAX_SAVED_SEARCHES = 20
INTERVALS = {SavedSearch.DAILY: timedelta(days=1), SavedSearch.WEEKLY: timedelta(days=7)}
UNSUBSCRIBE_SALT = "network.saved-search.unsubscribe"


class RefusedSearch(ValueError):
    """Why a search cannot be saved, in words for the member."""


def search_request_of(query: str) -> SearchRequest:
    """The request a saved query string stands for; InvalidParameter when the search page would refuse it.

    The page number and size are dropped: a digest lists every new match, not a page of them.
    """
    params = QueryDict(query, mutable=True)
    params.pop("page", None)
    params.pop("page_size", None)
    parsed = parse_search_params(params)
    return SearchRequest(q=parsed.q, filters=parsed.filters, sort=parsed.sort)


def normalised_query(query: str) -> str:
    """The query string as the search page would write it (defaults left out); RefusedSearch if it is bad."""
    try:
        request = search_request_of(query.lstrip("?"))
    except InvalidParameter as error:
        raise RefusedSearch(f"This search cannot be saved: {error.message}") from error
    normalised = query_string(request)
    # Encoding can lengthen what was posted (é is %C3%A9): checked here, so the column never refuses it (a 500).
    if len(normalised) > SAVED_QUERY_LENGTH:
        raise RefusedSearch(f"This search is too long to save (over {SAVED_QUERY_LENGTH:,} characters); narrow it.")
    return normalised


@transaction.atomic
def save_search(member, query: str, name: str, frequency: str) -> SavedSearch:
    """Save a search for a member, at most MAX_SAVED_SEARCHES of them; RefusedSearch otherwise."""
    normalised = normalised_query(query)
    # Lock the member's row so two saves at once cannot both pass the count (PostgreSQL; SQLite serialises writes).
    get_user_model().objects.select_for_update().filter(pk=member.pk).first()
    if SavedSearch.objects.filter(member=member).count() >= MAX_SAVED_SEARCHES:
        raise RefusedSearch(
            f"You already have {MAX_SAVED_SEARCHES} saved searches, the most you can keep. "
            "Delete one on your account page to save another."
        )
    return SavedSearch.objects.create(
        member=member, query=normalised, name=name, frequency=frequency, token=secrets.token_urlsafe(32)
    )


def search_url(saved: SavedSearch) -> str:
    return f"/search/?{saved.query}" if saved.query else "/search/"


def unsubscribe_token(saved: SavedSearch) -> str:
    """A signed token naming this saved search: the unsubscribe link works without signing in, and only for it."""
    return signing.dumps({"id": saved.pk, "token": saved.token}, salt=UNSUBSCRIBE_SALT)


def saved_search_for_token(token: str) -> SavedSearch | None:
    """The saved search a link's token names, or None when the token is forged, mangled or its search is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int) or not isinstance(data.get("token"), str):
        return None
    return SavedSearch.objects.filter(pk=data["id"], token=data["token"]).first()
