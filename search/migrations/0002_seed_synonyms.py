"""Seed the curators' synonym table with the words commissioners search with.

The groups are frozen here, as they were when this migration was written;
curators edit the table in the admin afterwards.
"""

from django.db import migrations

SYNONYM_GROUPS = [
    ['A&E', 'accident and emergency', 'emergency department'],
    ['GP', 'general practitioner', 'general practice'],
    ['CCG', 'clinical commissioning group'],
    ['LTC', 'long-term condition', 'long-term conditions'],
    ['MDT', 'multidisciplinary team'],
    ['ACO', 'accountable care organisation'],
    ['IG', 'information governance'],
    ['PbR', 'payment by results'],
    ['EoL', 'end of life'],
    ['LA', 'local authority', 'council'],
    ['H&WB', 'health and wellbeing board'],
    ['NHSE', 'NHS England'],
    ['older people', 'elderly', 'over-65s'],
    ['telecare', 'assistive technology'],
    ['out of hospital', 'admission avoidance', 'avoid admissions', 'prevent admissions'],
]


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    for group in SYNONYM_GROUPS:
        SearchSynonym.objects.get_or_create(terms=", ".join(group))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_synonyms, migrations.RunPython.noop)]
