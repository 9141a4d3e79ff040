"""The content format `pioneer-exchange/1`: import, export and the demo content (docs/import-format.md)."""

from .exporter import UnknownPioneer, dumps, export
from .importer import ImportPlan, apply, plan
from .reading import ContentError, ContentFile, load, parse, read_path, validate
from .spec import FORMAT, json_schema

__all__ = [
    "FORMAT",
    "ContentError",
    "ContentFile",
    "ImportPlan",
    "UnknownPioneer",
    "apply",
    "dumps",
    "export",
    "json_schema",
    "load",
    "parse",
    "plan",
    "read_path",
    "validate",
]
