"""Every page type renders its key facts in the portal's accessible page shell, and a
small built site has no broken internal links."""

from __future__ import annotations

import html
import re
from collections import deque
from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import transaction
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from casestudies.models import Outcome
from casestudies.site_structure import ensure_site_structure
from casestudies.templatetags.casestudies_tags import plain_number
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

from .markup import card_links, facts, section, tag

HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """A small site, built once for the module inside a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths; they were rolled back.


def build_site() -> dict:
    home, index = ensure_site_structure()
    greenwich = make_pioneer(
        "Greenwich",
        region="london",
        population_served=254000,
        partners="Royal Borough of Greenwich; NHS Greenwich Clinical Commissioning Group\nOxleas NHS Foundation Trust",
        plan_summary="Multidisciplinary teams that respond to community emergencies within 24 hours.",
    )
    leeds = make_pioneer("Leeds", region="north", plan_summary="Teams for older people and long-term conditions.")
    study = make_case_study(
        greenwich,
        "Rapid response within 24 hours",
        summary="Teams that reach people at home within a day.",
        narrative=(
            "## How it worked\n\nA **joint team** answered calls.\n\n"
            "See [all pioneers](/pioneers/) and <script>alert('x')</script>the results below."
        ),
        stage="evaluated",
        published=date(2015, 6, 1),
        themes=("rapid-community-response", "multidisciplinary-teams"),
        care_groups=("frail-older-people",),
        tags=("rapid response", "MDT"),
        outcomes=(
            Outcome(
                measure="emergency-admissions-avoided",
                value=Decimal("2000"),
                unit="admissions",
                baseline="Admissions in 2012/13",
                evidence="local-monitoring",
            ),
            Outcome(
                measure="cost-savings", value=Decimal("1000000"), unit="£ social care budget", evidence="independent"
            ),
            Outcome(measure="length-of-stay", value=Decimal("1.1"), unit="fewer days", evidence="before-and-after"),
        ),
        start_date=date(2013, 4, 1),
        contact_name="Integration programme office",
        contact_role="Greenwich pioneer programme",
        contact_email="greenwich-pioneer@example.org",
    )
    record = make_barrier(
        study,
        "No shared record",
        category="information-governance",
        status="partly-overcome",
        description="Each partner kept **its own** record.",
    )
    contracts = make_barrier(study, "One-year contracts", category="contract-length", status="escalated")
    viewer = make_workaround(
        study,
        [record, contracts],
        "A read-only record viewer",
        effectiveness="worked-well",
        description="Staff could *see* the GP record.",
    )
    leeds_study = make_case_study(
        leeds,
        "Patients see their records online",
        themes=("digital-access-for-patients",),
        narrative="Patients could read their shared record online.",
        published=date(2016, 3, 1),
    )
    leeds_barrier = make_barrier(leeds_study, "Information governance sign-off", category="information-governance")
    leeds_workaround = make_workaround(leeds_study, [leeds_barrier], "A shared data protection agreement")
    draft = make_case_study(leeds, "Secret draft study", live=False)
    return {
        "home": home,
        "index": index,
        "greenwich": greenwich,
        "leeds": leeds,
        "study": study,
        "record": record,
        "contracts": contracts,
        "viewer": viewer,
        "leeds_study": leeds_study,
        "leeds_barrier": leeds_barrier,
        "leeds_workaround": leeds_workaround,
        "draft": draft,
    }


def get(client, url: str) -> tuple[object, str]:
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    return response, response.content.decode()


def internal_links(content: str) -> list[str]:
    """Site-relative hrefs ("/..."), unescaped, fragment dropped; protocol-relative ("//") excluded."""
    found = []
    for raw in HREF.findall(content):
        href = html.unescape(raw)
        if href.startswith("/") and not href.startswith("//"):
            found.append(href.split("#", 1)[0])
    return found


PAGE_KEYS = ["home", "index", "greenwich", "study", "record", "viewer"]


# --- the page shell -------------------------------------------------------------------------------


MAIN = re.compile(r'<main class="nhsuk-main-wrapper" id="main">')


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_has_the_accessible_shell(client, site, key):
    page = site[key]
    response, content = get(client, page.url)
    assert '<html lang="en-GB">' in content
    assert len(re.findall(r"<h1[\s>]", content)) == 1, f"{page.url} must have exactly one <h1>"
    assert '<a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#main">' in content
    assert len(MAIN.findall(content)) == 1
    assert content.index('href="#main"') < MAIN.search(content).start()
    if key == "home":  # the service's own name would be said twice
        assert "<title>Pioneer Exchange: learning from England's integrated care pioneers</title>" in content
    else:
        assert f"<title>{html.escape(page.title)} – Pioneer Exchange</title>" in content
    description = re.search(r'<meta name="description" content="([^"]*)">', content)
    assert description and len(description.group(1)) > 20, f"{page.url} needs a meta description"
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_pages_below_home_have_breadcrumbs_to_their_ancestors(client, site):
    _response, content = get(client, site["record"].url)
    breadcrumbs = content[
        content.index('<nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">') : content.index(
            "</nav>", content.index('aria-label="Breadcrumb"')
        )
    ]
    trail = re.findall(r'<a class="nhsuk-breadcrumb__link" href="([^"]*)">([^<]*)</a>', breadcrumbs)
    assert trail == [
        ("/", "Home"),
        ("/pioneers/", "Pioneers"),
        (site["greenwich"].url, "Greenwich"),
        (site["study"].url, "Rapid response within 24 hours"),
    ]
    # The design system's breadcrumb names the ancestors only; on a phone it shows a link back to the parent.
    assert "No shared record" not in breadcrumbs
    assert (
        f'<a class="nhsuk-back-link" href="{site["study"].url}"><span class="nhsuk-u-visually-hidden">Back to </span>'
        "Rapid response within 24 hours</a>" in breadcrumbs
    )


@pytest.mark.django_db
def test_the_home_page_has_no_breadcrumbs(client, site):
    _response, content = get(client, "/")
    assert 'aria-label="Breadcrumb"' not in content


# --- key facts on each page type ------------------------------------------------------------------


@pytest.mark.django_db
def test_home_page(client, site):
    response, content = get(client, "/")
    assertTemplateUsed(response, "casestudies/home_page.html")
    assert "<h1>Pioneer Exchange</h1>" in content
    assert 'action="/search/"' in content
    assert 'href="/pioneers/">Browse all pioneers' in content
    # Latest case studies, newest first; drafts never shown.
    assert content.index("Patients see their records online") < content.index("Rapid response within 24 hours")
    assert "Secret draft study" not in content


@pytest.mark.django_db
def test_pioneer_index_lists_pioneers_with_region(client, site):
    response, content = get(client, "/pioneers/")
    assertTemplateUsed(response, "casestudies/pioneer_index_page.html")
    pioneers = section(content, "<h2>The integrated care pioneers</h2>", "<h2>Virtual network areas</h2>")
    assert card_links(pioneers) == [(site["greenwich"].url, "Greenwich"), (site["leeds"].url, "Leeds")]
    assert "London · Integrated care pioneer" in content
    assert "North · Integrated care pioneer" in content


@pytest.mark.django_db
def test_pioneer_page(client, site):
    response, content = get(client, "/pioneers/greenwich/")
    assertTemplateUsed(response, "casestudies/pioneer_page.html")
    assert "<h1>Greenwich</h1>" in content
    assert "respond to community emergencies within 24 hours" in content
    assert facts(content)["NHS England region"] == "London"
    assert facts(content)["Population served"] == "about 254,000"
    for partner in [
        "Royal Borough of Greenwich",
        "NHS Greenwich Clinical Commissioning Group",
        "Oxleas NHS Foundation Trust",
    ]:
        assert f"<li>{partner}</li>" in content
    assert card_links(content) == [(site["study"].url, "Rapid response within 24 hours")]
    assert "Patients see their records online" not in content  # Leeds's, not Greenwich's


@pytest.mark.django_db
def test_pioneer_page_hides_drafts(client, site):
    _response, content = get(client, "/pioneers/leeds/")
    assert "Patients see their records online" in content
    assert "Secret draft study" not in content
    assert client.get(site["draft"].url or "/pioneers/leeds/secret-draft-study/").status_code == 404


@pytest.mark.django_db
def test_case_study_page(client, site):
    study = site["study"]
    response, content = get(client, study.url)
    assertTemplateUsed(response, "casestudies/case_study_page.html")
    assert study.url == "/pioneers/greenwich/rapid-response-within-24-hours/"
    assert "<h1>Rapid response within 24 hours</h1>" in content
    assert '<p class="nhsuk-lede-text">Teams that reach people at home within a day.</p>' in content
    # Key facts, as a summary list: themes go to their pages, care groups and tags to the search.
    key_facts = facts(content)
    assert key_facts["Pioneer"] == f'<a href="{site["greenwich"].url}">Greenwich</a>'
    assert key_facts["NHS England region"] == "London"
    assert key_facts["Stage"] == "Evaluated"
    assert key_facts["Started"] == '<time datetime="2013-04-01">April 2013</time>'
    assert key_facts["Published"] == '<time datetime="2015-06-01">1 June 2015</time>'
    assert '<a href="/themes/rapid-community-response/">Rapid community response</a>' in key_facts["Themes"]
    assert '<a href="/themes/multidisciplinary-teams/">Multidisciplinary teams</a>' in key_facts["Themes"]
    assert '<a href="/search/?care_group=frail-older-people">Frail older people</a>' in key_facts["Care groups"]
    assert '<a class="tag" href="/search/?tag=rapid-response">rapid response</a>' in key_facts["Tags"]
    assert '<a class="tag" href="/search/?tag=mdt">MDT</a>' in key_facts["Tags"]
    # Markdown narrative rendered and sanitised.
    assert "<h2>How it worked</h2>" in content
    assert "<strong>joint team</strong>" in content
    assert "alert('x')" not in content
    # The outcomes table, numbers as people write them.
    table = section(content, "<h2>Outcomes</h2>", "</table>")
    assert '<th class="nhsuk-table__header" role="columnheader" scope="col">Measure</th>' in table
    cell = '<td class="nhsuk-table__cell" role="cell"><span class="nhsuk-table__heading" aria-hidden="true">'
    assert f"{cell}Measure </span>Emergency admissions avoided</td>" in table
    assert f"{cell}Result </span>2,000 admissions</td>" in table
    assert f"{cell}Compared with </span>Admissions in 2012/13</td>" in table
    assert f"{cell}Result </span>1,000,000 £ social care budget</td>" in table
    assert f"{cell}Strength of evidence </span>Independent evaluation</td>" in table
    assert f"{cell}Result </span>1.1 fewer days</td>" in table
    assert "E+" not in table
    # Its barriers, each with its category, status and the workarounds that got past it.
    assert f'<a href="{site["record"].url}">No shared record</a>' in content
    assert '<a href="/barriers/information-governance/">Information governance and data sharing</a>' in content
    assert tag("Partly overcome", "yellow") in content and tag("Escalated nationally", "red") in content
    assert 'href="mailto:greenwich-pioneer@example.org"' in content


@pytest.mark.django_db
def test_barrier_page(client, site):
    barrier = site["record"]
    response, content = get(client, barrier.url)
    assertTemplateUsed(response, "casestudies/barrier_page.html")
    assert "<h1>No shared record</h1>" in content
    key_facts = facts(content)
    assert key_facts["Category"] == (
        '<a href="/barriers/information-governance/">Information governance and data sharing</a>'
    )
    assert key_facts["Status"] == tag("Partly overcome", "yellow")
    assert key_facts["Case study"] == f'<a href="{site["study"].url}">Rapid response within 24 hours</a>'
    assert key_facts["Pioneer"] == f'<a href="{site["greenwich"].url}">Greenwich</a>'
    assert key_facts["Permalink"] == (
        f'<a class="permalink nhsuk-u-text-break-word" href="/barriers/{barrier.pk}/">'
        f"http://testserver/barriers/{barrier.pk}/</a>"
    )
    assert "Each partner kept <strong>its own</strong> record." in content
    assert f'<a href="{site["viewer"].url}">A read-only record viewer</a>' in content
    assert f"{tag('Worked well', 'green')} Needs: local agreement only" in content


@pytest.mark.django_db
def test_barrier_without_workaround_says_so(client, site):
    barrier = make_barrier(site["leeds_study"], "Nobody solved this")
    _response, content = get(client, barrier.url)
    assert "No workaround has been recorded for this barrier yet." in content


@pytest.mark.django_db
def test_workaround_page(client, site):
    workaround = site["viewer"]
    response, content = get(client, workaround.url)
    assertTemplateUsed(response, "casestudies/workaround_page.html")
    assert "<h1>A read-only record viewer</h1>" in content
    key_facts = facts(content)
    assert key_facts["How well it worked"] == tag("Worked well", "green")
    assert key_facts["What it needs"] == "Local agreement only"
    assert key_facts["Case study"] == f'<a href="{site["study"].url}">Rapid response within 24 hours</a>'
    assert f'href="/workarounds/{workaround.pk}/"' in key_facts["Permalink"]
    assert "Staff could <em>see</em> the GP record." in content
    addresses = content[content.index("<h2>Barriers it addresses</h2>") :]
    assert f'<a href="{site["record"].url}">No shared record</a>' in addresses
    assert f'<a href="{site["contracts"].url}">One-year contracts</a>' in addresses
    assert tag("Escalated nationally", "red") in addresses


@pytest.mark.django_db
def test_workaround_shows_what_it_needs_in_detail(client, site):
    workaround = site["leeds_workaround"]
    workaround.requires = "national-flexibility"
    workaround.requirement_detail = "Agreement from NHS England"
    workaround.save_revision().publish()
    _response, content = get(client, workaround.url)
    assert facts(content)["What it needs"] == "A national flexibility: Agreement from NHS England"


# --- no broken links ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_no_broken_internal_links(client, site):
    """Crawl from the home page through every content page; every site-relative link must resolve."""
    start = [
        site[key].url
        for key in [
            "home",
            "index",
            "greenwich",
            "leeds",
            "study",
            "record",
            "contracts",
            "viewer",
            "leeds_study",
            "leeds_barrier",
            "leeds_workaround",
        ]
    ]
    to_visit = deque(start)
    crawled: set[str] = set()
    checked: dict[str, int] = {}
    broken: list[str] = []
    while to_visit:
        url = to_visit.popleft()
        if url in crawled:
            continue
        crawled.add(url)
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} gave {response.status_code}"
        for link in internal_links(response.content.decode()):
            if link not in checked:
                followed = client.get(link, follow=True)
                checked[link] = followed.status_code
                if followed.status_code >= 400:
                    broken.append(f"{link} (on {url}) gave {followed.status_code}")
            if urlsplit(link).path.startswith("/pioneers/") and link not in crawled:
                to_visit.append(link)
        assert len(crawled) < 100, "crawl did not converge"
    assert broken == []
    # The crawl really covered the site: every page type, the permalinks and the search links.
    assert set(start) <= crawled
    assert f"/barriers/{site['record'].pk}/" in checked
    assert f"/workarounds/{site['viewer'].pk}/" in checked
    assert any(link.startswith("/themes/") for link in checked)
    assert any(link.startswith("/barriers/information-governance/") for link in checked)
    assert "/search/" in checked
    assert not any("secret-draft-study" in link for link in checked)


@pytest.mark.django_db
def test_related_content_links_to_other_pioneers(client, site):
    """The related-content tag (database engine here) shows a similar barrier at another pioneer."""
    _response, content = get(client, site["leeds_barrier"].url)
    assert "<h1>Information governance sign-off</h1>" in content
    assert 'id="related-heading"' in content
    related = internal_links(content[content.index('id="related-heading"') : content.index("</aside>")])
    assert site["record"].url in related  # same barrier category, at Greenwich
    assert site["leeds_barrier"].url not in related
    for link in related:
        assert client.get(link, follow=True).status_code == 200, link


# --- errors ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_url_uses_the_portal_404_page(client, site):
    response = client.get("/no-such-page/anywhere/")
    assert response.status_code == 404
    assertTemplateUsed(response, "404.html")
    assertContains(response, "<h1>Page not found</h1>", status_code=404)
    assertContains(response, '<html lang="en-GB">', status_code=404)
    assertContains(response, '<main class="nhsuk-main-wrapper" id="main">', status_code=404)
    assertNotContains(response, "Traceback", status_code=404)
    for link in internal_links(response.content.decode()):
        assert client.get(link, follow=True).status_code == 200, link


@pytest.mark.django_db
def test_unknown_child_of_a_real_page_is_404(client, site):
    assert client.get(site["study"].url + "no-such-barrier/").status_code == 404


# --- number formatting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("2000.00"), "2,000"),
        (Decimal("1000000.00"), "1,000,000"),
        (Decimal("350.00"), "350"),
        (Decimal("1.10"), "1.1"),
        (Decimal("0.75"), "0.75"),
        (Decimal("-5.00"), "-5"),
        (Decimal("0.00"), "0"),
        (None, ""),
        ("", ""),
        ("n/a", "n/a"),
    ],
)
def test_plain_number(value, shown):
    assert plain_number(value) == shown


def test_content_types_are_labelled_as_the_type_facet_labels_them():
    from search.templatetags.search_tags import type_label

    assert [type_label(t) for t in ("case_study", "barrier", "workaround")] == ["Case study", "Barrier", "Workaround"]
