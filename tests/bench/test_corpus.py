"""The benchmark corpus: deterministic, skewed like real content, importable, and shaped as the indexer's documents."""

from __future__ import annotations

import json
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from bench.corpus import ID_BASE, THEMES, corpus, generate, zipf_weights
from bench.documents import index_documents, suggestions_for
from search.indexing.maintenance import expected_documents
from tests.factories import committed


def test_the_same_size_and_seed_give_the_same_content_and_another_seed_does_not():
    assert json.dumps(generate(30)) == json.dumps(generate(30))
    assert json.dumps(generate(30)) != json.dumps(generate(30, seed=7))


def test_a_corpus_of_n_items_has_about_n_documents_with_unique_ids():
    for items in (100, 1000):
        documents = list(index_documents(corpus(items)))
        assert items <= len(documents) < items * 1.3
        assert len({document["id"] for document in documents}) == len(documents)
        assert min(document["id"] for document in documents) >= ID_BASE
    assert len(list(index_documents(corpus(1000), limit=1000))) == 1000


def test_facet_values_are_skewed_a_few_common_and_many_rare():
    studies = corpus(10_000)["case_studies"]
    counts = Counter(theme for study in studies for theme in study["themes"])
    ranked = [count for _theme, count in counts.most_common()]
    assert len(ranked) == len(THEMES)  # every theme appears
    assert ranked[0] > 5 * ranked[-1]
    assert sum(ranked[:3]) > sum(ranked) / 3
    tag_counts = Counter(tag for study in studies for tag in study["tags"]).most_common()
    assert tag_counts[0][1] > 10 * tag_counts[-1][1]


def test_zipf_weights_fall_with_rank():
    weights = zipf_weights(5)
    assert weights == sorted(weights, reverse=True)
    assert weights[0] == 1


def test_text_comes_from_the_domain_vocabulary():
    text = " ".join(document["body"] for document in index_documents(corpus(300)))
    for phrase in ("single point of contact", "NHS number", "payment by results", "frail older people"):
        assert phrase in text


@pytest.mark.django_db
def test_generated_documents_have_the_fields_the_indexer_builds_from_real_pages(tmp_path):
    """Import a generated file as pages, build their documents the site's way, and compare shapes and values."""
    content = generate(case_studies=2, pioneers=1)
    path = tmp_path / "content.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with committed():
        call_command("import_content", str(path), "--publish", "--no-progress", stdout=StringIO(), stderr=StringIO())

    from_pages = {document["url"]: document for document in expected_documents()}
    generated = list(index_documents(content))

    assert len(generated) == len(from_pages)
    for document in generated:
        page_document = from_pages[document["url"]]
        assert set(document) == set(page_document), document["type"]
        for field in ("theme", "theme_names", "region", "pioneer", "stage", "year", "barrier_category", "tag"):
            assert document[field] == page_document[field], (document["type"], field)
        assert document["body"] == page_document["body"]


@pytest.mark.django_db
def test_suggestions_are_each_documents_title_then_the_taxonomies():
    documents = list(index_documents(corpus(50)))
    entries = suggestions_for(documents)
    assert [entry["id"] for entry in entries[: len(documents)]] == [f"page-{d['id']}" for d in documents]
    assert {entry["type"] for entry in entries[len(documents) :]} >= {"theme", "barrier_category"}
