"""Seed the taxonomies with the programme's starting values (DOMAIN.md)."""

from django.db import migrations

from themes import seed

SEEDS = {
    "Region": seed.REGIONS,
    "Theme": seed.THEMES,
    "BarrierCategory": seed.BARRIER_CATEGORIES,
    "CareGroup": seed.CARE_GROUPS,
    "Stage": seed.STAGES,
}


def add_seed_values(apps, schema_editor):
    for model_name, values in SEEDS.items():
        model = apps.get_model("themes", model_name)
        for position, (slug, name) in enumerate(values, start=1):
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [migrations.RunPython(add_seed_values, migrations.RunPython.noop)]
