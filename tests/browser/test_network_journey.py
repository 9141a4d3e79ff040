"""A commissioner from a virtual-network area, in Chromium: signs up, confirms the emailed link, signs in,
chooses the area, saves a search for information-sharing workarounds and records that the area reused one.
Every page on the way passes axe-core. The live server answers from this process, so the verification email
is read from Django's test outbox; the test body itself touches no database (see conftest.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.core import mail
from playwright.sync_api import expect

from casestudies.choices import ProgrammeStatus
from tests.browser.conftest import AXE_RULESETS, describe_violations, fresh_tab
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

    # The area's own page lists what it reused.
    panel.get_by_role("link", name=network_area).click()
    reuse = tab.locator("section.area-reuse")
    expect(reuse).to_contain_text(f"What {network_area} reused from others")
    expect(reuse.get_by_role("link", name=site.workaround.title)).to_be_visible()
    assert_accessible(tab)


@dataclass(frozen=True)
class Askers:
    area: str
    member_email: str
    author: str
    curator: str


@pytest.fixture
def askers(site, network_area) -> Askers:
    """A confirmed member for the network area, an author of the pioneer that wrote the workaround, a curator."""
    from django.contrib.auth import get_user_model

    from casestudies.models import PioneerPage
    from curation.roles import curators_group, ensure_authors
    from tests.network.conftest import make_member

    dorset = PioneerPage.objects.get(title=network_area)
    make_member(EMAIL, area=dorset)
    users = get_user_model().objects
    author = users.create_user("greenwich-author", "author@greenwich.example.org", PASSWORD)
    author.groups.add(ensure_authors(PioneerPage.objects.get(title=site.pioneer.title)))
    curator = users.create_user("exchange-curator", "curator@exchange.example.org", PASSWORD)
    curator.groups.add(curators_group())
    return Askers(network_area, EMAIL, author.username, curator.username)


def assert_accessible_within(tab, selector: str, axe_script) -> None:
    """axe-core on the elements the portal itself renders inside an admin page."""
    tab.add_script_tag(path=str(axe_script))
    violations = tab.evaluate(
        "async ([selector, tags]) => (await axe.run(selector, {runOnly: {type: 'tag', values: tags}})).violations",
        [selector, AXE_RULESETS],
    )
    assert not violations, describe_violations(tab.url, violations)


def admin_sign_in(tab, username: str) -> None:
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))


def test_a_question_reaches_the_author_and_shows_only_once_a_curator_publishes_it(
    browser, live_server, site, askers, assert_accessible, axe_script
):
    question = "How long did the partners take to sign the single agreement?"
    answer = "About four months: the council's lawyers went first, and the trusts signed the same text."
    mail.outbox.clear()

    # The member asks, signed in on the public site.
    with fresh_tab(browser, live_server.url) as tab:
        tab.goto(f"/account/login/?next={site.workaround.url}")
        tab.get_by_label("Email").fill(askers.member_email)
        tab.get_by_label("Password").fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        expect(tab).to_have_url(re.compile(re.escape(site.workaround.url) + "$"))
        panel = tab.locator("#questions")
        expect(panel).to_contain_text("No questions about this have been published yet")
        assert_accessible(tab)
        panel.get_by_role("button", name="Send your question").click()  # empty: an error, and nothing sent
        expect(tab.locator(".nhsuk-error-summary")).to_be_visible()
        assert_accessible(tab)
        tab.locator("#question-text").fill(question)
        tab.get_by_role("button", name="Send your question").click()
        expect(tab).to_have_url(re.compile(r"/account/#questions$"))
        asked = tab.locator(".member-question")
        expect(asked).to_contain_text(question)
        expect(asked).to_contain_text("Waiting for an answer")
        assert_accessible(tab)
    assert [message.to for message in mail.outbox] == [["author@greenwich.example.org"]]

    # Before a curator publishes it, nobody else sees it.
    with fresh_tab(browser, live_server.url) as public:
        public.goto(site.workaround.url)
        expect(public.locator("#questions")).not_to_contain_text(question)

    # The pioneer's author answers in the admin.
    with fresh_tab(browser, live_server.url) as tab:
        admin_sign_in(tab, askers.author)
        tab.get_by_role("link", name="Questions").first.click()
        entry = tab.locator("article.network-question").filter(has_text=question)
        expect(entry).to_contain_text(askers.area)
        assert askers.member_email not in tab.content()  # authors see the area, never the member
        assert_accessible_within(tab, "article.network-question", axe_script)  # Wagtail's chrome is Wagtail's
        entry.get_by_label(re.compile("answer", re.I)).fill(answer)
        entry.get_by_role("button", name="Answer").click()
        expect(tab.locator("article.network-question").filter(has_text=question)).to_contain_text("not published")
        expect(tab.get_by_role("button", name=re.compile("Publish under the page"))).to_have_count(0)  # authors do not

    # A curator publishes the exchange; the public page shows it, with the area's name and not the member's.
    with fresh_tab(browser, live_server.url) as tab:
        admin_sign_in(tab, askers.curator)
        tab.goto("/admin/network/questions/")
        entry = tab.locator("article.network-question").filter(has_text=question)
        entry.get_by_role("button", name=re.compile("Publish under the page")).click()
        expect(tab.locator("article.network-question").filter(has_text=question)).to_contain_text("published")
        tab.goto("/admin/network/reuse/")  # the reuse report's summary of what travels, checked by axe-core
        expect(tab.get_by_role("heading", name="What travels")).to_be_visible()
        assert_accessible_within(tab, ".reuse-travel", axe_script)
    with fresh_tab(browser, live_server.url) as public:
        public.goto(site.workaround.url)
        exchange = public.locator("#questions .question-exchange")
        expect(exchange).to_have_count(1)
        expect(exchange).to_contain_text(question)
        expect(exchange).to_contain_text(answer)
        expect(exchange).to_contain_text(f"Question from {askers.area}")
        assert askers.member_email not in public.content()
        assert_accessible(public)
