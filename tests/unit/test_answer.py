"""search.web.answer: promoted results come from the engine's own index, page 1 only, and never break a search."""

from __future__ import annotations

import pytest

from search.extensions import Pick, hooks
from search.request import SearchRequest
from search.response import SearchResponse
from search.web.answer import MAX_PROMOTED, answer, promoted_results


def document(page_id: int, type_: str = "case_study", pioneer: str = "leeds") -> dict:
    return {"id": page_id, "type": type_, "title": f"Page {page_id}", "url": f"/p/{page_id}/", "pioneer": pioneer}


class FakeEngine:
    name = "fake"

    def __init__(self, documents: list[dict]):
        self.stored = {doc["id"]: doc for doc in documents}
        self.asked: list[list[int]] = []

    def search(self, request):
        return SearchResponse(request=request, total=0, results=[], facets=[], engine=self.name)

    def documents(self, page_ids):
        self.asked.append(list(page_ids))
        return [self.stored[page_id] for page_id in page_ids if page_id in self.stored]


@pytest.fixture
def promoter(monkeypatch):
    picks: list[Pick] = []
    monkeypatch.setattr(hooks, "promoter", lambda request: picks)
    monkeypatch.setattr(hooks, "recorder", None)
    return picks


def ids(promoted) -> list[int]:
    return [item.hit.id for item in promoted]


def test_picks_become_results_in_order_with_their_notes(promoter):
    engine = FakeEngine([document(1), document(2), document(3)])
    promoter += [Pick(3, "Recommended"), Pick(1, "Recommended"), Pick(3, "again")]

    promoted = promoted_results(engine, SearchRequest(q="ig"))

    assert ids(promoted) == [3, 1]
    assert promoted[0].note == "Recommended" and promoted[0].hit.url == "/p/3/"
    assert engine.asked == [[3, 1]]


def test_pages_the_index_does_not_hold_are_left_out(promoter):
    promoter += [Pick(7), Pick(1)]
    assert ids(promoted_results(FakeEngine([document(1)]), SearchRequest(q="ig"))) == [1]


@pytest.mark.parametrize("request_", [SearchRequest(q="ig", page=2), SearchRequest(q="")], ids=["page 2", "no words"])
def test_only_page_one_of_a_search_with_words_gets_them(promoter, request_):
    promoter += [Pick(1)]
    engine = FakeEngine([document(1)])
    assert promoted_results(engine, request_) == []
    assert engine.asked == []


def test_the_chosen_filters_apply_to_them_too(promoter):
    promoter += [Pick(1), Pick(2)]
    engine = FakeEngine([document(1, "case_study"), document(2, "barrier", pioneer="kent")])
    assert ids(promoted_results(engine, SearchRequest(q="ig", filters={"type": ("barrier",)}))) == [2]
    assert ids(promoted_results(engine, SearchRequest(q="ig", filters={"pioneer": ("leeds",)}))) == [1]


def test_at_most_a_few_are_shown(promoter):
    promoter += [Pick(page_id) for page_id in range(1, 10)]
    engine = FakeEngine([document(page_id) for page_id in range(1, 10)])
    assert ids(promoted_results(engine, SearchRequest(q="ig"))) == list(range(1, MAX_PROMOTED + 1))


def test_a_failing_promoter_or_lookup_leaves_the_search_alone(monkeypatch):
    def broken(request):
        raise RuntimeError("promotions table missing")

    monkeypatch.setattr(hooks, "promoter", broken)
    monkeypatch.setattr(hooks, "recorder", None)
    answered = answer(SearchRequest(q="ig"), surface="api", engine=FakeEngine([document(1)]))
    assert answered.response.promoted == [] and answered.links is None


def test_without_a_promoter_nothing_is_looked_up(monkeypatch):
    monkeypatch.setattr(hooks, "promoter", None)
    engine = FakeEngine([document(1)])
    assert promoted_results(engine, SearchRequest(q="ig")) == [] and engine.asked == []


def test_the_recorder_hears_what_was_asked_answered_and_where(monkeypatch):
    heard = []
    monkeypatch.setattr(hooks, "promoter", None)
    monkeypatch.setattr(hooks, "recorder", lambda event: heard.append(event))
    request = SearchRequest(q="ig")

    answer(request, surface="page", engine=FakeEngine([]))
    answer(request, surface="page", record=False, engine=FakeEngine([]))

    [event] = heard
    assert (event.request, event.surface, event.response.engine) == (request, "page", "fake")
    assert event.took_ms >= 0


class CorrectingEngine:
    """Finds nothing for "strf", suggesting "staff", which finds `found` results."""

    name = "fake"

    def __init__(self, found: int):
        self.found = found
        self.asked: list[str] = []

    def search(self, request):
        self.asked.append(request.q)
        total = self.found if request.q == "staff" else 0
        suggestion = "staff" if request.q == "strf" else None
        return SearchResponse(
            request=request, total=total, results=[], facets=[], engine=self.name, took_ms=3, suggestion=suggestion
        )


def test_words_that_find_nothing_are_answered_with_their_correction(monkeypatch):
    monkeypatch.setattr(hooks, "recorder", None)
    engine = CorrectingEngine(found=4)
    response = answer(SearchRequest(q="strf", filters={"type": ("barrier",)}), surface="api", engine=engine).response
    assert engine.asked == ["strf", "staff"]
    assert (response.total, response.suggestion, response.corrected_from) == (4, "staff", "strf")
    assert response.request.q == "strf" and response.request.filters == {"type": ("barrier",)}
    assert response.took_ms == 6


def test_a_correction_that_finds_nothing_either_leaves_the_answer_as_it_was(monkeypatch):
    monkeypatch.setattr(hooks, "recorder", None)
    response = answer(SearchRequest(q="strf"), surface="api", engine=CorrectingEngine(found=0)).response
    assert (response.total, response.suggestion, response.corrected_from) == (0, "staff", None)
