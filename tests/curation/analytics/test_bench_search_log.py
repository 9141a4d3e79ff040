"""`manage.py bench_search_log`: what logging costs, measured on the configured database, leaving no rows."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from curation.analytics.models import SearchLog
from curation.analytics.recording import pending

pytestmark = pytest.mark.django_db


def test_it_times_the_request_and_both_ways_of_writing_and_deletes_its_rows(database_engine):
    SearchLog.objects.create(query="bench search log probe", sort="relevance", result_count=1, took_ms=1)
    out = StringIO()

    call_command("bench_search_log", runs=20, writes=5, batch=4, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Database: sqlite")
    assert re.search(r"In the request .*median [\d.]+ ms, p95 [\d.]+ ms \(n=20\)", lines[1])
    assert re.search(r"one row a transaction: .*\(n=5\)", lines[2])
    assert re.search(r"4 rows a transaction, per row: .*\(n=5\)", lines[3])
    assert SearchLog.objects.count() == 1  # a reader's own search with the probe's words is left alone
    assert len(pending) == 0


@pytest.mark.parametrize("option", ["runs", "writes", "batch"])
def test_counts_below_one_are_refused(option, database_engine):
    with pytest.raises(CommandError, match="must be 1 or more"):
        call_command("bench_search_log", **{option: 0}, stdout=StringIO())
