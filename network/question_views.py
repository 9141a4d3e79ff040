"""The "Ask the pioneer" form's answer: a member's question recorded for their area and sent to the authors of
the area that wrote the page; anyone else is told what to do."""

from __future__ import annotations

import math

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.views.decorators.http import require_POST

from .forms import QuestionForm
from .membership import standing_of
from .next_step import next_step
from .question_mail import notify_authors
from .questions import TooManyQuestions, ask, askable_page, owning_area, questions_per_hour


def _form_page(request: HttpRequest, page, form: QuestionForm, status: int) -> HttpResponse:
    context = {"page": page, "form": form, "area": owning_area(page)}
    return render(request, "network/question_form.html", context, status=status)


def _sent(request: HttpRequest, page, area) -> HttpResponse:
    who = f"{area.title}'s authors" if area else "the page's authors"
    messages.success(request, f"Your question about “{page.title}” has gone to {who}. Their answer will show here.")
    return redirect(f"{reverse('network_account')}#questions")


@require_POST
def ask_question(request: HttpRequest, page_id: int) -> HttpResponse:
    page = askable_page(page_id)
    if page is None:
        raise Http404("No published case study, barrier or workaround with this id.")
    member = standing_of(request.user)
    elsewhere = next_step(request, member, page, "to ask a question")
    if elsewhere is not None:
        return elsewhere
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    area = owning_area(page)
    if form.is_spam():  # a bot: the same answer as a person gets, and nothing kept or sent
        return _sent(request, page, area)
    try:
        question = ask(request.user, member.area, page, form.cleaned_data["text"])
    except TooManyQuestions as limit:
        wait = max(1, math.ceil((limit.retry_at - timezone.now()).total_seconds()))
        form.add_error(
            None,
            f"You have asked {questions_per_hour()} questions in the last hour, the most we take. "
            f"You can ask again after {time_format(timezone.localtime(limit.retry_at), 'H:i')}.",
        )
        response = _form_page(request, page, form, status=429)
        response["Retry-After"] = str(wait)
        return response
    notify_authors(question, area)
    return _sent(request, page, area)
