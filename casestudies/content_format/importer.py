"""Importing a checked content file: first a plan (what to create, change or leave alone), then one transaction.

Records are matched to pages by slug under their parent. A record equal to
its page's latest content is left alone, so importing a file twice changes
nothing the second time; a changed record becomes a new revision of the
page. Pages are drafts unless `publish` is asked for. Nothing is ever deleted.

Wagtail's per-save work (its admin search index and reference index) is
done once per page at the end instead of on every save, and apps that react
to page changes can take them as one batch through the
`batch_content_writes` hook (a function returning a context manager that is
entered around the writes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_save
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published, published

from ..models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundPage
from ..site_structure import ensure_site_structure
from .pages import (
    Relations,
    Tags,
    barrier_record,
    case_study_record,
    latest_content,
    own_fields,
    pioneer_record,
    set_relations,
    workaround_record,
    write_barrier,
    write_case_study,
    write_pioneer,
    write_workaround,
)
from .reading import ContentFile

CREATE, CHANGE, PUBLISH, UNCHANGED = "create", "change", "publish", "unchanged"
ACTIONS = (CREATE, CHANGE, PUBLISH, UNCHANGED)
MODELS = {"pioneer": PioneerPage, "case study": CaseStudyPage, "barrier": BarrierPage, "workaround": WorkaroundPage}
BATCH_HOOK = "batch_content_writes"
BULK_SIZE = 500
IDS_PER_QUERY = 10_000  # within SQLite's limit on query parameters


@dataclass(eq=False)
class Step:
    """One record and what the import does with its page."""

    kind: str
    name: str  # its slugs from the pioneer down, e.g. "barnsley/central-monitoring-hub"
    action: str
    record: dict[str, Any]
    parent: Step | Page | None  # None: the pioneers' index page
    page: Page | None = None  # the existing page, or the one the import created
    content: Page | None = None  # the existing page's latest content, where a change starts from
    case_study: tuple[str, str] | None = None  # (pioneer, case study) slugs for barriers and workarounds


@dataclass
class ImportPlan:
    content: ContentFile
    publish: bool
    steps: list[Step] = field(default_factory=list)

    def counts(self) -> dict[str, Counter]:
        counts = {kind: Counter() for kind in MODELS}
        for step in self.steps:
            counts[step.kind][step.action] += 1
        return counts

    @property
    def writes(self) -> list[Step]:
        return [step for step in self.steps if step.action != UNCHANGED]


def _action(page: Page | None, current: dict[str, Any] | None, record: dict[str, Any], publish: bool) -> str:
    if page is None:
        return CREATE
    if current != record:
        return CHANGE
    if publish and (not page.live or page.has_unpublished_changes):
        return PUBLISH
    return UNCHANGED


def plan(content: ContentFile, *, publish: bool = False) -> ImportPlan:
    """Compare each record with its page's latest content: nothing is written."""
    site, checks = content.site, content.checks
    result = ImportPlan(content=content, publish=publish)

    def add(kind: str, name: str, record: dict, existing: Page | None, parent, read, **extra) -> Step:
        current = latest_content(existing) if existing else None
        action = _action(existing, read(current) if current else None, record, publish)
        step = Step(kind, name, action, record, parent, page=existing, content=current, **extra)
        result.steps.append(step)
        return step

    pioneer_steps: dict[str, Step] = {}
    for record in content.pioneers:
        slug = record["slug"]
        read = partial(pioneer_record, checks=checks)
        pioneer_steps[slug] = add("pioneer", slug, record, site.pioneers.get(slug), None, read)

    for record in content.case_studies:
        key = (record["pioneer"], record["slug"])
        parent = pioneer_steps.get(record["pioneer"]) or site.pioneers[record["pioneer"]]
        read = partial(case_study_record, pioneer_slug=record["pioneer"], checks=checks)
        study = add("case study", "/".join(key), own_fields(record), site.case_studies.get(key), parent, read)
        on_site = site.children_of(key)
        barrier_slugs = {page.pk: slug for slug, page in site.children_of(key, BarrierPage).items()}
        children = [
            ("barrier", partial(barrier_record, checks=checks), record["barriers"]),
            ("workaround", partial(workaround_record, barrier_slugs=barrier_slugs), record["workarounds"]),
        ]
        for kind, read, child_records in children:
            for child in child_records:
                name = f"{study.name}/{child['slug']}"
                add(kind, name, child, on_site.get(child["slug"]), study, read, case_study=key)
    return result


