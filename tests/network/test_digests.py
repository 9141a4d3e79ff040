"""Email digests end to end: `send_digests` talks SMTP to a real local server (aiosmtpd, tests/network/conftest.py).

Time passes by moving the stored timestamps back (the saved search's window and the pages' first_published_at),
never by sleeping.
"""

from __future__ import annotations

import re
from datetime import timedelta
from email.message import EmailMessage
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from network.models import SavedSearch
from network.saved_searches import save_search
from tests.factories import make_case_study

from .conftest import free_port

pytestmark = pytest.mark.django_db


def send_digests() -> str:
    out = StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


def days_pass(days: int) -> None:
    """Everything stored happened `days` earlier: the saved searches' windows and the pages' publication."""
    shift = timedelta(days=days)
    for saved in SavedSearch.objects.all():
        SavedSearch.objects.filter(pk=saved.pk).update(
            created_at=saved.created_at - shift, last_sent_at=saved.last_sent_at and saved.last_sent_at - shift
        )
    for page in Page.objects.filter(first_published_at__isnull=False):
        Page.objects.filter(pk=page.pk).update(first_published_at=page.first_published_at - shift)


def body_parts(message: EmailMessage) -> tuple[str, str]:
    return (
        message.get_body(preferencelist=("plain",)).get_content(),
        message.get_body(preferencelist=("html",)).get_content(),
    )


@pytest.fixture
def saved(exchange, norfolk_member) -> SavedSearch:
    """A weekly search for "shared care" saved after the exchange's pages were published."""
    days_pass(30)
    return save_search(norfolk_member, "q=shared+care", "Shared care", SavedSearch.WEEKLY)


def test_a_digest_has_exactly_the_new_matches_and_a_second_run_sends_nothing(inbox, exchange, saved):
    days_pass(8)
    # Due, but the matching pages (the exchange's "One shared care record") were published before it was saved.
    assert "0 sent, 1 with nothing new, 0 failed" in send_digests()
    assert inbox == []
    saved.refresh_from_db()
    assert saved.last_sent_at is None  # moved only by a send

    match = make_case_study(exchange.pioneer, "Shared care plans at discharge")
    make_case_study(exchange.pioneer, "A discharge lounge")  # new, but does not match
    output = send_digests()
    assert f"saved search {saved.pk}: sent" in output and "1 sent, 0 with nothing new, 0 failed" in output
    assert len(inbox) == 1
    message = inbox[0]
    assert message["To"] == "jo.bloggs@norfolk.example.org" and "1 new match" in message["Subject"]
    text, html = body_parts(message)
    match_url = f"https://exchange.example.org{match.url}"
    for body in (text, html):
        assert "Shared care plans at discharge" in body and match_url in body
        assert "discharge lounge" not in body and "One shared care record" not in body
    assert len(re.findall(r"https://exchange\.example\.org/pioneers/", text)) == 1  # exactly one page listed

    # Idempotent: run again at once and nothing is sent (not due; and nothing new since the digest).
    assert "0 sent" in send_digests() and len(inbox) == 1

    # A week later: only what was published since the last digest, not the match it already sent.
    days_pass(8)
    later = make_case_study(exchange.pioneer, "Shared care in the community")
    send_digests()
    assert len(inbox) == 2
    text, _ = body_parts(inbox[1])
    assert later.title in text and match.title not in text


def test_the_unsubscribe_link_works_without_signing_in_and_stops_the_digests(inbox, exchange, saved):
    days_pass(8)
    make_case_study(exchange.pioneer, "Shared care plans at discharge")
    send_digests()
    (message,) = inbox
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert url in body_parts(message)[0]
    path = url.removeprefix("https://exchange.example.org")

    anonymous = Client(enforce_csrf_checks=True)  # no session, no CSRF token: as a mail provider's POST comes
    confirm = anonymous.get(path)
    assert confirm.status_code == 200 and "Unsubscribe from “Shared care”" in confirm.content.decode()
    assert SavedSearch.objects.filter(pk=saved.pk).exists()  # a GET (a mail scanner) changes nothing
    # A mangled token unsubscribes nothing.
    assert anonymous.post(path[:-3] + "abc/").status_code == 404
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
    assert anonymous.post(path).status_code == 200
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert anonymous.get(path).status_code == 404  # the link is spent

    days_pass(8)
    make_case_study(exchange.pioneer, "Shared care in the community")
    send_digests()
    assert len(inbox) == 1  # without the unsubscribe this would be a second digest


def test_a_failed_send_keeps_the_window_for_the_next_run(inbox, exchange, saved, settings, smtp_server):
    days_pass(8)
    make_case_study(exchange.pioneer, "Shared care plans at discharge")
    settings.EMAIL_PORT = free_port()  # nothing listens there: the connection is refused
    errors = StringIO()
    with pytest.raises(SystemExit):
        call_command("send_digests", stdout=StringIO(), stderr=errors)
    assert "0 sent, 0 with nothing new, 1 failed" in errors.getvalue()
    saved.refresh_from_db()
    assert saved.last_sent_at is None  # moving it before the send would lose these matches
    settings.EMAIL_PORT = smtp_server.port
    assert "1 sent" in send_digests() and "Shared care plans at discharge" in body_parts(inbox[0])[0]
