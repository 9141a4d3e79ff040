"""The "Questions" admin pages: the questions a user may answer (their areas' for authors, every one for
curators), unanswered first, each with its answer form; curators publish and unpublish answered exchanges, and
delete a question that is spam or abuse.

Another area's question is a 404 to an author; the pages are a 403 to anyone who is neither author nor curator.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from .forms import AnswerForm
from .models import Question
from .question_mail import notify_asker
from .questions import (
    CannotPublish,
    answer,
    can_curate,
    may_answer,
    may_see_questions,
    owning_area,
    owning_area_names,
    questions_for,
    set_published,
)

PER_PAGE = 20


def _entries(user, questions, forms=None):
    names = owning_area_names(questions)
    forms = forms or {}
    return [
        {
            "question": question,
            "area_name": names[question.pk],
            "form": forms.get(question.pk) or AnswerForm(initial={"answer": question.answer}, prefix=f"q{question.pk}"),
            "may_answer": may_answer(user, question),
        }
        for question in questions
    ]


def _context(request, title: str, **extra) -> dict:
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "help",
        "curator": can_curate(request.user),
    } | extra


def question_list(request):
    if not may_see_questions(request.user):
        raise PermissionDenied
    page = Paginator(questions_for(request.user), PER_PAGE).get_page(request.GET.get("p"))
    context = _context(request, "Questions", entries=_entries(request.user, page.object_list), page_obj=page)
    return TemplateResponse(request, "network/admin/questions.html", context)


def _question_for(request, pk: int) -> Question:
    if not may_see_questions(request.user):
        raise PermissionDenied
    return get_object_or_404(questions_for(request.user), pk=pk)  # another area's question: 404


def _back(question: Question) -> str:
    return f"{reverse('network_questions_admin')}#question-{question.pk}"


@require_http_methods(["GET", "HEAD", "POST"])
def question_detail(request, pk: int):
    """One question and its answer form (the email's link); a POST answers it."""
    question = _question_for(request, pk)
    form = AnswerForm(request.POST if request.method == "POST" else None, prefix=f"q{question.pk}")
    if request.method == "POST":
        if not may_answer(request.user, question):
            raise PermissionDenied("A published exchange is changed by curators only.")
        if form.is_valid():
            first_answer = not question.is_answered
            answer(question, request.user, form.cleaned_data["answer"])
            if first_answer:  # the member hears once; later edits of the answer send nothing
                notify_asker(question, owning_area(question.page))
            messages.success(request, f"Answered the question about “{question.page.title}”.")
            return redirect(_back(question))
    entries = _entries(request.user, [question], {question.pk: form} if form.is_bound else None)
    context = _context(request, "Answer a question", entries=entries)
    return TemplateResponse(request, "network/admin/question.html", context, status=400 if form.errors else 200)


@require_POST
def question_publish(request, pk: int):
    """Publish (action=publish) or unpublish an answered exchange under its page: curators only."""
    question = _question_for(request, pk)
    if not can_curate(request.user):
        raise PermissionDenied
    action = request.POST.get("action")
    if action not in ("publish", "unpublish"):
        return HttpResponseBadRequest("Say publish or unpublish.", content_type="text/plain; charset=utf-8")
    try:
        set_published(question, action == "publish")
    except CannotPublish as refusal:
        context = _context(request, "Answer a question", entries=_entries(request.user, [question]), refusal=refusal)
        return TemplateResponse(request, "network/admin/question.html", context, status=400)
    done = "Published" if question.published else "Unpublished"
    messages.success(request, f"{done} the exchange about “{question.page.title}”.")
    return redirect(_back(question))


@require_POST
def question_delete(request, pk: int):
    """Delete a question (spam, abuse, a duplicate): curators only; a published exchange leaves its page too."""
    question = _question_for(request, pk)
    if not can_curate(request.user):
        raise PermissionDenied
    title = question.page.title
    question.delete()
    messages.success(request, f"Deleted the question about “{title}”.")
    return redirect("network_questions_admin")
