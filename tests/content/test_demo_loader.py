"""`manage.py load_demo`: the 14 pioneers and their content (casestudies/fixtures/demo.json), imported
published into an empty site, never in production, never over existing content.

The demo is loaded once for the module (about 130 pages) inside a transaction that is
rolled back when the module ends; the idempotency test runs the command a second time.
"""

from __future__ import annotations

import html
import os
from io import StringIO
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Revision, Site

from casestudies.models import (
    BarrierPage,
    CaseStudyPage,
    HomePage,
    Outcome,
    PioneerIndexPage,
    PioneerPage,
    WorkaroundBarrier,
    WorkaroundPage,
)
from themes.models import BarrierCategory, Theme

DEMO_PASSWORD = "demo-password-for-tests"

# The 14 pioneers named in 2013 (docs/domain.md): name → NHS England region.
DOMAIN_PIONEERS = {
    "Barnsley": "North",
    "Cheshire": "North",
    "Cornwall and the Isles of Scilly": "South",
    "Greenwich": "London",
    "Islington": "London",
    "Kent": "South",
    "Leeds": "North",
    "North Staffordshire": "Midlands and East",
    "North West London": "London",
    "South Devon and Torbay": "South",
    "Southend": "Midlands and East",
    "South Tyneside": "North",
    "Waltham Forest, East London and the City": "London",
    "Worcestershire": "Midlands and East",
}


def snapshot() -> dict:
    """Everything a re-run must leave alone."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revisions": dict(Page.objects.values_list("pk", "latest_revision_id")),
        "published_at": dict(Page.objects.values_list("pk", "last_published_at")),
        "outcomes": Outcome.objects.count(),
        "links": WorkaroundBarrier.objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
    }


def run(*args) -> str:
    out = StringIO()
    with mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": DEMO_PASSWORD}):
        call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def first_load(django_db_setup, django_db_blocker):
    """The output of the first `load_demo` into an empty site; rolled back after the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            before = {"pages": Page.objects.count(), "users": get_user_model().objects.count()}
            yield {"output": run(), "before": before}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths; they were rolled back.


# --- refusing production (runs before anything is loaded) -----------------------------------------


@pytest.mark.django_db
def test_refuses_with_production_settings_and_writes_nothing(settings):
    settings.PORTAL_ENVIRONMENT = "production"
    before = snapshot()
    with pytest.raises(CommandError, match="production"):
        run()
    assert snapshot() == before
    assert not PioneerPage.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_refuses_when_the_environment_is_not_declared(settings):
    """Settings that forget PORTAL_ENVIRONMENT are treated as production: the safe default."""
    del settings.PORTAL_ENVIRONMENT
    with pytest.raises(CommandError):
        run()
    assert not PioneerPage.objects.exists()


# --- what the first load creates ------------------------------------------------------------------


@pytest.mark.django_db
def test_creates_the_14_pioneers_and_their_content(first_load):
    assert first_load["before"]["pages"] < 5  # it really started from an empty site
    assert PioneerPage.objects.live().count() == 14
    assert CaseStudyPage.objects.live().count() >= 20
    assert BarrierPage.objects.live().count() >= 40
    assert WorkaroundPage.objects.live().count() >= 40
    for summary in (
        "pioneers: 14 created, 0 changed, 0 published, 0 unchanged",
        f"case studies: {CaseStudyPage.objects.count()} created, 0 changed, 0 published, 0 unchanged",
        f"barriers: {BarrierPage.objects.count()} created, 0 changed, 0 published, 0 unchanged",
        f"workarounds: {WorkaroundPage.objects.count()} created, 0 changed, 0 published, 0 unchanged",
    ):
        assert summary in first_load["output"]
    assert "demo.json published." in first_load["output"]


@pytest.mark.django_db
def test_every_domain_pioneer_is_present_by_name_in_its_region(first_load):
    pioneers = {page.title: page.region.name for page in PioneerPage.objects.select_related("region")}
    assert pioneers == DOMAIN_PIONEERS


