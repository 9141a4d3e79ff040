"""Throughput: concurrent clients against gunicorn serving the search API, for a fixed time.

Gunicorn runs the portal's WSGI application with the benchmark's own settings
(the same throwaway database and index prefix, DEBUG off) on a free loopback
port; client threads keep one connection each and cycle over the query mix.
An error is any answer that is not a 200 from the Elasticsearch engine.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings

from bench.stats import percentile, rounded

API = "/api/v1/search"
READY_TIMEOUT_S = 90.0


def default_workers() -> int:
    """Gunicorn's own advice: two workers a core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment() -> dict[str, str]:
    """This process's environment, pinned to the database and indices the harness loaded."""
    database = settings.DATABASES["default"]
    env = dict(os.environ)
    if database["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    env.update(
        DEBUG="0",
        ELASTICSEARCH_URL=settings.ELASTICSEARCH_URL,
        SEARCH_INDEX_PREFIX=settings.SEARCH_INDEX_PREFIX,
        DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "portal.settings.dev"),
        SEARCH_RATE_LIMIT="0",  # the clients all come from 127.0.0.1: the benchmark measures search, not the limit
    )
    return env


class Gunicorn:
    """gunicorn portal.wsgi on a loopback port, stopped (its whole process group) on leaving the block."""

    def __init__(self, workers: int | None = None, port: int | None = None):
        self.workers = workers or default_workers()
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            "--timeout=30",
            "--log-level=warning",
        ]

    def __enter__(self) -> Gunicorn:
        self.process = subprocess.Popen(  # noqa: S603
            self.command(), env=server_environment(), cwd=settings.BASE_DIR, start_new_session=True
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {self.process.returncode} before serving")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", f"{API}?q=care")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer on port {self.port} within {READY_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        for sent, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sent)
            except ProcessLookupError:
                return
            try:
                self.process.wait(wait)
                return
            except subprocess.TimeoutExpired:
                continue


def answered_by_elasticsearch(status: int, body: bytes) -> bool:
    if status != 200:
        return False
    try:
        return json.loads(body).get("engine") == "elasticsearch"
    except ValueError:
        return False


class Tally:
    """What the clients saw: one latency per answer, and the errors among them."""

    def __init__(self) -> None:
        self.latencies_ms: list[float] = []
        self.errors = 0
        self._lock = threading.Lock()

    def add(self, elapsed_ms: float, ok: bool) -> None:
        with self._lock:
            self.latencies_ms.append(elapsed_ms)
            self.errors += 0 if ok else 1


def summarise(tally: Tally, seconds: float, clients: int) -> dict[str, Any]:
    """Requests a second over the run, errors, and latency under that load."""
    latencies = tally.latencies_ms
    return {
        "clients": clients,
        "seconds": round(seconds, 1),
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1) if seconds > 0 else None,
        "errors": tally.errors,
        "p50_ms": rounded(percentile(latencies, 50)) if latencies else None,
        "p95_ms": rounded(percentile(latencies, 95)) if latencies else None,
    }


def _client(port: int, queries: list[str], start: int, stop_at: float, tally: Tally) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    index = start
    while time.monotonic() < stop_at:
        path = f"{API}?{queries[index % len(queries)]}"
        index += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            ok = answered_by_elasticsearch(response.status, body)
        except (OSError, http.client.HTTPException):
            connection.close()  # reconnects on the next request
            ok = False
        tally.add((time.perf_counter() - started) * 1000, ok)
    connection.close()


def load(port: int, queries: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """`clients` threads, each starting at a different place in the mix, for `seconds`."""
    tally = Tally()
    started = time.monotonic()
    stop_at = started + seconds
    step = max(1, len(queries) // clients)
    threads = [
        threading.Thread(target=_client, args=(port, queries, n * step, stop_at, tally), daemon=True)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(tally, time.monotonic() - started, clients)


def warm_up_seconds(seconds: float) -> float:
    """A sixth of the run, at most 5 s, untimed before it."""
    return min(5.0, seconds / 6)


def throughput(
    queries: list[str], clients: int = 16, seconds: float = 30.0, workers: int | None = None, log: Callable = print
) -> dict[str, Any]:
    with Gunicorn(workers) as server:
        log(f"  gunicorn up on port {server.port} with {server.workers} workers; {clients} clients for {seconds:.0f} s")
        load(server.port, queries, clients, warm_up_seconds(seconds))  # every worker's first requests are slow
        result = load(server.port, queries, clients, seconds)
    return {**result, "workers": server.workers}
