"""Documents through the admin: authors upload into their pioneer's collection and choose only from it,
attach documents to their pages, and curators manage every document. A document is public only once
a public page lists it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model

from casestudies.models import CaseStudyPage
from tests.curation.admin_forms import edit_url, errors_of, form_for
from tests.factories import committed

pytestmark = pytest.mark.django_db
Document = get_document_model()
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads stored on disk under MEDIA_ROOT, as in production (tests otherwise keep files in memory)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


def upload(client, title: str, filename: str = "agreement.pdf") -> Document:
    file = SimpleUploadedFile(filename, b"%PDF-1.4 one agreement for every partner", content_type="application/pdf")
    response = client.post("/admin/documents/add/", {"title": title, "file": file, "tags": ""})
    assert response.status_code == 302, errors_of(response)
    return Document.objects.get(title=title)


def chooser_titles(client) -> str:
    response = client.get("/admin/documents/chooser/")
    assert response.status_code == 200
    return response.json()["html"]


def test_authors_upload_into_their_pioneers_own_collection(author_client, leeds, leeds_author, media_root):
    document = upload(author_client, "Leeds information sharing agreement")

    assert document.collection == leeds.pioneer.authors_role.collection
    assert document.collection.name == "Leeds documents"
    assert document.uploaded_by_user == leeds_author
    assert (media_root / "documents" / "agreement.pdf").is_file()


def test_authors_choose_only_their_own_pioneers_documents(author_client, kent_author, leeds, kent):
    upload(author_client, "Leeds job description")
    kent_client = Client()
    kent_client.force_login(kent_author)
    upload(kent_client, "Kent business case")

    offered = chooser_titles(author_client)

    assert "Leeds job description" in offered
    assert "Kent business case" not in offered


def test_authors_edit_their_own_uploads_only_and_curators_manage_all(
    author_client, curator_client, kent_author, leeds, kent
):
    own = upload(author_client, "Leeds rota")
    kent_client = Client()
    kent_client.force_login(kent_author)
    theirs = upload(kent_client, "Kent rota")

    assert author_client.get(f"/admin/documents/edit/{own.pk}/").status_code == 200
    assert author_client.get(f"/admin/documents/edit/{theirs.pk}/").status_code in {302, 403}
    assert curator_client.get(f"/admin/documents/edit/{theirs.pk}/").status_code == 200
    assert "Kent rota" in chooser_titles(curator_client) and "Leeds rota" in chooser_titles(curator_client)
    assert curator_client.post(f"/admin/documents/delete/{theirs.pk}/").status_code == 302
    assert not Document.objects.filter(pk=theirs.pk).exists()


def test_anonymous_people_cannot_upload(leeds):
    response = Client().get("/admin/documents/add/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_attached_document_is_private_until_a_curator_publishes_the_page(author_client, curator_client, leeds):
    client = Client()  # anonymous: pytest's `client` is the one author_client logged in
    study = leeds.study
    document = upload(author_client, "Leeds data sharing agreement")
    attached = [{"document": str(document.pk), "description": "Signed by every partner.", "id": ""}]

    response = author_client.post(edit_url(study), form_for(study, study.title, documents=attached))
    assert response.status_code == 302, errors_of(response)

    study = CaseStudyPage.objects.get(pk=study.pk)
    draft = study.get_latest_revision_as_object()
    assert [item.document for item in draft.attached_documents.all()] == [document]
    assert "Leeds data sharing agreement" not in client.get(study.url).content.decode()
    assert client.get(document.url).status_code == 404  # the public page does not list it yet
    assert author_client.get(document.url).status_code == 200  # its author, previewing the draft

    with committed():
        response = curator_client.post(edit_url(study), form_for(study, study.title, **PUBLISH))  # the draft as is
    assert response.status_code == 302, errors_of(response)

    page = client.get(study.url).content.decode()
    assert f'<a href="{document.url}">Leeds data sharing agreement</a>' in page
    assert "Signed by every partner." in page
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    results = client.get("/api/v1/search", {"q": "data sharing agreement"}).json()["results"]
    [found] = [result for result in results if result["id"] == study.pk]
    assert any(snippet.startswith("Attached document: ") for snippet in found["highlights"]), found["highlights"]


def test_a_document_on_a_draft_page_only_is_not_served(author_client, leeds):
    client = Client()
    document = upload(author_client, "Draft-only business case")
    draft = leeds.draft_study
    draft.attached_documents.create(document=document)  # a never-published page's rows are in the database

    assert client.get(document.url).status_code == 404
    assert author_client.get(document.url).status_code == 200


def test_the_collection_follows_the_pioneers_name(leeds):
    pioneer = leeds.pioneer
    pioneer.title = "Leeds City"
    with committed():
        pioneer.save_revision().publish()

    pioneer.authors_role.refresh_from_db()
    assert pioneer.authors_role.collection.name == "Leeds City documents"
