"""A bad file is refused whole: every error listed with the record and key it is about, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError

from casestudies.models import PioneerPage
from tests.content.helpers import good_content, run_import, snapshot

pytestmark = pytest.mark.django_db

REPOSITORY = Path(settings.BASE_DIR)


def refused(path) -> list[str]:
    """The errors an import of this file reports; asserts that it wrote nothing."""
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        run_import(path)
    assert snapshot() == before
    lines = str(raised.value).splitlines()
    assert lines[0].startswith(f"{path}: ") and lines[0].endswith("nothing was imported:")
    return [line.strip() for line in lines[1:]]


def changed(edit) -> dict:
    content = good_content()
    edit(content)
    return content


def pioneer(content: dict, position: int = 0) -> dict:
    return content["pioneers"][position]


def study(content: dict, position: int = 0) -> dict:
    return content["case_studies"][position]


# --- the file itself ---------------------------------------------------------------------------------


def test_invalid_json(write_file):
    path = write_file('{"format": "pioneer-exchange/1",\n  "pioneers": [\n    {"slug": "a" "name": "A"}]}')
    assert refused(path) == ["not valid JSON: Expecting ',' delimiter (line 3, column 18)"]


def test_not_utf8(write_file, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "pioneer-exchange/1", "pioneers": [{"slug": "caf\u00e9"}]}'.encode("latin-1"))
    assert refused(path) == ["not UTF-8 text (byte 59)"]


def test_unreadable_file(tmp_path):
    assert refused(tmp_path / "missing.json") == ["cannot read the file: No such file or directory"]


def test_json_that_is_not_an_object(write_file):
    assert refused(write_file("[1, 2]")) == ['file: expected a JSON object with "format": "pioneer-exchange/1"']


@pytest.mark.parametrize(
    ("given", "shown"),
    [("pioneer-exchange/2", '"pioneer-exchange/2"'), (1, "1"), (None, "null")],
)
def test_wrong_format(write_file, given, shown):
    content = good_content()
    content["format"] = given
    assert refused(write_file(content)) == [f'format: expected "pioneer-exchange/1", got {shown}']


def test_missing_format(write_file):
    content = good_content()
    del content["format"]
    assert refused(write_file(content)) == ['format: expected "pioneer-exchange/1", got nothing']


def test_not_a_number_json_allows(write_file):
    path = write_file(
        '{"format": "pioneer-exchange/1", "pioneers": [{"slug": "a", "name": "A", "population_served": NaN}]}'
    )
    assert refused(path) == ["not valid JSON: NaN is not a number JSON allows"]


def test_a_key_given_twice(write_file):
    path = write_file('{"format": "pioneer-exchange/1", "pioneers": [{"slug": "a", "name": "A", "name": "B"}]}')
    assert refused(path) == ["pioneers[0].name: given more than once"]


# --- keys --------------------------------------------------------------------------------------------


def test_unknown_keys_at_every_level(write_file):
    def edit(content):
        content["comment"] = "hello"
        pioneer(content)["colour"] = "blue"
        study(content)["contact"]["phone"] = "0100"
        study(content)["outcomes"][0]["confidence"] = "high"
        study(content)["barriers"][1]["owner"] = "someone"

    assert refused(write_file(changed(edit))) == [
        "comment: unknown key",
        "pioneers[0].colour: unknown key",
        "case_studies[0].contact.phone: unknown key",
        "case_studies[0].outcomes[0].confidence: unknown key",
        "case_studies[0].barriers[1].owner: unknown key",
    ]


def test_missing_required_keys(write_file):
    def edit(content):
        del pioneer(content, 1)["name"]
        del study(content)["title"]
        del study(content)["published"]
        del study(content)["outcomes"][1]["value"]
        del study(content)["barriers"][0]["category"]
        del study(content)["workarounds"][0]["addresses"]

    assert refused(write_file(changed(edit))) == [
        "pioneers[1].name: required",
        "case_studies[0].title: required",
        "case_studies[0].published: required",
        "case_studies[0].outcomes[1].value: required",
        "case_studies[0].barriers[0].category: required",
        "case_studies[0].workarounds[0].addresses: required",
    ]


def test_blank_required_text(write_file):
    def edit(content):
        study(content, 1)["summary"] = "   "
        study(content)["barriers"][0]["description"] = ""

    assert refused(write_file(changed(edit))) == [
        "case_studies[0].barriers[0].description: must not be blank",
        "case_studies[1].summary: must not be blank",
    ]


def test_wrong_types(write_file):
    def edit(content):
        pioneer(content)["name"] = 12
        pioneer(content)["partners"] = "Barnsley Council"
        pioneer(content)["population_served"] = "231000"
        study(content)["themes"] = "rapid-community-response"
        study(content)["contact"] = ["Programme office"]
        study(content)["outcomes"][0]["value"] = "120"
        study(content, 1)["summary"] = None

    assert refused(write_file(changed(edit))) == [
        "pioneers[0].name: expected text, got a whole number",
        "pioneers[0].partners: expected a list, got text",
        "pioneers[0].population_served: expected a whole number, got text",
        "case_studies[0].themes: expected a list, got text",
        "case_studies[0].contact: expected an object, got a list",
        "case_studies[0].outcomes[0].value: expected a number, got text",
        "case_studies[1].summary: expected text, got null",
    ]


# --- values against the models' rules -----------------------------------------------------------------


def test_too_long_for_the_database(write_file):
    """The limits are the model fields' max_length, which PostgreSQL enforces (SQLite does not)."""

    def edit(content):
        pioneer(content)["name"] = "B" * 256
        study(content)["summary"] = "s" * 301
        study(content)["outcomes"][0]["unit"] = "u" * 61
        study(content)["tags"] = ["t" * 101]
        study(content)["workarounds"][1]["requirement_detail"] = "r" * 256

    assert refused(write_file(changed(edit))) == [
        "pioneers[0].name: too long: 256 characters, at most 255",
        "case_studies[0].summary: too long: 301 characters, at most 300",
        "case_studies[0].tags[0]: too long: 101 characters, at most 100",
        "case_studies[0].outcomes[0].unit: too long: 61 characters, at most 60",
        "case_studies[0].workarounds[1].requirement_detail: too long: 256 characters, at most 255",
    ]


