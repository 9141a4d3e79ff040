"""The durable queue between content changes and the search indices.

Lifecycle signals record an IndexChange row inside the transaction that
changes the page, so a committed change is never lost. Once it commits, a task
(search.tasks) applies every due row: documents are recomputed from the pages
as they are then and written to the database index, and to Elasticsearch when
it is configured. When Elasticsearch cannot take them, the rows stay queued and
are retried with backoff (a deferred task on a queue with a worker, else a
timer in this process), so drift returns to zero by itself once the cluster is
back. An Elasticsearch index found missing is rebuilt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page

from portal.background import LaterInThread
from search.engines.base import PRIMARY_COOLDOWN
from search.indexing.documents import IDS_PER_QUERY, INDEXED_MODELS
from search.indexing.sync import (
    IndexWrites,
    get_store,
    write_database,
    write_elasticsearch,
    writes_for_page_ids,
    writes_for_suggestions,
)
from search.models import IndexChange

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
KEEP_APPLIED = timedelta(days=1)  # long enough for any rebuild to replay what happened while it ran
APPLIER_LOCK = 0x5049_4F4E  # PostgreSQL advisory lock key ("PION") that appliers take turns on


# Recording ------------------------------------------------------------------


def record_pages(page_ids: Iterable[int]) -> None:
    _record(IndexChange.PAGE, (str(pk) for pk in page_ids))


def record_suggestions(suggestion_ids: Iterable[str]) -> None:
    _record(IndexChange.SUGGESTION, suggestion_ids)


def record_ensure() -> None:
    """Ask for the Elasticsearch index to be built as soon as the cluster answers."""
    _record(IndexChange.ENSURE, [""])


_batch = threading.local()


def _record(kind: str, keys: Iterable[str]) -> None:
    pending = getattr(_batch, "changes", None)
    if pending is not None:
        pending.update(dict.fromkeys((kind, key) for key in keys))
        return
    _insert(dict.fromkeys((kind, key) for key in keys))


def _insert(changes: dict[tuple[str, str], None]) -> None:
    rows = [IndexChange(kind=kind, key=key) for kind, key in changes]
    if rows:
        IndexChange.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        transaction.on_commit(kick, robust=True)  # applied once the change has committed


@contextmanager
def batched() -> Iterator[None]:
    """Changes recorded inside the block go in as one bulk insert with one kick when it ends (bulk imports).

    Enter it inside the transaction that makes the changes; an error in the
    block drops them, as the transaction's rollback drops the changes themselves.
    """
    if getattr(_batch, "changes", None) is not None:  # an outer block records them
        yield
        return
    _batch.changes = {}
    try:
        yield
        changes = _batch.changes
    finally:
        _batch.changes = None
    _insert(_outermost_pages(changes))


def _outermost_pages(changes: dict[tuple[str, str], None]) -> dict[tuple[str, str], None]:
    """Of pages recorded together, drop the case studies, barriers and workarounds below another recorded
    page: applying a page's change rebuilds the documents of every such page below it (sync.affected_pages),
    so an import of new pioneers is a row per pioneer. Other pages (a pioneer: its suggestion) stay."""
    page_ids = [int(key) for kind, key in changes if kind == IndexChange.PAGE]
    indexed_types = {content_type.pk for content_type in ContentType.objects.get_for_models(*INDEXED_MODELS).values()}
    rows = []
    for start in range(0, len(page_ids), IDS_PER_QUERY):
        chunk = Page.objects.filter(pk__in=page_ids[start : start + IDS_PER_QUERY])
        rows += chunk.values_list("path", "pk", "content_type_id")
    rows.sort()
    covered, outer = set(), None
    for path, pk, content_type_id in rows:
        if outer is not None and path.startswith(outer):
            if content_type_id in indexed_types:
                covered.add(str(pk))
        else:
            outer = path
    return {change: None for change in changes if not (change[0] == IndexChange.PAGE and change[1] in covered)}


def kick() -> None:
    """Ask for a task to apply the new changes, unless an earlier kick already asked for one for them all.

    Flipping `enqueued` is one UPDATE, so of many kicks after one transaction
    (one per recorded change) only the first enqueues a task.
    """
    from search.indexing.tasks import apply_index_changes

    fresh = IndexChange.objects.filter(applied_at__isnull=True, enqueued=False)
    if not fresh.update(enqueued=True):
        return
    try:
        apply_index_changes.enqueue()
    except Exception:
        IndexChange.objects.filter(applied_at__isnull=True).update(enqueued=False)
        raise


# Applying ---------------------------------------------------------------------


@dataclass
class QueueResult:
    applied: int = 0
    failed: int = 0
    error: str = ""


def _due():
    ready = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    return IndexChange.objects.filter(applied_at__isnull=True).filter(ready)


def due_rows() -> list[IndexChange]:
    return list(_due()[:BATCH_SIZE])


def pending_count() -> int:
    return IndexChange.objects.filter(applied_at__isnull=True).count()


def latest_change_id() -> int:
    return IndexChange.objects.aggregate(latest=Max("id"))["latest"] or 0


def writes_for_rows(rows: Iterable[IndexChange]) -> IndexWrites:
    """What the rows' pages and suggestion entries need now: recomputed, never replayed."""
    rows = list(rows)
    page_ids = {int(row.key) for row in rows if row.kind == IndexChange.PAGE}
    writes = writes_for_page_ids(page_ids, with_affected=True)
    writes.add(writes_for_suggestions(row.key for row in rows if row.kind == IndexChange.SUGGESTION))
    return writes


