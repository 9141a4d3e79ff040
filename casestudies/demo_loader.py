"""Builds the demo site from casestudies.demo_content: idempotent, by slug.

Pages that already exist are left as they are, so a second run changes
nothing and never overwrites an editor's work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.db import transaction

from themes.models import BarrierCategory, CareGroup, Region, Stage, Theme

from .demo_content import PIONEERS
from .models import BarrierPage, CaseStudyPage, Outcome, PioneerPage, WorkaroundBarrier, WorkaroundPage
from .permissions import ensure_pioneer_editors
from .site_structure import ensure_site_structure


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child(parent, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


class DemoLoader:
    def __init__(self, report: Callable[[str], None] = lambda message: None):
        self.report = report
        self.created = {"pioneers": 0, "case studies": 0, "barriers": 0, "workarounds": 0}

    @transaction.atomic
    def load(self) -> dict[str, int]:
        _home, index = ensure_site_structure()
        for data in PIONEERS:
            pioneer = _child(index, PioneerPage, data["slug"]) or self._create_pioneer(index, data)
            ensure_pioneer_editors(pioneer)
            for study_data in data["case_studies"]:
                study = _child(pioneer, CaseStudyPage, study_data["slug"])
                if study is None:
                    self._create_case_study(pioneer, study_data)
        return self.created

    def _create_pioneer(self, index, data) -> PioneerPage:
        pioneer = PioneerPage(
            title=data["name"],
            slug=data["slug"],
            region=Region.objects.get(slug=data["region"]),
            partners=data["partners"],
            population_served=data["population_served"],
            plan_summary=data["plan_summary"],
            status=data["status"],
            website=data["website"],
        )
        self.created["pioneers"] += 1
        self.report(f"Pioneer: {data['name']}")
        return _publish(index, pioneer)

    def _create_case_study(self, pioneer, data) -> None:
        study = CaseStudyPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            narrative=data["narrative"],
            stage=Stage.objects.get(slug=data["stage"]),
            start_date=date.fromisoformat(data["start_date"]),
            date_published=date.fromisoformat(data["date_published"]),
            contact_name=data["contact"]["name"],
            contact_role=data["contact"]["role"],
            contact_email=data["contact"]["email"],
        )
        study.themes = list(Theme.objects.filter(slug__in=data["themes"]))
        study.care_groups = list(CareGroup.objects.filter(slug__in=data["care_groups"]))
        study.tags.add(*data["tags"])
        study.outcomes = [
            Outcome(
                measure=outcome["measure"],
                value=Decimal(outcome["value"]),
                unit=outcome["unit"],
                baseline=outcome["baseline"],
                evidence=outcome["evidence"],
            )
            for outcome in data["outcomes"]
        ]
        _publish(pioneer, study)
        self.created["case studies"] += 1
        self.report(f"  Case study: {data['title']}")

        barriers = {}
        for barrier_data in data["barriers"]:
            barrier = BarrierPage(
                title=barrier_data["title"],
                slug=barrier_data["slug"],
                category=BarrierCategory.objects.get(slug=barrier_data["category"]),
                description=barrier_data["description"],
                status=barrier_data["status"],
            )
            barriers[barrier_data["slug"]] = _publish(study, barrier)
            self.created["barriers"] += 1
        for workaround_data in data["workarounds"]:
            workaround = WorkaroundPage(
                title=workaround_data["title"],
                slug=workaround_data["slug"],
                description=workaround_data["description"],
                requires=workaround_data["requires"],
                effectiveness=workaround_data["effectiveness"],
            )
            workaround.barrier_links = [
                WorkaroundBarrier(barrier=barriers[slug]) for slug in workaround_data["addresses"]
            ]
            _publish(study, workaround)
            self.created["workarounds"] += 1
