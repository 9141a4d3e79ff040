"""What the benchmark ran on, and how much memory the processes hold: read from /proc, no extra packages."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _kilobytes(path: str, key: str) -> int | None:
    """The value in kB of `key:` in a /proc file such as /proc/meminfo, or None where there is no /proc."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name == key:
            return int(value.split()[0])
    return None


def _megabytes(kilobytes: int | None) -> float | None:
    return None if kilobytes is None else round(kilobytes / 1024, 1)


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "memory_mb": _megabytes(_kilobytes("/proc/meminfo", "MemTotal")),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def process_rss_mb() -> float | None:
    """This process's resident memory (VmRSS)."""
    return _megabytes(_kilobytes("/proc/self/status", "VmRSS"))


def elasticsearch_heap_used_mb(client) -> float:
    """Heap used by the node(s), summed, from _nodes/stats/jvm."""
    stats = client.nodes.stats(metric="jvm")
    used = sum(node["jvm"]["mem"]["heap_used_in_bytes"] for node in stats["nodes"].values())
    return round(used / 1024 / 1024, 1)
