"""Guides: curators assemble a reading list; the public sees it only when live, and never a hidden page in it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from curation.guides.models import Guide, GuideItem
from tests.factories import make_barrier, make_case_study, make_pioneer

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    study = make_case_study(make_pioneer("Guide Gateshead"), "One record for hub and GP")
    barrier = make_barrier(study, "The hub could not see GP records")
    draft = make_case_study(make_pioneer("Guide Grimsby"), "Secret consent pilot", live=False)
    return study, barrier, draft


def make_guide(*pages, live=True, featured=False, slug="information-sharing") -> Guide:
    guide = Guide(
        title="Getting information sharing agreed",
        slug=slug,
        introduction="Start with **consent**, then the records.",
        live=live,
        featured=featured,
    )
    guide.items = [GuideItem(page=page, note=f"Note on {page.title}") for page in pages]
    guide.save()
    return guide


def test_a_live_guide_shows_its_introduction_and_public_pages_in_order(client, pages):
    study, barrier, draft = pages
    make_guide(barrier, draft, study)
    html = client.get("/guides/information-sharing/").content.decode()
    assert "<strong>consent</strong>" in html
    assert html.index("The hub could not see GP records") < html.index("One record for hub and GP")
    assert "Note on The hub could not see GP records" in html and ">Barrier<" in html
    assert "Secret consent pilot" not in html  # a draft in a guide stays hidden


def test_a_guide_that_is_not_live_is_nowhere(client, pages):
    make_guide(pages[0], live=False, featured=True)
    assert client.get("/guides/information-sharing/").status_code == 404
    assert "Getting information sharing agreed" not in client.get("/guides/").content.decode()
    assert "Getting information sharing agreed" not in client.get("/").content.decode()


def test_featured_live_guides_are_on_the_home_page_and_the_list(client, pages):
    make_guide(pages[0], featured=True)
    make_guide(pages[1], slug="other-guide", featured=False)
    home = client.get("/").content.decode()
    assert 'href="/guides/information-sharing/"' in home and "/guides/other-guide/" not in home
    listing = client.get("/guides/").content.decode()
    assert "/guides/information-sharing/" in listing and "/guides/other-guide/" in listing


def test_only_case_studies_barriers_and_workarounds_go_in_a_guide(pages):
    pioneer = pages[0].get_parent()
    with pytest.raises(ValidationError, match="Choose a case study, barrier or workaround"):
        GuideItem(page=pioneer).clean()
    GuideItem(page=pages[1]).clean()


def test_a_curator_assembles_a_guide_in_the_admin(admin_client, pages):
    study, barrier, _draft = pages
    data = nested_form_data(
        {
            "title": "Getting information sharing agreed",
            "slug": "information-sharing",
            "introduction": "Read these in order.",
            "live": "on",
            "featured": "on",
            "items": inline_formset(
                [{"page": str(barrier.pk), "note": "Start here"}, {"page": str(study.pk), "note": ""}]
            ),
        }
    )
    response = admin_client.post(reverse(Guide.snippet_viewset.get_url_name("add")), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    guide = Guide.objects.get(slug="information-sharing")
    assert [item.page_id for item in guide.items.all()] == [barrier.pk, study.pk]

    refused = admin_client.post(
        reverse(Guide.snippet_viewset.get_url_name("add")),
        nested_form_data({**data, "slug": "another", "items": inline_formset([])}),
    )
    assert refused.status_code == 200 and not Guide.objects.filter(slug="another").exists()
