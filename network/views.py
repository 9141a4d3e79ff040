"""The member's pages: "Your account" (area, deletion) and the "We reused this" form's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from .forms import AreaForm, DeleteAccountForm, ReuseForm
from .membership import Standing, delete_member, is_verified, set_area, standing_of
from .reuse import is_own_work, record_reuse, reusable_page, withdraw_reuse


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
            set_area(request.user, form.cleaned_data["area"])
            messages.success(request, f"You are now a member for {form.cleaned_data['area'].title}.")
            return redirect("network_account")
    status = 400 if form.errors else 200
    context = {"form": form, "member": member}
    return render(request, "network/account.html", context, status=status)


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
    if member.standing is Standing.SIGNED_OUT:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    if member.standing is not Standing.READY:
        if member.standing is Standing.UNVERIFIED:
            messages.error(request, "Confirm your email address, then choose your area, to record reuse.")
        else:
            messages.error(request, "Choose your area first: reuse is recorded for an area.")
        return redirect("network_account")
    if is_own_work(member.area, page):
        message = f"This is {member.area.title}'s own work: record reuse of other areas' work."
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")  # a title is not HTML
    # Success goes back to the page, whose panel shows the area's record as it now is. No flash message:
    # public pages show none, so that nothing queued by the admin (a draft's title) ever appears on them.
    if request.POST.get("action") == "withdraw":
        withdraw_reuse(member.area, page)
        return redirect(back)
    form = ReuseForm(request.POST)
    if not form.is_valid():
        context = {"page": page, "form": form, "area": member.area}
        return render(request, "network/reuse_refused.html", context, status=400)
    record_reuse(member.area, page, request.user, form.cleaned_data["note"])
    return redirect(back)
