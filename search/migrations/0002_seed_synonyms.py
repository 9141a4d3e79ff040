"""Seed the curators' synonym table with the words people search with (DOMAIN.md)."""

from django.db import migrations

from themes.seed import SYNONYM_GROUPS


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for group in SYNONYM_GROUPS:
        terms = ", ".join(group)
        SearchSynonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
