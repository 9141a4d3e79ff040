"""What each content page offers a commissioner: the home page's ways in, a pioneer's contact and barriers,
which workaround got past which barrier, and a workaround's date and contact."""

from __future__ import annotations

import html
from datetime import date

import pytest

from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround

from .markup import card_links, facts, section, tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(greenwich):
    leeds = make_pioneer("Leeds", region="north", status="under-review")
    wigan = make_pioneer("Wigan", region="north", status="virtual-network")
    study = make_case_study(
        greenwich,
        "Rapid response within 24 hours",
        themes=("rapid-community-response", "multidisciplinary-teams"),
        published=date(2015, 6, 1),
        contact_name="Programme office",
        contact_role="Greenwich pioneer",
        contact_email="greenwich@example.org",
    )
    other = make_case_study(
        leeds, "Neighbourhood teams", themes=("multidisciplinary-teams",), published=date(2016, 3, 1)
    )
    records = make_barrier(study, "No shared record", category="information-governance", status="overcome")
    contracts = make_barrier(study, "One-year contracts", category="contract-length", status="escalated")
    forms = make_barrier(study, "Two assessment forms", category="information-governance")
    viewer = make_workaround(study, [records, contracts], "A record viewer", effectiveness="worked-well")
    pooled = make_workaround(study, [contracts], "A pooled budget", effectiveness="too-early")
    make_barrier(other, "Consent", category="information-governance")
    return locals()


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    return response.content.decode()


# --- home -----------------------------------------------------------------------------------------


def test_home_browses_by_theme_with_counts_of_published_case_studies(client, site):
    make_case_study(site["leeds"], "A draft", themes=("multidisciplinary-teams", "pooled-budgets"), live=False)
    themes = section(page_text(client, "/"), '<h2 id="themes">', "</ul>")
    assert card_links(themes) == [
        ("/themes/multidisciplinary-teams/", "Multidisciplinary teams"),
        ("/themes/rapid-community-response/", "Rapid community response"),
    ]  # in the curators' order, only themes with something published
    assert "2 case studies" in themes and "1 case study" in themes
    assert "Pooled budgets" not in themes


def test_home_browses_barriers_by_category_with_counts(client, site):
    categories = section(page_text(client, "/"), '<h2 id="barriers">', "</ul>")
    assert card_links(categories) == [
        ("/barriers/information-governance/", "Information governance and data sharing"),
        ("/barriers/contract-length/", "Contract length and commissioning cycles"),
    ]
    assert "3 barriers" in categories and "1 barrier<" in categories


def test_home_lists_the_pioneers_and_the_network_areas_apart(client, site):
    areas = section(page_text(client, "/"), '<h2 id="pioneers">', "Browse all pioneers")
    pioneers, network = areas.split("Virtual network areas")
    assert "The 2 integrated care pioneers" in pioneers
    assert f'<a href="{site["greenwich"].url}">Greenwich</a>' in pioneers
    assert f'<a href="{site["leeds"].url}">Leeds</a>' in pioneers
    assert "Pioneer, under review" in pioneers  # a pioneer still, its status said in words
    assert "Wigan" not in pioneers
    assert f'<a href="{site["wigan"].url}">Wigan</a>' in network


def test_home_shows_the_latest_case_studies_with_their_pioneer(client, site):
    latest = section(page_text(client, "/"), '<h2 id="latest">', "</ul>")
    assert card_links(latest) == [
        (site["other"].url, "Neighbourhood teams"),
        (site["study"].url, "Rapid response within 24 hours"),
    ]
    assert "Leeds · " in latest and "Greenwich · " in latest


def test_home_has_one_prominent_search_box(client, site):
    content = page_text(client, "/")
    home_search = section(content, '<search class="home-search"', "</search>")
    assert 'action="/search/"' in home_search
    assert '<input class="nhsuk-input nhsuk-input--large nhsuk-search-input__input" id="home-q" name="q"' in home_search
    assert '<label class="nhsuk-label nhsuk-label--m" for="home-q">' in home_search


# --- pioneers -------------------------------------------------------------------------------------


