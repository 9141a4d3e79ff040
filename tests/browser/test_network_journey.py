"""A commissioner from a virtual-network area, in Chromium: signs up, confirms the emailed link, signs in,
chooses the area, saves a search for information-sharing workarounds and records that the area reused one.
Every page on the way passes axe-core. The live server answers from this process, so the verification email
is read from Django's test outbox; the test body itself touches no database (see conftest.py)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casestudies.choices import ProgrammeStatus
from tests.factories import make_pioneer

EMAIL = "sam.jones@dorset.example.org"
PASSWORD = "a-long-and-unusual-passphrase-42"
CONFIRM_LINK = re.compile(r"https?://[^\s]+(/account/confirm-email/[^\s/]+/)")


@pytest.fixture
def network_area(site, settings) -> str:
    """A virtual-network area beside the site's two pioneers; the live server on the database engine."""
    settings.ELASTICSEARCH_URL = ""
    return make_pioneer("Dorset", region="south", status=ProgrammeStatus.VIRTUAL_NETWORK).title


def confirmation_path() -> str:
    assert mail.outbox, "no verification email was sent"
    found = CONFIRM_LINK.search(mail.outbox[-1].body)
    assert found, f"no confirmation link in the email:\n{mail.outbox[-1].body}"
    return found.group(1)


def test_a_commissioner_signs_up_saves_a_search_and_records_reuse(page, site, network_area, assert_accessible):
    tab = page
    mail.outbox.clear()

    # Sign up: a verification email, and no way in until it is confirmed.
    tab.goto("/account/signup/")
    tab.get_by_label("Email").fill(EMAIL)
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_label("Password (again)").fill(PASSWORD)
    tab.get_by_role("button", name="Create account").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Check your email")
    assert_accessible(tab)
    assert mail.outbox[-1].to == [EMAIL]

    tab.goto(confirmation_path())
    assert_accessible(tab)
    tab.get_by_role("button", name="Confirm").click()
    tab.wait_for_load_state()

    # Confirming signs the member in (same browser); "Your account" asks for the area.
    tab.goto("/account/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Your account")
    tab.get_by_label("Your area").select_option(label=network_area)
    tab.get_by_role("button", name="Save your area").click()
    expect(tab.locator(".nhsuk-summary-list")).to_contain_text(network_area)
    assert_accessible(tab)

    # Save a search for information-sharing workarounds, daily.
    tab.goto("/search/?q=data+sharing+agreement&type=workaround")
    expect(tab.get_by_role("link", name=site.workaround.title)).to_be_visible()
    panel = tab.locator("#save-search")
    panel.get_by_label("Name").fill("Information sharing workarounds")
    panel.get_by_label("Email me new matches").select_option("daily")
    panel.get_by_role("button", name="Save this search").click()
    tab.wait_for_load_state()
    tab.goto("/account/#saved-searches")
    saved = tab.locator(".saved-search")
    expect(saved).to_have_count(1)
    expect(saved.get_by_role("link", name="Information sharing workarounds")).to_be_visible()
    assert_accessible(tab)
    saved.get_by_role("link", name="Information sharing workarounds").click()
    expect(tab.get_by_role("link", name=site.workaround.title)).to_be_visible()  # the saved search runs again

    # Record that the area reused the workaround: the page counts it, with the area's name and not the member's.
    tab.goto(site.workaround.url)
    panel = tab.locator("#reuse")
    panel.get_by_label("How did it go? (optional)").fill("We used the single agreement with our three partners.")
    panel.get_by_role("button", name="We reused this").click()
    tab.wait_for_load_state()
    tab.goto(site.workaround.url)
    panel = tab.locator("#reuse")
    expect(panel).to_contain_text("Reused by 1 area")
    expect(panel.get_by_role("link", name=network_area)).to_be_visible()
    assert EMAIL not in tab.content()
    assert_accessible(tab)
