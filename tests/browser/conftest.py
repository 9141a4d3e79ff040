"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every test here is marked `browser` and runs in a transactional database (the live
server answers from another thread, so content must really be committed). Django
flushes that database after each test; `serialized_rollback` restores what the
migrations seeded (taxonomies, synonyms, Wagtail's root page) before the next one.

Chromium and axe-core come from `scripts/ensure-browser.sh`: when either is missing
the tests fail with a message saying so, they never skip.

Playwright's sync API runs an asyncio loop in this thread and leaves it marked as
running between calls. Django would then take the thread for an async context: its
ORM refuses to run, and the database connection it hands out is a different object
(one without the serialized contents the rollback restores). So the loop counts as
running only while a test body runs (that is when the test drives the browser) and
inside the fixtures that call Playwright; database fixtures run with it cleared.
Test bodies therefore use no ORM: the `site` fixture hands them URLs and titles.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

from casestudies.models import Outcome
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround, pioneers_index

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Tests reach nothing but the live server: the design system's typeface (assets.nhs.uk) and any
# other outside request are refused, so a run needs no network and depends on none.
OUTSIDE = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])[a-z]+://")
SETUP_HINT = "Run `bash scripts/ensure-browser.sh`: it installs Debian's chromium package and axe-core (`npm ci`)."


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


class Browser:
    """One headless Debian Chromium under Playwright, and the event loop Playwright drives it with."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.loop = asyncio.get_running_loop()  # the sync API marks its loop as running in this thread
        try:
            self.chromium = self._playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except BaseException:
            self._playwright.stop()
            raise
        finally:
            asyncio._set_running_loop(None)

    @contextmanager
    def driving(self) -> Iterator[None]:
        """Mark Playwright's loop as running in this thread while the block calls Playwright.

        Reentrant: inside a test body (already driving) a `fresh_tab` leaves the loop marked when it is done."""
        outer = asyncio._get_running_loop()
        asyncio._set_running_loop(self.loop)
        try:
            yield
        finally:
            asyncio._set_running_loop(outer)

    def close(self) -> None:
        with self.driving():
            try:
                self.chromium.close()
            finally:
                self._playwright.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, launched once for the whole session."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Debian's Chromium is missing at {CHROMIUM}. {SETUP_HINT}", pytrace=False)
    session = Browser()
    yield session
    session.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """A browser test's body drives Playwright: its loop counts as running meanwhile (see the module doc)."""
    browser = getattr(item, "funcargs", {}).get("browser")
    if not isinstance(browser, Browser):
        return (yield)
    with browser.driving():
        return (yield)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}. {SETUP_HINT}", pytrace=False)
    return AXE_SCRIPT


@contextmanager
def fresh_tab(browser: Browser, base_url: str, **options) -> Iterator:
    """A tab in its own browser context (no cookies carried over) that reaches only the live server."""
    with browser.driving():
        context = browser.chromium.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, **options)
        context.set_default_timeout(10_000)
        context.route(OUTSIDE, lambda route: route.abort())
        tab = context.new_page()
    try:
        yield tab
    finally:
        with browser.driving():
            context.close()


@pytest.fixture
def page(browser, live_server, site):
    """A fresh tab aimed at the live server."""
    with fresh_tab(browser, live_server.url) as tab:
        yield tab


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Site:
    pioneer: Link
    study: Link
    barrier: Link
    workaround: Link
    other_study: Link


def _link(page) -> Link:
    return Link(page.title, page.url)


@pytest.fixture
def site(transactional_db) -> Site:
    """A small published site: two pioneers, case studies with outcomes, tags and themes,
    a barrier and a workaround that addresses it. Built before the tab opens."""
    cache.clear()  # Wagtail caches the site's root paths, and the last test's site was flushed.
    pioneers_index()
    greenwich = make_pioneer(
        "Greenwich",
        region="london",
        population_served=254000,
        partners="Royal Borough of Greenwich\nOxleas NHS Foundation Trust",
        plan_summary="Multidisciplinary teams that respond to community emergencies within 24 hours.",
    )
    leeds = make_pioneer("Leeds", region="north", plan_summary="Teams for older people and long-term conditions.")
    study = make_case_study(
        greenwich,
        "Rapid response within 24 hours",
        summary="Joint health and social care teams that reach people at home within a day.",
        narrative="## How it worked\n\nA **joint team** answered calls from GPs and social workers.",
        stage="evaluated",
        published=date(2015, 6, 1),
        themes=("rapid-community-response", "multidisciplinary-teams"),
        care_groups=("frail-older-people",),
        tags=("rapid response", "MDT"),
        outcomes=(
            Outcome(
                measure="emergency-admissions-avoided",
                value=Decimal("2000"),
                unit="admissions",
                baseline="Admissions in 2012/13",
                evidence="local-monitoring",
            ),
            Outcome(measure="length-of-stay", value=Decimal("1.1"), unit="fewer days", evidence="before-and-after"),
        ),
        start_date=date(2013, 4, 1),
        contact_name="Integration programme office",
        contact_role="Greenwich pioneer programme",
        contact_email="greenwich-pioneer@example.org",
    )
    barrier = make_barrier(
        study,
        "Sharing care records between the council and the NHS",
        category="information-governance",
        description="Each partner's information governance team wanted its own data sharing agreement.",
        status="partly-overcome",
    )
    workaround = make_workaround(
        study,
        [barrier],
        "One data sharing agreement signed by every partner",
        description="A single agreement, drafted once and signed by all partners, covered the shared record.",
        effectiveness="worked-well",
    )
    other_study = make_case_study(
        leeds,
        "Neighbourhood teams for frail older people",
        summary="Neighbourhood teams around GP practices for people with long-term conditions.",
        themes=("multidisciplinary-teams",),
        care_groups=("frail-older-people", "long-term-conditions"),
        tags=("neighbourhood teams",),
        published=date(2016, 3, 1),
    )
    make_barrier(
        other_study,
        "Care records on different IT systems",
        category="it-systems",
        description="GP practices and the council used systems that could not share records.",
    )
    return Site(_link(greenwich), _link(study), _link(barrier), _link(workaround), _link(other_study))


def axe_violations(tab, script: Path) -> list[dict]:
    """axe-core's violations on the tab's page, for WCAG 2.0/2.1/2.2 A and AA and best practice."""
    tab.add_script_tag(path=str(script))
    result = tab.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_RULESETS
    )
    return result["violations"]


def describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} accessibility problem(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {json.dumps(node['target'])}: {summary}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(axe_script):
    """Check the tab's current page with axe-core; a failure lists each rule, its help and the nodes."""

    def check(tab) -> None:
        violations = axe_violations(tab, axe_script)
        assert not violations, describe_violations(tab.url, violations)

    return check
