"""Seed the taxonomies with the programme's starting values.

The values are frozen here, as they were when this migration was written:
curators edit the taxonomies in the admin afterwards, and history must not
change when anything else does.
"""

from django.db import migrations

REGIONS = [
    ('north', 'North'),
    ('midlands-and-east', 'Midlands and East'),
    ('london', 'London'),
    ('south', 'South'),
]

THEMES = [
    ('single-point-of-contact', 'Single point of contact'),
    ('integrated-care-plans', 'Integrated care plans'),
    ('multidisciplinary-teams', 'Multidisciplinary teams'),
    ('rapid-community-response', 'Rapid community response'),
    ('admission-avoidance-and-early-discharge', 'Admission avoidance and early discharge'),
    ('seven-day-services', 'Seven-day services'),
    ('prevention-and-early-intervention', 'Prevention and early intervention'),
    ('self-care-telecare-and-community-support', 'Self-care, telecare and community support'),
    ('shared-records-and-information-sharing', 'Shared records and information sharing'),
    ('digital-access-for-patients', 'Digital access for patients'),
    ('workforce-redesign', 'Workforce redesign'),
    ('gp-leadership-and-federations', 'GP leadership and federations'),
    ('new-payment-and-contracting-models', 'New payment and contracting models (prime provider, capitated budgets, accountable care)'),
    ('pooled-budgets', 'Pooled budgets'),
    ('measuring-patient-experience', 'Measuring patient experience'),
]

BARRIER_CATEGORIES = [
    ('information-governance', 'Information governance and data sharing'),
    ('it-systems', 'IT systems and interoperability'),
    ('payment-mechanisms', 'Payment mechanisms'),
    ('competition-and-procurement', 'Competition and procurement rules'),
    ('contract-length', 'Contract length and commissioning cycles'),
    ('funding-pressure', 'Funding pressure and partner withdrawal'),
    ('workforce-and-skills', 'Workforce and skills'),
    ('culture-and-leadership', 'Organisational culture and leadership'),
    ('governance-and-accountability', 'Governance and accountability'),
    ('regulation-and-inspection', 'Regulation and inspection'),
    ('estates', 'Estates'),
    ('evaluation', 'Evaluation and measuring outcomes'),
    ('patient-and-public-engagement', 'Patient and public engagement'),
]

CARE_GROUPS = [
    ('frail-older-people', 'Frail older people'),
    ('long-term-conditions', 'People with long-term conditions'),
    ('disabilities', 'People with disabilities'),
    ('families-with-complex-needs', 'Families with complex needs'),
    ('cancer', 'People with cancer'),
    ('end-of-life', 'People at the end of life'),
    ('mental-health', 'People with mental health needs'),
    ('whole-population', 'Whole population'),
]

STAGES = [
    ('planning', 'Planning'),
    ('early-implementation', 'Early implementation'),
    ('implemented', 'Implemented'),
    ('evaluated', 'Evaluated'),
    ('scaled-up', 'Scaled up'),
]

SEEDS = {
    "Region": REGIONS,
    "Theme": THEMES,
    "BarrierCategory": BARRIER_CATEGORIES,
    "CareGroup": CARE_GROUPS,
    "Stage": STAGES,
}


def add_seed_values(apps, schema_editor):
    for model_name, values in SEEDS.items():
        model = apps.get_model("themes", model_name)
        for position, (slug, name) in enumerate(values, start=1):
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [migrations.RunPython(add_seed_values, migrations.RunPython.noop)]
