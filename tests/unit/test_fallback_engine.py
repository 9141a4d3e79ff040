"""The fallback rule, with stand-in engines: no cluster needed to pin down the policy."""

import pytest

from search.engines.base import Cooldown, EngineUnavailable, FallbackEngine, QueryRefused
from search.request import SearchRequest


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Recording:
    def __init__(self, name, fail=False, error=EngineUnavailable):
        self.name = name
        self.fail = fail
        self.error = error
        self.calls = 0

    def search(self, request):
        self.calls += 1
        if self.fail:
            raise self.error("connection refused" if self.error is EngineUnavailable else "400: bad value")
        return self.name


@pytest.fixture
def clock():
    return Clock()


def test_the_primary_answers_while_it_can(clock):
    primary, fallback = Recording("elasticsearch"), Recording("database")
    engine = FallbackEngine(primary, fallback, Cooldown(30, clock))
    assert [engine.search(SearchRequest()) for _ in range(3)] == ["elasticsearch"] * 3
    assert fallback.calls == 0


def test_after_a_failure_the_primary_rests_for_the_cooldown_then_is_tried_again(clock, caplog):
    primary, fallback = Recording("elasticsearch", fail=True), Recording("database")
    engine = FallbackEngine(primary, fallback, Cooldown(30, clock))
    assert engine.search(SearchRequest()) == "database"
    assert "fell back to the database engine" in caplog.text
    clock.now += 29
    assert engine.search(SearchRequest()) == "database"
    assert primary.calls == 1  # not asked during the cooldown
    primary.fail = False
    clock.now += 2
    assert engine.search(SearchRequest()) == "elasticsearch"
    assert primary.calls == 2


def test_a_refused_request_falls_back_alone_and_the_primary_keeps_serving_everyone_else(clock, caplog):
    primary, fallback = Recording("elasticsearch", fail=True, error=QueryRefused), Recording("database")
    cooldown = Cooldown(30, clock)
    engine = FallbackEngine(primary, fallback, cooldown)
    assert engine.search(SearchRequest()) == "database"
    assert "refused" in caplog.text
    assert not cooldown.active()
    primary.fail = False
    assert engine.search(SearchRequest()) == "elasticsearch"  # at once, no cooldown
