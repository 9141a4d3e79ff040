"""The theme page and the barrier-category page (the barrier register for one category)."""

from __future__ import annotations

import html

import pytest
from pytest_django.asserts import assertTemplateUsed

from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import BarrierCategory, SlugRedirect, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(greenwich):
    leeds = make_pioneer("Leeds", region="north")
    study = make_case_study(greenwich, "Rapid response within 24 hours", themes=("rapid-community-response",))
    other = make_case_study(leeds, "Neighbourhood teams", themes=("rapid-community-response", "pooled-budgets"))
    untagged = make_case_study(leeds, "Patients online", themes=("digital-access-for-patients",))
    record = make_barrier(study, "No shared record", category="information-governance", status="escalated")
    consent = make_barrier(other, "Consent forms differ", category="information-governance", status="overcome")
    systems = make_barrier(untagged, "Two IT systems", category="it-systems")
    viewer = make_workaround(study, [record], "A read-only record viewer", effectiveness="partly-worked")
    return locals()


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    return html.unescape(response.content.decode())


def test_a_theme_page_lists_the_published_case_studies_with_that_theme(client, site):
    response = client.get("/themes/rapid-community-response/")
    assertTemplateUsed(response, "casestudies/theme_page.html")
    content = html.unescape(response.content.decode())
    assert "<h1>Rapid community response</h1>" in content
    assert f'<a class="nhsuk-card__link" href="{site["study"].url}">Rapid response within 24 hours</a>' in content
    assert f'<a class="nhsuk-card__link" href="{site["other"].url}">Neighbourhood teams</a>' in content
    assert "Patients online" not in content
    assert "2 published case studies on this theme" in content
    assert 'href="/search/?theme=rapid-community-response"' in content
    assert "Greenwich · " in content  # who did it, on each card


def test_a_barrier_category_page_is_the_register_for_that_category(client, site):
    response = client.get("/barriers/information-governance/")
    assertTemplateUsed(response, "casestudies/barrier_category_page.html")
    content = html.unescape(response.content.decode())
    assert "<h1>Information governance and data sharing</h1>" in content
    assert "2 published barriers in this category" in content
    assert "Two IT systems" not in content
    record = content[content.index("No shared record") : content.index("</section>", content.index("No shared record"))]
    # Its status as a tag with words, who met it, and the workaround that got past it.
    assert '<strong class="nhsuk-tag nhsuk-tag--red">Escalated nationally</strong>' in record
    assert f'<a href="{site["greenwich"].url}">Greenwich</a>' in record
    assert f'<a href="{site["study"].url}">Rapid response within 24 hours</a>' in record
    assert f'<a href="{site["viewer"].url}">A read-only record viewer</a>' in record
    assert '<strong class="nhsuk-tag nhsuk-tag--yellow">Partly worked</strong>' in record
    consent = content[content.index("Consent forms differ") :]
    assert "None recorded yet" in consent[: consent.index("</section>")]
    assert f'<a href="{site["leeds"].url}">Leeds</a>' in consent
    assert 'href="/search/?type=barrier&barrier_category=information-governance"' in content


def test_neither_page_shows_drafts_unpublished_pages_or_what_lies_below_them(client, site):
    make_case_study(site["greenwich"], "Secret draft response", themes=("rapid-community-response",), live=False)
    with committed():
        site["viewer"].unpublish()
        site["leeds"].unpublish()  # its pages stay live in Wagtail, but lie below an unpublished one
    theme = text_of(client, "/themes/rapid-community-response/")
    assert "Secret draft response" not in theme and "Neighbourhood teams" not in theme
    assert "1 published case study on this theme" in theme
    category = text_of(client, "/barriers/information-governance/")
    assert "A read-only record viewer" not in category and "Consent forms differ" not in category
    assert "1 published barrier in this category" in category


def test_barrier_permalinks_still_go_to_the_barrier(client, site):
    response = client.get(f"/barriers/{site['record'].pk}/")
    assert response.status_code == 302 and response["Location"] == site["record"].url


@pytest.mark.parametrize("url", ["/themes/no-such-theme/", "/barriers/no-such-category/", "/themes/Bad%20slug/"])
def test_unknown_terms_are_404(client, site, url):
    response = client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("model", "old", "new", "prefix"),
    [
        (Theme, "rapid-response", "rapid-community-response", "/themes/"),
        (BarrierCategory, "ig", "information-governance", "/barriers/"),
    ],
)
def test_a_renamed_or_merged_terms_old_slug_redirects(client, site, model, old, new, prefix):
    SlugRedirect.point(model.kind, old, new)
    response = client.get(f"{prefix}{old}/")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}{new}/"
    assert client.get(response["Location"]).status_code == 200


def test_renaming_a_term_keeps_its_old_page_address_working(client, site):
    theme = Theme.objects.get(slug="pooled-budgets")
    theme.slug = "pooled-funding"
    theme.save()
    response = client.get("/themes/pooled-budgets/")
    assert (response.status_code, response["Location"]) == (301, "/themes/pooled-funding/")


def test_a_term_with_nothing_published_has_a_page_that_says_so(client, site):
    assert "No case study on this theme has been published yet." in text_of(client, "/themes/seven-day-services/")
    assert "No barrier in this category has been published yet." in text_of(client, "/barriers/estates/")


def test_the_sitemap_lists_theme_and_category_pages_with_published_content(client, site):
    content = client.get("/sitemap.xml").content.decode()
    for path in [
        "/themes/rapid-community-response/",
        "/themes/pooled-budgets/",
        "/barriers/information-governance/",
        "/barriers/it-systems/",
    ]:
        assert f"<loc>http://localhost{path}</loc>" in content
    assert "/themes/seven-day-services/" not in content
    assert "/barriers/estates/" not in content
