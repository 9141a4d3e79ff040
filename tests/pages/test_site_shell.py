"""The shell every public page shares: the design system's header (service name, search, navigation
with the current section), footer links to the four information pages, titles and descriptions; and
those pages themselves, including a cookies page that matches what the site really sets."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache

from casestudies.site_structure import ensure_site_structure
from curation.guides.models import Guide, GuideItem
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

pytestmark = pytest.mark.django_db

INFO_PAGES = {
    "/accessibility/": "Accessibility statement for Pioneer Exchange",
    "/contact/": "Contact us",
    "/privacy/": "Privacy",
    "/cookies/": "Cookies",
}
TITLE = re.compile(r"<title>([^<]*)</title>")
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
NAVIGATION = re.compile(r'<nav class="nhsuk-header__navigation" aria-label="Menu">(.*?)</nav>', re.S)


@pytest.fixture
def site():
    cache.clear()
    ensure_site_structure()
    pioneer = make_pioneer("Shell Sheffield", plan_summary="One team for hospital discharge across the city.")
    study = make_case_study(pioneer, "Home from hospital in a day", summary="A discharge team that meets people.")
    barrier = make_barrier(study, "No shared discharge record", description="Each **partner** kept its own.")
    workaround = make_workaround(study, [barrier], "A shared discharge summary")
    guide = Guide(title="Getting people home", slug="getting-home", introduction="Read these *first*.", live=True)
    guide.items = [GuideItem(page=study)]
    guide.save()
    return {"pioneer": pioneer, "study": study, "barrier": barrier, "workaround": workaround}


def public_urls(site) -> list[str]:
    return [
        "/",
        "/pioneers/",
        *(site[key].url for key in ("pioneer", "study", "barrier", "workaround")),
        "/search/",
        "/search/?q=discharge",
        "/guides/",
        "/guides/getting-home/",
        *INFO_PAGES,
    ]


def current_links(content: str) -> list[tuple[str, str]]:
    navigation = NAVIGATION.search(content).group(1)
    return re.findall(r'href="([^"]*)" aria-current="([^"]*)"', navigation)


def test_every_public_page_has_the_header_footer_title_and_description(client, site):
    for url in public_urls(site):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert content.count('<header class="nhsuk-header"') == 1, url
        assert 'href="/" aria-label="NHS Pioneer Exchange homepage"' in content, url
        assert '<span class="nhsuk-header__service-name">Pioneer Exchange</span>' in content, url
        # The search box: a labelled GET form to /search/, so it works without JavaScript. The search
        # page has its own box instead of the header's (two filled boxes confused people).
        if url.startswith("/search/"):
            assert 'id="search-field"' not in content, url
            assert content.count('name="q" type="search"') == 1, url
            assert '<label class="nhsuk-label" for="q">' in content, url
        else:
            assert '<form class="nhsuk-header__search-form" id="search" action="/search/" method="get"' in content, url
            assert '<label class="nhsuk-label nhsuk-u-visually-hidden" for="search-field">' in content, url
            assert 'id="search-field" name="q" type="search"' in content, url
        footer = content[content.index('<footer class="nhsuk-footer"') :]
        for info_url in INFO_PAGES:
            assert f'href="{info_url}"' in footer, (url, info_url)
        title = TITLE.search(content).group(1)
        assert title.endswith("Pioneer Exchange") or title.startswith("Pioneer Exchange:"), (url, title)
        assert not title.startswith(" –"), (url, title)
        description = DESCRIPTION.search(content).group(1)
        assert len(description) > 10, (url, description)


def test_pages_describe_themselves(client, site):
    def description(url: str) -> str:
        return DESCRIPTION.search(client.get(url).content.decode()).group(1)

    assert description(site["pioneer"].url) == "One team for hospital discharge across the city."
    assert description(site["study"].url) == "A discharge team that meets people."
    assert description(site["barrier"].url) == "Each partner kept its own."  # Markdown as plain text
    assert description("/guides/getting-home/") == "Read these first."


def test_an_editors_search_description_wins(client, site):
    study = site["study"]
    study.search_description = "Written for search engines."
    study.save_revision().publish()
    assert 'content="Written for search engines."' in client.get(study.url).content.decode()


def test_a_long_text_is_cut_at_a_word_for_the_description(client, site):
    study = site["study"]
    study.summary = "word " * 55 + "lastword"
    study.save_revision().publish()
    text = DESCRIPTION.search(client.get(study.url).content.decode()).group(1)
    assert len(text) <= 160 and text.endswith("word…")


def test_navigation_marks_the_current_section(client, site):
    assert current_links(client.get("/").content.decode()) == []
    assert current_links(client.get("/pioneers/").content.decode()) == [("/pioneers/", "page")]
    assert current_links(client.get(site["barrier"].url).content.decode()) == [("/pioneers/", "true")]
    assert current_links(client.get("/guides/getting-home/").content.decode()) == [("/guides/", "true")]
    assert current_links(client.get("/search/?q=x").content.decode()) == [("/search/", "page")]


def test_guides_have_breadcrumbs(client, site):
    content = client.get("/guides/getting-home/").content.decode()
    trail = re.findall(r'<a class="nhsuk-breadcrumb__link" href="([^"]*)">([^<]*)</a>', content)
    assert trail == [("/", "Home"), ("/guides/", "Guides")]


@pytest.mark.parametrize(("url", "heading"), INFO_PAGES.items())
def test_information_pages(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert re.findall(r'<a class="nhsuk-breadcrumb__link" href="([^"]*)">', content) == ["/"]


def test_contact_details_come_from_the_environment(client, settings):
    settings.CONTACT_EMAIL = "exchange-team@nhs.example"
    for url in ["/contact/", "/accessibility/", "/privacy/"]:
        assert 'href="mailto:exchange-team@nhs.example"' in client.get(url).content.decode(), url


def test_public_pages_set_no_cookies(client, site):
    """What the cookies page promises: reading the exchange sets nothing."""
    for url in [*public_urls(site), "/no-such-page/", "/sitemap.xml", "/robots.txt"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert dict(response.cookies) == {}, f"{url} set {list(response.cookies)}"
    assert client.cookies == {}


def test_the_cookies_page_names_the_cookies_signing_in_sets(client, site):
    """Signing in to the editing area sets the session and CSRF cookies, as the cookies page lists."""
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct-horse-battery")
    login_form = client.get("/admin/login/")
    response = client.post(
        "/admin/login/",
        {
            "username": "editor",
            "password": "correct-horse-battery",
            "csrfmiddlewaretoken": login_form.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302
    set_cookies = set(login_form.cookies) | set(response.cookies)
    assert set_cookies == {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    page = client.get("/cookies/").content.decode()
    for name in [*set_cookies, "messages", "wagtail_sidebar_collapsed"]:
        assert f'<td class="nhsuk-table__cell">{name}</td>' in page, name


def test_the_privacy_notice_tells_the_truth_about_search_records(client, settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 90
    text = client.get("/privacy/").content.decode()
    assert "records each search" in text and "They are deleted after 90 days." in text
    assert "no IP address, no cookie and no account" in text
