"""`manage.py search_index rebuild|check|repair|ensure`: keep the search indices right."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import db_store
from search.es_store import IndexStore, fingerprint
from search.indexing import INDEXED_MODELS, build_document, indexable_pages, suggestion_entries, title_suggestion
from search.sync import get_store, sync_pages


class Command(BaseCommand):
    help = (
        "rebuild: fill new indices and swap them in atomically; check: list drift between "
        "published pages and the indices; repair: fix that drift; ensure: create and fill "
        "the Elasticsearch index only when it is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "repair", "ensure"])
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, action: str, no_progress: bool = False, **options):
        self.show_progress = not no_progress
        store = get_store()
        if store is not None:
            self._require_cluster(store)
        getattr(self, f"handle_{action}")(store)

    def _require_cluster(self, store: IndexStore) -> None:
        try:
            store.client.cluster.health(timeout="5s")
        except Exception as error:
            raise CommandError(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL} is not reachable ({error.__class__.__name__}). "
                "Start it (make es) or unset ELASTICSEARCH_URL to work on the database index only."
            ) from error

    def _expected_documents(self) -> list[dict]:
        pages = list(indexable_pages())
        bar = tqdm(pages, desc="Reading pages", unit="page", disable=not self.show_progress, file=self.stderr)
        return [document for document in (build_document(page) for page in bar) if document]

    def handle_rebuild(self, store: IndexStore | None) -> None:
        documents = self._expected_documents()
        count = db_store.rebuild(documents)
        self.stdout.write(f"Database index: {count} documents.")
        if store is None:
            self.stdout.write("ELASTICSEARCH_URL is not set: only the database index was rebuilt.")
            return
        suggestions = [title_suggestion(doc) for doc in documents] + list(suggestion_entries())
        with tqdm(
            total=len(documents) + len(suggestions),
            desc="Loading Elasticsearch",
            unit="doc",
            disable=not self.show_progress,
            file=self.stderr,
        ) as bar:
            counts = store.rebuild(documents, suggestions, progress=lambda _done: bar.update(1))
        self.stdout.write(
            self.style.SUCCESS(
                f"Elasticsearch: {counts['content']} documents and {counts['suggest']} suggestions in "
                f"{store.live_index('content')}; alias {store.alias('content')} swapped."
            )
        )

    def _drift(self, store: IndexStore | None) -> dict[str, dict[str, list[str]]]:
        expected = {str(doc["id"]): fingerprint(doc) for doc in self._expected_documents()}
        stored = {"database": db_store.fingerprints()}
        if store is not None:
            if not store.exists():
                raise CommandError("The Elasticsearch index does not exist yet: run `manage.py search_index rebuild`.")
            stored["elasticsearch"] = store.fingerprints()
        drift = {}
        for name, found in stored.items():
            drift[name] = {
                "missing": sorted(set(expected) - set(found), key=int),
                "extra": sorted(set(found) - set(expected), key=int),
                "stale": sorted((pk for pk in expected if pk in found and found[pk] != expected[pk]), key=int),
            }
        return drift

    def _report(self, drift) -> int:
        problems = 0
        for index_name, kinds in drift.items():
            for kind, ids in kinds.items():
                if ids:
                    problems += len(ids)
                    shown = ", ".join(ids[:20]) + (" …" if len(ids) > 20 else "")
                    self.stdout.write(f"{index_name}: {len(ids)} {kind} (page ids {shown})")
        return problems

    def handle_check(self, store: IndexStore | None) -> None:
        problems = self._report(self._drift(store))
        if problems:
            raise CommandError(f"{problems} problems found: run `manage.py search_index repair` to fix them.")
        self.stdout.write(self.style.SUCCESS("The search indices match the published pages."))

    def handle_repair(self, store: IndexStore | None) -> None:
        from wagtail.models import Page

        drift = self._drift(store)
        if not self._report(drift):
            self.stdout.write(self.style.SUCCESS("Nothing to repair."))
            return
        ids = {int(pk) for kinds in drift.values() for pk_list in kinds.values() for pk in pk_list}
        existing = [page for page in Page.objects.filter(pk__in=ids).specific() if type(page) in INDEXED_MODELS]
        gone = ids - {page.pk for page in existing}  # deleted, or not content at all
        sync_pages(existing)
        if gone:
            db_store.delete(gone)
            if store is not None:
                store.delete(gone, [f"page-{pk}" for pk in gone])
        remaining = self._report(self._drift(store))
        if remaining:
            raise CommandError(f"{remaining} problems remain after repair; see the log.")
        self.stdout.write(self.style.SUCCESS(f"Repaired {len(ids)} documents."))

    def handle_ensure(self, store: IndexStore | None) -> None:
        from search.models import SearchEntry

        if not SearchEntry.objects.exists() and any(True for _ in indexable_pages()):
            self.stdout.write("The database index is empty: filling it.")
            db_store.rebuild(self._expected_documents())
        if store is None:
            return
        if store.exists():
            self.stdout.write(f"Elasticsearch index {store.alias('content')} is ready.")
            return
        self.stdout.write(f"Elasticsearch index {store.alias('content')} is missing: building it.")
        self.handle_rebuild(store)
