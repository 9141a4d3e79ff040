"""What every engine offers, and how one stands in for another.

This module never imports a concrete engine (search.engines.database,
search.engines.elasticsearch); search.engines.get_engine chooses them.

An outage degrades to the database engine, with a warning in the log and
`"engine": "database"` in the response; users never see an error for it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from typing import Any, Protocol

from search.request import SearchRequest
from search.response import Hit, SearchResponse

logger = logging.getLogger(__name__)


class SearchEngine(Protocol):
    name: str

    def search(self, request: SearchRequest) -> SearchResponse: ...

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]: ...

    def related(self, page_id: int, size: int = 5) -> list[Hit]: ...

    def documents(self, page_ids: list[int]) -> list[dict[str, Any]]:
        """The stored index documents of these pages, in the order asked; pages not in the index are left out."""
        ...


class EngineUnavailable(Exception):
    """The engine could not answer (cluster down, index missing, timeout): an outage."""


class QueryRefused(Exception):
    """The engine refused this one request (a bug of ours, not an outage): others still go to it."""


class Cooldown:
    """Remembers an outage for a while, so a slow or dead cluster is not asked on every request.

    When the cooldown has passed, one caller at a time may try the cluster
    again (admit); the others keep to the fallback until its answer either
    ends the outage (clear) or starts another cooldown. A frozen cluster then
    holds up one request per cooldown, not every request that arrives while
    that one waits for its timeout.
    """

    def __init__(self, seconds: float, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.until = 0.0
        self._lock = threading.Lock()

    def active(self) -> bool:
        return self.clock() < self.until

    def start(self) -> None:
        self.until = self.clock() + self.seconds

    def clear(self) -> None:
        self.until = 0.0

    def admit(self) -> bool:
        """May this caller ask the cluster now? While no outage is remembered, always (no lock taken)."""
        if not self.until:
            return True
        with self._lock:
            now = self.clock()
            if now < self.until:
                return False
            # This caller probes; everyone else waits for its answer, or for another cooldown if it never comes.
            self.until = now + self.seconds
            return True


# One per process: every request in it learns from the first failure.
PRIMARY_COOLDOWN = Cooldown(seconds=30)


class FallbackEngine:
    """Asks the primary engine; when it cannot answer, asks the fallback instead.

    After an outage (EngineUnavailable) the primary is left alone for the
    cooldown, then tried again by one request (Cooldown.admit); a refused
    request (QueryRefused) falls back for that request only.
    """

    def __init__(self, primary: SearchEngine, fallback: SearchEngine, cooldown: Cooldown = PRIMARY_COOLDOWN):
        self.primary = primary
        self.fallback = fallback
        self.cooldown = cooldown
        self.name = primary.name

    def _call(self, method: str, *args, **kwargs):
        if self.cooldown.admit():
            try:
                answer = getattr(self.primary, method)(*args, **kwargs)
            except QueryRefused as error:
                # One odd request must not send everyone else's searches elsewhere: no cooldown.
                logger.error("Search %s was refused by the %s engine: %s", method, self.primary.name, error)
                self._answered(method)  # a refusal is an answer: the cluster is there
            except EngineUnavailable as error:
                self.cooldown.start()
                logger.warning(
                    "Search %s fell back to the %s engine for %ss: %s",
                    method, self.fallback.name, self.cooldown.seconds, error,
                )  # fmt: skip
            else:
                self._answered(method)
                return answer
        return getattr(self.fallback, method)(*args, **kwargs)

    def _answered(self, method: str) -> None:
        if self.cooldown.until:  # the probe after a cooldown was answered: everyone may ask again
            self.cooldown.clear()
            logger.info("Search %s: the %s engine answers again", method, self.primary.name)

    def search(self, request: SearchRequest) -> SearchResponse:
        return self._call("search", request)

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]:
        return self._call("suggest", prefix, size)

    def related(self, page_id: int, size: int = 5) -> list[Hit]:
        return self._call("related", page_id, size)

    def documents(self, page_ids: list[int]) -> list[dict[str, Any]]:
        return self._call("documents", page_ids)


def fingerprint(document: dict[str, Any]) -> str:
    """A stable hash of a stored document: each store reports these, so drift is found without comparing fields."""
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()
