"""`manage.py page_bench` (part of `make bench`): every public page type measured over real content."""

import json
import os
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from portal.management.commands import page_bench

PAGE_TYPES = {
    "home",
    "pioneers",
    "pioneer",
    "case study",
    "barrier",
    "workaround",
    "theme",
    "barrier category",
    "guides",
    "API page",
    "search",
    "search, filtered",
}


@pytest.fixture
def demo(db):
    with mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": "bench-only"}):
        call_command("load_demo", "-v", "0", stdout=StringIO())


def bench(*args) -> str:
    out = StringIO()
    call_command("page_bench", *args, stdout=out)
    return out.getvalue()


def test_each_page_type_is_measured_with_its_time_and_queries(demo):
    results = json.loads(bench("--rounds", "2", "--json"))
    assert set(results) == PAGE_TYPES
    for name, numbers in results.items():
        assert numbers["path"].startswith("/"), name
        assert 0 < numbers["median_ms"] <= numbers["p95_ms"], name
        assert numbers["queries"] > 0, name
    assert results["case study"]["path"] != results["pioneer"]["path"]


def test_the_plain_report_names_each_page_and_its_address(demo):
    report = bench("--rounds", "1")
    paths = page_bench.page_paths()
    for name, path in paths.items():
        line = next(line for line in report.splitlines() if line.strip().startswith(f"{name}:"))
        assert path in line and "queries" in line


def test_a_page_that_does_not_answer_200_stops_the_bench_with_its_address(demo):
    gone = mock.patch.object(page_bench, "page_paths", return_value={"gone": "/no-such-page/"})
    with gone, pytest.raises(CommandError, match="/no-such-page/ answered 404"):
        bench("--rounds", "1")


def test_rounds_must_be_positive(db):
    with pytest.raises(CommandError, match="--rounds"):
        bench("--rounds", "0")
