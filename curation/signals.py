"""Keep the roles in step with the page tree, with no call needed from whoever changes it.

A pioneer page saved (added, published, renamed, as a draft or live) has its
authors' group, and its network drafters' group if it has one, named after it;
a new home page gets the curators' rights and the moderation workflow; a
deleted pioneer takes its groups with it; a case study published
for the first time gets its review date; every `migrate` re-applies the roles,
so a permission added to roles.CURATOR_PERMISSIONS reaches the curators.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import page_published

from casestudies.models import CaseStudyPage, HomePage, PioneerPage

from .models import NetworkDrafters, PioneerAuthors
from .moderation import ensure_moderation_workflow, set_default_review_date
from .roles import ensure_authors, ensure_curators, ensure_drafters, sync_roles


def on_pioneer_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw:  # fixtures load rows as they are
        return
    if update_fields is not None and not {"title", "slug"} & set(update_fields):
        return  # a draft revision of a live page: the stored (public) name has not changed
    ensure_authors(instance)
    if NetworkDrafters.objects.filter(area_id=instance.pk).exists():
        ensure_drafters(instance)


def on_home_created(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        ensure_curators()
        ensure_moderation_workflow()


def on_role_deleted(sender, instance, **kwargs) -> None:
    """The pioneer page has gone (its authors' or drafters' role), and its group's rights with it: the empty
    group goes too."""
    Group.objects.filter(pk=instance.group_id).delete()


def on_case_study_published(sender, instance, revision=None, **kwargs) -> None:
    set_default_review_date(instance, revision)


def on_migrated(sender, using="default", **kwargs) -> None:
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return  # part-way, or migrated backwards: the roles' tables and rows may not be there
    # Permissions are made after migrations, app by app: make every app's now, so the list can name any.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=global_apps)
    sync_roles()
    ensure_moderation_workflow()


def connect(app_config) -> None:
    post_save.connect(on_pioneer_saved, sender=PioneerPage, dispatch_uid="curation_pioneer_saved")
    post_save.connect(on_home_created, sender=HomePage, dispatch_uid="curation_home_created")
    post_delete.connect(on_role_deleted, sender=PioneerAuthors, dispatch_uid="curation_authors_deleted")
    post_delete.connect(on_role_deleted, sender=NetworkDrafters, dispatch_uid="curation_drafters_deleted")
    page_published.connect(on_case_study_published, sender=CaseStudyPage, dispatch_uid="curation_review_date")
    post_migrate.connect(on_migrated, sender=app_config, dispatch_uid="curation_sync_roles")
