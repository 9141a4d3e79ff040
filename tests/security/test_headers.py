"""Security headers (portal/security/headers.py and Django's own): the Content-Security-Policy allows no
inline script or style on the public pages, and no template or rendered page needs one; the admin gets
its own laxer policy; nosniff, Referrer-Policy and framing rules on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from portal.security.headers import header_value

REPO = Path(settings.BASE_DIR)
TEMPLATE_FOLDERS = sorted(
    path for path in REPO.glob("*/**/templates") if not {"node_modules", ".venv"} & set(path.relative_to(REPO).parts)
)
# The admin's templates are served under /admin/, with the admin's policy (inline styles allowed).
ADMIN_TEMPLATE = re.compile(r"""\{%\s*extends\s+["']wagtailadmin/""")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"""<[^>]*\son[a-z]+\s*=""", re.IGNORECASE)
STYLE = re.compile(r"""<style\b|<[^>]*\sstyle\s*=""", re.IGNORECASE)


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def csp_on(settings):
    settings.CONTENT_SECURITY_POLICY_ENABLED = True


def public_templates() -> list[Path]:
    templates = [path for folder in TEMPLATE_FOLDERS for path in folder.rglob("*.html")]
    return [path for path in templates if not ADMIN_TEMPLATE.search(path.read_text())]


def test_the_template_scan_finds_the_templates():
    names = {path.name for path in public_templates()}
    assert {"base.html", "search_page.html", "429.html"} <= names, names
    assert len(names) > 30


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, EVENT_ATTRIBUTE, STYLE], ids=["script", "on-attribute", "style"])
def test_no_public_template_has_inline_script_or_style(pattern):
    found = [
        f"{path.relative_to(REPO)}: {match.group(0)[:80]}"
        for path in public_templates()
        for match in pattern.finditer(path.read_text())
    ]
    assert not found, "\n".join(found)


def test_the_scan_would_catch_each_kind():
    """The patterns above do match what they look for (else the scan proves nothing)."""
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')
    assert EVENT_ATTRIBUTE.search('<a href="#" onclick="go()">')
    assert STYLE.search('<p style="color: red">') and STYLE.search("<style>p {}</style>")


def rendered_problems(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    problems = [f"inline script: {tag}"[:120] for tag in soup.find_all("script") if not tag.get("src")]
    problems += [f"<style>: {tag}"[:120] for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        problems += [f"{tag.name}[{name}]" for name in tag.attrs if name == "style" or name.startswith("on")]
    return problems


@pytest.mark.parametrize("path", ["/search/?q=care", "/no-such-page/", "/api/", "/accessibility/"])
def test_public_pages_are_served_with_the_strict_policy_and_need_nothing_it_refuses(client, db, csp_on, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert rendered_problems(response.content.decode()) == []
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_429_page_is_served_with_the_strict_policy_too(client, csp_on, rate_limit):
    rate_limit(1)
    client.get("/search/", REMOTE_ADDR="10.7.7.7")
    refused = client.get("/search/", REMOTE_ADDR="10.7.7.7")
    assert refused.status_code == 429
    assert directives(refused["Content-Security-Policy"])["script-src"] == ["'self'"]
    assert rendered_problems(refused.content.decode()) == []


def test_the_admin_has_its_own_policy_that_lets_it_frame_its_previews(client, db, csp_on):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin runs inline scripts
    assert policy["frame-ancestors"] == ["'self'"]  # the editor frames its page preview, same origin
    assert policy["frame-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_the_page_preview_may_be_framed_by_the_admin_only(admin_client, db, csp_on):
    from wagtail.models import Page

    home = Page.objects.filter(depth=2).first()
    response = admin_client.get(f"/admin/pages/{home.id}/edit/preview/?mode=")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_a_preview_rendered_for_a_public_address_gets_the_admins_policy(rf, csp_on):
    """Wagtail previews a page through the middleware with a made-up request for its public address; the
    answer is shown in the admin's frame, so frame-ancestors 'none' would blank it (tests/browser checks it)."""
    from django.http import HttpResponse

    from portal.security.headers import ContentSecurityPolicyMiddleware

    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    preview = rf.get("/pioneers/greenwich/")
    preview.is_dummy = True
    assert directives(middleware(preview)["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    public = rf.get("/pioneers/greenwich/")
    assert directives(middleware(public)["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_a_response_with_its_own_policy_keeps_it(rf, settings, csp_on):
    from django.http import HttpResponse

    from portal.security.headers import ContentSecurityPolicyMiddleware

    def view(request):
        response = HttpResponse()
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    assert ContentSecurityPolicyMiddleware(view)(rf.get("/"))["Content-Security-Policy"] == "default-src 'none'"


def test_the_policy_is_written_in_declared_order():
    policy = {"default-src": ["'self'"], "font-src": ["'self'", "https://assets.nhs.uk"]}
    assert header_value(policy) == "default-src 'self'; font-src 'self' https://assets.nhs.uk"


def test_the_test_settings_leave_the_policy_off(client, db, settings):
    """Browser tests inject axe-core inline; tests that want the policy turn it on (tests/browser has one)."""
    assert settings.CONTENT_SECURITY_POLICY_ENABLED is False
    assert "Content-Security-Policy" not in client.get("/search/")
