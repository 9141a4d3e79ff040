"""Create the "Network members" group: people from the areas who signed up (network/).

It has no permissions: no wagtailadmin.access_admin, so its members never reach
the admin unless a curator grants it. The name is frozen here, as it was when
this migration was written (curation.roles.NETWORK_MEMBERS).
"""

from django.db import migrations

NETWORK_MEMBERS = "Network members"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=NETWORK_MEMBERS)


def remove_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=NETWORK_MEMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0004_authors_document_collection"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
