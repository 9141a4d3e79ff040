""" "Ask the pioneer": a member's question reaches the page's area's authors (by email and in the admin) and no one
else's, is answered in the admin, and stays private until a curator publishes it; abuse and bad input are refused
with nothing written; deleting the account takes the member's questions, leaving published exchanges to the area."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.template import Context, Template
from django.test import Client
from django.utils import timezone
from django.utils.http import urlencode

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from curation.roles import curators_group
from network.models import Question
from search.indexing.documents import build_document
from tests.conftest import content_for_the_module
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

from .conftest import make_member

pytestmark = pytest.mark.django_db

QUESTION = "How long did the zqxwv data-sharing agreement take to sign, and who signed it?"
ANSWER = "Four months; the GP federation and the council signed it together."
MENU_ITEM = '"name": "network-questions"'  # in the admin sidebar's JSON


def assert_refused(response) -> None:
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard, with its error message."""
    assert response.status_code == 302 and response["Location"] == "/admin/", response


@dataclass
class World:
    leeds: PioneerPage
    study: CaseStudyPage
    barrier: BarrierPage
    workaround: WorkaroundPage
    norfolk: PioneerPage
    dorset: PioneerPage
    dorset_study: CaseStudyPage
    member: object  # a verified West Norfolk member
    leeds_author: object
    leeds_colleague: object
    dorset_author: object
    curator: object


