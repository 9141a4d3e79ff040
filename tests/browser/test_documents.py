"""The documents listed on a case study and a workaround: axe-core finds nothing at desktop and phone
widths, the list fits a phone, and the link downloads the file."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from casestudies.models import CaseStudyDocument, CaseStudyPage, WorkaroundDocument, WorkaroundPage
from tests.factories import committed

PHONE = {"width": 390, "height": 844}
TITLE = "Information sharing agreement signed by every partner of the Greenwich pioneer"


@pytest.fixture
def with_documents(site, settings, tmp_path):
    """The site's case study and workaround, each listing one document, stored on disk."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    document = get_document_model()(title=TITLE, collection=Collection.get_first_root_node())
    document.file.save("information-sharing-agreement.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 40_000), save=True)
    for model, link, title in (
        (CaseStudyPage, CaseStudyDocument, site.study.title),
        (WorkaroundPage, WorkaroundDocument, site.workaround.title),
    ):
        page = model.objects.get(title=title)
        page.attached_documents = [link(document=document, description="Reused by two other pioneers.")]
        with committed():
            page.save_revision().publish()
    return site


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("which", ["study", "workaround"])
def test_pages_listing_documents_are_accessible(page, with_documents, assert_accessible, viewport, which):
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(getattr(with_documents, which).url)
    link = page.get_by_role("link", name=TITLE)
    assert link.is_visible()
    assert "PDF, 39.1" in page.locator(".attached-documents").inner_text()
    assert_accessible(page)
    # The list itself fits (the workaround page's permalink is another matter, fixed with its redesign).
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.attached-documents, .attached-documents *')]"
        ".map(element => element.getBoundingClientRect().right))"
    )
    assert widest <= page.viewport_size["width"], f"the list of documents reaches {widest}px"


def test_the_link_downloads_the_file(page, with_documents):
    page.goto(with_documents.study.url)
    response = page.request.get(page.get_by_role("link", name=TITLE).get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
