"""Ask the pioneer: which pages take questions, whose area answers them, who sees them in the admin, the
members' limit on asking, answering and publishing, and the exchanges shown under a page.

A question is private to the page's area's authors and the curators until a curator publishes it, answered;
only then is it shown, with the asking area's name and never the member's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from casestudies.visibility import visible
from curation.roles import pioneers_authored_by

from .models import Question

ASKABLE_TYPES = (CaseStudyPage, BarrierPage, WorkaroundPage)
CURATE_PERMISSION = "network.curate_questions"
RATE_WINDOW = timedelta(hours=1)


class TooManyQuestions(Exception):
    """The member has asked QUESTIONS_PER_HOUR questions within the last hour."""

    def __init__(self, retry_at: datetime):
        super().__init__(retry_at)
        self.retry_at = retry_at


def askable_page(page_id: int) -> Page | None:
    """The public case study, barrier or workaround with this id, or None."""
    page = visible(Page.objects.filter(pk=page_id).type(*ASKABLE_TYPES)).first()
    return page.specific if page else None


def owning_area(page: Page) -> PioneerPage | None:
    """The area (pioneer page) above the page: its authors answer the questions about it."""
    return PioneerPage.objects.ancestor_of(page).first()


def questions_per_hour() -> int:
    return settings.NETWORK_QUESTIONS_PER_HOUR


@transaction.atomic
def ask(user, area: PioneerPage, page: Page, text: str) -> Question:
    """Record a member's question for their area; TooManyQuestions past the hourly limit (0: no limit)."""
    limit = questions_per_hour()
    if limit:
        # Lock the member's row so two questions at once cannot both pass the count (PostgreSQL).
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        recent = Question.objects.filter(asked_by=user, created_at__gt=timezone.now() - RATE_WINDOW)
        times = list(recent.order_by("created_at").values_list("created_at", flat=True))
        if len(times) >= limit:
            raise TooManyQuestions(retry_at=times[len(times) - limit] + RATE_WINDOW)
    return Question.objects.create(page=page, asked_by=user, area=area, text=text)


def can_curate(user) -> bool:
    return user.is_authenticated and user.has_perm(CURATE_PERMISSION)


def _under(areas) -> Q:
    return reduce(or_, (Q(page__path__startswith=area.path) for area in areas), Q(pk__in=[]))


def questions_for(user) -> QuerySet[Question]:
    """The questions the user may see and answer in the admin: every one for curators, those about their
    own areas' pages for authors, none for anyone else. Unanswered first, then the newest."""
    questions = Question.objects.select_related("page", "area")
    if not can_curate(user):
        questions = questions.filter(_under(pioneers_authored_by(user)))
    unanswered = ExpressionWrapper(Q(answer=""), output_field=BooleanField())
    return questions.annotate(unanswered=unanswered).order_by("-unanswered", "-created_at", "-pk")


def may_see_questions(user) -> bool:
    return can_curate(user) or pioneers_authored_by(user).exists()


def may_answer(user, question: Question) -> bool:
    """Authors answer until the exchange is published; after that only curators change it."""
    return can_curate(user) or not question.published


def answer(question: Question, user, text: str) -> None:
    question.answer = text
    question.answered_by = user
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])


class CannotPublish(ValueError):
    """Only an answered question can be published."""


def set_published(question: Question, published: bool) -> None:
    if published and not question.is_answered:
        raise CannotPublish("Answer the question before you publish it.")
    question.published = published
    question.published_at = timezone.now() if published else None
    question.save(update_fields=["published", "published_at"])


@dataclass(frozen=True)
class PublishedExchange:
    """A published question and answer as the public sees it: the asking area's name, never the member's."""

    text: str
    area_name: str
    asked_at: datetime
    answer: str
    answered_at: datetime | None


def published_exchanges(page: Page) -> list[PublishedExchange]:
    """The page's answered exchanges a curator published, oldest first; an area the public cannot see is not
    named."""
    questions = list(Question.objects.filter(page=page, published=True).exclude(answer="").order_by("created_at"))
    areas = {area.pk: area.title for area in visible(PioneerPage.objects.filter(pk__in=[q.area_id for q in questions]))}
    return [
        PublishedExchange(q.text, areas.get(q.area_id, "A network area"), q.created_at, q.answer, q.answered_at)
        for q in questions
    ]


def owning_area_names(questions) -> dict[int, str]:
    """Each question's owning area's name by question id, with one query for all the areas."""
    areas = list(PioneerPage.objects.order_by("-depth").values_list("path", "title"))
    names = {}
    for question in questions:
        names[question.pk] = next((title for path, title in areas if question.page.path.startswith(path)), "")
    return names


def questions_of(user) -> QuerySet[Question]:
    """The member's own questions, newest first, for "Your account"."""
    return Question.objects.filter(asked_by=user).select_related("page").order_by("-created_at", "-pk")
