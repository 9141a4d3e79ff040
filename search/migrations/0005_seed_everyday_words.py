"""Add acronyms and everyday wordings that the relevance benchmark's demo queries missed (bench/relevance).

Only groups whose terms mean the same thing to a reader of the exchange; frozen
here as written. A group sharing a term with an existing row is merged into it,
and a term already present is not added again.
"""

from django.db import migrations

GROUPS = [
    (["D2A", "discharge to assess"], "NHS England discharge to assess model"),
    (["ICO", "integrated care organisation", "integrated care organisations"], "NHS England new care models"),
    (["SPOC", "single point of contact"], "NHS England service descriptions"),
    (["hot desking", "hot desk", "hot desks"], "Everyday workplace wording"),
    (["pooled budget", "pooled budgets", "pooled fund", "shared budget", "joint budget"], "NHS Act 2006, section 75"),
    (["capitation", "capitated budget", "capitated budgets", "capitated payment"], "NHS England payment guidance"),
    (["online", "on the internet", "over the internet"], "Everyday wording"),
    (
        ["health records", "medical records", "medical notes", "patient records", "health and care records"],
        "Everyday wording; NHS Digital patient online access",
    ),
]


def _key(term: str) -> str:
    return " ".join(term.casefold().replace("-", " ").split())


def merge_groups(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    existing = {row.pk: row for row in SearchSynonym.objects.all()}
    for terms, note in GROUPS:
        keys = {_key(term) for term in terms}
        matching = [row for row in existing.values() if keys & {_key(term) for term in row.terms.split(",")}]
        if not matching:
            row = SearchSynonym.objects.create(terms=", ".join(terms), note=note[:200])
            existing[row.pk] = row
            continue
        row = matching[0]
        kept = [term.strip() for term in row.terms.split(",") if term.strip()]
        seen = {_key(term) for term in kept}
        extra = [term for term in terms if _key(term) not in seen and not seen.add(_key(term))]
        if extra:
            row.terms = ", ".join([*kept, *extra])
            row.save(update_fields=["terms"])


class Migration(migrations.Migration):
    dependencies = [("search", "0004_seed_commissioning_shorthand")]

    operations = [migrations.RunPython(merge_groups, migrations.RunPython.noop)]
