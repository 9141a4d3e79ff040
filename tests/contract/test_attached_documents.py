"""Documents attached to case studies and workarounds: listed on the page, and found by their titles
in search on both engines, the result saying it matched in a document."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from casestudies.models import CaseStudyDocument, WorkaroundDocument
from search.indexing.documents import build_document
from search.request import SearchRequest
from search.snippets import DOCUMENT_HIGHLIGHT_LABEL
from tests.factories import committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine(fresh_engine):
    """Every test here adds content: each has its own indices (conftest.py)."""
    return fresh_engine


@pytest.fixture
def corpus(fresh_corpus):
    return fresh_corpus


Document = get_document_model()


def upload(title: str, filename: str, content: bytes = b"%PDF-1.4 a small agreement") -> Document:
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def attach(page, link_model, *documents, description: str = "") -> None:
    page.attached_documents = [link_model(document=document, description=description) for document in documents]
    with committed():
        page.save_revision().publish()


def ids(engine, q: str) -> list[int]:
    return [hit.id for hit in engine.search(SearchRequest(q=q)).results]


def test_a_search_for_a_documents_title_finds_the_page_and_says_so(engine, corpus):
    study = corpus.pages["kent_study"]
    attach(study, CaseStudyDocument, upload("Rotational apprenticeship job description", "apprentice.pdf"))

    response = engine.search(SearchRequest(q="apprenticeship job description"))

    assert [hit.id for hit in response.results] == [study.pk]
    [hit] = response.results
    labelled = [snippet for snippet in hit.highlights if snippet.startswith(DOCUMENT_HIGHLIGHT_LABEL)]
    assert labelled, hit.highlights
    assert "<mark>" in labelled[0] and "Rotational" in labelled[0]


def test_a_workarounds_documents_are_found_too(engine, corpus):
    workaround = corpus.pages["greenwich_workaround"]
    attach(workaround, WorkaroundDocument, upload("Risk share business case", "risk-share.docx"))

    assert ids(engine, "business case") == [workaround.pk]


def test_the_index_document_carries_titles_only_when_there_are_documents(engine, corpus):
    study = corpus.pages["leeds_study"]
    assert "documents" not in build_document(study)
    attach(study, CaseStudyDocument, upload("Information sharing agreement", "isa.pdf"), upload("DPIA", "dpia.odt"))
    assert build_document(study)["documents"] == ["Information sharing agreement", "DPIA"]
    assert "documents" not in build_document(corpus.pages["leeds_barrier"])


def _rename(document) -> None:
    document.title = "Marrowbone induction handbook"
    document.save()


@pytest.mark.parametrize(
    ("change", "found_now"),
    [(_rename, ("marrowbone induction handbook",)), (lambda document: document.delete(), ())],
    ids=["renamed", "deleted"],
)
def test_a_change_to_a_document_reaches_search(engine, corpus, change, found_now):
    study = corpus.pages["kent_study"]
    document = upload("Quillfeather onboarding plan", "plan.pdf")
    attach(study, CaseStudyDocument, document)
    assert ids(engine, "quillfeather onboarding") == [study.pk]

    with committed():
        change(document)

    assert ids(engine, "quillfeather") == []
    for words in found_now:
        assert ids(engine, words) == [study.pk]


def test_the_page_lists_its_documents(client, engine, corpus):
    workaround = corpus.pages["leeds_workaround"]
    document = upload("Data sharing agreement template", "data-sharing.pdf", b"x" * 2048)
    attach(workaround, WorkaroundDocument, document, description="Signed by all eleven partners.")

    page = client.get(workaround.url).content.decode()

    listing = page[page.index('id="documents-heading"') :]
    assert f'<a href="{document.url}">Data sharing agreement template</a>' in listing
    assert "(PDF, 2.0\xa0KB)" in listing
    assert "Signed by all eleven partners." in listing
    assert 'id="documents-heading"' not in client.get(corpus.pages["greenwich_study"].url).content.decode()
