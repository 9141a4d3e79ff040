"""The page tree's rules: where each page type may live, the fixed top of the tree,
model validation, barrier/workaround links, permalinks and per-pioneer permissions."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from casestudies.models import (
    BarrierPage,
    CaseStudyPage,
    HomePage,
    PioneerIndexPage,
    PioneerPage,
    WorkaroundBarrier,
    WorkaroundPage,
)
from casestudies.site_structure import ensure_site_structure
from curation.roles import authors_group_name, ensure_authors
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import BarrierCategory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built_tree(django_db_setup, django_db_blocker):
    """Ids of a small tree, built once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home, index = ensure_site_structure()
            pioneer = make_pioneer("Leeds")
            study = make_case_study(pioneer, "Teams for older people")
            barrier = make_barrier(study, "No shared record")
            workaround = make_workaround(study, [barrier], "A read-only viewer")
            pages = {
                "root": Page.get_first_root_node(),
                "home": home,
                "index": index,
                "pioneer": pioneer,
                "study": study,
                "barrier": barrier,
                "workaround": workaround,
            }
            yield {name: page.pk for name, page in pages.items()}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths; they were rolled back.


@pytest.fixture
def tree(built_tree):
    """Fresh instances for each test (each test's changes are rolled back with it)."""
    cache.clear()  # site root paths a previous test cached may belong to a rolled-back tree
    return {name: Page.objects.get(pk=pk).specific for name, pk in built_tree.items()}


@pytest.fixture
def fresh_install():
    """The site as a new Wagtail install leaves it: a placeholder page as the default site's root."""
    for home in HomePage.objects.all():
        home.delete()
    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(depth=2).first()
    if placeholder is None:
        placeholder = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": placeholder}
    )
    cache.clear()
    assert not HomePage.objects.exists()
    return placeholder


