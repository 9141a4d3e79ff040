"""The Content-Security-Policy header: the policies are declared in settings, this only sends them.

Django 5.2 has no CSP of its own (its SecurityMiddleware sends HSTS, nosniff,
Referrer-Policy and Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends
X-Frame-Options). The public site runs no inline script and sets no inline style,
so its policy allows scripts and styles from this origin only. The Wagtail admin
runs inline scripts and styles of its own: it gets CONTENT_SECURITY_POLICY_ADMIN,
laxer, rather than breaking. So do the page previews it frames: Wagtail renders
them through the whole middleware stack with a made-up request for the page's
public address (marked `is_dummy`), whose answer the admin shows in its frame.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def header_value(policy: dict[str, list[str]]) -> str:
    """A policy as the header writes it: `directive source source; directive ...`, in declared order."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


def policy_for(request: HttpRequest) -> dict[str, list[str]]:
    if request.path.startswith(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX) or getattr(request, "is_dummy", False):
        return settings.CONTENT_SECURITY_POLICY_ADMIN
    return settings.CONTENT_SECURITY_POLICY


class ContentSecurityPolicyMiddleware:
    """Adds the policy for the request's path to every response that has none of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY_ENABLED and HEADER not in response:
            response[HEADER] = header_value(policy_for(request))
        return response
