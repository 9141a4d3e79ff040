"""The member's pages: "Your account" (area, asking to draft, saved searches, their data, deletion), the "We
reused this" form's answer (rate limited per member), saving a search, the digests' unsubscribe link, and the
page allauth's rate limits answer with."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.security.ratelimit import over_limit

from .drafting import ask_to_draft, drafting_area
from .forms import AreaForm, DeleteAccountForm, FrequencyForm, ReuseForm, SaveSearchForm
from .membership import Standing, delete_member, is_verified, set_area, standing_of
from .models import SavedSearch
from .next_step import next_step
from .personal_data import personal_data
from .reuse import is_own_work, record_reuse, reusable_page, withdraw_reuse
from .saved_searches import RefusedSearch, normalised_query, save_search, saved_search_for_token, search_request_of

REUSE_WINDOW_SECONDS = 60 * 60  # REUSE_RATE_LIMIT counts an hour
ASK_TO_DRAFT_WINDOW_SECONDS = 24 * 60 * 60  # one request to the curators a day


def _posted(request: HttpRequest):
    """The form's data on a POST, even an empty one (which `request.POST or None` would take for a GET)."""
    return request.POST if request.method == "POST" else None


@login_required
def account(request: HttpRequest) -> HttpResponse:
    member = standing_of(request.user)
    form = AreaForm(_posted(request), initial={"area": member.area.pk if member.area else ""})
    if request.method == "POST":
        if not is_verified(request.user):
            messages.error(request, "Confirm your email address before you join an area.")
            return redirect("network_account")
        if form.is_valid():
            left = set_area(request.user, form.cleaned_data["area"])
            messages.success(request, f"You are now a member for {form.cleaned_data['area'].title}.")
            if left:
                messages.warning(request, _drafting_ended(left))
            return redirect("network_account")
    status = 400 if form.errors else 200
    saved = [
        (item, FrequencyForm(initial={"frequency": item.frequency}, prefix=f"s{item.pk}"))
        for item in SavedSearch.objects.filter(member=request.user)
    ]
    context = {"form": form, "member": member, "saved_searches": saved, "drafting_area": drafting_area(request.user)}
    return render(request, "network/account.html", context, status=status)


def _drafting_ended(areas: list[str]) -> str:
    return (
        f"You can no longer draft case studies for {', '.join(areas)}: drafting is for your own area. "
        "Ask the exchange team if you want to draft for your new one."
    )


@login_required
@require_POST
def ask_to_draft_view(request: HttpRequest) -> HttpResponse:
    """A member with an area asks the curators to let them draft for it (an email, at most one a day)."""
    back = redirect(f"{reverse('network_account')}#drafting")
    member = standing_of(request.user)
    drafting = drafting_area(request.user)
    if member.standing is not Standing.READY:
        messages.error(request, "Confirm your email address and choose your area first.")
    elif drafting:
        messages.info(request, f"You may already draft case studies for {drafting.title}.")
    elif over_limit(f"ask-to-draft:{request.user.pk}", 1, seconds=ASK_TO_DRAFT_WINDOW_SECONDS) is not None:
        messages.info(request, "You asked today already: the exchange team will email you.")
    else:
        ask_to_draft(request.user, member.area)
        messages.success(request, f"We asked the exchange team to let you draft for {member.area.title}.")
    return back


