"""A question asked in full finds what its key words find: question words and fillers do not count
against a page (issue 9: long natural-language questions ranked worse than their key words)."""

from __future__ import annotations

import pytest

from search.request import SearchRequest

pytestmark = pytest.mark.django_db


def first_ids(engine, q: str, size: int = 3) -> list[int]:
    return [hit.id for hit in engine.search(SearchRequest(q=q, page_size=size)).results]


@pytest.mark.parametrize(
    ("question", "key_words", "expected"),
    [
        (
            "How did the hospital lose money when admissions were avoided?",
            "hospital money admissions avoided",
            "greenwich_barrier",
        ),
        ("What can we do when vacancies stay open for months?", "vacancies open months", "kent_barrier"),
    ],
)
def test_a_question_finds_what_its_key_words_find(engine, corpus, question, key_words, expected):
    assert corpus.id(expected) in first_ids(engine, key_words)
    assert corpus.id(expected) in first_ids(engine, question)