@pytest.mark.django_db
def test_the_tree_is_home_then_pioneers_then_pioneer_pages(first_load):
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    index = PioneerIndexPage.objects.child_of(home).get()
    assert index.url == "/pioneers/"
    assert PioneerPage.objects.child_of(index).count() == 14
    for pioneer in PioneerPage.objects.all():
        assert pioneer.case_studies().exists(), f"{pioneer.title} has no case study"


@pytest.mark.django_db
def test_every_theme_and_barrier_category_is_used(first_load):
    unused_themes = Theme.objects.exclude(pk__in=CaseStudyPage.themes.through.objects.values("theme_id"))
    assert list(unused_themes.values_list("name", flat=True)) == []
    unused_categories = BarrierCategory.objects.exclude(pk__in=BarrierPage.objects.values("category_id"))
    assert list(unused_categories.values_list("name", flat=True)) == []


@pytest.mark.django_db
def test_case_studies_are_complete(first_load):
    for study in CaseStudyPage.objects.all():
        assert study.summary and study.narrative, study.title
        assert study.themes.exists(), study.title
        assert study.outcomes.exists(), study.title
        assert study.stage_id, study.title
        assert study.start_date is None or study.start_date <= study.date_published, study.title
        assert study.barriers().exists(), study.title
        assert study.workarounds().exists(), study.title
        study.full_clean()


@pytest.mark.django_db
def test_every_workaround_addresses_a_barrier_of_its_own_case_study(first_load):
    for workaround in WorkaroundPage.objects.all():
        barriers = list(workaround.barriers())
        assert barriers, workaround.title
        for barrier in barriers:
            assert barrier.get_parent().pk == workaround.get_parent().pk, workaround.title


@pytest.mark.django_db
def test_every_demo_page_is_published_with_one_revision(first_load):
    for page in Page.objects.type(PioneerPage, CaseStudyPage, BarrierPage, WorkaroundPage):
        assert page.live and not page.has_unpublished_changes, page.title
        assert page.latest_revision_id is not None, page.title


@pytest.mark.django_db
def test_each_pioneer_has_an_authors_group(first_load):
    for pioneer in PioneerPage.objects.all():
        group = Group.objects.get(name=f"{pioneer.title} authors")
        assert set(group.page_permissions.values_list("page_id", flat=True)) == {pioneer.pk}
    assert not Group.objects.filter(name__endswith=" editors").exclude(name="Editors").exists()


@pytest.mark.django_db
def test_prints_admin_credentials_and_creates_a_superuser(first_load):
    assert "Demo admin account created: username 'admin'" in first_load["output"]
    assert f"password '{DEMO_PASSWORD}'" in first_load["output"]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(DEMO_PASSWORD)
    assert get_user_model().objects.count() == first_load["before"]["users"] + 1


@pytest.mark.django_db
def test_demo_pages_render(client, first_load):
    greenwich_studies = CaseStudyPage.objects.child_of(PioneerPage.objects.get(title="Greenwich"))
    pages = [HomePage.objects.get(), PioneerPage.objects.get(title="Greenwich"), *greenwich_studies]
    pages += [
        BarrierPage.objects.descendant_of(pages[1]).first(),
        WorkaroundPage.objects.descendant_of(pages[1]).first(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f"<h1>{html.escape(page.title)}</h1>" in response.content.decode(), page.url
    assert client.get("/pioneers/").status_code == 200
    # Greenwich's published headline figures read as numbers people write.
    content = "".join(client.get(study.url).content.decode() for study in greenwich_studies)
    assert "2,000" in content
    assert "E+" not in content


# --- running again --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing(first_load):
    before = snapshot()
    output = run()
    assert output == "Content exists: demo content not loaded.\n"
    assert DEMO_PASSWORD not in output
    assert snapshot() == before
    assert get_user_model().objects.filter(username="admin").count() == 1


@pytest.mark.django_db
def test_second_run_leaves_an_editors_change_alone(first_load):
    study = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    study.summary = "Edited by the Barnsley team."
    study.save_revision().publish()
    run()
    assert CaseStudyPage.objects.get(pk=study.pk).summary == "Edited by the Barnsley team."
