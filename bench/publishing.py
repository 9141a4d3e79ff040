"""Publish-to-searchable: from publishing a new revision of a real page to the search API finding it.

Each round gives the page a title with a word no other page has, saves a
revision and publishes it as the admin does (Wagtail's page_published signal,
the search.IndexChange queue, the task backend the settings configure, the
store), then asks the API for that word every POLL_S until the page is among
the results or TIMEOUT_S have passed.
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.test import Client

from bench.stats import percentile

API = "/api/v1/search"
POLL_S = 0.02
TIMEOUT_S = 10.0


def unique_words(count: int, seed: int = 31) -> list[str]:
    """Made-up words, 12 letters each, so far apart that no typo tolerance takes one for another."""
    rng = random.Random(seed)
    return ["".join(rng.choices(string.ascii_lowercase, k=12)) for _ in range(count)]


def found(client: Client, word: str, page_id: int) -> bool:
    response = client.get(API, {"q": word, "type": "case_study"})
    if response.status_code != 200:
        return False
    body = response.json()
    return body.get("engine") == "elasticsearch" and any(hit["id"] == page_id for hit in body["results"])


def wait_until_found(client: Client, word: str, page_id: int, timeout: float = TIMEOUT_S) -> bool:
    deadline = time.perf_counter() + timeout
    while not found(client, word, page_id):
        if time.perf_counter() >= deadline:
            return False
        time.sleep(POLL_S)
    return True


def publish_title(page, title: str) -> None:
    """A new revision with this title, published (the admin's "Publish" on the latest draft)."""
    draft = page.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision().publish()


def summarise(seconds: list[float], timeouts: int) -> dict[str, Any]:
    """Percentiles over every publish; a timed-out one counts as the timeout, so p95 is a lower bound then."""
    return {
        "publishes": len(seconds),
        "timeouts": timeouts,
        "p50_s": round(percentile(seconds, 50), 3),
        "p95_s": round(percentile(seconds, 95), 3),
        "max_s": round(max(seconds), 3),
    }


def publish_to_searchable(page, rounds: int = 50, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Publish `page` `rounds` times under new titles and time each until the API finds it."""
    client = Client(HTTP_HOST="127.0.0.1")
    original = page.title
    seconds, timeouts = [], 0
    for word in unique_words(rounds):
        started = time.perf_counter()
        publish_title(page, f"{original} {word}")
        if not wait_until_found(client, word, page.pk):
            timeouts += 1
        seconds.append(time.perf_counter() - started)
    publish_title(page, original)
    result = summarise(seconds, timeouts)
    log(f"  p50 {result['p50_s']} s, p95 {result['p95_s']} s, {timeouts} of {rounds} not found in {TIMEOUT_S:.0f} s")
    return {**result, "task_backend": settings.TASKS["default"]["BACKEND"]}
