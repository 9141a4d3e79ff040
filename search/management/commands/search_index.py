"""`manage.py search_index rebuild|check|repair|ensure|process`: keep the search indices right."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.engines.elasticsearch.store import IndexStore
from search.indexing import maintenance
from search.indexing import queue as index_queue
from search.indexing.documents import indexable_pages
from search.indexing.sync import get_store
from search.models import IndexChange, SearchEntry


def cluster_address() -> str:
    """ELASTICSEARCH_URL without a password (imported here: only called when a cluster is configured)."""
    from search.engines.elasticsearch.client import display_url

    return display_url()


class Command(BaseCommand):
    help = (
        "rebuild: fill new indices and swap them in atomically; check: list drift between published pages "
        "and the indices (content and suggestions); repair: fix that drift; ensure: build what is missing "
        "or outdated (used at start-up: waits for Elasticsearch in the background when it is down); process: apply the "
        "queued index changes now."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "repair", "ensure", "process"])
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars.")

    def handle(self, *args, action: str, no_progress: bool = False, **options):
        self.show_progress = not no_progress
        getattr(self, f"handle_{action}")(get_store("bulk"))

    def _progress(self, what: str, total: int):
        bar = tqdm(total=total, desc=what, unit="doc", disable=not self.show_progress, file=self.stderr, leave=False)
        return bar.update

    def _reachable(self, store: IndexStore) -> Exception | None:
        try:
            store.client.cluster.health(timeout="5s")
        except Exception as error:
            return error
        return None

    def _require_cluster(self, store: IndexStore | None) -> None:
        if store is not None and (error := self._reachable(store)):
            raise CommandError(
                f"Elasticsearch at {cluster_address()} is not reachable ({error.__class__.__name__}). "
                "Start it (make es) or unset ELASTICSEARCH_URL to work on the database index only."
            )

    def handle_rebuild(self, store: IndexStore | None) -> None:
        self._require_cluster(store)
        result = maintenance.rebuild(store, self._progress)
        self.stdout.write(f"Database index: {result.documents} documents.")
        if store is None:
            self.stdout.write("ELASTICSEARCH_URL is not set: only the database index was rebuilt.")
            return
        replayed = f"; {result.replayed} changes made meanwhile replayed" if result.replayed else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Elasticsearch: {result.documents} documents and {result.suggestions} suggestions in "
                f"{result.index}; aliases swapped{replayed}."
            )
        )

    def _drift(self, store: IndexStore | None) -> maintenance.Drift:
        self._require_cluster(store)
        if store is not None and not store.exists():
            raise CommandError("The Elasticsearch index does not exist yet: run `manage.py search_index rebuild`.")
        if store is not None and (outdated := store.outdated()):
            raise CommandError(
                f"The Elasticsearch index {', '.join(outdated)} was built from another definition of its fields: "
                "run `manage.py search_index rebuild` (or `ensure`)."
            )
        return maintenance.find_drift(store, self._progress)

    def _report(self, drift: maintenance.Drift) -> None:
        for index_name, kinds in drift.found.items():
            for kind, ids in kinds.items():
                if ids:
                    shown = ", ".join(ids[:20]) + (" …" if len(ids) > 20 else "")
                    what = "suggestion ids" if index_name == "suggestions" else "page ids"
                    self.stdout.write(f"{index_name}: {len(ids)} {kind} ({what} {shown})")
        pending = index_queue.pending_count()
        if pending:
            oldest = IndexChange.objects.filter(applied_at__isnull=True).order_by("id").first()
            error = f"; last error: {oldest.last_error}" if oldest and oldest.last_error else ""
            self.stdout.write(f"queue: {pending} index changes waiting to be applied{error}")

    def handle_check(self, store: IndexStore | None) -> None:
        drift = self._drift(store)
        self._report(drift)
        if drift.problems:
            raise CommandError(f"{drift.problems} problems found: run `manage.py search_index repair` to fix them.")
        self.stdout.write(self.style.SUCCESS("The search indices match the published pages."))

    def handle_repair(self, store: IndexStore | None) -> None:
        drift = self._drift(store)
        self._report(drift)
        if not drift.problems:
            self.stdout.write(self.style.SUCCESS("Nothing to repair."))
            return
        mended = maintenance.repair(drift, store)
        remaining = maintenance.find_drift(store).problems
        if remaining:
            raise CommandError(f"{remaining} problems remain after repair; see the log.")
        self.stdout.write(self.style.SUCCESS(f"Repaired {mended} documents and suggestions."))

    def handle_process(self, store: IndexStore | None) -> None:
        result = index_queue.apply_due()
        if result.failed:
            raise CommandError(
                f"Applied {result.applied} index changes; {result.failed} wait for a retry: {result.error}"
            )
        self.stdout.write(self.style.SUCCESS(f"Applied {result.applied} index changes."))

    def handle_ensure(self, store: IndexStore | None) -> None:
        """Start-up: never fails because Elasticsearch is away; the queue builds the index once it answers."""
        if not SearchEntry.objects.exists() and any(True for _ in indexable_pages()):
            self.stdout.write("The database index is empty: filling it.")
            maintenance.rebuild(None, self._progress)
        if store is None:
            return
        if error := self._reachable(store):
            index_queue.record_ensure()
            self.stderr.write(
                self.style.WARNING(
                    f"Elasticsearch at {cluster_address()} is not reachable ({error.__class__.__name__}): "
                    "searching with the database engine; the index will be built when the cluster answers."
                )
            )
            return
        if store.exists() and (outdated := store.outdated()):
            self.stdout.write(
                f"Elasticsearch index {', '.join(outdated)} was built from another definition of its fields: "
                "rebuilding it."
            )
            self.handle_rebuild(store)
            return
        if store.exists():
            for name, (now, wanted) in store.apply_replicas().items():
                self.stdout.write(f"{name}: replicas {now} -> {wanted} (ELASTICSEARCH_REPLICAS).")
            self.stdout.write(f"Elasticsearch index {store.alias('content')} is ready.")
            index_queue.apply_due()
            return
        self.stdout.write(f"Elasticsearch index {store.alias('content')} is missing: building it.")
        self.handle_rebuild(store)
