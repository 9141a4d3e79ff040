"""The 404 and 500 pages are the design system's page shell, and the 500 page renders even when the
database and every context processor are out of action."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory, override_settings
from django.views.defaults import server_error

SHELL = ['<header class="nhsuk-header"', '<main class="nhsuk-main-wrapper" id="main">', '<footer class="nhsuk-footer"']


def failing_context_processor(request):
    raise RuntimeError("a context processor that fails")


@pytest.mark.django_db
def test_the_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    for part in SHELL:
        assert part in content
    assert "<title>Page not found – Pioneer Exchange</title>" in content
    assert "<h1>Page not found</h1>" in content
    assert 'aria-label="Breadcrumb"' not in content
    assert "Traceback" not in content


def test_the_500_page_needs_no_database_request_or_context():
    """Django renders 500.html with no request and no context processors; here the database is blocked too."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    content = response.content.decode()
    for part in SHELL:
        assert part in content
    assert "<title>Sorry, there is a problem with the service – Pioneer Exchange</title>" in content
    assert "<h1>Sorry, there is a problem with the service</h1>" in content
    assert 'href="/accessibility/"' in content  # the footer is whole


@override_settings(ROOT_URLCONF="tests.pages.failing_urls")
def test_a_failing_view_gets_the_500_page_even_when_context_processors_fail(settings):
    templates = [dict(engine, OPTIONS=dict(engine["OPTIONS"])) for engine in settings.TEMPLATES]
    templates[0]["OPTIONS"]["context_processors"] = [
        *templates[0]["OPTIONS"]["context_processors"],
        "tests.pages.test_error_pages.failing_context_processor",
    ]
    settings.TEMPLATES = templates
    client = Client(raise_request_exception=False)
    response = client.get("/fail/")
    assert response.status_code == 500
    assert "<h1>Sorry, there is a problem with the service</h1>" in response.content.decode()
