"""`manage.py export_content`: the same content is the same bytes, and an export imports back to itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError

from bench.corpus import generate
from casestudies.content_format import json_schema, load
from casestudies.content_format.spec import BARRIER, CASE_STUDY, CONTACT, OUTCOME, PIONEER, WORKAROUND
from casestudies.models import CaseStudyPage, HomePage
from tests.content.helpers import good_content, run_export, run_import

pytestmark = pytest.mark.django_db

REPOSITORY = Path(settings.BASE_DIR)
DEMO_FILE = REPOSITORY / "casestudies" / "fixtures" / "demo.json"
SCHEMA_FILE = REPOSITORY / "docs" / "import-format.schema.json"


def empty_the_site() -> None:
    HomePage.objects.get().delete()


def test_export_import_into_an_empty_site_export_gives_the_same_bytes(write_file):
    content = generate(case_studies=12, pioneers=3)
    content["case_studies"][0]["outcomes"][0]["value"] = 12.5
    content["case_studies"][1]["title"] = "Café, “quotes” and A&E — all kept"
    content["case_studies"][2]["start_date"] = None
    content["pioneers"][0]["population_served"] = None
    run_import(write_file(content, "generated.json"), "--publish")
    first = run_export()
    empty_the_site()

    run_import(write_file(first, "export.json"))  # as drafts: export writes what editors see
    second = run_export()

    assert second == first
    exported = json.loads(first)
    assert len(exported["case_studies"]) == 12
    assert "Café, “quotes” and A&E — all kept" in first  # UTF-8 as is, not \\u escapes
    assert first.endswith("}\n")


def test_the_demo_file_is_what_export_writes_after_loading_it(write_file):
    run_import(DEMO_FILE, "--publish")
    assert run_export() == DEMO_FILE.read_text(encoding="utf-8")


def test_the_demo_file_passes_every_check():
    content = load(DEMO_FILE)
    assert len(content.pioneers) == 14
    units = [outcome["unit"] for study in content.case_studies for outcome in study["outcomes"]]
    assert max(len(unit) for unit in units) <= 60


def test_keys_come_in_the_formats_order(write_file):
    run_import(write_file(good_content()))
    exported = json.loads(run_export())

    assert list(exported) == ["format", "pioneers", "case_studies"]
    assert list(exported["pioneers"][0]) == list(PIONEER.keys)
    study = exported["case_studies"][0]
    assert list(study) == list(CASE_STUDY.keys)
    assert list(study["contact"]) == list(CONTACT.keys)
    assert list(study["outcomes"][0]) == list(OUTCOME.keys)
    assert list(study["barriers"][0]) == list(BARRIER.keys)
    assert list(study["workarounds"][0]) == list(WORKAROUND.keys)


def test_export_writes_every_key_with_defaults_filled_in(write_file):
    run_import(write_file(good_content()))
    exported = json.loads(run_export())

    southend = exported["pioneers"][1]
    assert southend == {
        "slug": "southend",
        "name": "Southend",
        "status": "pioneer",
        "region": None,
        "plan_summary": "",
        "partners": [],
        "population_served": None,
        "website": "",
    }
    hub = exported["case_studies"][0]
    assert hub["themes"] == ["single-point-of-contact", "rapid-community-response"]  # the taxonomy's order
    assert hub["tags"] == ["ambulance", "telehealth"]
    assert [outcome["value"] for outcome in hub["outcomes"]] == [120, 1.25]
    assert hub["workarounds"][1]["addresses"] == ["night-shifts", "hub-cannot-see-gp-records"]


def test_export_one_pioneer(write_file):
    run_import(write_file(good_content()))
    exported = json.loads(run_export("--pioneer", "southend"))

    assert [pioneer["slug"] for pioneer in exported["pioneers"]] == ["southend"]
    assert [study["slug"] for study in exported["case_studies"]] == ["planning-together"]


def test_export_an_unknown_pioneer_is_an_error(write_file):
    run_import(write_file(good_content()))
    with pytest.raises(CommandError, match='No pioneer with the slug "leeds" on this site.'):
        run_export("--pioneer", "leeds")


def test_export_writes_the_latest_revision_drafts_included(write_file):
    run_import(write_file(good_content()), "--publish")
    study = CaseStudyPage.objects.get(slug="telecare-at-home")
    study.summary = "A draft summary."
    study.save_revision()

    exported = json.loads(run_export())

    assert exported["case_studies"][1]["summary"] == "A draft summary."


def test_an_empty_site_exports_an_empty_file():
    assert json.loads(run_export()) == {"format": "pioneer-exchange/1", "pioneers": [], "case_studies": []}


def test_the_schema_file_is_generated_from_the_models():
    """One copy of the schema, in docs/, regenerated with `export_content --schema`."""
    written = SCHEMA_FILE.read_text(encoding="utf-8")
    assert written == run_export("--schema"), "run: manage.py export_content --schema > docs/import-format.schema.json"
    schema = json.loads(written)
    outcome = schema["$defs"]["outcome"]["properties"]
    assert outcome["unit"]["maxLength"] == 60
    assert "emergency-admissions-avoided" in outcome["measure"]["enum"]
    assert schema == json_schema()
