"""Email digests of saved searches: which are due, their new matches, and the one email each.

"New" is by Wagtail's `first_published_at`, not the indexed `published` date: that one is the case study's
editorial date (often years before it reached the portal, and only a date), so a page published today could
carry a 2015 date and never appear. The engine decides what matches; `first_published_at` what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from search.engines.base import SearchEngine
from search.request import MAX_PAGE_SIZE, MAX_RESULT_WINDOW, SearchRequest
from search.response import Hit

from .models import SavedSearch
from .saved_searches import INTERVALS, search_request_of, search_url, unsubscribe_token


@dataclass(frozen=True)
class Match:
    title: str
    url: str  # absolute


def absolute(path: str) -> str:
    """An address a mail reader can open: the portal's base URL (WAGTAILADMIN_BASE_URL) and the path."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def window_start(saved: SavedSearch) -> datetime:
    return saved.last_sent_at or saved.created_at


def due(now: datetime):
    """The saved searches whose frequency has passed since their last digest (or since they were saved)."""
    condition = Q()
    for frequency, interval in INTERVALS.items():
        since = now - interval
        condition |= Q(frequency=frequency, last_sent_at__lte=since) | Q(
            frequency=frequency, last_sent_at__isnull=True, created_at__lte=since
        )
    return SavedSearch.objects.filter(condition).select_related("member").order_by("pk")


def new_matches(engine: SearchEngine, saved: SavedSearch, until: datetime) -> list[Match]:
    """The pages first published in (window start, until] that the saved search matches, newest first.

    The pages published in the window are few and known first (none: no search at all); the engine's results
    are read a page of 100 at a time until all of them are seen or the results end.
    """
    new_ids = set(
        Page.objects.live()
        .filter(first_published_at__gt=window_start(saved), first_published_at__lte=until)
        .values_list("pk", flat=True)
    )
    if not new_ids:
        return []
    base = search_request_of(saved.query)
    found: list[Hit] = []
    seen: set[int] = set()
    for number in range(1, MAX_RESULT_WINDOW // MAX_PAGE_SIZE + 1):
        request = SearchRequest(q=base.q, filters=base.filters, sort="newest", page=number, page_size=MAX_PAGE_SIZE)
        response = engine.search(request)
        for hit in response.results:
            if hit.id in new_ids and hit.id not in seen:
                seen.add(hit.id)
                found.append(hit)
        if len(found) == len(new_ids) or number * MAX_PAGE_SIZE >= response.total or not response.results:
            break
    return [Match(hit.title, absolute(hit.url)) for hit in found]


def digest_email(saved: SavedSearch, matches: list[Match]) -> EmailMultiAlternatives:
    """One plain-text and HTML email listing the matches, with a one-click unsubscribe (RFC 8058 headers too)."""
    unsubscribe_url = absolute(reverse("network_unsubscribe", args=[unsubscribe_token(saved)]))
    context = {
        "saved": saved,
        "matches": matches,
        "search_url": absolute(search_url(saved)),
        "account_url": absolute(reverse("network_account")),
        "unsubscribe_url": unsubscribe_url,
        "frequency": saved.get_frequency_display().lower(),
    }
    count = len(matches)
    subject = f"Pioneer Exchange: {count} new {'match' if count == 1 else 'matches'} for “{saved.name}”"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("network/email/digest.txt", context),
        to=[saved.member.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("network/email/digest.html", context), "text/html")
    return message


@dataclass
class Outcome:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0


def send_digest(engine: SearchEngine, saved: SavedSearch, now: datetime) -> str:
    """Send one saved search's digest: "sent", "nothing-new", "taken" or raises; last_sent_at moves only after
    a successful send.

    The window ends at `now` (the run's start), so a page published while the run goes on is in the next one.
    The row is locked while its email goes (PostgreSQL; skip_locked lets a second run at once pass it by) and
    read again under the lock, so two runs at once, or one after another, send each window once.
    """
    with transaction.atomic():
        locked = SavedSearch.objects.select_for_update(skip_locked=True).filter(pk=saved.pk).first()
        if locked is None or locked.last_sent_at != saved.last_sent_at:
            return "taken"
        matches = new_matches(engine, locked, now)
        if not matches:
            return "nothing-new"
        digest_email(locked, matches).send(fail_silently=False)
        SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=now)
    return "sent"


def send_due_digests(engine: SearchEngine, now: datetime | None = None, progress=None) -> Outcome:
    """Every due digest; one failing (SMTP down, a bad address) is counted and the rest still go."""
    now = now or timezone.now()
    outcome = Outcome()
    for saved in due(now):
        try:
            result = send_digest(engine, saved, now)
        except Exception as error:  # noqa: BLE001 - reported, and the next run tries again
            outcome.failed += 1
            if progress:
                progress(f"saved search {saved.pk}: failed ({type(error).__name__}: {error})")
            continue
        if result == "sent":
            outcome.sent += 1
        elif result == "nothing-new":
            outcome.nothing_new += 1
        if progress:
            progress(f"saved search {saved.pk}: {result}")
    return outcome
