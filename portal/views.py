"""Site-wide pages that are not Wagtail pages: the footer's information pages."""

from django.conf import settings
from django.views.generic import TemplateView


class InfoPageView(TemplateView):
    """Accessibility statement, contact, privacy, cookies: fixed text, with the exchange team's address
    and the cookie names as configured."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact_email=settings.CONTACT_EMAIL,
            session_cookie_name=settings.SESSION_COOKIE_NAME,
            csrf_cookie_name=settings.CSRF_COOKIE_NAME,
            **kwargs,
        )