@contextmanager
def _wagtail_search_paused(models) -> Iterator[None]:
    """Wagtail's admin search would reindex a page on each of its several saves; it is done once at the end."""
    paused = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


def apply(import_plan: ImportPlan, progress: Callable[[int, int], None] | None = None) -> list[Page]:
    """Write the plan in one transaction, all of it or nothing; return the pages written."""
    writes = import_plan.writes
    with transaction.atomic(), ExitStack() as batch:
        for hook in hooks.get_hooks(BATCH_HOOK):
            batch.enter_context(hook())
        _home, index = ensure_site_structure()
        batch.enter_context(disable_reference_index_auto_update())
        batch.enter_context(_wagtail_search_paused(MODELS.values()))
        writer = _Writer(import_plan, index)
        for done, step in enumerate(writes, start=1):
            writer.write(step)
            if progress:
                progress(done, len(writes))
        written = writer.finish()
    return written


class _Writer:
    """Writes the steps in order: a parent page always exists before its children."""

    def __init__(self, import_plan: ImportPlan, index: Page):
        self.publish = import_plan.publish
        self.checks = import_plan.content.checks
        self.site = import_plan.content.site
        self.index = index
        self.tags = Tags()
        self.new_pages = _NewPages(publish=self.publish)
        self.barrier_ids: dict[tuple[str, str], dict[str, int]] = {}
        self.written: dict[int, type] = {}
        self.to_publish: list[Page] = []

    def _parent_page(self, step: Step) -> Page:
        if step.parent is None:
            return self.index
        return step.parent.page if isinstance(step.parent, Step) else step.parent

    def _barrier_ids(self, key: tuple[str, str]) -> dict[str, int]:
        if key not in self.barrier_ids:
            self.barrier_ids[key] = {slug: page.pk for slug, page in self.site.children_of(key, BarrierPage).items()}
        return self.barrier_ids[key]

    def _fill(self, step: Step, page: Page) -> Relations:
        record = step.record
        if step.kind == "pioneer":
            return write_pioneer(page, record, self.checks)
        if step.kind == "case study":
            return write_case_study(page, record, self.checks, self.tags)
        if step.kind == "barrier":
            return write_barrier(page, record, self.checks)
        return write_workaround(page, record, self._barrier_ids(step.case_study))

    def write(self, step: Step) -> None:
        if step.action == CREATE:
            page = MODELS[step.kind]()
            relations = self._fill(step, page)
            step.page = self.new_pages.add(page, self._parent_page(step), relations)
        elif step.action == CHANGE:
            set_relations(step.content, self._fill(step, step.content))
            revision = step.content.save_revision(clean=False, log_action=True)
            if self.publish:
                revision.publish()
        else:  # PUBLISH: content unchanged, published at the end
            self.to_publish.append(step.page)
        if step.kind == "barrier":
            self._barrier_ids(step.case_study)[step.record["slug"]] = step.page.pk
        self.written[step.page.pk] = MODELS[step.kind]

    def finish(self) -> list[Page]:
        """Revisions of the new pages, the publishing left for the end; then Wagtail's reference index and
        admin search, once per written page."""
        self.new_pages.finish()
        flipped = publish_first_drafts(self.to_publish)
        for page in self.to_publish:
            if page.pk not in flipped:
                (page.latest_revision or page.save_revision(clean=False)).publish()
        new = {page.pk: page for page in self.new_pages.pages}  # they hold their relations in memory
        pages: list[Page] = []
        for model in MODELS.values():
            ids = [pk for pk, written_model in self.written.items() if written_model is model]
            existing_ids = [pk for pk in ids if pk not in new]
            existing = [
                row
                for start in range(0, len(existing_ids), IDS_PER_QUERY)
                for row in model.objects.filter(pk__in=existing_ids[start : start + IDS_PER_QUERY])
            ]
            for row in existing:
                if row.pk not in flipped:  # publishing a first draft as it is changes no reference
                    ReferenceIndex.create_or_update_for_object(row)
            rows = [new[pk] for pk in ids if pk in new] + existing
            for backend in get_search_backends(with_auto_update=True):
                if rows:
                    backend.add_bulk(model, rows)
            pages += rows
        return pages


