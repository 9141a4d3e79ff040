"""Backups that restore: an export of a published site, imported with --publish into an empty site,
gives back every page published, in both indices and found by search (docs/operations.md, "Backups")."""

from __future__ import annotations

import json

import pytest
from wagtail.models import Page

from bench.corpus import generate
from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from search.engines import get_engine
from search.indexing.maintenance import find_drift
from search.indexing.sync import get_store
from search.request import SearchRequest
from tests.content.helpers import run_export, run_import
from tests.content.test_export import empty_the_site
from tests.factories import committed

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]
PAGE_TYPES = (PioneerPage, CaseStudyPage, BarrierPage, WorkaroundPage)


def titles() -> dict[str, list[str]]:
    return {model.__name__: sorted(model.objects.values_list("title", flat=True)) for model in PAGE_TYPES}


def test_an_export_restores_into_an_empty_site_published_and_searchable(es_store, write_file):
    run_import(write_file(generate(case_studies=4, pioneers=2), "site.json"), "--publish")
    before = titles()
    backup = write_file(json.loads(run_export()), "backup.json")
    with committed():
        empty_the_site()
    assert not CaseStudyPage.objects.exists()

    run_import(backup, "--publish")

    assert titles() == before
    restored = Page.objects.type(*PAGE_TYPES)
    assert restored.count() == sum(len(found) for found in before.values()) and not restored.filter(live=False)
    drift = find_drift(get_store())
    assert drift.problems == 0, drift.found
    engine = get_engine()
    for title in set(before["CaseStudyPage"]):
        found = engine.search(SearchRequest(q=title, filters={"type": ("case_study",)}, page_size=100))
        assert found.engine == "elasticsearch" and title in {hit.title for hit in found.results}
