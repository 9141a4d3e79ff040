"""After an outage's cooldown, one request tries the cluster again while everyone else keeps to the fallback.

Stand-in engines pin the rule down (threads, no cluster): without it, every request arriving while the
first one waits on a frozen cluster would wait its own timeout too.
"""

from __future__ import annotations

import threading

from search.engines.base import Cooldown, EngineUnavailable, FallbackEngine
from search.request import SearchRequest


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FirstCallHangs:
    """A cluster whose first request hangs until released (then fails or answers); later requests answer at once."""

    name = "elasticsearch"

    def __init__(self) -> None:
        self.calls = 0
        self.waiting = threading.Event()
        self.release = threading.Event()
        self.fail = True

    def search(self, request):
        self.calls += 1
        if self.calls == 1:
            self.waiting.set()
            assert self.release.wait(10)
            if self.fail:
                raise EngineUnavailable("timed out")
        return self.name


class Database:
    name = "database"

    def search(self, request):
        return self.name


def probing(fail: bool):
    """An engine whose cooldown has just passed, and a thread whose request is the probe, hanging."""
    clock, primary = Clock(), FirstCallHangs()
    primary.fail = fail
    cooldown = Cooldown(30, clock)
    engine = FallbackEngine(primary, Database(), cooldown)
    cooldown.start()
    clock.now += 31
    answers: list[str] = []
    probe = threading.Thread(target=lambda: answers.append(engine.search(SearchRequest())))
    probe.start()
    assert primary.waiting.wait(10)
    return engine, primary, clock, probe, answers


def test_while_the_probe_waits_everyone_else_is_answered_by_the_fallback_and_recovers_with_it():
    engine, primary, _clock, probe, answers = probing(fail=False)

    try:
        meanwhile = [engine.search(SearchRequest()) for _ in range(5)]
    finally:
        primary.release.set()

    assert meanwhile == ["database"] * 5  # without the rule, each would have asked the hanging cluster
    assert primary.calls == 1
    probe.join(10)
    assert answers == ["elasticsearch"]
    assert engine.search(SearchRequest()) == "elasticsearch"  # the probe's answer ended the outage for everyone
    assert primary.calls == 2


def test_a_probe_that_fails_starts_another_cooldown():
    engine, primary, clock, probe, answers = probing(fail=True)
    primary.release.set()
    probe.join(10)
    assert answers == ["database"]

    assert [engine.search(SearchRequest()) for _ in range(3)] == ["database"] * 3
    assert primary.calls == 1
    clock.now += 31
    assert engine.search(SearchRequest()) == "elasticsearch"  # the next probe, a cooldown later
    assert primary.calls == 2