def test_the_pioneers_index_lists_network_areas_apart(client, site):
    content = page_text(client, "/pioneers/")
    pioneers = section(content, "<h2>The integrated care pioneers</h2>", "<h2>Virtual network areas</h2>")
    network = content[content.index("<h2>Virtual network areas</h2>") :]
    assert [title for _url, title in card_links(pioneers)] == ["Greenwich", "Leeds"]
    assert [title for _url, title in card_links(network)] == ["Wigan"]


def test_a_pioneer_page_links_to_all_its_barriers_and_names_its_contacts(client, site):
    content = page_text(client, site["greenwich"].url)
    assert 'href="/search/?pioneer=greenwich&amp;type=barrier"' in content
    assert "All the barriers Greenwich met" in content
    contact = content[content.index("<h2>Contact</h2>") :]
    assert "About Rapid response within 24 hours" in contact
    assert "Programme office, Greenwich pioneer" in contact
    assert 'href="mailto:greenwich@example.org"' in contact


def test_a_pioneer_without_a_named_contact_points_to_the_contact_page(client, site):
    contact = page_text(client, site["leeds"].url)
    contact = contact[contact.index("<h2>Contact</h2>") :]
    assert "Leeds has not named a contact here" in contact
    assert 'href="/contact/"' in contact


# --- case study: barriers and what got past them --------------------------------------------------


def barrier_section(content: str, barrier) -> str:
    return section(content, f'id="barrier-{barrier.pk}"', "</section>")


def test_each_barrier_is_followed_by_the_workarounds_that_got_past_it(client, site):
    content = page_text(client, site["study"].url)
    records = barrier_section(content, site["records"])
    contracts = barrier_section(content, site["contracts"])
    forms = barrier_section(content, site["forms"])
    assert f'<a href="{site["viewer"].url}">A record viewer</a>' in records
    assert "A pooled budget" not in records
    assert f'<a href="{site["viewer"].url}">A record viewer</a>' in contracts  # under each barrier it addresses
    assert f'<a href="{site["pooled"].url}">A pooled budget</a>' in contracts
    assert tag("Too early to tell", "grey") in contracts
    assert "No workaround has been recorded for this barrier yet." in forms
    # A workaround that addresses several barriers says which.
    assert f'Addresses: this barrier; <a href="#barrier-{site["contracts"].pk}">One-year contracts</a>' in records
    assert f'Addresses: <a href="#barrier-{site["records"].pk}">No shared record</a>; this barrier' in contracts


def test_an_unpublished_workaround_or_barrier_is_not_listed(client, site):
    with committed():
        site["pooled"].unpublish()
        site["records"].unpublish()
    content = page_text(client, site["study"].url)
    assert "A pooled budget" not in content and "No shared record" not in content
    assert "Addresses:" not in content  # the viewer now addresses one published barrier


def test_a_workaround_whose_barriers_are_unpublished_is_still_listed(client, site):
    with committed():
        site["contracts"].unpublish()
    content = page_text(client, site["study"].url)
    others = content[content.index("<h3>Other workarounds</h3>") :]
    assert f'<a href="{site["pooled"].url}">A pooled budget</a>' in others


def test_a_case_study_or_workaround_without_a_contact_has_no_contact_section(client, site):
    workaround = make_workaround(site["other"], [], "Leeds workaround")
    for url in (site["other"].url, workaround.url):
        assert "<h2>Contact</h2>" not in page_text(client, url)


# --- workaround: date and contact -----------------------------------------------------------------


def test_a_workaround_shows_its_date_and_the_case_studys_contact(client, site):
    content = page_text(client, site["viewer"].url)
    key_facts = facts(content)
    assert key_facts["Published"] == '<time datetime="2015-06-01">1 June 2015</time>, with the case study'
    site["viewer"].refresh_from_db()
    assert key_facts["Last updated"].startswith(f'<time datetime="{site["viewer"].last_published_at:%Y-%m-%d}">')
    contact = html.unescape(content[content.index("<h2>Contact</h2>") :])
    assert "Programme office, Greenwich pioneer" in contact
    assert 'href="mailto:greenwich@example.org"' in contact
