"""Curators merge and delete terms through the admin's own views; search follows on the real node."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from taggit.models import Tag

from casestudies.models import CaseStudyPage
from search.request import SearchRequest
from tests.factories import committed, make_barrier, make_case_study, make_pioneer
from tests.integration.conftest import db_documents, es_hits
from themes.models import Theme

pytestmark = pytest.mark.django_db


def theme_url(action: str, theme: Theme) -> str:
    return reverse(Theme.snippet_viewset.get_url_name(action), args=[theme.pk])


@pytest.fixture
def study():
    return make_case_study(
        make_pioneer("Merge Margate"), "Budgets pooled across the county", themes=("pooled-budgets",)
    )


def test_a_curator_merges_a_theme_from_the_listing(admin_client, study):
    old, new = Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="workforce-redesign")
    listing = admin_client.get(reverse(Theme.snippet_viewset.get_url_name("list")))
    assert theme_url("merge", old) in listing.content.decode()  # the "Merge into…" button

    page = admin_client.get(theme_url("merge", old))
    assert page.status_code == 200
    assert "“Pooled budgets” is used by 1 case study" in page.content.decode()

    with committed():
        response = admin_client.post(theme_url("merge", old), {"target": new.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(Theme.snippet_viewset.get_url_name("list"))
    assert "Merged “Pooled budgets” into “Workforce redesign”: moved 1 case study; rewrote 1 page revision." in (
        response.content.decode()
    )
    assert list(CaseStudyPage.objects.get(pk=study.pk).themes.values_list("slug", flat=True)) == [new.slug]


def test_the_merge_form_explains_a_missing_choice(admin_client, study):
    old = Theme.objects.get(slug="pooled-budgets")
    response = admin_client.post(theme_url("merge", old), {"target": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    response = admin_client.post(theme_url("merge", old), {"target": old.pk})  # itself is not offered
    assert "Select a valid choice." in response.content.decode()
    assert Theme.objects.filter(pk=old.pk).exists()


def test_deleting_a_theme_in_use_is_refused_in_the_admin(admin_client, study):
    theme = Theme.objects.get(slug="pooled-budgets")
    page = admin_client.get(theme_url("delete", theme)).content.decode()
    assert "“Pooled budgets” is used by 1 case study; merge it into another term instead of deleting it." in page
    assert "Yes, delete" not in page and theme_url("merge", theme) in page

    response = admin_client.post(theme_url("delete", theme), follow=True)
    assert Theme.objects.filter(pk=theme.pk).exists()
    assert "merge it into another term" in response.content.decode()


def test_an_unused_theme_can_still_be_deleted(admin_client):
    unused = Theme.objects.create(name="Unused idea", slug="unused-idea")
    admin_client.post(theme_url("delete", unused))
    assert not Theme.objects.filter(pk=unused.pk).exists()


def test_only_people_who_may_change_and_delete_terms_may_merge(client, study):
    user = get_user_model().objects.create_user("reader", password="x-long-enough-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    theme = Theme.objects.get(slug="pooled-budgets")
    refused = client.get(theme_url("merge", theme))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission" answer
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_theme", "delete_theme"]))
    client.force_login(get_user_model().objects.get(pk=user.pk))
    assert client.get(theme_url("merge", theme)).status_code == 200


def test_tags_are_curated_under_taxonomies_too(admin_client):
    make_case_study(make_pioneer(), tags=("telecare",))
    tag = Tag.objects.get(name="telecare")
    listing = admin_client.get(reverse(Tag.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200 and "telecare" in listing.content.decode()
    delete_page = admin_client.get(reverse(Tag.snippet_viewset.get_url_name("delete"), args=[tag.pk]))
    assert "“telecare” is used by 1 case study" in delete_page.content.decode()


def test_old_slugs_in_search_addresses_redirect_to_the_survivor(client, admin_client, study):
    old, new = Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="workforce-redesign")
    with committed():
        admin_client.post(theme_url("merge", old), {"target": new.pk})
    for path in ("/search/", "/api/v1/search", "/search/feed/", "/search/export.csv"):
        response = client.get(path, {"q": "budgets", "theme": ["Pooled-Budgets", "workforce-redesign"], "page": "1"})
        assert response.status_code == 301, path
        assert response["Location"] == f"{path}?q=budgets&theme=workforce-redesign&page=1"
    assert client.get("/search/", {"theme": "workforce-redesign"}).status_code == 200
    assert client.get("/search/", {"theme": "no-such-theme"}).status_code == 200  # unknown is not old


@pytest.mark.elasticsearch
def test_after_a_merge_the_index_names_only_the_survivor_on_both_engines(client, admin_client, es_store, es_engine):
    study = make_case_study(make_pioneer("Merge Morecambe"), "Pooling the county budget", themes=("pooled-budgets",))
    barrier = make_barrier(study, "Separate budget cycles", category="estates")
    tagged = make_case_study(make_pioneer("Merge Matlock"), "Alarm pendants", tags=("Tele-care",))
    sensors = make_case_study(make_pioneer("Merge Malvern"), "Falls sensors", tags=("telecare",))
    old_tag, kept_tag = Tag.objects.get(name="Tele-care"), Tag.objects.get(name="telecare")
    old, new = Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="seven-day-services")

    with committed():
        admin_client.post(theme_url("merge", old), {"target": new.pk})
        tag_merge_url = reverse(Tag.snippet_viewset.get_url_name("merge"), args=[old_tag.pk])
        admin_client.post(tag_merge_url, {"target": kept_tag.pk})

    assert set(es_hits(es_engine, theme=["seven-day-services"])) >= {study.pk, barrier.pk}
    assert es_hits(es_engine, theme=["pooled-budgets"]) == {}
    response = es_engine.search(SearchRequest())
    theme_values = {value.value for facet in response.facets if facet.name == "theme" for value in facet.values}
    assert "pooled-budgets" not in theme_values and "seven-day-services" in theme_values
    assert db_documents()[barrier.pk]["theme"] == ["seven-day-services"]
    assert set(es_hits(es_engine, tag=["telecare"])) == {tagged.pk, sensors.pk}
    assert es_hits(es_engine, tag=[old_tag.slug]) == {}
    suggestions = {s["text"] for s in es_engine.suggest("pooled")}
    assert "Pooled budgets" not in suggestions


def test_a_curator_reorders_themes_by_dragging(admin_client):
    themes = list(Theme.objects.all())
    last = themes[-1]
    response = admin_client.post(theme_url("reorder", last) + "?position=0")
    assert response.status_code == 200 and response.json() == {"success": True}
    assert list(Theme.objects.all())[0] == last
    assert list(Theme.objects.all())[1:] == themes[:-1]
