"""Work a web process does a little later, in a thread of its own: the index queue's retries without a
worker (search.indexing.queue), and the search log's batched writes (curation.analytics.recording)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


class LaterInThread:
    """Runs `work` once, `delay` seconds after `arm`, in a daemon thread named `name`.

    Arming while a run is already armed does nothing, so many callers share one run; `work` may arm the
    next. The thread closes its own database connection afterwards (Django's are per thread), so a run
    never leaves one open. `work` handles its own errors.
    """

    def __init__(self, name: str, work: Callable[[], None]) -> None:
        self.name = name
        self._work = work
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    @property
    def armed(self) -> bool:
        """A run is armed and has not started yet."""
        timer = self._timer
        return timer is not None and timer.is_alive()

    def arm(self, delay: float) -> None:
        with self._lock:
            if self.armed:
                return
            self._timer = threading.Timer(delay, self._run)
            self._timer.daemon = True
            self._timer.name = self.name
            self._timer.start()

    def cancel(self) -> None:
        """Disarm a run that has not started; its thread has ended when this returns."""
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            timer.join()  # not under the lock: a run that is starting takes it

    def _run(self) -> None:
        with self._lock:
            self._timer = None
        try:
            self._work()
        finally:
            connection.close()
