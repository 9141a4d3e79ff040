"""Issue 11's "done when", as a commissioner from a network area tries it, through the test client and a real
SMTP server: sign up and confirm, choose the area, save a search for information-sharing workarounds, ask the
pioneer a question, record that the area reused a workaround; the pioneer's author answers in the admin, a
curator publishes the exchange and reads the reuse report; a matching workaround is published and the next
digest brings exactly it."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from curation.roles import curators_group, ensure_authors
from network.models import Question, SavedSearch
from tests.factories import make_barrier, make_case_study, make_workaround

from .conftest import PASSWORD
from .test_digests import body_parts, days_pass

pytestmark = pytest.mark.django_db

EMAIL = "alex.khan@norfolk.example.org"
CONFIRM_LINK = re.compile(r"http://testserver(/account/confirm-email/[^/\s]+/)")
QUESTION = "How long did the partners take to sign the single agreement?"
ANSWER = "Four months: the council's lawyers went first and the trusts signed the same text."


def staff(username: str, group) -> Client:
    user = get_user_model().objects.create_user(username, f"{username}@exchange.example.org", PASSWORD)
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_a_commissioner_from_a_network_area_uses_the_exchange_end_to_end(exchange, inbox):
    commissioner = Client()  # every email below goes through the real SMTP server into `inbox`

    # Sign up, confirm the emailed link (confirming signs in), choose the area.
    signed_up = commissioner.post("/account/signup/", {"email": EMAIL, "password1": PASSWORD, "password2": PASSWORD})
    assert signed_up.status_code == 302
    (verification,) = inbox
    assert verification["To"] == EMAIL
    commissioner.post(CONFIRM_LINK.search(verification.get_content()).group(1))
    assert commissioner.post("/account/", {"area": exchange.norfolk.pk}).status_code == 302
    assert "West Norfolk" in commissioner.get("/account/").content.decode()

    # Save a search for information-sharing workarounds, weekly.
    query = "q=information+sharing&type=workaround"
    saved = commissioner.post("/network/saved-searches/", {"query": query, "name": "", "frequency": "weekly"})
    assert saved.status_code == 302
    (search,) = SavedSearch.objects.filter(member__email=EMAIL)
    assert search.query == query and search.name == "information sharing"

    # Ask the pioneer about its workaround, and record that West Norfolk reused it.
    inbox.clear()
    author = staff("leeds-author", ensure_authors(exchange.pioneer))
    asked = commissioner.post(f"/network/questions/{exchange.workaround.pk}/", {"text": QUESTION})
    assert asked.status_code == 302
    (notice,) = inbox
    assert notice["To"] == "leeds-author@exchange.example.org" and EMAIL not in notice.get_content()
    reused = commissioner.post(
        f"/network/reuse/{exchange.workaround.pk}/", {"action": "record", "note": "Signed in six weeks."}
    )
    assert reused.status_code == 302
    public_page = Client().get(exchange.workaround.url).content.decode()
    assert "Reused by 1 area</strong>" in public_page and QUESTION not in public_page

    # The pioneer's author answers in the admin; still private.
    question = Question.objects.get(text=QUESTION)
    answered = author.post(f"/admin/network/questions/{question.pk}/", {f"q{question.pk}-answer": ANSWER})
    assert answered.status_code == 302
    assert escape(ANSWER) not in Client().get(exchange.workaround.url).content.decode()

    # A curator publishes the exchange and reads the reuse report.
    curator = staff("curator", curators_group())
    published = curator.post(f"/admin/network/questions/{question.pk}/publish/", {"action": "publish"})
    assert published.status_code == 302
    public_page = Client().get(exchange.workaround.url).content.decode()
    assert QUESTION in public_page and escape(ANSWER) in public_page and "Question from West Norfolk" in public_page
    assert EMAIL not in public_page
    report = curator.get("/admin/network/reuse/").content.decode()
    (row,) = [row for row in re.findall(r"<tr.*?</tr>", report, re.S) if exchange.workaround.title in row]
    assert "West Norfolk" in row and re.search(r">\s*1\s*<", row)  # one area, named

    # A week on, a matching workaround is published: the digest brings it, and only it.
    days_pass(8)
    study = make_case_study(exchange.pioneer, "Information sharing across the partnership")
    barrier = make_barrier(study, "Each partner wanted its own agreement", category="information-governance")
    match = make_workaround(
        study, [barrier], "A single information sharing agreement", description="Information sharing, signed once."
    )
    inbox.clear()
    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "1 sent" in out.getvalue()
    (digest,) = inbox
    assert digest["To"] == EMAIL
    text, html = body_parts(digest)
    for body in (text, html):
        assert match.title in body
        assert study.title not in body  # a case study: the saved search asks for workarounds
        assert exchange.workaround.title not in body  # published before the search was saved
    assert "/network/unsubscribe/" in text
