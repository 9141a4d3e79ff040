"""pioneer-exchange/1 does not carry attached documents: export leaves them out, and an import that
changes a case study keeps the documents its authors attached."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from casestudies.models import CaseStudyDocument, CaseStudyPage
from tests.content.helpers import good_content, run_export, run_import
from tests.factories import committed

pytestmark = pytest.mark.django_db


def test_documents_stay_out_of_the_file_and_survive_a_reimport(write_file):
    content = good_content()
    run_import(write_file(content), "--publish")
    study = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    document = get_document_model()(title="Hub job description", collection=Collection.get_first_root_node())
    document.file.save("hub.pdf", ContentFile(b"%PDF-1.4"), save=True)
    study.attached_documents = [CaseStudyDocument(document=document, description="Band 6 nurse")]
    with committed():
        study.save_revision().publish()

    exported = run_export()
    assert "Hub job description" not in exported and "hub.pdf" not in exported

    changed = copy.deepcopy(json.loads(exported))
    changed["case_studies"][0]["summary"] = "Nurses assess every emergency call."
    run_import(write_file(changed, "changed.json"), "--publish")

    study = CaseStudyPage.objects.get(pk=study.pk)
    assert study.summary == "Nurses assess every emergency call."
    assert [(item.document, item.description) for item in study.attached_documents.all()] == [
        (document, "Band 6 nurse")
    ]
