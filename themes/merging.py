"""Merging one term into another: every use moves to the survivor, the old slug redirects, the term goes.

Works for every taxonomy and for tags. Uses are found from the relations that
point at the term (themes.usage), so a new taxonomy field needs no change here.
Page revisions are rewritten too, so a draft that named the old term names the
survivor when it is published. All in one transaction: a merge happens whole or
not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import Page, Revision

from .models import SlugRedirect
from .signals import term_merged
from .usage import Use, owner_field, relations, term_uses


class MergeRefused(ValueError):
    pass


@dataclass
class MergeResult:
    source: str
    target: str
    moved: list[Use] = field(default_factory=list)
    revisions: int = 0

    def describe(self) -> str:
        moved = ", ".join(use.label for use in self.moved) or "nothing"
        revisions = f"{self.revisions} page revision{'' if self.revisions == 1 else 's'}"
        return f"Merged “{self.source}” into “{self.target}”: moved {moved}; rewrote {revisions}."


def redirect_kind(term) -> str:
    """The name a term's kind goes by in search addresses: a taxonomy's own, or "tag"."""
    return getattr(term, "kind", "") or type(term)._meta.model_name


@transaction.atomic
def merge(source, target) -> MergeResult:
    if type(source) is not type(target):
        raise MergeRefused(f"“{source}” and “{target}” are not the same kind of term.")
    if source.pk == target.pk:
        raise MergeRefused(f"Cannot merge “{source}” into itself.")
    result = MergeResult(source=str(source), target=str(target), moved=term_uses(source))
    for model, field_name, many in relations(type(source)):
        if many:
            _move_many(model, field_name, source, target)
        else:
            _move_one(model, field_name, source, target)
        result.revisions += _rewrite_revisions(model, field_name, many, source.pk, target.pk)
    source_pk, source_slug = source.pk, source.slug
    SlugRedirect.point(redirect_kind(source), source_slug, target.slug)
    models.Model.delete(source)  # no uses remain: the in-use guard of Taxonomy.delete has nothing to refuse
    term_merged.send(sender=type(target), source_pk=source_pk, source_slug=source_slug, target=target)
    return result


def _move_many(model, field_name: str, source, target) -> None:
    relation = model._meta.get_field(field_name)
    through = relation.remote_field.through
    owner, term = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    has_both = through.objects.filter(**{term: target}).values_list(owner, flat=True)
    through.objects.filter(**{term: source, f"{owner}__in": list(has_both)}).delete()
    through.objects.filter(**{term: source}).update(**{term: target})


def _move_one(model, field_name: str, source, target) -> None:
    rows = model._default_manager.filter(**{field_name: source})
    owner = owner_field(model)
    if owner is not None:  # a page tagged with both keeps one link
        has_both = model._default_manager.filter(**{field_name: target}).values_list(owner.attname, flat=True)
        rows.filter(**{f"{owner.attname}__in": list(has_both)}).delete()
    rows.update(**{field_name: target})


def _rewrite_revisions(model, field_name: str, many: bool, old: int, new: int) -> int:
    """Point page revisions that name the old term at the new one; returns how many changed."""
    if issubclass(model, Page):
        page_model, child_key = model, None
    else:
        owner = owner_field(model)
        parent = owner.remote_field if owner is not None else None
        if parent is None or not issubclass(parent.model, Page):
            return 0
        page_model, child_key = parent.model, parent.related_name
    changed = 0
    revisions = Revision.objects.filter(content_type=ContentType.objects.get_for_model(page_model))
    for revision in revisions.iterator(chunk_size=200):
        content = revision.content
        holders = [content] if child_key is None else content.get(child_key) or []
        touched = False
        for holder in holders:
            value = holder.get(field_name)
            if many and isinstance(value, list) and old in value:
                holder[field_name] = list(dict.fromkeys(new if item == old else item for item in value))
                touched = True
            elif not many and value == old:
                holder[field_name] = new
                touched = True
        if child_key is not None and touched:
            seen: set = set()
            content[child_key] = [h for h in holders if not (h.get(field_name) in seen or seen.add(h.get(field_name)))]
        if touched:
            revision.content = content
            revision.save(update_fields=["content"])
            changed += 1
    return changed


def term_models() -> dict[str, type[models.Model]]:
    """Every kind of term that can be merged, by the name it goes by in addresses."""
    from taggit.models import Tag

    from .models import BarrierCategory, CareGroup, Region, Stage, Theme

    return {
        model.kind if hasattr(model, "kind") else "tag": model
        for model in (Theme, BarrierCategory, CareGroup, Stage, Region, Tag)
    }


def tag_key(name: str) -> str:
    """Tags that differ only in case, spaces, hyphens or punctuation are the same tag: "Tele-health", "telehealth"."""
    return re.sub(r"[\W_]+", "", name.casefold())


@dataclass
class TagCleanup:
    merged: list[tuple[str, str]] = field(default_factory=list)  # (duplicate, kept)
    deleted: list[str] = field(default_factory=list)  # unused


def clean_tags(*, dry_run: bool = False) -> TagCleanup:
    """Merge tags that are the same word written differently (the most used survives); delete unused tags."""
    from taggit.models import Tag

    cleanup = TagCleanup()
    with transaction.atomic():
        groups: dict[str, list] = {}
        for tag in Tag.objects.order_by("name"):
            groups.setdefault(tag_key(tag.name), []).append(tag)
        for tags in groups.values():
            if len(tags) < 2:
                continue
            counted = sorted(tags, key=lambda tag: (-sum(use.count for use in term_uses(tag)), tag.name))
            keep = counted[0]
            for duplicate in counted[1:]:
                cleanup.merged.append((duplicate.name, keep.name))
                if not dry_run:
                    merge(duplicate, keep)
        for tag in Tag.objects.order_by("name"):
            if not term_uses(tag):
                cleanup.deleted.append(tag.name)
                if not dry_run:
                    tag.delete()
    return cleanup