def test_choices_are_the_models_stored_values(write_file):
    def edit(content):
        pioneer(content)["status"] = "Integrated care pioneer"  # a label, not the stored value
        study(content)["outcomes"][0]["measure"] = "happiness"
        study(content)["barriers"][0]["status"] = "solved"
        study(content)["workarounds"][0]["effectiveness"] = "great"

    assert refused(write_file(changed(edit))) == [
        'pioneers[0].status: unknown status "Integrated care pioneer" '
        "(one of: pioneer, under-review, withdrawn, virtual-network)",
        'case_studies[0].outcomes[0].measure: unknown measure "happiness" (one of: emergency-admissions-avoided, '
        "delayed-discharges, length-of-stay, care-home-admissions, falls-and-injuries, patient-experience, "
        "cost-savings)",
        'case_studies[0].barriers[0].status: unknown status "solved" '
        "(one of: overcome, partly-overcome, ongoing, escalated)",
        'case_studies[0].workarounds[0].effectiveness: unknown effectiveness "great" '
        "(one of: worked-well, partly-worked, too-early, did-not-work)",
    ]


def test_unknown_taxonomy_slugs(write_file):
    def edit(content):
        pioneer(content)["region"] = "wales"
        study(content)["themes"] = ["rapid-community-response", "x"]
        study(content)["care_groups"] = ["children"]
        study(content)["stage"] = "finished"
        study(content)["barriers"][1]["category"] = "weather"

    assert refused(write_file(changed(edit))) == [
        'pioneers[0].region: unknown NHS England region "wales"',
        'case_studies[0].themes[1]: unknown theme "x"',
        'case_studies[0].care_groups[0]: unknown care group "children"',
        'case_studies[0].stage: unknown stage "finished"',
        'case_studies[0].barriers[1].category: unknown barrier category "weather"',
    ]


def test_dates(write_file):
    def edit(content):
        study(content)["published"] = "2015-02-30"
        study(content, 1)["published"] = "1/6/2015"
        study(content, 2)["start_date"] = "2015-01-01"  # after its published date, 2014-02-01

    assert refused(write_file(changed(edit))) == [
        'case_studies[0].published: not a date: "2015-02-30" (expected YYYY-MM-DD)',
        'case_studies[1].published: not a date: "1/6/2015" (expected YYYY-MM-DD)',
        "case_studies[2].start_date: 2015-01-01 is after published (2014-02-01): "
        "work must start before its write-up is published",
    ]


def test_emails_urls_and_slugs(write_file):
    def edit(content):
        pioneer(content)["website"] = "www.example.org"
        pioneer(content, 1)["slug"] = "South End"
        study(content)["contact"]["email"] = "team-at-example.org"

    assert refused(write_file(changed(edit))) == [
        'pioneers[0].website: Enter a valid URL. ("www.example.org")',
        "pioneers[1].slug: Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens. "
        '("South End")',
        'case_studies[0].contact.email: Enter a valid email address. ("team-at-example.org")',
        'case_studies[2].pioneer: unknown pioneer "southend"',
    ]


def test_numbers_within_the_columns(write_file):
    def edit(content):
        pioneer(content)["population_served"] = -1
        pioneer(content, 1)["population_served"] = 2**31
        pioneer(content, 1)["plan_summary"] = 1.5
        study(content)["outcomes"][0]["value"] = 12.345
        study(content)["outcomes"][1]["value"] = 10**12
        study(content, 1)["outcomes"] = [{"measure": "cost-savings", "value": True}]

    assert refused(write_file(changed(edit))) == [
        "pioneers[0].population_served: out of range: -1, must be from 0 to 2147483647",
        "pioneers[1].plan_summary: expected text, got a decimal number",
        "pioneers[1].population_served: out of range: 2147483648, must be from 0 to 2147483647",
        "case_studies[0].outcomes[0].value: Ensure that there are no more than 2 decimal places. (12.345)",
        "case_studies[0].outcomes[1].value: Ensure that there are no more than 12 digits before the decimal point. "
        "(1000000000000)",
        "case_studies[1].outcomes[0].value: expected a number, got true/false",
    ]


