"""Site-wide pages that are not Wagtail pages: the footer's information pages, robots.txt, /favicon.ico."""

from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView


class InfoPageView(TemplateView):
    """Accessibility statement, contact, privacy, cookies: fixed text, with the exchange team's address
    and the cookie names as configured."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact_email=settings.CONTACT_EMAIL,
            session_cookie_name=settings.SESSION_COOKIE_NAME,
            csrf_cookie_name=settings.CSRF_COOKIE_NAME,
            search_log_retention_days=settings.SEARCH_LOG_RETENTION_DAYS,
            **kwargs,
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers and crawlers that ask for /favicon.ico get the design system's, under its hashed name."""
    return redirect(static("nhsuk/assets/images/favicon.ico"))
