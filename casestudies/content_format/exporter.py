"""Exporting the site's content in format `pioneer-exchange/1`.

Each page is written as editors see it in the admin: its latest revision,
drafts included (the format does not say whether a page is live). Pioneers
are sorted by slug; case studies follow their pioneers in page-tree order;
barriers and workarounds follow their case study's tree order; themes and
care groups come in the taxonomy's order, tags alphabetically. Keys come in
the order of the format's declaration, so the same content is always the
same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import BarrierPage, WorkaroundPage
from .pages import (
    SiteContent,
    barrier_record,
    case_study_record,
    latest_content,
    pioneer_record,
    workaround_record,
)
from .spec import FORMAT, Checks


class UnknownPioneer(LookupError):
    pass


def export(pioneer: str | None = None, site: SiteContent | None = None) -> dict[str, Any]:
    """Every pioneer, or the one with this slug, with its case studies, barriers and workarounds."""
    site = site or SiteContent()
    checks = Checks()
    if pioneer is not None and pioneer not in site.pioneers:
        raise UnknownPioneer(pioneer)
    slugs = [pioneer] if pioneer else sorted(site.pioneers)
    pioneers, case_studies = [], []
    for slug in slugs:
        pioneers.append(pioneer_record(latest_content(site.pioneers[slug]), checks))
        for study in site.case_studies_of(slug):
            key = (slug, study.slug)
            record = case_study_record(latest_content(study), slug, checks)
            barriers = site.children_of(key, BarrierPage)
            barrier_slugs = {page.pk: barrier_slug for barrier_slug, page in barriers.items()}
            record["barriers"] = [barrier_record(latest_content(page), checks) for page in barriers.values()]
            record["workarounds"] = [
                workaround_record(latest_content(page), barrier_slugs)
                for page in site.children_of(key, WorkaroundPage).values()
            ]
            case_studies.append(record)
    return {"format": FORMAT, "pioneers": pioneers, "case_studies": case_studies}


def dumps(content: dict[str, Any]) -> str:
    """The one way a content file is written: two-space indents, UTF-8 as is, a final newline."""
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"
