"""The one declaration of the search facets, read by both engines, the API and the page.

Each facet filters documents on one keyword field of the index document. Order
here is the order everywhere. Within a facet values are ORed, across facets
ANDed, and each facet is counted with every filter but its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from search.table_cache import TableCache

KINDS = {"keyword", "year"}
YEAR = re.compile(r"[0-9]{4}")  # ASCII digits only: "２０１５".isdigit() is true, and the index refuses it


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter and API key
    label: str
    field: str  # document field holding the value(s)
    kind: str = "keyword"  # keyword: counted, most first; year: by year, newest first
    size: int = 100  # how many values are counted at most
    labeller: Callable[[Iterable[str]], dict[str, str]] | None = field(default=None, compare=False)
    # A closed set of values and their labels: any other value is refused (400), and the API lists them.
    choices: dict[str, str] | None = field(default=None, compare=False)
    description: str = ""  # what the API description says of the parameter, when a label is not enough

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Facet {self.name!r} has unknown kind {self.kind!r}; expected one of {sorted(KINDS)}")

    def normalise(self, value: str) -> str | None:
        """The value as stored in the index, or None when it cannot match anything."""
        value = value.strip()
        if self.kind == "year":
            return value if YEAR.fullmatch(value) else None
        if self.choices is not None:
            return value.lower() if value.lower() in self.choices else None
        return value.lower() if value else None

    def document_values(self, document: dict) -> set[str]:
        """The values a stored index document has for this facet, as strings."""
        value = document.get(self.field)
        values = value if isinstance(value, list) else [value]
        return {str(item) for item in values if item is not None and item != ""}

    def labels(self, values: Iterable[str]) -> dict[str, str]:
        values = list(values)
        found = self.labeller(values) if self.labeller else (self.choices or {})
        return {value: found.get(value, value) for value in values}

    def order(self, values: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """Display order for (value, count) pairs."""
        if self.kind == "year":
            return sorted(values, key=lambda pair: pair[0], reverse=True)
        return sorted(values, key=lambda pair: (-pair[1], pair[0]))


CONTENT_TYPES = {"case_study": "Case study", "barrier": "Barrier", "workaround": "Workaround"}


def _type_labels(values: Iterable[str]) -> dict[str, str]:
    return {value: CONTENT_TYPES[value] for value in values if value in CONTENT_TYPES}


def _model_labels(model_path: str, key: str = "slug", label: str = "name", also_changed_by: tuple[str, ...] = ()):
    """Labels from a taxonomy table, all of it kept in the process (search/table_cache.py)."""

    def every_label() -> dict[str, str]:
        from django.apps import apps

        return dict(apps.get_model(model_path).objects.values_list(key, label))

    table = TableCache(f"labels-{model_path}", every_label, (model_path, *also_changed_by))

    def labeller(values: Iterable[str]) -> dict[str, str]:
        labels = table.get()
        return {value: labels[value] for value in values if value in labels}

    return labeller


# Whether other areas recorded reusing a case study or workaround (network.search_fields fills it in; a
# barrier has no value). The count behind it is also a ranking signal (search/ranking.py).
REUSED, NOT_REUSED = "yes", "no"
REUSE_CHOICES = {REUSED: "Reused by other areas", NOT_REUSED: "Not reused yet"}

FACETS: tuple[Facet, ...] = (
    Facet("type", "Type", "type", labeller=_type_labels),
    Facet("theme", "Theme", "theme", labeller=_model_labels("themes.Theme")),
    Facet(
        "pioneer",
        "Pioneer",
        "pioneer",
        labeller=_model_labels("casestudies.PioneerPage", label="title", also_changed_by=("wagtailcore.Page",)),
    ),
    Facet("region", "Region", "region", labeller=_model_labels("themes.Region")),
    Facet("barrier_category", "Barrier category", "barrier_category", labeller=_model_labels("themes.BarrierCategory")),
    Facet("care_group", "Care group", "care_group", labeller=_model_labels("themes.CareGroup")),
    Facet("stage", "Stage", "stage", labeller=_model_labels("themes.Stage")),
    Facet("year", "Year", "year", kind="year"),
    Facet("tag", "Tag", "tag", labeller=_model_labels("taggit.Tag")),
    Facet(
        "reused",
        "Reuse",
        "reused",
        choices=REUSE_CHOICES,
        description="Whether other areas recorded reusing it (case studies and workarounds; barriers have neither).",
    ),
)

FACETS_BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}


def matches_filters(document: dict, filters: dict[str, tuple[str, ...]]) -> bool:
    """Whether a stored document passes facet filters: one of the values of every filtered facet."""
    return all(FACETS_BY_NAME[name].document_values(document) & set(values) for name, values in filters.items())
