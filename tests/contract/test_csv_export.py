"""/search/export.csv through both engines: labels, not codes; region, care groups, barrier status and
workaround effectiveness columns; formulas defused; streamed and bounded."""

from __future__ import annotations

import csv
import io

import pytest

from search.web import csv_export, views
from search.web.csv_export import HEADER

pytestmark = pytest.mark.django_db


def exported(client, params: dict) -> list[dict[str, str]]:
    response = client.get("/search/export.csv", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    text = response.getvalue().decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def test_rows_carry_labels_and_the_new_columns(client, corpus, engine):
    rows = {row["Title"]: row for row in exported(client, {"pioneer": "leeds"})}

    assert set(rows) == {
        "A shared record between council and NHS",
        "Sharing rules held up the shared record",
        "One data sharing agreement signed once",
    }
    study = rows["A shared record between council and NHS"]
    assert study["Type"] == "Case study"
    assert study["Pioneer"] == "Leeds"
    assert study["Region"] == "North"
    assert study["Themes"] == "Shared records and information sharing; Digital access for patients"
    assert study["Care groups"] == "People with long-term conditions"
    assert study["Stage"] == "Implemented"
    assert (study["Barrier status"], study["Workaround effectiveness"]) == ("", "")
    assert study["Published"] == "2015-03-01"
    assert study["URL"] == f"http://testserver{corpus.pages['leeds_study'].url}"

    barrier = rows["Sharing rules held up the shared record"]
    assert (barrier["Type"], barrier["Barrier status"], barrier["Workaround effectiveness"]) == (
        "Barrier",
        "Ongoing",
        "",
    )
    assert barrier["Region"] == "North"  # from its case study, as every facet is
    assert barrier["Care groups"] == "People with long-term conditions"

    workaround = rows["One data sharing agreement signed once"]
    assert (workaround["Type"], workaround["Barrier status"], workaround["Workaround effectiveness"]) == (
        "Workaround",
        "",
        "Worked well",
    )
    assert not any("_" in row["Type"] for row in rows.values())


def test_the_export_follows_the_words_and_filters(client, corpus, engine):
    rows = exported(client, {"q": "data sharing", "type": "workaround"})
    assert [row["Title"] for row in rows] == ["One data sharing agreement signed once"]
    assert exported(client, {"care_group": "frail-older-people", "type": "barrier"})[0]["Region"] in {"London", "South"}


def test_the_export_is_bounded_by_the_result_window(client, corpus, engine, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_PAGE_SIZE", 2)
    monkeypatch.setattr(csv_export, "MAX_RESULT_WINDOW", 4)

    rows = exported(client, {})

    assert len(rows) == 4  # of the corpus's 8 items, two pages of two
    assert len({row["Title"] for row in rows}) == 4


def test_bad_parameters_get_a_400_before_anything_is_streamed(client, corpus, engine):
    response = client.get("/search/export.csv", {"sort": "sideways"})
    assert response.status_code == 400
    assert not response.streaming
    assert response.content.decode().startswith("sort: ")
