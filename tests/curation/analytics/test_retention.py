"""Retention: SEARCH_LOG_RETENTION_DAYS bounds how long searches are kept; purge_search_log removes the rest."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone

from curation.analytics.models import SearchClick, SearchLog
from portal.settings.base import env_positive_int

pytestmark = pytest.mark.django_db


def log_aged(days: float) -> SearchLog:
    search = SearchLog.objects.create(
        query=f"aged {days}", created_at=timezone.now() - timedelta(days=days), page=1, result_count=1,
        surface="page", sort="relevance", engine="database", took_ms=1,
    )  # fmt: skip
    SearchClick.objects.create(search=search, page_id=5, rank=1)
    return search


@pytest.fixture
def aged():
    return {days: log_aged(days) for days in (1, 29, 31, 400)}


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_search_log", *args, stdout=out)
    return out.getvalue()


def test_purge_keeps_the_retention_period_from_settings(aged, settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 365
    assert "Deleted 1 search log rows and 1 clicks" in purge()
    assert set(SearchLog.objects.values_list("query", flat=True)) == {"aged 1", "aged 29", "aged 31"}
    assert SearchClick.objects.count() == 3


def test_days_overrides_the_setting(aged):
    assert "Deleted 2 search log rows and 2 clicks" in purge("--days", "30")
    assert set(SearchLog.objects.values_list("query", flat=True)) == {"aged 1", "aged 29"}


def test_a_dry_run_counts_and_deletes_nothing(aged):
    output = purge("--days", "30", "--dry-run")
    assert "Would delete 2 search log rows and 2 clicks" in output and "nothing was deleted" in output
    assert SearchLog.objects.count() == 4 and SearchClick.objects.count() == 4


@pytest.mark.parametrize("days", ["0", "-5", "abc", "1.5", "", "٣", "99999999"])
def test_bad_days_are_a_command_error_with_a_clear_message(aged, days):
    with pytest.raises(CommandError, match="--days must be"):
        purge("--days", days)
    assert SearchLog.objects.count() == 4


@pytest.mark.parametrize("value, expected", [(None, 365), ("", 365), ("30", 30), (" 90 ", 90)])
def test_the_retention_setting_comes_from_the_environment(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("SEARCH_LOG_RETENTION_DAYS", raising=False)
    else:
        monkeypatch.setenv("SEARCH_LOG_RETENTION_DAYS", value)
    assert env_positive_int("SEARCH_LOG_RETENTION_DAYS", 365) == expected


@pytest.mark.parametrize("value", ["0", "-1", "a year", "3.5"])
def test_a_bad_retention_setting_stops_start_up_with_a_clear_message(monkeypatch, value):
    monkeypatch.setenv("SEARCH_LOG_RETENTION_DAYS", value)
    with pytest.raises(ImproperlyConfigured, match="SEARCH_LOG_RETENTION_DAYS must be a whole number of 1 or more"):
        env_positive_int("SEARCH_LOG_RETENTION_DAYS", 365)
