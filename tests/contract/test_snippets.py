"""Snippets read well on both engines: they say where the words matched, never repeat the
title, and leave common joining words unmarked."""

from __future__ import annotations

from search.request import SearchRequest


def hit_for(engine, q: str, page_id: int):
    response = engine.search(SearchRequest(q=q, page_size=50))
    return next(hit for hit in response.results if hit.id == page_id)


def test_a_snippet_names_where_the_words_matched(engine, corpus):
    barrier = hit_for(engine, "faxes", corpus.id("leeds_barrier"))
    assert "barrier description" in barrier.matched_in
    study = hit_for(engine, "information governance", corpus.id("leeds_study"))
    assert "barrier category" in study.matched_in


def test_a_title_match_is_named_but_not_repeated_under_the_title(engine, corpus):
    hit = hit_for(engine, "coastal towns", corpus.id("kent_barrier"))
    assert hit.matched_in[0] == "title"
    assert all("Recruiting care staff" not in fragment for fragment in hit.highlights)


def test_joining_words_are_never_marked(engine, corpus):
    hit = hit_for(engine, "shared record between council and NHS", corpus.id("leeds_study"))
    marked = " ".join(hit.highlights).lower()
    assert "<mark>between</mark>" not in marked and "<mark>and</mark>" not in marked
    assert "<mark>" in marked
