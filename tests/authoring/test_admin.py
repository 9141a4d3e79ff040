"""Editors work through the Wagtail admin: log in, write and publish a case study with a
barrier and a workaround, preview, and curate the taxonomies. Forms are posted the way
the admin's own page editor submits them (management forms included)."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from casestudies.models import BarrierPage, CaseStudyPage, WorkaroundPage
from casestudies.site_structure import ensure_site_structure
from curation.roles import ensure_authors
from tests.curation.admin_forms import errors_of
from tests.factories import make_barrier, make_case_study, make_pioneer
from themes.models import BarrierCategory, CareGroup, Stage, Theme

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


def add_url(model: str, parent) -> str:
    return f"/admin/pages/add/casestudies/{model}/{parent.pk}/"


def ids(model, *slugs: str) -> list[str]:
    return [str(pk) for pk in model.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def case_study_form(**changes) -> dict:
    data = {
        "title": "Neighbourhood teams for frail older people",
        "slug": "neighbourhood-teams",
        "summary": "Community nurses and social workers in one team per neighbourhood.",
        "narrative": "## What they did\n\nThey formed **thirteen** neighbourhood teams.",
        "stage": str(Stage.objects.get(slug="implemented").pk),
        "start_date": "2014-04-01",
        "date_published": "2015-09-30",
        "tags": "neighbourhood teams, discharge planning",
        "outcomes": inline_formset(
            [
                {
                    "measure": "emergency-admissions-avoided",
                    "value": "420",
                    "unit": "admissions a year",
                    "baseline": "2013/14",
                    "evidence": "before-and-after",
                    "id": "",
                },
                {
                    "measure": "length-of-stay",
                    "value": "1.1",
                    "unit": "fewer days",
                    "baseline": "",
                    "evidence": "local-monitoring",
                    "id": "",
                },
            ]
        ),
        "contact_name": "Integration programme office",
        "contact_role": "Leeds pioneer programme",
        "contact_email": "leeds-pioneer@example.org",
        "attached_documents": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(changes)
    form = nested_form_data(data)
    # Checkbox lists post one value per ticked box (nested_form_data would number them).
    form["themes"] = ids(Theme, "multidisciplinary-teams", "admission-avoidance-and-early-discharge")
    form["care_groups"] = ids(CareGroup, "frail-older-people")
    return form


def barrier_form(**changes) -> dict:
    data = {
        "title": "Consent rules for shared records",
        "slug": "consent-rules",
        "category": str(BarrierCategory.objects.get(slug="information-governance").pk),
        "status": "partly-overcome",
        "description": "Partners read the consent rules differently.",
        "action-publish": "action-publish",
    }
    data.update(changes)
    return data


def workaround_form(barriers, **changes) -> dict:
    data = {
        "title": "One data sharing agreement for the city",
        "slug": "one-data-sharing-agreement",
        "description": "Every partner signed **one** agreement.",
        "requires": "local",
        "effectiveness": "worked-well",
        "requirement_detail": "Agreement of every Caldicott guardian",
        "barrier_links": inline_formset([{"barrier": str(barrier.pk), "id": ""} for barrier in barriers], min=1),
        "attached_documents": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def pioneer():
    ensure_site_structure()
    return make_pioneer("Leeds", region="north")


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("editor-in-chief", "chief@example.org", PASSWORD)


@pytest.fixture
def logged_in(client, admin_user):
    response = client.post("/admin/login/", {"username": "editor-in-chief", "password": PASSWORD})
    assert response.status_code == 302
    return client


# --- logging in -----------------------------------------------------------------------------------


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_can_log_in(client, admin_user):
    assert client.get("/admin/login/").status_code == 200
    refused = client.post("/admin/login/", {"username": "editor-in-chief", "password": "wrong"})
    assert refused.status_code == 200
    assert client.get("/admin/").status_code == 302
    response = client.post("/admin/login/", {"username": "editor-in-chief", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
    assert int(client.session["_auth_user_id"]) == admin_user.pk


# --- the whole editorial flow through the admin forms ---------------------------------------------


def test_create_and_publish_case_study_barrier_and_workaround_through_the_admin(logged_in, pioneer):
    client = logged_in
    # The case study.
    assert client.get(add_url("casestudypage", pioneer)).status_code == 200
    response = client.post(add_url("casestudypage", pioneer), case_study_form())
    assert response.status_code == 302, errors_of(response)
    study = CaseStudyPage.objects.get(slug="neighbourhood-teams")
    assert study.live and study.get_parent().pk == pioneer.pk
    assert study.url == "/pioneers/leeds/neighbourhood-teams/"
    assert sorted(study.themes.values_list("slug", flat=True)) == [
        "admission-avoidance-and-early-discharge",
        "multidisciplinary-teams",
    ]
    assert list(study.care_groups.values_list("slug", flat=True)) == ["frail-older-people"]
    assert sorted(study.tags.names()) == ["discharge planning", "neighbourhood teams"]
    assert [(o.measure, str(o.value)) for o in study.outcomes.all()] == [
        ("emergency-admissions-avoided", "420.00"),
        ("length-of-stay", "1.10"),
    ]

    # A barrier under it.
    response = client.post(add_url("barrierpage", study), barrier_form())
    assert response.status_code == 302, errors_of(response)
    barrier = BarrierPage.objects.get(slug="consent-rules")
    assert barrier.live and barrier.get_parent().pk == study.pk

    # A workaround addressing that barrier.
    response = client.post(add_url("workaroundpage", study), workaround_form([barrier]))
    assert response.status_code == 302, errors_of(response)
    workaround = WorkaroundPage.objects.get(slug="one-data-sharing-agreement")
    assert workaround.live
    assert list(workaround.barriers()) == [barrier]

    # Visible on the public site to anyone.
    client.logout()
    page = client.get("/pioneers/leeds/neighbourhood-teams/").content.decode()
    assert "<h1>Neighbourhood teams for frail older people</h1>" in page
    assert "They formed <strong>thirteen</strong> neighbourhood teams." in page
    assert 'aria-hidden="true">Measure </span>Emergency admissions avoided</td>' in page
    assert 'aria-hidden="true">Result </span>420 admissions a year</td>' in page
    assert 'aria-hidden="true">Result </span>1.1 fewer days</td>' in page
    assert '<a class="tag" href="/search/?tag=neighbourhood-teams">neighbourhood teams</a>' in page
    assert ">Multidisciplinary teams</a>" in page
    assert f'<a href="{barrier.url}">Consent rules for shared records</a>' in page
    assert f'<a href="{workaround.url}">One data sharing agreement for the city</a>' in page
    barrier_page = client.get(barrier.url).content.decode()
    assert '<strong class="nhsuk-tag nhsuk-tag--yellow">Partly overcome</strong>' in barrier_page
    assert f'<a href="{workaround.url}">One data sharing agreement for the city</a>' in barrier_page
    workaround_page = client.get(workaround.url).content.decode()
    assert f'<a href="{barrier.url}">Consent rules for shared records</a>' in workaround_page
    assert "Local agreement only: Agreement of every Caldicott guardian" in workaround_page
    assert client.get(f"/workarounds/{workaround.pk}/")["Location"] == workaround.url
    # The pioneer's page lists the new case study.
    assert f'<a class="nhsuk-card__link" href="{study.url}">' in client.get(pioneer.url).content.decode()


def test_saving_a_draft_does_not_publish(logged_in, pioneer):
    data = case_study_form()
    del data["action-publish"]
    response = logged_in.post(add_url("casestudypage", pioneer), data)
    assert response.status_code == 302, errors_of(response)
    study = CaseStudyPage.objects.get(slug="neighbourhood-teams")
    assert not study.live
    logged_in.logout()
    assert logged_in.get("/pioneers/leeds/neighbourhood-teams/").status_code == 404


def test_admin_form_rejects_start_after_publication(logged_in, pioneer):
    response = logged_in.post(
        add_url("casestudypage", pioneer), case_study_form(start_date="2016-01-01", date_published="2015-09-30")
    )
    assert response.status_code == 200
    assert "start_date" in response.context["form"].errors
    assert not CaseStudyPage.objects.exists()


def test_admin_form_rejects_a_workaround_without_a_barrier(logged_in, pioneer):
    study = make_case_study(pioneer, "Existing study")
    data = workaround_form([])
    data["barrier_links-MIN_NUM_FORMS"] = "1"
    response = logged_in.post(add_url("workaroundpage", study), data)
    assert response.status_code == 200
    assert not WorkaroundPage.objects.exists()


def test_admin_will_not_add_a_case_study_outside_a_pioneer(logged_in, pioneer):
    index = pioneer.get_parent()
    response = logged_in.get(add_url("casestudypage", index))
    assert response.status_code in (302, 403)
    response = logged_in.post(add_url("casestudypage", index), case_study_form())
    assert response.status_code in (302, 403)
    assert not CaseStudyPage.objects.exists()


def test_choosing_a_page_type_under_a_pioneer_offers_only_case_studies(logged_in, pioneer):
    response = logged_in.get(f"/admin/pages/{pioneer.pk}/add_subpage/")
    # With one allowed type Wagtail goes straight to its form.
    assert response.status_code == 302
    assert response["Location"] == add_url("casestudypage", pioneer)


# --- preview --------------------------------------------------------------------------------------


def test_preview_of_an_edited_case_study(logged_in, pioneer):
    study = make_case_study(pioneer, "Published title", summary="The published summary.")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[study.pk])
    assert url == f"/admin/pages/{study.pk}/edit/preview/"
    data = case_study_form(title="Previewed title", slug=study.slug, summary="A summary only the preview shows.")
    del data["action-publish"]
    response = logged_in.post(url, data)
    assert response.status_code == 200
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}
    preview = logged_in.get(url)
    assert preview.status_code == 200
    content = preview.content.decode()
    assert "<h1>Previewed title</h1>" in content
    assert "A summary only the preview shows." in content
    assert "</span>420 admissions a year</td>" in content
    # Previewing changed nothing that the public sees.
    logged_in.logout()
    public = logged_in.get(study.url).content.decode()
    assert "<h1>Published title</h1>" in public
    assert "A summary only the preview shows." not in public


def test_preview_of_an_invalid_form_says_so(logged_in, pioneer):
    study = make_case_study(pioneer, "Published title")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[study.pk])
    data = case_study_form(slug=study.slug, start_date="2016-01-01", date_published="2015-09-30")
    response = logged_in.post(url, data)
    assert json.loads(response.content)["is_valid"] is False
    assert logged_in.get(url).status_code == 200  # the preview panel shows its "cannot preview" page


def test_preview_of_a_new_barrier(logged_in, pioneer):
    study = make_case_study(pioneer, "Published title")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["casestudies", "barrierpage", study.pk])
    response = logged_in.post(url, barrier_form(title="A barrier not yet saved"))
    assert json.loads(response.content)["is_valid"] is True
    preview = logged_in.get(url)
    assert preview.status_code == 200
    assert "<h1>A barrier not yet saved</h1>" in preview.content.decode()
    assert not BarrierPage.objects.exists()


# --- taxonomies -----------------------------------------------------------------------------------


def test_taxonomy_snippets_list_the_themes(logged_in):
    url = reverse("wagtailsnippets_themes_theme:list")
    response = logged_in.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rapid community response" in content
    assert "Measuring patient experience" in content
    assert logged_in.get(reverse("wagtailsnippets_themes_barriercategory:list")).status_code == 200


def test_curator_can_rename_a_theme_in_the_admin(logged_in, pioneer):
    theme = Theme.objects.get(slug="pooled-budgets")
    make_case_study(pioneer, "Pooled money", themes=("pooled-budgets",))
    url = reverse("wagtailsnippets_themes_theme:edit", args=[theme.pk])
    response = logged_in.post(
        url, {"name": "Pooled and aligned budgets", "slug": "pooled-budgets", "description": "", "sort_order": "14"}
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.name == "Pooled and aligned budgets"
    logged_in.logout()
    assert ">Pooled and aligned budgets</a>" in logged_in.get("/pioneers/leeds/pooled-money/").content.decode()


# --- a pioneer's own authors, in the admin (tests/curation has the full rules) ----------------------


def test_pioneer_author_can_add_only_under_own_pioneer(client, pioneer):
    other = make_pioneer("Kent", region="south")
    editor = get_user_model().objects.create_user("leeds-editor", "e@example.org", PASSWORD)
    editor.groups.add(ensure_authors(pioneer))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(add_url("casestudypage", pioneer)).status_code == 200
    response = client.post(add_url("casestudypage", pioneer), case_study_form())
    assert response.status_code == 302, errors_of(response)
    assert not CaseStudyPage.objects.get(slug="neighbourhood-teams").live  # authors never publish
    assert client.get(add_url("casestudypage", other)).status_code in (302, 403)
    client.post(add_url("casestudypage", other), case_study_form(slug="sneaky"))
    assert not CaseStudyPage.objects.filter(slug="sneaky").exists()
    barrier = make_barrier(make_case_study(other, "Kent study"), "Kent barrier")
    assert client.get(f"/admin/pages/{barrier.pk}/edit/").status_code in (302, 403)


def test_preview_of_a_new_workaround_shows_the_barriers_chosen_in_the_form(logged_in, pioneer):
    study = make_case_study(pioneer, "Published title")
    chosen = make_barrier(study, "The chosen barrier")
    make_barrier(study, "Another barrier")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["casestudies", "workaroundpage", study.pk])
    response = logged_in.post(url, workaround_form([chosen], title="A workaround not yet saved"))
    assert json.loads(response.content)["is_valid"] is True
    content = logged_in.get(url).content.decode()
    assert "<h1>A workaround not yet saved</h1>" in content
    addresses = content[content.index("<h2>Barriers it addresses</h2>") :]
    assert "The chosen barrier" in addresses
    assert "Another barrier" not in addresses
    assert "Permalink" not in content  # no id yet, so no permalink to show
    assert not WorkaroundPage.objects.exists()


# --- a workaround links only its own case study's barriers; choosers hide others' drafts -------------


def draft_case_study(pioneer, title):
    page = CaseStudyPage(title=title, summary="Not ready.", narrative="Draft.")
    page.live = False
    pioneer.add_child(instance=page)
    page.save_revision()
    return page


def test_the_workaround_form_offers_only_its_case_studys_barriers(logged_in, pioneer):
    study = make_case_study(pioneer, "Own study")
    own = make_barrier(study, "Own barrier")
    elsewhere = make_barrier(make_case_study(make_pioneer("Kent", region="south"), "Kent study"), "Kent barrier")
    page = logged_in.get(add_url("workaroundpage", study)).content.decode()
    assert "Own barrier" in page
    assert "Kent barrier" not in page

    response = logged_in.post(add_url("workaroundpage", study), workaround_form([elsewhere]))
    assert response.status_code == 200  # the form comes back with an error
    assert "Select a valid choice" in errors_of(response)
    assert not WorkaroundPage.objects.exists()
    assert logged_in.post(add_url("workaroundpage", study), workaround_form([own])).status_code == 302


def test_a_page_chooser_never_lists_another_pioneers_drafts(client, pioneer):
    kent = make_pioneer("Kent", region="south")
    secret = draft_case_study(kent, "Kent's unannounced pilot")
    public = make_case_study(kent, "Kent's published study")
    own_draft = draft_case_study(pioneer, "Leeds' own draft")
    editor = get_user_model().objects.create_user("leeds-editor", "e@example.org", PASSWORD)
    editor.groups.add(ensure_authors(pioneer))
    client.force_login(editor)

    browse = client.get(f"/admin/choose-page/{kent.pk}/").content.decode()
    assert "Kent&#x27;s published study" in browse or "Kent's published study" in browse
    assert "unannounced" not in browse
    search = client.get("/admin/choose-page/search/", {"q": "pilot study draft"}).content.decode()
    assert "unannounced" not in search
    own = client.get(f"/admin/choose-page/{pioneer.pk}/").content.decode()
    assert "own draft" in own
    assert secret.pk and public.pk and own_draft.pk
