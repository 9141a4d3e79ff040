"""The curators' search report: who may see it, what it counts, its period, chart and CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from curation.analytics import report
from curation.analytics.models import SearchClick, SearchLog
from curation.analytics.report import Period

pytestmark = pytest.mark.django_db

URL = "/admin/search-analytics/"
TODAY = timezone.localdate()


def user_with(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, password="correct-horse-battery-staple")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    user.groups.add(group)
    return user


@pytest.fixture
def curator(client):
    client.force_login(user_with("curator", "view_searchlog", "add_searchsynonym"))
    return client


def at(days_ago: int, hour: int = 12) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def log(query: str, *, days_ago: int = 1, page: int = 1, results: int = 3, surface: str = "page", **fields):
    defaults = {"filters": {}, "sort": "relevance", "engine": "database", "took_ms": 12}
    return SearchLog.objects.create(
        query=query,
        created_at=at(days_ago),
        page=page,
        result_count=results,
        surface=surface,
        **{**defaults, **fields},
    )


def clicked(search: SearchLog, page_id: int = 99, rank: int = 1):
    return SearchClick.objects.create(search=search, page_id=page_id, rank=rank)


@pytest.fixture
def logs():
    """A month of searches: some repeated, some paged, some empty, some clicked, some filtered, some too old."""
    ig = [log("information governance", days_ago=day) for day in (1, 2, 3)]
    log("information governance", days_ago=2, page=2)  # a later page: not another search
    clicked(ig[0])
    log("telecare", days_ago=1, surface="api")  # API: never clicked, so not a "no clicks" query
    log("telecare", days_ago=4)
    paged = log("rapid response", days_ago=5)
    second_page = log("rapid response", days_ago=5, page=2)
    clicked(second_page, rank=21)  # a click on page 2 counts for the words
    log("zanzibar", days_ago=1, results=0)
    log("zanzibar", days_ago=6, results=0, surface="api")
    log("", days_ago=1, filters={"theme": ["workforce-redesign"], "type": ["barrier", "workaround"]})
    log("telecare", days_ago=2, filters={"type": ["barrier"]})
    log("care homes", days_ago=45, results=0)  # outside the last 30 days
    return {"paged": paged}


LAST_30 = Period(TODAY - timedelta(days=29), TODAY)


def test_top_queries_count_page_one_only_with_clicks_from_any_page(logs):
    rows = {row.query: row for row in report.top_queries(LAST_30)}

    assert [row.query for row in report.top_queries(LAST_30)][:2] == ["information governance", "telecare"]
    assert (rows["information governance"].searches, rows["information governance"].clicks) == (3, 1)
    assert (rows["telecare"].searches, rows["telecare"].clicks) == (3, 0)
    assert (rows["rapid response"].searches, rows["rapid response"].clicks) == (1, 1)
    assert rows["zanzibar"].zero_results == 2
    assert "" not in rows and "care homes" not in rows


def test_zero_result_queries_are_the_content_gaps_of_the_period(logs):
    assert [(row.query, row.searches) for row in report.zero_result_queries(LAST_30)] == [("zanzibar", 2)]
    everything = Period(TODAY - timedelta(days=60), TODAY)
    assert {row.query for row in report.zero_result_queries(everything)} == {"zanzibar", "care homes"}


def test_no_click_queries_found_results_on_the_page_and_nobody_followed_one(logs):
    assert [(row.query, row.searches) for row in report.no_click_queries(LAST_30)] == [("telecare", 2)]


def test_filter_use_counts_each_value_per_search_with_labels(logs):
    rows = [(row.facet, row.value, row.value_label, row.searches) for row in report.filter_use(LAST_30)]
    assert rows == [
        ("type", "barrier", "Barrier", 2),
        ("type", "workaround", "Workaround", 1),
        ("theme", "workforce-redesign", "Workforce redesign", 1),
    ]


def test_summary_and_chart_count_each_search_once(logs):
    summary = report.summary(LAST_30)
    assert (summary.searches, summary.zero_results, summary.clicks, summary.distinct_queries) == (10, 2, 2, 4)

    chart = report.chart(LAST_30)
    assert chart.unit == "day" and len(chart.bars) == 30
    by_day = {bar.start: (bar.searches, bar.zero_results) for bar in chart.bars}
    assert by_day[TODAY - timedelta(days=1)] == (4, 1)
    assert by_day[TODAY - timedelta(days=5)] == (1, 0)
    assert chart.peak == 4 and chart.busiest.start == TODAY - timedelta(days=1)
    tallest = max(chart.bars, key=lambda bar: bar.height)
    assert tallest.height == chart.height and tallest.y == 0


def test_long_periods_are_charted_by_week(logs):
    chart = report.chart(Period(TODAY - timedelta(days=180), TODAY))
    assert chart.unit == "week"
    assert all(bar.start.weekday() == 0 for bar in chart.bars)
    half_year = Period(TODAY - timedelta(days=180), TODAY)
    assert sum(bar.searches for bar in report.chart(half_year).bars) == report.summary(half_year).searches


def test_a_day_is_a_local_day():
    """Europe/London: 23:30 UTC on 30 June is already 1 July."""
    summer = date(2024, 7, 1)
    SearchLog.objects.create(
        query="late", created_at=datetime(2024, 6, 30, 23, 30, tzinfo=UTC), page=1, result_count=1,
        surface="page", sort="relevance", engine="database", took_ms=1,
    )  # fmt: skip
    assert report.summary(Period(summer, summer)).searches == 1
    assert report.summary(Period(summer - timedelta(days=1), summer - timedelta(days=1))).searches == 0
    assert [bar.searches for bar in report.chart(Period(summer - timedelta(days=1), summer)).bars] == [0, 1]


# The admin view


def test_curators_see_the_report_with_every_table_and_the_chart(curator, logs):
    response = curator.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    for heading in ("Top queries", "Queries without results", "Queries with results but no clicks", "Filter use"):
        assert heading in content
    assert '<svg viewBox="0 0 640 160" role="img" aria-labelledby="chart-title chart-desc"' in content
    assert "information governance" in content
    assert '<a href="/search/?q=zanzibar">Run the search' in content
    assert '<a href="/admin/snippets/search/searchsynonym/add/?terms=zanzibar">Add a synonym' in content


def test_the_synonym_link_opens_a_prefilled_form(curator):
    response = curator.get("/admin/snippets/search/searchsynonym/add/", {"terms": "zanzibar"})
    assert response.status_code == 200
    assert ">\nzanzibar</textarea>" in response.content.decode() or ">zanzibar</textarea>" in response.content.decode()
    assert "zanzibar" not in curator.get("/admin/snippets/search/searchsynonym/add/").content.decode()


def test_without_the_synonym_permission_there_is_no_synonym_link(client, logs):
    client.force_login(user_with("reader", "view_searchlog"))
    content = client.get(URL).content.decode()
    assert "Run the search" in content and "Add a synonym" not in content


def test_people_without_the_permission_cannot_see_it_or_its_menu_item(client, logs):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(user_with("editor"))
    response = client.get(URL)
    assert response.status_code == 302 and "search-analytics" not in response["Location"]
    assert "Search analytics" not in client.get("/admin/").content.decode()


def curation_menu_names(user) -> list[str]:
    from django.test import RequestFactory

    from curation.wagtail_hooks import curation_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.name for item in curation_menu.menu_items_for_request(request)]


def test_curators_find_it_in_the_curation_menu(curator):
    assert "Search analytics" in curator.get("/admin/").content.decode()
    assert "search-analytics" in curation_menu_names(get_user_model().objects.get(username="curator"))
    assert "search-analytics" not in curation_menu_names(user_with("author"))


def test_the_exchange_curators_group_may_open_it(client, logs):
    from curation.roles import CURATORS

    user = get_user_model().objects.create_user("exchange-curator", password="correct-horse-battery-staple")
    user.groups.add(Group.objects.get(name=CURATORS))
    client.force_login(user)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "params, message",
    [
        ({"period": "custom", "start": "2025-02-30", "end": "2025-03-01"}, "Enter a valid date."),
        ({"start": "yesterday", "end": "2025-03-01"}, "Enter a valid date."),
        ({"period": "custom", "end": "2025-03-01"}, "Enter the first day of the period"),
        ({"period": "custom", "start": "2025-03-01"}, "Enter the last day of the period."),
        ({"start": "2025-03-10", "end": "2025-03-01"}, "The first day must be on or before the last day."),
        ({"start": "2025-03-10", "end": "9999-12-31"}, "The last day cannot be after today."),
        ({"start": "0001-01-01", "end": "2025-03-01"}, "Choose a first day within the last 10 years."),
        ({"period": "365"}, "Select a valid choice."),
    ],
)
def test_a_bad_period_is_a_clear_form_error(curator, params, message):
    response = curator.get(URL, params)

    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'role="alert"' in content
    assert "Top queries" not in content


def test_a_period_between_dates_is_used(curator, logs):
    start = (TODAY - timedelta(days=50)).isoformat()
    end = (TODAY - timedelta(days=40)).isoformat()
    response = curator.get(URL, {"start": start, "end": end})

    assert response.status_code == 200
    assert [row.query for row in response.context["zero_result_queries"]] == ["care homes"]
    assert response.context["summary"].searches == 1


def test_each_table_downloads_as_csv_for_the_same_period(curator, logs):
    tables = {}
    for name in report.TABLES:
        response = curator.get(URL, {"period": "30", "export": name})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        tables[name] = list(csv.reader(io.StringIO(response.content.decode())))
    assert tables["top_queries"][0] == list(report.TABLES["top_queries"].columns)
    assert tables["top_queries"][0][:2] == ["query", "searches"]
    assert tables["top_queries"][1][:4] == ["information governance", "3", "0", "1"]
    assert [row[:2] for row in tables["zero_results"][1:]] == [["zanzibar", "2"]]
    assert [row[:2] for row in tables["no_clicks"][1:]] == [["telecare", "2"]]
    assert tables["filters"][1] == ["type", "barrier", "Barrier", "2"]


def test_csv_cells_never_start_a_formula(curator):
    log('=hyperlink("http://evil.example")', results=0)
    rows = list(csv.reader(io.StringIO(curator.get(URL, {"export": "zero_results"}).content.decode())))
    assert rows[1][0] == '\'=hyperlink("http://evil.example")'


def test_an_unknown_export_is_a_400(curator):
    assert curator.get(URL, {"export": "passwords"}).status_code == 400


def test_typed_words_are_escaped_in_the_report(curator):
    log("<script>alert(1)</script>", results=0)
    content = curator.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_the_permission_can_be_given_to_a_group_in_the_admin(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x-long-password-1"))
    permission = Permission.objects.get(content_type__app_label="analytics", codename="view_searchlog")
    content = client.get("/admin/groups/new/").content.decode()
    assert f'value="{permission.pk}"' in content
