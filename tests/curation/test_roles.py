"""The roles follow the page tree by themselves: pioneers added, renamed, deleted; the home page made;
the old "<name> editors" groups migrated; the curators' permissions re-applied on every migrate."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, WorkflowPage

from casestudies.models import PioneerPage
from curation.models import PioneerAuthors
from curation.roles import CURATOR_PAGE_PERMISSIONS, CURATOR_PERMISSIONS, CURATORS, ensure_authors
from tests.factories import committed, make_pioneer

from .conftest import make_user

pytestmark = pytest.mark.django_db

roles_migration = importlib.import_module("curation.migrations.0002_roles_and_moderation")


def page_rights(group) -> set[tuple[str, int]]:
    return set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", "page_id"))


def authors_of(pioneer) -> Group:
    return PioneerAuthors.objects.get(pioneer_id=pioneer.pk).group


# --- authors -----------------------------------------------------------------------------------------


def test_a_new_pioneer_gets_its_authors_group_with_no_call_needed(site):
    pioneer = make_pioneer("Leeds")
    group = authors_of(pioneer)
    assert group.name == "Leeds authors"
    assert page_rights(group) == {("add_page", pioneer.pk), ("change_page", pioneer.pk)}
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]


def test_a_virtual_network_area_gets_one_too(site):
    area = make_pioneer("West Norfolk", status="virtual-network")
    assert authors_of(area).name == "West Norfolk authors"


def test_a_draft_pioneer_gets_its_group_when_first_saved(site):
    _home, index = site
    pioneer = PioneerPage(title="Southend")
    pioneer.live = False
    index.add_child(instance=pioneer)
    assert authors_of(pioneer).name == "Southend authors"


def test_a_rename_renames_the_group_when_it_is_published(site):
    pioneer = make_pioneer("North West London")
    group = authors_of(pioneer)
    pioneer.title = "North West London (eight boroughs)"
    pioneer.save_revision()  # a draft of the rename: the public name, and the group's, stay
    group.refresh_from_db()
    assert group.name == "North West London authors"
    with committed():
        pioneer.get_latest_revision().publish()
    group.refresh_from_db()
    assert group.name == "North West London (eight boroughs) authors"
    assert authors_of(pioneer).pk == group.pk  # the same group, members and all


def test_pioneers_with_one_name_get_a_group_each(site):
    first = make_pioneer("Cornwall")
    second = make_pioneer("Cornwall", slug="cornwall-isles-of-scilly")
    assert authors_of(first).name == "Cornwall authors"
    assert authors_of(second).name == "Cornwall (cornwall-isles-of-scilly) authors"


def test_a_long_name_fits_a_group_name(site):
    pioneer = make_pioneer("Waltham Forest, East London and the City " * 6)
    name = authors_of(pioneer).name
    assert len(name) <= 150 and name.endswith(" authors")


def test_a_deleted_pioneer_takes_its_group_with_it(site):
    pioneer = make_pioneer("Leeds")
    group = authors_of(pioneer)
    with committed():
        Page.objects.get(pk=pioneer.pk).delete()
    assert not Group.objects.filter(pk=group.pk).exists()


def test_authors_never_publish_even_if_someone_grants_it_by_hand(site):
    pioneer = make_pioneer("Leeds")
    group = authors_of(pioneer)
    publish_right = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=group, page=pioneer, permission=publish_right)
    GroupPagePermission.objects.create(group=group, page=pioneer.get_parent(), permission=publish_right)
    ensure_authors(pioneer)  # as the next save of the pioneer page does
    assert page_rights(group) == {("add_page", pioneer.pk), ("change_page", pioneer.pk)}


def test_the_deprecated_editors_helpers_return_the_authors_group(site):
    from casestudies.permissions import editors_group_name, ensure_pioneer_editors

    pioneer = make_pioneer("Leeds")
    with pytest.deprecated_call():
        group = ensure_pioneer_editors(pioneer)
    assert group == authors_of(pioneer)
    with pytest.deprecated_call():
        assert editors_group_name(pioneer) == "Leeds authors"


# --- curators ----------------------------------------------------------------------------------------


def test_curators_have_the_listed_permissions_and_the_home_page(site):
    home, _index = site
    curators = Group.objects.get(name=CURATORS)
    granted = {
        f"{app}.{codename}" for app, codename in curators.permissions.values_list("content_type__app_label", "codename")
    }
    assert set(CURATOR_PERMISSIONS) <= granted
    assert {"themes.change_theme", "themes.add_barriercategory", "search.change_searchsynonym"} <= granted
    assert page_rights(curators) == {(codename, home.pk) for codename in CURATOR_PAGE_PERMISSIONS}
    user = make_user("curator", curators)
    assert user.has_perm("themes.change_stage") and user.has_perm("search.delete_searchsynonym")


def test_the_workflow_covers_every_page_type_and_the_curators_approve(site):
    from tests.factories import make_barrier, make_case_study, make_workaround

    home, _index = site
    assert WorkflowPage.objects.get(page=home).workflow.name == "Exchange moderation"
    pioneer = make_pioneer("Leeds")
    study = make_case_study(pioneer)
    barrier = make_barrier(study)
    workaround = make_workaround(study, [barrier])
    for page in (pioneer, study, barrier, workaround):
        assert page.get_workflow().name == "Exchange moderation", page
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow__name="Exchange moderation")
    assert list(task.groups.values_list("name", flat=True)) == [CURATORS]


def test_curators_edit_taxonomies_and_synonyms_in_the_admin_and_authors_do_not(client, site):
    from themes.models import Theme

    theme = Theme.objects.get(slug="pooled-budgets")
    curator = make_user("curator", Group.objects.get(name=CURATORS))
    author = make_user("author", authors_of(make_pioneer("Leeds")))
    for user, allowed in ((curator, True), (author, False)):
        client.force_login(user)
        for url in [
            "/admin/snippets/themes/theme/",
            f"/admin/snippets/themes/theme/edit/{theme.pk}/",
            "/admin/snippets/search/searchsynonym/",
        ]:
            status = client.get(url).status_code
            assert (status == 200) is allowed, (user, url, status)


def test_every_migrate_reapplies_the_curators_permissions(site):
    curators = Group.objects.get(name=CURATORS)
    curators.permissions.remove(Permission.objects.get(codename="change_theme"))
    call_command("migrate", verbosity=0)
    assert curators.permissions.filter(codename="change_theme").exists()


# --- the migration from "<name> editors" -----------------------------------------------------------------


def test_the_migration_moves_editors_into_authors_and_deletes_the_old_groups(site):
    leeds = make_pioneer("Leeds")
    kent = make_pioneer("Kent")
    # Back to the state before curation: old editors' groups (one renamed by hand), no authors' groups.
    for pioneer in (leeds, kent):
        group = authors_of(pioneer)
        PioneerAuthors.objects.filter(pioneer_id=pioneer.pk).delete()
        assert not Group.objects.filter(pk=group.pk).exists()
    old_rights = [Permission.objects.get(codename=codename) for codename in ("add_page", "change_page", "publish_page")]
    members = {}
    for pioneer, name in ((leeds, "Leeds editors"), (kent, "Kent staff editors")):
        old = Group.objects.create(name=name)
        for right in old_rights:
            GroupPagePermission.objects.create(group=old, page=pioneer, permission=right)
        members[pioneer.pk] = make_user(f"{pioneer.slug}-writer", old)

    roles_migration.create_roles(global_apps, None)

    for pioneer in (leeds, kent):
        authors = authors_of(pioneer)
        assert authors.name == f"{pioneer.title} authors"
        assert list(authors.user_set.all()) == [members[pioneer.pk]]
        assert ("publish_page", pioneer.pk) not in page_rights(authors)
    assert not Group.objects.filter(name__in=["Leeds editors", "Kent staff editors"]).exists()

    roles_migration.remove_roles(global_apps, None)  # and back again
    restored = Group.objects.get(name="Leeds editors")
    assert list(restored.user_set.all()) == [members[leeds.pk]]
    assert ("publish_page", leeds.pk) in page_rights(restored)
    assert not PioneerAuthors.objects.exists()
    assert not Group.objects.filter(name=CURATORS).exists()
