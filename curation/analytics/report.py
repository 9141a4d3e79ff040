"""The figures of the curators' search report, over a period of local days.

A search is counted once: only page 1 rows are searches (later pages are kept so
their clicks belong somewhere, and are counted as clicks of the same words).
Searches without words (browsing by filters) count in the totals and the filter
use, not in the query tables. Click-based figures look at the search page only:
the API's results are not click-tracked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone

from curation.analytics.models import SearchClick, SearchLog
from search.facets import FACETS, FACETS_BY_NAME

SCREEN_ROWS = 25
EXPORT_ROWS = 10_000
MAX_DAILY_BARS = 92  # longer periods are charted by week


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[datetime, datetime]:
        """From the start of the first local day to the start of the day after the last."""
        zone = timezone.get_current_timezone()
        first = timezone.make_aware(datetime.combine(self.start, time.min), zone)
        after = timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min), zone)
        return first, after

    def __str__(self) -> str:
        return f"{_day(self.start)} to {_day(self.end)}"


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def logs_in(period: Period) -> QuerySet[SearchLog]:
    first, after = period.bounds()
    return SearchLog.objects.filter(created_at__gte=first, created_at__lt=after)


def searches_in(period: Period) -> QuerySet[SearchLog]:
    """Page 1 rows: each one search."""
    return logs_in(period).filter(page=1)


def clicks_in(period: Period) -> QuerySet[SearchClick]:
    """Clicks on results of searches made in the period."""
    first, after = period.bounds()
    return SearchClick.objects.filter(search__created_at__gte=first, search__created_at__lt=after)


@dataclass(frozen=True)
class Summary:
    searches: int
    distinct_queries: int
    zero_results: int
    clicks: int
    average_ms: int
    database_engine: int

    @property
    def zero_share(self) -> int:
        return round(100 * self.zero_results / self.searches) if self.searches else 0


def summary(period: Period) -> Summary:
    figures = searches_in(period).aggregate(
        searches=Count("pk"),
        zero=Count("pk", filter=Q(result_count=0)),
        average=Avg("took_ms"),
        database=Count("pk", filter=Q(engine="database")),
    )
    return Summary(
        searches=figures["searches"],
        distinct_queries=searches_in(period).exclude(query="").values("query").distinct().count(),
        zero_results=figures["zero"],
        clicks=clicks_in(period).count(),
        average_ms=round(figures["average"] or 0),
        database_engine=figures["database"],
    )


@dataclass(frozen=True)
class Bar:
    start: date
    label: str
    searches: int
    zero_results: int
    x: float
    width: float
    height: float
    zero_height: float
    chart_height: float

    @property
    def y(self) -> float:
        return round(self.chart_height - self.height, 2)

    @property
    def zero_y(self) -> float:
        return round(self.chart_height - self.zero_height, 2)


@dataclass(frozen=True)
class Chart:
    """Searches per day (or week), as bars for a server-drawn SVG and as rows for its table."""

    unit: str  # "day" or "week"
    bars: list[Bar]
    peak: int
    width: int = 640
    height: int = 160

    @property
    def busiest(self) -> Bar | None:
        return max(self.bars, key=lambda bar: bar.searches) if self.peak else None


def chart(period: Period, width: int = 640, height: int = 160) -> Chart:
    weekly = period.days > MAX_DAILY_BARS
    bucket = TruncWeek("created_at") if weekly else TruncDate("created_at")
    rows = (
        searches_in(period)
        .annotate(bucket=bucket)
        .values("bucket")
        .annotate(searches=Count("pk"), zero=Count("pk", filter=Q(result_count=0)))
    )
    counts = {_as_date(row["bucket"]): (row["searches"], row["zero"]) for row in rows}
    step = timedelta(days=7 if weekly else 1)
    starts: list[date] = []
    current = period.start - timedelta(days=period.start.weekday()) if weekly else period.start
    while current <= period.end:
        starts.append(current)
        current += step
    peak = max((searches for searches, _ in counts.values()), default=0)
    slot = width / len(starts)
    bars = []
    for index, start in enumerate(starts):
        searches, zero = counts.get(start, (0, 0))
        bars.append(
            Bar(
                start=start,
                label=f"week of {_day(start)}" if weekly else _day(start),
                searches=searches,
                zero_results=zero,
                x=round(index * slot + slot * 0.1, 2),
                width=round(max(slot * 0.8, 1), 2),
                height=round(height * searches / peak, 2) if peak else 0,
                zero_height=round(height * zero / peak, 2) if peak else 0,
                chart_height=height,
            )
        )
    return Chart("week" if weekly else "day", bars, peak, width, height)


def _as_date(value) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class QueryRow:
    query: str
    searches: int
    zero_results: int = 0
    clicks: int = 0
    last_searched: datetime | None = None


def _query_rows(logs: QuerySet[SearchLog], limit: int | None) -> list[dict]:
    rows = (
        logs.exclude(query="")
        .values("query")
        .annotate(searches=Count("pk"), zero=Count("pk", filter=Q(result_count=0)), last=Max("created_at"))
        .order_by("-searches", "query")
    )
    return list(rows[:limit] if limit else rows)


def top_queries(period: Period, limit: int | None = SCREEN_ROWS) -> list[QueryRow]:
    clicks = dict(
        clicks_in(period).values("search__query").annotate(count=Count("pk")).values_list("search__query", "count")
    )
    return [
        QueryRow(row["query"], row["searches"], row["zero"], clicks.get(row["query"], 0), row["last"])
        for row in _query_rows(searches_in(period), limit)
    ]


def zero_result_queries(period: Period, limit: int | None = SCREEN_ROWS) -> list[QueryRow]:
    """The content gaps: words that found nothing."""
    rows = _query_rows(searches_in(period).filter(result_count=0), limit)
    return [QueryRow(row["query"], row["searches"], row["zero"], 0, row["last"]) for row in rows]


def no_click_queries(period: Period, limit: int | None = SCREEN_ROWS) -> list[QueryRow]:
    """Words that found results on the search page, none of which was followed, on any page of results."""
    clicked = clicks_in(period).values("search__query")
    page_searches = searches_in(period).filter(surface=SearchLog.PAGE, result_count__gt=0)
    rows = _query_rows(page_searches.exclude(query__in=clicked), limit)
    return [QueryRow(row["query"], row["searches"], row["zero"], 0, row["last"]) for row in rows]


@dataclass(frozen=True)
class FilterRow:
    facet: str
    facet_label: str
    value: str
    value_label: str
    searches: int


def filter_use(period: Period, limit: int | None = SCREEN_ROWS) -> list[FilterRow]:
    """Which facet values searches were narrowed by, most used first within each facet (declared order)."""
    used: Counter[tuple[str, str]] = Counter()
    for filters in searches_in(period).exclude(filters={}).values_list("filters", flat=True).iterator():
        for name, values in (filters or {}).items():
            used.update((name, str(value)) for value in set(values))
    order = {facet.name: index for index, facet in enumerate(FACETS)}
    pairs = sorted(used.items(), key=lambda item: (order.get(item[0][0], len(order)), -item[1], item[0][1]))
    pairs = pairs[:limit] if limit else pairs
    labels: dict[str, dict[str, str]] = {}
    for name in {name for (name, _), _ in pairs}:
        facet = FACETS_BY_NAME.get(name)
        values = [value for (facet_name, value), _ in pairs if facet_name == name]
        labels[name] = facet.labels(values) if facet else {}
    return [
        FilterRow(
            name,
            FACETS_BY_NAME[name].label if name in FACETS_BY_NAME else name,
            value,
            labels[name].get(value, value),
            count,
        )
        for (name, value), count in pairs
    ]


@dataclass(frozen=True)
class Table:
    """One of the report's tables as CSV: its columns and its rows as plain values."""

    title: str
    columns: tuple[str, ...]
    rows: Callable[[Period, int | None], list[tuple]]


def _local(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


TABLES = {
    "top_queries": Table(
        "Top queries",
        ("query", "searches", "searches without results", "result clicks", "last searched"),
        lambda period, limit: [
            (row.query, row.searches, row.zero_results, row.clicks, _local(row.last_searched))
            for row in top_queries(period, limit)
        ],
    ),
    "zero_results": Table(
        "Queries without results",
        ("query", "searches", "last searched"),
        lambda period, limit: [
            (row.query, row.searches, _local(row.last_searched)) for row in zero_result_queries(period, limit)
        ],
    ),
    "no_clicks": Table(
        "Queries with results but no clicks",
        ("query", "searches", "last searched"),
        lambda period, limit: [
            (row.query, row.searches, _local(row.last_searched)) for row in no_click_queries(period, limit)
        ],
    ),
    "filters": Table(
        "Filter use",
        ("facet", "value", "label", "searches"),
        lambda period, limit: [
            (row.facet, row.value, row.value_label, row.searches) for row in filter_use(period, limit)
        ],
    ),
}
