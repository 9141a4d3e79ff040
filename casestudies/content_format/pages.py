"""Pages and records of the content format, both ways, and the pages a site already has.

`*_record` reads a page's content as export writes it; `write_*` puts a record's
values on a page. Import compares the two to tell a changed record from an
unchanged one, so a record read back from the page it was written to is equal
to the record itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from taggit.models import Tag
from wagtail.models import Page

from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme

from ..models import (
    BarrierPage,
    CaseStudyPage,
    CaseStudyTag,
    HomePage,
    Outcome,
    PioneerIndexPage,
    PioneerPage,
    WorkaroundBarrier,
    WorkaroundPage,
)
from .spec import BARRIER, CASE_STUDY, CASE_STUDY_CHILDREN, CONTACT, OUTCOME, PIONEER, WORKAROUND, Checks, plain_number

STEP = Page.steplen


def _parent_path(page: Page) -> str:
    return page.path[:-STEP]


class SiteContent:
    """The pioneers, case studies, barriers and workarounds already on the site, found by their slugs."""

    def __init__(self):
        home = HomePage.objects.first()
        self.index = PioneerIndexPage.objects.child_of(home).first() if home else None
        self.pioneers: dict[str, PioneerPage] = {}
        self.case_studies: dict[tuple[str, str], CaseStudyPage] = {}
        self.children: dict[tuple[str, str], dict[str, BarrierPage | WorkaroundPage]] = {}
        if self.index is None:
            return
        slug_paths: dict[str, tuple[str, ...]] = {}
        for pioneer in PioneerPage.objects.child_of(self.index).order_by("path"):
            self.pioneers[pioneer.slug] = pioneer
            slug_paths[pioneer.path] = (pioneer.slug,)
        for study in CaseStudyPage.objects.descendant_of(self.index).order_by("path"):
            if parent := slug_paths.get(_parent_path(study)):
                self.case_studies[(*parent, study.slug)] = study
                slug_paths[study.path] = (*parent, study.slug)
        children = [
            *BarrierPage.objects.descendant_of(self.index),
            *WorkaroundPage.objects.descendant_of(self.index),
        ]
        for child in sorted(children, key=lambda page: page.path):
            parent = slug_paths.get(_parent_path(child))
            if parent and len(parent) == 2:
                self.children.setdefault(parent, {})[child.slug] = child

    def case_studies_of(self, pioneer_slug: str) -> list[CaseStudyPage]:
        return [study for (pioneer, _slug), study in self.case_studies.items() if pioneer == pioneer_slug]

    def children_of(self, key: tuple[str, str], model=Page) -> dict[str, Page]:
        """The barriers and workarounds (or only those of `model`) of one case study, by slug, in tree order."""
        return {slug: page for slug, page in self.children.get(key, {}).items() if isinstance(page, model)}


def latest_content(page: Page) -> Page:
    """What editors see in the admin: the latest revision, or the page itself when it has no draft changes."""
    return page.get_latest_revision_as_object()


def _in_key_order(record_spec, values: dict[str, Any]) -> dict[str, Any]:
    return {key: values[key] for key in record_spec.keys if key in values}


def _slugs(checks: Checks, model, pks) -> list[str]:
    by_pk = {value.pk: slug for slug, value in checks.taxonomy(model).items()}
    return checks.in_taxonomy_order(model, [by_pk[pk] for pk in pks if pk in by_pk])


def _slug_of(checks: Checks, model, pk: int | None) -> str | None:
    if pk is None:
        return None
    return next((slug for slug, value in checks.taxonomy(model).items() if value.pk == pk), None)


# Reading ----------------------------------------------------------------------------------------


def pioneer_record(page: PioneerPage, checks: Checks) -> dict[str, Any]:
    return _in_key_order(
        PIONEER,
        {
            "slug": page.slug,
            "name": page.title,
            "status": page.status,
            "region": _slug_of(checks, Region, page.region_id),
            "plan_summary": page.plan_summary,
            "partners": page.partner_list(),
            "population_served": page.population_served,
            "website": page.website,
        },
    )


def case_study_record(page: CaseStudyPage, pioneer_slug: str, checks: Checks) -> dict[str, Any]:
    """The case study's own fields: its barriers and workarounds are pages of their own."""
    outcomes = [
        _in_key_order(
            OUTCOME,
            {
                "measure": outcome.measure,
                "value": plain_number(Decimal(outcome.value)),
                "unit": outcome.unit,
                "baseline": outcome.baseline,
                "evidence": outcome.evidence,
            },
        )
        for outcome in page.outcomes.all()
    ]
    return _in_key_order(
        CASE_STUDY,
        {
            "slug": page.slug,
            "pioneer": pioneer_slug,
            "title": page.title,
            "summary": page.summary,
            "narrative": page.narrative,
            "themes": _slugs(checks, Theme, [theme.pk for theme in page.themes.all()]),
            "care_groups": _slugs(checks, CareGroup, [group.pk for group in page.care_groups.all()]),
            "stage": _slug_of(checks, Stage, page.stage_id),
            "start_date": page.start_date.isoformat() if page.start_date else None,
            "published": page.date_published.isoformat(),
            "tags": _tag_names([item.tag_id for item in page.tagged_items.all()]),
            "contact": _in_key_order(
                CONTACT, {"name": page.contact_name, "role": page.contact_role, "email": page.contact_email}
            ),
            "outcomes": outcomes,
        },
    )


