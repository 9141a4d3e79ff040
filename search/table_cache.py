"""Small tables read on every search (facet labels, synonyms, renamed slugs), kept in the process.

A search would otherwise spend most of its own time on a dozen tiny queries
whose answers rarely change. Each `TableCache` computes its value once and
keeps it until a row of one of its models is saved or deleted in this process
(the signal clears it at once) or `SEARCH_TABLE_CACHE_SECONDS` pass (other
processes, e.g. the other web workers, see a curator's edit within that time).
Changes made without signals (`QuerySet.update`, raw SQL) also wait for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")
_ALL: list[TableCache] = []


class TableCache(Generic[T]):
    def __init__(self, name: str, compute: Callable[[], T], models: tuple[str, ...]):
        self.name = name
        self.compute = compute
        self.models = models  # "app_label.Model", whose saved or deleted rows clear the cache
        self._value: tuple[float, T] | None = None
        self._lock = threading.Lock()
        self._connected = False
        _ALL.append(self)

    def get(self) -> T:
        if not self._connected:
            self._connect()
        kept = self._value
        if kept is not None and time.monotonic() - kept[0] < _lifetime():
            return kept[1]
        value = self.compute()
        with self._lock:
            self._value = (time.monotonic(), value)
        return value

    def clear(self, **_signal) -> None:
        with self._lock:
            self._value = None

    def _connect(self) -> None:
        """From the first use on, clear the cache whenever a row of its models is saved or deleted."""
        from django.apps import apps

        for model_path in self.models:
            for signal in (post_save, post_delete):
                uid = f"table-cache-{self.name}-{model_path}"
                signal.connect(self.clear, sender=apps.get_model(model_path), weak=False, dispatch_uid=uid)
        self._connected = True


def _lifetime() -> float:
    return float(getattr(settings, "SEARCH_TABLE_CACHE_SECONDS", 30))


def clear_all() -> None:
    for cache in _ALL:
        cache.clear()
