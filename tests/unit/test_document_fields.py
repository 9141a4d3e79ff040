"""Other apps' index document fields (search.extensions): asked once per batch, merged, and never skipped."""

from __future__ import annotations

import pytest

from network.search_fields import reuse_fields
from search import extensions
from search.indexing.documents import build_document, build_documents
from search.indexing.sync import writes_for_pages
from tests.factories import indexed_together, make_barrier, make_case_study, make_pioneer, make_workaround

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(settings):
    settings.ELASTICSEARCH_URL = ""
    with indexed_together():
        study = make_case_study(make_pioneer("Fields Fareham"), "Discharge lounge")
        barrier = make_barrier(study, "No transport home")
        workaround = make_workaround(study, [barrier], "Volunteer drivers")
    return [study, barrier, workaround]


@pytest.fixture
def asked(monkeypatch):
    """Only a recording contributor registered (the network's taken out for the test): the batches it is given."""
    batches: list[dict[int, str]] = []

    def contributor(batch):
        batches.append(dict(batch))
        return {page_id: {"colour": kind} for page_id, kind in batch.items() if kind != "barrier"}

    monkeypatch.setattr(extensions.hooks, "document_fields", [contributor])
    return batches


def test_a_batch_is_asked_once_and_each_document_gets_its_own_fields(pages, asked):
    study, barrier, workaround = pages
    documents = {document["id"]: document for document in build_documents(pages)}
    assert asked == [{study.pk: "case_study", barrier.pk: "barrier", workaround.pk: "workaround"}]
    assert documents[study.pk]["colour"] == "case_study" and documents[workaround.pk]["colour"] == "workaround"
    assert "colour" not in documents[barrier.pk]

    writes_for_pages(pages)  # the queue's path: one call for the batch too
    assert len(asked) == 2 and asked[1] == asked[0]


def test_a_page_built_alone_asks_for_itself(pages, asked):
    assert build_document(pages[2])["colour"] == "workaround"
    assert asked == [{pages[2].pk: "workaround"}]


def test_without_contributors_documents_have_only_searchs_own_fields(pages, monkeypatch):
    monkeypatch.setattr(extensions.hooks, "document_fields", [])
    assert "reused" not in build_document(pages[0])
    extensions.register_document_fields(reuse_fields)
    extensions.register_document_fields(reuse_fields)  # once only
    assert extensions.hooks.document_fields == [reuse_fields]
    assert build_document(pages[0])["reused"] == "no"


def test_a_failing_contributor_fails_the_write_rather_than_leave_fields_out(pages, monkeypatch):
    def broken(batch):
        raise RuntimeError("the network's database is away")

    monkeypatch.setattr(extensions.hooks, "document_fields", [broken])
    with pytest.raises(RuntimeError, match="away"):
        writes_for_pages(pages)  # the queue keeps the change and retries it
