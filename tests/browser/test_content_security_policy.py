"""The production Content-Security-Policy in Chromium: the home page, a case study and the search page
load without a single violation, the design system and the search page's scripts still run, and the
Wagtail admin's page preview still shows in its frame under the admin's own policy.

The test settings leave the policy off (axe-core is injected inline elsewhere); it is on here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# Registered before any page script runs; Chromium fires this event for every refused load or execution.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def strict_policy(settings):
    settings.CONTENT_SECURITY_POLICY_ENABLED = True


def watch(tab) -> list[str]:
    """Violations as the console reports them (the page's own listener is read per page)."""
    console: list[str] = []
    tab.on(
        "console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None
    )
    tab.add_init_script(LISTEN)
    return console


def violations(tab) -> list[str]:
    return tab.evaluate("() => window.__violations")


def test_the_public_pages_run_under_the_production_policy(strict_policy, page, site):
    console = watch(page)
    for path in ("/", site.study.url, "/search/?q=rapid"):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        assert "script-src 'self';" in response.headers["content-security-policy"]
        expect(page.locator("body")).to_have_class(re.compile(r"\bjs-enabled nhsuk-frontend-supported\b"))
        expect(page.locator("header.nhsuk-header")).to_have_attribute("data-nhsuk-header-init", "")
        assert violations(page) == [], path

    # The search page's scripts: the autocomplete asks the API, and a facet updates the results in place.
    page.locator("#q").fill("")
    page.locator("#q").focus()
    page.keyboard.type("rapid")
    listbox = page.locator("#" + page.locator("#q").get_attribute("aria-controls"))
    expect(listbox.get_by_role("option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.evaluate("() => { window.sameDocument = true }")
    page.goto("/search/?q=care")
    page.evaluate("() => { window.sameDocument = true }")
    before = page.locator("#result-count").inner_text()
    facet = page.locator('details[data-facet="theme"]')
    if facet.get_attribute("open") is None:
        facet.locator("summary").first.click()
    page.locator("#f-theme-rapid-community-response").check()
    expect(page).to_have_url(re.compile(r"theme=rapid-community-response"))
    expect(page.locator("#result-count")).not_to_have_text(before)
    assert page.evaluate("() => window.sameDocument === true"), "the results updated in place, by script"

    assert violations(page) == []
    assert console == []

    # The watch does see a violation: an inline script served under the same policy is refused and reported.
    policy = page.goto("/").headers["content-security-policy"]
    page.route(
        "**/csp-probe/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body="<!DOCTYPE html><p>probe</p><script>document.title = 'ran'</script>",
        ),
    )
    page.goto("/csp-probe/")
    expect(page.locator("p")).to_have_text("probe")
    assert page.title() != "ran"
    assert violations(page) == ["script-src-elem inline"]
    assert any("inline script" in text for text in console), console


@pytest.fixture
def study_to_edit(site) -> int:
    """An editor's account (username `editor`) and the id of the case study they will preview."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    get_user_model().objects.create_superuser("editor", "editor@example.org", EDITOR_PASSWORD)
    return Page.objects.get(title=site.study.title).id


EDITOR_PASSWORD = "a-long-password-1"  # noqa: S105 - a test account


def test_the_admin_runs_under_its_own_policy_and_frames_the_page_preview(strict_policy, page, site, study_to_edit):
    """Wagtail renders a preview for the page's public address: it must still be allowed in the admin's frame."""
    console = watch(page)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    response = page.goto(f"/admin/pages/{study_to_edit}/edit/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    page.get_by_role("button", name=re.compile("Preview", re.I)).first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(site.study.title)
    assert violations(page) == []

    # Signed in, the public page carries Wagtail's user bar (its own scripts and styles): still nothing refused.
    page.goto(site.study.url)
    expect(page.locator("wagtail-userbar")).to_have_count(1)
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem").first).to_be_visible()
    assert violations(page) == []
    assert console == []