def _staff(username: str, *, email: str = "", active: bool = True):
    return get_user_model().objects.create_user(username=username, email=email, password="x", is_active=active)  # nosec: test accounts


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Two pioneers' pages, a member from a third area, each pioneer's authors and a curator: built once."""
    with content_for_the_module(django_db_blocker, None):
        from casestudies.site_structure import ensure_site_structure

        ensure_site_structure()
        leeds = make_pioneer("Questions Leeds")
        study = make_case_study(leeds, "One shared care record")
        barrier = make_barrier(study, "Records in five systems")
        workaround = make_workaround(study, [barrier], "A read-only summary for the hub")
        norfolk = make_pioneer("West Norfolk", status="virtual-network")
        dorset = make_pioneer("Dorset", status="virtual-network", region="south")
        dorset_study = make_case_study(dorset, "Dorset's own hub")
        leeds_group = leeds.authors_role.group
        leeds_author = _staff("leeds-author", email="author@leeds.example.org")
        leeds_colleague = _staff("leeds-colleague", email="colleague@leeds.example.org")
        leeds_group.user_set.add(
            leeds_author,
            leeds_colleague,
            _staff("leeds-left", email="left@leeds.example.org", active=False),  # inactive: no email
            _staff("leeds-no-address"),  # no address: no email
        )
        dorset_author = _staff("dorset-author", email="author@dorset.example.org")
        dorset.authors_role.group.user_set.add(dorset_author)
        curator = _staff("curator", email="curator@example.org")
        curators_group().user_set.add(curator)
        member = make_member("jo.bloggs@norfolk.example.org", area=norfolk)
        yield World(
            leeds,
            study,
            barrier,
            workaround,
            norfolk,
            dorset,
            dorset_study,
            member,
            leeds_author,
            leeds_colleague,
            dorset_author,
            curator,
        )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ask_url(page) -> str:
    return f"/network/questions/{page.pk}/"


def ask(world: World, page=None, text: str = QUESTION, follow: bool = False, **extra):
    return signed_in(world.member).post(ask_url(page or world.barrier), {"text": text, **extra}, follow=follow)


def answered(world: World, *, published: bool = False) -> Question:
    question = Question.objects.create(
        page=world.workaround, asked_by=world.member, area=world.norfolk, text=QUESTION, answer=ANSWER
    )
    question.answered_at = timezone.now()
    question.published = published
    question.published_at = timezone.now() if published else None
    question.save()
    return question


def test_every_askable_page_offers_the_form_to_a_ready_member_and_a_sign_in_link_to_others(world):
    for page in (world.study, world.barrier, world.workaround):
        public = Client().get(page.url).content.decode()
        assert "Questions and answers" in public and "Sign in to ask a question about this" in public
        assert f'href="/account/login/?next={page.url}"' in public
        assert f'action="{ask_url(page)}"' not in public
        own = signed_in(world.member).get(page.url).content.decode()
        assert f'action="{ask_url(page)}"' in own and "Ask Questions Leeds" in own
    # The form as the design system writes it: a label, a hint named by aria-describedby, the honeypot hidden.
    assert '<label class="nhsuk-label" for="question-text">Your question</label>' in own
    assert 'aria-describedby="question-text-hint"' in own and 'id="question-text-hint"' in own
    assert '<div class="network-honeypot">' in own and 'name="website"' in own

    response = Client().post(ask_url(world.barrier), {"text": QUESTION})
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?{urlencode({'next': world.barrier.url})}"
    assert not Question.objects.exists() and not mail.outbox


def test_unverified_and_area_less_members_are_told_what_to_do(world):
    unverified = make_member("new@norfolk.example.org", verified=False, area=world.norfolk)
    area_less = make_member("no-area@norfolk.example.org")
    for user, advice in ((unverified, "Confirm your email address"), (area_less, "Choose your area")):
        client = signed_in(user)
        html = client.get(world.barrier.url).content.decode()
        assert advice in html and f'action="{ask_url(world.barrier)}"' not in html
        response = client.post(ask_url(world.barrier), {"text": QUESTION}, follow=True)
        assert response.redirect_chain == [("/account/", 302)] and advice in response.content.decode()
    assert not Question.objects.exists() and not mail.outbox


def test_a_question_goes_to_the_owning_areas_authors_only(world):
    response = ask(world, follow=True)
    assert response.redirect_chain == [("/account/#questions", 302)]
    html = response.content.decode()
    assert "has gone to Questions Leeds&#x27;s authors" in html
    assert QUESTION in html and "Waiting for an answer" in html  # on "Your account"

    question = Question.objects.get()
    assert (question.page_id, question.asked_by, question.area, question.text) == (
        world.barrier.pk,
        world.member,
        world.norfolk,
        QUESTION,
    )
    assert not question.published and not question.answer
    # One email to each active Leeds author with an address; none to Dorset's authors, the curator or the member.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "author@leeds.example.org",
        "colleague@leeds.example.org",
    ]
    email = mail.outbox[0]
    assert len(email.to) == 1 and not email.cc and not email.bcc
    assert "Records in five systems" in email.subject
    assert QUESTION in email.body and "West Norfolk" in email.body
    assert f"/admin/network/questions/{question.pk}/" in email.body
    assert world.member.email not in email.body and world.member.username not in email.body


def test_a_failed_email_keeps_the_question_and_is_logged(world, caplog):
    broken = mock.Mock()
    broken.send_messages.side_effect = SMTPException("mail server down")
    with mock.patch("network.question_mail.get_connection", return_value=broken), caplog.at_level(logging.ERROR):
        response = ask(world)
    assert response.status_code == 302 and response["Location"] == "/account/#questions"
    question = Question.objects.get()
    assert broken.send_messages.called
    assert f"Question {question.pk}: emailing Questions Leeds authors failed" in caplog.text


def test_only_the_owning_areas_authors_and_curators_see_it_in_the_admin(world):
    ask(world)
    question = Question.objects.get()
    detail = f"/admin/network/questions/{question.pk}/"
    for user in (world.leeds_author, world.curator):
        client = signed_in(user)
        listing = client.get("/admin/network/questions/")
        assert listing.status_code == 200 and QUESTION in listing.content.decode()
        page = client.get(detail).content.decode()
        assert QUESTION in page and "West Norfolk" in page
        assert world.member.email not in page and world.member.username not in page
        assert MENU_ITEM in client.get("/admin/").content.decode()

    other_author = signed_in(world.dorset_author)
    listing = other_author.get("/admin/network/questions/")
    assert listing.status_code == 200 and QUESTION not in listing.content.decode()
    assert other_author.get(detail).status_code == 404
    assert other_author.post(detail, {f"q{question.pk}-answer": "Not ours to answer"}).status_code == 404
    assert other_author.post(f"{detail}publish/", {"action": "publish"}).status_code == 404

    # Someone in the admin who is neither an author nor a curator: no menu item, and a 403.
    editor = _staff("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    editor_client = signed_in(editor)
    assert MENU_ITEM not in editor_client.get("/admin/").content.decode()
    for url in ("/admin/network/questions/", detail):
        assert_refused(editor_client.get(url))
    # A network member never reaches the admin at all.
    assert signed_in(world.member).get("/admin/network/questions/").status_code == 302
    assert Question.objects.get().answer == ""


def test_answered_in_the_admin_private_until_a_curator_publishes(world):
    ask(world, page=world.workaround)
    question = Question.objects.get()
    detail = f"/admin/network/questions/{question.pk}/"
    author = signed_in(world.leeds_author)
    mail.outbox.clear()
    response = author.post(detail, {f"q{question.pk}-answer": ANSWER})
    assert response.status_code == 302 and response["Location"] == f"/admin/network/questions/#question-{question.pk}"
    (told,) = mail.outbox  # the member hears of the first answer, by email
    assert told.to == [world.member.email] and ANSWER in told.body and "/account/#questions" in told.body
    assert world.leeds_author.email not in told.body and "Questions Leeds has answered" in told.body
    author.post(detail, {f"q{question.pk}-answer": ANSWER + " More."})  # a later edit sends nothing
    assert len(mail.outbox) == 1
    author.post(detail, {f"q{question.pk}-answer": ANSWER})
    question.refresh_from_db()
    assert (question.answer, question.answered_by, question.published) == (ANSWER, world.leeds_author, False)
    assert question.answered_at is not None
    member_account = signed_in(world.member).get("/account/").content.decode()
    assert ANSWER in member_account and "Answered" in member_account  # the asker sees the answer

    for client in (Client(), signed_in(world.dorset_author), signed_in(world.member)):
        html = client.get(world.workaround.url).content.decode()
        assert "Questions and answers" in html  # the section is there, so the checks below could fail
        assert QUESTION not in html and ANSWER not in html

    # An author cannot publish; a curator can.
    assert_refused(author.post(f"{detail}publish/", {"action": "publish"}))
    assert not Question.objects.get().published
    curator = signed_in(world.curator)
    assert curator.post(f"{detail}publish/", {"action": "publish"}).status_code == 302
    question.refresh_from_db()
    assert question.published and question.published_at is not None

    html = Client().get(world.workaround.url).content.decode()
    assert QUESTION in html and ANSWER in html and "Question from West Norfolk" in html
    assert "Answer from Questions Leeds" in html
    assert f'datetime="{timezone.localdate().isoformat()}"' in html
    for private in (world.member.email, world.member.username, "norfolk.example.org", world.leeds_author.email):
        assert private not in html, private
    assert "Published" in signed_in(world.member).get("/account/").content.decode()

    # Published, the answer is the curators' to change; unpublishing hides it again.
    assert_refused(author.post(detail, {f"q{question.pk}-answer": "Changed"}))
    assert curator.post(f"{detail}publish/", {"action": "unpublish"}).status_code == 302
    assert QUESTION not in Client().get(world.workaround.url).content.decode()
    assert Question.objects.get().published_at is None


def test_admin_refusals_write_nothing(world):
    ask(world)
    question = Question.objects.get()
    detail = f"/admin/network/questions/{question.pk}/"
    curator = signed_in(world.curator)
    # Unanswered: it cannot be published.
    refused = curator.post(f"{detail}publish/", {"action": "publish"})
    assert refused.status_code == 400 and "Answer the question before you publish it." in refused.content.decode()
    assert curator.post(f"{detail}publish/", {"action": "shout"}).status_code == 400
    assert curator.get(f"{detail}publish/").status_code == 405
    for bad in ("", "   ", "x" * 5001):
        response = curator.post(detail, {f"q{question.pk}-answer": bad})
        assert response.status_code == 400 and 'class="error-message"' in response.content.decode()
    question.refresh_from_db()
    assert (question.answer, question.answered_at, question.published) == ("", None, False)
    assert curator.post(detail, {f"q{question.pk}-answer": "x" * 5000}).status_code == 302
    assert signed_in(world.curator).get("/admin/network/questions/999999/").status_code == 404


def test_the_admin_lists_unanswered_questions_first(world):
    older = answered(world)
    newer = answered(world)
    waiting = Question.objects.create(page=world.barrier, asked_by=world.member, area=world.norfolk, text="Waiting?")
    Question.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(days=30))
    html = signed_in(world.leeds_author).get("/admin/network/questions/").content.decode()
    positions = [html.index(f'id="question-{question.pk}"') for question in (waiting, newer, older)]
    assert positions == sorted(positions)


def test_an_unpublished_question_appears_on_no_public_surface(world):
    answered(world)  # answered, not published
    unique = "zqxwv"  # a word found only in the question
    assert unique in QUESTION
    for path in (world.workaround.url, world.study.url, "/sitemap.xml"):
        assert unique not in Client().get(path).content.decode(), path
    assert Client().get("/api/v1/search?q=hub").json()["total"] > 0  # the control: the pages are searchable
    assert Client().get(f"/api/v1/search?q={unique}").json()["total"] == 0
    assert Client().get(f"/api/v1/suggest?q={unique}").json()["suggestions"] == []
    feed = Client().get(f"/search/feed/?q={unique}")
    assert feed.status_code == 200 and "<entry" not in feed.content.decode()
    export = b"".join(Client().get(f"/search/export.csv?q={unique}").streaming_content).decode()
    assert len(export.strip().splitlines()) == 1  # the heading row alone
    assert unique not in str(build_document(WorkaroundPage.objects.get(pk=world.workaround.pk)))


def test_the_honeypot_gets_the_same_answer_and_nothing_is_kept_or_sent(world):
    bot = ask(world, website="http://spam.example.com")
    person = ask(world)
    answers = {(response.status_code, response["Location"]) for response in (bot, person)}
    assert answers == {(302, "/account/#questions")}
    assert Question.objects.count() == 1  # the person's
    assert len(mail.outbox) == 2  # the person's question, to the two Leeds authors


def test_asking_is_rate_limited_per_member(world, settings):
    settings.NETWORK_QUESTIONS_PER_HOUR = 2
    assert ask(world).status_code == 302 and ask(world, page=world.study).status_code == 302
    refused = ask(world, text="A third question")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert 'class="nhsuk-error-summary"' in html and "You have asked 2 questions in the last hour" in html
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Question.objects.count() == 2 and len(mail.outbox) == 4

    # Another member is not held back by this one.
    other = signed_in(make_member("kim@dorset.example.org", area=world.dorset))
    assert other.post(ask_url(world.barrier), {"text": QUESTION}).status_code == 302
    # An hour on, the member may ask again.
    Question.objects.filter(asked_by=world.member).update(created_at=timezone.now() - timedelta(hours=1, seconds=1))
    assert ask(world, text="A third question").status_code == 302
    # 0 turns the limit off.
    settings.NETWORK_QUESTIONS_PER_HOUR = 0
    assert all(ask(world).status_code == 302 for _ in range(3))


def test_bad_input_is_refused_and_nothing_is_written(world, settings):
    for text in ("", "   ", "x" * 2001):
        response = ask(world, text=text)
        assert response.status_code == 400, text
        html = response.content.decode()
        assert 'class="nhsuk-error-summary"' in html and 'href="#question-text"' in html
    draft = make_case_study(world.leeds, "A draft", live=False)
    for page_id in (world.leeds.pk, draft.pk, 999_999):  # not a case study, barrier or workaround; a draft; none
        assert signed_in(world.member).post(f"/network/questions/{page_id}/", {"text": QUESTION}).status_code == 404
    assert signed_in(world.member).get(ask_url(world.barrier)).status_code == 405
    assert not Question.objects.exists() and not mail.outbox
    assert ask(world, text="x" * 2000).status_code == 302  # the control: the longest question is taken


def test_a_page_unpublished_takes_no_question(world):
    world.workaround.unpublish()
    assert ask(world, page=world.workaround).status_code == 404
    assert not Question.objects.exists()


def test_the_form_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member)
    assert client.post(ask_url(world.barrier), {"text": QUESTION}).status_code == 403
    assert not Question.objects.exists()
    client.get(world.barrier.url)
    token = client.cookies["csrftoken"].value
    response = client.post(ask_url(world.barrier), {"text": QUESTION, "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and Question.objects.count() == 1


def test_deleting_the_account_deletes_its_questions_but_a_published_exchange_stays_with_the_area(world):
    member = make_member("leaving@norfolk.example.org", area=world.norfolk)
    private = Question.objects.create(page=world.barrier, asked_by=member, area=world.norfolk, text="Private?")
    answered_only = Question.objects.create(
        page=world.barrier, asked_by=member, area=world.norfolk, text="Answered?", answer="Yes."
    )
    published = Question.objects.create(
        page=world.workaround, asked_by=member, area=world.norfolk, text="Kept?", answer="Kept.", published=True
    )
    client = signed_in(member)
    response = client.post("/account/delete/", {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/account/deleted/"
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Question.objects.filter(pk__in=[private.pk, answered_only.pk]).exists()
    kept = Question.objects.get(pk=published.pk)
    assert (kept.asked_by, kept.area, kept.published) == (None, world.norfolk, True)
    assert "Question from West Norfolk" in Client().get(world.workaround.url).content.decode()


def test_a_member_sees_only_their_own_questions_on_their_account(world):
    ask(world)
    other = make_member("kim@dorset.example.org", area=world.dorset)
    signed_in(other).post(ask_url(world.study), {"text": "Dorset's own question about the study"})
    own = signed_in(world.member).get("/account/").content.decode()
    assert QUESTION in own and "Dorset's own question" not in own and 'id="questions"' in own


def test_a_preview_of_a_page_never_saved_shows_no_panel(rf, world):
    request = rf.get("/")
    request.user = world.member
    template = Template("{% load network_tags %}{% questions_panel page %}")
    saved = template.render(Context({"request": request, "page": world.barrier}))
    assert 'id="questions"' in saved and f'action="{ask_url(world.barrier)}"' in saved
    unsaved = template.render(Context({"request": request, "page": WorkaroundPage(title="New", description="x")}))
    assert 'id="questions"' not in unsaved


def test_curators_delete_spam_and_authors_cannot(world):
    question = answered(world, published=True)
    url = f"/admin/network/questions/{question.pk}/delete/"
    assert "(spam or abuse)" in signed_in(world.curator).get("/admin/network/questions/").content.decode()
    assert "(spam or abuse)" not in signed_in(world.leeds_author).get("/admin/network/questions/").content.decode()

    assert_refused(signed_in(world.leeds_author).post(url))
    assert signed_in(world.curator).get(url).status_code == 405
    assert Question.objects.filter(pk=question.pk).exists()
    assert QUESTION in Client().get(world.workaround.url).content.decode()

    deleted = signed_in(world.curator).post(url)
    assert deleted.status_code == 302 and deleted["Location"] == "/admin/network/questions/"
    assert not Question.objects.filter(pk=question.pk).exists()
    assert QUESTION not in Client().get(world.workaround.url).content.decode()
    assert signed_in(world.curator).post(url).status_code == 404


def test_a_failed_email_to_the_member_keeps_the_answer(world, caplog):
    question = Question.objects.create(page=world.workaround, asked_by=world.member, area=world.norfolk, text=QUESTION)
    failing = mock.patch("network.question_mail.EmailMessage.send", side_effect=SMTPException("down"))
    with failing, caplog.at_level(logging.ERROR, logger="network.question_mail"):
        response = signed_in(world.leeds_author).post(
            f"/admin/network/questions/{question.pk}/", {f"q{question.pk}-answer": ANSWER}
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == ANSWER
    assert "telling the member about the answer failed" in caplog.text
