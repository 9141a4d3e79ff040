"""Cells a spreadsheet would run are defused in the CSV export; the test adds its own page, so it has its
own corpus (conftest.py)."""

from __future__ import annotations

import pytest

from tests.contract.test_csv_export import exported
from tests.factories import make_case_study

pytestmark = pytest.mark.django_db


def test_cells_a_spreadsheet_would_run_are_defused(client, fresh_corpus, fresh_engine):
    pioneer = fresh_corpus.pages["leeds_study"].get_parent().specific
    make_case_study(
        pioneer, "@SUM(A1:A9) costs", summary="=1+1 and -2", published=fresh_corpus.pages["leeds_study"].date_published
    )

    rows = {row["Title"]: row for row in exported(client, {"q": "costs"})}

    row = rows["'@SUM(A1:A9) costs"]
    assert row["Summary"] == "'=1+1 and -2"
    assert row["Type"] == "Case study"