def _tag_names(tag_ids: list[int]) -> list[str]:
    return sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True)) if tag_ids else []


def barrier_record(page: BarrierPage, checks: Checks) -> dict[str, Any]:
    return _in_key_order(
        BARRIER,
        {
            "slug": page.slug,
            "title": page.title,
            "category": _slug_of(checks, BarrierCategory, page.category_id),
            "status": page.status,
            "description": page.description,
        },
    )


def workaround_record(page: WorkaroundPage, barrier_slugs: dict[int, str]) -> dict[str, Any]:
    """`barrier_slugs`: the slugs of its case study's barriers, by page id."""
    links = page.barrier_links.all()
    addresses = [barrier_slugs[link.barrier_id] for link in links if link.barrier_id in barrier_slugs]
    return _in_key_order(
        WORKAROUND,
        {
            "slug": page.slug,
            "title": page.title,
            "addresses": addresses,
            "requires": page.requires,
            "requirement_detail": page.requirement_detail,
            "effectiveness": page.effectiveness,
            "description": page.description,
        },
    )


def own_fields(case_study: dict[str, Any]) -> dict[str, Any]:
    """A case-study record without its barriers and workarounds: what its own page holds."""
    return {key: value for key, value in case_study.items() if key not in CASE_STUDY_CHILDREN}


# Writing ----------------------------------------------------------------------------------------
#
# `write_*` sets a page's own fields and returns its related objects (outcomes,
# themes, tags, barrier links) by relation name, for `set_relations` to put on
# the page: a new page is saved first and gets them in bulk (importer._NewPages).

Relations = dict[str, list]


class Tags:
    """Tags by name, created when first needed (inside the import's transaction)."""

    def __init__(self):
        self._tags: dict[str, Tag] = {}

    def get(self, names: list[str]) -> list[Tag]:
        missing = [name for name in names if name not in self._tags]
        if missing:
            self._tags.update((tag.name, tag) for tag in Tag.objects.filter(name__in=missing))
            for name in missing:
                if name not in self._tags:
                    self._tags[name] = Tag.objects.create(name=name)
        return [self._tags[name] for name in names]


def set_relations(page: Page, relations: Relations) -> None:
    for name, objects in relations.items():
        setattr(page, name, objects)


def write_pioneer(page: PioneerPage, record: dict[str, Any], checks: Checks) -> Relations:
    page.slug = record["slug"]
    page.title = record["name"]
    page.status = record["status"]
    page.region = checks.taxonomy(Region)[record["region"]] if record["region"] else None
    page.plan_summary = record["plan_summary"]
    page.partners = "\n".join(record["partners"])
    page.population_served = record["population_served"]
    page.website = record["website"]
    return {}


def write_case_study(page: CaseStudyPage, record: dict[str, Any], checks: Checks, tags: Tags) -> Relations:
    page.slug = record["slug"]
    page.title = record["title"]
    page.summary = record["summary"]
    page.narrative = record["narrative"]
    page.stage = checks.taxonomy(Stage)[record["stage"]] if record["stage"] else None
    page.start_date = date.fromisoformat(record["start_date"]) if record["start_date"] else None
    page.date_published = date.fromisoformat(record["published"])
    page.contact_name = record["contact"]["name"]
    page.contact_role = record["contact"]["role"]
    page.contact_email = record["contact"]["email"]
    return {
        "themes": [checks.taxonomy(Theme)[slug] for slug in record["themes"]],
        "care_groups": [checks.taxonomy(CareGroup)[slug] for slug in record["care_groups"]],
        "tagged_items": [CaseStudyTag(tag=tag) for tag in tags.get(record["tags"])],
        "outcomes": [
            Outcome(
                sort_order=position,
                measure=outcome["measure"],
                value=Decimal(str(outcome["value"])),
                unit=outcome["unit"],
                baseline=outcome["baseline"],
                evidence=outcome["evidence"],
            )
            for position, outcome in enumerate(record["outcomes"])
        ],
    }


def write_barrier(page: BarrierPage, record: dict[str, Any], checks: Checks) -> Relations:
    page.slug = record["slug"]
    page.title = record["title"]
    page.category = checks.taxonomy(BarrierCategory)[record["category"]]
    page.status = record["status"]
    page.description = record["description"]
    return {}


def write_workaround(page: WorkaroundPage, record: dict[str, Any], barrier_ids: dict[str, int]) -> Relations:
    """`barrier_ids`: the page ids of its case study's barriers, by slug."""
    page.slug = record["slug"]
    page.title = record["title"]
    page.requires = record["requires"]
    page.requirement_detail = record["requirement_detail"]
    page.effectiveness = record["effectiveness"]
    page.description = record["description"]
    links = [
        WorkaroundBarrier(sort_order=position, barrier_id=barrier_ids[slug])
        for position, slug in enumerate(record["addresses"])
    ]
    return {"barrier_links": links}
