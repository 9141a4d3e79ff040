"""Form data as the Wagtail admin's page editor posts it, for each page type (management forms included)."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme


def _ids(model, *slugs: str) -> list[str]:
    return [str(pk) for pk in model.objects.filter(slug__in=slugs).values_list("pk", flat=True)]


def pioneer_form(title: str, slug: str, **changes) -> dict:
    data = {
        "title": title,
        "slug": slug,
        "region": str(Region.objects.get(slug="north").pk),
        "status": "pioneer",
        "plan_summary": "A plan.",
        "partners": "",
        "population_served": "",
        "website": "",
    }
    data.update(changes)
    return data


NEW_OUTCOME = {
    "measure": "emergency-admissions-avoided",
    "value": "420",
    "unit": "admissions a year",
    "baseline": "",
    "evidence": "local-monitoring",
    "id": "",
}


def attachment_rows(page) -> list[dict]:
    """The page's attached documents as its editor posts them back, kept as they are."""
    return [
        {"document": str(item.document_id), "description": item.description, "id": str(item.pk or "")}
        for item in page.attached_documents.all()
    ]


def case_study_form(
    title: str,
    slug: str,
    *,
    themes=("multidisciplinary-teams",),
    outcomes=(NEW_OUTCOME,),
    initial=0,
    documents=(),
    **changes,
) -> dict:
    """The case study editor's form, complete for the checklist unless `changes` say otherwise."""
    data = {
        "title": title,
        "slug": slug,
        "summary": "Community nurses and social workers in one team.",
        "narrative": "They formed neighbourhood teams.",
        "stage": str(Stage.objects.get(slug="implemented").pk),
        "start_date": "2014-04-01",
        "date_published": "2015-09-30",
        "tags": "",
        "outcomes": inline_formset(list(outcomes), initial=initial),
        "attached_documents": inline_formset(list(documents), initial=len(documents)),
        "contact_name": "Integration programme office",
        "contact_role": "",
        "contact_email": "pioneer@example.org",
        "no_patient_data": "on",
    }
    data.update(changes)
    if data.get("no_patient_data") is None:
        del data["no_patient_data"]  # an unticked box is not posted at all
    form = nested_form_data(data)
    form["themes"] = _ids(Theme, *themes)
    form["care_groups"] = _ids(CareGroup, "frail-older-people")
    return form


def barrier_form(title: str, slug: str, **changes) -> dict:
    data = {
        "title": title,
        "slug": slug,
        "category": str(BarrierCategory.objects.get(slug="information-governance").pk),
        "status": "ongoing",
        "description": "Partners read the consent rules differently.",
    }
    data.update(changes)
    return data


def workaround_form(title: str, slug: str, barriers, *, links=(), documents=(), **changes) -> dict:
    """`links` are the workaround's existing barrier links, kept; `barriers` are added."""
    items = [{"barrier": str(link.barrier_id), "id": str(link.pk)} for link in links]
    items += [{"barrier": str(barrier.pk), "id": ""} for barrier in barriers]
    data = {
        "title": title,
        "slug": slug,
        "description": "Every partner signed one agreement.",
        "requires": "local",
        "effectiveness": "worked-well",
        "requirement_detail": "",
        "barrier_links": inline_formset(items, initial=len(links), min=1),
        "attached_documents": inline_formset(list(documents), initial=len(documents)),
    }
    data.update(changes)
    return nested_form_data(data)


def form_for(page, title: str, **changes) -> dict:
    """The editor's form for an existing page as its latest revision stands, with a new title."""
    page = page.specific.get_latest_revision_as_object()
    if isinstance(page, PioneerPage):
        return pioneer_form(title, page.slug, **changes)
    if isinstance(page, CaseStudyPage):
        outcomes = [
            {
                "measure": outcome.measure,
                "value": str(outcome.value),
                "unit": outcome.unit,
                "baseline": outcome.baseline,
                "evidence": outcome.evidence,
                "id": str(outcome.pk),
            }
            for outcome in page.outcomes.all()
        ]
        changes.setdefault("themes", [theme.slug for theme in page.themes.all()])
        changes.setdefault("outcomes", outcomes)
        changes.setdefault("documents", attachment_rows(page))
        return case_study_form(title, page.slug, initial=len(outcomes), **changes)
    if isinstance(page, BarrierPage):
        return barrier_form(title, page.slug, **changes)
    if isinstance(page, WorkaroundPage):
        changes.setdefault("documents", attachment_rows(page))
        return workaround_form(title, page.slug, [], links=list(page.barrier_links.all()), **changes)
    raise TypeError(page)


def add_url(model, parent) -> str:
    return f"/admin/pages/add/casestudies/{model._meta.model_name}/{parent.pk}/"


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def errors_of(response) -> str:
    """The admin's error messages, for assertion messages."""
    if response.status_code != 200 or response.context is None:
        return f"status {response.status_code}"
    form = response.context.get("form")
    details = {"form": form.errors if form else None}
    for name, formset in (getattr(form, "formsets", None) or {}).items():
        details[name] = [formset.non_form_errors(), formset.errors]
    return repr(details)