class _NewPages:
    """New pages, written as Wagtail's create-and-publish would leave them, with a fraction of its queries.

    Each page is saved once, at a tree position worked out here rather than
    looked up for every child; its first revision, the latest (and, when
    published, live) revision links and the log entries go in as bulk
    inserts at the end, and then `page_published` is sent for each published
    page, as publishing in the admin would.
    """

    def __init__(self, *, publish: bool):
        self.publish = publish
        self.now = timezone.now()
        self.pages: list[Page] = []
        self.last_child_path: dict[int, str | None] = {}
        self.added_children: Counter = Counter()
        self.relations: list[tuple[Page, Relations]] = []

    def _next_path(self, parent: Page) -> str:
        if parent.pk not in self.last_child_path:
            children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            self.last_child_path[parent.pk] = children.order_by("-path").values_list("path", flat=True).first()
        last = self.last_child_path[parent.pk]
        path = Page(path=last)._inc_path() if last else Page._get_path(parent.path, parent.depth + 1, 1)
        self.last_child_path[parent.pk] = path
        return path

    def add(self, page: Page, parent: Page, relations: Relations) -> Page:
        page.path = self._next_path(parent)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = self.publish
        page.has_unpublished_changes = not self.publish
        page.latest_revision_created_at = self.now
        if self.publish:
            page.first_published_at = page.last_published_at = self.now
        page._cached_parent_obj = parent  # Page.save reads the parent's url_path from it
        page._is_site_root = False  # a new page is no site's root: spares a query per page
        page.save(clean=False, log_action=None)  # checked already; logged with the revisions
        set_relations(page, {COMMENTS_RELATION_NAME: [], **relations})  # held in memory, inserted in bulk
        self.added_children[parent.pk] += 1
        self.pages.append(page)
        self.relations.append((page, relations))
        return page

    def _insert_relations(self) -> None:
        rows: dict[type, list] = {}
        for page, relations in self.relations:
            for name, objects in relations.items():
                field = page._meta.get_field(name)
                if isinstance(field, ParentalManyToManyField):
                    through = field.remote_field.through
                    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
                    rows.setdefault(through, []).extend(
                        through(**{source: page.pk, target: item.pk}) for item in objects
                    )
                else:
                    rows.setdefault(type(objects[0]) if objects else None, []).extend(objects)
        for model, objects in rows.items():
            if model is not None and objects:
                model.objects.bulk_create(objects, batch_size=BULK_SIZE)

    def finish(self) -> None:
        self._insert_relations()
        _execute_many(
            "UPDATE {page} SET {numchild} = {numchild} + %s WHERE {id} = %s",
            [(added, parent_pk) for parent_pk, added in self.added_children.items()],
        )
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=page.content_type_id,
                    base_content_type_id=page.get_base_content_type().pk,
                    object_id=str(page.pk),
                    created_at=self.now,
                    content=page.serializable_data(),
                    object_str=str(page),
                )
                for page in self.pages
            ],
            batch_size=BULK_SIZE,
        )
        for page, revision in zip(self.pages, revisions, strict=True):
            page.latest_revision = revision
            page.live_revision = revision if self.publish else None
        _execute_many(
            "UPDATE {page} SET {latest_revision} = %s, {live_revision} = %s WHERE {id} = %s",
            [(page.latest_revision_id, page.live_revision_id, page.pk) for page in self.pages],
        )
        actions = ["wagtail.create", "wagtail.publish"] if self.publish else ["wagtail.create"]
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type_id=page.content_type_id,
                    page_id=page.pk,
                    revision_id=page.latest_revision_id,
                    label=page.title,
                    action=action,
                    timestamp=self.now,
                    content_changed=True,
                )
                for page in self.pages
                for action in actions
            ],
            batch_size=BULK_SIZE,
        )
        self._insert_references()
        if self.publish:
            for page in self.pages:
                page_published.send(sender=type(page), instance=page, revision=page.latest_revision)
                published.send(sender=type(page), instance=page, revision=page.latest_revision)

    def _insert_references(self) -> None:
        """Wagtail's reference index rows, as ReferenceIndex.create_or_update_for_object would write them
        for a new object (which has none yet), in one bulk insert instead of three queries a page."""
        rows = []
        for page in self.pages:
            if not ReferenceIndex.is_indexed(type(page)):
                continue
            content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
            base_content_type = ContentType.objects.get_for_model(Page, for_concrete_model=False)
            references = set(ReferenceIndex._extract_references_from_object(page))
            rows += [
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=page.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for to_content_type_id, to_object_id, model_path, content_path in references
            ]
        ReferenceIndex.objects.bulk_create(rows, batch_size=BULK_SIZE)