def test_text_the_database_cannot_store(write_file):
    def edit(content):
        study(content)["narrative"] = "Before\x00after"

    assert refused(write_file(changed(edit))) == [
        "case_studies[0].narrative: contains a NUL character, which the database cannot store"
    ]


# --- slugs and references between records ---------------------------------------------------------------


def test_duplicate_slugs(write_file):
    def edit(content):
        content["pioneers"].append({"slug": "barnsley", "name": "Barnsley again"})
        study(content, 1)["slug"] = "central-monitoring-hub"
        study(content)["workarounds"][1]["slug"] = "night-shifts"  # a barrier of the same case study has it
        study(content)["themes"] = ["rapid-community-response", "rapid-community-response"]

    assert refused(write_file(changed(edit))) == [
        'pioneers[2].slug: duplicate pioneer "barnsley" (also pioneers[0])',
        'case_studies[0].themes[1]: duplicate theme "rapid-community-response"',
        'case_studies[0].workarounds[1].slug: duplicate slug "night-shifts" (also case_studies[0].barriers[1])',
        'case_studies[1].slug: duplicate case study "central-monitoring-hub" of pioneer "barnsley" '
        "(also case_studies[0])",
    ]


def test_the_same_slug_under_different_parents_is_fine(write_file):
    content = good_content()
    study(content, 2)["slug"] = "central-monitoring-hub"  # under southend, not barnsley
    run_import(write_file(content))
    assert PioneerPage.objects.count() == 2


def test_addresses_must_name_barriers_of_the_same_case_study(write_file):
    def edit(content):
        study(content)["workarounds"][1]["addresses"] = ["night-shifts", "no-such-barrier", "read-only-gp-summary"]
        study(content)["workarounds"][0]["addresses"] = []

    assert refused(write_file(changed(edit))) == [
        "case_studies[0].workarounds[0].addresses: must name at least 1 barrier",
        'case_studies[0].workarounds[1].addresses[1]: no barrier "no-such-barrier" in this case study',
        'case_studies[0].workarounds[1].addresses[2]: no barrier "read-only-gp-summary" in this case study',
    ]


def test_a_slug_taken_by_the_other_kind_of_page_on_the_site(write_file):
    run_import(write_file(good_content()))

    def edit(content):
        barrier = study(content)["barriers"].pop()
        barrier["slug"] = "shared-rota"  # a workaround of this case study on the site
        study(content)["barriers"].append(barrier)
        study(content)["workarounds"] = []

    assert refused(write_file(changed(edit))) == [
        'case_studies[0].barriers[1].slug: "shared-rota" is already a workaround of this case study on the site'
    ]


# --- all at once, and how the command ends ------------------------------------------------------------------


def test_every_error_is_listed_in_file_order_not_only_the_first(write_file):
    def edit(content):
        study(content, 2)["themes"] = ["nope"]
        pioneer(content)["status"] = "gone"
        study(content)["outcomes"][0]["unit"] = "u" * 70
        study(content)["barriers"][0]["category"] = "weather"
        study(content)["title"] = ""

    path = write_file(changed(edit))
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        run_import(path)
    assert snapshot() == before
    assert str(raised.value) == (
        f"{path}: 5 errors, nothing was imported:\n"
        '  pioneers[0].status: unknown status "gone" (one of: pioneer, under-review, withdrawn, virtual-network)\n'
        "  case_studies[0].title: must not be blank\n"
        "  case_studies[0].outcomes[0].unit: too long: 70 characters, at most 60\n"
        '  case_studies[0].barriers[0].category: unknown barrier category "weather"\n'
        '  case_studies[2].themes[0]: unknown theme "nope"'
    )


def test_one_bad_record_and_nothing_is_written(write_file):
    content = good_content()
    content["case_studies"][2]["barriers"] = [{"slug": "b", "title": "B", "category": "x", "description": "d"}]
    before = snapshot()
    with pytest.raises(CommandError):
        run_import(write_file(content), "--publish")
    assert snapshot() == before
    assert not PioneerPage.objects.exists()


def test_dry_run_checks_everything_too(write_file):
    content = good_content()
    study(content)["stage"] = "finished"
    with pytest.raises(CommandError, match='case_studies\\[0\\].stage: unknown stage "finished"'):
        run_import(write_file(content), "--dry-run")


def test_the_command_exits_1_with_a_message_and_no_traceback(write_file):
    path = write_file('{"format": "pioneer-exchange/1", "pioneers": [}')
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(  # noqa: S603 - our own manage.py, arguments we built
        [sys.executable, "manage.py", "import_content", str(path)],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "1 error, nothing was imported:" in result.stderr
    assert "not valid JSON: Expecting value (line 1, column 47)" in result.stderr
    assert "Traceback" not in result.stderr
