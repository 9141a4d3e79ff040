"""Promotions are tested through both engines, on the contract tests' corpus."""

from __future__ import annotations

import pytest

from curation.promotions.models import PromotedPage, Promotion
from tests.contract.conftest import (  # noqa: F401 - fixtures shared with the contract tests
    corpus,
    engine,
    engine_kind,
    fresh_corpus,
    fresh_engine,
)


@pytest.fixture
def promote():
    """promote(["words", ...], page, page, ..., note=..., starts_on=..., ends_on=..., active=...) -> Promotion"""

    def make(queries, *pages, name: str = "", **fields) -> Promotion:
        promotion = Promotion(name=name or f"Promotion for {queries[0]}", queries="\n".join(queries), **fields)
        promotion.items = [PromotedPage(page=page) for page in pages]
        promotion.full_clean()
        promotion.save()
        return promotion

    return make
