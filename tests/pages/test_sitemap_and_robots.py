"""sitemap.xml lists what the public may see and nothing else; robots.txt points crawlers to it."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from casestudies.site_structure import ensure_site_structure
from curation.guides.models import Guide, GuideItem
from tests.factories import committed, make_barrier, make_case_study, make_pioneer

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]*)</loc>")


@pytest.fixture
def site():
    cache.clear()
    home, index = ensure_site_structure()
    pioneer = make_pioneer("Map Manchester")
    study = make_case_study(pioneer, "One front door for care")
    barrier = make_barrier(study, "Two assessment forms")
    return {"home": home, "index": index, "pioneer": pioneer, "study": study, "barrier": barrier}


def sitemap(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return LOC.findall(response.content.decode())


def paths(client) -> set[str]:
    return {loc.removeprefix("http://localhost") for loc in sitemap(client)}


def test_the_sitemap_lists_every_public_page_at_the_sites_address(client, site):
    locations = sitemap(client)
    assert all(loc.startswith("http://localhost/") for loc in locations)  # the Wagtail site's root URL
    pages = {"/", "/pioneers/", *(site[key].url for key in ("pioneer", "study", "barrier"))}
    assert paths(client) == pages | {"/barriers/information-governance/"}  # the barrier's category page


def test_a_draft_is_not_in_the_sitemap(client, site):
    draft = make_case_study(site["pioneer"], "Secret draft about front doors", live=False)
    listed = paths(client)
    assert site["study"].url in listed
    assert not any("secret-draft" in path for path in listed), draft


def test_pages_below_an_unpublished_page_are_not_in_the_sitemap(client, site):
    """Wagtail leaves the children live; the sitemap must still leave them out."""
    with committed():
        site["pioneer"].unpublish()
    site["barrier"].refresh_from_db()
    assert site["barrier"].live
    assert paths(client) == {"/", "/pioneers/"}


def test_a_restricted_page_and_those_below_it_are_not_in_the_sitemap(client, site):
    with committed():
        PageViewRestriction.objects.create(page=site["study"], restriction_type="password", password="s3cret")
    assert paths(client) == {"/", "/pioneers/", site["pioneer"].url}  # and no category page: its barrier is hidden


def test_live_guides_are_in_the_sitemap_and_others_are_not(client, site):
    for slug, live in [("front-doors", True), ("unfinished", False)]:
        guide = Guide(title=slug, slug=slug, introduction="Read these.", live=live)
        guide.items = [GuideItem(page=site["study"])]
        guide.save()
    listed = paths(client)
    assert "/guides/front-doors/" in listed
    assert "/guides/unfinished/" not in listed


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_ico_is_never_a_404(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0] == "/static/nhsuk/assets/images/favicon.ico"
