"""Generated content as the plain documents the indexer hands to the stores, without Wagtail pages.

The shape is build_document's (search.indexing.documents), field for field, and
the text goes through the same Markdown-to-text and summary code; ids start
at corpus.ID_BASE so they never meet a real page's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.text import slugify

from bench.corpus import BARRIER_CATEGORIES, BARRIER_STATUSES, CARE_GROUPS, EFFECTIVENESS, ID_BASE, REGIONS, STAGES
from bench.corpus import THEMES as THEME_ROWS
from casestudies.markdown import markdown_to_text
from search.facets import NOT_REUSED, REUSED
from search.indexing.documents import _first_sentences, suggestion_entries, title_suggestion
from search.ranking import REUSE_FIELD

NAMES = {
    "region": dict(REGIONS),
    "theme": dict(THEME_ROWS),
    "barrier_category": dict(BARRIER_CATEGORIES),
    "care_group": dict(CARE_GROUPS),
    "stage": dict(STAGES),
}


def _study_fields(study: dict[str, Any], pioneer: dict[str, Any]) -> dict[str, Any]:
    """What a case study's barriers and workarounds share with it (build_document's _case_study_fields)."""
    published = study["published"]
    tags = sorted((slugify(name), name) for name in study["tags"])
    return {
        "pioneer": pioneer["slug"],
        "pioneer_name": pioneer["name"],
        "region": pioneer["region"],
        "region_name": NAMES["region"][pioneer["region"]],
        "theme": list(study["themes"]),
        "theme_names": [NAMES["theme"][slug] for slug in study["themes"]],
        "care_group": list(study["care_groups"]),
        "care_group_names": [NAMES["care_group"][slug] for slug in study["care_groups"]],
        "stage": study["stage"],
        "stage_name": NAMES["stage"][study["stage"]],
        "tag": [slug for slug, _ in tags],
        "tag_names": [name for _, name in tags],
        "published": published,
        "year": int(published[:4]),
    }


def _reuse(document_id: int) -> dict[str, Any]:
    """The network's reuse fields (network.search_fields) for a case study or workaround: about 30% reused by
    1 to 6 areas, spread over the corpus by a fixed hash of the id, so the facet and the ranking signal work."""
    spread = (document_id * 2654435761) % 100
    areas = 0 if spread < 70 else 1 + spread % 6
    return {REUSE_FIELD: areas, "reused": REUSED if areas else NOT_REUSED}


def _categories(barriers: list[dict[str, Any]]) -> dict[str, list[str]]:
    slugs = sorted({barrier["category"] for barrier in barriers})
    return {"barrier_category": slugs, "barrier_category_names": [NAMES["barrier_category"][s] for s in slugs]}


def index_documents(content: dict[str, Any], limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Each case study, then its barriers and workarounds, as index documents; at most `limit` of them."""
    pioneers = {record["slug"]: record for record in content["pioneers"]}
    next_id = ID_BASE
    produced = 0
    for study in content["case_studies"]:
        pioneer = pioneers[study["pioneer"]]
        shared = _study_fields(study, pioneer)
        study_url = f"/pioneers/{pioneer['slug']}/{study['slug']}/"
        documents = [
            {
                "id": next_id,
                "type": "case_study",
                "title": study["title"],
                "url": study_url,
                **shared,
                "summary": study["summary"],
                "body": markdown_to_text(study["narrative"]),
                **_categories(study["barriers"]),
                "case_study": study["title"],
                "status": NAMES["stage"][study["stage"]],
                **_reuse(next_id),
            }
        ]
        by_slug = {barrier["slug"]: barrier for barrier in study["barriers"]}
        for barrier in study["barriers"]:
            body = markdown_to_text(barrier["description"])
            documents.append(
                {
                    "id": next_id + len(documents),
                    "type": "barrier",
                    "title": barrier["title"],
                    "url": f"{study_url}{barrier['slug']}/",
                    **shared,
                    "summary": _first_sentences(body),
                    "body": body,
                    **_categories([barrier]),
                    "case_study": study["title"],
                    "status": BARRIER_STATUSES[barrier["status"]],
                }
            )
        for workaround in study["workarounds"]:
            body = markdown_to_text(workaround["description"])
            addressed = [by_slug[slug] for slug in workaround["addresses"]]
            documents.append(
                {
                    "id": next_id + len(documents),
                    "type": "workaround",
                    "title": workaround["title"],
                    "url": f"{study_url}{workaround['slug']}/",
                    **shared,
                    "summary": _first_sentences(body),
                    "body": " ".join([body, *(barrier["title"] for barrier in addressed)]),
                    **_categories(addressed),
                    "case_study": study["title"],
                    "status": EFFECTIVENESS[workaround["effectiveness"]],
                    **_reuse(next_id + len(documents)),
                }
            )
        next_id += len(documents)
        for document in documents:
            if limit is not None and produced >= limit:
                return
            produced += 1
            yield document


def suggestions_for(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The suggestion entries a rebuild writes for these documents (maintenance.expected_suggestions)."""
    return [title_suggestion(document) for document in documents] + list(suggestion_entries())