def publish_first_drafts(pages: list[Page]) -> set[int]:
    flipped: set[int] = set()
    for start in range(0, len(pages), IDS_PER_QUERY):
        flipped |= _publish_first_drafts(pages[start : start + IDS_PER_QUERY])
    return flipped


def _publish_first_drafts(pages: list[Page]) -> set[int]:
    """Publish, in bulk, the pages that were never published and have one revision, no schedule, no
    workflow in progress and no aliases: their row already holds that revision's content (Wagtail
    writes it when a page is created), so publishing only sets the live state, as Wagtail's publish
    would, logs it and sends `page_published`. Returns their ids; the others are left to Wagtail."""
    candidates = {
        page.pk: page
        for page in pages
        if page.latest_revision_id and page.live_revision_id is None and not page.go_live_at and not page.expire_at
    }
    if not candidates:
        return set()
    ids = list(candidates)
    object_ids = [str(pk) for pk in ids]
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.filter(base_content_type=base_content_type, object_id__in=object_ids)
    one_revision = {
        int(row["object_id"]) for row in revisions.values("object_id").annotate(count=Count("pk")) if row["count"] == 1
    }
    in_workflow = {
        int(object_id)
        for object_id in WorkflowState.objects.active()
        .filter(base_content_type=base_content_type, object_id__in=object_ids)
        .values_list("object_id", flat=True)
    }
    aliased = set(Page.objects.filter(alias_of_id__in=ids).values_list("alias_of_id", flat=True))
    flipped = [candidates[pk] for pk in ids if pk in one_revision and pk not in in_workflow | aliased]
    if not flipped:
        return set()
    now = timezone.now()
    Page.objects.filter(pk__in=[page.pk for page in flipped]).update(
        live=True,
        has_unpublished_changes=False,
        expired=False,
        live_revision=F("latest_revision"),
        first_published_at=Coalesce(F("first_published_at"), Value(now)),
        last_published_at=now,
    )
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                revision_id=page.latest_revision_id,
                label=page.title,
                action="wagtail.publish",
                timestamp=now,
                content_changed=True,
            )
            for page in flipped
        ],
        batch_size=BULK_SIZE,
    )
    revisions_by_id = Revision.objects.in_bulk([page.latest_revision_id for page in flipped])
    for page in flipped:
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.live_revision_id = page.latest_revision_id
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        revision = revisions_by_id[page.latest_revision_id]
        page_published.send(sender=type(page), instance=page, revision=revision)
        published.send(sender=type(page), instance=page, revision=revision)
    return {page.pk for page in flipped}


def _execute_many(sql: str, rows: list[tuple]) -> None:
    """One statement for many rows of wagtailcore_page (Django's bulk_update builds a CASE per row)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = {"page": quote(Page._meta.db_table)}
    for name in ("id", "numchild", "latest_revision", "live_revision"):
        names[name] = quote(Page._meta.get_field(name).column)
    with connection.cursor() as cursor:
        cursor.executemany(sql.format(**names), rows)
