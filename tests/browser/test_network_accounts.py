"""The sign-up and sign-in pages in Chromium: no axe-core problem, empty or showing errors; the honeypot
field out of sight and out of the tab order."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from .conftest import fresh_tab


@pytest.fixture
def blank_tab(browser, live_server, transactional_db):
    """A tab on a live server with no content: the account pages need none."""
    cache.clear()
    with fresh_tab(browser, live_server.url) as tab:
        yield tab


def test_sign_up_and_sign_in_are_accessible_with_and_without_errors(blank_tab, assert_accessible):
    tab = blank_tab
    response = tab.goto("/account/signup/")
    assert response is not None and response.status == 200
    assert_accessible(tab)
    assert not tab.locator("#id_website").is_visible()  # the honeypot

    tab.get_by_label("Email").fill("sam@dorset.example.org")
    tab.get_by_label("Password", exact=True).fill("a-long-and-unusual-passphrase-42")
    tab.get_by_label("Password (again)").fill("a-different-passphrase-42")
    tab.get_by_role("button", name="Create account").click()
    summary = tab.locator(".nhsuk-error-summary")
    summary.wait_for()  # the form posts and the answer loads: wait for it, not a fixed time
    assert "same password" in summary.inner_text()
    assert_accessible(tab)  # the error summary, the error message and the field's error state

    tab.goto("/account/login/")
    assert_accessible(tab)
    tab.get_by_role("button", name="Sign in").click()
    tab.locator(".nhsuk-error-summary").wait_for()
    assert_accessible(tab)
