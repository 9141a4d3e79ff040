"""Writing to Elasticsearch: index creation, upserts, deletes and atomic rebuilds.

Each kind of index ("content", "suggest") is read through an alias
`<prefix>-<kind>` that points at one versioned index `<prefix>-<kind>-<stamp>`.
A rebuild fills a new versioned index and moves the alias in one
`update_aliases` call, so searches never see a half-built index. While a
rebuild runs, live updates are written to every versioned index of the kind,
and search.indexing.maintenance replays every change recorded meanwhile before the
swap, so nothing published or withdrawn during a rebuild is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.dsl import Index
from elasticsearch.helpers import parallel_bulk, scan, streaming_bulk

from search.engines.base import fingerprint
from search.engines.elasticsearch.documents import ContentDocument, SuggestionDocument, index_settings

logger = logging.getLogger(__name__)

DOCUMENT_CLASSES = {"content": ContentDocument, "suggest": SuggestionDocument}
BULK_CHUNK_SIZE = 200  # live updates
REBUILD_CHUNK_SIZE = 1000  # a rebuild's bulk requests: fewer round trips
REBUILD_THREADS = 2  # one request being built while Elasticsearch indexes the other
# The content index is merged into one segment after a rebuild's load (start_merge). The suggestions'
# index is not: typeahead reads one prefix's entries, and its merge (1.5 s under a search load) would be
# waited for at the end of the rebuild, when nothing else runs beside it.
MERGED_KINDS = ("content",)
MERGE_WAIT_SECONDS = 600  # how long a rebuild waits at most for a loaded index's merge (6 s at 100,000)


def suggest_fingerprint(entry: dict[str, Any]) -> str:
    """The fingerprint a suggestion entry has once stored."""
    return fingerprint(to_suggest_source(entry))


def to_content_source(document: dict[str, Any]) -> dict[str, Any]:
    return {**document, "title_sort": document["title"]}


def to_suggest_source(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": entry["text"],
        "type": entry["type"],
        "url": entry["url"],
        "suggest": {"input": _completion_inputs(entry["text"]), "weight": entry.get("weight", 10)},
    }


def _completion_inputs(text: str) -> list[str]:
    """The title itself and the title from each later word, so "record" finds "Shared record…"."""
    words = text.split()
    inputs = [" ".join(words[i:]) for i in range(min(len(words), 6))]
    return [value[:200] for value in inputs if value]


class IndexStore:
    def __init__(self, client: Elasticsearch, prefix: str):
        self.client = client
        self.prefix = prefix
        self._merges: dict[str, Future[Any]] = {}  # a loaded index's name: its merge (start_merge)

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def _index_definition(self, kind: str, name: str, **settings: Any) -> Index:
        index = Index(name)
        document_class = DOCUMENT_CLASSES[kind]
        index.settings(**{**index_settings(), **settings})
        index.document(document_class)
        return index

    def versioned_indices(self, kind: str) -> list[str]:
        pattern = f"{self.alias(kind)}-*"
        found = self.client.indices.get(index=pattern, allow_no_indices=True, expand_wildcards="open")
        return sorted(found.keys())

    def live_index(self, kind: str) -> str | None:
        try:
            found = self.client.indices.get_alias(name=self.alias(kind))
        except NotFoundError:
            return None
        return next(iter(found.keys()), None)

    def create_versioned_index(self, kind: str, **settings: Any) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias(kind)}-{stamp}"
        body = self._index_definition(kind, name, **settings).to_dict()
        body.setdefault("mappings", {})["_meta"] = {"definition": self.definition(kind)}
        self.client.indices.create(index=name, **body)
        return name

    def definition(self, kind: str) -> str:
        """A fingerprint of what the code declares for an index of this kind: its fields and analysis.

        Kept in each index's mapping (`_meta.definition`) when it is created; an index whose
        fingerprint differs (a field added, an analyser changed) is outdated and needs a rebuild.
        Shard and replica counts are left out: they are settings, not the definition.
        """
        body = self._index_definition(kind, "definition").to_dict()
        return fingerprint({"mappings": body.get("mappings", {}), "analysis": body["settings"].get("analysis", {})})

    def outdated(self) -> list[str]:
        """The live indices built from another definition than the code's (older code, or before fingerprints)."""
        found = []
        for kind in DOCUMENT_CLASSES:
            name = self.live_index(kind)
            if name is None:
                continue
            mapping = self.client.indices.get_mapping(index=name)[name]["mappings"]
            if mapping.get("_meta", {}).get("definition") != self.definition(kind):
                found.append(name)
        return found

    def replica_changes(self) -> dict[str, tuple[int, int]]:
        """Live indices whose replica count is not the configured one: {index: (now, configured)}."""
        wanted = index_settings()["number_of_replicas"]
        live = [name for kind in DOCUMENT_CLASSES if (name := self.live_index(kind))]
        found = self.client.indices.get_settings(index=live, name="index.number_of_replicas") if live else {}
        now = {name: int(body["settings"]["index"]["number_of_replicas"]) for name, body in found.items()}
        return {name: (count, wanted) for name, count in now.items() if count != wanted}

    def apply_replicas(self) -> dict[str, tuple[int, int]]:
        """Give the live indices the configured replica count (a dynamic setting: no rebuild); returns the changes."""
        changes = self.replica_changes()
        if changes:
            wanted = index_settings()["number_of_replicas"]
            self.client.indices.put_settings(index=list(changes), settings={"index": {"number_of_replicas": wanted}})
        return changes

    def exists(self) -> bool:
        return all(self.live_index(kind) for kind in DOCUMENT_CLASSES)

    def ensure(self) -> bool:
        """Create any missing index behind its alias. True when something was created."""
        created = False
        for kind in DOCUMENT_CLASSES:
            if self.live_index(kind) is None:
                name = self.create_versioned_index(kind)
                self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias(kind)}}])
                created = True
        return created

    # Live updates ---------------------------------------------------------

    def _write(self, kind: str, actions: list[dict[str, Any]]) -> None:
        targets = self.versioned_indices(kind)
        if not targets:
            raise RuntimeError(f"No {kind} index exists yet: run `manage.py search_index rebuild`.")
        bulk_actions = [{**action, "_index": target} for target in targets for action in actions]
        for ok, item in streaming_bulk(self.client, bulk_actions, raise_on_error=False, chunk_size=BULK_CHUNK_SIZE):
            if not ok and next(iter(item.values())).get("status") != 404:
                raise RuntimeError(f"Elasticsearch refused a {kind} update: {item}")

    def apply(
        self,
        documents: Iterable[dict[str, Any]] = (),
        removed: Iterable[int | str] = (),
        suggestions: Iterable[dict[str, Any]] = (),
        removed_suggestions: Iterable[str] = (),
    ) -> None:
        """Index and delete in one bulk request per kind, then refresh once, so searches see it at once."""
        actions = {
            "content": [
                {"_op_type": "index", "_id": str(doc["id"]), "_source": to_content_source(doc)} for doc in documents
            ]
            + [{"_op_type": "delete", "_id": str(pk)} for pk in removed],
            "suggest": [
                {"_op_type": "index", "_id": str(s["id"]), "_source": to_suggest_source(s)} for s in suggestions
            ]
            + [{"_op_type": "delete", "_id": str(pk)} for pk in removed_suggestions],
        }
        written = [kind for kind, kind_actions in actions.items() if kind_actions]
        for kind in written:
            self._write(kind, actions[kind])
        if written:
            self.client.indices.refresh(index=[self.alias(kind) for kind in written])

    # Rebuild: start (new indices, which live updates reach at once), load, finish (swap) or abort.

    def start_rebuild(self) -> dict[str, str]:
        """New versioned indices for every kind, not yet behind the aliases, that do not refresh while they
        load (finish_rebuild refreshes them once and turns the refresh interval back to the default)."""
        new: dict[str, str] = {}
        try:
            for kind in DOCUMENT_CLASSES:
                new[kind] = self.create_versioned_index(kind, refresh_interval="-1")
        except Exception:
            self.abort_rebuild(new)
            raise
        return new

    def load(self, index: str, kind: str, items: Iterable[dict[str, Any]], progress=lambda done: None) -> int:
        """Bulk-load a new index, then start merging it into one segment (start_merge; MERGED_KINDS only).
        "create", not "index": a live update written to the new index while it loads is newer than the
        copy read before, so it must win (409 = already there)."""
        to_source = {"content": to_content_source, "suggest": to_suggest_source}[kind]

        def actions() -> Iterator[dict[str, Any]]:
            for item in items:
                yield {"_op_type": "create", "_index": index, "_id": str(item["id"]), "_source": to_source(item)}

        loaded = 0
        batches = parallel_bulk(
            self.client, actions(), thread_count=REBUILD_THREADS, chunk_size=REBUILD_CHUNK_SIZE, raise_on_error=False
        )
        for ok, item in batches:
            if not ok and next(iter(item.values())).get("status") != 409:
                raise RuntimeError(f"Elasticsearch refused a document while rebuilding {index}: {item}")
            loaded += 1
            progress(loaded)
        if kind in MERGED_KINDS:
            self.start_merge(index)
        return loaded

    def start_merge(self, index: str) -> None:
        """Merge a loaded index into one segment, in the background: finish_rebuild waits for it.

        A bulk load leaves a segment each time the node's indexing buffer fills (nine at 100,000
        documents), and a search looks every term up in every segment: on one segment the same searches
        take about a third less time. Merging the content index (6 s at 100,000) runs while the
        suggestions load. The index is read far more than written; later edits add small segments,
        which Elasticsearch merges as it always does. (Its guide warns against merging an index still
        written to because a segment over 5 GB is left out of later merges; this one is 190 MB at
        100,000 documents.)
        """
        merging = self.client.options(request_timeout=MERGE_WAIT_SECONDS)
        run = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"merge-{index}")
        self._merges[index] = run.submit(merging.indices.forcemerge, index=index, max_num_segments=1)
        run.shutdown(wait=False)  # the thread ends with the merge

    def _wait_for_merges(self, indices: Iterable[str]) -> None:
        """Wait until the merges start_merge began for `indices` have finished. A merge that failed or
        takes too long leaves a complete index, only slower to search: it is logged, and the rebuild goes
        on (a node that is gone fails the swap that follows)."""
        for index in indices:
            merge = self._merges.pop(index, None)
            if merge is None:
                continue
            try:
                merge.result()
            except (ApiError, TransportError) as error:  # refused, not finished in time, or the node is gone
                logger.warning(
                    "Search index: could not merge %s into one segment (%s); it is complete, and searches are "
                    "only slower until Elasticsearch merges it.",
                    index, error,
                )  # fmt: skip

    def finish_rebuild(self, new: dict[str, str], retire_after: float = 0) -> None:
        """Swap every alias to its new index in one call, then drop the old indices once `retire_after`
        seconds have passed: a search that resolved the alias just before the swap still finishes there."""
        self._wait_for_merges(new.values())
        self.client.indices.put_settings(index=list(new.values()), settings={"index": {"refresh_interval": None}})
        self.client.indices.refresh(index=list(new.values()))
        actions: list[dict[str, Any]] = []
        old: list[str] = []
        for kind, name in new.items():
            previous = [index for index in self.versioned_indices(kind) if index != name]
            old += previous
            actions += [
                {"remove": {"index": index, "alias": self.alias(kind)}}
                for index in previous
                if self.client.indices.exists_alias(index=index, name=self.alias(kind))
            ]
            actions.append({"add": {"index": name, "alias": self.alias(kind)}})
        self.client.indices.update_aliases(actions=actions)
        if old:
            if retire_after > 0:
                time.sleep(retire_after)
            self.client.indices.delete(index=old, ignore_unavailable=True)

    def abort_rebuild(self, new: dict[str, str]) -> None:
        """Remove a rebuild's partial indices; the aliases still point at the old ones.

        Never raises: it runs while the rebuild's own error is on its way up, and
        that error is the one to report. When the cluster is gone, the partial
        indices stay until the next rebuild's swap removes every index but its own.
        """
        if not new:
            return
        for index in new.values():
            self._merges.pop(index, None)  # deleting the index ends its merge
        try:
            self.client.indices.delete(index=list(new.values()), ignore_unavailable=True)
        except Exception as error:
            logger.error(
                "Search index: could not remove the failed rebuild's partial indices %s (%s); "
                "the next rebuild removes them.",
                ", ".join(new.values()), error,
            )  # fmt: skip

    # Inspection -------------------------------------------------------------

    def fingerprints(self) -> dict[str, str]:
        """Every content document's id and the fingerprint of what is stored now,

        computed from the stored source, so a document changed behind the
        indexer's back shows as stale.
        """
        hits = scan(
            self.client,
            index=self.alias("content"),
            query={"query": {"match_all": {}}},
            source_excludes=["title_sort"],
        )
        return {hit["_id"]: fingerprint(hit["_source"]) for hit in hits}

    @staticmethod
    def suggestion_fingerprint(entry: dict[str, Any]) -> str:
        """The fingerprint a suggestion entry has once stored (compare with suggestion_fingerprints)."""
        return suggest_fingerprint(entry)

    def suggestion_fingerprints(self) -> dict[str, str]:
        """Every suggestion entry's id and the fingerprint of its stored source (compare with suggest_fingerprint)."""
        hits = scan(self.client, index=self.alias("suggest"), query={"query": {"match_all": {}}})
        return {hit["_id"]: fingerprint(hit["_source"]) for hit in hits}

    def drop_all(self) -> None:
        """Remove every index of this prefix (test fixtures)."""
        for kind in DOCUMENT_CLASSES:
            indices = self.versioned_indices(kind)
            if indices:
                self.client.indices.delete(index=indices, ignore_unavailable=True)