def apply_due() -> QueueResult:
    """Apply every due change, batch by batch; stop at the first batch Elasticsearch cannot take."""
    result = QueueResult()
    while True:
        with _claimed_batch() as rows:
            if not rows:
                break
            error = _apply(rows)
        if error:
            result.failed += len(rows)
            result.error = error
            break
        result.applied += len(rows)
    IndexChange.objects.filter(applied_at__lt=timezone.now() - KEEP_APPLIED).delete()
    return result


@contextmanager
def _claimed_batch() -> Iterator[list[IndexChange]]:
    """The next due rows, for this applier alone until it has written and marked them (PostgreSQL).

    Applying reads the pages, then writes what it read. Two appliers at once
    (task workers, web processes applying after their commits, `search_index
    process`) could otherwise take the same rows, and the one that read a page
    before its latest change could write last: the index would keep the older
    page until a repair. On PostgreSQL appliers take turns on an advisory lock
    held for the batch's transaction; the next one then reads only what is
    still due. Publishing never waits for it (no row is locked). SQLite has
    no such lock, and holding its one write lock across Elasticsearch writes
    would stall every publish: there rows are read as before (`make run` is
    one process; `search_index check` finds what a race there left behind).
    """
    if connection.vendor != "postgresql":
        yield due_rows()
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [APPLIER_LOCK])
        yield due_rows()


def _apply(rows: list[IndexChange]) -> str:
    """Write the rows' changes; mark them applied, or due again later. Returns the error, if any."""
    ids = [row.pk for row in rows]
    try:
        # Inside a claim's transaction, a savepoint: a database error is undone alone, and the rows can
        # still be marked for retry. What the database index took stays when Elasticsearch fails.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            writes = writes_for_rows(rows)
            write_database(writes)
        # An ENSURE row needs no writes of its own: a missing index is rebuilt, and with an ENSURE row an outdated one.
        _write_elasticsearch(writes, ensure=any(row.kind == IndexChange.ENSURE for row in rows))
    except Exception as error:
        attempts = max(row.attempts for row in rows) + 1
        delay = retry_delay(attempts)
        IndexChange.objects.filter(pk__in=ids).update(
            attempts=attempts,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
            last_error=f"{error.__class__.__name__}: {error}"[:2000],
        )
        logger.warning(
            "Search index: %s changes kept for retry in %.0f s (attempt %s): %s", len(ids), delay, attempts, error
        )
        schedule_retry(delay)
        return str(error) or error.__class__.__name__
    IndexChange.objects.filter(pk__in=ids).update(applied_at=timezone.now(), last_error="")
    return ""


class ElasticsearchAway(Exception):
    """Elasticsearch is known to be down (a recent failure): do not wait on it again yet."""


def _write_elasticsearch(writes: IndexWrites, *, ensure: bool = False) -> None:
    store = get_store()
    if store is None:
        return
    if PRIMARY_COOLDOWN.active():
        raise ElasticsearchAway("Elasticsearch failed moments ago; waiting before trying again.")
    try:
        if not store.exists() or (ensure and store.outdated()):
            from search.indexing.maintenance import rebuild

            logger.info("Search index: the Elasticsearch index is missing or outdated; building it.")
            rebuild(get_store("bulk"))  # reads every page, so it takes in these writes too
            return
        if writes:
            write_elasticsearch(writes, store)
    except Exception as error:
        if _is_unreachable(error):
            PRIMARY_COOLDOWN.start()  # searches skip the cluster too, instead of each waiting on it
        raise


def _is_unreachable(error: Exception) -> bool:
    from elastic_transport import TransportError

    return isinstance(error, TransportError)


def retry_delay(attempts: int) -> float:
    """5 s, 10 s, 20 s, ... doubling up to the maximum (settings.SEARCH_RETRY_*)."""
    return min(settings.SEARCH_RETRY_BASE_SECONDS * 2 ** (attempts - 1), settings.SEARCH_RETRY_MAX_SECONDS)


# Retrying -------------------------------------------------------------------------


def schedule_retry(delay: float) -> None:
    """A deferred task where the queue has a worker; otherwise a timer in this process."""
    from search.indexing.tasks import apply_index_changes

    if apply_index_changes.get_backend().supports_defer:
        apply_index_changes.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()
    elif settings.SEARCH_RETRY_IN_PROCESS:
        _retry_timer.arm(delay)


def _retry_in_thread() -> None:
    try:  # a thread of its own: LaterInThread closes its database connection afterwards
        apply_due()
    except Exception:
        logger.exception("Search index: retrying queued changes failed")


_retry_timer = LaterInThread("search-index-retry", _retry_in_thread)


def kick_if_pending() -> None:
    """At start-up: changes left queued by an earlier process (or an outage) are taken up again,
    in the background, so the request that notices them does not wait for a rebuild."""
    try:
        if IndexChange.objects.filter(applied_at__isnull=True).exists():
            schedule_retry(0)
    except Exception:
        logger.exception("Search index: could not look at the queue of index changes")
