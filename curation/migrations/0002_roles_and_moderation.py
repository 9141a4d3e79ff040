"""Create the roles and the moderation workflow; replace each pioneer's "<name> editors" group.

- "Exchange curators": the curators' permissions below, and add, change,
  publish, lock and unlock on the home page (if the site has one yet).
- "<pioneer> authors" for every pioneer page: add and change on its page, no
  publish. The members of the old "<pioneer> editors" group move to it, and the
  old group (which could publish) is deleted.
- The "Exchange moderation" workflow, one task approved by the curators,
  assigned to the home page.

The values are frozen here, as they were when this migration was written; the
running code keeps the roles in step afterwards (curation.roles, curation.signals).
Pages made later (a fresh site's home page, new pioneers) get theirs from signals.
"""

from django.db import migrations

CURATORS = "Exchange curators"
WORKFLOW = "Exchange moderation"
TASK = "Curators' approval"
GROUP_NAME_LENGTH = 150

# (app_label, model, codename, name)
CURATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    *(
        (app_label, model, f"{action}_{model}", f"Can {action} {verbose_name}")
        for app_label, model, verbose_name in [
            ("themes", "theme", "theme"),
            ("themes", "barriercategory", "barrier category"),
            ("themes", "caregroup", "care group"),
            ("themes", "stage", "stage"),
            ("themes", "region", "NHS England region"),
            ("search", "searchsynonym", "synonym"),
        ]
        for action in ("add", "change", "delete", "view")
    ),
    ("casestudies", "casestudypage", "set_review_date", "Can set a case study's review-by date"),
    ("curation", "curation", "view_reports", "Can see the curators' reports"),
]
CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
AUTHOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
OLD_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # On a fresh database Django makes content types and permissions only after every migration.
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def page_permission(apps, codename):
    verb = codename.split("_")[0]
    return permission(apps, "wagtailcore", "page", codename, f"Can {verb} page")


def access_admin(apps):
    return permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")


def fit(title, suffix):
    return title[: GROUP_NAME_LENGTH - len(suffix)].rstrip() + suffix


def authors_name(apps, pioneer):
    Group = apps.get_model("auth", "Group")
    candidates = [
        fit(pioneer.title, " authors"),
        fit(pioneer.title, f" ({pioneer.slug}) authors"),
        fit(pioneer.title, f" (page {pioneer.pk}) authors"),
    ]
    taken = set(Group.objects.filter(name__in=candidates).values_list("name", flat=True))
    return next((name for name in candidates if name not in taken), candidates[-1])


def old_editors_groups(apps, pioneer):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    with_rights_here = GroupPagePermission.objects.filter(page_id=pioneer.pk).values_list("group_id", flat=True)
    named = Group.objects.filter(name=f"{pioneer.title} editors")
    renamed_since = Group.objects.filter(pk__in=with_rights_here, name__endswith=" editors")
    return (named | renamed_since).distinct()


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("casestudies", "HomePage")
    PioneerPage = apps.get_model("casestudies", "PioneerPage")
    PioneerAuthors = apps.get_model("curation", "PioneerAuthors")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    curators, _ = Group.objects.get_or_create(name=CURATORS)
    curators.permissions.add(*(permission(apps, *spec) for spec in CURATOR_PERMISSIONS))
    homes = list(HomePage.objects.all())
    for home in homes:
        for codename in CURATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=curators, page_id=home.pk, permission=page_permission(apps, codename)
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(curators)
    workflow = Workflow.objects.filter(name=WORKFLOW).first() or Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.get_or_create(page_id=home.pk, defaults={"workflow": workflow})

    for pioneer in PioneerPage.objects.order_by("path"):
        old_groups = list(old_editors_groups(apps, pioneer))
        role = PioneerAuthors.objects.filter(pioneer_id=pioneer.pk).select_related("group").first()
        if role is None:
            authors = Group.objects.create(name=authors_name(apps, pioneer))
            PioneerAuthors.objects.create(pioneer_id=pioneer.pk, group=authors)
        else:
            authors = role.group
        authors.permissions.add(access_admin(apps))
        for codename in AUTHOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=authors, page_id=pioneer.pk, permission=page_permission(apps, codename)
            )
        for old in old_groups:
            authors.user_set.add(*old.user_set.all())
            old.delete()


def remove_roles(apps, schema_editor):
    """Back to one "<pioneer> editors" group per pioneer, members kept, with the old rights (publish too)."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    PioneerAuthors = apps.get_model("curation", "PioneerAuthors")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for role in PioneerAuthors.objects.select_related("pioneer", "group"):
        editors, _ = Group.objects.get_or_create(name=fit(role.pioneer.title, " editors"))
        editors.permissions.add(access_admin(apps))
        for codename in OLD_EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page_id=role.pioneer_id, permission=page_permission(apps, codename)
            )
        editors.user_set.add(*role.group.user_set.all())
        group = role.group
        role.delete()
        group.delete()
    Workflow.objects.filter(name=WORKFLOW).delete()  # its page assignments and task links go with it
    GroupApprovalTask.objects.filter(name=TASK).delete()
    Group.objects.filter(name=CURATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_initial"),
        ("casestudies", "0002_review_date_and_patient_data_confirmation"),
        ("themes", "0002_seed_taxonomies"),
        ("search", "0003_indexchange"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
