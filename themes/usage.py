"""Where a taxonomy term (or tag) is used: every relation that points at it, counted."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from modelcluster.fields import ParentalKey


@dataclass(frozen=True)
class Use:
    model: type[models.Model]  # what uses the term (a page type; for a link row such as a tag link, its owner)
    field_name: str  # the field that points at the term
    many: bool  # a many-to-many field (else a foreign key)
    count: int

    @property
    def label(self) -> str:
        name = self.model._meta.verbose_name if self.count == 1 else self.model._meta.verbose_name_plural
        return f"{self.count} {name}"


class TermInUse(Exception):
    def __init__(self, term, uses: list[Use]):
        self.term = term
        self.uses = uses
        super().__init__(f"“{term}” is used by {describe(uses)}; merge it into another term instead of deleting it.")


def relations(model: type[models.Model]):
    """(model, field name, many) for every field outside the term's own app that points at this model.

    Tag managers are left out: their link rows (a foreign key to the tag) are the real relation.
    """
    for relation in model._meta.related_objects:
        if relation.related_model._meta.app_label == model._meta.app_label:
            continue  # the term's own app (redirects, taggit's generic links) does not count as a use
        if relation.many_to_many and isinstance(relation.field, models.ManyToManyField):
            yield relation.related_model, relation.field.name, True
        elif relation.one_to_many and relation.field.concrete:
            yield relation.related_model, relation.field.name, False


def owner_field(model: type[models.Model]) -> models.Field | None:
    """For a link row that belongs to another object (a page's tag link), the field naming its owner."""
    for candidate in model._meta.fields:
        if isinstance(candidate, ParentalKey) or candidate.name == "content_object":
            return candidate
    return None


def term_uses(term) -> list[Use]:
    uses = []
    for model, field_name, many in relations(type(term)):
        rows = model._default_manager.filter(**{field_name: term})
        owner = None if many else owner_field(model)
        if owner is not None:
            count = rows.values(owner.attname).distinct().count()
            model = owner.remote_field.model
        else:
            count = rows.distinct().count()
        if count:
            uses.append(Use(model, field_name, many, count))
    return uses


def describe(uses: list[Use]) -> str:
    return ", ".join(use.label for use in uses) or "nothing"
