"""A search as CSV rows: labels people read, not codes, and no cell a spreadsheet would run as a formula.

Rows are produced a page of results at a time, so an export is streamed and
never holds more than one page; it stops at the engines' result window.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from search.engines.base import SearchEngine
from search.facets import CONTENT_TYPES
from search.request import MAX_RESULT_WINDOW, SearchRequest
from search.response import Hit

HEADER = [
    "Type",
    "Title",
    "Pioneer",
    "Region",
    "Themes",
    "Care groups",
    "Stage",
    "Barrier status",
    "Workaround effectiveness",
    "Published",
    "URL",
    "Summary",
]
FORMULA_SIGNS = frozenset("=+-@")
CONTROL_STARTS = ("\t", "\r", "\n")


def csv_safe(value: object) -> str:
    """A cell a spreadsheet program shows as text and never runs as a formula: the one rule for every CSV.

    A cell is quoted with a leading apostrophe when it starts with a tab or a
    line break, or when its first character after any white space is a sign
    that starts a formula. That character is NFKC-normalised first, because
    spreadsheet programs also take the full-width ＝ ＋ － ＠ (and ﹦) as = + - @.
    """
    text = "" if value is None else str(value)
    significant = text.lstrip()[:1]
    if text.startswith(CONTROL_STARTS) or unicodedata.normalize("NFKC", significant)[:1] in FORMULA_SIGNS:
        return "'" + text
    return text


def row(hit: Hit, document: dict[str, Any], absolute_url) -> list[str]:
    """One result as a row; `document` is its stored index document, for the fields a result does not carry.

    A stored document's `status` is a barrier's status, a workaround's
    effectiveness, or a case study's stage (search.indexing.documents).
    """
    status = document.get("status", "")
    cells = [
        CONTENT_TYPES.get(hit.type, hit.type),
        hit.title,
        hit.pioneer["name"] if hit.pioneer else "",
        document.get("region_name", ""),
        "; ".join(theme["name"] for theme in hit.themes),
        "; ".join(document.get("care_group_names", [])),
        document.get("stage_name", ""),
        status if hit.type == "barrier" else "",
        status if hit.type == "workaround" else "",
        hit.published.isoformat() if hit.published else "",
        absolute_url(hit.url),
        hit.summary,
    ]
    return [csv_safe(cell) for cell in cells]


class _Line:
    """A file-like object csv.writer writes one line to, handed straight back."""

    def write(self, line: str) -> str:
        return line


def csv_lines(engine: SearchEngine, request: SearchRequest, absolute_url) -> Iterator[str]:
    """The header and a line per matching item, up to MAX_RESULT_WINDOW, a page of results at a time."""
    writer = csv.writer(_Line())
    yield writer.writerow(HEADER)
    page = 1
    while True:
        response = engine.search(replace(request, page=page))
        stored = engine.documents([hit.id for hit in response.results])
        documents = {int(document["id"]): document for document in stored}
        for hit in response.results:
            yield writer.writerow(row(hit, documents.get(hit.id, {}), absolute_url))
        if page >= response.pages or page * request.page_size >= MAX_RESULT_WINDOW:
            break
        page += 1