def draft_child(parent, page):
    """Add a page that was saved but never published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


# --- where each page type may be created ---------------------------------------------------------

ALLOWED_PARENT = {
    CaseStudyPage: "pioneer",
    BarrierPage: "study",
    WorkaroundPage: "study",
    PioneerPage: "index",
}


@pytest.mark.parametrize("page_type", list(ALLOWED_PARENT))
def test_each_content_type_can_be_created_only_under_its_parent_type(tree, page_type):
    allowed = ALLOWED_PARENT[page_type]
    for name in ["root", "home", "index", "pioneer", "study", "barrier", "workaround"]:
        expected = name == allowed
        assert page_type.can_create_at(tree[name]) is expected, f"{page_type.__name__} under {name}"


def test_declared_parent_and_subpage_types():
    assert PioneerPage.allowed_parent_page_models() == [PioneerIndexPage]
    assert CaseStudyPage.allowed_parent_page_models() == [PioneerPage]
    assert BarrierPage.allowed_parent_page_models() == [CaseStudyPage]
    assert WorkaroundPage.allowed_parent_page_models() == [CaseStudyPage]
    assert HomePage.allowed_subpage_models() == [PioneerIndexPage]
    assert PioneerIndexPage.allowed_subpage_models() == [PioneerPage]
    assert PioneerPage.allowed_subpage_models() == [CaseStudyPage]
    assert set(CaseStudyPage.allowed_subpage_models()) == {BarrierPage, WorkaroundPage}
    assert BarrierPage.allowed_subpage_models() == []
    assert WorkaroundPage.allowed_subpage_models() == []


def test_home_page_and_pioneer_index_are_singletons(tree):
    assert HomePage.objects.count() == 1
    assert not HomePage.can_create_at(tree["root"])
    assert not PioneerIndexPage.can_create_at(tree["home"])


def test_a_home_page_may_be_created_at_the_root_while_none_exists(fresh_install):
    root = Page.get_first_root_node()
    assert not HomePage.objects.exists()
    assert HomePage.can_create_at(root)
    assert not PioneerPage.can_create_at(root)
    assert not CaseStudyPage.can_create_at(root)


def test_a_case_study_cannot_be_moved_out_of_a_pioneer(tree):
    assert tree["study"].can_move_to(make_pioneer("Kent"))
    assert not tree["study"].can_move_to(tree["index"])
    assert not tree["barrier"].can_move_to(tree["pioneer"])


# --- the fixed top of the tree --------------------------------------------------------------------


def test_ensure_site_structure_makes_home_the_default_site_root(fresh_install):
    home, index = ensure_site_structure()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert Site.objects.count() == 1
    assert index.get_parent().pk == home.pk
    assert index.slug == "pioneers"
    assert index.url == "/pioneers/"
    assert home.url == "/"
    # The placeholder "Welcome" page of a fresh install is gone, not left as an orphan root.
    assert not Page.objects.filter(pk=fresh_install.pk).exists()
    assert list(Page.objects.filter(depth=2).values_list("pk", flat=True)) == [home.pk]


def test_ensure_site_structure_is_idempotent(fresh_install):
    home, index = ensure_site_structure()
    pages_before = Page.objects.count()
    again_home, again_index = ensure_site_structure()
    assert (again_home.pk, again_index.pk) == (home.pk, index.pk)
    assert Page.objects.count() == pages_before
    assert HomePage.objects.count() == 1
    assert PioneerIndexPage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


def test_ensure_site_structure_keeps_existing_content(tree):
    home, index = ensure_site_structure()
    assert (home.pk, index.pk) == (tree["home"].pk, tree["index"].pk)
    assert list(index.pioneers()) == [tree["pioneer"]]
    assert list(tree["pioneer"].case_studies()) == [tree["study"]]


def test_ensure_site_structure_keeps_a_placeholder_that_has_children(fresh_install):
    """A "Welcome" page someone already built on is not deleted, only replaced as the site root."""
    fresh_install.add_child(instance=Page(title="About", slug="about"))
    home, _index = ensure_site_structure()
    assert Page.objects.filter(pk=fresh_install.pk).exists()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk


# --- validation -----------------------------------------------------------------------------------


def test_case_study_cannot_start_after_it_was_published(tree):
    study = tree["study"]
    study.date_published = date(2015, 6, 1)
    study.start_date = date(2015, 6, 2)
    with pytest.raises(ValidationError) as raised:
        study.full_clean()
    assert "start_date" in raised.value.message_dict


@pytest.mark.parametrize("start", [date(2014, 1, 1), date(2015, 6, 1), None])
def test_case_study_start_on_or_before_publication_is_valid(tree, start):
    study = tree["study"]
    study.date_published = date(2015, 6, 1)
    study.start_date = start
    study.full_clean()


# --- barriers, workarounds and what lists them ----------------------------------------------------


def test_workaround_and_barrier_link_both_ways(tree):
    study, barrier, workaround = tree["study"], tree["barrier"], tree["workaround"]
    second = make_barrier(study, "Consent rules unclear", category="it-systems")
    other_workaround = make_workaround(study, [barrier, second], "A data sharing agreement")
    assert list(workaround.barriers()) == [barrier]
    assert set(other_workaround.barriers()) == {barrier, second}
    assert set(barrier.workarounds()) == {workaround, other_workaround}
    assert list(second.workarounds()) == [other_workaround]


def test_unpublished_pages_are_left_out_of_the_links(tree):
    study, barrier, workaround = tree["study"], tree["barrier"], tree["workaround"]
    draft_workaround = WorkaroundPage(title="Draft idea", description="Not yet.")
    draft_workaround.barrier_links = [WorkaroundBarrier(barrier=barrier)]
    draft_child(study, draft_workaround)
    draft_barrier = draft_child(
        study,
        BarrierPage(title="Draft barrier", description="x", category=BarrierCategory.objects.get(slug="estates")),
    )
    WorkaroundBarrier.objects.create(workaround=workaround, barrier=draft_barrier)
    assert list(barrier.workarounds()) == [workaround]
    assert list(workaround.barriers()) == [barrier]


def test_case_study_lists_only_its_own_published_barriers_and_workarounds(tree):
    study, barrier, workaround = tree["study"], tree["barrier"], tree["workaround"]
    draft_child(
        study, BarrierPage(title="Draft", description="x", category=BarrierCategory.objects.get(slug="estates"))
    )
    unpublished = make_barrier(study, "Withdrawn later")
    unpublished.unpublish()
    elsewhere = make_case_study(tree["pioneer"], "Another study")
    make_barrier(elsewhere, "Someone else's barrier")
    assert list(study.barriers()) == [barrier]
    assert list(study.workarounds()) == [workaround]
    assert BarrierPage.objects.child_of(study).count() == 3


def test_child_pages_know_their_case_study_and_pioneer(tree):
    assert tree["barrier"].case_study == tree["study"]
    assert tree["workaround"].case_study == tree["study"]
    assert tree["barrier"].pioneer == tree["pioneer"]
    assert tree["study"].pioneer == tree["pioneer"]


# --- permalinks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "prefix"), [("barrier", "/barriers/"), ("workaround", "/workarounds/")])
def test_permalink_redirects_to_the_live_page(client, tree, kind, prefix):
    page = tree[kind]
    assert page.permalink() == f"{prefix}{page.pk}/"
    response = client.get(f"{prefix}{page.pk}/")
    assert response.status_code == 302
    assert response["Location"] == page.url
    assert response["Location"] == f"/pioneers/leeds/teams-for-older-people/{page.slug}/"
    assert client.get(response["Location"]).status_code == 200


def test_permalink_follows_a_moved_page(client, tree):
    other_study = make_case_study(tree["pioneer"], "Another study")
    barrier = tree["barrier"]
    barrier.move(other_study, pos="last-child")
    response = client.get(f"/barriers/{barrier.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/pioneers/leeds/another-study/no-shared-record/"


def test_permalinks_404_for_unknown_ids_and_the_wrong_type(client, tree):
    assert client.get("/barriers/999999/").status_code == 404
    assert client.get("/workarounds/999999/").status_code == 404
    assert client.get(f"/barriers/{tree['workaround'].pk}/").status_code == 404
    assert client.get(f"/workarounds/{tree['barrier'].pk}/").status_code == 404
    assert client.get(f"/barriers/{tree['study'].pk}/").status_code == 404


def test_permalinks_404_for_drafts(client, tree):
    study = tree["study"]
    draft_barrier = draft_child(
        study, BarrierPage(title="Draft", description="x", category=BarrierCategory.objects.get(slug="estates"))
    )
    draft_workaround = WorkaroundPage(title="Draft workaround", description="x")
    draft_workaround.barrier_links = [WorkaroundBarrier(barrier=tree["barrier"])]
    draft_child(study, draft_workaround)
    assert client.get(f"/barriers/{draft_barrier.pk}/").status_code == 404
    assert client.get(f"/workarounds/{draft_workaround.pk}/").status_code == 404

    tree["barrier"].unpublish()
    assert client.get(f"/barriers/{tree['barrier'].pk}/").status_code == 404


def test_permalinks_404_under_a_view_restriction(client, tree):
    PageViewRestriction.objects.create(
        page=tree["pioneer"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert client.get(f"/barriers/{tree['barrier'].pk}/").status_code == 404
    assert client.get(f"/workarounds/{tree['workaround'].pk}/").status_code == 404


def test_restricted_page_is_not_listed_either(tree):
    PageViewRestriction.objects.create(page=tree["barrier"], restriction_type="password", password="s3cret")
    assert list(tree["study"].barriers()) == []
    assert list(tree["workaround"].barriers()) == []


# --- per-pioneer permissions (tests/curation proves them through the admin) ------------------------


@pytest.fixture
def editor(tree):
    group = ensure_authors(tree["pioneer"])
    user = get_user_model().objects.create_user("leeds-editor", "editor@example.org", "pw")
    user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)


def test_pioneer_authors_group_is_named_after_the_pioneer(tree):
    group = ensure_authors(tree["pioneer"])
    assert group.name == authors_group_name(tree["pioneer"], group) == "Leeds authors"
    assert group.permissions.filter(codename="access_admin").exists()
    assert sorted(group.page_permissions.values_list("permission__codename", flat=True)) == [
        "add_page",
        "change_page",
    ]
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {tree["pioneer"].pk}


def test_ensure_authors_is_idempotent(tree):
    first = ensure_authors(tree["pioneer"])
    second = ensure_authors(tree["pioneer"])
    assert first.pk == second.pk
    assert second.page_permissions.count() == 2


def test_editor_can_write_but_not_publish_under_own_pioneer(tree, editor):
    for name in ["pioneer", "study", "barrier", "workaround"]:
        tester = tree[name].permissions_for_user(editor)
        assert tester.can_edit(), name
        assert not tester.can_publish(), name
        assert tester.can_submit_for_moderation(), name
    assert tree["study"].permissions_for_user(editor).can_add_subpage()
    assert tree["pioneer"].permissions_for_user(editor).can_add_subpage()


def test_editor_cannot_touch_another_pioneer_or_the_top_of_the_tree(tree, editor):
    other = make_pioneer("Kent", region="south")
    other_study = make_case_study(other, "Kent workforce")
    for page in [other, other_study, tree["index"], tree["home"]]:
        tester = page.permissions_for_user(editor)
        assert not tester.can_edit(), page.title
        assert not tester.can_publish(), page.title
        assert not tester.can_add_subpage(), page.title
    # ... and deleting a published page is not granted even in their own corner.
    assert not tree["study"].permissions_for_user(editor).can_delete()


def test_a_user_outside_the_group_has_no_rights(tree):
    ensure_authors(tree["pioneer"])
    outsider = get_user_model().objects.create_user("outsider", "o@example.org", "pw")
    assert not tree["study"].permissions_for_user(outsider).can_edit()
