"""Where a form on a page sends someone who cannot use it yet: signed out, to sign in and back to the page;
signed in without a confirmed address or an area, to "Your account" with the step they have left."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .membership import Member, Standing


def next_step(request: HttpRequest, member: Member, page, purpose: str) -> HttpResponse | None:
    """None for a member ready to act; otherwise the redirect to their next step. `purpose` ends the advice:
    "to ask a question"."""
    if member.standing is Standing.READY:
        return None
    if member.standing is Standing.SIGNED_OUT:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    if member.standing is Standing.UNVERIFIED:
        messages.error(request, f"Confirm your email address, then choose your area, {purpose}.")
    else:
        messages.error(request, f"Choose your area first, {purpose}.")
    return redirect("network_account")
