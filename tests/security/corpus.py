"""A small published site built once per test module, rolled back afterwards: enough content that
hostile searches find something, count facets and page, without paying for it on every example."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from casestudies.site_structure import ensure_site_structure
from search.engines.elasticsearch.store import IndexStore
from tests.conftest import content_for_the_module
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround


@contextmanager
def indexed_on_elasticsearch(
    es_url: str, django_db_blocker, build: Callable[[], Any]
) -> Iterator[tuple[IndexStore, Any]]:
    """Fresh test indices and content built into them (and into the database engine's store), for a whole
    module; the content is rolled back and the indices deleted afterwards."""
    with content_for_the_module(django_db_blocker, es_url) as store:
        yield store, build()


def build_small_site() -> dict:
    ensure_site_structure()
    leeds = make_pioneer("Leeds", region="north")
    kent = make_pioneer("Kent", region="south")
    study = make_case_study(
        leeds,
        "A shared record between council and NHS",
        summary="Leeds joined up GP, hospital and council records.",
        narrative="Information governance leads agreed one data sharing agreement.",
        themes=("shared-records-and-information-sharing",),
        care_groups=("long-term-conditions",),
        published=date(2015, 3, 1),
        tags=("records",),
    )
    barrier = make_barrier(study, "Sharing rules held up the shared record", description="Faxes for referrals.")
    workaround = make_workaround(study, [barrier], "One data sharing agreement signed once")
    other = make_case_study(
        kent,
        "Recruiting a workforce for integrated care",
        summary="A new care worker role for frail older people.",
        themes=("workforce-redesign",),
        care_groups=("frail-older-people",),
        published=date(2014, 9, 1),
    )
    return {"leeds": leeds, "kent": kent, "study": study, "barrier": barrier, "workaround": workaround, "other": other}
