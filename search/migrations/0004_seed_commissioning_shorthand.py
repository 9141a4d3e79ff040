"""Add the health and social care shorthand commissioners use (docs/vocabulary.md lists the sources).

Frozen here as written. A group that shares a term with a row curators already
have is merged into that row instead of duplicated; a term already present is
left alone.
"""

from django.db import migrations

# (terms, where the shorthand comes from)
SHORTHAND = [
    (
        ["S75", "s.75", "section 75", "section 75 agreement"],
        "National Health Service Act 2006, section 75 partnership arrangements",
    ),
    (["H&WB", "HWB", "HWBB", "health and wellbeing board"], "Health and Social Care Act 2012, part 5"),
    (["ASC", "adult social care"], "Care Act 2014; NHS Digital adult social care statistics"),
    (
        ["BCF", "Better Care Fund", "ITF", "integration transformation fund"],
        "Spending Round 2013: the £3.8bn Integration Transformation Fund, renamed the Better Care Fund",
    ),
    (
        ["JSNA", "joint strategic needs assessment"],
        "Local Government and Public Involvement in Health Act 2007, section 116",
    ),
    (["JHWS", "joint health and wellbeing strategy"], "Health and Social Care Act 2012, section 193"),
    (
        ["DToC", "delayed transfer of care", "delayed transfers of care", "delayed discharge", "delayed discharges"],
        "NHS England delayed transfers of care statistics",
    ),
    (["CHC", "continuing healthcare", "NHS continuing healthcare"], "National Framework for NHS Continuing Healthcare"),
    (["CQC", "Care Quality Commission"], "Health and Social Care Act 2008"),
    (["SCR", "summary care record"], "NHS Digital Summary Care Record"),
    (["EPR", "electronic patient record", "EHR", "electronic health record"], "NHS Data Model and Dictionary"),
    (["PHB", "personal health budget", "personal health budgets"], "NHS England personal health budgets"),
    (["SPA", "single point of access"], "NHS England service descriptions"),
    (
        ["VCS", "VCSE", "voluntary sector", "voluntary and community sector", "third sector"],
        "Office for Civil Society; NHS England VCSE programme",
    ),
    (["LD", "learning disability", "learning disabilities"], "NHS Data Model and Dictionary"),
    (["MH", "mental health"], "NHS Data Model and Dictionary"),
    (["CAMHS", "child and adolescent mental health services"], "NHS Data Model and Dictionary"),
    (["IAPT", "improving access to psychological therapies"], "NHS England IAPT programme"),
    (["LoS", "length of stay"], "NHS Data Model and Dictionary (hospital provider spell duration)"),
    (
        ["NEL", "non-elective", "non-elective admissions", "emergency admissions"],
        "NHS Data Model and Dictionary (admission method)",
    ),
    (
        ["FT", "foundation trust", "NHS foundation trust"],
        "Health and Social Care (Community Health and Standards) Act 2003",
    ),
    (["PCT", "primary care trust"], "NHS Act 2006 (abolished 2013 by the Health and Social Care Act 2012)"),
    (["CSU", "commissioning support unit"], "NHS England commissioning support units"),
    (["LGA", "Local Government Association"], "Local Government Association"),
    (["PHE", "Public Health England"], "Health and Social Care Act 2012"),
    (["HEE", "Health Education England"], "Care Act 2014, part 3"),
    (
        ["ISA", "information sharing agreement", "data sharing agreement"],
        "Caldicott review 2013, Information: To share or not to share",
    ),
    (["DPA", "Data Protection Act"], "Data Protection Act 1998"),
    (["CQUIN", "commissioning for quality and innovation"], "NHS standard contract"),
    (["AQP", "any qualified provider"], "Department of Health, any qualified provider guidance 2011"),
    (["OOH", "out of hours"], "NHS Data Model and Dictionary"),
    (["COPD", "chronic obstructive pulmonary disease"], "NHS Data Model and Dictionary"),
    (
        ["A&E", "ED", "accident and emergency", "emergency department"],
        "NHS Data Model and Dictionary (A&E department type)",
    ),
]


def _fold(term: str) -> str:
    return " ".join(term.lower().replace("-", " ").split())


def add_shorthand(apps, schema_editor):
    SearchSynonym = apps.get_model("search", "SearchSynonym")
    rows = list(SearchSynonym.objects.all())
    for terms, source in SHORTHAND:
        wanted = {_fold(term) for term in terms}
        row = next((r for r in rows if wanted & {_fold(t) for t in r.terms.split(",") if t.strip()}), None)
        if row is None:
            rows.append(SearchSynonym.objects.create(terms=", ".join(terms), note=source[:200]))
            continue
        present = [t.strip() for t in row.terms.split(",") if t.strip()]
        known = {_fold(t) for t in present}
        added = [term for term in terms if _fold(term) not in known]
        if added:
            row.terms = ", ".join(present + added)
            row.note = row.note or source[:200]
            row.save(update_fields=["terms", "note"])


class Migration(migrations.Migration):
    dependencies = [("search", "0003_indexchange")]

    operations = [migrations.RunPython(add_shorthand, migrations.RunPython.noop)]
