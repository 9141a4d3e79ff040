"""The emails about questions: to an area's authors when a question arrives (one message to each active author
with an address, naming the asking area, never the member), and to the member when it is first answered.
A failed send is logged; the question and its answer are already kept."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from casestudies.models import PioneerPage

from .digests import absolute
from .models import Question

logger = logging.getLogger(__name__)


def author_addresses(area: PioneerPage) -> list[str]:
    """The addresses of the active users in the area's authors' group (curation.roles), each once."""
    users = get_user_model().objects.filter(groups__pioneer_authors__pioneer=area, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def question_email(question: Question, area: PioneerPage, address: str) -> EmailMessage:
    context = {
        "question": question,
        "page": question.page,
        "area": area,
        "asking_area": question.area.title if question.area else "A network area",
        "page_url": absolute(question.page.url or "/"),
        "answer_url": absolute(reverse("network_question_admin", args=[question.pk])),
    }
    subject = f"Pioneer Exchange: a question about “{question.page.title}”"
    body = render_to_string("network/email/question.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[address])


def notify_authors(question: Question, area: PioneerPage | None) -> int:
    """Email the area's authors about a new question; the number of emails sent (0 when none could go)."""
    addresses = author_addresses(area) if area else []
    if not addresses:
        logger.warning("Question %s: no author of its area has an email address to tell", question.pk)
        return 0
    try:
        return get_connection().send_messages([question_email(question, area, address) for address in addresses])
    except Exception:
        # The question is saved and listed in the admin: a mail outage must not lose it or fail the member's post.
        logger.exception("Question %s: emailing %s authors failed", question.pk, area.title)
        return 0


def notify_asker(question: Question, area: PioneerPage | None) -> bool:
    """Email the member who asked that their question has its first answer; whether the email went."""
    member = question.asked_by
    if member is None or not member.is_active or not member.email:
        return False
    context = {
        "question": question,
        "page": question.page,
        "area_name": area.title if area else "The pioneer",
        "account_url": absolute(reverse("network_account") + "#questions"),
        "page_url": absolute(question.page.url or "/"),
    }
    subject = f"Pioneer Exchange: your question about “{question.page.title}” has an answer"
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("network/email/answered.txt", context),
        to=[member.email],
    )
    try:
        return bool(message.send())
    except Exception:
        logger.exception("Question %s: telling the member about the answer failed", question.pk)
        return False