@login_required
@require_http_methods(["GET", "HEAD"])
def download_data(request: HttpRequest) -> HttpResponse:
    """Everything the portal keeps about the member, as a JSON file (network.personal_data)."""
    body = json.dumps(personal_data(request.user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"pioneer-exchange-your-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_member(user)
        return redirect("network_account_deleted")
    status = 400 if form.errors else 200
    return render(request, "network/delete_account.html", {"form": form}, status=status)


@require_POST
def reuse(request: HttpRequest, page_id: int) -> HttpResponse:
    """Record, update or withdraw the member's area's reuse of a page; anyone else is told what to do."""
    page = reusable_page(page_id)
    if page is None:
        raise Http404("No published case study or workaround with this id.")
    back = f"{page.url}#reuse"
    member = standing_of(request.user)
    not_ready = next_step(request, member, page, "to record reuse")
    if not_ready is not None:
        return not_ready
    if is_own_work(member.area, page):
        message = f"This is {member.area.title}'s own work: record reuse of other areas' work."
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")  # a title is not HTML
    retry_after = _reuse_limited(request.user)
    if retry_after is not None:
        context = {"page": page, "back": back, "limit": settings.REUSE_RATE_LIMIT, "retry_after": retry_after}
        response = render(request, "network/reuse_too_many.html", context, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    # Success goes back to the page, whose panel shows the area's record as it now is. No flash message:
    # public pages show none, so that nothing queued by the admin (a draft's title) ever appears on them.
    if request.POST.get("action") == "withdraw":
        withdraw_reuse(member.area, page)
        return redirect(back)
    form = ReuseForm(request.POST)
    if not form.is_valid():
        context = {"page": page, "form": form, "area": member.area}
        return render(request, "network/reuse_refused.html", context, status=400)
    if not form.is_spam():  # a bot that filled the honeypot is answered as a person, and nothing is recorded
        record_reuse(member.area, page, request.user, form.cleaned_data["note"])
    return redirect(back)


def _reuse_limited(user) -> int | None:
    """Seconds to wait when the member has recorded or withdrawn reuse REUSE_RATE_LIMIT times this hour."""
    limit = int(settings.REUSE_RATE_LIMIT)
    if limit <= 0:
        return None
    return over_limit(f"reuse-member:{user.pk}", limit, seconds=REUSE_WINDOW_SECONDS, what=" (reuse records)")


def too_many_attempts(request: HttpRequest, exception=None) -> HttpResponse:
    """allauth's answer past its rate limits (the portal's handler429): the portal's 429 page, in its words."""
    return render(request, "network/too_many_attempts.html", status=429)


def _search_path(query: str) -> str:
    """Where "back to the search" goes: the search as posted when it is valid, else a new search."""
    try:
        normalised = normalised_query(query)
    except RefusedSearch:
        return "/search/"
    return f"/search/?{normalised}" if normalised else "/search/"


def _refused(request: HttpRequest, problems: list[str], query: str) -> HttpResponse:
    context = {"problems": problems, "back": _search_path(query)}
    return render(request, "network/saved_search_refused.html", context, status=400)


@require_POST
def save_search_view(request: HttpRequest) -> HttpResponse:
    """Save the search page's search for a verified member; anyone else is sent to sign in or confirm."""
    query = request.POST.get("query", "")
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': _search_path(query)})}")
    if not is_verified(request.user):
        messages.error(request, "Confirm your email address before you save searches.")
        return redirect("network_account")
    form = SaveSearchForm(request.POST)
    if not form.is_valid():
        problems = [f"{form.fields[name].label}: {errors[0]}" for name, errors in form.errors.items()]
        return _refused(request, problems, query)
    try:
        normalised = normalised_query(form.cleaned_data["query"])
        name = form.cleaned_data["name"].strip() or _default_name(normalised)
        saved = save_search(request.user, normalised, name, form.cleaned_data["frequency"])
    except RefusedSearch as refusal:
        return _refused(request, [str(refusal)], query)
    messages.success(
        request, f"Saved “{saved.name}”: you will get a {saved.frequency} email when there is something new."
    )
    return redirect(f"{reverse('network_account')}#saved-searches")


def _default_name(query: str) -> str:
    words = search_request_of(query).q
    return (words or "All new learning")[:100]


@login_required
@require_POST
def saved_search_frequency(request: HttpRequest, saved_id: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch, pk=saved_id, member=request.user)  # another member's: 404
    form = FrequencyForm(request.POST, prefix=f"s{saved.pk}")
    if not form.is_valid():
        return HttpResponseBadRequest("Choose daily or weekly.", content_type="text/plain; charset=utf-8")
    saved.frequency = form.cleaned_data["frequency"]
    saved.save(update_fields=["frequency"])
    messages.success(request, f"“{saved.name}” now comes {saved.frequency}.")
    return redirect(f"{reverse('network_account')}#saved-searches")


@login_required
@require_POST
def saved_search_delete(request: HttpRequest, saved_id: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch, pk=saved_id, member=request.user)
    saved.delete()
    messages.success(request, f"Deleted “{saved.name}”: no more digests for it.")
    return redirect(f"{reverse('network_account')}#saved-searches")


# The signed token is the authority here, not a session: RFC 8058's one-click POST comes from the mail
# provider without a CSRF token, and a forged cross-site POST would need the token it is meant to protect.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what the link is for and a button (mail scanners follow links); POST deletes the saved search."""
    saved = saved_search_for_token(token)
    if saved is None:
        return render(request, "network/unsubscribe.html", {}, status=404)
    if request.method == "POST":
        saved.delete()
        return render(request, "network/unsubscribe.html", {"done": True})
    return render(request, "network/unsubscribe.html", {"saved": saved})
