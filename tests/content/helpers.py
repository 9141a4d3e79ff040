"""Helpers for the content format tests: a small good file, running the commands, and a snapshot of
everything an import may write (to prove that a refused or repeated import writes nothing)."""

from __future__ import annotations

import copy
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import GroupPagePermission, Page, PageLogEntry, ReferenceIndex, Revision

from casestudies.models import CaseStudyTag, Outcome, WorkaroundBarrier
from search.models import IndexChange
from tests.factories import committed

GOOD = {
    "format": "pioneer-exchange/1",
    "pioneers": [
        {
            "slug": "barnsley",
            "name": "Barnsley",
            "status": "pioneer",
            "region": "north",
            "plan_summary": "A central monitoring hub.",
            "partners": ["Barnsley Council", "NHS Barnsley CCG"],
            "population_served": 231000,
            "website": "https://www.example.org/barnsley/",
        },
        {"slug": "southend", "name": "Southend"},
    ],
    "case_studies": [
        {
            "slug": "central-monitoring-hub",
            "pioneer": "barnsley",
            "title": "A central monitoring hub",
            "summary": "Nurses assess emergency calls and send help quickly.",
            "narrative": "## Why\n\nFewer trips to A&E, and a café-style drop-in for carers.",
            "themes": ["rapid-community-response", "single-point-of-contact"],
            "care_groups": ["frail-older-people"],
            "stage": "implemented",
            "start_date": "2014-04-01",
            "published": "2015-06-01",
            "tags": ["telehealth", "ambulance"],
            "contact": {"name": "Programme office", "role": "Pioneer team", "email": "team@example.org"},
            "outcomes": [
                {
                    "measure": "emergency-admissions-avoided",
                    "value": 120,
                    "unit": "admissions a year",
                    "baseline": "2013/14",
                    "evidence": "local-monitoring",
                },
                {"measure": "length-of-stay", "value": 1.25, "unit": "fewer days"},
            ],
            "barriers": [
                {
                    "slug": "hub-cannot-see-gp-records",
                    "title": "Hub staff could not see GP records",
                    "category": "it-systems",
                    "status": "partly-overcome",
                    "description": "Two systems that did not talk.",
                },
                {
                    "slug": "night-shifts",
                    "title": "Staffing night shifts",
                    "category": "workforce-and-skills",
                    "description": "Hard to fill.",
                },
            ],
            "workarounds": [
                {
                    "slug": "read-only-gp-summary",
                    "title": "A read-only GP summary",
                    "addresses": ["hub-cannot-see-gp-records"],
                    "requires": "local",
                    "requirement_detail": "",
                    "effectiveness": "worked-well",
                    "description": "Practices agreed to share a summary.",
                },
                {
                    "slug": "shared-rota",
                    "title": "A rota shared with the out-of-hours service",
                    "addresses": ["night-shifts", "hub-cannot-see-gp-records"],
                    "description": "Out-of-hours GPs cover nights.",
                },
            ],
        },
        {
            "slug": "telecare-at-home",
            "pioneer": "barnsley",
            "title": "Telecare at home",
            "summary": "Alarms and sensors.",
            "narrative": "What they did.",
            "published": "2016-01-15",
        },
        {
            "slug": "planning-together",
            "pioneer": "southend",
            "title": "Planning together",
            "summary": "No plan summary was published.",
            "narrative": "Early days.",
            "stage": None,
            "start_date": None,
            "published": "2014-02-01",
        },
    ],
}


def good_content() -> dict:
    """A fresh copy of a small valid file: two pioneers, three case studies, barriers and workarounds."""
    return copy.deepcopy(GOOD)


def run_import(path, *args) -> str:
    """`import_content` with its on-commit work (search indexing) run as a real commit would run it."""
    out = StringIO()
    with committed():
        call_command("import_content", str(path), *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def run_export(*args) -> str:
    out = StringIO()
    call_command("export_content", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    """Everything an import writes, down to each page's revision and publishing state."""
    return {
        "pages": {
            row[0]: row[1:]
            for row in Page.objects.values_list(
                "pk", "latest_revision_id", "live", "has_unpublished_changes", "last_published_at"
            )
        },
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "outcomes": list(Outcome.objects.order_by("pk").values_list("pk", "value", "unit")),
        "links": WorkaroundBarrier.objects.count(),
        "tagged": CaseStudyTag.objects.count(),
        "tags": Tag.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "index_changes": IndexChange.objects.count(),
        "references": ReferenceIndex.objects.count(),
    }
